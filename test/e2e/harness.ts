/**
 * The whole system for end-to-end tests: `npm start`'s own start() on free ports with a fresh
 * data folder (no demo seed: each test creates what it needs through the real functions and
 * tools), and headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) as a
 * touch phone, so taps go through j-component's touch → tap path exactly as on a device.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildAll } from '../../scripts/build';
import { start, type Running } from '../../scripts/start';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'e2e');

export interface Stack {
  running: Running;
  browser: Browser;
  /**
   * A fresh phone (own storage) opened on `path` of the preview as `caller` (an openid, '' = public).
   * `desktop`: a mouse-only desktop browser instead of a touch phone.
   */
  phone(caller: string, path?: string, desktop?: boolean): Promise<Phone>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} 不存在：请先运行 scripts/install-system-packages.sh（安装 chromium）`);
  const root = join(__dirname, '..', '..');
  if (!existsSync(join(root, 'build', 'miniprogram', 'app.json'))) await buildAll();
  const dataDir = await mkdtemp(join(tmpdir(), 'e2e-cloud-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  // Codes issued in this run must point at this run's preview, so that opening one "scans" it.
  delete process.env.CODE_URL_PREFIX;
  const running = await start({ port: 0, cloudPort: 0, dataDir, build: false, seed: false, log: () => undefined });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  } catch (e) {
    await running.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  return {
    running,
    browser,
    async phone(caller, path = '', desktop = false) {
      const device = desktop
        ? { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 }
        : { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
      const context = await browser.newContext({ ...device, locale: 'zh-CN', acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      const phone = new Phone(page);
      await page.goto(`${running.previewUrl}/?caller=${encodeURIComponent(caller)}${path ? `#/${path}` : ''}`);
      await phone.ready();
      return phone;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await running.close();
      delete process.env.CODE_URL_PREFIX;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One browser tab showing the preview, with the page errors it collected. */
export class Phone {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  async ready(): Promise<void> {
    await this.page.waitForSelector('body[data-ready="true"]');
  }

  /** The mini-program page on top of the stack. */
  get screen(): Locator {
    return this.page.locator('wx-page:not([hidden])');
  }

  /**
   * Visible elements of the current page with a WXML class; j-component prefixes each class in the
   * DOM with its page or component (`pages-apply-apply--field`), so the class token ends in `--name`.
   */
  cls(name: string): Locator {
    return this.screen.locator(`[class$="--${name}"], [class*="--${name} "]`).filter({ visible: true });
  }

  /** The smallest visible element of the current page whose text is exactly `text`. */
  text(text: string): Locator {
    return this.screen.getByText(text, { exact: true }).filter({ visible: true });
  }

  async route(): Promise<string | null> {
    return this.screen.getAttribute('data-route');
  }

  /** Shown errors of the preview itself (uncaught page errors, failed loads). */
  async shownErrors(): Promise<string> {
    return (await this.page.locator('#errors').textContent()) ?? '';
  }

  async switchCaller(openid: string): Promise<void> {
    await this.page.selectOption('#caller', openid);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }
}
