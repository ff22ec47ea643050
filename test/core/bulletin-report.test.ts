import { describe, expect, it } from 'vitest';
import {
  buildReport,
  departmentProgressSentence,
  govCommitmentSection,
  monthlyReportSection,
  PROMOTING_DEPARTMENTS,
  publicitySection,
  sortPublicity,
  xinyidaiSection,
} from '../../core/bulletin-report';
import {
  detectTableLayout,
  publicityRowSchema,
  publicityTotalMismatches,
  tableRowInput,
  type PublicityRow,
} from '../../core/bulletin-tables';
import { computeCityStats, type DistrictCounts } from '../../core/rates';

const pub = (unit: string, licensing: number, penalty: number, timely: number): PublicityRow => ({
  unit,
  total: licensing + penalty,
  licensing,
  penalty,
  timely,
});

const PUBLICITY: PublicityRow[] = [
  pub('市教育局', 3, 0, 2), // 66.67%
  pub('市税务局', 40, 10, 50), // 100%, 50
  pub('萝北县', 0, 0, 0), // nothing
  pub('市商务局', 8, 2, 9), // 90%
  pub('向阳区', 100, 20, 120), // 100%, 120
  pub('市交通局', 30, 20, 45), // 90%: ties 市商务局, imported later
  pub('工农区', 0, 0, 0), // nothing
  pub('市住建局', 50, 0, 50), // 100%, 50: ties 市税务局
];

describe('section 一 and 附件1', () => {
  it('sorts as the office does: 100% by count, then late by rate, then those with nothing; ties keep the imported order', () => {
    expect(sortPublicity(PUBLICITY).map((r) => r.unit)).toEqual([
      '向阳区',
      '市税务局',
      '市住建局',
      '市商务局',
      '市交通局',
      '市教育局',
      '萝北县',
      '工农区',
    ]);
  });

  it('writes the sentence from the same rows as the table; units with nothing are shown with 0 but not named late', () => {
    const { section, table } = publicitySection({ from: '2022-05-01', to: '2022-05-20', rows: PUBLICITY });
    expect(section.heading).toBe('一、“双公示”信息报送情况');
    expect(section.paragraphs[0]).toBe(
      '2022年5月1日至2022年5月20日，两县六区及中省直、市直部门共填报“双公示”信息283条，及时填报“双公示”信息276条，填报及时率为97.53%。' +
        '其中行政许可信息231条，行政处罚信息52条。填报及时率未达到100%的部门有：市商务局（90.00%）、市交通局（90.00%）、市教育局（66.67%）。',
    );
    expect(table.rows[0]).toEqual(['', '合计', '283', '231', '52', '276', '97.53%']);
    expect(table.rows[1]).toEqual(['1', '向阳区', '120', '100', '20', '120', '100.00%']);
    expect(table.rows[7]).toEqual(['7', '萝北县', '0', '0', '0', '0', '—']);
    // Every figure of the sentence is the 合计 row's.
    const sum = table.rows.slice(1).reduce((n, r) => n + Number(r[2]), 0);
    expect(sum).toBe(283);
  });

  it('says so when nobody is late', () => {
    const { section } = publicitySection({
      from: '2022-05-01',
      to: '2022-05-20',
      rows: [pub('市税务局', 1, 0, 1), pub('工农区', 0, 0, 0)],
    });
    expect(section.paragraphs[0]).toMatch(/填报及时率为100\.00%。其中行政许可信息1条，行政处罚信息0条。各单位填报及时率均达到100%。$/);
  });

  it('checks a row and the 合计 row against the sum', () => {
    expect(publicityRowSchema.safeParse({ unit: '甲', total: 5, licensing: 2, penalty: 2, timely: 1 }).success).toBe(false);
    expect(publicityRowSchema.safeParse({ unit: '甲', total: 4, licensing: 2, penalty: 2, timely: 5 }).success).toBe(false);
    expect(publicityTotalMismatches(pub('合计', 10, 2, 12), [pub('甲', 5, 1, 6), pub('乙', 5, 1, 5)])).toEqual([
      '合计行的双公示信息填报及时数量为12，各单位之和为11',
    ]);
  });

  it('finds the header by name, with 序号 dropped and columns moved', () => {
    const rows = [
      { row: 1, cells: [undefined, '附件1'] },
      {
        row: 2,
        cells: [undefined, '部门名称', '填报行政许可信息数量', '填报行政处罚信息数量', '填报双公示信息数量', '双公示信息填报及时数量'],
      },
      { row: 3, cells: [undefined, '市税务局', 4, 1, 5, 5] },
    ];
    const layout = detectTableLayout('publicity', rows);
    expect(layout.headerRow).toBe(2);
    expect(tableRowInput(layout, rows[2]!.cells)).toEqual({ unit: '市税务局', licensing: 4, penalty: 1, total: 5, timely: 5 });
    expect(() => detectTableLayout('publicity', [{ row: 1, cells: [undefined, '部门名称', '填报双公示信息数量'] }])).toThrow(
      /表头缺少列：填报行政许可信息数量/,
    );
  });
});

const INPUTS = { officialCommitments: 3120, coverageBase: 4, disclosureBasisPoints: 10000 };

