/**
 * Suspending, reinstating and revoking a code. The public check reads the status live, so a
 * change shows at once. Revoking also drops `liveKey`, freeing the entity for a reissued code
 * (version + 1), which retires every printed copy of the old one. `codes` lists them for the
 * staff page that suspends and revokes.
 */
import * as z from 'zod';
import { DomainError, districtCode, oneOf, parseOrThrow } from '../../core';
import { fetchAll, fetchById } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS, type CodeDoc, type CodeHistoryEntry, type CodeStatus, type EntityDoc } from '../model';
import { codeChangeInput, page } from './inputs';
import { markRegisterCoded } from '../register-coded';
import { actorOf, auditByStaff, assertInScope, loadStaff, scopeFilter } from './roles';

interface Transition {
  readonly action: string;
  readonly from: readonly CodeStatus[];
  readonly to: CodeStatus;
  readonly refused: string;
}

const SUSPEND: Transition = { action: 'suspendCode', from: ['active'], to: 'suspended', refused: '只有有效的诚信码可以暂停' };
const REINSTATE: Transition = { action: 'reinstateCode', from: ['suspended'], to: 'active', refused: '只有暂停的诚信码可以恢复' };
const REVOKE: Transition = { action: 'revokeCode', from: ['active', 'suspended'], to: 'revoked', refused: '该诚信码已撤销' };

function change(t: Transition) {
  return async (payload: Record<string, unknown>, { caller, db, now }: ActionContext) => {
    const staff = await loadStaff(db, caller.openid);
    const input = parseOrThrow(codeChangeInput, payload);
    const coll = db.collection(COLLECTIONS.codes);
    const before = await fetchById<CodeDoc>(coll.doc(input.codeId));
    if (!before) throw new DomainError('NOT_FOUND', '未找到该诚信码');
    assertInScope(staff, before);
    if (!t.from.includes(before.status)) throw new DomainError('INVALID_STATE', t.refused, { status: before.status });

    const _ = db.command;
    const entry: CodeHistoryEntry = { at: now, status: t.to, by: actorOf(staff), reason: input.reason };
    const data: Record<string, unknown> = { status: t.to, history: _.push([entry]) };
    if (t.to === 'revoked') data.liveKey = _.remove();
    // Conditional on the status we read: a concurrent change makes this one fail rather than overwrite it.
    const res = (await coll.where({ _id: before._id, status: before.status }).update({ data })) as { stats: { updated: number } };
    if (res.stats.updated !== 1) throw new DomainError('CONFLICT', '诚信码状态刚刚被他人修改，请刷新后重试');
    if (t.to === 'revoked') await markRegisterCoded(db, [before.uscc], false); // back on the outreach list

    await auditByStaff(db, staff, {
      at: now,
      action: t.action,
      target: { collection: COLLECTIONS.codes, id: before._id },
      before: { status: before.status, liveKey: before.liveKey ?? null },
      after: { status: t.to, liveKey: t.to === 'revoked' ? null : (before.liveKey ?? null) },
      reason: input.reason,
    });
    return { code: { codeId: before._id, status: t.to, version: before.version, entityId: before.entityId } };
  };
}

export const suspendCode = change(SUSPEND);
export const reinstateCode = change(REINSTATE);
export const revokeCode = change(REVOKE);

const codesInput = z.object({
  status: oneOf('状态', ['active', 'suspended', 'revoked']).default('active'),
  districtCode: districtCode().optional(),
  ...page,
});

/** Codes in the caller's scope with their entity's name, newest first (two database calls). */
export async function codes(payload: Record<string, unknown>, { caller, db }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(codesInput, payload);
  const where = { status: input.status, ...scopeFilter(staff, input.districtCode) };
  const list = await fetchAll<CodeDoc>(
    db.collection(COLLECTIONS.codes).where(where).orderBy('issuedAt', 'desc').skip(input.offset).limit(input.limit),
  );
  const ids = [...new Set(list.map((c) => c.entityId))];
  const entities =
    ids.length === 0
      ? []
      : await fetchAll<Pick<EntityDoc, '_id' | 'name'>>(
          db.collection(COLLECTIONS.entities).where({ _id: db.command.in(ids) }).field({ name: true }).limit(ids.length),
        );
  const names = new Map(entities.map((e) => [e._id, e.name]));
  return {
    items: list.map((c) => ({
      codeId: c._id,
      entityId: c.entityId,
      entityName: names.get(c.entityId) ?? '',
      uscc: c.uscc,
      districtCode: c.districtCode,
      field: c.field,
      status: c.status,
      version: c.version,
      issuedAt: c.issuedAt,
    })),
  };
}
