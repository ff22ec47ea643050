/**
 * 行政监督检查 from a scanned code: the staff view of the entity behind a code, inspection records
 * (internal until the inspecting department publishes them) and their publication. Suspending
 * from the inspection page goes through the existing staff.suspendCode.
 */
import { cloudFileEnv, districtName, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { InspectionViewData, staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import type { Inspection, InspectionItem } from '../../core/reach';
import { chinaDate } from '../../core/rates';
import { currentEnv, type Database } from '../cloud';
import { countOf, fetchAll, fetchById, fetchOne } from '../db';
import { districtOfUscc } from '../entity-district';
import { COLLECTIONS, type CodeDoc, type EntityDoc } from '../model';
import type { InspectionDoc, RegisterRow } from '../reach-model';
import type { StaffContext } from './define-staff-actions';
import { staffCodeItem } from './entity-view';
import { assertInScope, auditByStaff, departmentOf, type Staff } from './roles';

interface Target {
  uscc: string;
  districtCode: string;
  field?: string;
  code?: CodeDoc;
  entity?: EntityDoc;
}

/** The entity a codeId or USCC names, with its district and field from stored data only. */
async function resolveTarget(db: Database, ref: { codeId?: string; uscc?: string }): Promise<Target> {
  if (ref.codeId !== undefined) {
    const code = await fetchById<CodeDoc>(db.collection(COLLECTIONS.codes).doc(ref.codeId));
    if (!code) throw new DomainError('NOT_FOUND', '未找到该诚信码');
    const entity = await fetchById<EntityDoc>(db.collection(COLLECTIONS.entities).doc(code.entityId));
    return { uscc: code.uscc, districtCode: code.districtCode, field: code.field, code, ...(entity ? { entity } : {}) };
  }
  const u = ref.uscc!;
  const entity = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: u }).limit(1));
  const code = entity
    ? await fetchOne<CodeDoc>(db.collection(COLLECTIONS.codes).where({ entityId: entity._id }).orderBy('version', 'desc').limit(1))
    : undefined;
  const district = await districtOfUscc(db, u);
  if (!district) throw new DomainError('NOT_FOUND', '未找到该主体所属的县（区）');
  return { uscc: u, districtCode: district.districtCode, ...(entity ? { field: entity.field, entity } : {}), ...(code ? { code } : {}) };
}

/** Who inspected, as the public may read it: the department or the district, never a person's name. */
function inspectingBody(staff: Staff): string {
  const dept = departmentOf(staff);
  if (dept) return dept.name;
  if (staff.role === 'district') return districtName(staff.districtCode ?? '') ?? '县（区）';
  return '市营商局';
}

/** Inspection is scoped like everything else, except that a department may inspect any entity known only by USCC. */
function assertMayInspect(staff: Staff, t: Target): void {
  if (staff.role === 'department' && t.field === undefined) return;
  assertInScope(staff, t);
}

/** staff.inspectionView({ codeId | uscc }): what an inspector needs on site (staff only; includes contacts). */
export async function inspectionView(input: ParsedOf<typeof C.inspectionView>, { staff, db }: StaffContext): Promise<InspectionViewData> {
  const t = await resolveTarget(db, input);
  assertMayInspect(staff, t);
  const _ = db.command;
  const [register, inspections, openReports, openObjections] = await Promise.all([
    fetchOne<RegisterRow>(db.collection(COLLECTIONS.register).where({ uscc: t.uscc }).limit(1)),
    fetchAll<InspectionDoc>(db.collection(COLLECTIONS.inspections).where({ uscc: t.uscc }).orderBy('createdAt', 'desc').limit(20)),
    countOf(db.collection(COLLECTIONS.reports).where({ uscc: t.uscc, status: _.neq('handled') })),
    countOf(db.collection(COLLECTIONS.objections).where({ uscc: t.uscc, status: _.neq('resolved') })),
  ]);
  const e = t.entity;
  return {
    uscc: t.uscc,
    districtCode: t.districtCode,
    field: t.field ?? null,
    name: e?.name ?? register?.name ?? '',
    address: e?.address ?? register?.address ?? '',
    legalRep: register?.legalRep ?? '',
    entityType: register?.entityType ?? '',
    contactName: e?.contactName ?? '',
    contactPhone: e?.contactPhone ?? '',
    code: t.code ? staffCodeItem(t.code) : null,
    openReports,
    openObjections,
    inspections: inspections.map(inspectionView1),
  };
}

