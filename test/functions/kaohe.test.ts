/** staff.kaohe: 考核 scores of the districts and departments from what the system sees, each with its rule and figure. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core/rates';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { CITY, seedCodes, seedStaff, seedTotals, TAX, usccOf } from './staff-fixtures';

let cloud: TestCloud;
const YEAR = Number(chinaDate(new Date()).slice(0, 4));
const table = (kind: string, key: string, periodStart: string, periodEnd: string, rows: object[], period: object) => ({
  _id: `${kind}:${key}`,
  kind,
  period,
  periodStart,
  periodEnd,
  rows,
  version: 1,
  batch: 't',
  importedBy: CITY,
  importedByName: '市级管理员',
  importedAt: new Date(),
});

function commitment(uscc: string, committedOn: string, extra: Record<string, unknown> = {}) {
  return {
    promiserName: '测试',
    promiserCategory: '法人及非法人组织',
    promiserCode: uscc,
    uscc,
    commitmentType: '主动型',
    field: '税务',
    reason: '测试',
    content: '测试',
    liability: '测试',
    committedOn,
    publicity: '公开',
    status: 'approved',
    source: { kind: 'import', departmentId: 'swj', department: '市税务局', importedBy: CITY, importedAt: new Date(), batch: 'b' },
    dedupKey: `${uscc}-${committedOn}-${JSON.stringify(extra)}`,
    createdAt: new Date(),
    ...extra,
  };
}

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  await seedCodes(cloud, '230402', 20); // 向阳区 20/40 = 50%
  await seedTotals(cloud, '230402', `${YEAR}-01-01`, 40, 10); // 信易贷 25%
  await seedCodes(cloud, '230403', 1); // 工农区 1/10 = 10%
  await seedTotals(cloud, '230403', `${YEAR}-01-01`, 10, 1); // 10%
  await cloud.db.collection('bulletinTables').add({
    data: [
      table(
        'publicity',
        `${YEAR}-01-01_${YEAR}-01-31`,
        `${YEAR}-01-01`,
        `${YEAR}-01-31`,
        [
          { unit: '向阳区', total: 10, licensing: 10, penalty: 0, timely: 10 },
          { unit: '工农区', total: 10, licensing: 10, penalty: 0, timely: 9 },
          { unit: '市税务局', total: 0, licensing: 0, penalty: 0, timely: 0 },
        ],
        { from: `${YEAR}-01-01`, to: `${YEAR}-01-31` },
      ),
      table(
        'publicity',
        `${YEAR}-02-01_${YEAR}-02-28`,
        `${YEAR}-02-01`,
        `${YEAR}-02-28`,
        [{ unit: '向阳区', total: 5, licensing: 5, penalty: 0, timely: 5 }],
        { from: `${YEAR}-02-01`, to: `${YEAR}-02-28` },
      ),
      table(
        'govCommitment',
        `${YEAR}-01-15`,
        `${YEAR}-01-15`,
        `${YEAR}-01-15`,
        [
          { unit: '向阳区', count: 3 },
          { unit: '工农区', count: 0 },
          { unit: '国家税务总局鹤岗市税务局', count: 2 },
        ],
        { asOf: `${YEAR}-01-15` },
      ),
      table(
        'monthlyReport',
        `${YEAR}-01`,
        `${YEAR}-01-01`,
        `${YEAR}-01-31`,
        [
          { unit: '向阳区', selfReport: 1, dynamics: 20, evidence: 1 },
          { unit: '市税务局', selfReport: 1, dynamics: 4, evidence: 0 },
        ],
        { month: `${YEAR}-01` },
      ),
      table(
        'monthlyReport',
        `${YEAR}-02`,
        `${YEAR}-02-01`,
        `${YEAR}-02-28`,
        [
          { unit: '向阳区', selfReport: 1, dynamics: 12, evidence: 1 },
          { unit: '市税务局', selfReport: 1, dynamics: 7, evidence: 0 },
        ],
        { month: `${YEAR}-02` },
      ),
    ],
  });
  const xy = (i: number) => usccOf('230402', 500 + i);
  await cloud.db.collection('commitments').add({
    data: [
      ...Array.from({ length: 1000 }, (_, i) => commitment(xy(i), `${YEAR}-01-10`)),
      commitment(usccOf('230403', 1), `${YEAR}-01-10`),
      commitment(usccOf('230403', 2), `${YEAR}-01-10`, { withdrawn: true }),
      commitment(usccOf('230403', 3), `${YEAR}-01-10`, { status: 'pending' }),
      commitment(usccOf('230403', 4), `${YEAR - 1}-12-31`),
    ],
  });
  await cloud.db
    .collection('departmentProgress')
    .doc(`${YEAR}-01-01`)
    .set({
      data: {
        asOf: `${YEAR}-01-01`,
        departments: [{ departmentId: 'swj', policyDocument: true, dynamics: false }],
        enteredBy: CITY,
        enteredByName: '市级管理员',
        enteredAt: new Date(),
      },
    });
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

describe('staff.kaohe', () => {
  it('scores each district on the indicators the data decides, quoting the rule, and ranks them', async () => {
    const res = await cloud.call('staff', TAX, { action: 'kaohe', year: YEAR });
    expect(res.error).toBeUndefined();
    const byName = (n: string) => res.data.districts.find((d: { name: string }) => d.name === n);
    const of = (
      unit: { assessments: { indicator: { id: string }; status: string; lost: number; figure?: string; need?: string }[] },
      id: string,
    ) => unit.assessments.find((a) => a.indicator.id === id)!;
    const xy = byName('向阳区');
    expect(xy).toMatchObject({ lost: 0, score: 100, rank: 1, needs: [] });
    expect(of(xy, 'd2.2')).toMatchObject({ status: 'met', figure: '赋码20户/市场主体40户，赋码率50.00%' });
    expect(of(xy, 'd2.1')).toMatchObject({ status: 'met' });
    expect(of(xy, 'd1.3a')).toMatchObject({ status: 'met', figure: '本年度及时填报15条/共15条，及时率100.00%' });
    expect(of(xy, 'd3.1')).toMatchObject({ status: 'met', figure: '本年度归集信用承诺1000份' });
    expect(of(xy, 'd6')).toMatchObject({ status: 'met', figure: '本年度报送工作动态32篇' });
    expect(of(xy, 'd2.4')).toMatchObject({ status: 'met', figure: '附件3中本单位政务承诺3份' });
    expect(of(xy, 'd1.1')).toMatchObject({ status: 'manual', lost: 0 });
    expect(of(xy, 'd4').indicator).toMatchObject({ points: 10, rule: '本辖区信用修复率低于 80%扣 10 分（平台调阅）' });
    const gn = byName('工农区');
    expect(of(gn, 'd2.2')).toMatchObject({
      status: 'lost',
      lost: 10,
      figure: '赋码1户/市场主体10户，赋码率10.00%',
      need: '年底前还需赋码3户',
    });
    expect(of(gn, 'd2.1')).toMatchObject({ status: 'lost', lost: 10, need: '年底前还需引导1家市场主体入驻“信易贷”平台' });
    expect(of(gn, 'd1.3a')).toMatchObject({ status: 'lost', lost: 5, figure: '本年度及时填报9条/共10条，及时率90.00%' });
    expect(of(gn, 'd2.4')).toMatchObject({ status: 'lost', lost: 5 });
    // Withdrawn, pending and last year's commitments are not counted.
    expect(of(gn, 'd3.1')).toMatchObject({ status: 'lost', lost: 5, figure: '本年度归集信用承诺1份', need: '年底前还需归集信用承诺999份' });
    expect(of(gn, 'd6')).toMatchObject({ status: 'lost', lost: 10, figure: '本年度报送工作动态0篇', need: '年底前还需报送工作动态30篇' });
    expect(gn.lost).toBe(45);
    expect(gn.score).toBe(55);
    expect(gn.needs).toContain('开展“码上诚信”工作情况：年底前还需赋码3户');
    // A district without totals: 码上诚信/信易贷 cannot be judged yet.
    expect(of(byName('南山区'), 'd2.2')).toMatchObject({ status: 'noData', lost: 0 });
    expect(res.data.districts[0].rank).toBe(1);
    expect(res.data.districts.map((d: { score: number }) => d.score)).toEqual(
      [...res.data.districts.map((d: { score: number }) => d.score)].sort((a, b) => b - a),
    );
  });

  it('scores each 市直 department, matching table rows by short or full name', async () => {
    const res = await cloud.call('staff', CITY, { action: 'kaohe' });
    const tax = res.data.departments.find((d: { id: string }) => d.id === 'swj');
    const of = (id: string) => tax.assessments.find((a: { indicator: { id: string } }) => a.indicator.id === id);
    expect(of('m6')).toMatchObject({ status: 'met', figure: '本年度报送工作动态11篇' });
    expect(of('m2.5')).toMatchObject({ status: 'met', figure: '附件3中本单位政务承诺2份' });
    expect(of('m1.2a')).toMatchObject({ status: 'manual', figure: '本年度附件1中本单位填报“双公示”信息0条' });
    expect(of('m2.4')).toMatchObject({ status: 'met' });
    expect(of('m3.1')).toMatchObject({ status: 'manual', figure: '本年度本部门报送信用承诺1001份（是否及时报送需人工评定）' });
    const edu = res.data.departments.find((d: { id: string }) => d.id === 'jyj');
    expect(edu.assessments.find((a: { indicator: { id: string } }) => a.indicator.id === 'm2.4')).toMatchObject({
      status: 'lost',
      lost: 5,
    });
    expect(edu.assessments.find((a: { indicator: { id: string } }) => a.indicator.id === 'm6')).toMatchObject({
      status: 'lost',
      lost: 10,
      need: '年底前还需报送工作动态10篇',
    });
    expect(res.data.departments).toHaveLength(15);
    expect((await cloud.call('staff', CITY, { action: 'kaohe', year: YEAR + 1 })).error?.code).toBe('INVALID_INPUT');
    expect((await cloud.call('staff', CITY, { action: 'kaohe', year: YEAR - 1 })).error?.code).toBe('NO_SNAPSHOT');
  });
});
