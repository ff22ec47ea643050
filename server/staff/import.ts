/**
 * 归集: importing the department 填报表 (xlsx). The zip is inspected before anything is parsed
 * (xlsx-reader.ts), rows are streamed, validated one by one with the form schemas, checked against
 * the importer's scope in chunks of 500 (import-scope.ts) and written in batches; every bad or
 * out-of-scope row is reported (row, column, reason in Chinese) and stored nowhere. Each stored
 * record carries its source (the importing department, never free text), its batchId (an
 * importBatches document written before the first row) and dedupKey, a hash of its normalised
 * content under a unique index, so importing the same file again adds nothing — which is also how
 * a failed or timed-out import is resumed.
 */
import { check, departmentById, DomainError, districtName, FORMS, type Department, type FormKind } from '../../core';
import type { ParsedOf } from '../../core/contract';
import {
  RECORD_FILE,
  type ImportReport,
  type RegisterReport,
  type RowIssue,
  type staffFilesContract,
} from '../../core/contract/staff-files';
import { columnLabel, isBlankRow, rowInput, type Layout } from '../../core/import-layouts';
import { chinaDate } from '../../core/rates';
import { BATCH_COLLECTIONS, closeBatch, fileHash, openBatch, resumePoint, rowDedupKey } from '../batches';
import { getCloud, type Database } from '../cloud';
import { fetchAll } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import type { CollectionName, ImportBatchDoc, RecordSource } from '../model';
import type { StaffContext } from './define-staff-actions';
import { lookupKnown, needsLookup, refuseRow } from './import-scope';
import { commitmentField } from './record-field';
import { loadUpload } from './upload';
import { actorOf, departmentOf, type Staff } from './roles';
import type { SheetRow } from './xlsx';
import { eachFormRow } from './form-rows';

/** Rows written per database call (and dedup keys looked up per call; get() returns at most 1000). */
export const BATCH_SIZE = 500;
/** The report lists at most this many row issues; the counts are always complete. */
export const MAX_REPORTED_ISSUES = 1000;

/** Who stands behind imports when the city admin names no department: the office itself. */
export const CITY_DEFAULT_DEPARTMENT = 'yshj';

export function loadFile(input: { fileBase64?: string; fileID?: string }): Promise<Buffer> {
  return loadUpload(input, RECORD_FILE);
}

/** An uploaded file may hold 政务共享 rows: it is deleted once its import succeeded. */
export async function deleteUploaded(fileID: string | undefined): Promise<void> {
  if (fileID === undefined) return;
  try {
    await getCloud().deleteFile({ fileList: [fileID] });
  } catch (e) {
    console.error('[importRecords] could not delete the uploaded file', e);
  }
}

/** The file's name for the batch list: as given, else the fileID's last part. */
export function fileNameOf(input: { fileName?: string; fileID?: string }): string {
  return input.fileName ?? input.fileID?.split('/').pop()?.slice(0, 200) ?? '（直接上传）';
}

/** Who may import what: district totals only the city or the district itself; others any record. */
function assertMayImport(staff: Staff, kind: FormKind): void {
  if (kind === 'districtTotals' && staff.role === 'department') {
    throw new DomainError('FORBIDDEN', '行管部门不能导入县（区）市场主体总量');
  }
}

/**
 * The source every row of this import carries: the importing staff member's own department; the
 * city admin's chosen department (default 市营商局); district staff their district's name.
 */
export function importingDepartment(staff: Staff, departmentId: string | undefined): { departmentId?: string; department: string } {
  if (staff.role === 'city') {
    const d = departmentById(departmentId ?? CITY_DEFAULT_DEPARTMENT)!;
    return { departmentId: d.id, department: d.name };
  }
  if (staff.role === 'department') {
    const own: Department | undefined = departmentOf(staff);
    if (!own) throw new DomainError('FORBIDDEN', '您的账号未登记所属行管部门，请联系市级管理员');
    if (departmentId !== undefined && departmentId !== own.id) throw new DomainError('FORBIDDEN', '只有市级管理员可以代其他部门导入');
    return { departmentId: own.id, department: own.name };
  }
  if (departmentId !== undefined) throw new DomainError('FORBIDDEN', '只有市级管理员可以代其他部门导入');
  return { department: districtName(staff.districtCode ?? '') ?? '县（区）' };
}

