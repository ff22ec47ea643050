/** The demo's 县（区）总量: three dated imports per district; market entities grow slightly, 信易贷 faster. */
import type { District } from '../../core';
import { dateOfDayNumber } from '../../core/rates';
import { rowDedupKey } from '../../server/batches';
import type { DistrictTotalsDoc } from '../../server/model';
import { atChina, importSource, ISSUERS, type DistrictPlan } from './demo';

/** Totals as of 75, 45 and 15 days ago, each imported the day after; the latest equals the district's entity count. */
export function districtTotals(district: District, plan: DistrictPlan, entities: number, todayN: number): DistrictTotalsDoc[] {
  return [75, 45, 15].map((ago, k) => {
    const asOf = dateOfDayNumber(todayN - ago);
    const marketEntities = entities - Math.round(entities * 0.006 * (2 - k));
    const xinyidaiRegistered = Math.round((marketEntities * plan.xinyidaiPct * (0.8 + 0.1 * k)) / 100);
    const value = { districtCode: district.code, asOf, marketEntities, xinyidaiRegistered };
    return {
      _id: `totals-${district.code}-${asOf}`,
      ...value,
      source: importSource(ISSUERS.fgw, todayN - ago + 1, `seed-totals-${asOf}`),
      dedupKey: rowDedupKey('districtTotals', value),
      createdAt: atChina(todayN - ago + 1, 15),
    };
  });
}
