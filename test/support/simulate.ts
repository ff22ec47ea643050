/**
 * Pages of the compiled mini-program (build/miniprogram; `npm run build` first) rendered with
 * miniprogram-simulate under jsdom. miniprogram-simulate knows only Component(), so Page() is
 * mapped onto it (data, handlers as methods, onLoad(query) + onShow on attach). The service
 * layer runs for real: wx.cloud.callFunction posts to a local cloud as the given openid, exactly
 * what the preview does.
 *
 * The DOM is installed here rather than with `@vitest-environment jsdom`: that environment
 * replaces Node's Uint8Array, which breaks esbuild inside the local cloud the same test starts.
 * So only what Node lacks (plus jsdom's own Event classes) is added to the global scope.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Simulate from 'miniprogram-simulate';
import { pageDefinition, type PageOptions } from '../../preview/client/page-definition';

const load = createRequire(import.meta.url);
/** jsdom ships no typings here; this is the one constructor used. */
const { JSDOM } = load('jsdom') as { JSDOM: new (html: string, options?: object) => { window: Window } };

function installDom(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.document) return;
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  const w = window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in g || key.startsWith('_')) continue;
    try {
      g[key] = w[key];
    } catch {
      /* read-only globals */
    }
  }
  // jsdom only dispatches its own events.
  for (const key of ['Event', 'CustomEvent', 'EventTarget']) g[key] = w[key];
  g.window = window;
  g.document = window.document;
}

installDom();
const simulate = load('miniprogram-simulate') as typeof Simulate;

/**
 * miniprogram-simulate's `<image>` is an empty wrapper that drops `src`; this one reflects it as
 * an attribute, so a test can see which picture a page shows.
 */
function registerImage(): void {
  const jComponent = load('j-component') as { register(def: object): void };
  const show = (host: { $$?: HTMLElement }, src: unknown) => {
    if (!host.$$) return;
    if (src) host.$$.setAttribute('src', String(src));
    else host.$$.removeAttribute('src');
  };
  jComponent.register({
    id: 'image',
    tagName: 'wx-image',
    template: '<slot/>',
    properties: {
      src: { type: String, value: '', observer(this: { $$?: HTMLElement }, v: string) { show(this, v); } },
      mode: { type: String, value: 'scaleToFill' },
    },
    attached(this: { $$?: HTMLElement; data: { src: string } }) {
      show(this, this.data.src);
    },
  });
}
registerImage();

const ROOT = join(__dirname, '../../build/miniprogram');

/** The page loadPage is about to load: Page() reads it when the compiled page module runs. */
let next: { route: string; query: Record<string, string> } = { route: '', query: {} };

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
  navigations: string[];
  toasts: string[];
  clipboard: string[];
  /** fileIDs stored by wx.cloud.uploadFile. */
  uploads: string[];
  /** The contents of the wx.showModal dialogs shown. */
  modals: string[];
}

export interface WxOptions {
  /** Base URL of the local cloud (startTestCloud().url). */
  cloudUrl: string;
  /** The WeChat user; '' = not signed in. */
  openid: string;
  /** Result of wx.scanCode, if a test taps a scan button. */
  scanResult?: string;
  /** The real wx-server-sdk `cloud` (startTestCloud().cloud): wx.cloud.uploadFile stores through it. */
  sdk?: any;
  /** Bytes wx.chooseMedia "takes" (read when called; undefined = the user cancels). */
  chosenImage?: Buffer;
  /** Make wx.cloud.uploadFile fail (read when called), as a lost network would. */
  uploadFails?: boolean;
  /** What the person answers a wx.showModal dialog (read when shown; default: confirm). */
  modalConfirm?: boolean;
}

/** WeChat's promise style: callbacks when given, and a promise either way. */
type Callbacks = { success?: (r: any) => void; fail?: (e: unknown) => void };
function wxApi<O>(run: (o: O) => Promise<unknown>) {
  return (o: O & Callbacks) => {
    const p = run(o);
    p.then((r) => o.success?.(r), (e: unknown) => o.fail?.(e));
    return o.success || o.fail ? p.catch(() => undefined) : p;
  };
}

/** Point the `wx` global at the local cloud as `openid` and record navigation and toasts. */
export function installWx(options: WxOptions): WxRecorder {
  installPageShim();
  const rec: WxRecorder = { navigations: [], toasts: [], clipboard: [], uploads: [], modals: [] };
  const wx = (globalThis as any).wx;
  wx.cloud = {
    init() {},
    async callFunction({ name, data }: { name: string; data: unknown }) {
      const res = await fetch(`${options.cloudUrl}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: options.openid, data }),
      });
      return (await res.json()) as { result: unknown };
    },
  };
  // Only with an SDK to store through; without it pages see no uploadFile, as before.
  if (options.sdk) wx.cloud.uploadFile = wxApi(async ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
    if (options.uploadFails) throw { errMsg: 'cloud.uploadFile:fail network error' };
    const res = await options.sdk.uploadFile({ cloudPath, fileContent: readFileSync(filePath) });
    rec.uploads.push(res.fileID);
    return { fileID: res.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
  });
  wx.chooseMedia = wxApi(async () => {
    if (!options.chosenImage) throw { errMsg: 'chooseMedia:fail cancel' };
    const path = join(mkdtempSync(join(tmpdir(), 'wx-media-')), 'chosen.jpg');
    writeFileSync(path, options.chosenImage);
    return { tempFiles: [{ tempFilePath: path, size: options.chosenImage.length, fileType: 'image' }], type: 'image' };
  });
  const nav = ({ url }: { url: string }) => {
    rec.navigations.push(url);
  };
  wx.navigateTo = nav;
  wx.redirectTo = nav;
  wx.reLaunch = nav;
  wx.navigateBack = () => rec.navigations.push('back');
  wx.showToast = ({ title }: { title: string }) => rec.toasts.push(title);
  wx.showLoading = () => {};
  wx.hideLoading = () => {};
  wx.showModal = wxApi(async ({ content }: { content?: string }) => {
    rec.modals.push(content ?? '');
    const confirm = options.modalConfirm !== false;
    return { confirm, cancel: !confirm };
  });
  wx.setClipboardData = ({ data }: { data: string }) => rec.clipboard.push(data);
  wx.scanCode = ({ success, fail }: { success?: (r: { result: string }) => void; fail?: () => void }) =>
    options.scanResult === undefined ? fail?.() : success?.({ result: options.scanResult });
  return rec;
}

export type RenderedPage = ReturnType<typeof simulate.render>;

/** Load `route` (e.g. 'pages/apply/apply') with a query, render it and run onLoad/onShow. */
export function loadPage(route: string, query: Record<string, string> = {}): RenderedPage {
  next = { route, query };
  const id = simulate.load(join(ROOT, route), { rootPath: ROOT, compiler: 'simulate' } as any);
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
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
