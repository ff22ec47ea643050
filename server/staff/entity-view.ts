/**
 * The staff entity view (staff.entity) and the audit log (staff.auditLog). The entity view shows,
 * in the caller's scope, everything about one entity: its data with owners' phones masked, its
 * codes and their history, its records with sources and batches (withdrawn ones marked), its
 * reports and objections, the audit trail of all of these, and which actions the caller may take.
 */
import { DomainError, formatTrackingNo, REPORT_STATUSES } from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { StaffCodeItem, StaffEntityView, StaffRecord, staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import type { AuditRecord } from '../../core/wire';
import { countOf, fetchAll, fetchOne } from '../db';
import { COLLECTIONS, type AuditDoc, type CodeDoc, type EntityDoc } from '../model';
import { mayChangeRecord, RECORD_COLLECTIONS, RECORD_KINDS, type StoredRecord } from '../records';
import { objectionView, type ObjectionDoc } from '../merchant/objection';
import type { ReportDoc } from '../public/report';
import type { StaffContext } from './define-staff-actions';
import { assertInScope, inScope, requireCity } from './roles';

/** 138****5678: enough for staff to recognise a number on the phone, not to copy it. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

const RECORDS_PER_KIND = 100;

/** A code and its history as staff see it (the entity view, the inspection view). */
export function staffCodeItem(c: CodeDoc): StaffCodeItem {
  return {
    codeId: c._id,
    status: c.status,
    version: c.version,
    issuedAt: c.issuedAt.toISOString(),
    history: (c.history ?? []).map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}

/** An audit entry as it crosses the wire. */
const auditRecord = (a: AuditDoc): AuditRecord => ({ ...a, at: a.at.toISOString() });

export async function entity(input: ParsedOf<typeof C.entity>, { staff, db, now }: StaffContext): Promise<StaffEntityView> {
  const e = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: input.uscc }).limit(1));
  if (!e) throw new DomainError('NOT_FOUND', '未找到该市场主体（尚未赋码）');
  assertInScope(staff, e);

  const [codes, reports, objections, ...recordLists] = await Promise.all([
    fetchAll<CodeDoc>(db.collection(COLLECTIONS.codes).where({ entityId: e._id }).orderBy('version', 'desc').limit(20)),
    fetchAll<ReportDoc>(db.collection(COLLECTIONS.reports).where({ uscc: e.uscc }).orderBy('createdAt', 'desc').limit(50)),
    fetchAll<ObjectionDoc>(db.collection(COLLECTIONS.objections).where({ uscc: e.uscc }).orderBy('createdAt', 'desc').limit(50)),
    ...RECORD_KINDS.map((k) =>
      fetchAll<StoredRecord>(
        db.collection(RECORD_COLLECTIONS[k]).where({ uscc: e.uscc }).orderBy('createdAt', 'desc').limit(RECORDS_PER_KIND),
      ),
    ),
  ]);
  const records = await Promise.all(
    RECORD_KINDS.map(async (kind, i) =>
      Promise.all(
        recordLists[i]!.map(async (r): Promise<StaffRecord> => ({
          kind,
          id: r._id,
          fields: Object.fromEntries(Object.entries(r).filter(([k]) => !['_id', 'source', 'dedupKey', 'withdrawal'].includes(k))),
          source:
            r.source?.kind === 'import'
              ? { kind: 'import', department: r.source.department, batchId: r.batchId ?? r.source.batch }
              : { kind: 'self' },
          withdrawn: r.withdrawn === true,
          withdrawal: r.withdrawal ? { ...r.withdrawal, at: r.withdrawal.at.toISOString() } : null,
          mayChange: !r.withdrawn && (await mayChangeRecord(db, staff, r)),
        })),
      ),
    ),
  );
  const targetIds = [
    e._id,
    ...codes.map((c) => c._id),
    ...reports.map((r) => r._id),
    ...objections.map((o) => o._id),
    ...recordLists.flat().map((r) => r._id),
  ];
  const trail = await fetchAll<AuditDoc>(
    db
      .collection(COLLECTIONS.auditLog)
      .where({ 'target.id': db.command.in(targetIds.slice(0, 500)) })
      .orderBy('at', 'desc')
      .limit(100),
  );
  const live = codes.find((c) => c.status !== 'revoked');
  return {
    entity: {
      entityId: e._id,
      uscc: e.uscc,
      name: e.name,
      category: e.category,
      districtCode: e.districtCode,
      field: e.field,
      address: e.address,
      contactName: e.contactName ?? '',
      contactPhone: maskPhone(e.contactPhone),
      owners: e.ownerOpenids.length,
      createdAt: e.createdAt.toISOString(),
    },
    codes: codes.map(staffCodeItem),
    records: records.flat(),
    reports: reports.map((r) => ({
      reportId: r._id,
      trackingNo: formatTrackingNo(r.trackingNo ?? ''),
      reason: r.reason,
      status: r.status,
      statusText: REPORT_STATUSES[r.status] ?? r.status,
      outcome: r.outcome ?? '',
      createdAt: r.createdAt.toISOString(),
    })),
    objections: objections.map((o) => objectionView(o, now)),
    audit: trail.map((a) => ({
      at: a.at.toISOString(),
      actor: a.actor,
      role: a.role,
      action: a.action,
      target: a.target,
      before: a.before,
      after: a.after,
      reason: a.reason ?? '',
    })),
    actions: {
      suspendCode: live?.status === 'active',
      reinstateCode: live?.status === 'suspended',
      revokeCode: live !== undefined,
      inScope: inScope(staff, e),
    },
  };
}

/** The audit log, newest first: the city's to read (it records every staff member's changes). */
export async function auditLog(input: ParsedOf<typeof C.auditLog>, { staff, db }: StaffContext) {
  requireCity(staff);
  const where = { ...(input.targetId ? { 'target.id': input.targetId } : {}), ...(input.actor ? { actor: input.actor } : {}) };
  const coll = db.collection(COLLECTIONS.auditLog);
  const [total, items] = await Promise.all([
    countOf(coll.where(where)),
    fetchAll<AuditDoc>(coll.where(where).orderBy('at', 'desc').skip(input.offset).limit(input.limit)),
  ]);
  return { total, items: items.map(auditRecord) };
}
