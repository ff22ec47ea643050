/**
 * District progress. Counting happens in the database: one aggregation groups active codes by
 * district, one picks each district's latest valid totals, one counts the register's entities in
 * business; each returns at most a handful of rows, so the cost in calls is constant however many
 * entities there are.
 */
import { DISTRICT_CODES, DomainError } from '../../core';
import type { ParsedOf } from '../../core/contract/define';
import type {
  DistrictStatsRow,
  MarketEntitiesSource,
  RateSeries,
  staffOfficeContract,
  StatsHistoryAnswer,
} from '../../core/contract/staff-office';
import {
  chinaDate,
  CODE_RATE_TARGET_PERCENT,
  computeCityStats,
  dailyNeedForYearEnd,
  paceToTarget,
  XINYIDAI_TARGET_PERCENT,
  type CityStats,
  type DistrictCounts,
  type DistrictRow,
} from '../../core/rates';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS } from '../model';
import { toWire } from '../wire';
import type { StaffContext } from './define-staff-actions';

type Contract = typeof staffOfficeContract;

/** Enough for any grouping by district; without a $limit CloudBase returns only 20 results. */
const GROUP_LIMIT = 1000;

interface CodedGroup {
  _id: string;
  coded: number;
}
interface TotalsGroup {
  _id: string;
  marketEntities: number;
  xinyidai: number;
  asOf: string;
}

interface RegisterGroup {
  _id: string;
  inBusiness: number;
  /** Latest change of the district's register rows. */
  updatedAt: Date | string;
}

/**
 * Each district's latest district-totals row dated on or before `asOf`, withdrawn rows left out (one
 * aggregation): what both the live dashboard and the 通报 as of a cut-off count as 市场主体总量.
 */
export async function totalsAsOf(db: Database, asOf: string): Promise<TotalsGroup[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.districtTotals)
    .aggregate()
    .match({ withdrawn: _.neq(true), asOf: _.lte(asOf) })
    .sort({ asOf: -1, createdAt: -1 })
    .group({
      _id: '$districtCode',
      marketEntities: $.first('$marketEntities'),
      xinyidai: $.first('$xinyidaiRegistered'),
      asOf: $.first('$asOf'),
    })
    .limit(GROUP_LIMIT)
    .end()) as { list: TotalsGroup[] };
  return res.list;
}

export interface StatsOptions {
  /** The day the figures are for (YYYY-MM-DD, China): totals dated after it are ignored. Default today. */
  asOf?: string;
  /** Today (China); the register, which has no past, is used only for today's figures. */
  today: string;
}

/**
 * Three database calls, whatever the size of the city: active codes by district; each district's
 * latest totals that are not withdrawn and dated on or before `asOf` (history is kept, so a
 * bulletin for an earlier day uses the totals valid then, and a wrong row withdrawn or corrected
 * stops counting at once); and the register's entities in business by district. A district's
 * 市场主体总量 comes from its imported totals; a district without any takes the register's count of
 * entities in business (today's figures only), and `sources` says which.
 */
export async function cityStats(db: Database, opts?: StatsOptions): Promise<CityStats & { sources: Record<string, MarketEntitiesSource> }> {
  const $ = db.command.aggregate;
  const _ = db.command;
  const today = opts?.today ?? chinaDate(new Date());
  const asOf = opts?.asOf ?? today;
  const [coded, totals, register] = await Promise.all([
    db
      .collection(COLLECTIONS.codes)
      .aggregate()
      .match({ status: 'active' })
      .group({ _id: '$districtCode', coded: $.sum(1) })
      .limit(GROUP_LIMIT)
      .end() as Promise<{ list: CodedGroup[] }>,
    totalsAsOf(db, asOf),
    asOf === today
      ? (db
          .collection(COLLECTIONS.register)
          .aggregate()
          .match({ inBusiness: true })
          .group({ _id: '$districtCode', inBusiness: $.sum(1), updatedAt: $.max('$updatedAt') })
          .limit(GROUP_LIMIT)
          .end() as Promise<{ list: RegisterGroup[] }>)
      : Promise.resolve({ list: [] as RegisterGroup[] }),
  ]);
  const byCode = new Map<string, DistrictCounts>();
  const sources: Record<string, MarketEntitiesSource> = {};
  for (const c of coded.list) byCode.set(c._id, { districtCode: c._id, coded: c.coded });
  for (const t of totals) {
    byCode.set(t._id, {
      districtCode: t._id,
      coded: byCode.get(t._id)?.coded ?? 0,
      marketEntities: t.marketEntities,
      xinyidai: t.xinyidai,
      totalsAsOf: t.asOf,
    });
    sources[t._id] = 'totals';
  }
  for (const r of register.list) {
    const prev = byCode.get(r._id);
    // Imported totals win: a register import may be partial (one street, one update file), and a
    // handful of rows must never become a district's 市场主体总量 and wreck the ranking.
    if (prev?.totalsAsOf !== undefined) continue;
    const registerDay = chinaDate(new Date(r.updatedAt));
    byCode.set(r._id, { ...(prev ?? { coded: 0 }), districtCode: r._id, marketEntities: r.inBusiness, totalsAsOf: registerDay });
    sources[r._id] = 'register';
  }
  return { ...computeCityStats([...byCode.values()]), sources };
}

