/**
 * Claim codes (认领码): how an entity whose code the office issued from collected data (生码) becomes
 * an owner's. One claim per entity (`_id` = entityId), open for 90 days, used once.
 *
 * Stored hashed, yet issuing twice gives the same claim code back (issueCodes is idempotent and
 * printBatch prints the slip later): the code is derived, HMAC(secret, entityId:nonce), from a
 * secret the database never holds (CLAIM_CODE_SECRET; a fixed development secret under the local
 * cloud). The claim document stores only the nonce and a salted hash, so reading the database
 * does not reveal a single claim code; renewing an expired claim draws a new nonce (new code).
 *
 * Tries: each check first takes a try with a conditional increment (`tries < 5`), so however many
 * calls race, at most five are evaluated; the fifth wrong one locks the claim for a day.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../core';
import type { Database } from './cloud';
import { isLocalCloud } from './cloud';
import { fetchById } from './db';
import { isDuplicateKeyError } from './db-errors';
import { COLLECTIONS } from './model';

export const CLAIM_VALID_DAYS = 90;
export const MAX_CLAIM_TRIES = 5;
export const CLAIM_LOCK_MS = 24 * 3600_000;
/** Unambiguous characters (no 0/O, 1/I/L): read off paper and typed on a phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 8;

export type ClaimStatus = 'open' | 'claimed';

export interface ClaimDoc {
  /** = entityId. */
  _id: string;
  entityId: string;
  uscc: string;
  codeId: string;
  status: ClaimStatus;
  /** Random per issue; with the secret it determines the claim code. */
  nonce: string;
  salt: string;
  /** sha256(salt + claim code). */
  hash: string;
  issuedAt: Date;
  expiresAt: Date;
  issuedBy: string;
  departmentId?: string;
  department?: string;
  /** Tries taken in the current window; reset when a lock expires. */
  tries: number;
  lockedUntil?: Date;
  claimedBy?: string;
  claimedAt?: Date;
}

function secret(): string {
  const s = process.env.CLAIM_CODE_SECRET;
  if (s && s.length >= 16) return s;
  if (isLocalCloud()) return 'localcloud-development-claim-secret';
  throw new DomainError('NOT_CONFIGURED', '认领码密钥未配置（CLAIM_CODE_SECRET），请联系系统管理员');
}

/** The claim code of `entityId` under `nonce`: 8 characters of the unambiguous alphabet. */
export function deriveClaimCode(entityId: string, nonce: string): string {
  const mac = createHmac('sha256', secret()).update(`${entityId}:${nonce}`).digest();
  let code = '';
  for (let i = 0; i < CLAIM_CODE_LENGTH; i++) code += ALPHABET[mac[i]! % ALPHABET.length];
  return code;
}

/** What a person typed, as the code is printed: upper case, no spaces or dashes. */
export function normaliseClaimCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

function hashOf(salt: string, code: string): string {
  return createHash('sha256').update(salt).update(code).digest('hex');
}

