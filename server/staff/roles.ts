/**
 * Who may do what. The caller's role comes from the staff collection, looked up by the openid
 * WeChat vouches for; the event can never claim a role. City admins see everything, district
 * staff their own district, department staff their own field (行业领域).
 */
import { departmentById, departmentOfField, DomainError, districtName, type Department } from '../../core';
import type { Database } from '../cloud';
import { fetchOne } from '../db';
import { audit } from '../audit';
import { COLLECTIONS, type AuditDoc, type StaffDoc } from '../model';

export type Staff = StaffDoc;

/**
 * The refusal tells people their own openid (用户标识): it is what the city admin registers,
 * and the only way a new staff member can learn it.
 */
const NOT_STAFF = (openid: string) => new DomainError('FORBIDDEN', '您不是本系统的工作人员，无权进行此操作', { openid });

export async function loadStaff(db: Database, openid: string): Promise<Staff> {
  const staff = await fetchOne<StaffDoc>(db.collection(COLLECTIONS.staff).where({ openid }).limit(1));
  if (!staff || staff.active !== true) throw NOT_STAFF(openid);
  return staff;
}

export function requireCity(staff: Staff): void {
  if (staff.role !== 'city') throw new DomainError('FORBIDDEN', '仅市级管理员可以进行此操作');
}

/** Something located in a district and a field: an application, an entity, a code. */
export interface Scoped {
  readonly districtCode?: string;
  readonly field?: string;
}

/** A department staff member's department: from departmentId, else (older records) from their one field. */
export function departmentOf(staff: Staff): Department | undefined {
  if (staff.role !== 'department') return undefined;
  return departmentById(staff.departmentId) ?? departmentOfField(staff.field);
}

/** The fields (行业领域) a department staff member acts in: their department's. */
export function staffFields(staff: Staff): readonly string[] {
  const dept = departmentOf(staff);
  if (dept) return dept.fields;
  return staff.field !== undefined ? [staff.field] : [];
}

/** Whether the staff member may see or act on `target`. */
export function inScope(staff: Staff, target: Scoped): boolean {
  if (staff.role === 'city') return true;
  if (staff.role === 'district') return staff.districtCode !== undefined && target.districtCode === staff.districtCode;
  return target.field !== undefined && staffFields(staff).includes(target.field);
}

export function assertInScope(staff: Staff, target: Scoped): void {
  if (inScope(staff, target)) return;
  if (staff.role === 'district') {
    throw new DomainError('FORBIDDEN', `您只能处理${districtName(staff.districtCode ?? '') ?? '本县（区）'}的事项`);
  }
  throw new DomainError('FORBIDDEN', `您只能处理「${staffFields(staff).join('、') || '本部门'}」领域的事项`);
}

/**
 * The filter a staff member's listings are limited to. A district staff member asking for another
 * district is refused rather than silently shown their own.
 */
export function scopeFilter(staff: Staff, requestedDistrict?: string): Record<string, string> {
  if (staff.role === 'district') {
    if (requestedDistrict !== undefined && requestedDistrict !== staff.districtCode)
      assertInScope(staff, { districtCode: requestedDistrict });
    return { districtCode: staff.districtCode ?? '-' };
  }
  const filter: Record<string, string> = {};
  if (requestedDistrict !== undefined) filter.districtCode = requestedDistrict;
  // Every department promotes one field today (core/departments.ts); a second would need `_.in` here.
  if (staff.role === 'department') filter.field = staffFields(staff)[0] ?? '-';
  return filter;
}

/** The audit log's name for the actor. */
export function actorOf(staff: Staff): string {
  return staff.openid;
}

/** Write the audit entry of a change `staff` made (who, when, what, before, after, reason). */
export function auditByStaff(db: Database, staff: Staff, entry: Omit<AuditDoc, 'actor' | 'role'>): Promise<void> {
  return audit(db, { ...entry, actor: actorOf(staff), role: staff.role });
}
