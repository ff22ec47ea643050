/** submitObjection: an entity disputes information shown about it (异议); staff handle it. */
import * as z from 'zod';
import { DomainError, OBJECTION_TARGETS, oneOf, parseOrThrow, text, uscc, type ObjectionTarget } from '../../core';
import type { ActionContext } from '../handler';
import { fetchOne } from '../db';
import { COLLECTIONS } from '../model';
import { ownedEntity } from './ownership';

const TARGET_KEYS = Object.keys(OBJECTION_TARGETS) as [ObjectionTarget, ...ObjectionTarget[]];

export const objectionSchema = z.object({
  uscc: uscc(),
  target: oneOf('异议对象', TARGET_KEYS),
  /** The disputed record; not needed for the entity's own data. */
  recordId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string({ error: '记录编号应为文本' }).max(64, { error: '记录编号不正确' }).optional()),
  content: text('异议内容', 1000),
});

export interface ObjectionDoc {
  _id: string;
  uscc: string;
  entityId: string;
  target: ObjectionTarget;
  recordId?: string;
  content: string;
  /** Private: who raised it, for staff to reply. */
  openid: string;
  status: 'open' | 'resolved';
  createdAt: Date;
}

const RECORD_COLLECTIONS = {
  commitment: COLLECTIONS.commitments,
  honour: COLLECTIONS.honours,
  registration: COLLECTIONS.registrations,
  otherInfo: COLLECTIONS.otherInfo,
} as const;

export async function submitObjection(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const input = parseOrThrow(objectionSchema, payload);
  const entity = await ownedEntity(db, caller.openid, { uscc: input.uscc });
  if (input.target !== 'entity') {
    if (input.recordId === undefined) throw new DomainError('INVALID_INPUT', '请选择有异议的记录', { issues: [{ field: 'recordId', message: '请选择有异议的记录' }] });
    const record = await fetchOne<{ _id: string }>(
      db.collection(RECORD_COLLECTIONS[input.target]).where({ _id: input.recordId, uscc: entity.uscc }).limit(1),
    );
    if (!record) throw new DomainError('RECORD_NOT_FOUND', '未找到该主体的这条记录，请刷新后重试');
  }
  const doc: Omit<ObjectionDoc, '_id'> = {
    uscc: entity.uscc,
    entityId: entity._id,
    target: input.target,
    ...(input.target !== 'entity' && input.recordId ? { recordId: input.recordId } : {}),
    content: input.content,
    openid: caller.openid,
    status: 'open',
    createdAt: now,
  };
  const res = (await db.collection(COLLECTIONS.objections).add({ data: doc })) as { _id: string };
  return { objectionId: res._id, status: 'open' as const };
}
