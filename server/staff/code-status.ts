/**
 * Suspending, reinstating and revoking a code. The public check reads the status live, so a
 * change shows at once. Revoking also drops `liveKey`, freeing the entity for a reissued code
 * (version + 1), which retires every printed copy of the old one. Each change records a reason
 * category (core/code-reasons.ts, the part the public sees) beside the free-text reason, and the
 * entity's owners are told what happened and how to object. `codes` lists them for the staff page.
 */
import { codeReasonLabel, DomainError, nameSearchKeys, validateUscc } from '../../core';
import type { ParsedOf } from '../../core/contract/define';
import type { CodeChangeAnswer, CodeListItem, staffOfficeContract } from '../../core/contract/staff-office';
import type { Database } from '../cloud';
import { countOf, fetchAll, fetchById, fetchOne } from '../db';
import { COLLECTIONS, type CodeDoc, type CodeHistoryEntry, type CodeStatus, type EntityDoc } from '../model';
import { notifyAll } from '../notify';
import { markRegisterCoded } from '../register-coded';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';
import { actorOf, auditByStaff, assertInScope, scopeFilter, type Staff } from './roles';

type Contract = typeof staffOfficeContract;

export interface Transition {
  readonly action: string;
  readonly from: readonly CodeStatus[];
  readonly to: CodeStatus;
  readonly refused: string;
}

export const SUSPEND: Transition = { action: 'suspendCode', from: ['active'], to: 'suspended', refused: '只有有效的诚信码可以暂停' };
export const REINSTATE: Transition = { action: 'reinstateCode', from: ['suspended'], to: 'active', refused: '只有暂停的诚信码可以恢复' };
export const REVOKE: Transition = { action: 'revokeCode', from: ['active', 'suspended'], to: 'revoked', refused: '该诚信码已撤销' };

/** What the owners are told: what happened, why, and what to do next. */
function ownerMessage(t: Transition, reasonText: string, category: string | undefined): { title: string; lines: string[] } {
  if (t.to === 'active') {
    return { title: '您的诚信码已恢复有效', lines: [`恢复原因：${reasonText}`, '诚信码已恢复有效，可继续张贴使用。'] };
  }
  const what = t.to === 'suspended' ? '暂停' : '撤销';
  return {
    title: `您的诚信码已被${what}`,
    lines: [
      `${what}原因：${codeReasonLabel(category)}。${reasonText}`,
      t.to === 'suspended' ? '暂停期间请勿张贴使用该码；核实后将恢复或撤销。' : '该码已失效，请撤下已张贴的诚信码。',
      '如有异议，可在“我的诚信码”中提出异议，或拨打所在县（区）营商环境建设监督局电话、12345咨询。',
    ],
  };
}

/**
 * Change a code's status (the path staff.suspendCode and a handled report both take): checks
 * scope and the current status, writes the history entry, audits, tells the owners.
 */
export async function changeCodeStatus(
  db: Database,
  staff: Staff,
  t: Transition,
  codeId: string,
  reasonText: string,
  category: string | undefined,
  now: Date,
): Promise<CodeChangeAnswer['code']> {
  // Older callers send no category: the public then reads 其他原因.
  if (t.to !== 'active') category ??= 'other';
  const coll = db.collection(COLLECTIONS.codes);
  const before = await fetchById<CodeDoc>(coll.doc(codeId));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该诚信码');
  assertInScope(staff, before);
  if (!t.from.includes(before.status)) throw new DomainError('INVALID_STATE', t.refused, { status: before.status });

  const _ = db.command;
  const entry: CodeHistoryEntry = { at: now, status: t.to, by: actorOf(staff), reason: reasonText, ...(category ? { category } : {}) };
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
    after: { status: t.to, liveKey: t.to === 'revoked' ? null : (before.liveKey ?? null), ...(category ? { category } : {}) },
    reason: reasonText,
  });
  const entity = await fetchById<Pick<EntityDoc, 'ownerOpenids'>>(db.collection(COLLECTIONS.entities).doc(before.entityId));
  const msg = ownerMessage(t, reasonText, category);
  await notifyAll(db, entity?.ownerOpenids ?? [], { kind: 'codeStatusChanged', ...msg, page: '/pages/my-code/my-code' }, now);
  return { codeId: before._id, status: t.to, version: before.version, entityId: before.entityId };
}

