/**
 * The review queue: applications for a code and self-declared commitments, approved or rejected
 * with a reason. Approving an application creates (or joins) the entity and issues its code.
 *
 * Concurrency: a decision first claims the item with a conditional update (status still
 * 'pending'), so of two reviewers only one decides; approval then makes the entity and the code
 * idempotently (uscc and liveKey are unique), so a retried or doubled approval never issues a
 * second code.
 */
import { districtName, DomainError, isTakeover } from '../../core';
import type { ParsedOf } from '../../core/contract/define';
import type { QueuedCommitment, staffOfficeContract } from '../../core/contract/staff-office';
import { getCloud, type Database } from '../cloud';
import { fetchAll, fetchById, fetchOne, countOf } from '../db';
import { evidenceFor, flagsOf, loadFacts, repointPendingApplications } from '../entitlement';
import { releaseSlot } from '../limits';
import { pendingSlotId } from '../merchant/apply';
import { COLLECTIONS, type ApplicationDoc, type CodeDoc, type CommitmentDoc, type EntityDoc, type RegisterDoc } from '../model';
import { notify, notifyAll } from '../notify';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';
import { createEntity, ensureLiveCode } from './entity-codes';
import { actorOf, auditByStaff, assertInScope, scopeFilter, type Staff } from './roles';

type Contract = typeof staffOfficeContract;

/** A keyword as a literal pattern (never a user-supplied regular expression). */
function literal(keyword: string): string {
  return keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The applications queue (or the commitments queue): in the staff member's scope, paged with
 * `total`, searchable by a fragment of the name or the USCC. Each application carries the
 * automatic checks (flags, the register row, the entity and its code history) and short-lived
 * URLs of its photos: the licence photo is shown to the reviewing staff only, never stored on
 * the entity.
 */
export async function applications(q: ParsedOf<Contract['applications']>, { db, staff }: StaffContext) {
  if (q.kind === 'commitment') return toWire(await commitmentQueue(db, staff, q));
  const _ = db.command;
  const base = { status: q.status, ...scopeFilter(staff, q.districtCode) };
  const where =
    q.keyword === undefined
      ? base
      : _.and([
          base,
          _.or([
            { entityName: db.RegExp({ regexp: literal(q.keyword), options: 'i' }) },
            { uscc: db.RegExp({ regexp: literal(q.keyword.toUpperCase()) }) },
          ]),
        ]);
  const coll = db.collection(COLLECTIONS.applications);
  const [items, total] = await Promise.all([
    fetchAll<ApplicationDoc>(
      coll
        .where(where)
        .orderBy('createdAt', q.status === 'pending' ? 'asc' : 'desc')
        .skip(q.offset)
        .limit(q.limit),
    ),
    countOf(coll.where(where)),
  ]);
  const [evidence, urls] = await Promise.all([
    evidenceFor(db, items),
    photoUrls(items.flatMap((a) => [a.licencePhoto, a.storefrontPhoto]).filter((f): f is string => typeof f === 'string' && f !== '')),
  ]);
  return toWire({
    kind: q.kind,
    total,
    items: items.map(({ pendingKey: _p, ...rest }, i) => ({
      ...rest,
      submittedAt: rest.createdAt,
      evidence: evidence[i]!,
      takeover: isTakeover(evidence[i]!.flags),
      licencePhotoUrl: (rest.licencePhoto && urls.get(rest.licencePhoto)) || '',
      storefrontPhotoUrl: (rest.storefrontPhoto && urls.get(rest.storefrontPhoto)) || '',
    })),
  });
}

/** Temporary download URLs (an hour) of stored photos; a photo that cannot be read shows as none. */
async function photoUrls(fileIDs: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const list = [...new Set(fileIDs)].filter((f) => f.startsWith('cloud://'));
  if (list.length === 0) return urls;
  try {
    const res = (await getCloud().getTempFileURL({ fileList: list.map((fileID) => ({ fileID, maxAge: 3600 })) } as never)) as {
      fileList?: { fileID: string; tempFileURL?: string; status?: number }[];
    };
    for (const f of res.fileList ?? []) if (f.tempFileURL && !f.status) urls.set(f.fileID, f.tempFileURL);
  } catch {
    // Storage unavailable: the card says the photo could not be shown; the decision is still the reviewer's.
  }
  return urls;
}

/**
 * Commitments carry no district; a district's queue joins them to their entity by uscc in the
 * database ($lookup), so paging stays correct.
 */
async function commitmentQueue(
  db: Database,
  staff: Staff,
  q: { status: string; districtCode?: string; offset: number; limit: number },
): Promise<{ kind: 'commitment'; items: QueuedCommitment[] }> {
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
    .end()) as { list: QueuedCommitment[] };
  return { kind: 'commitment', items: res.list };
}

