/**
 * staffFiles.importTable: the 通报's own tables (附件1 双公示, 附件3 政务承诺, 附件4 工作动态), imported
 * by the city per period. Unlike the record import (import.ts), which appends deduplicated records,
 * a table is a dated whole: the file is read and checked completely (every row valid, unit names
 * unique, the 合计 row equal to the sum) and then stored as one document keyed by kind and period,
 * so importing a period again replaces that period's table (its version goes up) and the audit log
 * keeps what it replaced. A table with any bad row is refused whole and nothing changes.
 */
import { randomBytes } from 'node:crypto';
import { check, DomainError } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import { TABLE_FILE, type RowIssue, type staffFilesContract } from '../../core/contract/staff-files';
import {
  detectTableLayout,
  isTotalRow,
  MAX_TABLE_ROWS,
  publicityTotalMismatches,
  TABLE_FORMS,
  TABLE_ROW_SCHEMAS,
  tableRowInput,
  type PublicityRow,
  type TableKind,
  type TableLayout,
  type TablePeriod,
} from '../../core/bulletin-tables';
import { chinaDate } from '../../core/rates';
import { loadUpload } from './upload';
import { fetchById } from '../db';
import { COLLECTIONS } from '../model';
import type { StaffContext } from './define-staff-actions';
import { actorOf, auditByStaff, requireCity } from './roles';
import { readFirstSheet, type SheetRow } from './xlsx';

/** One imported table (bulletinTables). `_id` = kind:periodKey, so a re-import replaces it. */
export interface BulletinTableDoc<R = Record<string, unknown>> {
  _id: string;
  kind: TableKind;
  period: TablePeriod;
  /** First and last day the table covers (YYYY-MM-DD): a month's table ends on its last day. */
  periodStart: string;
  periodEnd: string;
  rows: R[];
  /** 附件1's 合计 row as the file stated it (checked equal to the sum). */
  statedTotal?: PublicityRow;
  version: number;
  batch: string;
  fileName?: string;
  importedBy: string;
  importedByName: string;
  importedAt: Date;
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function periodOf(
  kind: TableKind,
  input: TablePeriod,
  today: string,
): { key: string; period: TablePeriod; start: string; end: string } {
  if (kind === 'publicity')
    return { key: `${input.from}_${input.to}`, period: { from: input.from, to: input.to }, start: input.from!, end: input.to! };
  if (kind === 'monthlyReport')
    return { key: input.month!, period: { month: input.month }, start: `${input.month}-01`, end: lastDayOfMonth(input.month!) };
  const asOf = input.asOf ?? today;
  return { key: asOf, period: { asOf }, start: asOf, end: asOf };
}

/** Read and check the whole table; throws with every row issue, stores nothing. */
export async function readTable(kind: TableKind, file: Buffer): Promise<{ rows: Record<string, unknown>[]; statedTotal?: PublicityRow }> {
  const sheet: SheetRow[] = [];
  for await (const r of readFirstSheet(file)) {
    sheet.push(r);
    if (sheet.length > MAX_TABLE_ROWS + 20)
      throw new DomainError('TOO_MANY_ROWS', `表格行数过多（最多${MAX_TABLE_ROWS}行），请确认上传的是通报附件表`);
  }
  const layout: TableLayout = detectTableLayout(kind, sheet);
  const def = TABLE_FORMS[kind];
  const labelOf = (key: string) => def.columns.find((c) => c.key === key)?.label ?? '';
  const issues: RowIssue[] = [];
  const rows: Record<string, unknown>[] = [];
  const units = new Map<string, number>();
  let statedTotal: PublicityRow | undefined;
  for (const r of sheet) {
    if (r.row <= layout.headerRow) continue;
    const input = tableRowInput(layout, r.cells);
    if (!input) continue;
    const parsed = check(TABLE_ROW_SCHEMAS[kind], input);
    if (!parsed.ok) {
      for (const i of parsed.issues) issues.push({ row: r.row, column: labelOf(i.field.split('.')[0] ?? ''), reason: i.message });
      continue;
    }
    const value = parsed.value as Record<string, unknown> & { unit: string };
    if (isTotalRow(value)) {
      if (kind !== 'publicity') continue; // 附件3/附件4 may carry a 合计 line; it is recomputed, never stored
      if (statedTotal || rows.length > 0) issues.push({ row: r.row, column: '部门名称', reason: '合计行应为表头下的第一行，且只有一行' });
      statedTotal = value as unknown as PublicityRow;
      continue;
    }
    const seen = units.get(value.unit);
    if (seen !== undefined) {
      issues.push({ row: r.row, column: '部门名称', reason: `与第${seen}行的单位重复` });
      continue;
    }
    units.set(value.unit, r.row);
    rows.push(value);
  }
  if (issues.length > 0) {
    throw new DomainError('INVALID_ROWS', `表格中有${new Set(issues.map((i) => i.row)).size}行不正确，请修改后重新导入（整表未导入）`, {
      issues: issues.slice(0, 200),
    });
  }
  if (rows.length === 0) throw new DomainError('EMPTY_FILE', '表格中没有数据行');
  if (statedTotal) {
    const mismatches = publicityTotalMismatches(statedTotal, rows as unknown as PublicityRow[]);
    if (mismatches.length > 0)
      throw new DomainError('TOTAL_MISMATCH', `合计行与各单位之和不一致：${mismatches.join('；')}`, { mismatches });
  }
  return { rows, statedTotal };
}

export async function importTable(
  input: ParsedOf<typeof staffFilesContract.importTable>,
  { staff, db, now }: StaffContext,
): Promise<OutputOf<typeof staffFilesContract.importTable>> {
  requireCity(staff);
  const file = await loadUpload(input, TABLE_FILE);
  const { rows, statedTotal } = await readTable(input.kind, file);
  const { key, period, start, end } = periodOf(input.kind, input, chinaDate(now));
  const id = `${input.kind}:${key}`;
  const coll = db.collection(COLLECTIONS.bulletinTables);
  const before = await fetchById<BulletinTableDoc>(coll.doc(id));
  const doc: Omit<BulletinTableDoc, '_id'> = {
    kind: input.kind,
    period,
    periodStart: start,
    periodEnd: end,
    rows,
    ...(statedTotal ? { statedTotal } : {}),
    version: (before?.version ?? 0) + 1,
    batch: `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`,
    ...(input.fileName ? { fileName: input.fileName } : {}),
    importedBy: actorOf(staff),
    importedByName: staff.name,
    importedAt: now,
  };
  await coll.doc(id).set({ data: doc });
  const summary = (d: Omit<BulletinTableDoc, '_id'>) => ({
    version: d.version,
    batch: d.batch,
    rows: d.rows.length,
    importedBy: d.importedBy,
    importedAt: d.importedAt,
  });
  await auditByStaff(db, staff, {
    at: now,
    action: 'importTable',
    target: { collection: COLLECTIONS.bulletinTables, id },
    before: before ? { ...summary(before), rowsData: before.rows } : null,
    after: summary(doc),
  });
  return { id, kind: input.kind, period, rows: rows.length, version: doc.version, replaced: before !== undefined };
}
