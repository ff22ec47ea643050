/** staff.withdrawRecord and staff.correctRecord: one credit record taken back or corrected, with a reason. */
import * as z from 'zod';
import { oneOf, parseOrThrow } from '../../core';
import type { ActionContext } from '../handler';
import { correctRecord as correct, RECORD_KINDS, withdrawRecord as withdraw } from '../records';
import { id, reason } from './inputs';
import { loadStaff } from './roles';

const target = { kind: oneOf('记录类别', RECORD_KINDS), recordId: id('记录编号'), reason: reason() };

const withdrawInput = z.object(target);
const correctInput = z.object({
  ...target,
  /** The fields to change; the corrected record is validated by its form's schema. */
  changes: z.record(z.string().max(40), z.unknown(), { error: '请填写要更正的内容' }).refine((c) => Object.keys(c).length <= 20, { error: '更正内容过多' }),
});

export async function withdrawRecord(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(withdrawInput, payload);
  return { record: await withdraw(db, staff, input.kind, input.recordId, input.reason, now) };
}

export async function correctRecord(payload: Record<string, unknown>, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(correctInput, payload);
  return { record: await correct(db, staff, input.kind, input.recordId, input.changes, input.reason, now) };
}
