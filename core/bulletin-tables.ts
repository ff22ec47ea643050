/**
 * The three tables of the 通报 that no record form holds, as the office lays them out (附件1, 附件3,
 * 附件4), and the reading of their rows. They are import kinds of their own (TABLE_KINDS) rather
 * than entries of FORMS/IMPORT_KINDS: each table belongs to a period (附件1 a from–to span, 附件4 a
 * month, 附件3 a date) that the record import (importRecords) has no place for, and a re-import
 * replaces that period's table instead of adding rows. Columns are found by name with the record
 * import's own header normalisation, so a sheet with the 序号 column dropped or the columns moved
 * still reads.
 */
import * as z from 'zod';
import { DomainError } from './errors';
import { cellText, cellValue, HEADER_SEARCH_ROWS, normaliseHeader } from './import-layouts';
import { count, text } from './schemas/common';

export const TABLE_KINDS = ['publicity', 'govCommitment', 'monthlyReport'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** The period a table covers: 附件1 from–to, 附件4 a month, 附件3 a date (YYYY-MM-DD, YYYY-MM). */
export interface TablePeriod {
  from?: string;
  to?: string;
  month?: string;
  asOf?: string;
}

/** A table never has more rows than this (the city has a few dozen units). */
export const MAX_TABLE_ROWS = 300;

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
}

export interface TableDefinition {
  readonly kind: TableKind;
  /** The 附件 it prints as. */
  readonly annex: 1 | 3 | 4;
  readonly title: string;
  readonly columns: readonly TableColumn[];
}

const col = (key: string, label: string, required = true): TableColumn => ({ key, label, required });

export const TABLE_FORMS: Readonly<Record<TableKind, TableDefinition>> = {
  publicity: {
    kind: 'publicity',
    annex: 1,
    title: '“双公示”信息报送情况',
    columns: [
      col('index', '序号', false),
      col('unit', '部门名称'),
      col('total', '填报双公示信息数量'),
      col('licensing', '填报行政许可信息数量'),
      col('penalty', '填报行政处罚信息数量'),
      col('timely', '双公示信息填报及时数量'),
      col('rate', '双公示信息填报及时率', false),
    ],
  },
  govCommitment: {
    kind: 'govCommitment',
    annex: 3,
    title: '政府部门政务承诺完成情况',
    columns: [col('index', '序号', false), col('unit', '部门名称'), col('count', '政务承诺（份）')],
  },
  monthlyReport: {
    kind: 'monthlyReport',
    annex: 4,
    title: '市政务守信践诺工作动态报送情况',
    columns: [
      col('index', '序号', false),
      col('unit', '部门名称'),
      col('selfReport', '自评报告'),
      col('dynamics', '工作动态'),
      col('evidence', '佐证材料'),
    ],
  },
};

export function isTableKind(v: unknown): v is TableKind {
  return typeof v === 'string' && (TABLE_KINDS as readonly string[]).includes(v);
}

// ---------------------------------------------------------------------------------------------
// Row schemas (the stored shapes).

const unit = () => text('部门名称', 50);

export const publicityRowSchema = z
  .object({
    unit: unit(),
    total: count('填报双公示信息数量'),
    licensing: count('填报行政许可信息数量'),
    penalty: count('填报行政处罚信息数量'),
    timely: count('双公示信息填报及时数量'),
  })
  .refine((r) => r.licensing + r.penalty === r.total, { error: '行政许可与行政处罚信息数量之和应等于双公示信息数量', path: ['total'] })
  .refine((r) => r.timely <= r.total, { error: '填报及时数量不能大于双公示信息数量', path: ['timely'] });
export type PublicityRow = z.output<typeof publicityRowSchema>;

export const govCommitmentRowSchema = z.object({ unit: unit(), count: count('政务承诺（份）') });
export type GovCommitmentRow = z.output<typeof govCommitmentRowSchema>;

