/**
 * 诚信示范街 / 诚信商圈 for staff: the city or a district defines a street (name, district, USCCs
 * and/or an address fragment); `streets` tracks each street's coverage (coded / total).
 */
import { DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { StreetSummary, staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import { fetchAll, fetchById } from '../db';
import { COLLECTIONS } from '../model';
import type { StreetDoc } from '../reach-model';
import { coverageOf, streetMembers } from '../streets';
import type { StaffContext } from './define-staff-actions';
import { auditByStaff, scopeFilter, type Staff } from './roles';

function assertMayManage(staff: Staff, district: string): void {
  if (staff.role === 'department') throw new DomainError('FORBIDDEN', '诚信示范街由市级或县（区）管理员设立');
  scopeFilter(staff, district);
}

/** staff.saveStreet: create or change a street (city: any district; district staff: their own). */
export async function saveStreet(input: ParsedOf<typeof C.saveStreet>, { staff, db, now }: StaffContext) {
  assertMayManage(staff, input.districtCode);
  const coll = db.collection(COLLECTIONS.streets);
  const before = input.streetId ? await fetchById<StreetDoc>(coll.doc(input.streetId)) : undefined;
  if (input.streetId && !before) throw new DomainError('NOT_FOUND', '未找到该示范街');
  if (before) assertMayManage(staff, before.districtCode);
  const doc: Omit<StreetDoc, '_id'> = {
    name: input.name,
    districtCode: input.districtCode,
    uscc: [...new Set(input.uscc)],
    ...(input.addressFragment ? { addressFragment: input.addressFragment } : {}),
    createdBy: before?.createdBy ?? staff.openid,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
  let streetId = input.streetId;
  if (before) await coll.doc(before._id).set({ data: doc });
  else streetId = ((await coll.add({ data: doc })) as { _id: string })._id;
  await auditByStaff(db, staff, {
    at: now,
    action: before ? 'street.update' : 'street.create',
    target: { collection: COLLECTIONS.streets, id: streetId! },
    before: before ?? null,
    after: doc,
  });
  const coverage = coverageOf(await streetMembers(db, { _id: streetId!, ...doc }));
  return { street: { _id: streetId!, ...doc, createdAt: doc.createdAt.toISOString(), updatedAt: now.toISOString(), coverage } };
}

/** staff.streets: the streets in the caller's scope with their coverage (≤ 50 streets per answer). */
export async function streets(input: ParsedOf<typeof C.streets>, { staff, db }: StaffContext) {
  const where =
    staff.role === 'department' ? (input.districtCode ? { districtCode: input.districtCode } : {}) : scopeFilter(staff, input.districtCode);
  const list = await fetchAll<StreetDoc>(db.collection(COLLECTIONS.streets).where(where).orderBy('createdAt', 'desc').limit(50));
  const items: StreetSummary[] = [];
  for (const s of list) {
    const coverage = coverageOf(await streetMembers(db, s));
    items.push({
      _id: s._id,
      name: s.name,
      districtCode: s.districtCode,
      listed: s.uscc.length,
      addressFragment: s.addressFragment ?? '',
      coverage,
    });
  }
  return { items };
}
