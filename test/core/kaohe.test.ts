import { describe, expect, it } from 'vitest';
import { DEPARTMENT_INDICATORS, DISTRICT_INDICATORS, scoreDepartments, scoreDistricts, type UnitFigures } from '../../core/kaohe';
import { computeCityStats } from '../../core/rates';

const NONE: UnitFigures = { monthlyTables: 0, commitments: 0 };

describe('考核 indicators', () => {
  it('add up to the 100 points of each 附件', () => {
    expect(DISTRICT_INDICATORS.reduce((n, i) => n + i.points, 0)).toBe(100);
    expect(DEPARTMENT_INDICATORS.reduce((n, i) => n + i.points, 0)).toBe(100);
  });

  it('judge nothing without data: every point is left to people or waits for its table', () => {
    const [first] = scoreDistricts(() => NONE);
    expect(first!.lost).toBe(5); // only 信用承诺: 0 of 1000 is a count the data does decide
    expect(first!.assessments.find((a) => a.indicator.id === 'd2.2')).toMatchObject({
      status: 'noData',
      figure: '尚未导入本辖区市场主体总量',
    });
    expect(first!.manualPoints).toBe(95);
  });

  it('rank equal scores equally (competition ranks) and keep the districts’ order within a tie', () => {
    const { districts } = computeCityStats([
      { districtCode: '230402', coded: 40, marketEntities: 100, xinyidai: 20 },
      { districtCode: '230403', coded: 39, marketEntities: 100, xinyidai: 20 },
      { districtCode: '230404', coded: 50, marketEntities: 100, xinyidai: 25 },
    ]);
    const scores = scoreDistricts((code) => ({ ...NONE, commitments: 1000, districtRow: districts.find((d) => d.districtCode === code) }));
    const rank = (name: string) => scores.find((s) => s.name === name)!;
    expect(rank('向阳区')).toMatchObject({ rank: 1, score: 100 });
    expect(rank('南山区')).toMatchObject({ rank: 1, score: 100 });
    expect(rank('工农区')).toMatchObject({ rank: 8, score: 90, needs: ['开展“码上诚信”工作情况：年底前还需赋码1户'] });
    expect(scores.slice(0, 7).map((s) => s.name)).toEqual(['向阳区', '南山区', '兴安区', '东山区', '兴山区', '萝北县', '绥滨县']);
  });

  it('scores departments on 工作动态 (10 a year), 政务承诺 and the 码上诚信 status', () => {
    const scores = scoreDepartments((id) => ({
      ...NONE,
      monthlyTables: 3,
      dynamics: id === 'swj' ? 10 : 9,
      govCommitments: 1,
      promoting: id !== 'jyj',
    }));
    const tax = scores.find((s) => s.id === 'swj')!;
    const edu = scores.find((s) => s.id === 'jyj')!;
    expect(tax).toMatchObject({ lost: 0, rank: 1 });
    expect(edu.lost).toBe(15);
    expect(edu.needs).toEqual([
      '配合县区开展“码上诚信”工作：须制定推进落实文件并报送工作动态',
      '信用信息报送情况：年底前还需报送工作动态1篇',
    ]);
  });
});
