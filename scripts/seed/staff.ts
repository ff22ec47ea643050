/** The demo's staff: the city admin, one per district, one of 市市场监管局 — made as `npm run staff -- add` makes them. */
import { DISTRICTS, parseOrThrow } from '../../core';
import type { StaffDoc } from '../../server/model';
import { staffInput } from '../../core/schemas/staff';
import { newStaffDoc } from '../../server/staff/members';
import { atChina, DEMO_OPENIDS } from './demo';

/** `_id` = openid, so a re-seed replaces them. */
function member(input: Record<string, unknown> & { openid: string }, at: Date): StaffDoc {
  return { _id: input.openid, ...newStaffDoc(parseOrThrow(staffInput, input), at) };
}

/** Registered 200 days ago. */
export function demoStaff(todayN: number): StaffDoc[] {
  const at = atChina(todayN - 200, 9);
  return [
    member({ openid: DEMO_OPENIDS.city, name: '市信用办管理员', role: 'city' }, at),
    ...DISTRICTS.map((d) =>
      member({ openid: DEMO_OPENIDS.district(d.code), name: `${d.name}营商环境局工作人员`, role: 'district', districtCode: d.code }, at),
    ),
    member({ openid: DEMO_OPENIDS.department, name: '市场监管局信用科', role: 'department', departmentId: 'scjg' }, at),
  ];
}
