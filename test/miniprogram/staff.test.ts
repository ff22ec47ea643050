/**
 * The staff pages in miniprogram-simulate, calling the real staff function on a local cloud:
 * the dashboard's bars, the review queue's approve and reject-with-reason, the bulletin, imports.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/import-layouts';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { installWx, loadPage, tap, textOf, typeInto, until, type RenderedPage } from '../support/simulate';
import { all, CITY, MERCHANT, seedApplication, seedCodes, seedStaff, seedTotals, XIANGYANG } from '../functions/staff-fixtures';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedStaff(cloud);
  // 向阳区 at 7.50%, 工农区 at 45% (past the target), 绥滨县 at 23.64%; the rest without totals.
  await seedCodes(cloud, '230402', 3);
  await seedTotals(cloud, '230402', '2026-05-01', 40, 8);
  await seedCodes(cloud, '230403', 9);
  await seedTotals(cloud, '230403', '2026-05-01', 20, 2);
  await seedCodes(cloud, '230422', 13);
  await seedTotals(cloud, '230422', '2026-05-01', 55, 11);
});
afterAll(async () => {
  await cloud?.close();
});

/** Text of each match; an element's children are separated by one space, as they are laid out apart. */
const texts = (page: RenderedPage, selector: string): string[] =>
  (page.querySelectorAll(selector) as { dom: HTMLElement }[]).map((e) => spaced(e.dom));

function spaced(el: Element): string {
  const parts = el.children.length === 0 ? [el.textContent ?? ''] : [...el.children].map(spaced);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
}

describe('staff dashboard', () => {
  it('draws a bar per district on one scale with the 40% target line', async () => {
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-dashboard/staff-dashboard');
    await until(() => page.data.loading === false, 'the stats');
    const rows = texts(page, '.bar-row.district');
    expect(rows).toHaveLength(8);
    expect(rows[0]).toBe('向阳区 7.50%');
    expect(rows[1]).toBe('工农区 45.00%');
    expect(rows[2]).toBe('南山区 —');
    expect(page.data.targetLeft).toBe(80); // 40% on a 0–50% axis
    const fills = page.querySelectorAll('.bar-row.district .fill') as { dom: HTMLElement }[];
    expect(fills[0]!.dom.getAttribute('style')).toContain('width: 15%'); // 7.5 / 50
    expect(fills[1]!.dom.className).toContain('ok');
    expect(texts(page, '.bar-block')[0]).toContain('距40%还需 13 户');
    expect(texts(page, '.bar-row.city')).toEqual(['全市 21.74%']); // 25 / 115
  });

  it('shows the city trend and the day the current pace reaches 40%, and each district’s pace', async () => {
    // Ten days: the city rising one point a day from 20%, 向阳区 flat at 7.5%.
    const days = Array.from({ length: 10 }, (_, i) => {
      const date = `2026-03-${String(i + 1).padStart(2, '0')}`;
      const bp = 2000 + i * 100;
      return {
        _id: date,
        date,
        takenAt: new Date(),
        city: { districtCode: '230400', coded: bp, marketEntities: 10_000, basisPoints: bp },
        districts: [{ districtCode: '230402', coded: 3, marketEntities: 40, basisPoints: 750 }],
      };
    });
    await cloud.db.collection('rateSnapshots').add({ data: days });
    try {
      installWx({ cloudUrl: cloud.url, openid: CITY });
      const page = loadPage('pages/staff-dashboard/staff-dashboard');
      await until(() => page.data.loading === false, 'the dashboard');
      expect(page.querySelectorAll('.trend .column')).toHaveLength(10);
      // 29% on 03-10 at +1 point a day → 40% on 03-21.
      expect(textOf(page, '.trend .pace')).toBe('按当前速度（近30天每天+1.00个百分点），预计2026年3月21日达到40%');
      expect(texts(page, '.district-pace')[0]).toBe('近30天赋码率基本持平，按当前速度无法达到40%，需加快赋码');
    } finally {
      await cloud.db
        .collection('rateSnapshots')
        .where({ date: cloud.db.command.exists(true) })
        .remove();
    }
  });

  it('tells a user who is not staff, in Chinese', async () => {
    installWx({ cloudUrl: cloud.url, openid: MERCHANT });
    const page = loadPage('pages/staff-dashboard/staff-dashboard');
    await until(() => page.data.loading === false, 'the refusal');
    expect(textOf(page, '.page-error')).toBe('您不是本系统的工作人员，无权进行此操作');
    // Their own openid, to hand to the city admin who registers staff.
    expect(textOf(page, '.openid')).toBe(MERCHANT);
    expect(texts(page, '.bar-row')).toEqual([]);
  });
});

