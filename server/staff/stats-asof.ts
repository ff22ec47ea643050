/**
 * District stats as of a cut-off date, for the 通报: code counts from that day's rate snapshot
 * (rateSnapshots, taken daily by the timer), totals from each district's latest districtTotals row
 * dated on or before it. A past date without a snapshot is refused (NO_SNAPSHOT): the codes of a
 * past day cannot be recounted from today's data. Today without a snapshot yet (the timer runs
 * once a day) falls back to the live count of active codes.
 *
 * (For the lead: the stats helper is adding an `asOf` parameter to stats.ts; this small function
 * does the same for the bulletin and can be folded into it.)
 */
import { chineseDate, computeCityStats, type CityStats, type DistrictCounts } from '../../core/rates';
import { DomainError } from '../../core';
import type { CodesFrom } from '../../core/bulletin-report';
import type { Database } from '../cloud';
import { fetchById } from '../db';
import { COLLECTIONS } from '../model';
import { cityStats, totalsAsOf, type RateSnapshotDoc } from './stats';

export interface StatsAsOf {
  readonly stats: CityStats;
  /** Where the code counts came from. */
  readonly codesFrom: CodesFrom;
}

export async function cityStatsAsOf(db: Database, cutoff: string, today: string): Promise<StatsAsOf> {
  if (cutoff > today) throw new DomainError('FUTURE_CUTOFF', `截至日期（${chineseDate(cutoff)}）不能晚于今天`);
  const [snapshot, totals] = await Promise.all([
    fetchById<RateSnapshotDoc>(db.collection(COLLECTIONS.rateSnapshots).doc(cutoff)),
    totalsAsOf(db, cutoff),
  ]);
  let coded: Map<string, number>;
  let codesFrom: StatsAsOf['codesFrom'] = 'snapshot';
  if (snapshot) {
    coded = new Map(snapshot.districts.map((d) => [d.districtCode, d.coded]));
  } else if (cutoff === today) {
    codesFrom = 'live';
    coded = new Map((await cityStats(db)).districts.map((d) => [d.districtCode, d.coded]));
  } else {
    throw new DomainError(
      'NO_SNAPSHOT',
      `${chineseDate(cutoff)}没有赋码统计快照（系统每日自动生成），无法按该日期统计；请选择有快照的日期或今天`,
      { cutoff },
    );
  }
  const counts = new Map<string, DistrictCounts>();
  for (const [code, n] of coded) counts.set(code, { districtCode: code, coded: n });
  for (const t of totals) {
    counts.set(t._id, {
      districtCode: t._id,
      coded: coded.get(t._id) ?? 0,
      marketEntities: t.marketEntities,
      xinyidai: t.xinyidai,
      totalsAsOf: t.asOf,
    });
  }
  return { stats: computeCityStats([...counts.values()]), codesFrom };
}
