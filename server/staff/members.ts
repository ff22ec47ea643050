/** The staff list: city admins register and deactivate staff; every change is audited. */
import * as z from 'zod';
import { departmentById, departmentOfField, DEPARTMENT_IDS, DomainError, districtCode, FIELDS, oneOf, parseOrThrow, text } from '../../core';
import type { Database } from '../cloud';
import { fetchAll, fetchOne } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import type { ActionContext } from '../handler';
import { COLLECTIONS, type StaffDoc } from '../model';
import { auditByStaff, loadStaff, requireCity } from './roles';

const openid = () => z.string({ error: 'openid为必填项' }).regex(/^[A-Za-z0-9_-]{6,64}$/, { error: 'openid格式不正确' });

/**
 * A new staff member: district staff need a district, department staff a 行管部门 from the managed
 * list (core/departments.ts; a field alone names the department that promotes it). The department
 * is what their imports are labelled with and what their scope follows from.
 */
export const staffInput = z
  .object({
    openid: openid(),
    name: text('姓名', 30),
    role: oneOf('角色', ['city', 'district', 'department']),
    districtCode: districtCode().optional(),
    departmentId: oneOf('所属部门', DEPARTMENT_IDS).optional(),
    field: oneOf('行业领域', FIELDS).optional(),
  })
  .refine((s) => s.role !== 'district' || s.districtCode !== undefined, { error: '县（区）工作人员须指定所属县（区）', path: ['districtCode'] })
  .refine((s) => s.role !== 'department' || (departmentById(s.departmentId) ?? departmentOfField(s.field)) !== undefined, {
    error: '行管部门工作人员须指定所属部门',
    path: ['departmentId'],
  });
export type StaffInput = z.output<typeof staffInput>;

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

const membersInput = z.discriminatedUnion('op', [
  z.object({ op: z.literal('list') }),
  z.object({ op: z.literal('add'), member: z.unknown() }),
  z.object({ op: z.literal('deactivate'), openid: openid() }),
  z.object({ op: z.literal('reactivate'), openid: openid() }),
], { error: '操作应为 list、add、deactivate 或 reactivate' });

export async function staffMembers(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  requireCity(staff);
  const input = parseOrThrow(membersInput, { op: 'list', ...payload });
  const coll = db.collection(COLLECTIONS.staff);
  if (input.op === 'list') {
    return { members: await fetchAll<StaffDoc>(coll.orderBy('createdAt', 'asc').limit(1000)) };
  }
  if (input.op === 'add') {
    const member = await addStaff(db, parseOrThrow(staffInput, input.member), now);
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
