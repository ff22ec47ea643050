/**
 * The review queue: applications for a code and self-declared commitments, approved or rejected
 * with a reason. Approving an application creates (or joins) the entity and issues its code.
 *
 * Concurrency: a decision first claims the item with a conditional update (status still
 * 'pending'), so of two reviewers only one decides; approval then makes the entity and the code
 * idempotently (uscc and liveKey are unique), so a retried or doubled approval never issues a
 * second code.
 */
import { DomainError, parseOrThrow } from '../../core';
import { nameSearchKeys } from '../../core/search-keys';
import type { Database } from '../cloud';
import { findLiveCode, issueCode } from '../codes';
import { fetchAll, fetchById, fetchOne, countOf } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { COLLECTIONS, type ApplicationDoc, type CodeDoc, type CommitmentDoc, type EntityDoc } from '../model';
import type { ActionContext } from '../handler';
import { actorOf, auditByStaff, assertInScope, loadStaff, scopeFilter, type Staff } from './roles';
import { queueInput, reviewApplicationInput, reviewCommitmentInput } from './inputs';

type Payload = Record<string, unknown>;

export async function applications(payload: Payload, { caller, db }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const q = parseOrThrow(queueInput, payload);
  if (q.kind === 'commitment') return commitmentQueue(db, staff, q);
  const where = { status: q.status, ...scopeFilter(staff, q.districtCode) };
  const coll = db.collection(COLLECTIONS.applications);
  const [items, total] = await Promise.all([
    fetchAll<ApplicationDoc>(coll.where(where).orderBy('createdAt', q.status === 'pending' ? 'asc' : 'desc').skip(q.offset).limit(q.limit)),
    countOf(coll.where(where)),
  ]);
  return { kind: q.kind, total, items: items.map(({ pendingKey: _p, ...rest }) => rest) };
}

/**
 * Commitments carry no district; a district's queue joins them to their entity by uscc in the
 * database ($lookup), so paging stays correct.
 */
async function commitmentQueue(db: Database, staff: Staff, q: { status: string; districtCode?: string; offset: number; limit: number }) {
  const filter = scopeFilter(staff, q.districtCode);
  const match: Record<string, unknown> = { status: q.status };
  if (filter.field !== undefined) match.field = filter.field;
  let agg = db.collection(COLLECTIONS.commitments).aggregate().match(match);
  if (filter.districtCode !== undefined) {
    agg = agg
      .lookup({ from: COLLECTIONS.entities, localField: 'uscc', foreignField: 'uscc', as: 'entity' })
      .match({ 'entity.districtCode': filter.districtCode });
  }
  const res = (await agg
    .sort({ createdAt: q.status === 'pending' ? 1 : -1 })
    .skip(q.offset)
    .limit(q.limit)
    .project({ entity: 0, dedupKey: 0 })
    .end()) as { list: CommitmentDoc[] };
  return { kind: 'commitment', items: res.list };
}

