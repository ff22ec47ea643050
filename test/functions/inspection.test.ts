/** 行政监督检查: the staff view behind a scanned code, recording, publishing, suspending from there. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all, CITY, GONGNONG, seedStaff, XIANGYANG } from './staff-fixtures';
import { SCJG, SWJ, seedDepartmentStaff, seedRegister } from './reach-fixtures';

let cloud: TestCloud;
let shop: CodedEntity;
let photo: string;
let registerOnly: string;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedDepartmentStaff(cloud);
  shop = await seedCodedEntity(cloud.db, { uscc: testUscc('230402', 501) });
  registerOnly = (await seedRegister(cloud, { districtCode: '230403', n: 1, from: 777 }))[0]!;
  photo = (await cloud.cloud.uploadFile({ cloudPath: 'inspections/1.jpg', fileContent: Buffer.from('jpeg') })).fileID;
});
afterAll(async () => {
  await cloud?.close();
});

const staff = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
  cloud.call('staff', openid, { action, ...payload });

describe('staff.inspectionView', () => {
  it('shows staff the entity behind a code, contacts included; scoped', async () => {
    const v = await staff(SCJG, 'inspectionView', { codeId: shop.code._id });
    expect(v.error).toBeUndefined();
    expect(v.data).toMatchObject({
      uscc: shop.entity.uscc,
      name: shop.entity.name,
      contactPhone: '13912345678',
      code: { codeId: shop.code._id, status: 'active' },
      openReports: 0,
      inspections: [],
    });
    expect((await staff(GONGNONG, 'inspectionView', { codeId: shop.code._id })).error?.code).toBe('FORBIDDEN');
    expect((await staff(SWJ, 'inspectionView', { codeId: shop.code._id })).error?.code).toBe('FORBIDDEN');
    expect((await staff(XIANGYANG, 'inspectionView', { codeId: 'nope' })).error?.code).toBe('NOT_FOUND');
    expect((await staff(XIANGYANG, 'inspectionView', {})).error?.code).toBe('INVALID_INPUT');
    expect((await staff('oNobody', 'inspectionView', { codeId: shop.code._id })).error?.code).toBe('FORBIDDEN');
  });
});

describe('staff.recordInspection', () => {
  let inspectionId: string;
  it('records an internal inspection with photos of this environment, audited', async () => {
    const res = await staff(SCJG, 'recordInspection', {
      codeId: shop.code._id,
      date: TODAY,
      result: '责令整改',
      note: '价格标签不全',
      photos: [photo],
    });
    expect(res.error).toBeUndefined();
    inspectionId = res.data.inspection._id;
    expect(res.data.inspection).toMatchObject({
      uscc: shop.entity.uscc,
      departmentId: 'scjg',
      department: '市市场监管局',
      published: false,
      photos: [photo],
    });
    expect(await all(cloud, 'auditLog', { action: 'inspection.record' })).toHaveLength(1);
    const view = await staff(SCJG, 'inspectionView', { codeId: shop.code._id });
    expect(view.data.inspections).toHaveLength(1);
    // Internal: the public sees nothing yet.
    expect((await cloud.call('public', '', { action: 'inspections', uscc: shop.entity.uscc })).data.items).toEqual([]);
  });

  it('refuses bad input and out-of-scope callers, storing nothing', async () => {
    const before = cloud.writeVersion();
    const ok = { codeId: shop.code._id, date: TODAY, result: '合格' };
    expect((await staff(SCJG, 'recordInspection', { ...ok, result: '优秀' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(SCJG, 'recordInspection', { ...ok, date: '2999-01-01' })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(SCJG, 'recordInspection', { ...ok, photos: Array(7).fill(photo) })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(SCJG, 'recordInspection', { ...ok, photos: ['cloud://other-env.x/a.jpg'] })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(SCJG, 'recordInspection', { ...ok, photos: ['https://example.com/a.jpg'] })).error?.code).toBe('INVALID_INPUT');
    expect((await staff(GONGNONG, 'recordInspection', ok)).error?.code).toBe('FORBIDDEN');
    expect(cloud.writeVersion()).toBe(before);
  });

  it('records by USCC an entity known only from the register (district from the register)', async () => {
    const res = await staff(GONGNONG, 'recordInspection', { uscc: registerOnly, date: TODAY, result: '合格' });
    expect(res.data.inspection).toMatchObject({ districtCode: '230403', published: false, department: '工农区' });
    expect((await staff(XIANGYANG, 'recordInspection', { uscc: registerOnly, date: TODAY, result: '合格' })).error?.code).toBe('FORBIDDEN');
  });

  it('publishes only by the inspecting department; the public then sees date, result and department', async () => {
    expect((await staff(SWJ, 'publishInspection', { inspectionId })).error?.code).toBe('FORBIDDEN');
    expect((await staff(CITY, 'publishInspection', { inspectionId })).error?.code).toBe('FORBIDDEN');
    expect((await staff(SCJG, 'publishInspection', { inspectionId })).data.inspection.published).toBe(true);
    const pub = await cloud.call('public', '', { action: 'inspections', uscc: shop.entity.uscc });
    expect(pub.data.items).toEqual([{ date: TODAY, result: '责令整改', department: '市市场监管局' }]);
    expect((await staff(SCJG, 'publishInspection', { inspectionId, published: false })).data.inspection.published).toBe(false);
    expect((await cloud.call('public', '', { action: 'inspections', uscc: shop.entity.uscc })).data.items).toEqual([]);
    expect(await all(cloud, 'auditLog', { action: 'inspection.publish' })).toHaveLength(1);
  });

  it('lists a department’s own inspections; suspending from the page uses staff.suspendCode', async () => {
    const mine = await staff(SCJG, 'inspections', {});
    expect(mine.data.total).toBe(1);
    const gn = await staff(GONGNONG, 'inspections', {});
    expect(gn.data.items.map((i: { uscc: string }) => i.uscc)).toEqual([registerOnly]);
    const s = await staff(SCJG, 'suspendCode', { codeId: shop.code._id, reason: '检查发现无照经营，责令整改期间暂停' });
    expect(s.data.code.status).toBe('suspended');
    expect((await staff(SCJG, 'inspectionView', { codeId: shop.code._id })).data.code.status).toBe('suspended');
  });
});
