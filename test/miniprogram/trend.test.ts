/** The dashboard's trend sentences and column heights (pure; the page test covers the wiring). */
import { describe, expect, it } from 'vitest';
import { paceText, trendView } from '../../miniprogram/pages/staff-dashboard/trend';

describe('paceText', () => {
  it('says each outlook in plain words', () => {
    expect(paceText({ outlook: { kind: 'reached' } }, 40)).toBe('已达到40%的目标');
    expect(paceText({ outlook: { kind: 'insufficientData' } }, 40)).toBe('每日快照不足两天，暂无法测算趋势');
    expect(paceText({ outlook: { kind: 'projected', date: '2027-02-08', byYearEnd: false }, pointsPerDay: 0.236 }, 40)).toBe(
      '按当前速度（近30天每天+0.24个百分点），预计2027年2月8日达到40%，晚于年底，需加快赋码',
    );
    expect(paceText({ outlook: { kind: 'projected', date: '2026-12-01', byYearEnd: true }, pointsPerDay: 1 }, 40)).toBe(
      '按当前速度（近30天每天+1.00个百分点），预计2026年12月1日达到40%',
    );
    expect(paceText({ outlook: { kind: 'notAtPace' }, pointsPerDay: -0.1 }, 40)).toBe(
      '按当前速度（近30天每天-0.10个百分点）无法达到40%，需加快赋码',
    );
  });
});

describe('trendView', () => {
  it('scales columns so the target line always shows', () => {
    const view = trendView(
      {
        points: [
          { date: '2026-11-01', coded: 1, basisPoints: 1000 },
          { date: '2026-11-02', coded: 2, basisPoints: 2500 },
        ],
        pace: { outlook: { kind: 'insufficientData' } },
      },
      40,
    )!;
    // Axis = 50% (1.25 × target): 10% → 20 of the height, 25% → 50, the target at 80.
    expect(view.columns.map((c) => c.height)).toEqual([20, 50]);
    expect(view.targetBottom).toBe(80);
    expect([view.first, view.last]).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('is absent without snapshots', () => {
    expect(trendView({ points: [], pace: { outlook: { kind: 'insufficientData' } } }, 40)).toBeNull();
  });
});