// Before the queue test, whose approval adds a code to 向阳区.
describe('bulletin page', () => {
  it('shows the sentence and the 附件 table', async () => {
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-bulletin/staff-bulletin');
    await until(() => page.data.loading === false, 'the bulletin');
    expect(textOf(page, '.sentence')).toMatch(
      /^截至\d{4}年\d{1,2}月\d{1,2}日，“码上诚信”各县（区）赋码占市场总量排名情况：前三名的是：工农区：45\.00%，绥滨县：23\.64%，向阳区：7\.50%。$/,
    );
    const rows = texts(page, '.tr.row');
    expect(rows).toHaveLength(9);
    expect(rows[0]).toBe('1 向阳区 20.00 7.50');
    expect(rows[8]).toBe('全市 18.26 21.74');
  });
});

describe('review queue', () => {
  it('approves and rejects with a reason, leaving other districts out', async () => {
    const a = await seedApplication(cloud, { districtCode: '230402' });
    const b = await seedApplication(cloud, { districtCode: '230402' });
    const other = await seedApplication(cloud, { districtCode: '230404' });
    const rec = installWx({ cloudUrl: cloud.url, openid: XIANGYANG });
    const page = loadPage('pages/staff-queue/staff-queue');
    await until(() => page.data.loading === false, 'the queue');
    const titles = texts(page, '.item .title');
    expect(titles).toHaveLength(2);
    expect(page.data.rows.map((r: { id: string }) => r.id)).not.toContain(other._id);

    await tap(page, '.item .act-approve');
    await until(() => page.data.rows.length === 1, 'the approval');
    expect(rec.toasts).toContain('已通过');
    expect((await all(cloud, 'applications', { _id: a._id }))[0].status).toBe('approved');
    expect(await all(cloud, 'codes', { uscc: a.uscc })).toHaveLength(1);

    await tap(page, '.item .act-reject');
    await tap(page, '.confirm');
    expect(textOf(page, '.page-error')).toBe('驳回时请填写原因');
    await typeInto(page, '.reason', '门头照片与经营地址不符');
    await tap(page, '.confirm');
    await until(() => page.data.rows.length === 0, 'the rejection');
    expect((await all(cloud, 'applications', { _id: b._id }))[0]).toMatchObject({
      status: 'rejected',
      decisionReason: '门头照片与经营地址不符',
    });
    expect(textOf(page, '.empty')).toBe('暂无事项');

    // The code just issued, suspended with a reason from the 有效码 tab.
    await tap(page, '.tab-active');
    await until(() => page.data.loading === false && page.data.rows.length > 0, 'the codes');
    const [code] = await all(cloud, 'codes', { uscc: a.uscc });
    const row = page.data.rows.find((r: { id: string }) => r.id === code._id);
    expect(row.lines[1]).toBe('第1版 · 有效');
    expect(page.data.rows.every((r: { lines: string[] }) => r.lines[0]!.includes('向阳区'))).toBe(true);
    const index = page.data.rows.indexOf(row);
    (page.querySelectorAll('.act-suspendCode') as { dispatchEvent(name: string): void }[])[index]!.dispatchEvent('tap');
    await until(() => page.data.pendingId === code._id && page.data.pendingAct === 'suspendCode', 'the reason box');
    await typeInto(page, '.reason', '消费者投诉核查中');
    await tap(page, '.confirm');
    await until(() => !page.data.rows.some((r: { id: string }) => r.id === code._id), 'the suspension');
    expect(rec.toasts).toContain('已暂停');
    expect((await all(cloud, 'codes', { _id: code._id }))[0]).toMatchObject({ status: 'suspended' });
  });
});

describe('import page', () => {
  it('shows the row-level report of an uploaded file', async () => {
    installWx({ cloudUrl: cloud.url, openid: CITY });
    const page = loadPage('pages/staff-import/staff-import');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(templateHeaders('commitment'));
    ws.addRow([
      '页面测试商户',
      '法人',
      '91230402MA0000000X',
      '主动型',
      '市场主体承诺书',
      '事由',
      '内容',
      '责任',
      '2026-05-01',
      '可向社会公开',
    ]);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    await (page.instance as unknown as { importFile(f: { fileBase64: string }): Promise<void> }).importFile({ fileBase64: base64 });
    expect(textOf(page, '.summary')).toBe('共1行：新增0，重复0，有误1');
    expect(texts(page, '.issue')[0]).toMatch(/^第2行 承诺人代码：承诺人代码：/);
  });
});
