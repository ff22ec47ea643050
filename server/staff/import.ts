/**
 * 归集: importing the department 填报表 (xlsx). Rows are streamed, validated one by one with the
 * form schemas, and written in batches; every bad row is reported (row, column, reason in
 * Chinese) and stored nowhere. Each stored record carries dedupKey, a hash of its normalised
 * content under a unique index, so importing the same file again adds nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { check, DomainError, FORMS, optionalText, parseOrThrow, type FormKind } from '../../core';
import {
  canonicalRow,
  columnLabel,
  detectLayout,
  HEADER_SEARCH_ROWS,
  IMPORT_KINDS,
  isBlankRow,
  rowInput,
  type Layout,
} from '../../core/import-layouts';
import { getCloud, type Database } from '../cloud';
import { fetchAll } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import type { ActionContext } from '../handler';
import { COLLECTIONS, type CollectionName, type RecordSource } from '../model';
import { actorOf, auditByStaff, loadStaff, staffFields, type Staff } from './roles';
import { commitmentField } from './record-field';
import { readFirstSheet, type SheetRow } from './xlsx';

/** Largest accepted file. A 60,000-row 主动承诺信息表 is about 3 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Rows written per database call (and dedup keys looked up per call; get() returns at most 1000). */
export const BATCH_SIZE = 500;
/** The report lists at most this many row issues; the counts are always complete. */
export const MAX_REPORTED_ISSUES = 1000;

const TARGET: Readonly<Record<FormKind, CollectionName>> = {
  commitment: COLLECTIONS.commitments,
  honour: COLLECTIONS.honours,
  registration: COLLECTIONS.registrations,
  otherInfo: COLLECTIONS.otherInfo,
  districtTotals: COLLECTIONS.districtTotals,
};

const importInput = z
  .object({
    kind: z.enum(IMPORT_KINDS, { error: `表格类别应为以下之一：${IMPORT_KINDS.join('、')}` }),
    fileBase64: z.string({ error: '文件内容应为base64文本' }).optional(),
    /** Production: a cloud-storage fileID uploaded by the mini-program (callFunction payloads are small). */
    fileID: z.string({ error: '文件ID应为文本' }).max(1000).optional(),
    department: optionalText('数据来源部门', 100),
  })
  .refine((v) => v.fileBase64 !== undefined || v.fileID !== undefined, { error: '请上传文件', path: ['fileBase64'] });

export interface RowIssue {
  row: number;
  /** The column header as printed on the form ('' when the issue concerns the whole row). */
  column: string;
  reason: string;
}

export interface ImportReport {
  kind: FormKind;
  batch: string;
  /** Non-blank data rows read. */
  rows: number;
  inserted: number;
  /** Rows already stored (earlier imports) or repeated within the file. */
  duplicates: number;
  invalid: number;
  issues: RowIssue[];
  issuesTruncated: boolean;
}

function decodeFile(base64: string): Buffer {
  if (base64.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw tooLarge();
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(base64)) throw new DomainError('INVALID_FILE', '文件内容编码不正确');
  return Buffer.from(base64, 'base64');
}

const tooLarge = () => new DomainError('FILE_TOO_LARGE', `文件过大，单个文件不能超过${MAX_FILE_BYTES / 1024 / 1024}MB，请拆分后分批导入`);

async function loadFile(input: { fileBase64?: string; fileID?: string }): Promise<Buffer> {
  if (input.fileBase64 !== undefined) return decodeFile(input.fileBase64);
  let res: { fileContent: Buffer };
  try {
    res = (await getCloud().downloadFile({ fileID: input.fileID! })) as { fileContent: Buffer };
  } catch {
    throw new DomainError('FILE_NOT_FOUND', '未找到上传的文件，请重新上传');
  }
  if (res.fileContent.length > MAX_FILE_BYTES) throw tooLarge();
  return res.fileContent;
}

/** Who may import what: district totals only the city or the district itself; others any record. */
function assertMayImport(staff: Staff, kind: FormKind): void {
  if (kind === 'districtTotals' && staff.role === 'department') {
    throw new DomainError('FORBIDDEN', '行管部门不能导入县（区）市场主体总量');
  }
}

/** A row-level refusal beyond the schema: the caller's scope. */
function scopeIssue(staff: Staff, kind: FormKind, value: Record<string, unknown>): RowIssue | undefined {
  if (kind === 'districtTotals' && staff.role === 'district' && value.districtCode !== staff.districtCode) {
    return { row: 0, column: columnLabel(kind, 'districtCode'), reason: '只能导入本县（区）的数据' };
  }
  // 承诺领域 is the kind of document, not the industry: only an explicit 行业领域 column can be out of scope.
  if (kind === 'commitment' && staff.role === 'department' && value.field !== undefined && !staffFields(staff).includes(String(value.field))) {
    return { row: 0, column: columnLabel(kind, 'field'), reason: `只能导入「${staffFields(staff).join('、')}」领域的承诺` };
  }
  return undefined;
}

