/**
 * 异议: an entity disputes information shown about it. Whoever supplied the record answers it
 * within 5 工作日 (core/holidays.ts): the record's source department (its staff), else the entity's
 * district; the city sees all. The answer may correct or withdraw the record (server/records.ts),
 * and the merchant is told (server/staff/objections.ts).
 */
import {
  addWorkingDays,
  chinaDate,
  DAILY_LIMITS,
  DomainError,
  OBJECTION_ANSWER_WORKING_DAYS,
  OBJECTION_RESULTS,
  OBJECTION_STATUSES,
  OBJECTION_TARGETS,
  type ObjectionResult,
  type ObjectionStatus,
  type ObjectionTarget,
  type ObjectionView,
} from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { merchantContract } from '../../core/contract/merchant';
import type { ActionContext } from '../handler';
import { fetchAll, fetchOne } from '../db';
import { takeDailyQuota } from '../limits';
import { COLLECTIONS, type RecordSource } from '../model';
import { RECORD_COLLECTIONS } from '../records';
import { ownedEntity } from './ownership';

export interface ObjectionDoc {
  _id: string;
  uscc: string;
  entityId: string;
  entityName: string;
  nameKeys?: string[];
  target: ObjectionTarget;
  recordId?: string;
  content: string;
  /** Private: who raised it, for staff to reply. */
  openid: string;
  /** Who answers: the entity's district always; the record's source department when it has one. */
  districtCode: string;
  departmentId?: string;
  /** The last day to answer (5 working days after filing), YYYY-MM-DD China time. */
  dueOn: string;
  status: ObjectionStatus;
  result?: ObjectionResult;
  reply?: string;
  answeredAt?: Date;
  answeredBy?: string;
  createdAt: Date;
}

const tooMany = () => new DomainError('TOO_MANY_OBJECTIONS', '您今天提交的异议较多，请明天再试；如有急事请联系所在县（区）');

export async function submitObjection(
  input: ParsedOf<typeof merchantContract.submitObjection>,
  { caller, db, now }: ActionContext,
): Promise<OutputOf<typeof merchantContract.submitObjection>> {
  const entity = await ownedEntity(db, caller.openid, input.uscc);
  let departmentId: string | undefined;
  if (input.target !== 'entity') {
    if (input.recordId === undefined)
      throw new DomainError('INVALID_INPUT', '请选择有异议的记录', { issues: [{ field: 'recordId', message: '请选择有异议的记录' }] });
    const record = await fetchOne<{ _id: string; source?: RecordSource }>(
      db.collection(RECORD_COLLECTIONS[input.target]).where({ _id: input.recordId, uscc: entity.uscc }).limit(1),
    );
    if (!record) throw new DomainError('RECORD_NOT_FOUND', '未找到该主体的这条记录，请刷新后重试');
    if (record.source?.kind === 'import' && record.source.departmentId) departmentId = record.source.departmentId;
  }
  await takeDailyQuota(db, 'objection', caller.openid, DAILY_LIMITS.objection, now, tooMany);
  const doc: Omit<ObjectionDoc, '_id'> = {
    uscc: entity.uscc,
    entityId: entity._id,
    entityName: entity.name,
    target: input.target,
    ...(input.target !== 'entity' && input.recordId ? { recordId: input.recordId } : {}),
    content: input.content,
    openid: caller.openid,
    districtCode: entity.districtCode,
    ...(departmentId ? { departmentId } : {}),
    dueOn: addWorkingDays(chinaDate(now), OBJECTION_ANSWER_WORKING_DAYS),
    status: 'open',
    createdAt: now,
  };
  const res = (await db.collection(COLLECTIONS.objections).add({ data: doc })) as { _id: string };
  return { objectionId: res._id, status: 'open', dueOn: doc.dueOn };
}

/** An objection as its merchant and staff see it (dates, who answers, whether overdue). */
export function objectionView(o: ObjectionDoc, now: Date): ObjectionView {
  return {
    objectionId: o._id,
    uscc: o.uscc,
    entityName: o.entityName ?? '',
    target: o.target,
    targetText: OBJECTION_TARGETS[o.target],
    recordId: o.recordId ?? '',
    content: o.content,
    status: o.status,
    statusText: OBJECTION_STATUSES[o.status] ?? o.status,
    dueOn: o.dueOn,
    overdue: o.status === 'open' && chinaDate(now) > o.dueOn,
    result: o.result ?? '',
    resultText: o.result ? OBJECTION_RESULTS[o.result] : '',
    reply: o.reply ?? '',
    answeredAt: o.answeredAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

export async function myObjections(
  _input: ParsedOf<typeof merchantContract.myObjections>,
  { caller, db, now }: ActionContext,
): Promise<OutputOf<typeof merchantContract.myObjections>> {
  const list = await fetchAll<ObjectionDoc>(
    db.collection(COLLECTIONS.objections).where({ openid: caller.openid }).orderBy('createdAt', 'desc').limit(100),
  );
  return { items: list.map((o) => objectionView(o, now)) };
}
