/**
 * Entities and codes as staff bring them into being: approving an application (review.ts) and 生码
 * from what the departments collected (issue-codes.ts). Both race other calls for the same USCC, so
 * both fall back to whatever the winning call stored.
 */
import { DomainError, nameSearchKeys } from '../../core';
import type { Database } from '../cloud';
import { findLiveCode, issueCode } from '../codes';
import { fetchOne } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { COLLECTIONS, type CodeDoc, type EntityDoc } from '../model';
import { actorOf, auditByStaff, type Staff } from './roles';

/** How a creation is audited: the action's name, a note on the code, and what else the audit keeps (e.g. the department). */
export interface CreationAudit {
  readonly action: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export type NewEntity = Omit<EntityDoc, '_id' | 'nameKeys' | 'createdAt' | 'updatedAt'>;

/** Adds the entity, audited; if another call stored the same USCC first, that one (`created: false`). */
export async function createEntity(
  db: Database,
  staff: Staff,
  fields: NewEntity,
  now: Date,
  audit: CreationAudit,
): Promise<{ entity: EntityDoc; created: boolean }> {
  const coll = db.collection(COLLECTIONS.entities);
  const doc: Omit<EntityDoc, '_id'> & { nameKeys: string[] } = {
    ...fields,
    nameKeys: nameSearchKeys(fields.name),
    createdAt: now,
    updatedAt: now,
  };
  try {
    const res = (await coll.add({ data: doc })) as { _id: string };
    const entity = { ...doc, _id: res._id };
    await auditByStaff(db, staff, {
      at: now,
      action: audit.action,
      target: { collection: COLLECTIONS.entities, id: entity._id },
      before: null,
      after: { ...entity, ...audit.extra },
    });
    return { entity, created: true };
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const raced = await fetchOne<EntityDoc>(coll.where({ uscc: fields.uscc }).limit(1));
    if (!raced) throw e;
    return { entity: raced, created: false };
  }
}

/** The entity's live code, or a new active one (the next version after revoked ones), audited. */
export async function ensureLiveCode(
  db: Database,
  staff: Staff,
  entity: EntityDoc,
  now: Date,
  audit: CreationAudit & { readonly note?: string },
): Promise<CodeDoc> {
  const live = await findLiveCode(db, entity._id);
  if (live) return live;
  const last = await fetchOne<CodeDoc>(
    db.collection(COLLECTIONS.codes).where({ entityId: entity._id }).orderBy('version', 'desc').limit(1),
  );
  let code: CodeDoc;
  try {
    code = await issueCode(db, entity, actorOf(staff), now, (last?.version ?? 0) + 1, audit.note);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'CODE_EXISTS') throw e;
    const raced = await findLiveCode(db, entity._id);
    if (!raced) throw e;
    return raced;
  }
  await auditByStaff(db, staff, {
    at: now,
    action: audit.action,
    target: { collection: COLLECTIONS.codes, id: code._id },
    before: null,
    after: { ...code, ...audit.extra },
  });
  return code;
}
