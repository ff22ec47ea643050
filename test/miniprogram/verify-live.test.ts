/**
 * The verify page as a person meets it (miniprogram-simulate against the local cloud): a scan
 * that arrived as an id, as `q` or as `scene`, shared and opened again, still reads 有效; the clock
 * runs on from the server's time; the version, authority and hotline are shown; an unknown code is
 * a red warning whose report is one tap away and pre-filled; an entity without a code is neutral;
 * English and Russian; 大字模式 persists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUrl, codeRefFromQuery, formatTrackingNo } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, tap, textOf, until, type RenderedPage, type WxRecorder } from '../support/simulate';

let cloud: TestCloud;
let shop: CodedEntity;
let wx: WxRecorder;

beforeAll(async () => {
  cloud = await startTestCloud();
  wx = installWx({ cloudUrl: cloud.url, openid: '' });
  // The phone's storage (miniprogram-simulate has none): where the language and 大字模式 are kept.
  const stored = new Map<string, unknown>();
  const platform = (globalThis as any).wx;
  platform.getStorageSync = (key: string) => (stored.has(key) ? stored.get(key) : '');
  platform.setStorageSync = (key: string, value: unknown) => void stored.set(key, value);
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230421', 7101),
    name: '萝北县名山镇诚信超市有限公司',
    address: '鹤岗市萝北县名山镇江畔路8号',
    districtCode: '230421',
  });
});

afterAll(async () => {
  await cloud?.close();
});

/** A tap on a switch of the page's prefs-bar component. */
async function tapPref(page: RenderedPage, selector: string): Promise<void> {
  const el = page.querySelector('.prefs-bar')!.querySelector(selector);
  if (!el) throw new Error(`no ${selector} in prefs-bar`);
  el.dispatchEvent('tap');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

type Instance = { onShareAppMessage(): { path: string }; onUnload(): void; data: Record<string, any> };
const instanceOf = (page: RenderedPage) => page.instance as unknown as Instance;

async function verdictOf(page: RenderedPage): Promise<string> {
  await until(() => page.data.result !== null, 'the verdict');
  return textOf(page, '.verdict');
}

/**
 * A page path opened as WeChat opens it: the query handed to onLoad as written, not decoded (the
 * preview's parseUrl does the same; scan.test.ts runs the links through it; importing it here
 * would load a second miniprogram-simulate).
 */
function parseUrl(path: string): { route: string; query: Record<string, string> } {
  const [route = '', search = ''] = path.replace(/^\//, '').split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k = '', v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = v;
  }
  return { route, query };
}

/** Share → open: the share card's path, opened as WeChat (and the preview) open a page. */
function openShared(page: RenderedPage): RenderedPage {
  const { route, query } = parseUrl(instanceOf(page).onShareAppMessage().path);
  return loadPage(route, query);
}

describe('a shared scan reads as it did', () => {
  it('id, q and scene: share → open → verify stays 有效 with the version', async () => {
    const url = codeUrl(DEFAULT_CODE_URL_PREFIX, shop.code._id, 1);
    const arrivals: Record<string, string>[] = [
      { id: shop.code._id, v: '1' },
      { q: encodeURIComponent(url) },
      { scene: encodeURIComponent(`${shop.code._id}?v=1`) },
    ];
    for (const query of arrivals) {
      const first = loadPage('pages/verify/verify', query);
      expect(await verdictOf(first), JSON.stringify(query)).toBe('有效');
      const shared = openShared(first);
      expect(await verdictOf(shared), `shared ${JSON.stringify(query)}`).toBe('有效');
      expect(textOf(shared, '.version')).toMatch(/^第1版，\d{4}-\d\d-\d\d起$/);
      // And shared once more from there.
      expect(await verdictOf(openShared(shared))).toBe('有效');
      for (const p of [first, shared]) instanceOf(p).onUnload();
    }
  }, 90_000);
});

describe('proof that the answer is live', () => {
  it('the clock runs on from the server time and says how long ago it checked; authority and hotline are shown', async () => {
    const page = loadPage('pages/verify/verify', { id: shop.code._id, v: '1' });
    await verdictOf(page);
    await until(() => textOf(page, '.clock') !== '', 'the clock');
    const first = textOf(page, '.clock');
    expect(first).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(textOf(page, '.ago')).toMatch(/^\d+秒前核验$/);
    await until(() => textOf(page, '.clock') !== first, 'the clock to tick');
    expect(textOf(page, '.ago')).toMatch(/^[1-9]\d*秒前核验$/);
    expect(textOf(page, '.authority')).toContain('信用鹤岗 · 鹤岗市营商环境建设监督局');
    expect(textOf(page, '.hotline')).toContain('12345');
    // The band carries the time and the short name.
    expect(textOf(page, '.band-item')).toContain('名山镇诚信超市');
    instanceOf(page).onUnload();
  });
});

describe('states and their colours', () => {
  it('an unknown code: a red warning, and one tap opens a pre-filled report', async () => {
    const page = loadPage('pages/verify/verify', { q: encodeURIComponent('https://evil.example/c/123') });
    expect(await verdictOf(page)).toBe('无效码');
    expect(page.dom!.innerHTML).toContain('tone-red');
    expect(textOf(page, '.warning')).toBe('疑似伪造或已失效，请勿轻信');
    await tap(page, '.report');
    const target = wx.navigations.at(-1)!;
    const { route, query } = parseUrl(target);
    expect(route).toBe('pages/report/report');
    expect(codeRefFromQuery(query)).toEqual({ id: 'https://evil.example/c/123' });
    // Whoever files it is a WeChat user: public.report refuses calls without an openid.
    installWx({ cloudUrl: cloud.url, openid: 'oVerifyLiveReporter' });
    const report = loadPage(route, query);
    expect(report.data.scanned).toBe('https://evil.example/c/123');
    expect(report.data.reasonIndex).toBe(1);
    await tap(report, '.submit');
    await until(() => report.data.trackingNo !== '' || report.data.error !== '', 'the report');
    expect(report.data.error).toBe('');
    const stored = await cloud.db.collection('reports').where({ scanned: 'https://evil.example/c/123', reason: '疑似伪造或无效码' }).get();
    expect(stored.data).toHaveLength(1);
    expect(stored.data[0]).toMatchObject({ forged: true, reporterOpenid: 'oVerifyLiveReporter' });
    expect(report.data.trackingNo).toBe(formatTrackingNo(stored.data[0].trackingNo));
    expect(textOf(report, '.tracking-no')).toBe(report.data.trackingNo);
    wx = installWx({ cloudUrl: cloud.url, openid: '' });
    instanceOf(page).onUnload();
  });

  it('an entity without a code is 尚未赋码 in neutral grey, not red', async () => {
    const uscc = testUscc('230422', 7102);
    await cloud.db.collection('entities').add({
      data: {
        _id: `ent-${uscc}`,
        uscc,
        name: '绥滨县未赋码小店',
        category: 'company',
        districtCode: '230422',
        address: '鹤岗市绥滨县某路2号',
        field: '市场监管',
        ownerOpenids: [],
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const page = loadPage('pages/verify/verify', { uscc });
    expect(await verdictOf(page)).toBe('尚未赋码');
    expect(page.querySelector('.verdict')!.dom!.innerHTML).toContain('tone-grey');
    expect(page.dom!.innerHTML).not.toContain('tone-red');
    instanceOf(page).onUnload();
  });
});

describe('languages and large text', () => {
  it('English and Russian from one dictionary; names stay as written; the choice persists', async () => {
    const page = loadPage('pages/verify/verify', { id: shop.code._id, v: '1' });
    await verdictOf(page);
    await tapPref(page, '.lang-en');
    expect(textOf(page, '.verdict')).toBe('Valid');
    expect(textOf(page, '.version')).toMatch(/^Version 1, since \d{4}-\d\d-\d\d$/);
    expect(page.dom!.textContent).toContain('Credit Hegang');
    expect(page.dom!.textContent).toContain('萝北县名山镇诚信超市有限公司');
    expect(page.dom!.textContent).toContain('Address');
    await tapPref(page, '.lang-ru');
    expect(textOf(page, '.verdict')).toBe('Действителен');
    await until(() => /назад/.test(textOf(page, '.ago')), 'the Russian clock');
    instanceOf(page).onUnload();
    // Remembered on the phone: the next page opens in Russian.
    const next = loadPage('pages/verify/verify', { id: shop.code._id, v: '1' });
    expect(await verdictOf(next)).toBe('Действителен');
    await tapPref(next, '.lang-zh');
    expect(textOf(next, '.verdict')).toBe('有效');
    instanceOf(next).onUnload();
  });

  it('大字模式 switches on and is remembered', async () => {
    const page = loadPage('pages/verify/verify', { id: shop.code._id, v: '1' });
    await verdictOf(page);
    expect(page.data.large).toBe(false);
    await tapPref(page, '.large-toggle');
    expect(page.data.large).toBe(true);
    expect(page.querySelector('.container')!.dom!.className).toContain('large');
    instanceOf(page).onUnload();
    const next = loadPage('pages/verify/verify', { id: shop.code._id, v: '1' });
    expect(next.data.large).toBe(true);
    await tapPref(next, '.large-toggle');
    instanceOf(next).onUnload();
  });
});

describe('profile and search in the chosen language', () => {
  it('the profile and search pages follow the language chosen on any public page', async () => {
    const search = loadPage('pages/search/search');
    await tapPref(search, '.lang-en');
    expect(textOf(search, '.search')).toBe('Search');
    expect(textOf(search, '.scan')).toBe('Scan · check a code');
    const profile = loadPage('pages/profile/profile', { uscc: shop.entity.uscc });
    await until(() => profile.data.data !== null, 'the profile');
    expect(textOf(profile, '.code-status')).toBe('Valid');
    expect(textOf(profile, '.report')).toBe('Report a problem');
    expect(profile.dom!.textContent).toContain('Address');
    expect(profile.dom!.textContent).toContain('鹤岗市萝北县名山镇江畔路8号');
    await tapPref(profile, '.lang-ru');
    expect(textOf(profile, '.code-status')).toBe('Действителен');
    expect(profile.dom!.textContent).toContain('Адрес');
    await tapPref(profile, '.lang-zh');
    expect(textOf(profile, '.code-status')).toBe('有效');
  });
});

describe('scan counts', () => {
  it('opening the verify page counts one check; 重新核验 does not count again', async () => {
    const fresh = await seedCodedEntity(cloud.db, { uscc: testUscc('230407', 7103), name: '兴山区计数页面店' });
    const page = loadPage('pages/verify/verify', { id: fresh.code._id, v: '1' });
    expect(await verdictOf(page)).toBe('有效');
    const counted = async () => {
      const res = await cloud.db.collection('scanCounts').where({ codeId: fresh.code._id }).get();
      return res.data.reduce((s: number, d: { n: number }) => s + d.n, 0);
    };
    for (let i = 0; i < 100 && (await counted()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await counted()).toBe(1);
    await tap(page, '.refresh');
    await until(() => !page.data.loading, 'the second check');
    await new Promise((r) => setTimeout(r, 200));
    expect(await counted()).toBe(1);
    instanceOf(page).onUnload();
  });
});
