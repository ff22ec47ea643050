/**
 * Correcting and withdrawing one credit record (a commitment, honour, registration or other
 * info), with a reason, audited. This is what answering an objection changes, and what staff use
 * when one imported row was wrong. A withdrawn record stays stored (the audit trail points at
 * it) but carries `withdrawn: true` and never appears on public pages.
 *
 * Who may touch a record: the city admin; department staff for records their department supplied
 * (source.departmentId); district staff for records of entities in their district (the entity's
 * district from data, never from the event).
 */
import { DomainError, FIXED_RECORD_FIELDS, FORMS, check, type FormKind } from '../core';
import type { Database } from './cloud';
import { fetchById } from './db';
import { districtOfUscc } from './entity-district';
import { COLLECTIONS, type CollectionName, type Withdrawal } from './model';
import { RECORD_KINDS, type RecordKind, type StoredRecord } from '../core/documents';
import { actorOf, auditByStaff, departmentOf, type Staff } from './staff/roles';

export const RECORD_COLLECTIONS = {
  commitment: COLLECTIONS.commitments,
  honour: COLLECTIONS.honours,
  registration: COLLECTIONS.registrations,
  otherInfo: COLLECTIONS.otherInfo,
} as const satisfies Record<RecordKind, CollectionName> & Partial<Record<FormKind, CollectionName>>;

export type { RecordKind, StoredRecord } from '../core/documents';
export { RECORD_KINDS };

/** A commitment's USCC is its promiserCode (`uscc` is stored beside it). */
function usccOf(r: StoredRecord): string {
  return String(r.uscc ?? r.promiserCode ?? '');
}

/** Whether `staff` may correct or withdraw `record`. */
export async function mayChangeRecord(db: Database, staff: Staff, record: StoredRecord): Promise<boolean> {
  if (staff.role === 'city') return true;
  if (staff.role === 'department') {
    const dept = departmentOf(staff);
    return dept !== undefined && record.source.kind === 'import' && record.source.departmentId === dept.id;
  }
  const known = await districtOfUscc(db, usccOf(record));
  return known !== undefined && known.districtCode === staff.districtCode;
}

/** The record, if it exists and `staff` may change it; NOT_FOUND / FORBIDDEN otherwise. */
export async function loadRecordForChange(db: Database, staff: Staff, kind: RecordKind, id: string): Promise<StoredRecord> {
  const record = await fetchById<StoredRecord>(db.collection(RECORD_COLLECTIONS[kind]).doc(id));
  if (!record) throw new DomainError('NOT_FOUND', '未找到该信用记录');
  if (!(await mayChangeRecord(db, staff, record))) {
    throw new DomainError('FORBIDDEN', '您只能更正或撤回本部门报送、或本县（区）市场主体的信用记录');
  }
  return record;
}

/** Withdraw one record: it disappears from public pages at once. */
export async function withdrawRecord(
  db: Database,
  staff: Staff,
  kind: RecordKind,
  id: string,
  reason: string,
  now: Date,
): Promise<StoredRecord> {
  const before = await loadRecordForChange(db, staff, kind, id);
  if (before.withdrawn) throw new DomainError('INVALID_STATE', '该记录已撤回');
  const withdrawal: Withdrawal = { at: now, by: actorOf(staff), reason };
  const _ = db.command;
  const res = (await db
    .collection(RECORD_COLLECTIONS[kind])
    .where({ _id: id, withdrawn: _.neq(true) })
    .update({ data: { withdrawn: true, withdrawal } })) as { stats: { updated: number } };
  if (res.stats.updated !== 1) throw new DomainError('INVALID_STATE', '该记录已撤回');
  const after = { ...before, withdrawn: true as const, withdrawal };
  await auditByStaff(db, staff, {
    at: now,
    action: 'record.withdraw',
    target: { collection: RECORD_COLLECTIONS[kind], id },
    before: { withdrawn: false },
    after: { withdrawn: true, withdrawal },
    reason,
  });
  return after;
}

/**
 * Correct fields of one record. The corrected record is validated by its form's schema as a
 * whole (a correction cannot store what an import would refuse); the entity it belongs to, its
 * source and batch cannot be changed this way.
 */
export async function correctRecord(
  db: Database,
  staff: Staff,
  kind: RecordKind,
  id: string,
  changes: Record<string, unknown>,
  reason: string,
  now: Date,
): Promise<StoredRecord> {
  const before = await loadRecordForChange(db, staff, kind, id);
  if (before.withdrawn) throw new DomainError('INVALID_STATE', '该记录已撤回，不能更正');
  const fixed = Object.keys(changes).filter((k) => FIXED_RECORD_FIELDS.has(k));
  if (fixed.length > 0) throw new DomainError('INVALID_INPUT', `不能更正以下字段：${fixed.join('、')}`);
  const schema = FORMS[kind].schema;
  const current = Object.fromEntries(
    Object.entries(before).filter(([k]) => !FIXED_RECORD_FIELDS.has(k) || k === 'promiserCode' || k === 'uscc'),
  );
  const parsed = check(schema, { ...current, ...changes });
  if (!parsed.ok) throw new DomainError('INVALID_INPUT', parsed.issues[0]?.message ?? '更正内容不正确', { issues: parsed.issues });
  const value = parsed.value as Record<string, unknown>;
  const changed = Object.fromEntries(
    Object.keys(changes)
      .filter((k) => k in value)
      .map((k) => [k, value[k]]),
  );
  if (Object.keys(changed).length === 0) throw new DomainError('INVALID_INPUT', '请填写要更正的内容');
  await db
    .collection(RECORD_COLLECTIONS[kind])
    .doc(id)
    .update({ data: { ...changed, correctedAt: now } });
  await auditByStaff(db, staff, {
    at: now,
    action: 'record.correct',
    target: { collection: RECORD_COLLECTIONS[kind], id },
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k] ?? null])),
    after: changed,
    reason,
  });
  return { ...before, ...changed, correctedAt: now };
}
