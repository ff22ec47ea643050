/**
 * Scan counts: a check of a known code counts once per call, per code and China-time day, without
 * who checked; the merchant sees their entity's last 30 days; staff see scans per district.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { seedStaff, XIANGYANG } from './staff-fixtures';

const OWNER = 'oScanOwner';
let cloud: TestCloud;
let shop: CodedEntity;
let other: CodedEntity;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230402', 4101),
    name: '向阳区计数测试店',
    districtCode: '230402',
    ownerOpenids: [OWNER],
  });
  other = await seedCodedEntity(cloud.db, { uscc: testUscc('230403', 4102), name: '工农区计数测试店', districtCode: '230403' });
});

afterAll(async () => {
  await cloud?.close();
});

const count = (id: string, openid = 'oScanner') => cloud.call('public', openid, { action: 'countScan', code: { id, version: 1 } });

describe('countScan', () => {
  it('counts a known code per day, concurrently exactly, and stores no identity', async () => {
    // Warm one function instance, then 9 more at once (cold starts of many instances are slow on 2 cores).
    const results = [await count(shop.code._id, 'oScanner')];
    results.push(...(await Promise.all(Array.from({ length: 9 }, (_, i) => count(shop.code._id, `oScanner${i}`)))));
    expect(results.every((r) => r.ok && r.data.counted)).toBe(true);
    const id = `${shop.code._id}@${chinaDate(new Date())}`;
    const got = await cloud.db.collection('scanCounts').doc(id).get();
    const doc = Array.isArray(got.data) ? got.data[0] : got.data;
    expect(doc).toMatchObject({ codeId: shop.code._id, entityId: shop.entity._id, districtCode: '230402', n: 10 });
    expect(Object.keys(doc).sort()).toEqual(['_id', 'codeId', 'day', 'districtCode', 'entityId', 'n']);
    expect(JSON.stringify(doc)).not.toContain('oScanner');
  }, 90_000);

  it('an unknown or forged code counts nothing and stores nothing; bad input is refused', async () => {
    const before = cloud.writeVersion();
    expect((await count('AAAAAAAAAAAAAAAAAAAAAA')).data).toEqual({ counted: false });
    expect((await cloud.call('public', '', { action: 'countScan', code: { id: 'https://evil.example/c/1' } })).data).toEqual({
      counted: false,
    });
    expect((await cloud.call('public', '', { action: 'countScan', code: { id: 5 } })).error?.code).toBe('INVALID_INPUT');
    expect(cloud.writeVersion()).toBe(before);
  });
});

describe('scanStats', () => {
  it('the merchant sees 30 days of their own entity, oldest first, today last', async () => {
    await count(other.code._id);
    const res = await cloud.call('merchant', OWNER, { action: 'scanStats', uscc: shop.entity.uscc });
    expect(res.ok).toBe(true);
    expect(res.data.days).toHaveLength(30);
    expect(res.data.days.at(-1)).toEqual({ day: chinaDate(new Date()), n: 10 });
    expect(res.data.total).toBe(10);
    expect((await cloud.call('merchant', 'oStranger', { action: 'scanStats', uscc: shop.entity.uscc })).error?.code).toBe('NOT_OWNER');
  });

  it('staff see scans per district, in one aggregate; others are refused', async () => {
    const res = await cloud.call('staff', XIANGYANG, { action: 'scanStats' });
    expect(res.ok).toBe(true);
    expect(res.data.districts).toHaveLength(8);
    const by = Object.fromEntries(res.data.districts.map((d: any) => [d.districtName, d.scans]));
    expect(by).toMatchObject({ 向阳区: 10, 工农区: 1, 南山区: 0 });
    expect((await cloud.call('staff', 'oNotStaff', { action: 'scanStats' })).ok).toBe(false);
  });
});
