/**
 * The office's own route to codes, end to end in the preview: the city imports a 主动承诺信息表 in
 * the official layout, issues codes for that batch (生码), downloads the print document and prints
 * it (rendered with LibreOffice headless → PDF → PNG of page 1, as a printer would; screenshot in
 * test-results/e2e/), a shop claims its code with the delivery slip's claim code, and scanning the
 * printed QR shows 有效.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS } from '../../core';
import { templateHeaders } from '../../core/import-layouts';
import { composeUscc } from '../../core/uscc';
import { runStaff } from '../../scripts/staff';
import { SCREENSHOTS, startStack, type Phone, type Stack } from './harness';

const run = promisify(execFile);
const JOURNEY_MS = 240_000;
const CITY_ADMIN = 'staff-city';
const SHOP_OWNER = 'merchant-claimer';
/** Two shops of 向阳区 the 市场监管局 collected commitments for; neither has applied. */
const SHOPS = [
  { name: '鹤岗市向阳区认领测试饺子馆', uscc: composeUscc({ department: '9', category: '2', area: '230402', org8: 'MA0CLM01' }) },
  { name: '鹤岗市向阳区认领测试便利店', uscc: composeUscc({ department: '9', category: '2', area: '230402', org8: 'MA0CLM02' }) },
];

let stack: Stack;
let work: string;
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

beforeAll(async () => {
  stack = await startStack();
  work = await mkdtemp(join(tmpdir(), 'e2e-claim-'));
  await runStaff(['add', '--openid', CITY_ADMIN, '--role', 'city', '--name', '市信用办管理员'], stack.running.cloudUrl);
});

afterAll(async () => {
  await stack?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function expectNoErrors(phone: Phone): Promise<void> {
  expect(phone.errors).toEqual([]);
  expect(await phone.shownErrors()).toBe('');
}

/** The 主动承诺信息表 as the office prints it: title, starred header, the 例： row, then the shops. */
async function commitmentSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(FORMS.commitment.title);
  sheet.addRow([FORMS.commitment.title]);
  sheet.addRow(templateHeaders('commitment'));
  sheet.addRow([...FORMS.commitment.example!]);
  for (const s of SHOPS) {
    sheet.addRow([
      s.name,
      '个体工商户',
      s.uscc,
      '主动型',
      '市场主体承诺书',
      '主动型，自愿作出承诺',
      '我店依法诚信经营，自愿接受社会监督。',
      '无',
      '2026年5月1日',
      '可向社会公开',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Prints the .docx as an office would see it: LibreOffice → PDF; page 1 → PNG; the text of every page. */
async function render(docx: string): Promise<{ png: string; text: string }> {
  // An own LibreOffice profile: other soffice processes on the machine must not share it.
  const profile = `file://${join(work, 'lo-profile')}`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    timeout: 180_000,
  });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'page')]);
  // The scan below reads the QR at a printer-like resolution.
  await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'scan')]);
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
  return { png: join(work, 'page.png'), text: stdout };
}

function decodeQr(file: Buffer): string {
  const png = PNG.sync.read(file);
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new Error('no QR code on the printed page');
  return found.data;
}

describe('生码 → print → claim', () => {
  it(
    'the city imports, issues and prints; a shop claims with the slip and the printed QR scans 有效',
    async () => {
      // 1. 数据归集: the official 主动承诺信息表 (its 例： row is skipped, not reported).
      const admin = await stack.phone(CITY_ADMIN, 'pages/staff-import/staff-import');
      const chooser = admin.page.waitForEvent('filechooser');
      await admin.text('上传填报表').tap();
      await (
        await chooser
      ).setFiles({
        name: '主动承诺信息表.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await commitmentSheet(),
      });
      await eventually(() => admin.cls('summary').textContent()).toBe('共2行：新增2，重复0，有误0');

      // 2. 生码 for the batch just imported.
      await admin.text('为本批次生码').tap();
      await eventually(() => admin.route()).toBe('pages/staff-issue/staff-issue');
      await admin.text('生码').tap();
      await eventually(() => admin.cls('summary').textContent()).toBe('已生码2个，未生码0个');
      expect(await admin.screen.textContent()).toContain(SHOPS[0]!.name);
      await admin.shot('4-issue');

      // 3. The print document: one .docx with posters and delivery slips.
      const download = admin.page.waitForEvent('download');
      await admin.text('下载打印文件').tap();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^诚信码打印批次-\d{4}-\d{2}-\d{2}\.docx$/);
      const docx = join(work, 'print.docx');
      await file.saveAs(docx);
      await eventually(() => admin.cls('printed').textContent()).toContain('2个主体');
      await expectNoErrors(admin);

      const printed = await render(docx);
      await copyFile(printed.png, join(SCREENSHOTS, '4-print-page1.png'));
      const page1 = PNG.sync.read(await readFile(printed.png));
      // A4 at 60 dpi: 496 × 702 pixels, portrait.
      expect(Math.abs(page1.width - 496)).toBeLessThanOrEqual(2);
      expect(Math.abs(page1.height - 702)).toBeLessThanOrEqual(2);
      expect(printed.text).toContain('鹤岗市营商环境建设监督局');
      expect(printed.text).toContain('“码上诚信”诚信码送达单');
      // The slip of the shop on the first pages.
      const slip = /认领码：\s*([2-9A-Z]{4}) ([2-9A-Z]{4})/.exec(printed.text);
      expect(slip, printed.text).not.toBeNull();
      const claimCode = `${slip![1]} ${slip![2]}`;
      const firstShop = SHOPS.find((s) => printed.text.indexOf(s.name) === Math.min(...SHOPS.map((x) => printed.text.indexOf(x.name))))!;

      // 4. The shop claims with the slip: USCC and claim code, typed as printed.
      const shop = await stack.phone(SHOP_OWNER, 'pages/claim/claim');
      await shop.screen.getByPlaceholder('18位统一社会信用代码').fill(firstShop.uscc);
      await shop.screen.getByPlaceholder('送达单上的8位认领码').fill(claimCode);
      await shop.text('认领').tap();
      await eventually(() => shop.cls('entity-name').textContent()).toBe(firstShop.name);
      await shop.shot('4-claimed');
      await shop.text('查看诚信码').tap();
      await eventually(() => shop.route()).toBe('pages/my-code/my-code');
      await eventually(() => shop.cls('entity').textContent()).toBe(firstShop.name);
      await expectNoErrors(shop);

      // 5. A customer scans the printed poster: the QR on page 1 opens the verify page, 有效.
      const scanned = decodeQr(await readFile(join(work, 'scan.png')));
      expect(scanned.startsWith(`${stack.running.previewUrl}/c/`)).toBe(true);
      const visitor = await stack.phone('');
      await visitor.page.goto(scanned);
      await visitor.ready();
      expect(await visitor.route()).toBe('pages/verify/verify');
      await eventually(() => visitor.cls('verdict').textContent()).toContain('有效');
      await eventually(() => visitor.screen.textContent()).toContain(firstShop.name);
      await visitor.shot('4-scan-printed');
      await expectNoErrors(visitor);
    },
    JOURNEY_MS,
  );
});
