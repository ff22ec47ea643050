/** staffFiles.creditCheck: a list of USCCs in, the facts per entity out as xlsx; audited, bounded. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, AT, CITY, seedStaff } from './staff-fixtures';
import { SCJG, seedDepartmentStaff, seedRegister } from './reach-fixtures';

let cloud: TestCloud;
let good: CodedEntity;
let suspended: CodedEntity;
let uncoded: string;

const commitment = (uscc: string, committedOn: string, content: string, extra: Record<string, unknown> = {}) => ({
  uscc,
  promiserName: '测试',
  promiserCode: uscc,
  field: '市场监管',
  content,
  committedOn,
  status: 'approved',
  source: { kind: 'import', departmentId: 'scjg', department: '市市场监管局', importedBy: 'x', importedAt: AT, batch: 'b' },
  dedupKey: `${uscc}-${committedOn}-${content}`,
  createdAt: AT,
  ...extra,
});

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedDepartmentStaff(cloud);
  good = await seedCodedEntity(cloud.db, { uscc: testUscc('230402', 601), name: '鹤岗市守信商店' });
  suspended = await seedCodedEntity(cloud.db, { uscc: testUscc('230402', 602), name: '鹤岗市暂停商店' });
  await cloud.db
    .collection('codes')
    .doc(suspended.code._id)
    .update({ data: { status: 'suspended' } });
  uncoded = (await seedRegister(cloud, { districtCode: '230404', n: 1, from: 603 }))[0]!;
  await cloud.db.collection('commitments').add({
    data: [
      commitment(good.entity.uscc, '2026-03-01', '依法诚信经营'),
      commitment(good.entity.uscc, '2026-04-01', '明码标价，不缺斤短两'),
      commitment(good.entity.uscc, '2026-05-01', '已撤回的承诺', { withdrawn: true }),
    ],
  });
  await cloud.db.collection('honours').add({
    data: {
      uscc: good.entity.uscc,
      title: '守合同重信用企业',
      awardedOn: '2025-01-01',
      source: { kind: 'import', department: 'x', importedBy: 'x', importedAt: AT, batch: 'b' },
      dedupKey: 'h1',
      createdAt: AT,
    },
  });
  await cloud.db.collection('reports').add({ data: { uscc: suspended.entity.uscc, reporterOpenid: 'o1', status: 'open', createdAt: AT } });
  await cloud.db.collection('reports').add({ data: { uscc: good.entity.uscc, reporterOpenid: 'o2', status: 'handled', createdAt: AT } });
  await cloud.db
    .collection('objections')
    .add({ data: { uscc: suspended.entity.uscc, entityId: suspended.entity._id, openid: 'o3', status: 'open', createdAt: AT } });
});
afterAll(async () => {
  await cloud?.close();
});

async function listXlsx(values: unknown[], header = true): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  if (header) ws.addRow(['序号', '企业名称', '统一社会信用代码']);
  values.forEach((v, i) => ws.addRow(header ? [i + 1, '某公司', v] : [v]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function rowsOf(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

describe('staffFiles.creditCheck', () => {
  it('answers per entity: code status, commitments, honours, open objections and reports, and a flag', async () => {
    const fileBase64 = await listXlsx([good.entity.uscc, suspended.entity.uscc.toLowerCase(), uncoded, 'ABC', good.entity.uscc]);
    const res = await cloud.call('staffFiles', SCJG, { action: 'creditCheck', fileBase64, purpose: '评优评先' });
    expect(res.error).toBeUndefined();
    expect(res.data.counts).toEqual({ rows: 5, checked: 3, invalid: 1, flagged: 3 });
    const rows = await rowsOf(res.data.fileBase64);
    expect(rows[0]).toEqual([
      '序号',
      '统一社会信用代码',
      '市场主体名称',
      '所属县（区）',
      '诚信码状态',
      '主动承诺（件）',
      '最近承诺日期',
      '最近承诺内容',
      '守信激励（项）',
      '未结异议（件）',
      '未结举报（件）',
      '提示',
    ]);
    expect(rows[1]).toEqual([
      1,
      good.entity.uscc,
      '鹤岗市守信商店',
      '向阳区',
      '有效',
      2,
      '2026-04-01',
      '明码标价，不缺斤短两',
      1,
      0,
      0,
      '无异常',
    ]);
    // no commitment: the date and content cells are left empty
    expect(rows[2]).toEqual([
      2,
      suspended.entity.uscc,
      '鹤岗市暂停商店',
      '向阳区',
      '暂停',
      0,
      undefined,
      undefined,
      0,
      1,
      1,
      '诚信码已暂停；有未结举报；有未结异议；无主动承诺',
    ]);
    expect(rows[3]!.slice(1, 5)).toEqual([uncoded, '鹤岗市测试商贸603有限公司', '南山区', '未赋码']);
    expect(rows[3]![11]).toBe('无有效诚信码；无主动承诺');
    expect(rows[4]![1]).toBe('ABC');
    expect(rows[4]![11]).toBe('统一社会信用代码格式不正确');
    expect(rows).toHaveLength(6);
    // Kept as an audited query: who, why, the list's hash and counts; not the answers.
    const [check] = await all(cloud, 'creditChecks', { _id: res.data.checkId });
    expect(check).toMatchObject({ checkedBy: SCJG, role: 'department', purpose: '评优评先', counts: res.data.counts });
    expect(check.listHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(check)).not.toContain(good.entity.uscc);
    expect(await all(cloud, 'auditLog', { action: 'creditCheck' })).toHaveLength(1);
  });

  it('reads a bare first column when there is no header', async () => {
    const res = await cloud.call('staffFiles', CITY, { action: 'creditCheck', fileBase64: await listXlsx([good.entity.uscc], false) });
    expect(res.data.counts).toMatchObject({ rows: 1, checked: 1, flagged: 0 });
  });

  it('refuses more than 5,000 entities, empty lists, non-xlsx files and non-staff, storing nothing', async () => {
    const before = cloud.writeVersion();
    const many = Array.from({ length: 5001 }, (_, i) => testUscc('230402', 10_000 + i));
    expect((await cloud.call('staffFiles', CITY, { action: 'creditCheck', fileBase64: await listXlsx(many) })).error?.code).toBe(
      'TOO_MANY_ROWS',
    );
    expect((await cloud.call('staffFiles', CITY, { action: 'creditCheck', fileBase64: await listXlsx([]) })).error?.code).toBe(
      'EMPTY_FILE',
    );
    expect(
      (await cloud.call('staffFiles', CITY, { action: 'creditCheck', fileBase64: Buffer.from('x,y').toString('base64') })).error?.code,
    ).toBe('INVALID_FILE');
    expect((await cloud.call('staffFiles', CITY, { action: 'creditCheck' })).error?.code).toBe('INVALID_INPUT');
    expect(
      (await cloud.call('staffFiles', 'oNobody', { action: 'creditCheck', fileBase64: await listXlsx([good.entity.uscc]) })).error?.code,
    ).toBe('FORBIDDEN');
    expect(cloud.writeVersion()).toBe(before);
  });

  it('answers 5,000 entities with bounded database calls', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => testUscc('230402', 20_000 + i));
    const stats = async () => ((await (await fetch(`${cloud.url}/_stats`)).json()) as { databaseRequests: number }).databaseRequests;
    const before = await stats();
    const res = await cloud.call('staffFiles', CITY, { action: 'creditCheck', fileBase64: await listXlsx(many) });
    expect(res.data.counts).toMatchObject({ rows: 5000, checked: 5000 });
    // 10 chunks × 7 collections, the staff lookup, the check and its audit entry.
    expect((await stats()) - before).toBeLessThanOrEqual(10 * 7 + 3);
  });
});
