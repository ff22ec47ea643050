/**
 * Scan counts (扫码次数): how often a code was checked, per code and China-time day — one counter
 * document per code and day, incremented atomically, and never who scanned (no openid, no IP).
 * The merchant sees their entity's last 30 days; staff see the scans per district.
 */
import { chinaDate, dayNumber, dateOfDayNumber, DISTRICTS, districtName } from '../core';
import type { ScanDays } from '../core/contract/merchant';
import type { DistrictScans } from '../core/contract/staff-supervision';
import type { Database } from './cloud';
import { fetchAll } from './db';
import { isDuplicateKeyError } from './db-errors';
import { COLLECTIONS } from './model';

export interface ScanCountDoc {
  /** `<codeId>@<YYYY-MM-DD>`. */
  _id: string;
  codeId: string;
  entityId: string;
  districtCode: string;
  /** China-time calendar day. */
  day: string;
  n: number;
}

export const SCAN_WINDOW_DAYS = 30;

/** Count one check of `code` today. */
export async function countScan(db: Database, code: { _id: string; entityId: string; districtCode: string }, now: Date): Promise<void> {
  const day = chinaDate(now);
  const id = `${code._id}@${day}`;
  const counts = db.collection(COLLECTIONS.scanCounts);
  const inc = { data: { n: db.command.inc(1) } };
  const res = (await counts.where({ _id: id }).update(inc)) as { stats?: { updated?: number } };
  if (res.stats?.updated) return;
  const doc: ScanCountDoc = { _id: id, codeId: code._id, entityId: code.entityId, districtCode: code.districtCode, day, n: 1 };
  try {
    await counts.add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e) && !/exist/i.test(String((e as Error)?.message ?? e))) throw e;
    await counts.where({ _id: id }).update(inc); // another scan created it first
  }
}

/** The first day of the window ending today. */
function windowStart(now: Date): string {
  return dateOfDayNumber(dayNumber(chinaDate(now)) - (SCAN_WINDOW_DAYS - 1));
}

/** An entity's checks per day over the last 30 days (every code it has had), oldest first, zeros included. */
export async function entityScans(db: Database, entityId: string, now: Date): Promise<ScanDays> {
  const from = windowStart(now);
  // At most one document per code and day: 30 days × a few codes stays far below the read limit.
  const docs = await fetchAll<ScanCountDoc>(
    db
      .collection(COLLECTIONS.scanCounts)
      .where({ entityId, day: db.command.gte(from) })
      .limit(1000),
  );
  const perDay = new Map<string, number>();
  for (const d of docs) perDay.set(d.day, (perDay.get(d.day) ?? 0) + d.n);
  const days = Array.from({ length: SCAN_WINDOW_DAYS }, (_, i) => {
    const day = dateOfDayNumber(dayNumber(from) + i);
    return { day, n: perDay.get(day) ?? 0 };
  });
  return { days, total: days.reduce((s, d) => s + d.n, 0) };
}

/** Checks per district over the last 30 days: one aggregate in the database. */
export async function districtScans(db: Database, now: Date): Promise<DistrictScans> {
  const from = windowStart(now);
  const $ = db.command.aggregate;
  const res = (await db
    .collection(COLLECTIONS.scanCounts)
    .aggregate()
    .match({ day: db.command.gte(from) })
    .group({ _id: '$districtCode', scans: $.sum('$n') })
    .limit(100)
    .end()) as { list: Array<{ _id: string; scans: number }> };
  const by = new Map(res.list.map((r) => [r._id, r.scans]));
  return {
    from,
    to: chinaDate(now),
    districts: DISTRICTS.map((d) => ({ districtCode: d.code, districtName: districtName(d.code) ?? d.name, scans: by.get(d.code) ?? 0 })),
  };
}
