/** `npm run staff` and `npm run snapshot` against a local cloud: the first admin, and the timer's path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core/rates';
import { takeSnapshotVia } from '../../scripts/snapshot';
import { runStaff } from '../../scripts/staff';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { all } from './staff-fixtures';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud?.close();
});

describe('npm run staff', () => {
  it('registers a city admin who can then use the staff function', async () => {
    const member = (await runStaff(['add', '--openid', 'oFirstAdmin01', '--role', 'city', '--name', '王主任'], cloud.url)) as {
      role: string;
    };
    expect(member.role).toBe('city');
    const res = await cloud.call('staff', 'oFirstAdmin01', {
      action: 'staffMembers',
      op: 'add',
      member: { openid: 'oDistrictXY1', role: 'district', districtCode: '230402', name: '李专员' },
    });
    expect(res.data.member).toMatchObject({ role: 'district', districtCode: '230402', active: true });
    expect((await all(cloud, 'auditLog', { action: 'staffMembers.add' })).map((a) => a.actor).sort()).toEqual(['cli', 'oFirstAdmin01']);
  });

  it('refuses incomplete or duplicate registrations with clear messages', async () => {
    await expect(runStaff(['add', '--openid', 'oNoDistrict1', '--role', 'district', '--name', '赵'], cloud.url)).rejects.toThrow(
      '县（区）工作人员须指定所属县（区）',
    );
    await expect(runStaff(['add', '--openid', 'oFirstAdmin01', '--role', 'city', '--name', '重复'], cloud.url)).rejects.toMatchObject({
      code: 'STAFF_EXISTS',
    });
    await expect(runStaff(['fly'], cloud.url)).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('deactivates, after which the staff function refuses the openid', async () => {
    await runStaff(['deactivate', '--openid', 'oDistrictXY1'], cloud.url);
    expect((await cloud.call('staff', 'oDistrictXY1', { action: 'districtStats' })).error?.code).toBe('FORBIDDEN');
  });
});

describe('npm run snapshot', () => {
  it("writes today's snapshot through the function's timer path, once per day", async () => {
    const first = await takeSnapshotVia(cloud.url);
    await takeSnapshotVia(cloud.url);
    expect(first.snapshot).toBe(chinaDate(new Date()));
    expect(await all(cloud, 'rateSnapshots')).toHaveLength(1);
  });
});