/** A 附件4 cell: 有 (one item), empty/无 (none), or a count of items (工作动态 may be several 篇). */
function presence(label: string) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = v === undefined || v === null ? '' : String(v).trim();
      if (s === '' || s === '无' || s === '/' || s === '—' || s === '-') return 0;
      if (s === '有' || s === '√' || s === '✓') return 1;
      if (/^\d{1,4}$/.test(s)) return Number(s);
      ctx.addIssue({ code: 'custom', message: `${label}应填“有”、留空或填写份数` });
      return z.NEVER;
    });
}

export const monthlyReportRowSchema = z.object({
  unit: unit(),
  selfReport: presence('自评报告'),
  dynamics: presence('工作动态'),
  evidence: presence('佐证材料'),
});
export type MonthlyReportRow = z.output<typeof monthlyReportRowSchema>;

export const TABLE_ROW_SCHEMAS = {
  publicity: publicityRowSchema,
  govCommitment: govCommitmentRowSchema,
  monthlyReport: monthlyReportRowSchema,
} as const satisfies Record<TableKind, z.ZodType>;

export interface TableRows {
  publicity: PublicityRow;
  govCommitment: GovCommitmentRow;
  monthlyReport: MonthlyReportRow;
}

// ---------------------------------------------------------------------------------------------
// Layout: the header row, found by name among the first rows.

export interface TableLayout {
  readonly kind: TableKind;
  readonly headerRow: number;
  readonly columnOf: Readonly<Record<string, number>>;
}

export function detectTableLayout(kind: TableKind, rows: ReadonlyArray<{ row: number; cells: readonly unknown[] }>): TableLayout {
  const def = TABLE_FORMS[kind];
  const wanted = new Map(def.columns.map((c) => [normaliseHeader(c.label), c.key]));
  let best: { row: number; found: Map<string, number> } | undefined;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found = new Map<string, number>();
    r.cells.forEach((cell, i) => {
      const key = wanted.get(normaliseHeader(cell));
      if (key !== undefined && !found.has(key)) found.set(key, i);
    });
    if (!best || found.size > best.found.size) best = { row: r.row, found };
  }
  const missing = def.columns.filter((c) => c.required && !best?.found.has(c.key)).map((c) => c.label);
  if (!best || best.found.size === 0) {
    throw new DomainError('MISSING_COLUMNS', `未找到「${def.title}」的表头行（${def.columns.map((c) => c.label).join(' | ')}）`, {
      missing,
    });
  }
  if (missing.length > 0) throw new DomainError('MISSING_COLUMNS', `表头缺少列：${missing.join('、')}`, { missing, headerRow: best.row });
  return { kind, headerRow: best.row, columnOf: Object.fromEntries(best.found) };
}

/** The row as its schema's input (cells reduced to plain values), or undefined when blank. */
export function tableRowInput(layout: TableLayout, cells: readonly unknown[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [key, i] of Object.entries(layout.columnOf)) {
    if (key === 'index') continue;
    const v = cellValue(cells[i]);
    if (v === undefined) continue;
    any = true;
    out[key] = key === 'unit' ? cellText(v) : v instanceof Date ? cellText(v) : v;
  }
  return any ? out : undefined;
}

/** The 合计 row's unit name, loosely (合计, 总计, 合 计). */
export function isTotalRow(input: Record<string, unknown>): boolean {
  return typeof input.unit === 'string' && /^(合计|总计)$/.test(input.unit.replace(/[\s\u3000]/g, ''));
}

/** Where the 合计 row disagrees with the sum of the rows: one message per column. */
export function publicityTotalMismatches(total: PublicityRow, rows: readonly PublicityRow[]): string[] {
  const keys = [
    ['total', '填报双公示信息数量'],
    ['licensing', '填报行政许可信息数量'],
    ['penalty', '填报行政处罚信息数量'],
    ['timely', '双公示信息填报及时数量'],
  ] as const;
  return keys
    .map(([k, label]) => ({ label, stated: total[k], sum: rows.reduce((n, r) => n + r[k], 0) }))
    .filter((x) => x.stated !== x.sum)
    .map((x) => `合计行的${x.label}为${x.stated}，各单位之和为${x.sum}`);
}
