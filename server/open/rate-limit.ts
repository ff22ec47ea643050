/**
 * Requests per client per minute for the open API. Function instances share nothing, so the count
 * lives in the database: one document per client and minute, incremented atomically (`inc`), so
 * concurrent requests each count once. A reconciliation point with server/limits.ts takeQuota.
 */
import type { Database } from '../cloud';
import { fetchById } from '../db';
import { isDuplicateKeyError } from '../db-errors';
import { COLLECTIONS } from '../model';

export const OPEN_API_PER_MINUTE = 60;

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  readonly retryAfter: number;
  readonly remaining: number;
}

/** Counts this request for `client` and says whether it is within the limit. */
export async function takeOpenApiHit(db: Database, client: string, now: Date, limit = OPEN_API_PER_MINUTE): Promise<RateDecision> {
  const minute = Math.floor(now.getTime() / 60_000);
  const id = `${client.slice(0, 64)}@${minute}`;
  const hits = db.collection(COLLECTIONS.openApiHits);
  const inc = { data: { n: db.command.inc(1) } };
  const res = (await hits.doc(id).update(inc)) as { stats?: { updated?: number } };
  if (!res.stats?.updated) {
    try {
      // Kept for a day at most: the daily timer may remove documents whose expireAt has passed.
      await hits.add({ data: { _id: id, n: 1, expireAt: new Date((minute + 1) * 60_000 + 86_400_000) } });
    } catch (e) {
      if (!isDuplicateKeyError(e) && !/exist/i.test(String((e as Error)?.message ?? e))) throw e;
      await hits.doc(id).update(inc);
    }
  }
  const doc = await fetchById<{ n: number }>(hits.doc(id));
  const n = doc?.n ?? 1;
  return {
    allowed: n <= limit,
    retryAfter: Math.max(1, (minute + 1) * 60 - Math.floor(now.getTime() / 1000)),
    remaining: Math.max(0, limit - n),
  };
}
