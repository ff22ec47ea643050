/**
 * Writing .xlsx with exceljs (exports and templates are small and built in memory). Reading an
 * upload is xlsx-reader.ts: a streaming reader of our own that inspects the zip first and keeps
 * multi-byte text intact.
 */
import ExcelJS from 'exceljs';

export { readFirstSheet, XLSX_LIMITS, type SheetRow } from './xlsx-reader';

export interface SheetSpec {
  readonly name: string;
  readonly rows: ReadonlyArray<readonly unknown[]>;
  /** Rows (1-based) printed bold: titles and headers. */
  readonly boldRows?: readonly number[];
  readonly columnWidths?: readonly number[];
  /** Number format per column (1-based index → format), e.g. '0.00' for percentages. */
  readonly numberFormats?: Readonly<Record<number, string>>;
}

export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '信用鹤岗 · 码上诚信';
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    for (const r of spec.rows) ws.addRow([...r]);
    for (const n of spec.boldRows ?? []) ws.getRow(n).font = { bold: true };
    spec.columnWidths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const [col, fmt] of Object.entries(spec.numberFormats ?? {})) ws.getColumn(Number(col)).numFmt = fmt;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
