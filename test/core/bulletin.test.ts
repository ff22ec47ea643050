import { describe, expect, it } from 'vitest';
import { rankingGroups, rankingSentence } from '../../core/bulletin';
import { computeCityStats, type DistrictCounts } from '../../core/rates';

/** Coded counts out of 10,000 market entities per district → the published percentages. */
function cityWith(coded: Record<string, number>, market = 10_000): DistrictCounts[] {
  return Object.entries(coded).map(([districtCode, n]) => ({ districtCode, coded: n, marketEntities: market, xinyidai: 0 }));
}

const MAY_2022 = cityWith({
  '230402': 750, // 向阳区 7.50%
  '230403': 1000, // 工农区
  '230404': 2186, // 南山区 21.86%
  '230405': 1200, // 兴安区
  '230406': 431, // 东山区 4.31%
  '230407': 900, // 兴山区
  '230421': 1555, // 萝北县 15.55%
  '230422': 2364, // 绥滨县 23.64%
});

describe('rankingSentence', () => {
  it('writes the sentence exactly as the office published it', () => {
    const { districts } = computeCityStats(MAY_2022);
    expect(rankingSentence('2022-05-25', districts)).toBe(
      '截至2022年5月25日，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：绥滨县：23.64%，南山区：21.86%，萝北县：15.55%；后两名的是：向阳区：7.50%，东山区：4.31%。',
    );
  });

  it('rounds half up from unequal totals', () => {
    // 1 of 8 = 12.5% exactly; 2 of 3 = 66.666…% → 66.67
    const { districts } = computeCityStats([
      { districtCode: '230402', coded: 1, marketEntities: 8 },
      { districtCode: '230403', coded: 2, marketEntities: 3 },
    ]);
    expect(rankingSentence('2026-01-05', districts)).toBe(
      '截至2026年1月5日，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：工农区：66.67%，向阳区：12.50%。',
    );
  });

  it('names every district sharing a place, in GB/T 2260 order within the tie', () => {
    const { districts } = computeCityStats(
      cityWith({ '230402': 100, '230403': 300, '230404': 300, '230405': 200, '230406': 200, '230407': 50, '230421': 50, '230422': 400 }),
    );
    const { top, bottom } = rankingGroups(districts);
    // 绥滨县 first, 工农区 and 南山区 share second: three names, nobody else reaches rank 3.
    expect(top.map((t) => t.name)).toEqual(['绥滨县', '工农区', '南山区']);
    // 兴山区 and 萝北县 share the last place; 向阳区 is third from the bottom.
    expect(bottom.map((t) => t.name)).toEqual(['兴山区', '萝北县']);
  });

  it('includes a tie at third place even if that makes four names', () => {
    const { districts } = computeCityStats(
      cityWith({ '230402': 900, '230403': 800, '230404': 700, '230405': 700, '230406': 100, '230407': 200, '230421': 300, '230422': 400 }),
    );
    expect(rankingGroups(districts).top.map((t) => t.name)).toEqual(['向阳区', '工农区', '南山区', '兴安区']);
  });

  it('leaves out districts without totals and never names one twice', () => {
    const { districts } = computeCityStats([
      { districtCode: '230402', coded: 5, marketEntities: 100 },
      { districtCode: '230403', coded: 9, marketEntities: 100 },
      { districtCode: '230404', coded: 50 }, // no market total: unranked
    ]);
    const { top, bottom } = rankingGroups(districts);
    expect(top.map((t) => t.name)).toEqual(['工农区', '向阳区']);
    expect(bottom).toEqual([]);
  });

  it('has nothing to say before any totals are imported', () => {
    expect(rankingSentence('2026-01-05', computeCityStats([]).districts)).toBeUndefined();
  });
});
