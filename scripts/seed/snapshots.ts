/**
 * 60 days of rate snapshots up to today, the curve the bulletin shows: each day's figures are what
 * the timer would have taken that evening (computeCityStats over the codes active by then and each
 * district's latest totals, as cityStats counts them; rateSnapshot as takeSnapshot stores them).
 */
import { DISTRICTS } from '../../core';
import { chinaDate, computeCityStats, dateOfDayNumber, dayNumber, type DistrictCounts } from '../../core/rates';
import type { CodeDoc, DistrictTotalsDoc } from '../../server/model';
import { rateSnapshot, type RateSnapshotDoc } from '../../server/staff/stats';
import { atChina } from './demo';

/** A district's latest totals dated on or before `date` that are not withdrawn (the newest import of a day wins). */
function totalsAsOf(totals: readonly DistrictTotalsDoc[], districtCode: string, date: string): DistrictTotalsDoc | undefined {
  return totals
    .filter((t) => t.districtCode === districtCode && t.asOf <= date && t.withdrawn !== true)
    .sort((a, b) => (a.asOf !== b.asOf ? (a.asOf < b.asOf ? 1 : -1) : b.createdAt.getTime() - a.createdAt.getTime()))[0];
}

/**
 * The codes' issue days stand for when they became active (the demo's suspended and revoked codes
 * never count, as if they had been so all along).
 */
export function rateSnapshots(
  codes: readonly CodeDoc[],
  totals: readonly DistrictTotalsDoc[],
  todayN: number,
  days = 60,
): RateSnapshotDoc[] {
  const activeDays = new Map<string, number[]>();
  for (const c of codes) {
    if (c.status !== 'active') continue;
    const list = activeDays.get(c.districtCode) ?? [];
    list.push(dayNumber(chinaDate(c.issuedAt)));
    activeDays.set(c.districtCode, list);
  }
  const snapshots: RateSnapshotDoc[] = [];
  for (let day = todayN - days + 1; day <= todayN; day++) {
    const date = dateOfDayNumber(day);
    const counts = DISTRICTS.map((d): DistrictCounts => {
      const t = totalsAsOf(totals, d.code, date);
      return {
        districtCode: d.code,
        coded: (activeDays.get(d.code) ?? []).filter((x) => x <= day).length,
        ...(t ? { marketEntities: t.marketEntities, xinyidai: t.xinyidaiRegistered, totalsAsOf: t.asOf } : {}),
      };
    });
    snapshots.push(rateSnapshot(computeCityStats(counts), date, atChina(day, 23, 55)));
  }
  return snapshots;
}
