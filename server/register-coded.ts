/**
 * The register's `coded` flag: true while the entity has a live (active or suspended) code.
 * Outreach lists read `coded != true` through the district index instead of joining every
 * register row with the codes, so a district's first page costs two calls at any size. The flag
 * is set where a code goes live or is revoked; `liveUsccs` re-checks each page against the codes
 * and `healCoded` repairs rows whose flag was missed (a code issued by a path that does not set it).
 */
import type { Database } from './cloud';
import { fetchAll } from './db';
import { COLLECTIONS, type CodeDoc } from './model';

/** Largest `in` list per call (get() returns at most 1000 documents). */
export const IN_CHUNK = 500;

export function chunks<T>(xs: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The USCCs among `usccs` with a live code (one call per 500). */
export async function liveUsccs(db: Database, usccs: readonly string[]): Promise<Set<string>> {
  const _ = db.command;
  const live = new Set<string>();
  for (const part of chunks([...new Set(usccs)])) {
    const codes = await fetchAll<Pick<CodeDoc, 'uscc'>>(
      db
        .collection(COLLECTIONS.codes)
        .where({ uscc: _.in(part), status: _.in(['active', 'suspended']) })
        .field({ uscc: true })
        .limit(1000),
    );
    for (const c of codes) live.add(c.uscc);
  }
  return live;
}

/** Set the flag on the register rows of these USCCs (missing rows are simply not there). */
export async function markRegisterCoded(db: Database, usccs: readonly string[], coded: boolean): Promise<void> {
  const _ = db.command;
  for (const part of chunks([...new Set(usccs)])) {
    await db
      .collection(COLLECTIONS.register)
      .where({ uscc: _.in(part) })
      .update({ data: { coded } });
  }
}
