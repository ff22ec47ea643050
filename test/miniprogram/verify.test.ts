/**
 * The public pages in miniprogram-simulate against the local cloud: a scan opens the verify
 * page with the status first, the live server time and the profile; search leads to a profile;
 * a report needs the WeChat identity (the report page's own tests: supervision-pages.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUrl } from '../../core';
import { DEFAULT_CODE_URL_PREFIX } from '../../server/code-url';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, tap, textOf, typeInto, until, type WxRecorder } from '../support/simulate';

let cloud: TestCloud;
let shop: CodedEntity;
let wx: WxRecorder;

beforeAll(async () => {
  cloud = await startTestCloud();
  wx = installWx({ cloudUrl: cloud.url, openid: '' });
  shop = await seedCodedEntity(cloud.db, {
    uscc: testUscc('230407', 7001),
    name: '兴山区页面核验超市',
    address: '鹤岗市兴山区沿河路3号',
    districtCode: '230407',
  });
});

afterAll(async () => {
  await cloud?.close();
});

describe('verify page', () => {
  it('a scanned printed URL shows 有效 first, the server time, and the profile without private data', async () => {
    const url = codeUrl(DEFAULT_CODE_URL_PREFIX, shop.code._id, 1);
    const page = loadPage('pages/verify/verify', { q: encodeURIComponent(url) });
    await until(() => page.data.result !== null, 'the verdict');
    expect(textOf(page, '.verdict')).toBe('有效');
    expect(page.querySelector('.verdict')!.dom!.innerHTML).toContain('tone-green');
    expect(textOf(page, '.clock')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const text = page.dom!.textContent!;
    expect(text).toContain('兴山区页面核验超市');
    expect(text).toContain('鹤岗市兴山区沿河路3号');
    expect(text).toContain('兴山区');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('张秘密');
  });

  it('a forged code is 无效码, a red warning', async () => {
    const page = loadPage('pages/verify/verify', { q: encodeURIComponent('https://evil.example/c/123') });
    await until(() => page.data.result !== null, 'the verdict');
    expect(textOf(page, '.verdict')).toBe('无效码');
    expect(page.querySelector('.verdict')!.dom!.innerHTML).toContain('tone-red');
    expect(textOf(page, '.warning')).toBe('疑似伪造或已失效，请勿轻信');
  });

  it('a suspended code shows 暂停; the report button carries the scan to the report page', async () => {
    const other = await seedCodedEntity(cloud.db, { uscc: testUscc('230422', 7002), name: '绥滨县暂停测试店' });
    await cloud.db
      .collection('codes')
      .doc(other.code._id)
      .update({ data: { status: 'suspended' } });
    const page = loadPage('pages/verify/verify', { scene: encodeURIComponent(`${other.code._id}?v=1`) });
    await until(() => page.data.result !== null, 'the verdict');
    expect(textOf(page, '.verdict')).toBe('暂停');
    await tap(page, '.report');
    expect(wx.navigations.at(-1)).toBe(`/pages/report/report?id=${other.code._id}&v=1&uscc=${other.entity.uscc}`);
  });

  it('opened without a code, it says so plainly', () => {
    const page = loadPage('pages/verify/verify', {});
    expect(textOf(page, '.page-error')).toContain('没有识别到诚信码');
  });
});

describe('search, profile and report pages', () => {
  it('search by part of the name lists the entity; tapping opens its profile', async () => {
    const page = loadPage('pages/search/search');
    await typeInto(page, '.keyword', '页面核验');
    await tap(page, '.search');
    await until(() => page.data.searched, 'the results');
    expect(textOf(page, '.result .name')).toBe('兴山区页面核验超市');
    await tap(page, '.result');
    expect(wx.navigations.at(-1)).toBe(`/pages/profile/profile?uscc=${shop.entity.uscc}`);

    const profile = loadPage('pages/profile/profile', { uscc: shop.entity.uscc });
    await until(() => profile.data.data !== null, 'the profile');
    expect(textOf(profile, '.code-status')).toBe('有效');
    expect(profile.dom!.textContent).toContain('鹤岗市兴山区沿河路3号');
  });

  it('a one-character search shows the function’s message', async () => {
    const page = loadPage('pages/search/search');
    await typeInto(page, '.keyword', '店');
    await tap(page, '.search');
    await until(() => page.data.error !== '', 'the refusal');
    expect(textOf(page, '.search-error')).toBe('请至少输入2个字');
  });

  it('a report without a WeChat identity is refused and nothing stored (reports are signed by the openid)', async () => {
    const page = loadPage('pages/report/report', { id: encodeURIComponent('https://evil.example/c/123') });
    await tap(page, '.submit');
    expect(textOf(page, '.form-error')).toBe('请选择举报原因');
    await tap(page, '.reason-1');
    await typeInto(page, '.detail', '店门口贴的码扫出来不对');
    await tap(page, '.submit');
    await until(() => page.data.error !== '', 'the refusal');
    expect(textOf(page, '.form-error')).toBe('请在微信中打开后再举报');
    const stored = await cloud.db.collection('reports').where({ scanned: 'https://evil.example/c/123' }).get();
    expect(stored.data).toEqual([]);
  });
});
