/** 诚信示范街: staff define streets (by USCC list and/or address), track coverage; the public page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCodedEntity, testUscc } from '../support/coded-entity';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, GONGNONG, seedStaff, XIANGYANG } from './staff-fixtures';
import { SCJG, seedDepartmentStaff, seedRegister } from './reach-fixtures';

let cloud: TestCloud;
let onStreet: string[];
let listedCoded: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedDepartmentStaff(cloud);
  // Four register rows on 红旗街 in 向阳区, one of them coded (entity name differs from the register's).
  onStreet = await seedRegister(cloud, { districtCode: '230402', n: 4, from: 800, address: (i) => `鹤岗市向阳区红旗街${i}号` });
  await seedRegister(cloud, { districtCode: '230402', n: 2, from: 810, address: (i) => `鹤岗市向阳区红旗街${i}号`, inBusiness: false });
  await seedRegister(cloud, { districtCode: '230403', n: 2, from: 820, address: (i) => `鹤岗市工农区红旗街${i}号` });
  await seedCodedEntity(cloud.db, {
    uscc: onStreet[0]!,
    name: '红旗街诚信超市',
    address: '鹤岗市向阳区红旗街800号',
    contactPhone: '13900000000',
  });
  listedCoded = testUscc('230402', 830);
  await seedCodedEntity(cloud.db, { uscc: listedCoded, name: '名单内的饭店', address: '鹤岗市向阳区光明路1号' });
});
afterAll(async () => {
  await cloud?.close();
});

const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });
let streetId: string;

describe('staff.saveStreet', () => {
  it('lets a district define a street by address fragment and listed USCCs, with its coverage', async () => {
    const res = await staff(XIANGYANG, 'saveStreet', {
      name: '红旗街诚信示范街',
      districtCode: '230402',
      addressFragment: '红旗街',
      uscc: [listedCoded],
    });
    expect(res.error).toBeUndefined();
    streetId = res.data.street._id;
    // Members: the listed one + 4 in business on 红旗街 in 向阳区 (not 工农区's, not 注销 ones).
    expect(res.data.street.coverage).toEqual({ coded: 2, total: 5, percent: '40.00' });
    expect(await all(cloud, 'auditLog', { action: 'street.create' })).toHaveLength(1);
  });

  it('keeps district staff to their district and departments out; checks input', async () => {
    const before = cloud.writeVersion();
    expect((await staff(GONGNONG, 'saveStreet', { name: 'x', districtCode: '230402', addressFragment: '红旗街' })).error?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await staff(GONGNONG, 'saveStreet', { streetId, name: 'x', districtCode: '230403', addressFragment: '红旗街' })).error?.code,
    ).toBe('FORBIDDEN');
    expect((await staff(SCJG, 'saveStreet', { name: 'x', districtCode: '230402', addressFragment: '红旗街' })).error?.code).toBe(
      'FORBIDDEN',
    );
    expect((await staff(CITY, 'saveStreet', { name: 'x', districtCode: '230402' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'saveStreet', { name: 'x', districtCode: '230402', uscc: ['123'] })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(CITY, 'saveStreet', { name: 'x', districtCode: '230402', uscc: Array(501).fill(listedCoded) })).error?.code).toBe(
      'INVALID_INPUT',
    );
    expect(cloud.writeVersion()).toBe(before);
  });

  it('lets the city change it; staff.streets tracks coverage in scope', async () => {
    const res = await staff(CITY, 'saveStreet', { streetId, name: '红旗街诚信示范街', districtCode: '230402', addressFragment: '红旗街' });
    expect(res.data.street.coverage).toEqual({ coded: 1, total: 4, percent: '25.00' });
    expect((await staff(XIANGYANG, 'streets')).data.items).toEqual([
      {
        _id: streetId,
        name: '红旗街诚信示范街',
        districtCode: '230402',
        listed: 0,
        addressFragment: '红旗街',
        coverage: { coded: 1, total: 4, percent: '25.00' },
      },
    ]);
    expect((await staff(GONGNONG, 'streets')).data.items).toEqual([]);
    expect((await staff(GONGNONG, 'streets', { districtCode: '230402' })).error?.code).toBe('FORBIDDEN');
  });
});

describe('public.street', () => {
  it('lists the coded entities with public fields only, and the coverage', async () => {
    const res = await cloud.call('public', '', { action: 'street', streetId });
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({
      name: '红旗街诚信示范街',
      districtCode: '230402',
      districtName: '向阳区',
      coverage: { coded: 1, total: 4, percent: '25.00' },
      entities: [{ name: '红旗街诚信超市', address: '鹤岗市向阳区红旗街800号', status: '有效' }],
    });
    expect(JSON.stringify(res.data)).not.toMatch(/法人|13900000000|91230402/);
    expect((await cloud.call('public', '', { action: 'street', streetId: 'nope' })).error?.code).toBe('NOT_FOUND');
    expect((await cloud.call('public', '', { action: 'street', streetId: '../x' })).error?.code).toBe('INVALID_INPUT');
  });
});
