/**
 * Pages of the compiled mini-program (build/miniprogram; `npm run build` first) rendered with
 * miniprogram-simulate under jsdom, on the preview's platform: the same `wx` (preview/client/wx.ts)
 * and built-in components (preview/client/builtins) the browser preview runs, installed with a
 * test host: a transport that posts to the local cloud as the given openid (and stores uploads
 * through the real SDK), a navigator that records urls, and a scripted person who answers dialogs
 * and picks the image the test chose. miniprogram-simulate knows only Component(), so Page() is
 * mapped onto it (data, handlers as methods, onLoad(query) + onShow on attach).
 */
import './dom';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Simulate from 'miniprogram-simulate';
import { registerBuiltins } from '../../preview/client/builtins';
import { pageDefinition, type PageOptions } from '../../preview/client/page-definition';
import { callOverHttp } from '../../preview/client/transport';
import { createWx, type Navigator, type Screen, type Transport } from '../../preview/client/wx';

const load = createRequire(import.meta.url);
const simulate = load('miniprogram-simulate') as typeof Simulate;
registerBuiltins();

const ROOT = join(__dirname, '../../build/miniprogram');

/** The page loadPage is about to load: Page() reads it when the compiled page module runs. */
let next: { route: string; query: Record<string, string> } = { route: '', query: {} };
/** The element the last loaded page is attached to (what wx.createSelectorQuery searches). */
let current: HTMLElement | undefined;

/** Page() as the preview defines it (one runtime for both), with onLoad/onShow on attach. */
function installPageShim(): void {
  (globalThis as any).Page = (options: PageOptions) => {
    const { route, query } = next;
    (globalThis as any).Component({
      ...pageDefinition(options, route, query),
      lifetimes: {
        attached(this: any) {
          this.onLoad?.(query);
          this.onShow?.();
        },
      },
    });
  };
}

/** What the page asked the platform to do, for assertions. */
export interface WxRecorder {
  /** urls of navigateTo/redirectTo/reLaunch/switchTab; 'back' for navigateBack. */
  navigations: string[];
  /** Toast titles (not loading boxes). */
  toasts: string[];
  clipboard: string[];
  /** fileIDs stored by wx.cloud.uploadFile. */
  uploads: string[];
  /** The contents of the wx.showModal dialogs shown. */
  modals: string[];
  /** Every wx.cloud.callFunction as the transport received it. */
  calls: { name: string; openid: string; data: unknown }[];
  /** Temp paths the page saved to the album or opened as a document. */
  saved: string[];
}

export interface WxOptions {
  /** Base URL of the local cloud (startTestCloud().url). */
  cloudUrl: string;
  /** The WeChat user; '' = not signed in. */
  openid: string;
  /** The real wx-server-sdk `cloud` (startTestCloud().cloud): wx.cloud.uploadFile stores through it. */
  sdk?: any;
  /** Bytes wx.chooseMedia "takes" (read when called; undefined = the user cancels). */
  chosenImage?: Buffer;
  /** Make wx.cloud.uploadFile fail (read when called), as a lost network would. */
  uploadFails?: boolean;
  /** What the person answers a wx.showModal dialog (read when shown; default: confirm). */
  modalConfirm?: boolean;
}

/** The test's transport: the local cloud's HTTP protocol (as the preview server proxies it), uploads through the SDK. */
function testTransport(options: WxOptions, rec: WxRecorder): Transport {
  const call = callOverHttp(`${options.cloudUrl}/functions`);
  return {
    callFunction(name, data, openid) {
      rec.calls.push({ name, openid, data });
      return call(name, data, openid);
    },
    async uploadFile(cloudPath, file) {
      if (options.uploadFails || !options.sdk) throw new Error('network error');
      const res = (await options.sdk.uploadFile({ cloudPath, fileContent: Buffer.from(await file.arrayBuffer()) })) as { fileID: string };
      rec.uploads.push(res.fileID);
      return { fileID: res.fileID };
    },
    fileUrl: (fileID) => fileID,
  };
}

/** Records where the page navigates instead of opening pages (a test loads the next page itself). */
function recordingNavigator(rec: WxRecorder): Navigator {
  const record = async (url: string) => {
    rec.navigations.push(url);
  };
  return {
    navigateTo: record,
    redirectTo: record,
    reLaunch: record,
    switchTab: record,
    navigateBack: async () => {
      rec.navigations.push('back');
    },
    setTitle: () => undefined,
    setBarColor: () => undefined,
    viewport: () => document.body,
    currentElement: () => current,
  };
}

/** The person holding the phone, as the test scripted them. */
function scriptedScreen(options: WxOptions, rec: WxRecorder): Screen {
  return {
    showToast: (o) => {
      if (!o.loading) rec.toasts.push(o.title);
    },
    hideToast: () => undefined,
    showModal: async (o) => {
      rec.modals.push(o.content ?? '');
      const confirm = options.modalConfirm !== false;
      return { confirm, cancel: !confirm };
    },
    showActionSheet: async () => undefined,
    previewImage: () => undefined,
    pickFiles: async () => {
      if (!options.chosenImage) throw new Error('cancel');
      return [new File([new Uint8Array(options.chosenImage)], 'chosen.jpg', { type: 'image/jpeg' })];
    },
    save: (path) => rec.saved.push(path),
    copy: (text) => rec.clipboard.push(text),
  };
}

/** Install the preview's `wx` over miniprogram-simulate's mock, as `options.openid`, recording what pages ask of it. */
export function installWx(options: WxOptions): WxRecorder {
  installPageShim();
  const rec: WxRecorder = { navigations: [], toasts: [], clipboard: [], uploads: [], modals: [], calls: [], saved: [] };
  const g = globalThis as { wx?: Record<string, unknown> };
  g.wx = Object.assign(
    g.wx ?? {},
    createWx({
      transport: testTransport(options, rec),
      navigator: recordingNavigator(rec),
      screen: scriptedScreen(options, rec),
      openid: () => options.openid,
    }),
  );
  return rec;
}

export type RenderedPage = ReturnType<typeof simulate.render>;

/** Load `route` (e.g. 'pages/apply/apply') with a query, render it and run onLoad/onShow. */
export function loadPage(route: string, query: Record<string, string> = {}): RenderedPage {
  next = { route, query };
  const id = simulate.load(join(ROOT, route), { rootPath: ROOT, compiler: 'simulate' } as any);
  const page = simulate.render(id);
  current = document.createElement('parent-wrapper');
  page.attach(current);
  return page;
}

/** Text content of the first element matching `selector` ('' if none). */
export function textOf(page: RenderedPage, selector: string): string {
  return (page.querySelector(selector)?.dom?.textContent ?? '').trim();
}

/** Wait until `check` passes (the page awaits a real function call over HTTP). */
export async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await simulate.sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Fire a component event; j-component dispatches in a microtask, so this waits for it. */
export async function fire(page: RenderedPage, selector: string, event: string, detail: Record<string, unknown> = {}): Promise<void> {
  const el = page.querySelector(selector);
  if (!el) throw new Error(`no element ${selector}`);
  el.dispatchEvent(event, { detail });
  await simulate.sleep(0);
}

export function typeInto(page: RenderedPage, selector: string, value: string): Promise<void> {
  return fire(page, selector, 'input', { value });
}

export function tap(page: RenderedPage, selector: string): Promise<void> {
  return fire(page, selector, 'tap');
}

/** A <picker> choice: `value` is the index as the platform sends it. */
export function pick(page: RenderedPage, selector: string, index: number): Promise<void> {
  return fire(page, selector, 'change', { value: String(index) });
}
