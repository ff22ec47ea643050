/** The department ledger: import (city), edits, uploads, status and code counts, the bulletin sentence. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_FILE } from '../../core/contract/staff-files';
import { departmentProgressSentence } from '../../core/reach';
import { base64Length } from '../../core/schemas/upload';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, seedStaff, XIANGYANG } from './staff-fixtures';
import { SCJG, SWJ, seedDepartmentStaff } from './reach-fixtures';

let cloud: TestCloud;
let fileID: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedDepartmentStaff(cloud);
  fileID = (await cloud.cloud.uploadFile({ cloudPath: 'ledger/plan.pdf', fileContent: Buffer.from('%PDF-1.4 plan') })).fileID;
  // Codes in 市场监管 (scjg) and 税务 (swj): this month (2026-05) and earlier.
  const code = (field: string, issuedAt: Date, i: number) => ({
    entityId: `e${field}${i}`,
    uscc: `u${field}${i}`,
    districtCode: '230402',
    field,
    status: 'active',
    version: 1,
    liveKey: `e${field}${i}`,
    issuedAt,
    history: [],
  });
  await cloud.db.collection('codes').add({
    data: [
      code('市场监管', new Date('2026-05-03T01:00:00Z'), 1),
      code('市场监管', new Date('2026-05-31T15:00:00Z'), 2), // 2026-05-31 23:00 China time: still May
      code('市场监管', new Date('2026-04-10T01:00:00Z'), 3),
      code('税务', new Date('2026-05-31T16:30:00Z'), 4), // already June in China
    ],
  });
});
afterAll(async () => {
  await cloud?.close();
});

const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });

async function ledgerXlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['“码上诚信”工作任务台账']);
  ws.addRow(['序号', '责任单位', '工作任务目标', '工作措施', '责任领导', '责任人', '完成时限']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('staffFiles.importLedger', () => {
  it('imports the ledger layout, one row per department, reporting rows it cannot place', async () => {
    const fileBase64 = await ledgerXlsx([
      [1, '市市场监管局', '市场主体赋码率达到40%', '逐户走访，电话动员', '王局长', '李科长', '2026年12月31日'],
      [2, '国家税务总局鹤岗市税务局', '纳税信用A级企业全部赋码', '办税服务厅张贴', '赵局长', '钱科长', '2026年10月'],
      [3, '市不存在局', '目标', '措施', '甲', '乙', '年底'],
      [4, '市商务局', '', '措施', '甲', '乙', '年底'],
    ]);
    const before = cloud.writeVersion();
    expect((await cloud.call('staffFiles', XIANGYANG, { action: 'importLedger', fileBase64 })).error?.code).toBe('FORBIDDEN');
    expect((await cloud.call('staffFiles', SCJG, { action: 'importLedger', fileBase64 })).error?.code).toBe('FORBIDDEN');
    expect(cloud.writeVersion()).toBe(before);
    const res = await cloud.call('staffFiles', CITY, { action: 'importLedger', fileBase64 });
    expect(res.error).toBeUndefined();
    expect(res.data).toMatchObject({ rows: 4, inserted: 2, updated: 0, invalid: 2 });
    expect(res.data.issues).toEqual([
      { row: 5, column: '责任单位', reason: '「市不存在局」不是本系统的行管部门' },
      { row: 6, column: '工作任务目标', reason: '工作任务目标不能为空' },
    ]);
    const rows = await all(cloud, 'departmentLedger');
    expect(rows.map((r) => r.departmentId).sort()).toEqual(['scjg', 'swj']);
    expect(rows.find((r) => r.departmentId === 'swj')).toMatchObject({
      index: 2,
      leader: '赵局长',
      responsible: '钱科长',
      deadline: '2026年10月',
      source: { kind: 'import', batchId: res.data.batchId },
    });
    expect((await all(cloud, 'importBatches', { _id: res.data.batchId }))[0]).toMatchObject({ kind: 'departmentLedger', status: 'done' });
    expect(await all(cloud, 'auditLog', { action: 'ledger.import' })).toHaveLength(2);
  });

  it('refuses a file without the header and a non-xlsx file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['名称', '地址']);
    const noHeader = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect((await cloud.call('staffFiles', CITY, { action: 'importLedger', fileBase64: noHeader })).error?.code).toBe('INVALID_FILE');
    expect(
      (await cloud.call('staffFiles', CITY, { action: 'importLedger', fileBase64: Buffer.from('hello').toString('base64') })).error?.code,
    ).toBe('INVALID_FILE');
  });

  it('refuses a file over 2 MB before decoding it', async () => {
    const fileBase64 = 'A'.repeat(base64Length(LEDGER_FILE.maxBytes) + 4);
    expect((await cloud.call('staffFiles', CITY, { action: 'importLedger', fileBase64 })).error).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: '文件过大，不能超过2MB',
    });
  });
});

describe('staff.saveLedgerEntry', () => {
  it('lets the city edit a department’s row, audited with before and after', async () => {
    const res = await staff(CITY, 'saveLedgerEntry', {
      departmentId: 'swu',
      goal: '商贸企业赋码',
      measures: '商圈动员',
      leader: '孙局长',
      responsible: '周科长',
      deadline: '2026年12月',
    });
    expect(res.ok).toBe(true);
    expect((await all(cloud, 'departmentLedger', { departmentId: 'swu' }))[0]).toMatchObject({
      unit: '鹤岗市商务局',
      source: { kind: 'edit' },
    });
    expect(
      (
        await staff(SCJG, 'saveLedgerEntry', {
          departmentId: 'scjg',
          goal: 'x',
          measures: 'x',
          leader: 'x',
          responsible: 'x',
          deadline: 'x',
        })
      ).error?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await staff(CITY, 'saveLedgerEntry', {
          departmentId: 'nope',
          goal: 'x',
          measures: 'x',
          leader: 'x',
          responsible: 'x',
          deadline: 'x',
        })
      ).error?.code,
    ).toBe('INVALID_INPUT');
  });
});

describe('staff.uploadLedgerFile and departmentProgress', () => {
  it('takes a department’s own files only, from this environment’s storage', async () => {
    const before = cloud.writeVersion();
    expect(
      (await staff(SCJG, 'uploadLedgerFile', { kind: 'plan', month: '2026-05', title: 'x', fileID: 'cloud://other-env.b/ledger/a.pdf' }))
        .error?.code,
    ).toBe('INVALID_INPUT');
    expect(
      (await staff(SCJG, 'uploadLedgerFile', { kind: 'plan', month: '2026-05', title: 'x', fileID, departmentId: 'swj' })).error?.code,
    ).toBe('FORBIDDEN');
    expect((await staff(XIANGYANG, 'uploadLedgerFile', { kind: 'plan', month: '2026-05', title: 'x', fileID })).error?.code).toBe(
      'FORBIDDEN',
    );
    expect((await staff(SCJG, 'uploadLedgerFile', { kind: 'plan', month: '2026-5', title: 'x', fileID })).error?.code).toBe(
      'INVALID_INPUT',
    );
    expect(cloud.writeVersion()).toBe(before);
  });

  it('derives each department’s status from its uploads and counts codes of its fields', async () => {
    expect(
      (await staff(SCJG, 'uploadLedgerFile', { kind: 'plan', month: '2026-04', title: '市市场监管局“码上诚信”推进落实方案', fileID })).ok,
    ).toBe(true);
    expect((await staff(SWJ, 'uploadLedgerFile', { kind: 'update', month: '2026-05', title: '5月工作动态', fileID })).ok).toBe(true);
    const may = await staff(XIANGYANG, 'departmentProgress', { month: '2026-05' });
    expect(may.error).toBeUndefined();
    const row = (id: string) => may.data.departments.find((d: { departmentId: string }) => d.departmentId === id);
    // The ledger holds scjg (1), swj (2), swu: those are the departments involved.
    expect(may.data.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual(['scjg', 'swj', 'swu']);
    expect(row('scjg')).toMatchObject({ status: '制定推进落实文件', plans: 1, updates: 0, codesThisMonth: 2, codesTotal: 3 });
    expect(row('swj')).toMatchObject({ status: '报送工作动态', updates: 1, updatesThisMonth: 1, codesThisMonth: 0, codesTotal: 0 });
    expect(row('swu')).toMatchObject({ status: '尚未启动', codesTotal: 0 });
    expect(may.data.sentence).toBe(
      '涉及3个行管部门，其中制定推进落实文件1个单位：市市场监管局，报送工作动态1个单位：市税务局，尚未启动单位1个：市商务局。',
    );
    // As of April, 税务's May update does not count yet.
    const april = await staff(CITY, 'departmentProgress', { month: '2026-04' });
    expect(april.data.departments.find((d: { departmentId: string }) => d.departmentId === 'swj').status).toBe('尚未启动');
    expect((await all(cloud, 'auditLog', { action: 'ledger.upload' })).length).toBe(2);
  });
});

describe('departmentProgressSentence', () => {
  it('reads 无 for an empty group', () => {
    expect(departmentProgressSentence([{ name: '市教育局', status: '尚未启动' }])).toBe(
      '涉及1个行管部门，其中制定推进落实文件0个单位：无，报送工作动态0个单位：无，尚未启动单位1个：市教育局。',
    );
  });
});
