/**
 * 诚信示范街 / 诚信商圈 for staff: the city or a district defines a street (name, district, USCCs
 * and/or an address fragment); `streets` tracks each street's coverage (coded / total).
 */
import * as z from 'zod';
import { districtCode, DomainError, optionalText, parseOrThrow, text, uscc } from '../../core';
import { fetchAll, fetchById } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import type { StreetDoc } from '../reach-model';
import { coverageOf, MAX_STREET_USCCS, streetMembers } from '../streets';
import { id } from './inputs';
import { auditByStaff, loadStaff, scopeFilter, type Staff } from './roles';

const saveInput = z
  .object({
    streetId: id('示范街编号').optional(),
    name: text('名称', 50),
    districtCode: districtCode(),
    uscc: z.array(uscc(), { error: '主体名单应为统一社会信用代码列表' }).max(MAX_STREET_USCCS, { error: `名单最多${MAX_STREET_USCCS}个主体` }).default([]),
    addressFragment: optionalText('地址关键词', 50),
  })
  .refine((v) => v.uscc.length > 0 || v.addressFragment !== undefined, { error: '请填写主体名单或地址关键词', path: ['uscc'] });

function assertMayManage(staff: Staff, district: string): void {
  if (staff.role === 'department') throw new DomainError('FORBIDDEN', '诚信示范街由市级或县（区）管理员设立');
  scopeFilter(staff, district);
}

/** staff.saveStreet: create or change a street (city: any district; district staff: their own). */
export async function saveStreet(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(saveInput, payload);
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
  return { street: { _id: streetId!, ...doc, coverage } };
}

const listInput = z.object({ districtCode: districtCode().optional() });

/** staff.streets: the streets in the caller's scope with their coverage (≤ 50 streets per answer). */
export async function streets(payload: Record<string, unknown>, { caller, db }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(listInput, payload);
  const where = staff.role === 'department' ? (input.districtCode ? { districtCode: input.districtCode } : {}) : scopeFilter(staff, input.districtCode);
  const list = await fetchAll<StreetDoc>(db.collection(COLLECTIONS.streets).where(where).orderBy('createdAt', 'desc').limit(50));
  const items = [];
  for (const s of list) {
    const coverage = coverageOf(await streetMembers(db, s));
    items.push({ _id: s._id, name: s.name, districtCode: s.districtCode, listed: s.uscc.length, addressFragment: s.addressFragment ?? '', coverage });
  }
  return { items };
}
