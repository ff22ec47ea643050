/**
 * Migration for the indexed name search: entities stored before `nameKeys` existed are invisible to
 * public.search by name until they get their keys. `backfillNameKeys` gives one batch of them their
 * keys and says whether more remain; it is idempotent and bounded (at most `batch` reads and
 * writes), so it can run from a script until done (scripts/backfill-name-keys.ts) or one batch per
 * timer run. Each write is conditional on the name it read, so a rename in between is never
 * overwritten with stale keys (the rename itself must set `nameKeys`, as every name write does).
 */
import { nameSearchKeys } from '../../core/search-keys';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS, type EntityDoc } from '../model';

export async function backfillNameKeys(db: Database, batch = 100): Promise<{ updated: number; more: boolean }> {
  const entities = db.collection(COLLECTIONS.entities);
  const missing = await fetchAll<Pick<EntityDoc, '_id' | 'name'>>(
    entities
      .where({ nameKeys: db.command.exists(false) })
      .field({ _id: true, name: true })
      .limit(batch),
  );
  let updated = 0;
  for (const e of missing) {
    if (typeof e.name !== 'string') continue;
    const res = (await entities.where({ _id: e._id, name: e.name }).update({ data: { nameKeys: nameSearchKeys(e.name) } })) as {
      stats?: { updated?: number };
    };
    updated += res.stats?.updated ?? 0;
  }
  return { updated, more: missing.length === batch };
}