/** Thrown when the function's time budget is spent: the batch is marked failed and can be resumed. */
const timedOut = (done: number) =>
  new DomainError(
    'IMPORT_TIMED_OUT',
    `导入未能在时限内完成（已处理${done}行），本批次已标记为失败。请重新导入同一文件继续（已导入的行不会重复），或撤回本批次`,
  );

export async function importRecords(
  input: ParsedOf<typeof staffFilesContract.importRecords>,
  { staff, db, now, deadline }: StaffContext,
): Promise<ImportReport | RegisterReport> {
  if (input.kind === 'register') {
    const { importRegister } = await import('./register-import');
    return importRegister(staff, input, { db, now, deadline });
  }
  const kind = input.kind;
  assertMayImport(staff, kind);
  const dept = importingDepartment(staff, input.departmentId);
  const file = await loadFile(input);
  const today = chinaDate(now);
  const collection = BATCH_COLLECTIONS[kind]!;
  const hash = fileHash(file);
  const resume = await resumePoint(db, staff, kind, hash);

  let batch: ImportBatchDoc | undefined;
  const report: ImportReport = {
    kind,
    batchId: '',
    batch: '',
    department: dept.department,
    rows: 0,
    skipped: 0,
    inserted: 0,
    duplicates: 0,
    invalid: 0,
    issues: [],
    issuesTruncated: false,
    ...(resume.batchId ? { resumedFrom: resume.batchId } : {}),
  };
  /** Sheet row up to which every row is handled (written, refused or a duplicate): where a resume starts. */
  let doneRow = resume.afterRow;
  let atDone = { rows: 0, invalid: 0, duplicates: 0 };
  let chunksDone = 0;
  const seen = new Set<string>();
  let chunk: { row: number; value: Record<string, unknown> }[] = [];
  let source: RecordSource | undefined;

  const issue = (i: RowIssue) => {
    if (report.issues.length < MAX_REPORTED_ISSUES) report.issues.push(i);
    else report.issuesTruncated = true;
  };
  const refuse = (row: number, key: string, reason: string) => {
    report.invalid++;
    issue({ row, column: columnLabel(kind, key), reason });
  };

  /**
   * Write the rows validated so far: duplicates first (within the file, then one lookup of stored
   * dedup keys), so resuming an import skips its stored rows with one call per 500; then the scope
   * lookups for the rest (two calls) and one multi-document insert.
   */
  const flushChunk = async () => {
    const rows = chunk;
    chunk = [];
    if (rows.length === 0) return;
    // Past the budget, stop before the next chunk; the first chunk of a call always runs, so every
    // attempt (and every resume) makes progress.
    if (deadline !== undefined && chunksDone > 0 && Date.now() > deadline) {
      // Rows read after the last written chunk are not counted: a resume reads them again.
      Object.assign(report, atDone);
      report.issues = report.issues.filter((i) => i.row <= doneRow);
      throw timedOut(report.rows);
    }
    await writeChunk(rows);
    chunksDone++;
    doneRow = rows[rows.length - 1]!.row;
    atDone = { rows: report.rows, invalid: report.invalid, duplicates: report.duplicates };
  };

  const writeChunk = async (rows: { row: number; value: Record<string, unknown> }[]) => {
    const keyed: { row: number; value: Record<string, unknown>; dedupKey: string }[] = [];
    for (const r of rows) {
      const dedupKey = rowDedupKey(kind, r.value);
      if (seen.has(dedupKey)) report.duplicates++;
      else {
        seen.add(dedupKey);
        keyed.push({ ...r, dedupKey });
      }
    }
    const stored = await storedKeys(
      db,
      collection,
      keyed.map((k) => k.dedupKey),
    );
    const fresh = keyed.filter((k) => !stored.has(k.dedupKey));
    report.duplicates += keyed.length - fresh.length;
    if (fresh.length === 0) return;
    const known = needsLookup(staff, kind)
      ? await lookupKnown(
          db,
          fresh.map((r) => String(r.value.promiserCode ?? r.value.uscc)),
        )
      : new Map();
    const docs: NewDoc[] = [];
    for (const { row, value, dedupKey } of fresh) {
      // A commitment's 承诺领域 is the kind of document; its 行业领域 decides department scope.
      if (kind === 'commitment') value.field = commitmentField(staff, source!, value);
      const refused = refuseRow(staff, kind, value, known);
      if (refused) {
        refuse(row, refused.key, refused.reason);
        continue;
      }
      const extra = kind === 'commitment' ? { uscc: value.promiserCode, status: 'approved' } : {};
      docs.push({ ...value, ...extra, source, batchId: batch!._id, dedupKey, createdAt: now });
    }
    await insertFresh(db, collection, docs, report);
  };

  const handle = async (layout: Layout, r: SheetRow) => {
    if (r.row <= layout.headerRow || isBlankRow(layout, r.cells)) return;
    if (!batch) {
      // The batch exists before the first row can be written.
      batch = await openBatch(db, staff, { kind, fileName: fileNameOf(input), fileHash: hash, ...dept }, now);
      report.batchId = report.batch = batch._id;
      source = { kind: 'import', ...dept, importedBy: actorOf(staff), importedAt: now, batch: batch._id };
    }
    if (r.row <= resume.afterRow) {
      report.skipped++;
      return;
    }
    report.rows++;
    const parsed = check(FORMS[kind].schema, rowInput(layout, r.cells));
    if (!parsed.ok) {
      report.invalid++;
      for (const i of parsed.issues) issue({ row: r.row, column: columnLabel(kind, i.field.split('.')[0] ?? ''), reason: i.message });
      return;
    }
    const value = parsed.value as Record<string, unknown>;
    if (kind === 'districtTotals') {
      if (staff.role === 'district' && value.districtCode !== staff.districtCode)
        return refuse(r.row, 'districtCode', '只能导入本县（区）的数据');
      if (String(value.asOf) > today) return refuse(r.row, 'asOf', `统计日期不能晚于今天（${today}）`);
    }
    chunk.push({ row: r.row, value });
    if (chunk.length >= BATCH_SIZE) await flushChunk();
  };

  try {
    await eachFormRow(file, kind, handle);
    await flushChunk();
  } catch (e) {
    if (batch) {
      const message = e instanceof DomainError ? e.message : '导入过程中出错';
      await closeBatch(
        db,
        staff,
        batch,
        { status: 'failed', counts: countsOf(report), error: message, resumeAfterRow: doneRow },
        new Date(),
      );
      if (e instanceof DomainError)
        throw new DomainError(e.code, e.message, { ...(e.details as object), batchId: batch._id, ...countsOf(report) });
    }
    throw e;
  }
  if (!batch || report.rows + report.skipped === 0) throw new DomainError('EMPTY_FILE', '表格中没有数据行');
  await closeBatch(db, staff, batch, { status: 'done', counts: countsOf(report) }, now);
  await deleteUploaded(input.fileID);
  return report;
}