export async function reviewApplication(payload: Payload, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(reviewApplicationInput, payload);
  const coll = db.collection(COLLECTIONS.applications);
  const before = await fetchById<ApplicationDoc>(coll.doc(input.applicationId));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该申请');
  assertInScope(staff, before);
  if (before.status !== 'pending') throw alreadyReviewed(before.status);

  const approve = input.decision === 'approve';
  const decided = {
    status: approve ? 'approved' : 'rejected',
    reviewedBy: actorOf(staff),
    reviewedAt: now,
    ...(input.reason !== undefined ? { decisionReason: input.reason } : {}),
  } as const;
  const _ = db.command;
  const claim = (await coll.where({ _id: before._id, status: 'pending' }).update({ data: { ...decided, pendingKey: _.remove() } })) as {
    stats: { updated: number };
  };
  if (claim.stats.updated !== 1) throw alreadyReviewed('decided');

  let entity: EntityDoc | undefined;
  let code: CodeDoc | undefined;
  if (approve) {
    try {
      entity = await ensureEntity(db, staff, before, now);
      code = await ensureCode(db, staff, entity, now);
      await coll.doc(before._id).update({ data: { entityId: entity._id, codeId: code._id } });
    } catch (e) {
      // Put the application back in the queue so the approval can be retried.
      try {
        await coll
          .where({ _id: before._id, status: 'approved' })
          .update({ data: { status: 'pending', pendingKey: before.uscc, reviewedBy: _.remove(), reviewedAt: _.remove() } });
      } catch {
        // A new pending application for the same USCC took the key meanwhile; this one stays decided.
      }
      throw e;
    }
  }
  const { pendingKey: _p, ...beforeView } = before;
  const after = { ...beforeView, ...decided, ...(entity ? { entityId: entity._id } : {}), ...(code ? { codeId: code._id } : {}) };
  await auditByStaff(db, staff, {
    at: now,
    action: approve ? 'reviewApplication.approve' : 'reviewApplication.reject',
    target: { collection: COLLECTIONS.applications, id: before._id },
    before: beforeView,
    after,
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
  return { application: after, ...(code ? { code: { codeId: code._id, version: code.version, status: code.status } } : {}) };
}

function alreadyReviewed(status: string): DomainError {
  return new DomainError('ALREADY_REVIEWED', '该事项已审核，不能重复审核', { status });
}

/** The entity of the USCC, created from the application if new; the applicant becomes an owner. */
async function ensureEntity(db: Database, staff: Staff, app: ApplicationDoc, now: Date): Promise<EntityDoc> {
  const coll = db.collection(COLLECTIONS.entities);
  const existing = await fetchOne<EntityDoc>(coll.where({ uscc: app.uscc }).limit(1));
  if (existing) return addOwner(db, staff, existing, app.applicantOpenid, now);
  const doc: Omit<EntityDoc, '_id'> = {
    uscc: app.uscc,
    name: app.entityName,
    nameKeys: nameSearchKeys(app.entityName),
    category: app.category,
    districtCode: app.districtCode,
    address: app.address,
    field: app.field,
    ownerOpenids: [app.applicantOpenid],
    contactName: app.contactName,
    contactPhone: app.contactPhone,
    ...(app.storefrontPhoto ? { storefrontPhoto: app.storefrontPhoto } : {}),
    createdAt: now,
    updatedAt: now,
  };
  try {
    const res = (await coll.add({ data: doc })) as { _id: string };
    const entity = { ...doc, _id: res._id };
    await auditByStaff(db, staff, {
      at: now,
      action: 'entity.create',
      target: { collection: COLLECTIONS.entities, id: entity._id },
      before: null,
      after: entity,
    });
    return entity;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const raced = await fetchOne<EntityDoc>(coll.where({ uscc: app.uscc }).limit(1));
    if (!raced) throw e;
    return addOwner(db, staff, raced, app.applicantOpenid, now);
  }
}

async function addOwner(db: Database, staff: Staff, entity: EntityDoc, openid: string, now: Date): Promise<EntityDoc> {
  if (entity.ownerOpenids.includes(openid)) return entity;
  await db
    .collection(COLLECTIONS.entities)
    .doc(entity._id)
    .update({ data: { ownerOpenids: db.command.addToSet(openid), updatedAt: now } });
  const after = { ...entity, ownerOpenids: [...entity.ownerOpenids, openid], updatedAt: now };
  await auditByStaff(db, staff, {
    at: now,
    action: 'entity.addOwner',
    target: { collection: COLLECTIONS.entities, id: entity._id },
    before: { ownerOpenids: entity.ownerOpenids },
    after: { ownerOpenids: after.ownerOpenids },
  });
  return after;
}

/** The entity's live code, or a new one (next version after any revoked ones). */
async function ensureCode(db: Database, staff: Staff, entity: EntityDoc, now: Date): Promise<CodeDoc> {
  const live = await findLiveCode(db, entity._id);
  if (live) return live;
  const last = await fetchOne<CodeDoc>(db.collection(COLLECTIONS.codes).where({ entityId: entity._id }).orderBy('version', 'desc').limit(1));
  try {
    const code = await issueCode(db, entity, actorOf(staff), now, (last?.version ?? 0) + 1);
    await auditByStaff(db, staff, {
      at: now,
      action: 'code.issue',
      target: { collection: COLLECTIONS.codes, id: code._id },
      before: null,
      after: code,
    });
    return code;
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'CODE_EXISTS') throw e;
    const raced = await findLiveCode(db, entity._id);
    if (!raced) throw e;
    return raced;
  }
}

export async function reviewCommitment(payload: Payload, { caller, db, now }: ActionContext) {
  const staff = await loadStaff(db, caller.openid);
  const input = parseOrThrow(reviewCommitmentInput, payload);
  const coll = db.collection(COLLECTIONS.commitments);
  const before = await fetchById<CommitmentDoc>(coll.doc(input.commitmentId));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该承诺');
  if (staff.role === 'district') {
    const entity = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: before.uscc }).limit(1));
    assertInScope(staff, { districtCode: entity?.districtCode });
  } else assertInScope(staff, before);
  if (before.status !== 'pending') throw alreadyReviewed(before.status);
  const decided = {
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    ...(input.reason !== undefined ? { decisionReason: input.reason } : {}),
  } as const;
  const res = (await coll.where({ _id: before._id, status: 'pending' }).update({ data: decided })) as { stats: { updated: number } };
  if (res.stats.updated !== 1) throw alreadyReviewed('decided');
  const after = { ...before, ...decided };
  await auditByStaff(db, staff, {
    at: now,
    action: input.decision === 'approve' ? 'reviewCommitment.approve' : 'reviewCommitment.reject',
    target: { collection: COLLECTIONS.commitments, id: before._id },
    before,
    after,
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
  return { commitment: after };
}
