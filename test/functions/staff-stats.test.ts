/** staff: district progress from the database's aggregation, daily snapshots, the bulletin and its xlsx. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core/rates';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, MERCHANT, seedCodes, seedStaff, seedTotals, XIANGYANG } from './staff-fixtures';

let cloud: TestCloud;

/** coded / market entities per district: the counts behind the office's 2022-05-25 sentence. */
const CITY_DATA: Record<string, [number, number, number]> = {
  '230402': [3, 40, 8], // 向阳区 7.50%
  '230403': [1, 10, 1], // 工农区 10.00%
  '230404': [40, 183, 20], // 南山区 21.86%
  '230405': [1, 8, 0], // 兴安区 12.50%
  '230406': [5, 116, 30], // 东山区 4.31%
  '230407': [3, 25, 5], // 兴山区 12.00%
  '230421': [37, 238, 50], // 萝北县 15.55%
  '230422': [13, 55, 11], // 绥滨县 23.64%
};

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  for (const [code, [coded, market, xyd]] of Object.entries(CITY_DATA)) {
    await seedCodes(cloud, code, coded);
    await seedTotals(cloud, code, '2026-05-01', market, xyd);
  }
  // Not counted: suspended and revoked codes, and an older totals snapshot.
  await seedCodes(cloud, '230402', 4, 'suspended');
  await seedCodes(cloud, '230402', 6, 'revoked');
  await seedTotals(cloud, '230402', '2026-01-01', 999, 1);
});
afterAll(async () => {
  await cloud?.close();
});

const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });

describe('districtStats', () => {
  it('counts active codes against the latest totals of each district', async () => {
    const res = await staff(XIANGYANG, 'districtStats');
    expect(res.ok).toBe(true);
    const xy = res.data.districts.find((d: { districtCode: string }) => d.districtCode === '230402');
    expect(xy).toMatchObject({ name: '向阳区', coded: 3, marketEntities: 40, xinyidai: 8, totalsAsOf: '2026-05-01', codeRateRank: 7 });
    expect(xy.codeRate).toMatchObject({ percent: '7.50', targetPercent: 40, reachedTarget: false, gapToTarget: 13 });
    expect(xy.xinyidaiShare).toMatchObject({ percent: '20.00', targetPercent: 20, reachedTarget: true });
    const sb = res.data.districts.find((d: { districtCode: string }) => d.districtCode === '230422');
    expect(sb).toMatchObject({ coded: 13, codeRateRank: 1 });
    expect(res.data.city).toMatchObject({ districtCode: '230400', coded: 103, marketEntities: 675, xinyidai: 125 });
    expect(res.data.city.codeRate.percent).toBe('15.26'); // 103 / 675
    expect(res.data.targets).toEqual({ codeRatePercent: 40, xinyidaiPercent: 20 });
  });
});

describe('districtStats cost', () => {
  const dbRequests = async () => ((await (await fetch(`${cloud.url}/_stats`)).json()) as { databaseRequests: number }).databaseRequests;
  async function callsOfOneStats(): Promise<number> {
    const before = await dbRequests();
    expect((await staff(CITY, 'districtStats')).ok).toBe(true);
    return (await dbRequests()) - before;
  }

  it('makes the same few database calls however many codes there are', async () => {
    const small = await callsOfOneStats();
    await seedCodes(cloud, '230407', 600, 'suspended'); // counted in no district, but present
    const large = await callsOfOneStats();
    expect(small).toBe(4); // staff lookup + three aggregations (codes, totals, register)
    expect(large).toBe(small);
  });
});

