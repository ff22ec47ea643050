/**
 * 台账 (the department ledger) and department progress. The ledger lists each 责任单位 (core's
 * DEPARTMENTS) with its tasks; the city edits it (or imports it, ledger-import.ts). Each department
 * uploads its 推进落实文件 and monthly 工作动态 (cloud-storage files); its status follows from those
 * uploads (core/reach.ts departmentStatus) and the codes issued in its fields are counted.
 */
import { cloudFileEnv, DEPARTMENTS, departmentById, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract';
import { ledgerFields, type DepartmentProgressData, type staffSupervisionContract as C } from '../../core/contract/staff-supervision';
import {
  departmentProgressSentence,
  departmentStatus,
  DEPARTMENT_STATUSES,
  LEDGER_FILE_KINDS,
  type DepartmentProgress,
} from '../../core/reach';
import { chinaDate } from '../../core/rates';
import { currentEnv, type Database } from '../cloud';
import { fetchAll, fetchById } from '../db';
import { COLLECTIONS } from '../model';
import type { DepartmentLedgerDoc, LedgerFileDoc } from '../reach-model';
import type { StaffContext } from './define-staff-actions';
import { auditByStaff, departmentOf, requireCity } from './roles';

/** staffFiles.importLedger reads the same columns. */
export { ledgerFields };

/** A department keeps at most this many files (plans and monthly updates over years). */
export const MAX_FILES_PER_DEPARTMENT = 500;
/** Files listed with the progress (the newest, all departments). */
const RECENT_FILES = 300;

/** staff.saveLedgerEntry (city): set one department's ledger row (audited with before and after). */
export async function saveLedgerEntry(input: ParsedOf<typeof C.saveLedgerEntry>, { staff, db, now }: StaffContext) {
  requireCity(staff);
  const dept = departmentById(input.departmentId)!;
  const coll = db.collection(COLLECTIONS.departmentLedger);
  const before = await fetchById<DepartmentLedgerDoc>(coll.doc(dept.id));
  const doc: Omit<DepartmentLedgerDoc, '_id'> = {
    departmentId: dept.id,
    index: input.index ?? before?.index ?? DEPARTMENTS.findIndex((d) => d.id === dept.id) + 1,
    unit: before?.unit ?? dept.fullName,
    goal: input.goal,
    measures: input.measures,
    leader: input.leader,
    responsible: input.responsible,
    deadline: input.deadline,
    source: { kind: 'edit' },
    updatedBy: staff.openid,
    updatedAt: now,
  };
  await coll.doc(dept.id).set({ data: doc });
  await auditByStaff(db, staff, {
    at: now,
    action: 'ledger.save',
    target: { collection: COLLECTIONS.departmentLedger, id: dept.id },
    before: before ?? null,
    after: doc,
  });
  return { entry: { _id: dept.id, ...doc, updatedAt: now.toISOString() } };
}

/** staff.uploadLedgerFile: a department's 推进落实文件 or 工作动态 (a fileID of this environment's storage). */
export async function uploadLedgerFile(input: ParsedOf<typeof C.uploadLedgerFile>, { staff, db, now }: StaffContext) {
  let departmentId: string;
  if (staff.role === 'department') {
    const own = departmentOf(staff);
    if (!own) throw new DomainError('FORBIDDEN', '您的账号未关联行管部门，请联系市级管理员');
    if (input.departmentId !== undefined && input.departmentId !== own.id) throw new DomainError('FORBIDDEN', '只能上传本部门的材料');
    departmentId = own.id;
  } else if (staff.role === 'city' && input.departmentId !== undefined) {
    departmentId = input.departmentId;
  } else {
    throw new DomainError('FORBIDDEN', '推进落实文件和工作动态由行管部门上传');
  }
  if (cloudFileEnv(input.fileID) === undefined || cloudFileEnv(input.fileID) !== currentEnv()) {
    throw new DomainError('INVALID_INPUT', '文件应为小程序上传到本系统的文件', {
      issues: [{ field: 'fileID', message: '文件应为小程序上传到本系统的文件' }],
    });
  }
  if (input.month > chinaDate(now).slice(0, 7))
    throw new DomainError('INVALID_INPUT', '所属月份不能晚于本月', { issues: [{ field: 'month', message: '所属月份不能晚于本月' }] });
  const coll = db.collection(COLLECTIONS.ledgerFiles);
  const held = (await coll.where({ departmentId }).count()) as { total: number };
  if (held.total >= MAX_FILES_PER_DEPARTMENT) throw new DomainError('LIMIT_REACHED', `每个部门最多保存${MAX_FILES_PER_DEPARTMENT}份材料`);
  const doc: Omit<LedgerFileDoc, '_id'> = {
    departmentId,
    kind: input.kind,
    month: input.month,
    title: input.title,
    fileID: input.fileID,
    uploadedBy: staff.openid,
    createdAt: now,
  };
  const res = (await coll.add({ data: doc })) as { _id: string };
  await auditByStaff(db, staff, {
    at: now,
    action: 'ledger.upload',
    target: { collection: COLLECTIONS.ledgerFiles, id: res._id },
    before: null,
    after: doc,
  });
  return { file: { _id: res._id, ...doc, createdAt: now.toISOString(), kindLabel: LEDGER_FILE_KINDS[input.kind] } };
}

/** China-time bounds of a 'YYYY-MM' month, as instants. */
function monthBounds(m: string): { from: Date; to: Date } {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, mo - 1, 1) - 8 * 3600_000), to: new Date(Date.UTC(y, mo, 1) - 8 * 3600_000) };
}

