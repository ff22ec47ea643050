/**
 * Issuing integrity codes. Both review (staff) and reissue use this; the unique
 * index on `liveKey` makes "at most one live code per entity" hold under races.
 */
import { randomBytes } from 'node:crypto';
import { codeIdFromBytes, DomainError } from '../core';
import type { Database } from './cloud';
import { fetchOne } from './db';
import { isDuplicateKeyError } from './db-errors';
import { COLLECTIONS, type CodeDoc, type EntityDoc } from './model';
import { markRegisterCoded } from './register-coded';

export function newCodeId(): string {
  return codeIdFromBytes(randomBytes(22));
}

/** The entity's live (active or suspended) code, if any. */
export async function findLiveCode(db: Database, entityId: string): Promise<CodeDoc | undefined> {
  return fetchOne<CodeDoc>(db.collection(COLLECTIONS.codes).where({ liveKey: entityId }).limit(1));
}

/** A freshly issued code (active and live) as stored; the seed builds its demo codes with it too. */
export function newCodeDoc(
  id: string,
  entity: Pick<EntityDoc, '_id' | 'uscc' | 'districtCode' | 'field'>,
  by: string,
  at: Date,
  version = 1,
  reason = version === 1 ? '审核通过，赋码' : '重新赋码',
): CodeDoc {
  return {
    _id: id,
    entityId: entity._id,
    uscc: entity.uscc,
    districtCode: entity.districtCode,
    field: entity.field,
    status: 'active',
    version,
    liveKey: entity._id,
    issuedAt: at,
    history: [{ at, status: 'active', by, reason }],
  };
}

/** Issue version `version` of the entity's code; fails with CODE_EXISTS if one is live. */
export async function issueCode(
  db: Database,
  entity: Pick<EntityDoc, '_id' | 'uscc' | 'districtCode' | 'field'>,
  by: string,
  now: Date,
  version = 1,
  reason = version === 1 ? '审核通过，赋码' : '重新赋码',
): Promise<CodeDoc> {
  const code = newCodeDoc(newCodeId(), entity, by, now, version, reason);
  try {
    await db.collection(COLLECTIONS.codes).add({ data: code });
  } catch (e) {
    if (isDuplicateKeyError(e)) throw new DomainError('CODE_EXISTS', '该主体已有有效的诚信码');
    throw e;
  }
  await markRegisterCoded(db, [entity.uscc], true); // outreach lists leave coded entities out
  return code;
}
