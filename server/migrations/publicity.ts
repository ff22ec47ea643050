/**
 * Migration for the official 公开类型 value: commitments stored before the 主动承诺信息表's own wording
 * was adopted say 社会公开, and public pages show only 可向社会公开 (core/profile.ts PUBLIC_PUBLICITY), so
 * those commitments stay hidden until renamed. `renameOldPublicity` renames one bounded batch (at most
 * `batch` reads and one conditional write), audits it as the system with the ids it changed, and says
 * whether more remain; it is idempotent, so scripts/migrate-publicity.ts runs it until done.
 */
import { PUBLIC_PUBLICITY } from '../../core/profile';
import { audit } from '../audit';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS } from '../model';

/** The value older versions stored for 可向社会公开. */
export const OLD_PUBLIC_PUBLICITY = '社会公开';

export async function renameOldPublicity(db: Database, now: Date, batch = 100): Promise<{ updated: number; more: boolean }> {
  const commitments = db.collection(COLLECTIONS.commitments);
  const old = await fetchAll<{ _id: string }>(commitments.where({ publicity: OLD_PUBLIC_PUBLICITY }).field({ _id: true }).limit(batch));
  if (old.length === 0) return { updated: 0, more: false };
  const ids = old.map((c) => c._id);
  // Conditional on the old value: a commitment changed in between is left as it now is.
  const res = (await commitments
    .where({ _id: db.command.in(ids), publicity: OLD_PUBLIC_PUBLICITY })
    .update({ data: { publicity: PUBLIC_PUBLICITY } })) as { stats?: { updated?: number } };
  const updated = res.stats?.updated ?? 0;
  await audit(db, {
    at: now,
    actor: 'system',
    role: 'system',
    action: 'migration.publicity',
    target: { collection: COLLECTIONS.commitments, id: ids[0]! },
    before: { publicity: OLD_PUBLIC_PUBLICITY, ids },
    after: { publicity: PUBLIC_PUBLICITY, updated },
  });
  return { updated, more: old.length === batch };
}
