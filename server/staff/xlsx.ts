/**
 * Writing .xlsx: workbooks of a few sheets (exports, templates) with xlsx-writer.ts, so no function
 * bundles exceljs. Reading an upload is xlsx-reader.ts: a streaming reader of our own that inspects
 * the zip first and keeps multi-byte text intact.
 */
import { SheetXml, Styles, workbookOf } from './xlsx-writer';

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
  const styles = new Styles();
  return workbookOf(
    sheets.map((spec) => {
      const sheet = new SheetXml(spec.columnWidths ?? [], { numberFormats: spec.numberFormats, styles });
      const bold = new Set(spec.boldRows ?? []);
      spec.rows.forEach((r, i) => sheet.addRow(r, bold.has(i + 1)));
      return { name: spec.name, sheet };
    }),
  );
}
