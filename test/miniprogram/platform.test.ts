/**
 * One fake platform: the simulate tests run the preview's own `wx` (preview/client/wx.ts) and
 * built-in components (preview/client/builtins), with only the host swapped: the transport the
 * recorder wraps sees the very payload the page sent, the recording navigator sees the url, and
 * a person types into the preview's native `<input>` rather than a test firing a synthetic event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { seedCodedEntity, testUscc, type CodedEntity } from '../support/coded-entity';
import { installWx, loadPage, tap, textOf, until, type WxRecorder } from '../support/simulate';
import { addChosenFile } from '../../preview/client/temp-files';
import { createWx, type Navigator, type Screen, type Transport } from '../../preview/client/wx';

const VISITOR = 'oPlatformVisitor';
let cloud: TestCloud;
let shop: CodedEntity;
let rec: WxRecorder;

beforeAll(async () => {
  cloud = await startTestCloud();
  rec = installWx({ cloudUrl: cloud.url, openid: VISITOR });
  shop = await seedCodedEntity(cloud.db, { uscc: testUscc('230404', 7301), name: '南山区平台共享测试店', districtCode: '230404' });
});

afterAll(async () => {
  await cloud?.close();
});

describe('the simulate tests run the preview platform', () => {
  it('typing into the native input and pressing Enter searches; the transport and the navigator record it', async () => {
    const page = loadPage('pages/search/search');
    const input = page.querySelector('.keyword')!.dom!.querySelector<HTMLInputElement>('input.wx-native-input');
    expect(input).not.toBeNull();
    input!.value = '平台共享';
    input!.dispatchEvent(new Event('input', { bubbles: true }));
    expect(page.data.keyword).toBe('平台共享');

    const before = rec.calls.length;
    input!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await until(() => page.data.searched, 'the results');
    expect(rec.calls.slice(before)).toEqual([{ name: 'public', openid: VISITOR, data: { action: 'search', keyword: '平台共享' } }]);
    expect(textOf(page, '.result .name')).toBe('南山区平台共享测试店');

    await tap(page, '.result');
    expect(rec.navigations.at(-1)).toBe(`/pages/profile/profile?uscc=${shop.entity.uscc}`);
  });
});

describe('createWx with an injected host', () => {
  const seen: { name: string; data: unknown; openid: string }[] = [];
  const stored: { cloudPath: string; bytes: string }[] = [];
  const urls: string[] = [];
  const transport: Transport = {
    async callFunction(name, data, openid) {
      seen.push({ name, data, openid });
      if (name === 'staff') throw new Error('FORBIDDEN 无权限');
      return { result: { ok: true, data: 42 }, requestID: 'r1' };
    },
    async uploadFile(cloudPath, file) {
      stored.push({ cloudPath, bytes: await file.text() });
      return { fileID: `cloud://test/${cloudPath}` };
    },
    fileUrl: (fileID) => fileID,
  };
  const record = async (url: string) => {
    urls.push(url);
  };
  const navigator: Navigator = {
    navigateTo: record,
    redirectTo: record,
    reLaunch: record,
    switchTab: record,
    navigateBack: async () => undefined,
    setTitle: () => undefined,
    setBarColor: () => undefined,
    viewport: () => document.body,
    currentElement: () => undefined,
  };
  const screen = {} as Screen;
  const wx = createWx({ transport, navigator, screen, openid: () => 'oHost' }) as any;

  it("answers in WeChat's promise style with errMsg, and in callbacks", async () => {
    await expect(wx.cloud.callFunction({ name: 'public', data: { action: 'countScan', id: 'x' } })).resolves.toEqual({
      errMsg: 'cloud.callFunction:ok',
      result: { ok: true, data: 42 },
      requestID: 'r1',
    });
    expect(seen.at(-1)).toEqual({ name: 'public', data: { action: 'countScan', id: 'x' }, openid: 'oHost' });
    const failed = await new Promise((fail) => wx.cloud.callFunction({ name: 'staff', data: { action: 'codes' }, fail }));
    expect(failed).toEqual({ errMsg: 'cloud.callFunction:fail FORBIDDEN 无权限' });
    await expect(wx.navigateTo({ url: '/pages/verify/verify?id=A&v=2' })).resolves.toEqual({ errMsg: 'navigateTo:ok' });
    await wx.redirectTo({ url: '/pages/my-code/my-code?uscc=1' });
    expect(urls).toEqual(['/pages/verify/verify?id=A&v=2', '/pages/my-code/my-code?uscc=1']);
  });

  it('uploads a temp file by its path: the transport receives its bytes', async () => {
    const path = addChosenFile(new File(['门头照片'], 'shop.jpg'));
    await expect(wx.cloud.uploadFile({ cloudPath: 'storefronts/a.jpg', filePath: path })).resolves.toEqual({
      errMsg: 'cloud.uploadFile:ok',
      fileID: 'cloud://test/storefronts/a.jpg',
      statusCode: 200,
    });
    expect(stored).toEqual([{ cloudPath: 'storefronts/a.jpg', bytes: '门头照片' }]);
    await expect(wx.cloud.uploadFile({ cloudPath: 'x.jpg', filePath: 'wxfile://nothing' })).rejects.toEqual({
      errMsg: 'cloud.uploadFile:fail no such file wxfile://nothing',
    });
  });
});