export function claimMatches(claim: Pick<ClaimDoc, 'salt' | 'hash'>, typed: string): boolean {
  const a = Buffer.from(hashOf(claim.salt, normaliseClaimCode(typed)), 'hex');
  const b = Buffer.from(claim.hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isExpired(claim: Pick<ClaimDoc, 'expiresAt'>, now: Date): boolean {
  return new Date(claim.expiresAt).getTime() <= now.getTime();
}

export async function loadClaim(db: Database, entityId: string): Promise<ClaimDoc | undefined> {
  return fetchById<ClaimDoc>(db.collection(COLLECTIONS.claims).doc(entityId));
}

export interface IssuedClaim {
  claim: ClaimDoc;
  claimCode: string;
}

/**
 * The entity's open, unexpired claim with its code; otherwise a new one (a first one, or a renewal
 * of an expired one). Never for a claimed entity: returns undefined then.
 */
export async function openClaim(
  db: Database,
  entity: { _id: string; uscc: string },
  codeId: string,
  by: { issuedBy: string; departmentId?: string; department?: string },
  now: Date,
): Promise<IssuedClaim | undefined> {
  const coll = db.collection(COLLECTIONS.claims);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await loadClaim(db, entity._id);
    if (existing?.status === 'claimed') return undefined;
    if (existing && !isExpired(existing, now) && existing.codeId === codeId) {
      return { claim: existing, claimCode: deriveClaimCode(entity._id, existing.nonce) };
    }
    const nonce = randomBytes(12).toString('hex');
    const salt = randomBytes(12).toString('hex');
    const claimCode = deriveClaimCode(entity._id, nonce);
    const fresh: ClaimDoc = {
      _id: entity._id,
      entityId: entity._id,
      uscc: entity.uscc,
      codeId,
      status: 'open',
      nonce,
      salt,
      hash: hashOf(salt, claimCode),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + CLAIM_VALID_DAYS * 86_400_000),
      issuedBy: by.issuedBy,
      ...(by.departmentId ? { departmentId: by.departmentId } : {}),
      ...(by.department ? { department: by.department } : {}),
      tries: 0,
    };
    if (!existing) {
      try {
        await coll.add({ data: fresh });
        return { claim: fresh, claimCode };
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
        continue; // issued concurrently: read theirs
      }
    }
    // Renew: only if nobody claimed or renewed it meanwhile (same nonce, still open).
    const { _id: _omit, ...rest } = fresh;
    const res = (await coll.where({ _id: entity._id, status: 'open', nonce: existing.nonce }).update({
      data: { ...rest, lockedUntil: db.command.remove() },
    })) as { stats: { updated: number } };
    if (res.stats.updated === 1) return { claim: fresh, claimCode };
  }
  throw new DomainError('CONFLICT', '认领码正在被同时生成，请稍后重试');
}

/**
 * Take one try of the claim; false when it is locked (five tries taken and the day not over).
 * A lock that has run out is lifted first.
 */
export async function takeTry(db: Database, claim: ClaimDoc, now: Date): Promise<boolean> {
  const _ = db.command;
  const coll = db.collection(COLLECTIONS.claims);
  if (claim.lockedUntil && new Date(claim.lockedUntil).getTime() <= now.getTime()) {
    await coll.where({ _id: claim._id, lockedUntil: _.lte(now) }).update({ data: { tries: 0, lockedUntil: _.remove() } });
  }
  const res = (await coll
    .where({ _id: claim._id, status: 'open', tries: _.lt(MAX_CLAIM_TRIES) })
    .update({ data: { tries: _.inc(1) } })) as {
    stats: { updated: number };
  };
  return res.stats.updated === 1;
}

/** After a wrong try: lock for a day once the tries are used up. Returns the tries left. */
export async function afterWrongTry(db: Database, claimId: string, now: Date): Promise<number> {
  const after = await loadClaim(db, claimId);
  const used = after?.tries ?? MAX_CLAIM_TRIES;
  if (used >= MAX_CLAIM_TRIES && !after?.lockedUntil) {
    await db
      .collection(COLLECTIONS.claims)
      .where({ _id: claimId, tries: db.command.gte(MAX_CLAIM_TRIES), lockedUntil: db.command.exists(false) })
      .update({ data: { lockedUntil: new Date(now.getTime() + CLAIM_LOCK_MS) } });
  }
  return Math.max(0, MAX_CLAIM_TRIES - used);
}

/** Mark the claim used by `openid`; false when someone else used it first. */
export async function markClaimed(db: Database, claimId: string, openid: string, now: Date): Promise<boolean> {
  const res = (await db
    .collection(COLLECTIONS.claims)
    .where({ _id: claimId, status: 'open' })
    .update({ data: { status: 'claimed', claimedBy: openid, claimedAt: now } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}
