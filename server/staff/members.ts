/** The staff list: city admins register and deactivate staff; every change is audited. */
import { departmentById, departmentOfField, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract/define';
import type { staffOfficeContract } from '../../core/contract/staff-office';
import type { StaffInput } from '../../core/schemas/staff';
import type { Database } from '../cloud';
import { fetchAll, fetchOne } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { COLLECTIONS, type StaffDoc } from '../model';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';
import { auditByStaff, requireCity } from './roles';

function departmentFieldsOf(input: StaffInput): Pick<StaffDoc, 'departmentId' | 'department' | 'field'> {
  const dept = departmentById(input.departmentId) ?? departmentOfField(input.field)!;
  return { departmentId: dept.id, department: dept.name, ...(dept.fields[0] ? { field: dept.fields[0] } : {}) };
}

/** An active staff member as stored (the seed's demo staff are built with it too). */
export function newStaffDoc(input: StaffInput, now: Date): Omit<StaffDoc, '_id'> {
  return {
    openid: input.openid,
    name: input.name,
    role: input.role,
    ...(input.role === 'district' ? { districtCode: input.districtCode } : {}),
    ...(input.role === 'department' ? departmentFieldsOf(input) : {}),
    active: true,
    createdAt: now,
  };
}

/** Insert a staff member (also used by `npm run staff -- add`). STAFF_EXISTS if the openid is registered. */
export async function addStaff(db: Database, input: StaffInput, now: Date): Promise<StaffDoc> {
  const doc = newStaffDoc(input, now);
  try {
    const res = (await db.collection(COLLECTIONS.staff).add({ data: doc })) as { _id: string };
    return { ...doc, _id: res._id };
  } catch (e) {
    if (isDuplicateKeyError(e)) throw new DomainError('STAFF_EXISTS', '该微信用户已登记为工作人员');
    throw e;
  }
}

export async function staffMembers(input: ParsedOf<typeof staffOfficeContract.staffMembers>, ctx: StaffContext) {
  return toWire(await changeMembers(input, ctx));
}

async function changeMembers(
  input: ParsedOf<typeof staffOfficeContract.staffMembers>,
  { db, now, staff }: StaffContext,
): Promise<{ members: StaffDoc[] } | { member: StaffDoc }> {
  requireCity(staff);
  const coll = db.collection(COLLECTIONS.staff);
  // `op` absent or 'list': the list.
  if (!('openid' in input) && input.op !== 'add') {
    return { members: await fetchAll<StaffDoc>(coll.orderBy('createdAt', 'asc').limit(1000)) };
  }
  if (input.op === 'add') {
    const member = await addStaff(db, input.member, now);
    await auditByStaff(db, staff, {
      at: now,
      action: 'staffMembers.add',
      target: { collection: COLLECTIONS.staff, id: member._id },
      before: null,
      after: member,
    });
    return { member };
  }
  if (input.openid === staff.openid) throw new DomainError('INVALID_INPUT', '不能停用自己的账号');
  const before = await fetchOne<StaffDoc>(coll.where({ openid: input.openid }).limit(1));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该工作人员');
  if (input.op === 'reactivate') return setActive(db, staff, before, true, now);
  if (!before.active) return { member: before };
  await coll.doc(before._id).update({ data: { active: false } });
  const after = { ...before, active: false };
  await auditByStaff(db, staff, {
    at: now,
    action: 'staffMembers.deactivate',
    target: { collection: COLLECTIONS.staff, id: before._id },
    before: { active: true },
    after: { active: false },
  });
  return { member: after };
}

/** Reactivate (or deactivate) a registered staff member; audited; a no-op when already so. */
async function setActive(db: Database, by: StaffDoc, member: StaffDoc, active: boolean, now: Date): Promise<{ member: StaffDoc }> {
  if (member.active === active) return { member };
  await db.collection(COLLECTIONS.staff).doc(member._id).update({ data: { active } });
  await auditByStaff(db, by, {
    at: now,
    action: active ? 'staffMembers.reactivate' : 'staffMembers.deactivate',
    target: { collection: COLLECTIONS.staff, id: member._id },
    before: { active: member.active },
    after: { active },
  });
  return { member: { ...member, active } };
}
