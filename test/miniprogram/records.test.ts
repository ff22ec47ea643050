/**
 * 查看全部 in miniprogram-simulate against the local cloud: an entity with more honours than the
 * profile previews (PREVIEW_PER_KIND = 10) shows 查看全部 on the verify page and on the profile page;
 * the records page lists them newest first, a page at a time, and 加载更多 brings the next page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, tap, textOf, until, type RenderedPage, type WxRecorder } from '../support/simulate';

const HONOURS = 25;

let cloud: TestCloud;
let shop: CodedEntity;
let wx: WxRecorder;

/** Honour i was collected on day i of 2025: the newest is the last. */
const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const newestFirst = (from: number, to: number) => Array.from({ length: to - from }, (_v, k) => `守信荣誉${HONOURS - 1 - from - k}`);

beforeAll(async () => {
  cloud = await startTestCloud();
  wx = installWx({ cloudUrl: cloud.url, openid: '' });
  shop = await seedCodedEntity(cloud.db, { uscc: testUscc('230403', 7301), name: '工农区荣誉很多的饭店' });
  const source = {
    kind: 'import',
    department: '市商务局',
    importedBy: 'oStaff',
    importedAt: new Date('2025-06-01T02:00:00Z'),
    batch: 'b1',
  };
  for (let i = 0; i < HONOURS; i++) {
    await cloud.db.collection('honours').add({
      data: {
        entityName: shop.entity.name,
        uscc: shop.entity.uscc,
        issuer: '市商务局',
        basis: `守信荣誉${i}`,
        collectedOn: day(i),
        source,
        dedupKey: `r-${i}`,
        createdAt: new Date(),
      },
    });
  }
});

afterAll(async () => {
  await cloud?.close();
});

/** The 查看全部 link of a kind inside the page's profile (null when not shown). */
function viewAll(page: RenderedPage, kind: string) {
  return page.querySelector('.profile-view')!.querySelector(`.view-all-${kind}`);
}

/** Tap an element found inside a component (tap() looks at the page's own elements only). */
async function tapInside(el: { dispatchEvent(name: string): void }): Promise<void> {
  el.dispatchEvent('tap');
  await new Promise((r) => setTimeout(r, 0));
}

describe('查看全部', () => {
  const recordsUrl = () => `/pages/records/records?uscc=${shop.entity.uscc}&kind=honours&name=${encodeURIComponent(shop.entity.name)}`;

  it('the verify page shows 10 honours and 查看全部, which opens the records page', async () => {
    const page = loadPage('pages/verify/verify', { q: encodeURIComponent(codeUrl(DEFAULT_CODE_URL_PREFIX, shop.code._id, 1)) });
    await until(() => page.data.result !== null, 'the verdict');
    expect(page.data.result.profile.honours).toHaveLength(10);
    expect((viewAll(page, 'honours')!.dom!.textContent ?? '').trim()).toBe('查看全部 ›');
    expect(viewAll(page, 'commitments')).toBeFalsy();
    await tapInside(viewAll(page, 'honours')!);
    expect(wx.navigations.at(-1)).toBe(recordsUrl());
  });

  it('the profile page shows it too', async () => {
    const page = loadPage('pages/profile/profile', { uscc: shop.entity.uscc });
    await until(() => page.data.data !== null, 'the profile');
    await tapInside(viewAll(page, 'honours')!);
    expect(wx.navigations.at(-1)).toBe(recordsUrl());
  });

  it('the records page lists them newest first and 加载更多 loads the second page', async () => {
    const page = loadPage('pages/records/records', { uscc: shop.entity.uscc, kind: 'honours', name: encodeURIComponent(shop.entity.name) });
    await until(() => page.data.items.length > 0, 'the first page');
    expect(textOf(page, '.entity-name')).toBe(shop.entity.name);
    expect(textOf(page, '.section')).toBe('守信激励');
    expect(page.data.items.map((h: { basis: string }) => h.basis)).toEqual(newestFirst(0, 20));
    expect(page.dom!.textContent).toContain('由市商务局认定');
    expect(textOf(page, '.all-shown')).toBe('');
    await tap(page, '.more');
    await until(() => page.data.items.length > 20, 'the second page');
    expect(page.data.items.map((h: { basis: string }) => h.basis)).toEqual(newestFirst(0, HONOURS));
    expect(page.querySelector('.more')).toBeFalsy();
    expect(textOf(page, '.all-shown')).toBe('已经全部显示');
  });
});
