/**
 * The `register` import kind: the 市场主体名录 as 市场监管 exports it, upserted by USCC into the
 * private `register` collection. A re-import updates changed rows and keeps their history: one
 * registerHistory document per changed row with the before and after of the fields that changed;
 * unchanged rows are counted and left alone. Only the city admin and 市市场监管局 (scjg) staff may
 * import it; the batch is labelled 市市场监管局 whoever imports it.
 */
import { check, departmentById, DomainError, FORMS, registerInBusiness, type RegisterInput } from '../../core';
import type { RegisterReport, RowIssue } from '../../core/contract/staff-files';
import { columnLabel, isBlankRow, rowInput, type Layout } from '../../core/import-layouts';
import { closeBatch, fileHash, openBatch } from '../batches';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS, type ImportBatchDoc, type RegisterDoc, type RegisterHistoryDoc } from '../model';
import { BATCH_SIZE, deleteUploaded, fileNameOf, loadFile, MAX_REPORTED_ISSUES } from './import';
import { departmentOf, type Staff } from './roles';
import type { SheetRow } from './xlsx';
import { eachFormRow } from './form-rows';

export const REGISTER_DEPARTMENT = 'scjg';

const COMPARED = ['name', 'entityType', 'legalRep', 'address', 'districtCode', 'foundedOn', 'regStatus', 'inBusiness'] as const;
type Row = RegisterInput & { inBusiness: boolean };

function assertMayImportRegister(staff: Staff): void {
  if (staff.role === 'city' || departmentOf(staff)?.id === REGISTER_DEPARTMENT) return;
  throw new DomainError('FORBIDDEN', '市场主体名录只能由市级管理员或市市场监管局导入');
}

export async function importRegister(
  staff: Staff,
  input: { fileBase64?: string; fileID?: string; fileName?: string },
  { db, now, deadline }: { db: Database; now: Date; deadline?: number },
): Promise<RegisterReport> {
  assertMayImportRegister(staff);
  const file = await loadFile(input);
  const dept = departmentById(REGISTER_DEPARTMENT)!;
  const report: RegisterReport = {
    kind: 'register',
    batchId: '',
    batch: '',
    department: dept.name,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    invalid: 0,
    issues: [],
    issuesTruncated: false,
  };
  const seen = new Set<string>();
  let chunk: Row[] = [];
  let batch: ImportBatchDoc | undefined;
  let chunksDone = 0;

  const issue = (i: RowIssue) => {
    if (report.issues.length < MAX_REPORTED_ISSUES) report.issues.push(i);
    else report.issuesTruncated = true;
  };

  /** Per chunk: one lookup, one multi-document insert, one update and one history insert per changed row. */
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    if (rows.length === 0) return;
    if (deadline !== undefined && chunksDone++ > 0 && Date.now() > deadline) {
      throw new DomainError(
        'IMPORT_TIMED_OUT',
        `导入未能在时限内完成（已处理${report.rows}行），本批次已标记为失败。请重新导入同一文件继续`,
      );
    }
    const coll = db.collection(COLLECTIONS.register);
    const existing = await fetchAll<RegisterDoc>(coll.where({ uscc: db.command.in(rows.map((r) => r.uscc)) }).limit(BATCH_SIZE));
    const byUscc = new Map(existing.map((e) => [e.uscc, e]));
    const fresh: Omit<RegisterDoc, '_id'>[] = [];
    const history: Omit<RegisterHistoryDoc, '_id'>[] = [];
    for (const r of rows) {
      const old = byUscc.get(r.uscc);
      if (!old) {
        fresh.push({ ...r, batchId: batch!._id, createdAt: now, updatedAt: now });
        continue;
      }
      const changed = COMPARED.filter((k) => (old[k] ?? null) !== (r[k] ?? null));
      if (changed.length === 0) {
        report.unchanged++;
        continue;
      }
      const after = Object.fromEntries(changed.map((k) => [k, r[k] ?? null]));
      await coll.doc(old._id).update({ data: { ...after, batchId: batch!._id, updatedAt: now } });
      history.push({
        uscc: r.uscc,
        batchId: batch!._id,
        at: now,
        before: Object.fromEntries(changed.map((k) => [k, old[k] ?? null])),
        after,
      });
      report.updated++;
    }
    if (fresh.length > 0) {
      await coll.add({ data: fresh });
      report.inserted += fresh.length;
    }
    if (history.length > 0) await db.collection(COLLECTIONS.registerHistory).add({ data: history });
  };

  const handle = async (layout: Layout, r: SheetRow) => {
    if (r.row <= layout.headerRow || isBlankRow(layout, r.cells)) return;
    if (!batch) {
      batch = await openBatch(
        db,
        staff,
        { kind: 'register', fileName: fileNameOf(input), fileHash: fileHash(file), departmentId: dept.id, department: dept.name },
        now,
      );
      report.batchId = report.batch = batch._id;
    }
    report.rows++;
    const parsed = check(FORMS.register.schema, rowInput(layout, r.cells));
    if (!parsed.ok) {
      report.invalid++;
      for (const i of parsed.issues) issue({ row: r.row, column: columnLabel('register', i.field.split('.')[0] ?? ''), reason: i.message });
      return;
    }
    const value = parsed.value as RegisterInput;
    if (seen.has(value.uscc)) {
      report.duplicates++;
      return;
    }
    seen.add(value.uscc);
    chunk.push({ ...value, inBusiness: registerInBusiness(value.regStatus) === true });
    if (chunk.length >= BATCH_SIZE) await flush();
  };

  try {
    await eachFormRow(file, 'register', handle);
    await flush();
  } catch (e) {
    if (batch)
      await closeBatch(
        db,
        staff,
        batch,
        { status: 'failed', counts: countsOf(report), error: e instanceof DomainError ? e.message : '导入过程中出错' },
        new Date(),
      );
    throw e;
  }
  if (!batch || report.rows === 0) throw new DomainError('EMPTY_FILE', '表格中没有数据行');
  await closeBatch(db, staff, batch, { status: 'done', counts: countsOf(report) }, now);
  await deleteUploaded(input.fileID);
  return report;
}

function countsOf(r: RegisterReport): ImportBatchDoc['counts'] {
  return { rows: r.rows, inserted: r.inserted, updated: r.updated, duplicates: r.duplicates + r.unchanged, invalid: r.invalid };
}
