/** The dashboard's bars: each district's 赋码率 on a common scale with the 40% target line. */
import type { DistrictStatsRow } from '../../services/staff';

export interface Bar {
  code: string;
  name: string;
  percent: string;
  /** Bar width as a share of the track, 0–100. */
  width: number;
  reached: boolean;
  detail: string;
  rank: string;
}

/** Axis maximum: the target plus 10 points, or the highest rate rounded up to the next 10%, so the target line always shows. */
export function axisMaxPercent(rows: readonly DistrictStatsRow[], targetPercent: number): number {
  const highest = Math.max(0, ...rows.map((r) => (r.codeRate ? r.codeRate.basisPoints / 100 : 0)));
  return Math.max(targetPercent + 10, Math.ceil(highest / 10) * 10);
}

export function toBar(r: DistrictStatsRow, axisMax: number): Bar {
  const rate = r.codeRate;
  if (!rate)
    return {
      code: r.districtCode,
      name: r.name,
      percent: '—',
      width: 0,
      reached: false,
      detail: `已赋码 ${r.coded} 户 · 尚无市场主体总量`,
      rank: '',
    };
  const gap = rate.reachedTarget ? '已达标' : `距${rate.targetPercent}%还需 ${rate.gapToTarget} 户`;
  return {
    code: r.districtCode,
    name: r.name,
    percent: `${rate.percent}%`,
    width: Math.min(100, rate.basisPoints / axisMax),
    reached: rate.reachedTarget,
    detail: `${rate.count}/${rate.total} · ${gap}${r.xinyidaiShare ? ` · 信易贷 ${r.xinyidaiShare.percent}%` : ''}`,
    rank: r.codeRateRank ? `第${r.codeRateRank}名` : '',
  };
}

export function dashboardView(districts: readonly DistrictStatsRow[], city: DistrictStatsRow, targetPercent: number) {
  const axisMax = axisMaxPercent([...districts, city], targetPercent);
  return {
    bars: districts.map((d) => toBar(d, axisMax)),
    cityBar: toBar(city, axisMax),
    /** Left offset of the target line on the track, in percent. */
    targetLeft: (targetPercent / axisMax) * 100,
    axisMax,
  };
}