describe('section 二 and 附件3', () => {
  it('counts commitments, coverage over the entered base and the units without any', () => {
    const rows = [
      { unit: '市税务局', count: 12 },
      { unit: '市教育局', count: 0 },
      { unit: '向阳区', count: 30 },
    ];
    const { section, table } = govCommitmentSection('2022-05-25', rows, INPUTS);
    expect(section.paragraphs[0]).toBe(
      '截至2022年5月25日，鹤岗市各级政府及其部门（含公共事业单位）作出政务诚信承诺42份，覆盖面达到50%，公开公示率100%，公职人员承诺3120份。未开展承诺的单位有1个，分别为：市教育局。',
    );
    expect(table.rows[0]).toEqual(['', '合计', '42']);
  });

  it('refuses a base smaller than the units that committed', () => {
    expect(() =>
      govCommitmentSection(
        '2022-05-25',
        [
          { unit: '甲', count: 1 },
          { unit: '乙', count: 2 },
        ],
        { ...INPUTS, coverageBase: 1 },
      ),
    ).toThrow(expect.objectContaining({ code: 'INPUTS_INCONSISTENT' }));
  });
});

describe('section 三: the 行管部门 status', () => {
  it('names who made documents, who reported and who has not started', () => {
    const text = departmentProgressSentence([
      { departmentId: 'scjg', policyDocument: true, dynamics: true },
      { departmentId: 'swj', policyDocument: false, dynamics: true },
    ]);
    const idle = PROMOTING_DEPARTMENTS.filter((d) => d.id !== 'scjg' && d.id !== 'swj').map((d) => d.name);
    expect(text).toBe(
      `涉及15个行管部门，其中制定推进落实文件1个单位：市市场监管局，报送工作动态2个单位：市市场监管局、市税务局，尚未启动单位13个：${idle.join('、')}。`,
    );
  });

  it('says so when nothing was entered', () => {
    expect(departmentProgressSentence(undefined)).toBe('涉及15个行管部门，本期各部门推进情况尚未录入。');
  });
});

function city(shares: Record<string, [number, number]>): ReturnType<typeof computeCityStats> {
  const counts: DistrictCounts[] = Object.entries(shares).map(([districtCode, [xinyidai, market]]) => ({
    districtCode,
    coded: 0,
    marketEntities: market,
    xinyidai,
  }));
  return computeCityStats(counts);
}

describe('section 四: 信易贷 ranking with the 码上诚信 tie rules', () => {
  it('names every district sharing a place among the top three and the bottom two', () => {
    const { districts, city: c } = city({
      '230402': [100, 1000], // 10%
      '230403': [300, 1000], // 30% (tie for 2nd)
      '230404': [300, 1000], // 30%
      '230405': [200, 1000],
      '230406': [200, 1000],
      '230407': [50, 1000], // 5% (tie for last)
      '230421': [50, 1000],
      '230422': [400, 1000], // 40%
    });
    expect(xinyidaiSection('2022-05-25', districts, c).paragraphs[0]).toBe(
      '截至2022年5月25日，“信易贷”平台鹤岗站市场主体注册数量为1600家，占市场总体总量20.00%，各县（区）入驻企业占本辖区市场主体总量前三名的是：' +
        '绥滨县40.00%、工农区30.00%、南山区30.00%，后两名的是：兴山区5.00%、萝北县5.00%。',
    );
  });
});

describe('section 五 and 附件4', () => {
  it('adds up the month and names the units that sent nothing', () => {
    const rows = [
      { unit: '市税务局', selfReport: 1, dynamics: 3, evidence: 1 },
      { unit: '市教育局', selfReport: 0, dynamics: 0, evidence: 0 },
      { unit: '向阳区', selfReport: 1, dynamics: 1, evidence: 0 },
    ];
    const { section, table } = monthlyReportSection('2022-05', rows);
    expect(section.paragraphs[0]).toBe(
      '2022年5月市守信践诺工作专班收到各责任单位报送工作动态4篇，自评报告2份，佐证材料1份，未上报材料的单位：市教育局。',
    );
    expect(table.rows).toEqual([
      ['1', '市税务局', '有', '3', '有'],
      ['2', '市教育局', '', '', ''],
      ['3', '向阳区', '有', '有', ''],
    ]);
  });
});

describe('the whole report', () => {
  it('has five sections and 附件1–4 in order, and refuses without district totals', () => {
    const stats = city({ '230402': [10, 100], '230403': [20, 100] });
    const src = {
      cutoff: '2022-05-25',
      publicity: { from: '2022-05-01', to: '2022-05-20', rows: PUBLICITY },
      govCommitment: { asOf: '2022-05-25', rows: [{ unit: '市税务局', count: 1 }] },
      inputs: INPUTS,
      districts: stats.districts,
      city: stats.city,
      monthly: { month: '2022-05', rows: [{ unit: '市税务局', selfReport: 1, dynamics: 1, evidence: 1 }] },
    };
    const r = buildReport(src);
    expect(r.sections.map((s) => s.heading)).toEqual([
      '一、“双公示”信息报送情况',
      '二、政府部门政务承诺完成情况',
      '三、“码上诚信”工作推进情况',
      '四、“信易贷”工作情况',
      '五、市政务守信践诺工作动态报送情况',
    ]);
    expect(r.tables.map((t) => t.annex)).toEqual(['附件1', '附件2', '附件3', '附件4']);
    const empty = computeCityStats([]);
    expect(() => buildReport({ ...src, districts: empty.districts, city: empty.city })).toThrow(
      expect.objectContaining({ code: 'NO_TOTALS' }),
    );
  });
});
