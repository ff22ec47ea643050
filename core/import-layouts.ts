/**
 * The column layouts of the four 归集信息填报表 and the district-totals sheet, as departments fill
 * them in: a header row naming the columns of FORMS (required ones marked '*'), optionally below
 * a title row, optionally with a 序号 column. Columns are found by name, not position, so a sheet
 * with columns reordered, extra columns or the '*' dropped still imports; a missing required
 * column is refused before any row is read. The office's example row (its first cell starts with
 * 例：) is skipped like a blank row, never reported.
 */
import { DomainError } from './errors';
import { columnHeader, EXAMPLE_PREFIX, FORMS, type FormColumn, type FormKind } from './schemas/forms';

export const IMPORT_KINDS = [
  'commitment',
  'honour',
  'registration',
  'otherInfo',
  'districtTotals',
  'register',
] as const satisfies readonly FormKind[];

/** How many rows from the top are searched for the header row (title and notes rows come first). */
export const HEADER_SEARCH_ROWS = 10;

/** Columns kept as numbers; every other non-date cell is read as text (a code typed as a number stays a code). */
const NUMERIC_KEYS = new Set(['marketEntities', 'xinyidaiRegistered']);
/** Date columns: a number there is an Excel date serial (the reader skips styles, which would say so). */
const DATE_KEYS = new Set(['committedOn', 'validUntil', 'collectedOn', 'asOf', 'foundedOn']);

/** Excel's day number (1 = 1900-01-01, with its phantom 1900-02-29) → that calendar day at UTC midnight. */
export function excelSerialDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
}

/** Header text compared loosely: no '*', no spaces, half-width brackets and colons made full-width. */
export function normaliseHeader(v: unknown): string {
  return cellText(v)
    .replace(/[\s\u3000]/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：');
}

/** A cell as exceljs gives it (string, number, Date, rich text, hyperlink, formula result) → plain text. */
export function cellText(v: unknown): string {
  const plain = cellValue(v);
  if (plain === undefined) return '';
  if (plain instanceof Date) return plain.toISOString().slice(0, 10);
  return String(plain).trim();
}

/** A cell reduced to string | number | boolean | Date, or undefined when empty. */
export function cellValue(v: unknown): string | number | boolean | Date | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return cellValue(o.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return undefined;
}

export interface Layout {
  readonly kind: FormKind;
  /** 1-based row number of the header in the sheet. */
  readonly headerRow: number;
  /** Sheet column (1-based, as exceljs numbers them) of each form field that is present. */
  readonly columnOf: Readonly<Record<string, number>>;
}

export function isImportKind(v: unknown): v is FormKind {
  return typeof v === 'string' && (IMPORT_KINDS as readonly string[]).includes(v);
}

/** The header cells of the blank template: the official columns, in the official order. */
export function templateHeaders(kind: FormKind): string[] {
  return FORMS[kind].columns.filter((c) => c.official).map(columnHeader);
}

function matchColumns(kind: FormKind, cells: readonly unknown[]): Map<string, number> {
  const wanted = new Map(FORMS[kind].columns.map((c) => [normaliseHeader(c.label), c.key]));
  const found = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = wanted.get(normaliseHeader(cell));
    if (key !== undefined && !found.has(key)) found.set(key, i);
  });
  return found;
}

/**
 * Find the header row among the first rows (each an array indexed by sheet column, as exceljs'
 * row.values is). Throws MISSING_COLUMNS naming the required columns that are absent.
 */
export function detectLayout(kind: FormKind, rows: ReadonlyArray<{ row: number; cells: readonly unknown[] }>): Layout {
  const required = FORMS[kind].columns.filter((c) => c.required);
  let best: { row: number; found: Map<string, number> } | undefined;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found = matchColumns(kind, r.cells);
    if (!best || found.size > best.found.size) best = { row: r.row, found };
  }
  if (!best || best.found.size === 0) {
    throw new DomainError('MISSING_COLUMNS', `未找到「${FORMS[kind].title}」的表头行，请使用下载的空白模板填写`, {
      missing: required.map((c) => columnHeader(c)),
    });
  }
  const missing = required.filter((c) => !best!.found.has(c.key));
  if (missing.length > 0) {
    const names = missing.map(columnHeader);
    throw new DomainError('MISSING_COLUMNS', `表头缺少必填列：${names.join('、')}`, { missing: names, headerRow: best.row });
  }
  return { kind, headerRow: best.row, columnOf: Object.fromEntries(best.found) };
}

/** The office's example row: its first non-empty cell starts with 例： (or 例:). */
export function isExampleRow(cells: readonly unknown[]): boolean {
  const first = cells.find((c) => cellValue(c) !== undefined);
  const text = first === undefined ? '' : cellText(first);
  return text.startsWith(EXAMPLE_PREFIX) || text.startsWith('例:');
}

/**
 * True when the row carries no record: every cell the layout reads is empty, or it is the form's
 * example row. Such rows are skipped, not reported.
 */
export function isBlankRow(layout: Layout, cells: readonly unknown[]): boolean {
  return Object.values(layout.columnOf).every((i) => cellValue(cells[i]) === undefined) || isExampleRow(cells);
}

/** The row as the form schema's input: text as text, counts as numbers, dates as Date or text. */
export function rowInput(layout: Layout, cells: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, i] of Object.entries(layout.columnOf)) {
    const v = cellValue(cells[i]);
    if (v === undefined) continue;
    if (typeof v === 'number' && DATE_KEYS.has(key)) out[key] = excelSerialDate(v);
    else out[key] = typeof v === 'number' && !NUMERIC_KEYS.has(key) ? String(v) : v;
  }
  return out;
}

/** The column header people see for a schema field (for the row report). */
export function columnLabel(kind: FormKind, key: string): string {
  const c: FormColumn | undefined = FORMS[kind].columns.find((x) => x.key === key);
  return c ? c.label : '';
}

/** Canonical text of a validated row: keys sorted, so equal content gives equal text (the dedup key's input). */
export function canonicalRow(kind: FormKind, value: Record<string, unknown>): string {
  const keys = Object.keys(value).sort();
  return JSON.stringify([kind, keys.map((k) => [k, value[k] ?? null])]);
}
