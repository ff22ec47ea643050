/**
 * When and why a code got its current status, for the public: the date and a reason *category*
 * (core/code-reasons.ts), never the free-text reason or who decided. The one place that maps a
 * stored history entry to the public words.
 */
import { beijingDate, codeReasonLabel, type PublicStatusChange } from '../../core';
import type { Database } from '../cloud';
import { fetchById } from '../db';
import { COLLECTIONS, type CodeStatus } from '../model';

interface HistoryEntry {
  at?: unknown;
  status?: unknown;
  category?: unknown;
}

/** The latest history entry that set `status`; undefined when the history does not say. */
export function statusChangeOf(history: unknown, status: CodeStatus): PublicStatusChange | undefined {
  if (!Array.isArray(history)) return undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i] as HistoryEntry | null;
    if (!e || e.status !== status) continue;
    const on = beijingDate(e.at);
    return on ? { on, category: codeReasonLabel(typeof e.category === 'string' ? e.category : undefined) } : undefined;
  }
  return undefined;
}

/** One read of the code's history: only for suspended and revoked codes, which are rare. */
export async function loadStatusChange(db: Database, codeId: string, status: CodeStatus): Promise<PublicStatusChange | undefined> {
  const doc = await fetchById<{ history?: unknown }>(db.collection(COLLECTIONS.codes).doc(codeId).field({ history: true }));
  return statusChangeOf(doc?.history, status);
}