/**
 * Approve or reject an application. Scope is checked against the entity's district (entity →
 * register → USCC area; the applicant's choice only for a city-level/outside code with neither)
 * and the entity's field, never the district the applicant typed. Approving for an entity that
 * already has other owners, or whose code was revoked, is a takeover: only staff of the entity's
 * district or the city may approve it, with `confirmTakeover: true` and a reason; the existing
 * owners are told.
 */
export async function reviewApplication(input: ParsedOf<Contract['reviewApplication']>, { db, now, staff }: StaffContext) {
  const coll = db.collection(COLLECTIONS.applications);
  const before = await fetchById<ApplicationDoc>(coll.doc(input.applicationId));
  if (!before) throw new DomainError('NOT_FOUND', '未找到该申请');
  const facts = await loadFacts(db, [before.uscc]);
  const known = facts.entity.get(before.uscc) ?? facts.register.get(before.uscc);
  // No entity, no register row: the district stored at filing (the USCC's area, or the applicant's choice for a city-level code).
  const districtCode = known?.districtCode ?? before.districtCode;
  const field = facts.entity.get(before.uscc)?.field ?? before.field;
  // The entity or register row now names another district: the application moves to that queue.
  if (before.status === 'pending' && districtCode !== before.districtCode) await repointPendingApplications(db, [before.uscc]);
  assertInScope(staff, { districtCode, field });
  if (before.status !== 'pending') throw alreadyReviewed(before.status);

  const approve = input.decision === 'approve';
  const existing = facts.entity.get(before.uscc);
  const flags = flagsOf(before, facts.register.get(before.uscc), existing, existing ? facts.codesOf(existing._id) : []);
  const takeover = approve && isTakeover(flags);
  if (takeover) {
    if (staff.role === 'department') {
      throw new DomainError('FORBIDDEN', '该主体已有经办人或诚信码曾被撤销，须由主体所在县（区）或市级管理员确认');
    }
    if (input.confirmTakeover !== true) {
      throw new DomainError(
        'TAKEOVER_CONFIRMATION_REQUIRED',
        flags.includes('revokedBefore')
          ? '该主体的诚信码曾被撤销，重新赋码前请确认“申请人有权代表该主体”并填写原因'
          : '该主体已有经办人，通过即增加经办人；请确认“申请人有权代表该主体”并填写原因',
        { flags },
      );
    }
  }
  const takeoverRecord = takeover
    ? {
        confirmedBy: actorOf(staff),
        reason: input.reason ?? '',
        previousOwners: existing?.ownerOpenids.filter((o) => o !== before.applicantOpenid).length ?? 0,
        revokedBefore: flags.includes('revokedBefore'),
      }
    : undefined;
  const decided = {
    status: approve ? 'approved' : 'rejected',
    reviewedBy: actorOf(staff),
    reviewedAt: now,
    districtCode,
    flags,
    ...(input.reason !== undefined ? { decisionReason: input.reason } : {}),
    ...(takeoverRecord ? { takeover: takeoverRecord } : {}),
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
      entity = await ensureEntity(db, staff, { ...before, districtCode }, facts.register.get(before.uscc), now, input.reason);
      code = await ensureLiveCode(db, staff, entity, now, { action: 'code.issue' });
      await coll.doc(before._id).update({ data: { entityId: entity._id, codeId: code._id } });
    } catch (e) {
      // Put the application back in the queue so the approval can be retried.
      try {
        await coll.where({ _id: before._id, status: 'approved' }).update({
          data: { status: 'pending', pendingKey: before.uscc, reviewedBy: _.remove(), reviewedAt: _.remove(), takeover: _.remove() },
        });
      } catch {
        // A new pending application for the same USCC took the key meanwhile; this one stays decided.
      }
      throw e;
    }
  }
  await releaseSlot(db, pendingSlotId(before.applicantOpenid));
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
  await tellPeople(db, before, approve, input.reason, existing, takeoverRecord !== undefined, districtCode, now);
  return toWire({ application: after, ...(code ? { code: { codeId: code._id, version: code.version, status: code.status } } : {}) });
}

