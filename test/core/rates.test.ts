import { describe, expect, it } from 'vitest';
import {
  basisPoints,
  chinaDate,
  chineseDate,
  competitionRanks,
  computeCityStats,
  dailyNeedForYearEnd,
  neededForTarget,
  paceToTarget,
  share,
} from '../../core/rates';

describe('shares', () => {
  it('rounds basis points half up without float drift', () => {
    expect(basisPoints(2364, 10_000)).toBe(2364);
    expect(basisPoints(1, 8)).toBe(1250);
    expect(basisPoints(2, 3)).toBe(6667);
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(1, 20_000)).toBe(1); // 0.005% → half a basis point rounds up
    expect(basisPoints(1, 20_001)).toBe(0);
    expect(basisPoints(5, 0)).toBe(0);
  });

  it('knows exactly when 40% is reached and how many codes are missing', () => {
    expect(share(40, 100, 40)).toMatchObject({ percent: '40.00', reachedTarget: true, gapToTarget: 0 });
    expect(share(39, 100, 40)).toMatchObject({ reachedTarget: false, gapToTarget: 1 });
    // 40% of 7 = 2.8 → 3 codes needed.
    expect(neededForTarget(7, 40)).toBe(3);
    expect(share(0, 7, 40).gapToTarget).toBe(3);
  });

  it('gives competition ranks (1, 2, 2, 4) and leaves missing shares unranked', () => {
    const r = competitionRanks([
      { count: 1, total: 2 },
      { count: 2, total: 8 },
      undefined,
      { count: 1, total: 4 },
      { count: 9, total: 10 },
    ]);
    expect(r).toEqual([2, 3, undefined, 3, 1]);
  });
});

describe('computeCityStats', () => {
  it('sums the city over districts with totals and ranks both shares', () => {
    const s = computeCityStats([
      { districtCode: '230402', coded: 30, marketEntities: 100, xinyidai: 25, totalsAsOf: '2026-05-01' },
      { districtCode: '230403', coded: 50, marketEntities: 100, xinyidai: 10, totalsAsOf: '2026-05-03' },
      { districtCode: '230404', coded: 7 },
      { districtCode: '999999', coded: 1000 },
    ]);
    expect(s.districts).toHaveLength(8);
    const [xy, gn, ns] = s.districts;
    expect(xy).toMatchObject({ name: '向阳区', codeRateRank: 2, xinyidaiRank: 1 });
    expect(xy!.codeRate).toMatchObject({ percent: '30.00', gapToTarget: 10 });
    expect(xy!.xinyidaiShare).toMatchObject({ percent: '25.00', reachedTarget: true });
    expect(gn).toMatchObject({ codeRateRank: 1, xinyidaiRank: 2 });
    expect(ns).toMatchObject({ coded: 7, codeRate: undefined, codeRateRank: undefined });
    expect(s.city).toMatchObject({ districtCode: '230400', coded: 87, marketEntities: 200, xinyidai: 35, totalsAsOf: '2026-05-03' });
    expect(s.city.codeRate).toMatchObject({ count: 80, total: 200, percent: '40.00', reachedTarget: true });
  });
});

describe('dates and pace', () => {
  it('takes the calendar day in China', () => {
    expect(chinaDate(new Date('2026-05-24T16:00:00Z'))).toBe('2026-05-25');
    expect(chinaDate(new Date('2026-05-24T15:59:59Z'))).toBe('2026-05-24');
    expect(chineseDate('2022-05-25')).toBe('2022年5月25日');
  });

  it('projects the day the current pace reaches 40%', () => {
    // +1 point a day from 30% on 2026-06-01 → 40% ten days after the last point (35% on 06-06).
    const points = [0, 1, 2, 3, 4, 5].map((d) => ({ date: `2026-06-0${d + 1}`, rate: 0.3 + d * 0.01 }));
    const pace = paceToTarget(points);
    expect(pace.outlook).toEqual({ kind: 'projected', date: '2026-06-11', byYearEnd: true });
    expect(pace.pointsPerDay).toBeCloseTo(1, 9);
  });

  it('says when the pace is flat, falling, reached or unknown', () => {
    expect(paceToTarget([]).outlook.kind).toBe('insufficientData');
    expect(paceToTarget([{ date: '2026-06-01', rate: 0.2 }]).outlook.kind).toBe('insufficientData');
    expect(
      paceToTarget([
        { date: '2026-06-01', rate: 0.2 },
        { date: '2026-06-02', rate: 0.19 },
      ]).outlook.kind,
    ).toBe('notAtPace');
    expect(paceToTarget([{ date: '2026-06-01', rate: 0.41 }]).outlook.kind).toBe('reached');
  });

  it('spreads the remaining gap over the days left in the year', () => {
    expect(dailyNeedForYearEnd(100, '2026-12-22')).toBe(10);
    expect(dailyNeedForYearEnd(0, '2026-12-22')).toBe(0);
  });
});
