/**
 * The four 归集信息填报表 exactly as the office prints them: each header row verbatim, the office's
 * example row (with its placeholder USCC replaced by a valid one, and its 例： dropped), the example
 * row itself skipped, dates in every shape the office writes, codes with spaces; templates round-trip.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc, computeCheckChar, FORMS, type FormKind } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, seedStaff } from './staff-fixtures';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
});
afterAll(async () => {
  await cloud?.close();
});

const staffFiles = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staffFiles', openid, { action, ...payload });

/** The header rows as the office prints them. */
const OFFICIAL_HEADERS: Record<Exclude<FormKind, 'districtTotals' | 'register'>, string[]> = {
  commitment: [
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
  ],
  honour: ['市场主体名称', '统一社会信用代码', '认定部门', '认定依据', '有效期至', '归集日期'],
  registration: ['市场主体名称', '统一社会信用代码', '事项名称', '事项内容', '提供部门', '归集日期'],
  otherInfo: ['市场主体名称', '统一社会信用代码', '事项名称', '提供部门', '归集日期'],
};
/** The office's example rows, verbatim. */
const OFFICE_EXAMPLES: Record<keyof typeof OFFICIAL_HEADERS, string[]> = {
  commitment: [
    '例：鹤岗市 X X 有限公司',
    '法人',
    '91230XXXMA18X DYWXF (18 位)',
    '主动型',
    '市场主体承诺书',
    '主动型，自愿作出承诺',
    '我企业依法诚信经营，自愿接受社会监督。',
    '无',
    '2022/7/22',
    '可向社会公开',
  ],
  honour: ['例：鹤岗市 XX 医院', '91230XXXMA18X DYWXF (18 位)', '税务局', '纳税信用等级评价方案', '2021/7/22', '2022/7/22'],
  registration: [
    '例：XX 医院',
    '91230XXXMA18X DYWXF (18 位)',
    '爱心捐赠公益/诚信药店/资质证明等',
    '公益事项内容/xx 许可证',
    'xx 公司/xx 部门等',
    '2022/7/22',
  ],
  otherInfo: [
    '例：xxx 企业',
    '91230XXXMA18X DYWXF (18 位)',
    '特色餐饮企业/xx 品牌/xx 著名商标/xx 食品超市等等',
    'xx 公司/xx 部门等',
    '2022/7/22',
  ],
};

/** A valid code in the example's shape (91 2304xx MA…), written with spaces as the office does. */
function exampleUscc(area: string, n: number): { spaced: string; plain: string } {
  const plain = composeUscc({ department: '9', category: '1', area, org8: `MA${String(n).padStart(6, '0')}` });
  expect(plain.slice(-1)).toBe(computeCheckChar(plain.slice(0, 17)));
  return { spaced: `${plain.slice(0, 8)} ${plain.slice(8, 13)} ${plain.slice(13)}`, plain };
}

/** The example row made real: 例： dropped, the placeholder code replaced by a valid one. */
function realRow(kind: keyof typeof OFFICIAL_HEADERS, code: string, date: unknown): unknown[] {
  const row: unknown[] = OFFICE_EXAMPLES[kind].map((c) => c.replace(/^例：/, ''));
  row[kind === 'commitment' ? 2 : 1] = code;
  row[row.length - 1 - (kind === 'commitment' ? 1 : 0)] = date;
  return row;
}

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Dates as the office writes them: 2022/7/22, 2022-07-22, 2022年7月22日, and an Excel date cell. */
const DATES: unknown[] = ['2022/7/22', '2022-07-22', '2022年7月22日', new Date(Date.UTC(2022, 6, 22))];

describe('the official layouts, as the office prints them', () => {
  for (const kind of Object.keys(OFFICIAL_HEADERS) as (keyof typeof OFFICIAL_HEADERS)[]) {
    it(`${FORMS[kind].title}: header verbatim, example row skipped, every date shape, spaced codes`, async () => {
      const codes = DATES.map((_, i) => exampleUscc('230402', 1000 * (Object.keys(OFFICIAL_HEADERS).indexOf(kind) + 1) + i));
      const file = await xlsx([
        [FORMS[kind].title],
        OFFICIAL_HEADERS[kind],
        OFFICE_EXAMPLES[kind],
        ...DATES.map((d, i) => realRow(kind, codes[i]!.spaced, d)),
      ]);
      const res = await staffFiles(CITY, 'importRecords', { kind, fileBase64: file, departmentId: 'scjg' });
      expect(res.ok, JSON.stringify(res.error)).toBe(true);
      // The example row is neither counted nor reported.
      expect(res.data).toMatchObject({ rows: 4, inserted: 4, invalid: 0, issues: [] });
      const collection = { commitment: 'commitments', honour: 'honours', registration: 'registrations', otherInfo: 'otherInfo' }[kind];
      const stored = await all(cloud, collection, { 'source.batch': res.data.batch });
      expect(stored.map((d: any) => d.uscc).sort()).toEqual(codes.map((c) => c.plain).sort());
      const dateKey = kind === 'commitment' ? 'committedOn' : 'collectedOn';
      expect(new Set(stored.map((d: any) => d[dateKey]))).toEqual(new Set(['2022-07-22']));
      if (kind === 'commitment') {
        expect(stored[0]).toMatchObject({
          promiserCategory: '法人',
          commitmentArea: '市场主体承诺书',
          reason: '主动型，自愿作出承诺',
          liability: '无',
          publicity: '可向社会公开',
          field: '市场监管',
          status: 'approved',
        });
      }
      if (kind === 'honour') expect(stored[0]).toMatchObject({ issuer: '税务局', basis: '纳税信用等级评价方案', validUntil: '2021-07-22' });
      if (kind === 'registration')
        expect(stored[0]).toMatchObject({
          itemName: '爱心捐赠公益/诚信药店/资质证明等',
          content: '公益事项内容/xx 许可证',
          provider: 'xx 公司/xx 部门等',
        });
      if (kind === 'otherInfo')
        expect(stored[0]).toMatchObject({ infoName: '特色餐饮企业/xx 品牌/xx 著名商标/xx 食品超市等等', provider: 'xx 公司/xx 部门等' });
    });
  }

  it('an unfixed example row alone is an empty file, not an error report', async () => {
    const file = await xlsx([OFFICIAL_HEADERS.honour, OFFICE_EXAMPLES.honour]);
    const res = await staffFiles(CITY, 'importRecords', { kind: 'honour', fileBase64: file });
    expect(res.error?.code).toBe('EMPTY_FILE');
  });

  it('each downloaded template is the official layout with the example row, and imports once filled in', async () => {
    for (const kind of Object.keys(OFFICIAL_HEADERS) as (keyof typeof OFFICIAL_HEADERS)[]) {
      const tpl = await staffFiles(CITY, 'importTemplate', { kind });
      expect(tpl.ok).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(tpl.data.fileBase64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).value).toBe(FORMS[kind].title);
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(OFFICIAL_HEADERS[kind]);
      expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(OFFICE_EXAMPLES[kind]);
      const code = exampleUscc('230403', 9000 + Object.keys(OFFICIAL_HEADERS).indexOf(kind));
      ws.addRow(realRow(kind, code.plain, '2022年7月22日'));
      const res = await staffFiles(CITY, 'importRecords', {
        kind,
        fileBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      });
      expect(res.data, kind).toMatchObject({ rows: 1, inserted: 1, invalid: 0 });
    }
  });
});
