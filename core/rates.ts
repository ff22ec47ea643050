/**
 * 赋码率 and 信易贷 share per district against the city's targets, with rankings and the
 * pace toward the year-end target. Pure: the functions feed it counts the database
 * aggregated, and the date of "today" in Hegang.
 *
 * Shares are compared as exact fractions (cross-multiplied integers), never as floats,
 * so two districts with equal shares tie and 2/5 is exactly 40%.
 */
import { CITY_CODE, CITY_NAME, DISTRICTS } from './districts';

/** 赋码率 target: 40% of market entities in every district. */
export const CODE_RATE_TARGET_PERCENT = 40;
/** 信易贷 registration target: 20% of market entities. */
export const XINYIDAI_TARGET_PERCENT = 20;

/** What the database knows about one district. */
export interface DistrictCounts {
  readonly districtCode: string;
  /** Entities with an active code. */
  readonly coded: number;
  /** Market entities (latest districtTotals snapshot); undefined when none was imported. */
  readonly marketEntities?: number;
  /** Enterprises registered on 信易贷 (same snapshot). */
  readonly xinyidai?: number;
  /** Date of that snapshot, YYYY-MM-DD. */
  readonly totalsAsOf?: string;
}

/** A share of the district's market entities. */
export interface Share {
  readonly count: number;
  readonly total: number;
  /** Basis points (1/100 of a percent), rounded half up: 2364 = 23.64%. */
  readonly basisPoints: number;
  /** Two decimals as published: '23.64'. */
  readonly percent: string;
  readonly targetPercent: number;
  readonly reachedTarget: boolean;
  /** How many more are needed to reach the target (0 once reached). */
  readonly gapToTarget: number;
}

export interface DistrictRow {
  readonly districtCode: string;
  readonly name: string;
  readonly coded: number;
  readonly marketEntities?: number;
  readonly xinyidai?: number;
  readonly totalsAsOf?: string;
  /** Undefined when the district has no market-entity total yet (it cannot be ranked). */
  readonly codeRate?: Share;
  readonly xinyidaiShare?: Share;
  /** Competition ranking (1, 2, 2, 4) by 赋码率, highest first; undefined when unranked. */
  readonly codeRateRank?: number;
  readonly xinyidaiRank?: number;
}

export interface CityStats {
  readonly districts: DistrictRow[];
  /** The city row: sums over the districts that have totals (coded counts all districts). */
  readonly city: DistrictRow;
}

/** Smallest n with n / total >= percent / 100 (integer arithmetic). */
export function neededForTarget(total: number, targetPercent: number): number {
  return total <= 0 ? 0 : ceilDiv(total * targetPercent, 100);
}

function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** count/total in basis points, rounded half up, exactly (no float drift for totals < 10^10). */
export function basisPoints(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((count * 20000 + total) / (2 * total));
}

export function formatBasisPoints(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function share(count: number, total: number, targetPercent: number): Share {
  const needed = neededForTarget(total, targetPercent);
  const bp = basisPoints(count, total);
  return {
    count,
    total,
    basisPoints: bp,
    percent: formatBasisPoints(bp),
    targetPercent,
    reachedTarget: total > 0 && count * 100 >= total * targetPercent,
    gapToTarget: Math.max(0, needed - count),
  };
}

/** Compare two shares exactly: negative when a is larger (sorts highest first). */
export function compareSharesDesc(a: Pick<Share, 'count' | 'total'>, b: Pick<Share, 'count' | 'total'>): number {
  return b.count * a.total - a.count * b.total;
}

/**
 * Competition ranks (1, 2, 2, 4), highest share first. Items without a share are unranked.
 * Returns the rank per index of `shares`.
 */
export function competitionRanks(shares: ReadonlyArray<Pick<Share, 'count' | 'total'> | undefined>): (number | undefined)[] {
  const ranked = shares.map((s, i) => ({ s, i })).filter((x): x is { s: Pick<Share, 'count' | 'total'>; i: number } => x.s !== undefined);
  ranked.sort((a, b) => compareSharesDesc(a.s, b.s) || a.i - b.i);
  const out: (number | undefined)[] = shares.map(() => undefined);
  ranked.forEach((x, pos) => {
    const prev = ranked[pos - 1];
    out[x.i] = prev && compareSharesDesc(prev.s, x.s) === 0 ? out[prev.i] : pos + 1;
  });
  return out;
}

/**
 * The stats of the eight districts (in GB/T 2260 order) and the city from the aggregated counts.
 * Counts for codes outside the eight districts are ignored (they cannot be placed).
 */
export function computeCityStats(counts: readonly DistrictCounts[]): CityStats {
  const byCode = new Map(counts.map((c) => [c.districtCode, c]));
  const base = DISTRICTS.map((d) => {
    const c = byCode.get(d.code);
    const market = c?.marketEntities;
    const hasTotals = market !== undefined && market > 0;
    return {
      districtCode: d.code,
      name: d.name,
      coded: c?.coded ?? 0,
      marketEntities: market,
      xinyidai: c?.xinyidai,
      totalsAsOf: c?.totalsAsOf,
      codeRate: hasTotals ? share(c?.coded ?? 0, market, CODE_RATE_TARGET_PERCENT) : undefined,
      xinyidaiShare: hasTotals ? share(c?.xinyidai ?? 0, market, XINYIDAI_TARGET_PERCENT) : undefined,
    };
  });
  const codeRanks = competitionRanks(base.map((r) => r.codeRate));
  const xydRanks = competitionRanks(base.map((r) => r.xinyidaiShare));
  const districts: DistrictRow[] = base.map((r, i) => ({ ...r, codeRateRank: codeRanks[i], xinyidaiRank: xydRanks[i] }));

  const withTotals = districts.filter((r) => r.codeRate !== undefined);
  const coded = districts.reduce((n, r) => n + r.coded, 0);
  const codedWithTotals = withTotals.reduce((n, r) => n + r.coded, 0);
  const market = withTotals.reduce((n, r) => n + (r.marketEntities ?? 0), 0);
  const xinyidai = withTotals.reduce((n, r) => n + (r.xinyidai ?? 0), 0);
  const asOfs = withTotals
    .map((r) => r.totalsAsOf)
    .filter((d): d is string => d !== undefined)
    .sort();
  const city: DistrictRow = {
    districtCode: CITY_CODE,
    name: CITY_NAME,
    coded,
    marketEntities: market > 0 ? market : undefined,
    xinyidai: market > 0 ? xinyidai : undefined,
    totalsAsOf: asOfs[asOfs.length - 1],
    codeRate: market > 0 ? share(codedWithTotals, market, CODE_RATE_TARGET_PERCENT) : undefined,
    xinyidaiShare: market > 0 ? share(xinyidai, market, XINYIDAI_TARGET_PERCENT) : undefined,
  };
  return { districts, city };
}

// ---------------------------------------------------------------------------------------------
// Calendar days in Hegang (UTC+8, no daylight saving) and the pace toward the target.

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8) of an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days since 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 2022-05-25 → 2022年5月25日, as the bulletin writes dates. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export interface RatePoint {
  /** YYYY-MM-DD */
  readonly date: string;
  /** The share as a fraction (0.2364). */
  readonly rate: number;
}

