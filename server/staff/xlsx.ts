/**
 * Reading and writing .xlsx with exceljs. Imports are read with the streaming reader, one row at a
 * time, so a 60,000-row file never exists as a whole workbook in memory; exports are small and
 * built in memory.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core';

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  readonly row: number;
  /** exceljs row.values: indexed by column number (1-based), index 0 unused. */
  readonly cells: readonly unknown[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The rows of the first worksheet. Throws INVALID_FILE for anything that is not a readable xlsx. */
export async function* readFirstSheet(file: Buffer): AsyncGenerator<SheetRow> {
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new DomainError('INVALID_FILE', '文件不是有效的 Excel（.xlsx）文件，请用下载的模板填写后上传');
  }
  // Styles are skipped (less memory): date cells arrive as Excel serial numbers, which rowInput
  // turns into dates for the date columns.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      if (sawSheet) continue; // later sheets (notes, option lists) are not data
      sawSheet = true;
      for await (const row of sheet) {
        yield { row: row.number, cells: row.values as unknown[] };
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('INVALID_FILE', '文件无法读取，请确认是完整的 Excel（.xlsx）文件');
  }
  if (!sawSheet) throw new DomainError('INVALID_FILE', '文件中没有工作表');
}

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