/** The applicant learns the decision and what to do next; on a takeover the other owners are told. */
async function tellPeople(
  db: Database,
  app: ApplicationDoc,
  approved: boolean,
  reason: string | undefined,
  existing: EntityDoc | undefined,
  takeover: boolean,
  districtCode: string,
  now: Date,
): Promise<void> {
  const page = 'pages/my-entities/my-entities';
  await notify(
    db,
    approved
      ? {
          openid: app.applicantOpenid,
          kind: 'applicationDecided',
          title: '诚信码申请已通过',
          lines: [
            `${app.entityName}的诚信码申请已通过审核`,
            ...(reason ? [`审核意见：${reason}`] : []),
            '请在“我的诚信码”中查看、下载并张贴诚信码',
          ],
          page,
        }
      : {
          openid: app.applicantOpenid,
          kind: 'applicationDecided',
          title: '诚信码申请未通过',
          lines: [`${app.entityName}的诚信码申请未通过审核`, `原因：${reason ?? ''}`, '请按原因修改后重新申请，原填写内容已为您保留'],
          page: `pages/apply/apply?from=${app._id}`,
        },
    now,
  );
  if (takeover && existing) {
    const others = existing.ownerOpenids.filter((o) => o !== app.applicantOpenid);
    await notifyAll(
      db,
      others,
      {
        kind: 'ownerAdded',
        title: '主体经办人变更',
        lines: [
          `${existing.name}新增了一位经办人`,
          `经${districtName(districtCode) ?? '所在县（区）'}核实：${reason ?? ''}`,
          '如非本主体授权，请联系所在县（区）或拨打12345',
        ],
        page,
      },
      now,
    );
  }
}

function alreadyReviewed(status: string): DomainError {
  return new DomainError('ALREADY_REVIEWED', '该事项已审核，不能重复审核', { status });
}

/** The entity of the USCC, created from the application if new; the applicant becomes an owner. */
async function ensureEntity(
  db: Database,
  staff: Staff,
  app: ApplicationDoc,
  reg: RegisterDoc | undefined,
  now: Date,
  reason?: string,
): Promise<EntityDoc> {
  const existing = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: app.uscc }).limit(1));
  if (existing) return addOwner(db, staff, existing, app.applicantOpenid, now, reason);
  const { entity, created } = await createEntity(
    db,
    staff,
    {
      uscc: app.uscc,
      // The register's spelling of the name is the official one (the applicant's matched it).
      name: reg?.name ?? app.entityName,
      category: app.category,
      districtCode: app.districtCode,
      address: app.address,
      field: app.field,
      ownerOpenids: [app.applicantOpenid],
      contactName: app.contactName,
      contactPhone: app.contactPhone,
      ...(app.storefrontPhoto ? { storefrontPhoto: app.storefrontPhoto } : {}),
    },
    now,
    { action: 'entity.create' },
  );
  return created ? entity : addOwner(db, staff, entity, app.applicantOpenid, now, reason);
}

async function addOwner(db: Database, staff: Staff, entity: EntityDoc, openid: string, now: Date, reason?: string): Promise<EntityDoc> {
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
    ...(reason !== undefined ? { reason } : {}),
  });
  return after;
}

/** The entity's live code, or a new one (next version after any revoked ones). */
export async function reviewCommitment(input: ParsedOf<Contract['reviewCommitment']>, { db, now, staff }: StaffContext) {
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
  return toWire({ commitment: after });
}
