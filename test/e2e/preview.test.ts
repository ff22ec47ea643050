/**
 * The mini-program in a real browser (the preview `npm start` serves), end to end through the
 * real functions and database: the preview's own wiring, then the three journeys — a merchant
 * applies, district staff approve, the merchant shows the code and the public scan it; and the
 * staff dashboard with its district bars and the bulletin. Screenshots: test-results/e2e/.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateHeaders } from '../../core/import-layouts';
import { composeUscc } from '../../core/uscc';
import { runStaff } from '../../scripts/staff';
import { startStack, type Phone, type Stack } from './harness';
import { fillEntitlement } from './apply-entitlement';

const JOURNEY_MS = 120_000;
const MERCHANT = 'merchant-demo';
const DISTRICT_STAFF = 'staff-230402';
const CITY_ADMIN = 'staff-city';
/** A valid USCC registered in 向阳区 (230402), so its application goes to that district's queue. */
const USCC = composeUscc({ department: '9', category: '1', area: '230402', org8: 'MA1B2C3D' });
const ENTITY = '鹤岗市向阳区诚信便民超市';
const ADDRESS = '鹤岗市向阳区红军路1号';

let stack: Stack;

/** Waits for what the page shows after its cloud calls; generous, as `npm test` shares 2 cores. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

beforeAll(async () => {
  stack = await startStack();
  const url = stack.running.cloudUrl;
  await runStaff(['add', '--openid', DISTRICT_STAFF, '--role', 'district', '--district', '230402', '--name', '向阳区审核员'], url);
  await runStaff(['add', '--openid', CITY_ADMIN, '--role', 'city', '--name', '市信用办管理员'], url);
});

afterAll(async () => {
  await stack?.close();
});

async function expectNoErrors(phone: Phone): Promise<void> {
  expect(phone.errors).toEqual([]);
  expect(await phone.shownErrors()).toBe('');
}

/** A small storefront picture (8×6, red), as a phone album would hand over. */
function storefrontPng(): Buffer {
  const png = new PNG({ width: 8, height: 6 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 30, 30, 255], i);
  return PNG.sync.write(png);
}

/** Width of a loaded `<img>` (0 while it has not loaded or failed). */
const loadedWidth = (img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0);

/** Reads the QR code in a PNG data URL, as a phone camera would. */
function decodeQr(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new Error('no QR code in the image');
  return found.data;
}

describe('the preview', () => {
  it('renders the home page in the phone frame and navigates with the page stack', async () => {
    const phone = await stack.phone('');
    expect(await phone.route()).toBe('pages/index/index');
    await eventually(() => phone.page.locator('#nav-title').textContent()).toBe('码上诚信');
    await eventually(() => phone.text('申请诚信码').count()).toBe(1);
    expect(await phone.page.locator('#nav-back').isVisible()).toBe(false);

    await phone.text('扫码核验 · 查询主体').tap();
    await eventually(() => phone.route()).toBe('pages/search/search');
    expect(await phone.page.locator('wx-page').count()).toBe(2);
    expect(phone.page.url()).toContain('#/pages/search/search');
    await phone.page.locator('#nav-back').tap();
    await eventually(() => phone.route()).toBe('pages/index/index');
    expect(await phone.page.locator('wx-page').count()).toBe(1);
    await expectNoErrors(phone);
  });

  it('turns mouse clicks into taps on a desktop browser', async () => {
    const desktop = await stack.phone('', '', true);
    await desktop.text('扫码核验 · 查询主体').click();
    await eventually(() => desktop.route()).toBe('pages/search/search');
    await desktop.page.locator('#nav-back').click();
    await eventually(() => desktop.route()).toBe('pages/index/index');
    // The page stack never grew twice: one click, one tap.
    expect(await desktop.page.locator('wx-page').count()).toBe(1);
    await desktop.shot('0-desktop');
    await expectNoErrors(desktop);
  });

  it('calls the functions as the caller chosen outside the phone', async () => {
    const phone = await stack.phone(MERCHANT, 'pages/staff-dashboard/staff-dashboard');
    await eventually(() => phone.cls('page-error').textContent()).toContain('不是本系统的工作人员');

    await phone.switchCaller(CITY_ADMIN);
    await eventually(() => phone.cls('title').first().textContent()).toMatch(/^赋码进度（截至\d{4}-\d{2}-\d{2}）$/);
    expect(await phone.cls('page-error').count()).toBe(0);
    expect(phone.page.url()).toContain(`caller=${CITY_ADMIN}`);
    await expectNoErrors(phone);
  });

  it('opens a code URL on the verify page as the public, and scans one with wx.scanCode', async () => {
    const phone = await stack.phone(MERCHANT);
    await phone.page.goto(`${stack.running.previewUrl}/c/AAAAAAAAAAAAAAAAAAAAAA?v=1`);
    await phone.ready();
    expect(await phone.route()).toBe('pages/verify/verify');
    // The scanner is the public: the caller switch shows the anonymous caller.
    expect(await phone.page.locator('#caller').inputValue()).toBe('');
    await eventually(() => phone.cls('verdict').textContent()).toContain('无效码');

    // The verify page without a code offers the scanner; the preview's scanner asks for the text.
    await phone.page.goto(`${stack.running.previewUrl}/?caller=#/pages/verify/verify`);
    await phone.ready();
    await eventually(() => phone.cls('page-error').count()).toBe(1);
    await phone.text('扫一扫诚信码').tap();
    await phone.page.locator('.wx-modal-input').fill(`${stack.running.previewUrl}/c/BBBBBBBBBBBBBBBBBBBBBB?v=2`);
    await phone.page.locator('.wx-modal-confirm').tap();
    await eventually(() => phone.cls('verdict').textContent()).toContain('无效码');
    expect(await phone.page.locator('.wx-modal').count()).toBe(0);
    await expectNoErrors(phone);
  });
});

