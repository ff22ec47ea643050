/** The `staffFiles` function's contract: actions that read or write xlsx files. */
import * as z from 'zod';
import { TABLE_KINDS, type TableKind, type TablePeriod } from '../bulletin-tables';
import { DEPARTMENT_IDS } from '../departments';
import { IMPORT_KINDS } from '../import-layouts';
import type { CreditCheckCounts } from '../reach';
import { month } from '../schemas/bulletin';
import { date, optionalText } from '../schemas/common';
import type { FormKind } from '../schemas/forms';
import { outreachFilters } from '../schemas/reach';
import { hasUpload, UPLOAD_REQUIRED, uploadFields, uploadLimit } from '../schemas/upload';
import { action, type Contract } from './define';

/** A file the function wrote (xlsx, docx), for the mini-program to save and open. */
export interface GeneratedFile {
  fileName: string;
  fileBase64: string;
}

/** One refused row of an imported sheet. */
export interface RowIssue {
  /** The sheet's row number as the spreadsheet shows it. */
  row: number;
  /** The column header as printed on the form ('' when the issue concerns the whole row). */
  column: string;
  reason: string;
}

/** importRecords of a 填报表 (any kind but the register). */
export interface ImportReport {
  kind: FormKind;
  /** The importBatches document of this import. */
  batchId: string;
  /** = batchId (older clients read `batch`). */
  batch: string;
  department: string;
  /** Non-blank data rows read. */
  rows: number;
  /** Resuming a failed import of this file: rows it had already handled, not read again. */
  skipped: number;
  /** The failed batch this import resumed. */
  resumedFrom?: string;
  inserted: number;
  /** Rows already stored (earlier imports) or repeated within the file. */
  duplicates: number;
  invalid: number;
  issues: RowIssue[];
  issuesTruncated: boolean;
}

/** importRecords of the 市场主体名录: rows are upserted by USCC. */
export interface RegisterReport {
  kind: 'register';
  batchId: string;
  batch: string;
  department: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows repeating a USCC already read from this file (the first one counts). */
  duplicates: number;
  invalid: number;
  issues: RowIssue[];
  issuesTruncated: boolean;
}

/** The department 台账 import: each valid row replaces its department's ledger row. */
export interface LedgerImportReport {
  batchId: string;
  rows: number;
  inserted: number;
  updated: number;
  duplicates: number;
  invalid: number;
  issues: RowIssue[];
}

/** Largest 填报表 accepted. A 60,000-row 主动承诺信息表 is about 3 MB. */
export const RECORD_FILE = uploadLimit(20 * 1024 * 1024, '文件过大，单个文件不能超过20MB，请拆分后分批导入');
/** The 通报's tables are a few dozen rows; 2 MB is generous. */
export const TABLE_FILE = uploadLimit(2 * 1024 * 1024, '文件过大，请确认上传的是通报附件表');
export const LEDGER_FILE = uploadLimit(2 * 1024 * 1024);
export const CREDIT_CHECK_FILE = uploadLimit(5 * 1024 * 1024);

const importKind = z.enum(IMPORT_KINDS, { error: `表格类别应为以下之一：${IMPORT_KINDS.join('、')}` });

export const staffFilesContract = {
  /** 归集: a department 填报表 or the register; row-level report, resumable (server/staff/import.ts). */
  importRecords: action<ImportReport | RegisterReport>()(
    z
      .object({
        kind: importKind,
        ...uploadFields(RECORD_FILE),
        fileName: optionalText('文件名', 200),
        /** Only the city admin imports on behalf of a department, chosen from the managed list. */
        departmentId: z.enum(DEPARTMENT_IDS, { error: '请从行管部门列表中选择数据来源部门' }).optional(),
      })
      .refine(hasUpload, UPLOAD_REQUIRED),
  ),
  /** A blank 填报表 in the office's layout. */
  importTemplate: action<GeneratedFile>()(z.object({ kind: importKind })),
  /** The 通报's 附件 ranking table. */
  exportBulletin: action<GeneratedFile & { asOf: string; sentence: string }>()(z.object({})),
  /** One of the 通报's own tables for a period (city only); a re-import replaces the period's table. */
  importTable: action<{ id: string; kind: TableKind; period: TablePeriod; rows: number; version: number; replaced: boolean }>()(
    z
      .object({
        kind: z.enum(TABLE_KINDS, { error: `表格类别应为以下之一：${TABLE_KINDS.join('、')}` }),
        ...uploadFields(TABLE_FILE),
        fileName: optionalText('文件名', 200),
        from: date('起始日期').optional(),
        to: date('截止日期').optional(),
        month: month().optional(),
        asOf: date('统计日期').optional(),
      })
      .refine(hasUpload, UPLOAD_REQUIRED)
      .refine((v) => v.kind !== 'publicity' || (v.from !== undefined && v.to !== undefined), {
        error: '“双公示”信息表请填写起止日期',
        path: ['from'],
      })
      .refine((v) => v.kind !== 'publicity' || v.from === undefined || v.to === undefined || v.from <= v.to, {
        error: '起始日期不能晚于截止日期',
        path: ['from'],
      })
      .refine((v) => v.kind !== 'monthlyReport' || v.month !== undefined, { error: '工作动态报送情况表请填写月份', path: ['month'] }),
  ),
  /** The outreach list (entities without a live code) for phone campaigns, same filters as staff.outreach. */
  exportOutreach: action<GeneratedFile & { rows: number }>()(z.object(outreachFilters)),
  /** The department 台账 (city only). */
  importLedger: action<LedgerImportReport>()(z.object(uploadFields(LEDGER_FILE)).refine(hasUpload, UPLOAD_REQUIRED)),
  /** 逢办必查: a list of USCCs in, their credit facts out as xlsx; audited without the answers. */
  creditCheck: action<GeneratedFile & { checkId: string; counts: CreditCheckCounts }>()(
    z.object({ ...uploadFields(CREDIT_CHECK_FILE), purpose: optionalText('核查事由', 100) }).refine(hasUpload, UPLOAD_REQUIRED),
  ),
} satisfies Contract;
