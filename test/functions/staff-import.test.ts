/** staff.importRecords: row-level reports, nothing stored from bad rows, idempotent re-imports, templates. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/import-layouts';
import { RECORD_FILE } from '../../core/contract/staff-files';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, MERCHANT, seedStaff, TAX, usccOf, XIANGYANG } from './staff-fixtures';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
});
afterAll(async () => {
  await cloud?.close();
});

/** importRecords and importTemplate live in the staffFiles function. */
const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staffFiles', openid, { action, ...payload });

async function xlsx(rows: unknown[][], sheetName = '主动承诺信息表'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function commitmentRow(i: number, overrides: Partial<Record<number, unknown>> = {}): unknown[] {
  const row: unknown[] = [
    `鹤岗第${i}号商户`,
    '法人',
    usccOf('230404', 500_000 + i),
    '主动型',
    '市场主体承诺书',
    '主动型，自愿作出承诺',
    '我企业依法诚信经营，自愿接受社会监督。',
    '违反承诺自愿接受相关部门依法处理。',
    new Date(Date.UTC(2026, 4, 1)),
    '可向社会公开',
  ];
  for (const [k, v] of Object.entries(overrides)) row[Number(k)] = v;
  return row;
}

describe('importRecords: 主动承诺信息表', () => {
  it('stores the valid rows, reports each bad one by row and column, and re-imports nothing twice', async () => {
    const file = await xlsx([
      ['主动承诺信息表'],
      ['序号', ...templateHeaders('commitment')],
      [1, ...commitmentRow(1)],
      [2, ...commitmentRow(2, { 2: '91230404MA1234567X' })], // bad check character
      [3, ...commitmentRow(3, { 8: '2026-02-30' })], // no such date
      [],
      [4, ...commitmentRow(4, { 3: '随便型', 6: '' })], // unknown type and empty content
      [5, ...commitmentRow(5)],
      [6, ...commitmentRow(1)], // same content as row 3: a duplicate within the file
    ]);
    const res = await staff(CITY, 'importRecords', { kind: 'commitment', fileBase64: file, departmentId: 'scjg' });
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ kind: 'commitment', rows: 6, inserted: 2, duplicates: 1, invalid: 3, issuesTruncated: false });
    const issues = res.data.issues as { row: number; column: string; reason: string }[];
    expect(issues.find((i) => i.row === 4)).toMatchObject({ column: '承诺人代码' });
    expect(issues.find((i) => i.row === 4)!.reason).toMatch(/校验/);
    expect(issues.find((i) => i.row === 5)).toEqual({
      row: 5,
      column: '承诺作出日期',
      reason: '承诺作出日期不是有效日期（格式如 2022-05-25）',
    });
    expect(
      issues
        .filter((i) => i.row === 7)
        .map((i) => i.column)
        .sort(),
    ).toEqual(['承诺内容', '承诺类型']);

    const stored = await all(cloud, 'commitments');
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      promiserName: '鹤岗第1号商户',
      uscc: usccOf('230404', 500_001),
      committedOn: '2026-05-01',
      status: 'approved',
      source: { kind: 'import', department: '市市场监管局', importedBy: CITY, batch: res.data.batch },
    });
    expect(stored[0].dedupKey).toMatch(/^[0-9a-f]{40}$/);

    const again = await staff(CITY, 'importRecords', { kind: 'commitment', fileBase64: file });
    expect(again.data).toMatchObject({ rows: 6, inserted: 0, duplicates: 3, invalid: 3 });
    expect(await all(cloud, 'commitments')).toHaveLength(2);

    const log = await all(cloud, 'auditLog', { action: 'importRecords' });
    expect(log).toHaveLength(2);
    expect(log[0].after).toMatchObject({ kind: 'commitment', inserted: 2, invalid: 3 });
  });

  it('writes many rows in batches through multi-document inserts', async () => {
    const rows = Array.from({ length: 1_203 }, (_, i) => commitmentRow(10_000 + i));
    const res = await staff(CITY, 'importRecords', {
      kind: 'commitment',
      fileBase64: await xlsx([templateHeaders('commitment'), ...rows]),
    });
    expect(res.data).toMatchObject({ rows: 1_203, inserted: 1_203, duplicates: 0, invalid: 0 });
    expect((await cloud.db.collection('commitments').where({ 'source.batch': res.data.batch }).count()).total).toBe(1_203);
  });

  it("refuses a department's rows whose extra 行业领域 column is outside its field; without it the department's field", async () => {
    // 承诺领域 is the kind of document (市场主体承诺书); the industry is the optional extra 行业领域 column.
    const file = await xlsx([
      [...templateHeaders('commitment'), '行业领域'],
      [...commitmentRow(20_001), '税务'],
      [...commitmentRow(20_002), '商务'],
      [...commitmentRow(20_003), ''],
    ]);
    const res = await staff(TAX, 'importRecords', { kind: 'commitment', fileBase64: file });
    expect(res.data).toMatchObject({ inserted: 2, invalid: 1 });
    expect(res.data.issues).toEqual([{ row: 3, column: '行业领域', reason: '只能导入「税务」领域的信息（该行属于「商务」领域）' }]);
    expect(await all(cloud, 'commitments', { promiserName: '鹤岗第20002号商户' })).toHaveLength(0);
    const [first] = await all(cloud, 'commitments', { promiserName: '鹤岗第20001号商户' });
    expect(first).toMatchObject({ field: '税务', commitmentArea: '市场主体承诺书', source: { department: '市税务局' } });
    expect((await all(cloud, 'commitments', { promiserName: '鹤岗第20003号商户' }))[0].field).toBe('税务');
  });
});

