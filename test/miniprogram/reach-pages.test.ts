/**
 * The reaching-40% pages in miniprogram-simulate against the real functions: the public street page,
 * the staff streets page (define one, see its coverage), department progress by status, and the
 * dashboard's line on where a district's uncoded entities are.
 */
import { chinaDate } from '../../core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCodedEntity } from '../support/coded-entity';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { installWx, loadPage, tap, textOf, typeInto, until } from '../support/simulate';
import { CITY, seedStaff, seedTotals, XIANGYANG } from '../functions/staff-fixtures';
import { SCJG, seedDepartmentRecord, seedDepartmentStaff, seedRegister } from '../functions/reach-fixtures';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedDepartmentStaff(cloud);
  const onStreet = await seedRegister(cloud, { districtCode: '230402', n: 4, from: 900, address: (i) => `鹤岗市向阳区站前街${i}号` });
  await seedCodedEntity(cloud.db, { uscc: onStreet[0]!, name: '站前街诚信饭店', address: '鹤岗市向阳区站前街900号' });
  await seedDepartmentRecord(cloud, onStreet[1]!, 'scjg', '市市场监管局');
  await seedTotals(cloud, '230402', '2026-05-01', 100, 10);
});
afterAll(async () => {
  await cloud?.close();
});

const texts = (page: ReturnType<typeof loadPage>, selector: string): string[] =>
  (page.querySelectorAll(selector) as { dom: HTMLElement }[]).map((e) => (e.dom.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('streets', () => {
  let streetId = '';

  it('staff define a street and see its coverage', async () => {
    const rec = installWx({ cloudUrl: cloud.url, openid: XIANGYANG });
    const page = loadPage('pages/staff-streets/staff-streets');
    await until(() => page.data.loading === false, 'the streets');
    expect(textOf(page, '.container')).toContain('还没有示范街');
    await typeInto(page, '.street-name', '站前街诚信示范街');
    await typeInto(page, '.address-fragment', '站前街');
    await tap(page, '.save');
    await until(() => page.data.items.length === 1, 'the saved street');
    expect(texts(page, '.street .coverage')).toEqual(['已赋码 1 / 4 户（25.00%）']);
    streetId = page.data.items[0]!._id;
    await tap(page, '.street');
    expect(rec.navigations.at(-1)).toBe(`/pages/street/street?id=${streetId}`);
  });

  it('the public street page lists the coded entities and the coverage', async () => {
    installWx({ cloudUrl: cloud.url, openid: '' });
    (globalThis as any).wx.setNavigationBarTitle = () => undefined;
    const page = loadPage('pages/street/street', { id: streetId });
    await until(() => page.data.loading === false, 'the street');
    expect(textOf(page, '.street-name')).toBe('站前街诚信示范街');
    expect(textOf(page, '.coverage')).toBe('街上4户经营主体中，1户已亮“码上诚信”（25.00%）');
    expect(texts(page, '.entity')).toEqual(['站前街诚信饭店鹤岗市向阳区站前街900号诚信码：有效']);
  });
});

describe('department progress', () => {
  it('lists departments by status with the bulletin sentence', async () => {
    const rec = installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-departments/staff-departments');
    await until(() => page.data.loading === false, 'the progress');
    expect(page.data.progress!.groups.map((g: { status: string }) => g.status)).toEqual(['制定推进落实文件', '报送工作动态', '尚未启动']);
    expect(texts(page, '.group .title')).toEqual(['制定推进落实文件（0个）', '报送工作动态（0个）', '尚未启动（15个）']);
    expect(textOf(page, '.sentence')).toMatch(/^涉及15个行管部门，其中制定推进落实文件0个单位：无，/);
    await tap(page, '.copy');
    expect(rec.clipboard).toEqual([page.data.progress!.sentence]);
  });
});

describe('dashboard', () => {
  it('says under each bar where the district’s uncoded entities are', async () => {
    installWx({ cloudUrl: cloud.url, openid: SCJG });
    const page = loadPage('pages/staff-dashboard/staff-dashboard');
    await until(() => texts(page, '.district-uncoded').length > 0, 'the uncoded line');
    expect(texts(page, '.district-uncoded')).toEqual(['名录中未赋码3户，主要在：市场监管1户']);
  });

  it('says under each bar how often the district’s codes were checked in the last 30 days', async () => {
    const today = chinaDate(new Date());
    await cloud.db
      .collection('scanCounts')
      .add({ data: { _id: `dash-scan-${today}`, codeId: 'dashScanCode', districtCode: '230403', day: today, n: 7 } });
    installWx({ cloudUrl: cloud.url, openid: SCJG });
    const page = loadPage('pages/staff-dashboard/staff-dashboard');
    await until(() => texts(page, '.district-scans').length === 8, 'the scan lines');
    expect(texts(page, '.district-scans')).toContain('近30天被核验7次');
    expect(texts(page, '.district-scans').filter((t) => t === '近30天被核验0次')).toHaveLength(7);
  });
});