function countsOf(r: ImportReport): ImportBatchDoc['counts'] {
  return { rows: r.rows, inserted: r.inserted, duplicates: r.duplicates, invalid: r.invalid, ...(r.skipped ? { skipped: r.skipped } : {}) };
}

type NewDoc = Record<string, unknown> & { dedupKey: string };

/** The dedup keys among `keys` already stored in `collection` (one call; keys ≤ BATCH_SIZE). */
export async function storedKeys(db: Database, collection: CollectionName, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const existing = await fetchAll<{ dedupKey: string }>(
    db
      .collection(collection)
      .where({ dedupKey: db.command.in([...keys]) })
      .field({ dedupKey: true })
      .limit(BATCH_SIZE),
  );
  return new Set(existing.map((e) => e.dedupKey));
}

/** One multi-document insert; if another import stored some meanwhile, one by one, counting those as duplicates. */
export async function insertFresh(
  db: Database,
  collection: CollectionName,
  docs: NewDoc[],
  report: Pick<ImportReport, 'inserted' | 'duplicates'>,
): Promise<void> {
  if (docs.length === 0) return;
  const coll = db.collection(collection);
  try {
    await coll.add({ data: docs });
    report.inserted += docs.length;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    for (const d of docs) {
      try {
        await coll.add({ data: d });
        report.inserted++;
      } catch (e2) {
        if (!isDuplicateKeyError(e2)) throw e2;
        report.duplicates++;
      }
    }
  }
}
