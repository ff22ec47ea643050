import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core';
import {
  canonicalRow,
  cellValue,
  detectLayout,
  excelSerialDate,
  isBlankRow,
  normaliseHeader,
  rowInput,
  templateHeaders,
} from '../../core/import-layouts';

const COMMITMENT_HEADERS = [
  '*承诺人名称',
  '*承诺人类别',
  '*承诺人代码',
  '*承诺类型',
  '*承诺领域',
  '*承诺事由',
  '*承诺内容',
  '*违约责任',
  '*承诺作出日期',
  '*公开类型',
];

/** exceljs row.values: index 0 unused, columns from 1. */
const row = (cells: unknown[]) => [undefined, ...cells];

describe('official layouts', () => {
  it('the 主动承诺 template has the ten official columns, all required', () => {
    expect(templateHeaders('commitment')).toEqual(COMMITMENT_HEADERS);
    expect(templateHeaders('districtTotals')).toEqual(['*县（区）代码', '*统计日期', '*市场主体总量', '*入驻信易贷平台企业数']);
  });

  it('finds the header below a title row, by name, with or without the *', () => {
    const headers = COMMITMENT_HEADERS.map((h, i) => (i % 2 ? h.slice(1) : h));
    const layout = detectLayout('commitment', [
      { row: 1, cells: row(['主动承诺信息表']) },
      { row: 2, cells: row(['序号', ...headers.reverse()]) },
    ]);
    expect(layout.headerRow).toBe(2);
    expect(layout.columnOf.promiserName).toBe(11);
    expect(layout.columnOf.publicity).toBe(2);
  });

  it('tolerates half-width brackets and spaces in header text', () => {
    expect(normaliseHeader(' *认定(发证) 单位 ')).toBe('认定（发证）单位');
    const layout = detectLayout('otherInfo', [{ row: 1, cells: row(['市场主体名称', '统一社会信用代码 ', '事项 名称', '归集日期']) }]);
    expect(layout.columnOf.provider).toBeUndefined(); // optional column absent: fine
  });

  it('refuses a sheet that lacks a required column, naming it', () => {
    try {
      detectLayout('commitment', [{ row: 1, cells: row(COMMITMENT_HEADERS.filter((h) => h !== '*违约责任')) }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('MISSING_COLUMNS');
      expect((e as DomainError).message).toContain('*违约责任');
    }
    expect(() => detectLayout('honour', [{ row: 1, cells: row(['随便', '什么']) }])).toThrow(/表头/);
  });
});

describe('rows', () => {
  const layout = detectLayout('districtTotals', [{ row: 1, cells: row(templateHeaders('districtTotals')) }]);

  it('reads rich text, formulas and numbers; codes stay text, counts stay numbers', () => {
    const input = rowInput(
      layout,
      row([230402, { formula: 'A1', result: '2026-05-01' }, 1234, { richText: [{ text: '5' }, { text: '6' }] }]),
    );
    expect(input).toEqual({ districtCode: '230402', asOf: '2026-05-01', marketEntities: 1234, xinyidaiRegistered: '56' });
    expect(cellValue({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellValue('   ')).toBeUndefined();
  });

  it('reads numbers in date columns as Excel date serials', () => {
    const input = rowInput(layout, row(['230402', 46143, 10, 1]));
    expect(input.asOf).toEqual(new Date('2026-05-01T00:00:00Z'));
    expect(excelSerialDate(44706.75)).toEqual(new Date('2022-05-25T00:00:00Z'));
  });

  it('recognises blank rows', () => {
    expect(isBlankRow(layout, row(['', null, undefined, '  ']))).toBe(true);
    expect(isBlankRow(layout, row(['', null, 3]))).toBe(false);
  });

  it('gives equal canonical text to equal content whatever the key order', () => {
    expect(canonicalRow('honour', { a: 1, b: '2' })).toBe(canonicalRow('honour', { b: '2', a: 1 }));
    expect(canonicalRow('honour', { a: 1 })).not.toBe(canonicalRow('registration', { a: 1 }));
  });
});
