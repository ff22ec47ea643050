/**
 * staffFiles.importLedger (city): the 台账 xlsx `序号 | 责任单位 | 工作任务目标 | 工作措施 | 责任领导 |
 * 责任人 | 完成时限`. The header row is found among the first rows; each 责任单位 must name one of
 * core's DEPARTMENTS (short or full name). Valid rows replace that department's ledger row (one
 * per department); invalid rows are reported and change nothing. One importBatches document and
 * one audit entry per changed row.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { DEPARTMENTS, DomainError, type Department } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import { LEDGER_FILE, type RowIssue, type staffFilesContract } from '../../core/contract/staff-files';
import { cellText } from '../../core/import-layouts';
import { check } from '../../core/schemas/parse';
import { fetchAll } from '../db';
import { COLLECTIONS, type ImportBatchDoc } from '../model';
import type { DepartmentLedgerDoc } from '../reach-model';
import type { StaffContext } from './define-staff-actions';
import { ledgerFields } from './ledger';
import { auditByStaff, requireCity } from './roles';
import { loadUpload } from './upload';
import { readFirstSheet } from './xlsx';

export const LEDGER_HEADERS = ['序号', '责任单位', '工作任务目标', '工作措施', '责任领导', '责任人', '完成时限'] as const;
const MAX_ROWS = 200;
const HEADER_SEARCH_ROWS = 10;

const rowSchema = z.object(ledgerFields);

/** The department a 责任单位 cell names: exact short or full name, or a full name containing it. */
export function departmentOfUnit(unit: string): Department | undefined {
  const u = unit.replace(/\s/g, '');
  return (
    DEPARTMENTS.find((d) => d.name === u || d.fullName === u) ??
    DEPARTMENTS.find((d) => u.length >= 3 && (d.fullName.includes(u) || u.includes(d.fullName)))
  );
}

export async function importLedger(
  input: ParsedOf<typeof staffFilesContract.importLedger>,
  { staff, db, now }: StaffContext,
): Promise<OutputOf<typeof staffFilesContract.importLedger>> {
  requireCity(staff);
  const file = await loadUpload(input, LEDGER_FILE);
  const fileHash = createHash('sha256').update(file).digest('hex');

  let columns: number[] | undefined;
  const issues: RowIssue[] = [];
  const valid: { row: number; dept: Department; index: number; unit: string; value: z.infer<typeof rowSchema> }[] = [];
  let rows = 0;
  for await (const r of readFirstSheet(file)) {
    const cells = Array.from(r.cells, cellText); // row.values is sparse
    if (!columns) {
      if (r.row > HEADER_SEARCH_ROWS) break;
      const at = LEDGER_HEADERS.map((h) => cells.findIndex((c) => c.replace(/\s/g, '') === h));
      if (at.every((i) => i > 0)) columns = at;
      continue;
    }
    const get = (i: number) => cells[columns![i]!] ?? '';
    if (LEDGER_HEADERS.every((_, i) => get(i) === '')) continue;
    if (++rows > MAX_ROWS) throw new DomainError('TOO_MANY_ROWS', `台账最多${MAX_ROWS}行`);
    const dept = departmentOfUnit(get(1));
    if (!dept) {
      issues.push({ row: r.row, column: '责任单位', reason: `「${get(1)}」不是本系统的行管部门` });
      continue;
    }
    const parsed = check(rowSchema, { goal: get(2), measures: get(3), leader: get(4), responsible: get(5), deadline: get(6) });
    if (!parsed.ok) {
      for (const i of parsed.issues)
        issues.push({ row: r.row, column: LEDGER_HEADERS[2 + Object.keys(ledgerFields).indexOf(i.field)] ?? '', reason: i.message });
      continue;
    }
    if (valid.some((v) => v.dept.id === dept.id)) {
      issues.push({ row: r.row, column: '责任单位', reason: `${dept.name}在表中重复出现` });
      continue;
    }
    const n = Number(get(0));
    valid.push({
      row: r.row,
      dept,
      index: Number.isInteger(n) && n > 0 && n < 1000 ? n : valid.length + 1,
      unit: get(1),
      value: parsed.value,
    });
  }
  if (!columns) throw new DomainError('INVALID_FILE', `未找到表头，请使用“${LEDGER_HEADERS.join(' | ')}”格式`);
  if (rows === 0) throw new DomainError('EMPTY_FILE', '表格中没有数据行');

  const batchId = `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
  const batch: Omit<ImportBatchDoc, '_id'> = {
    kind: 'departmentLedger',
    fileName: '台账.xlsx',
    fileHash,
    importedBy: staff.openid,
    role: staff.role,
    status: 'running',
    startedAt: now,
    counts: { rows, inserted: 0, updated: 0, duplicates: 0, invalid: rows - valid.length },
  };
  await db.collection(COLLECTIONS.importBatches).doc(batchId).set({ data: batch });
  const coll = db.collection(COLLECTIONS.departmentLedger);
  const before = new Map(
    (await fetchAll<DepartmentLedgerDoc>(coll.where({ departmentId: db.command.in(valid.map((v) => v.dept.id)) }).limit(1000))).map((d) => [
      d.departmentId,
      d,
    ]),
  );
  let inserted = 0;
  for (const v of valid) {
    const doc: Omit<DepartmentLedgerDoc, '_id'> = {
      departmentId: v.dept.id,
      index: v.index,
      unit: v.unit,
      ...v.value,
      source: { kind: 'import', batchId, fileHash },
      updatedBy: staff.openid,
      updatedAt: now,
    };
    await coll.doc(v.dept.id).set({ data: doc });
    if (!before.has(v.dept.id)) inserted++;
    await auditByStaff(db, staff, {
      at: now,
      action: 'ledger.import',
      target: { collection: COLLECTIONS.departmentLedger, id: v.dept.id },
      before: before.get(v.dept.id) ?? null,
      after: doc,
    });
  }
  const counts = { rows, inserted, updated: valid.length - inserted, duplicates: 0, invalid: rows - valid.length };
  await db
    .collection(COLLECTIONS.importBatches)
    .doc(batchId)
    .update({ data: { status: 'done', finishedAt: new Date(now.getTime()), counts } });
  return { batchId, ...counts, issues };
}