function withDailyNeed(row: DistrictRow, today: string): DistrictStatsRow {
  return { ...row, dailyNeedForYearEnd: row.codeRate ? dailyNeedForYearEnd(row.codeRate.gapToTarget, today) : undefined };
}

export async function districtStats(input: ParsedOf<Contract['districtStats']>, { db, now }: StaffContext) {
  const today = chinaDate(now);
  const { asOf = today } = input;
  if (asOf > today) throw new DomainError('INVALID_INPUT', `统计日期不能晚于今天（${today}）`);
  const stats = await cityStats(db, { asOf, today });
  return toWire({
    asOf,
    generatedAt: now,
    targets: { codeRatePercent: CODE_RATE_TARGET_PERCENT, xinyidaiPercent: XINYIDAI_TARGET_PERCENT },
    districts: stats.districts.map((d) => ({ ...withDailyNeed(d, asOf), marketEntitiesSource: stats.sources[d.districtCode] })),
    city: withDailyNeed(stats.city, asOf),
  });
}

// ---------------------------------------------------------------------------------------------
// Daily snapshots and the pace toward 40%.

export interface SnapshotRow {
  districtCode: string;
  coded: number;
  marketEntities: number | null;
  /** 赋码率 in basis points; null while the district has no market total. */
  basisPoints: number | null;
}

export interface RateSnapshotDoc {
  /** = date: one snapshot per calendar day, a re-run overwrites it. */
  _id: string;
  date: string;
  takenAt: Date;
  city: SnapshotRow;
  districts: SnapshotRow[];
}

function snapshotRow(r: DistrictRow): SnapshotRow {
  return {
    districtCode: r.districtCode,
    coded: r.coded,
    marketEntities: r.marketEntities ?? null,
    basisPoints: r.codeRate?.basisPoints ?? null,
  };
}

/**
 * The snapshot of `date` from the city's figures (cityStats, or computeCityStats over counts): what the
 * timer stores, and the seed's history.
 */
export function rateSnapshot(stats: CityStats, date: string, takenAt: Date): RateSnapshotDoc {
  return { _id: date, date, takenAt, city: snapshotRow(stats.city), districts: stats.districts.map(snapshotRow) };
}

/** Today's (China time) snapshot, written idempotently: the timer and `npm run snapshot` both call this. */
export async function takeSnapshot(db: Database, now: Date): Promise<RateSnapshotDoc> {
  const date = chinaDate(now);
  const { _id, ...doc } = rateSnapshot(await cityStats(db, { today: date }), date, now);
  await db.collection(COLLECTIONS.rateSnapshots).doc(_id).set({ data: doc });
  return { _id, ...doc };
}

export async function statsHistory(input: ParsedOf<Contract['statsHistory']>, { db }: StaffContext): Promise<StatsHistoryAnswer> {
  const snaps = await fetchAll<RateSnapshotDoc>(db.collection(COLLECTIONS.rateSnapshots).orderBy('date', 'desc').limit(input.days));
  snaps.reverse();
  const series = (pick: (s: RateSnapshotDoc) => SnapshotRow | undefined): RateSeries => {
    const points = snaps
      .map((s) => ({ date: s.date, row: pick(s) }))
      .filter((p): p is { date: string; row: SnapshotRow & { basisPoints: number } } => p.row?.basisPoints != null)
      .map((p) => ({ date: p.date, coded: p.row.coded, basisPoints: p.row.basisPoints }));
    return { points, pace: paceToTarget(points.map((p) => ({ date: p.date, rate: p.basisPoints / 10_000 }))) };
  };
  const codes = input.districtCode ? [input.districtCode] : DISTRICT_CODES;
  return {
    targetPercent: CODE_RATE_TARGET_PERCENT,
    city: series((s) => s.city),
    districts: codes.map((code) => ({ districtCode: code, ...series((s) => s.districts.find((d) => d.districtCode === code)) })),
  };
}