export async function importRecords(payload: Record<string, unknown>, { caller, db, now }: ActionContext): Promise<ImportReport> {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(importInput, payload);
  assertMayImport(staff, input.kind);
  const file = await loadFile(input);
  const kind = input.kind;
  const batch = `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
  const source: RecordSource = {
    kind: 'import',
    department: input.department ?? staff.department ?? staff.name,
    importedBy: actorOf(staff),
    importedAt: now,
    batch,
  };
  const report: ImportReport = { kind, batch, rows: 0, inserted: 0, duplicates: 0, invalid: 0, issues: [], issuesTruncated: false };
  const writer = new BatchWriter(db, TARGET[kind], report);
  const seen = new Set<string>();

  const issue = (i: RowIssue) => {
    if (report.issues.length < MAX_REPORTED_ISSUES) report.issues.push(i);
    else report.issuesTruncated = true;
  };

  const handle = async (layout: Layout, r: SheetRow) => {
    if (r.row <= layout.headerRow || isBlankRow(layout, r.cells)) return;
    report.rows++;
    const parsed = check(FORMS[kind].schema, rowInput(layout, r.cells));
    if (!parsed.ok) {
      report.invalid++;
      for (const i of parsed.issues) issue({ row: r.row, column: columnLabel(kind, i.field.split('.')[0] ?? ''), reason: i.message });
      return;
    }
    const value = parsed.value as Record<string, unknown>;
    const refused = scopeIssue(staff, kind, value);
    if (refused) {
      report.invalid++;
      issue({ ...refused, row: r.row });
      return;
    }
    const dedupKey = createHash('sha256').update(canonicalRow(kind, value)).digest('hex').slice(0, 40);
    if (seen.has(dedupKey)) {
      report.duplicates++;
      return;
    }
    seen.add(dedupKey);
    const extra = kind === 'commitment' ? { uscc: value.promiserCode, status: 'approved', field: commitmentField(staff, source, value) } : {};
    await writer.push({ ...value, ...extra, source, dedupKey, createdAt: now });
  };

  // The header is found among the first rows; rows are then handled as they stream in.
  let layout: Layout | undefined;
  const head: SheetRow[] = [];
  for await (const r of readFirstSheet(file)) {
    if (layout) {
      await handle(layout, r);
      continue;
    }
    head.push(r);
    if (head.length >= HEADER_SEARCH_ROWS) {
      layout = detectLayout(kind, head);
      for (const h of head) await handle(layout, h);
    }
  }
  if (!layout) {
    layout = detectLayout(kind, head);
    for (const h of head) await handle(layout, h);
  }
  await writer.flush();
  if (report.rows === 0) throw new DomainError('EMPTY_FILE', '表格中没有数据行');

  await auditByStaff(db, staff, {
    at: now,
    action: 'importRecords',
    target: { collection: TARGET[kind], id: batch },
    before: null,
    after: { kind, department: source.department, rows: report.rows, inserted: report.inserted, duplicates: report.duplicates, invalid: report.invalid },
  });
  return report;
}

type NewDoc = Record<string, unknown> & { dedupKey: string };

/** Buffers valid rows; per batch one lookup of existing dedup keys and one multi-document insert. */
class BatchWriter {
  private pending: NewDoc[] = [];
  constructor(
    private readonly db: Database,
    private readonly collection: CollectionName,
    private readonly report: ImportReport,
  ) {}

  async push(doc: NewDoc): Promise<void> {
    this.pending.push(doc);
    if (this.pending.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    const docs = this.pending;
    this.pending = [];
    if (docs.length === 0) return;
    const coll = this.db.collection(this.collection);
    const existing = await fetchAll<{ dedupKey: string }>(
      coll
        .where({ dedupKey: this.db.command.in(docs.map((d) => d.dedupKey)) })
        .field({ dedupKey: true })
        .limit(BATCH_SIZE),
    );
    const known = new Set(existing.map((e) => e.dedupKey));
    const fresh = docs.filter((d) => !known.has(d.dedupKey));
    this.report.duplicates += docs.length - fresh.length;
    if (fresh.length === 0) return;
    try {
      await coll.add({ data: fresh });
      this.report.inserted += fresh.length;
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      // Another import stored some of these meanwhile: insert one by one, counting the rest as duplicates.
      for (const d of fresh) {
        try {
          await coll.add({ data: d });
          this.report.inserted++;
        } catch (e2) {
          if (!isDuplicateKeyError(e2)) throw e2;
          this.report.duplicates++;
        }
      }
    }
  }
}