/**
 * Every department's progress as of the end of `month`: the ledger's departments (all departments
 * with fields while the ledger is empty). Five calls: ledger, file counts, newest files, two code aggregations.
 */
export async function buildDepartmentProgress(db: Database, m: string): Promise<DepartmentProgressData> {
  const _ = db.command;
  const $ = _.aggregate;
  const { from, to } = monthBounds(m);
  const [ledger, counts, files, total, thisMonth] = await Promise.all([
    fetchAll<DepartmentLedgerDoc>(db.collection(COLLECTIONS.departmentLedger).limit(1000)),
    db
      .collection(COLLECTIONS.ledgerFiles)
      .aggregate()
      .match({ month: _.lte(m) })
      .group({ _id: { d: '$departmentId', k: '$kind', m: '$month' }, n: $.sum(1) })
      .limit(10_000)
      .end() as Promise<{ list: { _id: { d: string; k: string; m: string }; n: number }[] }>,
    // The newest files for the page (counts come from the aggregation above).
    fetchAll<LedgerFileDoc>(
      db
        .collection(COLLECTIONS.ledgerFiles)
        .where({ month: _.lte(m) })
        .orderBy('createdAt', 'desc')
        .limit(RECENT_FILES),
    ),
    db
      .collection(COLLECTIONS.codes)
      .aggregate()
      .match({ issuedAt: _.lt(to) })
      .group({ _id: '$field', n: $.sum(1) })
      .limit(1000)
      .end() as Promise<{ list: { _id: string; n: number }[] }>,
    db
      .collection(COLLECTIONS.codes)
      .aggregate()
      .match({ issuedAt: _.gte(from).and(_.lt(to)) })
      .group({ _id: '$field', n: $.sum(1) })
      .limit(1000)
      .end() as Promise<{ list: { _id: string; n: number }[] }>,
  ]);
  const byField = (l: { _id: string; n: number }[]) => new Map(l.map((g) => [g._id, g.n]));
  const [totals, months] = [byField(total.list), byField(thisMonth.list)];
  const ledgerById = new Map(ledger.map((l) => [l.departmentId, l]));
  const depts = ledger.length
    ? DEPARTMENTS.filter((d) => ledgerById.has(d.id)).sort((a, b) => ledgerById.get(a.id)!.index - ledgerById.get(b.id)!.index)
    : DEPARTMENTS.filter((d) => d.fields.length > 0);
  const rows: DepartmentProgress[] = depts.map((d) => {
    const own = files.filter((f) => f.departmentId === d.id);
    const count = (k: string, onlyMonth?: string) =>
      counts.list
        .filter((g) => g._id.d === d.id && g._id.k === k && (onlyMonth === undefined || g._id.m === onlyMonth))
        .reduce((s, g) => s + g.n, 0);
    const plans = count('plan');
    const updates = count('update');
    const l = ledgerById.get(d.id);
    const sum = (mp: Map<string, number>) => d.fields.reduce((s, f) => s + (mp.get(f) ?? 0), 0);
    return {
      departmentId: d.id,
      name: d.name,
      fullName: d.fullName,
      fields: d.fields,
      status: departmentStatus({ plans, updates }),
      plans,
      updates,
      updatesThisMonth: count('update', m),
      codesThisMonth: sum(months),
      codesTotal: sum(totals),
      ledger: l
        ? {
            _id: l._id,
            departmentId: l.departmentId,
            index: l.index,
            unit: l.unit,
            goal: l.goal,
            measures: l.measures,
            leader: l.leader,
            responsible: l.responsible,
            deadline: l.deadline,
            updatedAt: l.updatedAt.toISOString(),
          }
        : null,
      files: own.map((f) => ({
        _id: f._id,
        kind: f.kind,
        month: f.month,
        title: f.title,
        fileID: f.fileID,
        createdAt: f.createdAt.toISOString(),
      })),
    };
  });
  return {
    month: m,
    departments: rows,
    groups: DEPARTMENT_STATUSES.map((status) => ({ status, departments: rows.filter((r) => r.status === status).map((r) => r.name) })),
    sentence: departmentProgressSentence(rows),
  };
}

/** staff.departmentProgress({ month? }): every department's status and code counts (any staff may read it). */
export async function departmentProgress(input: ParsedOf<typeof C.departmentProgress>, { db, now }: StaffContext) {
  return buildDepartmentProgress(db, input.month ?? chinaDate(now).slice(0, 7));
}
