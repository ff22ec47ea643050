/**
 * Which entity the caller may act for. Ownership is `ownerOpenids` on the entity, set when
 * staff approve the caller's application; the openid comes from the WeChat context only.
 */
import { DomainError } from '../../core';
import type { Database } from '../cloud';
import { fetchAll, fetchOne } from '../db';
import { COLLECTIONS, type EntityDoc } from '../model';

export async function ownedEntities(db: Database, openid: string): Promise<EntityDoc[]> {
  return fetchAll<EntityDoc>(db.collection(COLLECTIONS.entities).where({ ownerOpenids: openid }).orderBy('createdAt', 'asc').limit(100));
}

/**
 * The caller's entity with this (already validated) USCC, or their only/first one when it is left
 * out; NOT_OWNER / NO_ENTITY otherwise.
 */
export async function ownedEntity(db: Database, openid: string, code: string | undefined): Promise<EntityDoc> {
  if (code !== undefined) {
    const entity = await fetchOne<EntityDoc>(db.collection(COLLECTIONS.entities).where({ uscc: code, ownerOpenids: openid }).limit(1));
    if (!entity) throw new DomainError('NOT_OWNER', '您不是该市场主体的经办人，或该主体尚未获得诚信码');
    return entity;
  }
  const [first] = await ownedEntities(db, openid);
  if (!first) throw new DomainError('NO_ENTITY', '您名下还没有已赋码的市场主体，请先申请诚信码');
  return first;
}
