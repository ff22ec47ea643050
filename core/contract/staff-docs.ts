/** The `staffDocs` function's contract: actions that write Word documents. */
import * as z from 'zod';
import type { CodesFrom, ReportSection } from '../bulletin-report';
import type { IssueSkip } from '../code-issue';
import { reportOptionsSchema } from '../schemas/bulletin';
import { usccListOrBatch } from '../schemas/staff';
import { date, optionalText } from '../schemas/common';
import { action, type Contract } from './define';
import type { GeneratedFile } from './staff-files';

/** Entities per print document: about 2 pages and 15 KB each, so a document stays within a call's answer. */
export const MAX_PRINT = 100;

/** One entity of a print batch: its poster, and a delivery slip when a claim code was handed over. */
export interface PrintedItem {
  uscc: string;
  entityName: string;
  codeId: string;
  version: number;
  slip: boolean;
}

export const staffDocsContract = {
  /** The whole 通报 as .docx (city only), with its 文号 and 成文日期. */
  exportReport: action<GeneratedFile & { cutoff: string; codesFrom: CodesFrom; sections: readonly ReportSection[] }>()(
    z.intersection(
      reportOptionsSchema,
      z.object({
        docNo: z
          .string({ error: '文号应为文本，如 鹤环办发〔2022〕17号' })
          .trim()
          .min(1, { error: '请填写文号' })
          .max(40, { error: '文号不能超过40个字' })
          .regex(/^[\u4e00-\u9fa5]{1,12}〔\d{4}〕\d{1,4}号$/, { error: '文号格式应如 鹤环办发〔2022〕17号' }),
        issuedOn: date('成文日期').optional(),
        mainRecipients: optionalText('主送机关', 200),
        copyTo: optionalText('抄报', 200),
      }),
    ),
  ),
  /** Posters and delivery slips for a list of USCCs or an import batch (a page of MAX_PRINT at a time). */
  printBatch: action<GeneratedFile & { printed: PrintedItem[]; skipped: IssueSkip[]; nextOffset: number | null }>()(
    usccListOrBatch(MAX_PRINT, `每份打印文件最多${MAX_PRINT}个主体，请分批打印`),
  ),
} satisfies Contract;
