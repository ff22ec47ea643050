/**
 * The staff side of the supervision loops: the 举报 list and its handling, the 异议 list and its
 * answer, and the dashboard's alerts (open forged-code reports, overdue objections). Every list is
 * scoped by the staff record (never the event), returns `total` and pages; every change is
 * audited and ends with the reporter or merchant told (server/notify.ts).
 */
import {
  chinaDate,
  districtName,
  DomainError,
  formatTrackingNo,
  nameSearchKeys,
  normaliseTrackingNo,
  OBJECTION_RESULTS,
  REPORT_STATUSES,
  TRACKING_LENGTH,
  validateUscc,
  type ReportStatus,
} from '../../core';
import type { ParsedOf } from '../../core/contract';
import type { StaffReport, StaffObjection, SupervisionSummary, staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import type { Database } from '../cloud';
import { countOf, fetchAll, fetchById } from '../db';
import { COLLECTIONS } from '../model';
import { notify } from '../notify';
import { correctRecord, withdrawRecord } from '../records';
import type { ReportDoc, ReportHistoryEntry } from '../public/report';
import { objectionView, type ObjectionDoc } from '../merchant/objection';
import { changeCodeStatus, SUSPEND } from './code-status';
import type { StaffContext } from './define-staff-actions';
import { actorOf, assertInScope, auditByStaff, departmentOf, scopeFilter, type Staff } from './roles';

/**
 * A keyword's condition on a collection that stores `uscc`, `entityName`'s `nameKeys` (and, for
 * reports, `trackingNo`): an exact USCC or 受理编号 through their indexes, else name bigrams.
 */
function keywordFilter(db: Database, keyword: string | undefined, withTracking: boolean): Record<string, unknown> {
  if (keyword === undefined) return {};
  const kw = keyword.toUpperCase().trim();
  if (validateUscc(kw).valid) return { uscc: kw };
  const tracking = normaliseTrackingNo(kw);
  if (withTracking && tracking.length === TRACKING_LENGTH && /^[A-Z0-9]+$/.test(tracking)) return { trackingNo: tracking };
  const keys = nameSearchKeys(keyword);
  return keys.length === 0 ? { uscc: '-' } : { nameKeys: db.command.all(keys) };
}

// ---------------------------------------------------------------- reports

function staffReportView(r: ReportDoc): StaffReport {
  return {
    reportId: r._id,
    trackingNo: formatTrackingNo(r.trackingNo),
    reason: r.reason,
    detail: r.detail ?? '',
    scanned: r.scanned ?? '',
    codeId: r.codeId ?? '',
    uscc: r.uscc ?? '',
    entityName: r.entityName ?? '',
    districtCode: r.districtCode ?? '',
    districtName: districtName(r.districtCode ?? '') ?? '',
    field: r.field ?? '',
    routedTo: r.districtCode ? 'district' : 'city',
    forged: r.forged === true,
    photos: r.photos ?? [],
    status: r.status,
    statusText: REPORT_STATUSES[r.status] ?? r.status,
    outcome: r.outcome ?? '',
    history: (r.history ?? []).map((h) => ({ ...h, at: h.at.toISOString() })),
    createdAt: r.createdAt.toISOString(),
  };
}

export async function reports(input: ParsedOf<typeof C.reports>, { staff, db }: StaffContext) {
  const where = {
    ...scopeFilter(staff),
    ...(input.status === 'all' ? {} : { status: input.status }),
    ...(input.forged === undefined ? {} : { forged: input.forged }),
    ...keywordFilter(db, input.keyword, true),
  };
  const coll = db.collection(COLLECTIONS.reports);
  const [total, list] = await Promise.all([
    countOf(coll.where(where)),
    fetchAll<ReportDoc>(coll.where(where).orderBy('createdAt', 'desc').skip(input.offset).limit(input.limit)),
  ]);
  return { total, items: list.map(staffReportView) };
}

export async function handleReport(input: ParsedOf<typeof C.handleReport>, { staff, db, now }: StaffContext) {
  const coll = db.collection(COLLECTIONS.reports);
  const before = await fetchById<ReportDoc>(coll.doc(input.reportId));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该举报');
  // A report routed to the city (no district) is the city's alone.
  if (before.districtCode === undefined && staff.role !== 'city') throw new DomainError('FORBIDDEN', '该举报由市级管理员处理');
  assertInScope(staff, { districtCode: before.districtCode, field: before.field });
  if (before.status === 'closed') throw new DomainError('INVALID_STATE', '该举报已办结');
  if (input.suspendCode && !before.codeId) throw new DomainError('INVALID_INPUT', '该举报没有对应的诚信码，无法暂停');

  if (input.suspendCode) await changeCodeStatus(db, staff, SUSPEND, before.codeId!, input.outcome, input.category, now);

  const entry: ReportHistoryEntry = { at: now, status: input.status, outcome: input.outcome, by: actorOf(staff) };
  const _ = db.command;
  const res = (await coll
    .where({ _id: before._id, status: before.status })
    .update({ data: { status: input.status, outcome: input.outcome, handledAt: now, history: _.push([entry]) } })) as {
    stats: { updated: number };
  };
  if (res.stats.updated !== 1) throw new DomainError('CONFLICT', '该举报刚刚被他人处理，请刷新后重试');
  await auditByStaff(db, staff, {
    at: now,
    action: 'handleReport',
    target: { collection: COLLECTIONS.reports, id: before._id },
    before: { status: before.status, outcome: before.outcome ?? null },
    after: { status: input.status, outcome: input.outcome, suspendCode: input.suspendCode },
  });
  await notify(
    db,
    {
      openid: before.reporterOpenid,
      kind: 'reportUpdated',
      title: `您的举报${REPORT_STATUSES[input.status as ReportStatus]}`,
      lines: [`处理情况：${input.outcome}`, `受理编号 ${formatTrackingNo(before.trackingNo)}，可在“我的举报”中查看。`],
      page: '/pages/report/report?tab=mine',
    },
    now,
  );
  return { reportId: before._id, status: input.status };
}

// ---------------------------------------------------------------- objections

/** Which objections a staff member answers: the city all; a department its records; a district its entities. */
function objectionScope(staff: Staff): Record<string, string> {
  if (staff.role === 'city') return {};
  if (staff.role === 'district') return { districtCode: staff.districtCode ?? '-' };
  return { departmentId: departmentOf(staff)?.id ?? '-' };
}

function mayAnswer(staff: Staff, o: ObjectionDoc): boolean {
  if (staff.role === 'city') return true;
  if (staff.role === 'district') return staff.districtCode !== undefined && staff.districtCode === o.districtCode;
  return o.departmentId !== undefined && departmentOf(staff)?.id === o.departmentId;
}

export async function objections(input: ParsedOf<typeof C.objections>, { staff, db, now }: StaffContext) {
  const _ = db.command;
  const status =
    input.status === 'all' ? {} : input.status === 'overdue' ? { status: 'open', dueOn: _.lt(chinaDate(now)) } : { status: input.status };
  const where = { ...objectionScope(staff), ...status, ...keywordFilter(db, input.keyword, false) };
  const coll = db.collection(COLLECTIONS.objections);
  const [total, list] = await Promise.all([
    countOf(coll.where(where)),
    // Oldest deadline first: what must be answered soonest is on top.
    fetchAll<ObjectionDoc>(coll.where(where).orderBy('dueOn', 'asc').orderBy('createdAt', 'asc').skip(input.offset).limit(input.limit)),
  ]);
  return {
    total,
    items: list.map((o): StaffObjection => ({
      ...objectionView(o, now),
      districtCode: o.districtCode,
      departmentId: o.departmentId ?? '',
    })),
  };
}

export async function answerObjection(input: ParsedOf<typeof C.answerObjection>, { staff, db, now }: StaffContext) {
  const coll = db.collection(COLLECTIONS.objections);
  const o = await fetchById<ObjectionDoc>(coll.doc(input.objectionId));
  if (!o) throw new DomainError('NOT_FOUND', '未找到该异议');
  if (!mayAnswer(staff, o)) throw new DomainError('FORBIDDEN', '该异议应由报送该记录的部门或主体所在县（区）答复');
  if (o.status !== 'open') throw new DomainError('INVALID_STATE', '该异议已答复');
  if (input.result !== 'upheld' && (o.target === 'entity' || !o.recordId)) {
    throw new DomainError('INVALID_INPUT', '主体基本信息的异议请核实后以“维持”答复，并说明处理情况');
  }

  // The record changes first (it checks the staff member may change it); the answer is then claimed
  // conditionally, so two staff answering at once cannot both succeed.
  if (input.result === 'corrected') await correctRecord(db, staff, o.target as never, o.recordId!, input.changes!, input.reply, now);
  if (input.result === 'withdrawn') await withdrawRecord(db, staff, o.target as never, o.recordId!, input.reply, now);

  const res = (await coll.where({ _id: o._id, status: 'open' }).update({
    data: { status: 'answered', result: input.result, reply: input.reply, answeredAt: now, answeredBy: actorOf(staff) },
  })) as { stats: { updated: number } };
  if (res.stats.updated !== 1) throw new DomainError('CONFLICT', '该异议刚刚被他人答复，请刷新后重试');
  await auditByStaff(db, staff, {
    at: now,
    action: 'answerObjection',
    target: { collection: COLLECTIONS.objections, id: o._id },
    before: { status: 'open' },
    after: { status: 'answered', result: input.result, ...(input.changes ? { changes: input.changes } : {}) },
    reason: input.reply,
  });
  await notify(
    db,
    {
      openid: o.openid,
      kind: 'objectionAnswered',
      title: `您的异议已答复：${OBJECTION_RESULTS[input.result]}`,
      lines: [`答复：${input.reply}`, `如对答复仍有异议，可拨打12345或联系所在县（区）营商环境建设监督局。`],
      page: '/pages/objection/objection?tab=mine',
    },
    now,
  );
  return { objectionId: o._id, status: 'answered' as const, result: input.result };
}

// ---------------------------------------------------------------- dashboard

/** The dashboard's supervision alerts in the caller's scope: four counts. */
export async function supervisionSummary(
  _input: ParsedOf<typeof C.supervisionSummary>,
  { staff, db, now }: StaffContext,
): Promise<SupervisionSummary> {
  const _ = db.command;
  const reportsScope = scopeFilter(staff);
  const objScope = objectionScope(staff);
  const r = db.collection(COLLECTIONS.reports);
  const ob = db.collection(COLLECTIONS.objections);
  const [openReports, openForgedReports, openObjections, overdueObjections] = await Promise.all([
    countOf(r.where({ ...reportsScope, status: _.in(['open', 'verifying']) })),
    countOf(r.where({ ...reportsScope, status: _.in(['open', 'verifying']), forged: true })),
    countOf(ob.where({ ...objScope, status: 'open' })),
    countOf(ob.where({ ...objScope, status: 'open', dueOn: _.lt(chinaDate(now)) })),
  ]);
  return { openReports, openForgedReports, openObjections, overdueObjections };
}
