/**
 * The city's monthly 通报 end to end: the office's 附件1/3/4 tables and district totals imported
 * through the real staffFiles function, the figures no table holds entered, then in the browser the
 * 通报 page previews the five sections and "保存通报" downloads the .docx. LibreOffice (headless)
 * renders it to PDF and pdftoppm its first page to PNG: test-results/e2e/bulletin-report-page1.png.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../core/rates';
import { runStaff } from '../../scripts/staff';
import { readDocx } from '../support/docx-text';
import { SCREENSHOTS, startStack, type Stack } from './harness';

const run = promisify(execFile);
const CITY_ADMIN = 'staff-city';
const TODAY = chinaDate(new Date());
const MONTH = TODAY.slice(0, 7);
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

let stack: Stack;
let work: string;

async function call(fn: string, data: Record<string, unknown>) {
  const res = await fetch(`${stack.running.cloudUrl}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: CITY_ADMIN, data }),
  });
  const body = (await res.json()) as { result: { ok: boolean; data?: any; error?: { message: string } } };
  if (!body.result.ok) throw new Error(`${String(data.action)}: ${body.result.error?.message}`);
  return body.result.data;
}

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

beforeAll(async () => {
  stack = await startStack();
  work = await mkdtemp(join(tmpdir(), 'bulletin-e2e-'));
  await runStaff(['add', '--openid', CITY_ADMIN, '--role', 'city', '--name', '市信用办管理员'], stack.running.cloudUrl);
  const totals = [['县（区）代码', '统计日期', '市场主体总量', '入驻信易贷平台企业数']];
  const market: Record<string, [number, number]> = {
    '230402': [9500, 1710],
    '230403': [9000, 1260],
    '230404': [7500, 825],
    '230405': [4000, 280],
    '230406': [6500, 585],
    '230407': [2500, 125],
    '230421': [11500, 2530],
    '230422': [8500, 1360],
  };
  for (const [code, [m, x]] of Object.entries(market)) totals.push([code, `${MONTH}-01`, String(m), String(x)]);
  await call('staffFiles', { action: 'importRecords', kind: 'districtTotals', fileBase64: await xlsx(totals) });
  const first = `${MONTH}-01`;
  await call('staffFiles', {
    action: 'importTable',
    kind: 'publicity',
    from: first,
    to: TODAY,
    fileBase64: await xlsx([
      [
        '序号',
        '部门名称',
        '填报双公示信息数量',
        '填报行政许可信息数量',
        '填报行政处罚信息数量',
        '双公示信息填报及时数量',
        '双公示信息填报及时率',
      ],
      ['', '合计', 403, 330, 73, 396, ''],
      [1, '向阳区', 120, 100, 20, 120, '100%'],
      [2, '市市场监管局', 180, 150, 30, 175, ''],
      [3, '市税务局', 100, 80, 20, 100, '100%'],
      [4, '萝北县', 0, 0, 0, 0, ''],
      [5, '市交通局', 3, 0, 3, 1, ''],
    ]),
  });
  await call('staffFiles', {
    action: 'importTable',
    kind: 'govCommitment',
    fileBase64: await xlsx([
      ['序号', '部门名称', '政务承诺（份）'],
      [1, '市市场监管局', 12],
      [2, '市税务局', 9],
      [3, '市教育局', 0],
      [4, '向阳区', 31],
    ]),
  });
  await call('staffFiles', {
    action: 'importTable',
    kind: 'monthlyReport',
    month: MONTH,
    fileBase64: await xlsx([
      ['序号', '部门名称', '自评报告', '工作动态', '佐证材料'],
      [1, '市市场监管局', '有', '有', '有'],
      [2, '市税务局', '有', 2, ''],
      [3, '市教育局', '', '', ''],
    ]),
  });
  await call('staff', { action: 'setBulletinInputs', officialCommitments: 3120, coverageBase: 4, disclosurePercent: 100 });
  await call('staff', { action: 'setDepartmentProgress', departments: [{ departmentId: 'scjg', policyDocument: true, dynamics: true }] });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the monthly 通报', () => {
  it('is previewed in the mini-program, saved as .docx and renders in LibreOffice', async () => {
    const admin = await stack.phone(CITY_ADMIN, 'pages/staff-bulletin/staff-bulletin');
    await eventually(() => admin.cls('heading').count()).toBe(5);
    expect(await admin.cls('missing').count()).toBe(0);
    const paras = admin.cls('para');
    await eventually(() => paras.first().textContent()).toContain(
      '填报及时率未达到100%的部门有：市市场监管局（97.22%）、市交通局（33.33%）。',
    );
    await admin.shot('bulletin-report-preview');

    await admin.screen.getByPlaceholder('文号，如 鹤环办发〔2022〕17号').fill('鹤环办发〔2026〕17号');
    const download = admin.page.waitForEvent('download');
    await admin.text('保存通报（Word）').tap();
    const file = await (await download).path();
    const docxPath = join(work, '通报.docx');
    await copyFile(file!, docxPath);
    await copyFile(docxPath, join(SCREENSHOTS, 'bulletin-report.docx'));
    const doc = await readDocx(await readFile(docxPath));
    expect(doc.paragraphs).toContain('鹤环办发〔2026〕17号');
    expect(doc.paragraphs).toContain('关于鹤岗市信用体系建设工作情况的通报');
    for (const text of await paras.allTextContents()) expect(doc.paragraphs).toContain(text.trim());
    expect(doc.tables).toHaveLength(4);
    expect(admin.errors).toEqual([]);

    // The first page as the office would see it printed.
    expect(existsSync('/usr/bin/soffice'), 'scripts/install-system-packages.sh installs libreoffice-writer-nogui').toBe(true);
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docxPath],
      { timeout: 120_000 },
    );
    const pdf = join(work, '通报.pdf');
    expect(existsSync(pdf)).toBe(true);
    const { stdout } = await run('pdftotext', ['-l', '1', pdf, '-']);
    expect(stdout.replace(/\s/g, '')).toContain('关于鹤岗市信用体系建设工作情况的通报');
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOTS, 'bulletin-report-page1')]);
    const png = await readFile(join(SCREENSHOTS, 'bulletin-report-page1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A4 (210 × 297 mm) at 60 dpi: about 496 × 702 pixels, portrait.
    expect(Math.abs(png.readUInt32BE(16) - 496)).toBeLessThanOrEqual(2);
    expect(Math.abs(png.readUInt32BE(20) - 702)).toBeLessThanOrEqual(2);
    await writeFile(join(SCREENSHOTS, 'bulletin-report.pdf'), await readFile(pdf));
  }, 240_000);
});
