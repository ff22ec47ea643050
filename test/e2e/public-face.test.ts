/**
 * The public face in a real browser (the preview), end to end through the real functions: a shared
 * link opened in the browser reads 有效 — whether the scan first arrived as the printed URL (`q`),
 * a mini-program scene or an id — and the verify page in each state, in 大字模式, in English and
 * Russian, with two screenshots of the valid page a second apart that differ (the clock and the
 * moving band). Also the open API's badge through the same local cloud. Screenshots:
 * test-results/e2e/public-*.png.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSdk } from '../../localcloud/sdk';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { SCREENSHOTS, startStack, type Phone, type Stack } from './harness';

const STEP_MS = 120_000;
let stack: Stack;
let db: ReturnType<typeof connectSdk>['db'];
let valid: CodedEntity;

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

beforeAll(async () => {
  stack = await startStack();
  db = connectSdk(stack.running.cloudUrl).db;
  valid = await seedCodedEntity(db, {
    uscc: testUscc('230402', 5101),
    name: '鹤岗市向阳区诚信示范便民超市有限公司',
    address: '鹤岗市向阳区红军路88号',
  });
});

afterAll(async () => {
  await stack?.close();
});

async function expectNoErrors(phone: Phone): Promise<void> {
  expect(phone.errors).toEqual([]);
  expect(await phone.shownErrors()).toBe('');
}

/** The share card's path of the page on top (what WeChat's share menu sends). */
function sharedPath(phone: Phone): Promise<string> {
  return phone.page.evaluate(() => {
    const pages = (window as unknown as { getCurrentPages(): Array<{ onShareAppMessage(): { path: string } }> }).getCurrentPages();
    return pages[pages.length - 1]!.onShareAppMessage().path;
  });
}

