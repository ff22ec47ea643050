/**
 * The 通报 page with the whole report (sections as text, what is missing, 保存通报 as .docx) and the
 * 考核 page, in miniprogram-simulate against the real staff functions on a local cloud.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core/rates';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { installWx, loadPage, tap, textOf, typeInto, until, type RenderedPage } from '../support/simulate';
import { CITY, seedCodes, seedStaff, seedTotals } from '../functions/staff-fixtures';

let cloud: TestCloud;
const TODAY = chinaDate(new Date());
const MONTH = TODAY.slice(0, 7);

const texts = (page: RenderedPage, selector: string): string[] =>
  (page.querySelectorAll(selector) as { dom: HTMLElement }[]).map((e) => (e.dom.textContent ?? '').trim());

const tableDoc = (kind: string, key: string, start: string, end: string, period: object, rows: object[]) => ({
  _id: `${kind}:${key}`,
  kind,
  period,
  periodStart: start,
  periodEnd: end,
  rows,
  version: 1,
  batch: 't',
  importedBy: CITY,
  importedByName: '市级管理员',
  importedAt: new Date(),
});

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  for (const [code, coded, market, xyd] of [
    ['230402', 3, 40, 8],
    ['230403', 9, 20, 2],
    ['230422', 13, 55, 11],
  ] as const) {
    await seedCodes(cloud, code, coded);
    await seedTotals(cloud, code, '2026-01-01', market, xyd);
  }
});
afterAll(async () => {
  await cloud?.close();
});

describe('bulletin page: the whole 通报', () => {
  it('lists what is still missing before the tables are imported', async () => {
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-bulletin/staff-bulletin');
    await until(() => page.data.loading === false, 'the bulletin');
    expect(texts(page, '.missing-item')).toEqual([
      expect.stringMatching(/^尚未导入截至.*的“双公示”信息报送情况表（附件1）$/),
      expect.stringMatching(/政务承诺完成情况表（附件3）$/),
      '尚未录入公职人员承诺份数、承诺覆盖单位总数和公开公示率',
      '尚未导入工作动态报送情况表（附件4）',
    ]);
    expect(page.querySelector('.save-report')).toBeFalsy();
  });

  it('shows the five sections and saves the .docx through the file system and the document viewer', async () => {
    await cloud.db.collection('bulletinTables').add({
      data: [
        tableDoc('publicity', `${MONTH}-01_${TODAY}`, `${MONTH}-01`, TODAY, { from: `${MONTH}-01`, to: TODAY }, [
          { unit: '向阳区', total: 4, licensing: 3, penalty: 1, timely: 3 },
        ]),
        tableDoc('govCommitment', TODAY, TODAY, TODAY, { asOf: TODAY }, [{ unit: '市税务局', count: 2 }]),
        tableDoc('monthlyReport', MONTH, `${MONTH}-01`, `${MONTH}-28`, { month: MONTH }, [
          { unit: '市税务局', selfReport: 1, dynamics: 1, evidence: 1 },
        ]),
      ],
    });
    expect(
      (await cloud.call('staff', CITY, { action: 'setBulletinInputs', officialCommitments: 10, coverageBase: 1, disclosurePercent: 100 }))
        .ok,
    ).toBe(true);
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const saved: { filePath: string; data: string }[] = [];
    const opened: { filePath: string; fileType: string }[] = [];
    const wx = (globalThis as any).wx;
    wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    wx.getFileSystemManager = () => ({
      writeFile: (o: { filePath: string; data: string; success: () => void }) => (saved.push(o), o.success()),
    });
    wx.openDocument = (o: { filePath: string; fileType: string }) => opened.push(o);
    const page = loadPage('pages/staff-bulletin/staff-bulletin');
    await until(() => page.data.loading === false, 'the bulletin');
    expect(texts(page, '.section .heading')).toEqual([
      '一、“双公示”信息报送情况',
      '二、政府部门政务承诺完成情况',
      '三、“码上诚信”工作推进情况',
      '四、“信易贷”工作情况',
      '五、市政务守信践诺工作动态报送情况',
    ]);
    expect(texts(page, '.section .para')[0]).toMatch(
      /共填报“双公示”信息4条，及时填报“双公示”信息3条，填报及时率为75\.00%。.*填报及时率未达到100%的部门有：向阳区（75\.00%）。$/,
    );
    expect(textOf(page, '.codes-from')).toBe('赋码数取自今天的实时统计');
    await tap(page, '.save-report');
    expect(textOf(page, '.page-error')).toBe('请填写文号，如 鹤环办发〔2022〕17号');
    await typeInto(page, '.docno', '鹤环办发〔2026〕17号');
    await tap(page, '.save-report');
    await until(() => opened.length === 1, 'the document viewer');
    expect(opened[0]).toMatchObject({ filePath: `wxfile://usr/关于鹤岗市信用体系建设工作情况的通报-${TODAY}.docx`, fileType: 'docx' });
    expect(Buffer.from(saved[0]!.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('考核 page', () => {
  it('ranks the districts and the departments and opens a unit’s indicators with their rules', async () => {
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-kaohe/staff-kaohe');
    await until(() => page.data.loading === false, 'the scores');
    expect(texts(page, '.unit .name')).toHaveLength(8);
    const gn = page.data.result.districts.find((d: { name: string }) => d.name === '工农区');
    expect(gn.assessments.find((a: { indicator: { id: string } }) => a.indicator.id === 'd2.2').status).toBe('met'); // 9/20 = 45%
    await tap(page, '.unit');
    expect(texts(page, '.detail .rule')[0]).toMatch(/^评分标准：/);
    await tap(page, '.tab.departments');
    expect(texts(page, '.unit .name')).toHaveLength(15);
  });
});