function change(t: Transition) {
  return async (input: ParsedOf<Contract['suspendCode']>, { db, now, staff }: StaffContext): Promise<CodeChangeAnswer> => ({
    code: await changeCodeStatus(db, staff, t, input.codeId, input.reason, input.category, now),
  });
}

export const suspendCode = change(SUSPEND);
export const reinstateCode = change(REINSTATE);
export const revokeCode = change(REVOKE);

/**
 * Entity ids a keyword names: an exact USCC (unique index), else a name fragment through the
 * entities' `nameKeys` index (core/search-keys.ts). Undefined when there is no keyword.
 */
export async function entityIdsForKeyword(
  db: Database,
  keyword: string | undefined,
  scope: Record<string, string>,
): Promise<string[] | undefined> {
  if (keyword === undefined) return undefined;
  const kw = keyword.toUpperCase();
  if (validateUscc(kw).valid) {
    const e = await fetchOne<Pick<EntityDoc, '_id'>>(db.collection(COLLECTIONS.entities).where({ uscc: kw }).field({ _id: true }).limit(1));
    return e ? [e._id] : [];
  }
  const keys = nameSearchKeys(keyword);
  if (keys.length === 0) return [];
  const found = await fetchAll<Pick<EntityDoc, '_id'>>(
    db
      .collection(COLLECTIONS.entities)
      .where({ nameKeys: db.command.all(keys), ...scope })
      .field({ _id: true })
      .limit(100),
  );
  return found.map((e) => e._id);
}

/** Codes in the caller's scope with their entity's name, newest first, with the total for paging. */
export async function codes(input: ParsedOf<Contract['codes']>, { db, staff }: StaffContext) {
  const scope = scopeFilter(staff, input.districtCode);
  const ids = await entityIdsForKeyword(db, input.keyword, scope);
  if (ids !== undefined && ids.length === 0) return { total: 0, items: [] };
  const where = { status: input.status, ...scope, ...(ids ? { entityId: db.command.in(ids) } : {}) };
  const coll = db.collection(COLLECTIONS.codes);
  const [total, list] = await Promise.all([
    countOf(coll.where(where)),
    fetchAll<CodeDoc>(coll.where(where).orderBy('issuedAt', 'desc').skip(input.offset).limit(input.limit)),
  ]);
  const entityIds = [...new Set(list.map((c) => c.entityId))];
  const entities =
    entityIds.length === 0
      ? []
      : await fetchAll<Pick<EntityDoc, '_id' | 'name'>>(
          db
            .collection(COLLECTIONS.entities)
            .where({ _id: db.command.in(entityIds) })
            .field({ name: true })
            .limit(entityIds.length),
        );
  const names = new Map(entities.map((e) => [e._id, e.name]));
  return toWire({
    total,
    items: list.map((c): CodeListItem => {
      const last = c.status === 'active' ? undefined : [...(c.history ?? [])].reverse().find((h) => h.status === c.status);
      return {
        codeId: c._id,
        entityId: c.entityId,
        entityName: names.get(c.entityId) ?? '',
        uscc: c.uscc,
        districtCode: c.districtCode,
        field: c.field,
        status: c.status,
        version: c.version,
        issuedAt: c.issuedAt,
        ...(last
          ? { changedAt: last.at, reason: last.reason, category: last.category ?? 'other', categoryText: codeReasonLabel(last.category) }
          : {}),
      };
    }),
  });
}