export interface LinearFit {
  /** Change of the rate per day (fraction/day). */
  readonly slopePerDay: number;
  /** Fitted rate at day 0 of dayNumber(). */
  readonly intercept: number;
}

/** Least-squares line through the points (x = day number). Needs two distinct days. */
export function linearFit(points: readonly RatePoint[]): LinearFit | undefined {
  const xs = points.map((p) => dayNumber(p.date));
  const n = points.length;
  if (n < 2) return undefined;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = points.reduce((a, p) => a + p.rate, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dx = xs[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (p.rate - my);
  });
  if (sxx === 0) return undefined;
  const slopePerDay = sxy / sxx;
  return { slopePerDay, intercept: my - slopePerDay * mx };
}

export type PaceOutlook =
  /** Already at or above the target on the latest day. */
  | { readonly kind: 'reached' }
  /** The fitted line crosses the target on `date`. */
  | { readonly kind: 'projected'; readonly date: string; readonly byYearEnd: boolean }
  /** Flat or falling: the current pace never reaches the target. */
  | { readonly kind: 'notAtPace' }
  /** Fewer than two days of snapshots. */
  | { readonly kind: 'insufficientData' };

export interface Pace {
  readonly outlook: PaceOutlook;
  /** Change of the rate per day in percentage points, when fitted. */
  readonly pointsPerDay?: number;
  /** The rate on 31 December of the latest snapshot's year if the fitted pace holds, as a fraction. */
  readonly projectedYearEndRate?: number;
}

/** How many of the most recent snapshots the pace is fitted over. */
export const PACE_WINDOW_DAYS = 30;

/**
 * When the current pace (least squares over the last PACE_WINDOW_DAYS days of snapshots) reaches
 * the target. Points may come in any order; only the window ending at the latest point is used.
 */
export function paceToTarget(points: readonly RatePoint[], targetPercent = CODE_RATE_TARGET_PERCENT): Pace {
  if (points.length === 0) return { outlook: { kind: 'insufficientData' } };
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const latest = sorted[sorted.length - 1]!;
  const lastDay = dayNumber(latest.date);
  const target = targetPercent / 100;
  const window = sorted.filter((p) => dayNumber(p.date) > lastDay - PACE_WINDOW_DAYS);
  const fit = linearFit(window);
  const yearEnd = dayNumber(`${latest.date.slice(0, 4)}-12-31`);
  const extra = fit
    ? {
        pointsPerDay: fit.slopePerDay * 100,
        projectedYearEndRate: Math.min(1, Math.max(0, latest.rate + fit.slopePerDay * (yearEnd - lastDay))),
      }
    : {};
  if (latest.rate >= target - 1e-12) return { outlook: { kind: 'reached' }, ...extra };
  if (!fit) return { outlook: { kind: 'insufficientData' } };
  if (fit.slopePerDay <= 0) return { outlook: { kind: 'notAtPace' }, ...extra };
  // From the latest actual rate onward at the fitted pace (the line's own level may lag a jump).
  const day = lastDay + Math.ceil((target - latest.rate) / fit.slopePerDay - 1e-9);
  return { outlook: { kind: 'projected', date: dateOfDayNumber(day), byYearEnd: day <= yearEnd }, ...extra };
}

/** Codes per day still needed to reach the target by 31 December of `today`'s year. */
export function dailyNeedForYearEnd(gapToTarget: number, today: string): number {
  const daysLeft = dayNumber(`${today.slice(0, 4)}-12-31`) - dayNumber(today) + 1;
  if (gapToTarget <= 0) return 0;
  return Math.ceil(gapToTarget / Math.max(1, daysLeft));
}
