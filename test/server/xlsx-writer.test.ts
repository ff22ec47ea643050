/**
 * writeWorkbook (server/staff/xlsx.ts on xlsx-writer.ts, no exceljs in the functions): several
 * sheets with bold rows, widths and number formats, read back with exceljs — what Excel/WPS users
 * and our own importer see — and by our upload reader.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../server/staff/xlsx';
import { sheetName } from '../../server/staff/xlsx-writer';
import { readFirstSheet } from '../../server/staff/xlsx-reader';

async function load(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('writeWorkbook', () => {
  it('writes several sheets with bold rows, widths, number formats and Chinese text', async () => {
    const file = await writeWorkbook([
      {
        name: '附件',
        rows: [
          ['附件'],
          ['序号', '部门名称', '比重 (%)', '占比'],
          [1, '向阳区', 20, 7.5],
          [2, '“码上诚信” & <萝北县>', 18.523, 0.1234],
          [],
          [null, '全市', 18.52, true, ''],
        ],
        boldRows: [1, 2],
        columnWidths: [8, 16, 40],
        numberFormats: { 3: '0.00', 4: '0.0%' },
      },
      {
        name: '填写说明',
        rows: [
          ['列名', '是否必填'],
          ['*统一社会信用代码', '必填'],
        ],
        boldRows: [1],
        columnWidths: [24, 10],
      },
    ]);
    const wb = await load(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件', '填写说明']);

    const ws = wb.getWorksheet('附件')!;
    expect(values(ws, 1)).toEqual(['附件']);
    expect(values(ws, 2)).toEqual(['序号', '部门名称', '比重 (%)', '占比']);
    expect(values(ws, 3)).toEqual([1, '向阳区', 20, 7.5]);
    expect(values(ws, 4)).toEqual([2, '“码上诚信” & <萝北县>', 18.523, 0.1234]);
    expect(values(ws, 5)).toEqual([]);
    expect(values(ws, 6)).toEqual([undefined, '全市', 18.52, true]); // '' leaves the cell empty
    expect(typeof ws.getRow(3).getCell(3).value).toBe('number');

    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(2).font?.bold).toBeFalsy();
    // a formatted cell in a bold row keeps both
    expect(ws.getRow(2).getCell(3).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(3).numFmt).toBe('0.00');
    expect(ws.getRow(3).getCell(3).numFmt).toBe('0.00');
    expect(ws.getRow(4).getCell(4).numFmt).toBe('0.0%');
    expect(ws.getRow(3).getCell(2).numFmt).toBeFalsy();
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([8, 16, 40]);

    const notes = wb.getWorksheet('填写说明')!;
    expect(values(notes, 2)).toEqual(['*统一社会信用代码', '必填']);
    expect(notes.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(notes.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(notes.getColumn(1).width).toBe(24);

    // exceljs can write it again (staff fill in a downloaded template and upload it)
    wb.getWorksheet('填写说明')!.addRow(['附加', '选填']);
    const again = await load(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(values(again.getWorksheet('填写说明')!, 3)).toEqual(['附加', '选填']);
  });

  it('is read by the upload reader: the first sheet, text intact', async () => {
    const file = await writeWorkbook([
      {
        name: '表一',
        rows: [
          ['名称', '数量'],
          ['鹤岗守信商贸有限公司', 3],
        ],
      },
      { name: '表二', rows: [['不读']] },
    ]);
    const rows: { row: number; cells: readonly unknown[] }[] = [];
    for await (const r of readFirstSheet(file)) rows.push(r);
    expect(rows.map((r) => r.cells.slice(1).map(String))).toEqual([
      ['名称', '数量'],
      ['鹤岗守信商贸有限公司', '3'],
    ]);
  });

  it('makes names Excel accepts and refuses duplicates', async () => {
    expect(sheetName('a/b:c*[d]?')).toBe('a_b_c__d__');
    expect(sheetName("'引号'")).toBe('引号');
    const long = '鹤岗市社会信用体系建设领导小组办公室关于信用承诺书及信用报告的填报模板说明';
    expect(sheetName(long)).toBe(long.slice(0, 31));
    const wb = await load(await writeWorkbook([{ name: long, rows: [['x']] }]));
    expect(wb.worksheets[0]!.name).toBe(long.slice(0, 31));
    await expect(
      writeWorkbook([
        { name: '表', rows: [] },
        { name: '表', rows: [] },
      ]),
    ).rejects.toThrow(/duplicate/);
  });
});
