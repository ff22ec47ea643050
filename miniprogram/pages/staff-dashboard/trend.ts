/** The dashboard's trend: the city's daily 赋码率 as columns, and when the current pace reaches 40%. */
import { chineseDate, type Pace } from '../../lib/core';
import type { RateSeries } from '../../services/staff';

export interface TrendColumn {
  date: string;
  /** Column height as a share of the chart, 0–100. */
  height: number;
}

export interface TrendView {
  columns: TrendColumn[];
  /** Height of the target line in the chart, 0–100. */
  targetBottom: number;
  first: string;
  last: string;
  paceText: string;
}

/** One plain sentence on the pace, as staff would say it. */
export function paceText(pace: Pace, targetPercent: number): string {
  const perDay =
    pace.pointsPerDay === undefined ? '' : `（近30天每天${pace.pointsPerDay >= 0 ? '+' : ''}${pace.pointsPerDay.toFixed(2)}个百分点）`;
  switch (pace.outlook.kind) {
    case 'reached':
      return `已达到${targetPercent}%的目标`;
    case 'projected':
      return `按当前速度${perDay}，预计${chineseDate(pace.outlook.date)}达到${targetPercent}%${pace.outlook.byYearEnd ? '' : '，晚于年底，需加快赋码'}`;
    case 'notAtPace':
      return Math.abs(pace.pointsPerDay ?? 0) < 0.005
        ? `近30天赋码率基本持平，按当前速度无法达到${targetPercent}%，需加快赋码`
        : `按当前速度${perDay}无法达到${targetPercent}%，需加快赋码`;
    default:
      return '每日快照不足两天，暂无法测算趋势';
  }
}

export function trendView(series: RateSeries, targetPercent: number): TrendView | null {
  const points = series.points;
  if (points.length === 0) return null;
  const axisMax = Math.max(targetPercent * 1.25, ...points.map((p) => p.basisPoints / 100));
  return {
    columns: points.map((p) => ({ date: p.date, height: Math.round((p.basisPoints / 100 / axisMax) * 1000) / 10 })),
    targetBottom: Math.round((targetPercent / axisMax) * 1000) / 10,
    first: points[0]!.date,
    last: points[points.length - 1]!.date,
    paceText: paceText(series.pace, targetPercent),
  };
}