describe('bulletin', () => {
  it("writes the office's ranking sentence for today", async () => {
    const res = await staff(CITY, 'bulletin');
    const today = chinaDate(new Date());
    const [y, m, d] = today.split('-').map(Number);
    expect(res.data.sentence).toBe(
      `截至${y}年${m}月${d}日，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：绥滨县：23.64%，南山区：21.86%，萝北县：15.55%；后两名的是：向阳区：7.50%，东山区：4.31%。`,
    );
    expect(res.data.rows).toHaveLength(9);
    expect(res.data.rows[8]).toMatchObject({ name: '全市', codeRatePercent: '15.26' });
  });

  it('exports the 附件 table as an xlsx that reads back with the published columns', async () => {
    const res = await cloud.call('staffFiles', CITY, { action: 'exportBulletin' });
    expect(res.data.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.fileBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('附件')!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['附件']);
    expect(values(3)).toEqual([
      '序号',
      '部门名称',
      '入驻“信易贷”平台企业数量占本辖区市场主体总量比重 (%)',
      '“码上诚信”赋码情况占本辖区市场主体总量比重 (%)',
    ]);
    expect(values(4)).toEqual([1, '向阳区', 20, 7.5]);
    expect(values(11)).toEqual([8, '绥滨县', 20, 23.64]);
    expect(ws.getRow(4).getCell(4).numFmt).toBe('0.00');
    expect(values(12)).toEqual([undefined, '全市', 18.52, 15.26]);
  });

  it('leaves a withdrawn totals row out, as the dashboard does', async () => {
    const other = await startTestCloud();
    try {
      await seedStaff(other);
      await seedCodes(other, '230402', 3);
      await seedTotals(other, '230402', '2026-05-01', 40, 8);
      await other.db.collection('districtTotals').add({
        data: {
          districtCode: '230402',
          asOf: '2026-06-01',
          marketEntities: 9999,
          xinyidaiRegistered: 1,
          source: { kind: 'import', department: '测试', importedBy: CITY, importedAt: new Date(), batch: 'w' },
          dedupKey: 'withdrawn-row',
          withdrawn: true,
          withdrawal: { at: new Date(), by: CITY, reason: '数字填错' },
          createdAt: new Date(),
        },
      });
      const dashboard = await other.call('staff', CITY, { action: 'districtStats' });
      const xy = dashboard.data.districts.find((d: { districtCode: string }) => d.districtCode === '230402');
      expect(xy).toMatchObject({ marketEntities: 40, totalsAsOf: '2026-05-01' });
      const bulletin = await other.call('staff', CITY, { action: 'bulletin', cutoff: chinaDate(new Date()) });
      expect(bulletin.ok).toBe(true);
      expect(bulletin.data.rows.find((r: { name: string }) => r.name === '向阳区')).toMatchObject({
        codeRatePercent: '7.50',
        xinyidaiPercent: '20.00',
      });
    } finally {
      await other.close();
    }
  });

  it('says so when no totals were imported yet', async () => {
    const empty = await startTestCloud();
    try {
      await seedStaff(empty);
      const res = await empty.call('staff', CITY, { action: 'bulletin' });
      expect(res.error?.code).toBe('NO_TOTALS');
    } finally {
      await empty.close();
    }
  });
});

describe('snapshots and history', () => {
  it('takes one snapshot per day from the timer trigger, overwriting on a re-run', async () => {
    const first = await cloud.fireTimer('staff', 'dailyRateSnapshot');
    expect(first.ok).toBe(true);
    const today = chinaDate(new Date());
    expect(first.data.snapshot).toBe(today);
    await seedCodes(cloud, '230403', 1);
    await cloud.fireTimer('staff', 'dailyRateSnapshot');
    const snaps = await all(cloud, 'rateSnapshots');
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ _id: today, date: today });
    expect(snaps[0].districts.find((d: { districtCode: string }) => d.districtCode === '230403')).toMatchObject({
      coded: 2,
      basisPoints: 2000,
    });
  });

  it("does not take a user call, or an anonymous call of the timer's shape, for the timer", async () => {
    const version = cloud.writeVersion();
    const timer = { Type: 'Timer', TriggerName: 'dailyRateSnapshot', Time: new Date().toISOString() };
    expect((await cloud.call('staff', MERCHANT, timer)).error?.code).toBe('NOT_A_TIMER');
    expect((await cloud.call('staff', '', timer)).error?.code).toBe('NOT_A_TIMER');
    expect(cloud.writeVersion()).toBe(version);
  });

  it('returns the trend and the day the current pace reaches 40%', async () => {
    // Ten earlier days, the city rising one point a day from 20%.
    const days = Array.from({ length: 10 }, (_, i) => {
      const date = `2026-03-${String(i + 1).padStart(2, '0')}`;
      const bp = 2000 + i * 100;
      return {
        _id: date,
        date,
        takenAt: new Date(),
        city: { districtCode: '230400', coded: bp, marketEntities: 10_000, basisPoints: bp },
        districts: [],
      };
    });
    const fresh = await startTestCloud();
    try {
      await seedStaff(fresh);
      await fresh.db.collection('rateSnapshots').add({ data: days });
      const res = await fresh.call('staff', XIANGYANG, { action: 'statsHistory', days: 30 });
      expect(res.ok).toBe(true);
      expect(res.data.city.points).toHaveLength(10);
      expect(res.data.city.points[9]).toMatchObject({ date: '2026-03-10', basisPoints: 2900 });
      // 29% on 03-10 at +1 point a day → 40% on 03-21.
      expect(res.data.city.pace.outlook).toEqual({ kind: 'projected', date: '2026-03-21', byYearEnd: true });
      expect(res.data.districts).toHaveLength(8);
      expect(res.data.districts[0].pace.outlook.kind).toBe('insufficientData');
      expect((await fresh.call('staff', CITY, { action: 'statsHistory', days: 9999 })).error?.code).toBe('INVALID_INPUT');
    } finally {
      await fresh.close();
    }
  });
});
