/** staff.outreach / recordContact / gap and staffFiles.exportOutreach: scope, paging, healing, the xlsx. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, GONGNONG, seedTotals, seedStaff, XIANGYANG } from './staff-fixtures';
import { SCJG, SWJ, seedDepartmentRecord, seedDepartmentStaff, seedLiveCode, seedRegister } from './reach-fixtures';

let cloud: TestCloud;
let xy: string[];
let gn: string[];
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedDepartmentStaff(cloud);
  xy = await seedRegister(cloud, { districtCode: '230402', n: 30, from: 1 });
  await seedRegister(cloud, {
    districtCode: '230402',
    n: 4,
    from: 100,
    entityType: '个体工商户',
    address: (i) => `鹤岗市向阳区诚信街${i}号`,
  });
  await seedRegister(cloud, { districtCode: '230402', n: 3, from: 200, inBusiness: false });
  gn = await seedRegister(cloud, { districtCode: '230403', n: 5, from: 300 });
  // Two of 向阳区 already coded (flag not set: the list must find out itself).
  await seedLiveCode(cloud, xy[0]!, '230402');
  await seedLiveCode(cloud, xy[1]!, '230402');
  // 市市场监管局 knows three entities (two in 向阳区, one in 工农区); one of them is coded.
  for (const u of [xy[1]!, xy[5]!, xy[6]!, gn[0]!]) await seedDepartmentRecord(cloud, u, 'scjg', '市市场监管局');
  // 向阳区's imported 市场主体总量 is dated the day its register rows were (AT): not older than the register, so it counts.
  await seedTotals(cloud, '230402', '2026-05-20', 100, 10);
});
afterAll(async () => {
  await cloud?.close();
});

const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });

describe('staff.outreach', () => {
  it('lists a district’s uncoded entities in business, paged, with the total', async () => {
    const first = await staff(XIANGYANG, 'outreach', { limit: 10 });
    expect(first.ok).toBe(true);
    expect(first.data.total).toBe(32); // 34 in business − 2 coded
    expect(first.data.items).toHaveLength(10);
    const seen = new Set<string>(first.data.items.map((i: { uscc: string }) => i.uscc));
    expect(seen.has(xy[0]!)).toBe(false);
    expect(seen.has(xy[1]!)).toBe(false);
    expect(first.data.items[0]).toMatchObject({
      districtCode: '230402',
      legalRep: expect.stringMatching(/^法人/),
      lastContact: null,
      contacts: 0,
    });
    // The coded rows were flagged while listing.
    const flagged = await all(cloud, 'register', { uscc: xy[0] });
    expect(flagged[0].coded).toBe(true);
    // Pages do not overlap and cover everything.
    for (let offset = 10; offset < 32; offset += 10) {
      const p = await staff(XIANGYANG, 'outreach', { limit: 10, offset });
      for (const i of p.data.items) {
        expect(seen.has(i.uscc)).toBe(false);
        seen.add(i.uscc);
      }
    }
    expect(seen.size).toBe(32);
  });

  it('filters by type, address fragment, founding years and keyword', async () => {
    const t = await staff(XIANGYANG, 'outreach', { entityType: '个体工商户' });
    expect(t.data.total).toBe(4);
    const a = await staff(XIANGYANG, 'outreach', { address: '诚信街' });
    expect(a.data.total).toBe(4);
    const f = await staff(XIANGYANG, 'outreach', { foundedFrom: '2012-01-01', foundedTo: '2012-12-31' });
    expect(f.data.items.every((i: { foundedOn: string }) => i.foundedOn.startsWith('2012'))).toBe(true);
    expect(f.data.total).toBeGreaterThan(0);
    const k = await staff(XIANGYANG, 'outreach', { keyword: '商贸7有限' });
    expect(k.data.items.map((i: { uscc: string }) => i.uscc)).toEqual([xy[6]]);
    const byUscc = await staff(XIANGYANG, 'outreach', { keyword: xy[6]!.toLowerCase() });
    expect(byUscc.data.total).toBe(1);
  });

  it('keeps district staff to their district and department staff to the entities their department knows', async () => {
    expect((await staff(XIANGYANG, 'outreach', { districtCode: '230403' })).error?.code).toBe('FORBIDDEN');
    const gnList = await staff(GONGNONG, 'outreach', {});
    expect(gnList.data.total).toBe(5);
    const dept = await staff(SCJG, 'outreach', {});
    expect(dept.data.items.map((i: { uscc: string }) => i.uscc).sort()).toEqual([xy[5], xy[6], gn[0]].sort());
    expect((await staff(SWJ, 'outreach', {})).data.total).toBe(0);
    expect((await staff(SCJG, 'outreach', { keyword: xy[5] })).data.total).toBe(1);
    expect((await staff(SCJG, 'outreach', { keyword: xy[7] })).data.total).toBe(0);
    expect((await staff(SWJ, 'outreach', { field: '市场监管' })).error?.code).toBe('FORBIDDEN');
    const cityField = await staff(CITY, 'outreach', { field: '市场监管', districtCode: '230402' });
    expect(cityField.data.total).toBe(2);
    expect((await staff(CITY, 'outreach', {})).data.total).toBe(37);
  });

  it('refuses bad filters with stable codes', async () => {
    expect((await staff(CITY, 'outreach', { limit: 1000 })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'outreach', { field: '不存在' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff('oNobody', 'outreach', {})).error?.code).toBe('FORBIDDEN');
  });
});

describe('staff.recordContact', () => {
  it('keeps every contact, audits it, and the list shows the latest', async () => {
    const u = xy[10]!;
    const a = await staff(XIANGYANG, 'recordContact', { uscc: u, result: '已联系', note: '电话无人接听', date: '2026-05-01' });
    expect(a.ok).toBe(true);
    const b = await staff(XIANGYANG, 'recordContact', { uscc: u, result: '同意赋码', note: '下周提交材料', date: '2026-05-02' });
    expect(b.ok).toBe(true);
    const list = await staff(XIANGYANG, 'outreach', { keyword: u });
    expect(list.data.items[0]).toMatchObject({
      contacts: 2,
      lastContact: { result: '同意赋码', note: '下周提交材料', date: '2026-05-02', byName: '向阳区专员' },
    });
    expect(await all(cloud, 'outreachContacts', { uscc: u })).toHaveLength(2);
    const audits = await all(cloud, 'auditLog', { action: 'outreach.contact' });
    expect(audits.filter((x) => x.after.uscc === u)).toHaveLength(2);
  });

  it('refuses other districts, unknown entities, future dates and bad results, storing nothing', async () => {
    const before = cloud.writeVersion();
    expect((await staff(GONGNONG, 'recordContact', { uscc: xy[3], result: '已联系', date: '2026-05-01' })).error?.code).toBe('FORBIDDEN');
    expect((await staff(SWJ, 'recordContact', { uscc: xy[5], result: '已联系', date: '2026-05-01' })).error?.code).toBe('FORBIDDEN');
    expect((await staff(CITY, 'recordContact', { uscc: '91230402MA00000000', result: '已联系', date: '2026-05-01' })).error?.code).toBe(
      'INVALID_INPUT',
    );
    expect((await staff(CITY, 'recordContact', { uscc: xy[3], result: '拒绝', date: '2026-05-01' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'recordContact', { uscc: xy[3], result: '已联系', date: '2999-01-01' })).error?.code).toBe('INVALID_INPUT');
    expect(cloud.writeVersion()).toBe(before);
    expect((await staff(SCJG, 'recordContact', { uscc: xy[5], result: '暂不需要', date: TODAY })).ok).toBe(true);
  });
});

describe('staff.gap', () => {
  it('shows per district the codes still needed for 40% and where the uncoded entities are', async () => {
    const res = await staff(CITY, 'gap');
    expect(res.ok).toBe(true);
    const d = res.data.districts.find((x: { districtCode: string }) => x.districtCode === '230402');
    expect(d).toMatchObject({ name: '向阳区', coded: 2, marketEntities: 100, neededFor40: 38, uncodedInRegister: 32 });
    expect(d.topEntityTypes[0]).toEqual({ entityType: '有限责任公司', uncoded: 28 });
    expect(d.topFields).toEqual([{ field: '市场监管', uncoded: 2 }]);
    const g = res.data.districts.find((x: { districtCode: string }) => x.districtCode === '230403');
    // 工农区 has no imported totals: its register's 5 entities in business are its 市场主体总量 (2 codes reach 40%).
    expect(g).toMatchObject({ marketEntities: 5, neededFor40: 2, uncodedInRegister: 5, topFields: [{ field: '市场监管', uncoded: 1 }] });
  });
});

describe('staffFiles.exportOutreach', () => {
  it('writes the filtered list as xlsx with Chinese headers and every row', async () => {
    const res = await cloud.call('staffFiles', XIANGYANG, { action: 'exportOutreach' });
    expect(res.error).toBeUndefined();
    expect(res.data.rows).toBe(32);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.fileBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号',
      '市场主体名称',
      '统一社会信用代码',
      '市场主体类型',
      '法定代表人',
      '住所（经营场所）',
      '所属县（区）',
      '成立日期',
      '登记状态',
      '最近联系结果',
      '最近联系日期',
      '联系备注',
      '联系次数',
    ]);
    expect(ws.rowCount).toBe(33);
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.getColumn(6).width).toBe(40);
    const usccs = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1) usccs.add(String(row.getCell(3).value));
    });
    expect(usccs.size).toBe(32);
    expect(usccs.has(xy[0]!)).toBe(false);
    const contacted: unknown[] = [];
    ws.eachRow((row) => {
      if (row.getCell(3).value === xy[10]) contacted.push(row.getCell(10).value);
    });
    expect(contacted).toEqual(['同意赋码']);
    const filtered = await cloud.call('staffFiles', CITY, { action: 'exportOutreach', districtCode: '230402', entityType: '个体工商户' });
    expect(filtered.data.rows).toBe(4);
    expect((await cloud.call('staffFiles', XIANGYANG, { action: 'exportOutreach', districtCode: '230403' })).error?.code).toBe('FORBIDDEN');
  });
});