describe('journeys', () => {
  let codeUrl = '';

  it(
    '1. a merchant applies with a valid USCC',
    async () => {
      const phone = await stack.phone(MERCHANT);
      await phone.text('申请诚信码').tap();
      await eventually(() => phone.route()).toBe('pages/apply/apply');

      await phone.screen.getByPlaceholder('营业执照上的18位代码').fill(USCC);
      // Checked as typed, with the district the code's area gives.
      await eventually(() => phone.cls('uscc-message').textContent()).toContain('代码有效');
      await phone.screen.getByPlaceholder('与营业执照一致').fill(ENTITY);
      const field = (label: string) => phone.cls('field').filter({ hasText: label });
      expect(await phone.cls('district').textContent()).toBe('向阳区');
      await field('经营地址').locator('input').fill(ADDRESS);
      await field('行业领域').locator('select').selectOption({ label: '市场监管' });
      await field('联系人').locator('input').fill('张三');
      await field('联系电话').locator('input').fill('13800000000');
      await fillEntitlement(phone, '张三');
      // 门头照片: chosen from the album, stored in the local cloud's storage, shown by its fileID.
      const chooser = phone.page.waitForEvent('filechooser');
      await phone.cls('photo-pick').tap();
      await (await chooser).setFiles({ name: 'storefront.png', mimeType: 'image/png', buffer: storefrontPng() });
      await eventually(() => phone.cls('photo-thumb').locator('img').evaluate(loadedWidth)).toBe(8);
      expect(await phone.cls('photo-thumb').locator('img').getAttribute('src')).toMatch(/^\/__preview\/storage\?fileID=cloud%3A%2F%2F/);
      await phone.shot('1-apply-form');

      await phone.text('提交申请').tap();
      await eventually(() => phone.cls('big').textContent()).toBe('申请已提交');
      await eventually(() => phone.cls('done').textContent()).toContain(`统一社会信用代码 ${USCC}`);
      expect(await phone.cls('done').textContent()).toContain('将由向阳区审核');
      await phone.shot('1-applied');
      await expectNoErrors(phone);
    },
    JOURNEY_MS,
  );

  it(
    '2. district staff approve it; the merchant shows the code; the public scan it and see 有效',
    async () => {
      const staff = await stack.phone(DISTRICT_STAFF);
      await staff.text('工作人员入口').tap();
      await staff.text('审核待办').tap();
      await eventually(() => staff.route()).toBe('pages/staff-queue/staff-queue');
      const item = staff.cls('item').filter({ hasText: ENTITY });
      await eventually(() => item.count()).toBe(1);
      expect(await item.textContent()).toContain(USCC);
      await staff.shot('2-queue');
      await item.getByText('通过', { exact: true }).tap();
      // The register has no row for this USCC: 通过 asks for confirmation first.
      await eventually(() => staff.page.locator('.wx-modal-content').textContent()).toContain('市场主体名录中无此统一社会信用代码');
      await staff.page.locator('.wx-modal-confirm').tap();
      await eventually(() => item.count()).toBe(0);
      await eventually(() => staff.cls('empty').count()).toBe(1);
      await expectNoErrors(staff);

      const merchant = await stack.phone(MERCHANT);
      await merchant.text('我的诚信码').tap();
      await eventually(() => merchant.route()).toBe('pages/my-entities/my-entities');
      await eventually(() => merchant.screen.textContent()).toContain('诚信码：有效');
      await merchant.text('亮码 · 海报').tap();
      await eventually(() => merchant.route()).toBe('pages/my-code/my-code');
      await eventually(() => merchant.cls('entity').textContent()).toBe(ENTITY);
      await eventually(() => merchant.cls('foot').textContent()).toMatch(/^诚信码 [0-9A-Za-z]{22} · 第1版$/);
      const src = await merchant.cls('code').locator('img').getAttribute('src');
      expect(src).toMatch(/^data:image\/png;base64,/);
      await merchant.shot('2-my-code');
      // 保存海报: the poster drawn on the page's canvas arrives as a PNG with the same QR code.
      const download = merchant.page.waitForEvent('download');
      // Watched inside the page from before the tap: the toast lasts 1.5 s, less than a loaded machine
      // may take to answer a poll from here.
      await merchant.page.evaluate(() => {
        const seen: string[] = [];
        Object.assign(window, { __toasts: seen });
        const overlay = document.getElementById('overlay')!;
        new MutationObserver(() => overlay.querySelectorAll('.wx-toast-title').forEach((t) => seen.push(t.textContent ?? ''))).observe(
          overlay,
          { childList: true },
        );
      });
      await merchant.text('保存海报图片到相册').tap();
      const poster = await readFile((await (await download).path())!);
      expect(decodeQr(`data:image/png;base64,${poster.toString('base64')}`)).toBe(decodeQr(src!));
      await eventually(() => merchant.page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts.join('|'))).toContain(
        '海报已保存到相册',
      );
      await expectNoErrors(merchant);

      // Scan it: the QR carries this preview's /c/<id>?v=1 URL; opening it is what a phone camera does.
      codeUrl = decodeQr(src!);
      const codeId = (await merchant.cls('foot').textContent())!.split(' ')[1]!;
      expect(codeUrl).toBe(`${stack.running.previewUrl}/c/${codeId}?v=1`);
      // 分享给朋友: the share card opens this code's verify page.
      await merchant.text('分享给朋友').tap();
      await eventually(() => merchant.page.locator('.wx-modal-content').textContent()).toContain(`/pages/verify/verify?id=${codeId}&v=1`);
      await merchant.page.locator('.wx-modal-confirm').tap();
      const visitor = await stack.phone('');
      await visitor.page.goto(codeUrl);
      await visitor.ready();
      expect(await visitor.route()).toBe('pages/verify/verify');
      await eventually(() => visitor.cls('verdict').textContent()).toContain('有效');
      await eventually(() => visitor.screen.textContent()).toContain(ENTITY);
      expect(await visitor.screen.textContent()).toContain(ADDRESS);
      expect(await visitor.cls('clock').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
      // The storefront photo the merchant gave, to compare with the shop.
      await eventually(() => visitor.cls('photo').locator('img').evaluate(loadedWidth)).toBe(8);
      // Private data never reaches the public page.
      expect(await visitor.screen.textContent()).not.toContain('13800000000');
      await visitor.shot('2-verify');
      await expectNoErrors(visitor);
    },
    JOURNEY_MS,
  );

  it(
    '3. the city imports district totals; the dashboard shows the district bars and the bulletin',
    async () => {
      expect(codeUrl, 'journey 2 issued a code').not.toBe('');
      const xlsx = await districtTotalsFile();
      const admin = await stack.phone(CITY_ADMIN, 'pages/staff-import/staff-import');
      await admin.cls('kind-picker').locator('select').selectOption({ label: '县（区）市场主体总量与信易贷入驻情况表' });
      const chooser = admin.page.waitForEvent('filechooser');
      await admin.text('上传填报表').tap();
      await (
        await chooser
      ).setFiles({
        name: '县区市场主体总量.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: xlsx,
      });
      await eventually(() => admin.cls('summary').textContent()).toBe('共8行：新增8，重复0，有误0');
      await admin.shot('3-import');

      await admin.page.goto(`${stack.running.previewUrl}/?caller=${CITY_ADMIN}#/pages/staff-dashboard/staff-dashboard`);
      await admin.ready();
      const bars = admin.cls('bar-block');
      await eventually(() => bars.count()).toBe(8);
      // 向阳区: the one code issued in journey 2 out of 100 market entities.
      const percent = async (district: string) =>
        parseFloat((await bars.filter({ hasText: district }).locator('[class$="--bar-percent"]').textContent()) ?? '');
      expect(await percent('向阳区')).toBe(1);
      expect(await percent('工农区')).toBe(0);
      await admin.shot('3-dashboard');

      await admin.text('通报').tap();
      await eventually(() => admin.route()).toBe('pages/staff-bulletin/staff-bulletin');
      await eventually(() => admin.cls('sentence').textContent()).toContain('向阳区');
      // The attachment table: districts ranked by 赋码率, then the city; 信易贷 10/100 everywhere.
      const rows = admin.cls('row');
      await eventually(() => rows.count()).toBe(9);
      const cells = async (i: number) => (await rows.nth(i).locator('[class*="--td"]').allTextContents()).map((t) => t.trim());
      expect(await cells(0)).toEqual(['1', '向阳区', '10.00', '1.00']);
      expect((await cells(1)).slice(2)).toEqual(['10.00', '0.00']);
      // The city: 1 code among 800 entities.
      expect((await cells(8)).slice(1)).toEqual(['全市', '10.00', '0.13']);
      await admin.shot('3-bulletin');
      await expectNoErrors(admin);
    },
    JOURNEY_MS,
  );
});

/** The 县（区）市场主体总量 填报表 as a district office would fill the blank template. */
async function districtTotalsFile(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('填报表');
  sheet.addRow(templateHeaders('districtTotals'));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const code of ['230402', '230403', '230404', '230405', '230406', '230407', '230421', '230422']) {
    sheet.addRow([code, today, 100, 10]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