/** A visitor opens a page of the mini-program by its path (a share card tapped in a chat). */
async function openPath(path: string): Promise<Phone> {
  return stack.phone('', path.replace(/^\//, ''));
}

async function verdict(phone: Phone): Promise<string> {
  await eventually(() => phone.cls('verdict').count()).toBe(1);
  return ((await phone.cls('verdict').textContent()) ?? '').trim();
}

describe('a shared link opened in the browser', () => {
  it(
    'reads 有效 whichever way the scan first arrived: printed URL (q), scene, id',
    async () => {
      const id = valid.code._id;
      const arrivals = [
        `pages/verify/verify?q=${encodeURIComponent(`${stack.running.previewUrl}/c/${id}?v=1`)}`,
        `pages/verify/verify?scene=${encodeURIComponent(`${id}?v=1`)}`,
        `pages/verify/verify?id=${id}&v=1`,
      ];
      for (const arrival of arrivals) {
        const first = await openPath(arrival);
        expect(await verdict(first), arrival).toBe('有效');
        const shared = await sharedPath(first);
        expect(shared).toBe(`/pages/verify/verify?id=${id}&v=1`);
        const friend = await openPath(shared);
        expect(await verdict(friend), `shared from ${arrival}`).toBe('有效');
        await eventually(() => friend.cls('version').textContent()).toMatch(/^第1版，\d{4}-\d\d-\d\d起$/);
        await expectNoErrors(first);
        await expectNoErrors(friend);
      }
      // The printed URL itself, as a phone camera opens it.
      const camera = await stack.phone('');
      await camera.page.goto(`${stack.running.previewUrl}/c/${id}?v=1`);
      await camera.ready();
      expect(await verdict(camera)).toBe('有效');
      expect(await sharedPath(camera)).toBe(`/pages/verify/verify?id=${id}&v=1`);
    },
    STEP_MS,
  );
});

describe('the verify page in each state', () => {
  it(
    '有效 is alive: two screenshots a second apart differ; the clock says how long ago it checked',
    async () => {
      const phone = await openPath(`pages/verify/verify?id=${valid.code._id}&v=1`);
      expect(await verdict(phone)).toBe('有效');
      await eventually(() => phone.cls('ago').textContent()).toMatch(/秒前核验$/);
      expect(await phone.cls('authority').textContent()).toContain('信用鹤岗 · 鹤岗市营商环境建设监督局');
      expect(await phone.cls('hotline').textContent()).toContain('12345');
      await phone.shot('public-valid-1');
      await phone.page.waitForTimeout(1000);
      await phone.shot('public-valid-2');
      const [a, b] = await Promise.all([
        readFile(join(SCREENSHOTS, 'public-valid-1.png')),
        readFile(join(SCREENSHOTS, 'public-valid-2.png')),
      ]);
      expect(a.equals(b)).toBe(false);
      const clock1 = await phone.cls('clock').textContent();
      await phone.page.waitForTimeout(1100);
      expect(await phone.cls('clock').textContent()).not.toBe(clock1);
      await expectNoErrors(phone);
    },
    STEP_MS,
  );

  it(
    '暂停, 已撤销, 旧码已停用, 无效码 and 尚未赋码, each in its colour',
    async () => {
      const codes = db.collection('codes');
      const suspended = await seedCodedEntity(db, { uscc: testUscc('230403', 5102), name: '工农区暂停示例商店' });
      await codes.doc(suspended.code._id).update({
        data: {
          status: 'suspended',
          history: [...suspended.code.history, { at: new Date(), status: 'suspended', by: 'staff', reason: '内部', category: 'verifying' }],
        },
      });
      const revoked = await seedCodedEntity(db, { uscc: testUscc('230404', 5103), name: '南山区撤销示例商店' });
      await codes.doc(revoked.code._id).update({
        data: {
          status: 'revoked',
          liveKey: db.command.remove(),
          history: [...revoked.code.history, { at: new Date(), status: 'revoked', by: 'staff', reason: '内部', category: 'dishonest' }],
        },
      });
      const reissued = await seedCodedEntity(db, { uscc: testUscc('230405', 5104), name: '兴安区换码示例商店' });
      // A reprint (version 2) of a code that was never revoked: a version-1 print is retired. (A revoked
      // code's prints keep saying 已撤销 even after a reissue: the entitlement rules.)
      await codes.doc(reissued.code._id).update({ data: { version: 2 } });
      const uncoded = testUscc('230421', 5105);
      await db.collection('entities').add({
        data: {
          _id: `ent-${uncoded}`,
          uscc: uncoded,
          name: '萝北县尚未赋码小店',
          category: 'company',
          districtCode: '230421',
          address: '鹤岗市萝北县某路5号',
          field: '市场监管',
          ownerOpenids: [],
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      });
      const states = [
        { name: 'suspended', path: `pages/verify/verify?id=${suspended.code._id}&v=1`, label: '暂停', tone: 'amber', extra: '信息核查中' },
        { name: 'revoked', path: `pages/verify/verify?id=${revoked.code._id}&v=1`, label: '已撤销', tone: 'red', extra: '存在失信行为' },
        { name: 'retired', path: `pages/verify/verify?id=${reissued.code._id}&v=1`, label: '旧码已停用', tone: 'amber', extra: '第2版' },
        {
          name: 'unknown',
          path: 'pages/verify/verify?id=AAAAAAAAAAAAAAAAAAAAAA&v=1',
          label: '无效码',
          tone: 'red',
          extra: '疑似伪造或已失效，请勿轻信',
        },
        { name: 'none', path: `pages/verify/verify?uscc=${uncoded}`, label: '尚未赋码', tone: 'grey', extra: '萝北县尚未赋码小店' },
      ];
      for (const s of states) {
        const phone = await openPath(s.path);
        expect(await verdict(phone), s.name).toBe(s.label);
        expect(await phone.cls('verdict-card').getAttribute('class')).toContain(`tone-${s.tone}`);
        await eventually(() => phone.screen.textContent()).toContain(s.extra);
        await phone.shot(`public-${s.name}`);
        await expectNoErrors(phone);
      }
    },
    STEP_MS,
  );

  it(
    'in 大字模式, in English and in Russian',
    async () => {
      const phone = await openPath(`pages/verify/verify?id=${valid.code._id}&v=1`);
      expect(await verdict(phone)).toBe('有效');
      const hint = phone.cls('hint-text');
      const normal = await hint.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      await phone.text('大字模式').tap();
      await eventually(() => hint.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(normal * 1.2);
      await phone.shot('public-large');
      await phone.text('大字模式').tap();

      await phone.text('English').tap();
      expect(await verdict(phone)).toBe('Valid');
      await eventually(() => phone.screen.textContent()).toContain('Credit Hegang');
      await phone.shot('public-english');
      await phone.text('Русский').tap();
      expect(await verdict(phone)).toBe('Действителен');
      await eventually(() => phone.cls('ago').textContent()).toMatch(/назад$/);
      await phone.shot('public-russian');
      // Remembered on this phone: the next scan opens in Russian.
      await phone.page.goto(`${stack.running.previewUrl}/?caller=#/pages/verify/verify?id=${valid.code._id}&v=1`);
      await phone.ready();
      expect(await verdict(phone)).toBe('Действителен');
      await phone.text('中文').tap();
      expect(await verdict(phone)).toBe('有效');
      await expectNoErrors(phone);
    },
    STEP_MS,
  );
});

describe('open data', () => {
  it('the badge and the code status through the local cloud’s /open/v1/', async () => {
    const res = await fetch(`${stack.running.cloudUrl}/open/v1/codes/${valid.code._id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('valid');
    const badge = await fetch(`${stack.running.cloudUrl}/open/v1/badge/${valid.code._id}.svg`);
    expect(badge.headers.get('content-type')).toContain('image/svg+xml');
    expect(await badge.text()).toContain('有效 · 第1版');
  });
});