function inspectionView1(i: InspectionDoc): InspectionItem {
  return {
    _id: i._id,
    date: i.date,
    result: i.result,
    note: i.note,
    photos: i.photos,
    department: i.department,
    published: i.published,
    createdAt: i.createdAt.toISOString(),
  };
}

const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', message, { issues: [{ field, message }] });

/** staff.recordInspection: one inspection of the entity behind a code (internal; audited). */
export async function recordInspection(
  input: ParsedOf<typeof C.recordInspection>,
  { staff, db, now }: StaffContext,
): Promise<{ inspection: Inspection }> {
  if (input.date > chinaDate(now)) throw invalid('date', '检查日期不能晚于今天');
  const env = currentEnv();
  for (const p of input.photos)
    if (cloudFileEnv(p) === undefined || cloudFileEnv(p) !== env) throw invalid('photos', '照片应为小程序上传到本系统的图片');
  const t = await resolveTarget(db, input);
  assertMayInspect(staff, t);
  const dept = departmentOf(staff);
  const doc: Omit<InspectionDoc, '_id' | 'publishedAt'> = {
    uscc: t.uscc,
    ...(t.code ? { codeId: t.code._id, entityId: t.code.entityId } : t.entity ? { entityId: t.entity._id } : {}),
    districtCode: t.districtCode,
    ...(t.field !== undefined ? { field: t.field } : {}),
    ...(dept ? { departmentId: dept.id } : {}),
    department: inspectingBody(staff),
    date: input.date,
    result: input.result,
    note: input.note ?? '',
    photos: [...new Set(input.photos)],
    published: false,
    by: staff.openid,
    createdAt: now,
  };
  const res = (await db.collection(COLLECTIONS.inspections).add({ data: doc })) as { _id: string };
  await auditByStaff(db, staff, {
    at: now,
    action: 'inspection.record',
    target: { collection: COLLECTIONS.inspections, id: res._id },
    before: null,
    after: doc,
  });
  return { inspection: { _id: res._id, ...doc, createdAt: now.toISOString() } };
}

/** staff.publishInspection: only the inspecting department (or, for staff outside a department, the inspector). */
export async function publishInspection(input: ParsedOf<typeof C.publishInspection>, { staff, db, now }: StaffContext) {
  const coll = db.collection(COLLECTIONS.inspections);
  const before = await fetchById<InspectionDoc>(coll.doc(input.inspectionId));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该检查记录');
  const mine = before.departmentId !== undefined ? departmentOf(staff)?.id === before.departmentId : before.by === staff.openid;
  if (!mine) throw new DomainError('FORBIDDEN', '只有作出检查的部门可以公开或撤回该检查记录');
  if (before.published === input.published) return { inspection: inspectionView1(before) };
  const data = input.published ? { published: true, publishedAt: now } : { published: false, publishedAt: db.command.remove() };
  await coll.doc(before._id).update({ data });
  await auditByStaff(db, staff, {
    at: now,
    action: input.published ? 'inspection.publish' : 'inspection.unpublish',
    target: { collection: COLLECTIONS.inspections, id: before._id },
    before: { published: before.published },
    after: { published: input.published },
  });
  return { inspection: inspectionView1({ ...before, published: input.published }) };
}

/** staff.inspections: inspections in the caller's scope (a department sees its own), newest first. */
export async function inspections(input: ParsedOf<typeof C.inspections>, { staff, db }: StaffContext) {
  const where: Record<string, unknown> = {};
  if (input.uscc !== undefined) where.uscc = input.uscc;
  if (staff.role === 'district') where.districtCode = staff.districtCode ?? '-';
  if (staff.role === 'department') where.departmentId = departmentOf(staff)?.id ?? '-';
  const coll = db.collection(COLLECTIONS.inspections);
  const [list, total] = await Promise.all([
    fetchAll<InspectionDoc>(coll.where(where).orderBy('createdAt', 'desc').skip(input.offset).limit(input.limit)),
    countOf(coll.where(where)),
  ]);
  return { total, items: list.map((i) => ({ ...inspectionView1(i), uscc: i.uscc, districtCode: i.districtCode })) };
}
