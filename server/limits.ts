/**
 * Per-user limits that hold under concurrency. Counting existing documents and then inserting
 * (check-then-insert) lets 100 simultaneous calls all see "below the limit"; here each use is a
 * conditional increment of one counter document (`used < limit`), which the database applies
 * atomically, so exactly `limit` calls succeed however many race.
 *
 * Daily quotas (reports, objections, commitments per day) key the counter by China date; holding
 * limits (pending applications) take a slot with `takeSlot` and give it back with `releaseSlot`
 * when the item is decided or withdrawn.
 */
import { chinaDate, DomainError } from '../core';
import type { Database } from './cloud';
import { isDuplicateKeyError } from './db-errors';
import { COLLECTIONS } from './model';

interface QuotaDoc {
  _id: string;
  used: number;
  createdAt: Date;
}

async function increment(db: Database, id: string, limit: number): Promise<boolean> {
  const _ = db.command;
  const res = (await db
    .collection(COLLECTIONS.quotas)
    .where({ _id: id, used: _.lt(limit) })
    .update({ data: { used: _.inc(1) } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

async function ensureCounter(db: Database, id: string, now: Date): Promise<void> {
  try {
    const doc: QuotaDoc = { _id: id, used: 0, createdAt: now };
    await db.collection(COLLECTIONS.quotas).add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e; // another call created it first
  }
}

/** Take one use of counter `id` if fewer than `limit` are taken; false when the limit is reached. */
export async function takeSlot(db: Database, id: string, limit: number, now: Date): Promise<boolean> {
  if (await increment(db, id, limit)) return true;
  await ensureCounter(db, id, now);
  return increment(db, id, limit);
}

/** Give back one use (never below zero). */
export async function releaseSlot(db: Database, id: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.quotas)
    .where({ _id: id, used: _.gt(0) })
    .update({ data: { used: _.inc(-1) } });
}

/**
 * One use of today's quota `kind` for `who` (an openid), or `error` thrown. Calls without an
 * openid have no quota of their own and are refused: the caller must refuse them before.
 */
export async function takeDailyQuota(
  db: Database,
  kind: string,
  who: string,
  limit: number,
  now: Date,
  error: () => DomainError,
): Promise<void> {
  if (who === '') throw new DomainError('UNAUTHENTICATED', '请在微信中打开后再操作');
  if (!(await takeSlot(db, `${kind}:${who}:${chinaDate(now)}`, limit, now))) throw error();
}