describe('importRecords by cloud-storage fileID (as the mini-program uploads it)', () => {
  it('downloads the uploaded file and imports it like an inline one', async () => {
    const file = Buffer.from(
      await xlsx([
        ['序号', ...templateHeaders('commitment')],
        [1, ...commitmentRow(901)],
        [2, ...commitmentRow(902)],
      ]),
      'base64',
    );
    const { fileID } = await cloud.cloud.uploadFile({ cloudPath: 'imports/city/承诺-901.xlsx', fileContent: file });
    const res = await staff(CITY, 'importRecords', { kind: 'commitment', fileID, departmentId: 'scjg' });
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ kind: 'commitment', rows: 2, inserted: 2, duplicates: 0, invalid: 0 });
    for (const n of [901, 902]) {
      expect(await all(cloud, 'commitments', { uscc: usccOf('230404', 500_000 + n) })).toMatchObject([
        { source: { kind: 'import', department: '市市场监管局' } },
      ]);
    }
    // The uploaded file is deleted once imported (it may hold 政务共享 rows).
    expect((await staff(CITY, 'importRecords', { kind: 'commitment', fileID })).error?.code).toBe('FILE_NOT_FOUND');
    // The same file uploaded again adds nothing.
    const again = await cloud.cloud.uploadFile({ cloudPath: 'imports/city/承诺-901-again.xlsx', fileContent: file });
    expect((await staff(CITY, 'importRecords', { kind: 'commitment', fileID: again.fileID })).data).toMatchObject({
      inserted: 0,
      duplicates: 2,
    });
  });

  it('refuses a stored file over the size limit without reading it as a spreadsheet', async () => {
    const { fileID } = await cloud.cloud.uploadFile({ cloudPath: 'imports/big.xlsx', fileContent: Buffer.alloc(RECORD_FILE.maxBytes + 1) });
    const res = await staff(CITY, 'importRecords', { kind: 'commitment', fileID });
    expect(res.error?.code).toBe('FILE_TOO_LARGE');
    expect(res.error?.message).toMatch(/文件过大/);
  });
});

describe('importRecords: other forms', () => {
  it('imports district totals that districtStats then uses; district staff only their own', async () => {
    const file = await xlsx(
      [
        templateHeaders('districtTotals'),
        ['230402', '2026-05-20', 1000, 120],
        ['230403', '2026-05-20', 800, 900],
        ['230403', '2026-05-20', 800, 90],
      ],
      '县（区）市场主体总量',
    );
    expect((await staff(TAX, 'importRecords', { kind: 'districtTotals', fileBase64: file })).error?.code).toBe('FORBIDDEN');
    const res = await staff(XIANGYANG, 'importRecords', { kind: 'districtTotals', fileBase64: file });
    expect(res.data).toMatchObject({ rows: 3, inserted: 1, invalid: 2 });
    expect(res.data.issues).toEqual([
      { row: 3, column: '入驻信易贷平台企业数', reason: '入驻信易贷平台企业数不能大于市场主体总量' },
      { row: 4, column: '县（区）代码', reason: '只能导入本县（区）的数据' },
    ]);
    const stats = await cloud.call('staff', XIANGYANG, { action: 'districtStats' });
    expect(stats.data.districts[0]).toMatchObject({
      districtCode: '230402',
      marketEntities: 1000,
      xinyidai: 120,
      totalsAsOf: '2026-05-20',
    });
  });

  it('round-trips each blank template: download, fill in, import', async () => {
    const filled: Record<string, unknown[]> = {
      honour: ['鹤岗守信商贸有限公司', usccOf('230421', 1), '税务局', '纳税信用等级评价方案', '', '2026-04-01'],
      registration: ['鹤岗自愿商行', usccOf('230422', 2), '抗洪救灾捐赠', '捐赠物资价值5万元', '', '2026年3月1日'],
      otherInfo: ['鹤岗特产有限公司', usccOf('230407', 3), '萝北大米地理标志产品', '市市场监管局', '2020/6/18'],
    };
    for (const [kind, row] of Object.entries(filled)) {
      const tpl = await staff(CITY, 'importTemplate', { kind });
      expect(tpl.ok).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(tpl.data.fileBase64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(templateHeaders(kind as 'honour'));
      expect(wb.getWorksheet('填写说明')).toBeDefined();
      ws.addRow(row);
      const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const res = await staff(CITY, 'importRecords', { kind, fileBase64 });
      expect(res.data, kind).toMatchObject({ rows: 1, inserted: 1, invalid: 0 });
    }
    expect((await all(cloud, 'registrations'))[0]).toMatchObject({ collectedOn: '2026-03-01', itemName: '抗洪救灾捐赠' });
    expect('provider' in (await all(cloud, 'registrations'))[0]).toBe(false);
    expect((await all(cloud, 'otherInfo'))[0]).toMatchObject({ collectedOn: '2020-06-18', provider: '市市场监管局' });
    expect('validUntil' in (await all(cloud, 'honours'))[0]).toBe(false);
  });
});

describe('importRecords: refused files store nothing', () => {
  async function count(): Promise<number> {
    return (await cloud.db.collection('honours').count()).total;
  }

  it('answers each with a stable code', async () => {
    const before = await count();
    // The template's 认定部门 header (not starred: only the 主动承诺信息表 stars its columns) is left out.
    expect(templateHeaders('honour')).toContain('认定部门');
    const missing = await xlsx([templateHeaders('honour').filter((h) => h !== '认定部门'), ['x']]);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'honour', fileBase64: missing }, 'MISSING_COLUMNS'],
      [{ kind: 'honour', fileBase64: Buffer.from('not a spreadsheet').toString('base64') }, 'INVALID_FILE'],
      [{ kind: 'honour', fileBase64: Buffer.from('PK\u0003\u0004garbage').toString('base64') }, 'INVALID_FILE'],
      [{ kind: 'honour', fileBase64: '!!!' }, 'INVALID_FILE'],
      [{ kind: 'honour', fileBase64: await xlsx([templateHeaders('honour')]) }, 'EMPTY_FILE'],
      [{ kind: 'honour', fileBase64: 'A'.repeat(28 * 1024 * 1024) }, 'FILE_TOO_LARGE'],
      [{ kind: 'recipes', fileBase64: missing }, 'INVALID_INPUT'],
      [{ kind: 'honour' }, 'INVALID_INPUT'],
      [{ kind: 'honour', fileID: 'cloud://localcloud.localcloud-1250000000/imports/never-uploaded.xlsx' }, 'FILE_NOT_FOUND'],
      [{ kind: 'honour', fileID: 'not-a-file-id' }, 'FILE_NOT_FOUND'],
    ];
    for (const [payload, code] of cases) {
      const res = await staff(CITY, 'importRecords', payload);
      expect(res.error?.code, code).toBe(code);
      expect(res.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await count()).toBe(before);
    expect((await staff(MERCHANT, 'importRecords', { kind: 'honour', fileBase64: missing })).error?.code).toBe('FORBIDDEN');
  });
});
