/**
 * The preview's browser entry: loads the compiled mini-program from the preview server, installs
 * the globals WeChat provides (wx, App, Page, getApp, getCurrentPages), runs app.js and opens the
 * page named in the address (`#/pages/x/x?a=1`, else the first page of app.json).
 */
// Evaluated first: it installs the mock `wx` and empty built-ins that registerBuiltins() replaces.
import 'miniprogram-simulate';
import { registerBuiltins } from './builtins';
import { installRequire, prepareFiles, type FileMap } from './files';
import { PageStack, type AppJson } from './pages';
import { bindTapForMouse } from './mouse';
import { createWx } from './wx';
import { previewTransport } from './transport';
import { domScreen } from './ui';
import { startOutboxPanel } from './outbox';

interface Caller {
  key: string;
  label: string;
  openid: string;
}

interface PreviewConfig {
  callers: Caller[];
  defaultCaller: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function callerFromAddress(config: PreviewConfig): string {
  const fromUrl = new URLSearchParams(location.search).get('caller');
  if (fromUrl !== null) return fromUrl;
  const saved = localStorage.getItem('preview:caller');
  return saved ?? config.callers.find((c) => c.key === config.defaultCaller)?.openid ?? '';
}

function showError(message: string): void {
  const box = $('errors');
  const line = document.createElement('div');
  line.className = 'preview-error';
  line.textContent = message;
  box.append(line);
  box.hidden = false;
}

async function boot(): Promise<void> {
  const [files, config] = await Promise.all([
    fetch('/__preview/files.json').then((r) => r.json() as Promise<FileMap>),
    fetch('/__preview/config.json').then((r) => r.json() as Promise<PreviewConfig>),
  ]);
  window.__FILE_MAP__ = prepareFiles(files);
  installRequire(window.__FILE_MAP__);
  registerBuiltins();

  const app = JSON.parse(files['app.json'] ?? '{"pages":[]}') as AppJson;
  let openid = callerFromAddress(config);
  const callerSelect = $<HTMLSelectElement>('caller');
  const renderCallers = () => {
    const known = config.callers.some((c) => c.openid === openid);
    callerSelect.replaceChildren(
      ...config.callers.map((c) => new Option(`${c.label}（${c.openid || '匿名'}）`, c.openid, false, c.openid === openid)),
      ...(known ? [] : [new Option(`openid: ${openid}`, openid, false, true)]),
    );
  };
  renderCallers();
  startOutboxPanel($('outbox'), () => openid);

  const viewport = $('viewport');
  const stack = new PageStack(app, viewport, {
    setTitle: (t) => ($('nav-title').textContent = t),
    setBarColor: (bg, fg) => {
      $('navbar').style.background = bg;
      $('navbar').style.color = fg;
    },
    update: (depth, route, query) => {
      $('nav-back').hidden = depth <= 1;
      $('nav-home').hidden = depth > 1 || route === app.pages[0];
      const search = Object.entries(query)
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
      const address = `#/${route}${search ? `?${search}` : ''}`;
      history.replaceState(null, '', `${location.pathname}${location.search}${address}`);
      $<HTMLInputElement>('address').value = `/${route}${search ? `?${search}` : ''}`;
    },
    error: showError,
  });

  const w = window as unknown as Record<string, unknown>;
  const mock = (w.wx ?? {}) as Record<string, unknown>;
  w.wx = Object.assign(mock, createWx({ transport: previewTransport(), navigator: stack, screen: domScreen, openid: () => openid }));
  let appInstance: Record<string, unknown> = {};
  w.App = (options: Record<string, unknown>) => {
    appInstance = options;
  };
  w.getApp = () => appInstance;
  w.getCurrentPages = () => stack.pages();
  window.require('app');
  const launch = { path: app.pages[0] ?? '', query: {}, scene: 1001 };
  (appInstance.onLaunch as ((o: unknown) => void) | undefined)?.call(appInstance, launch);
  (appInstance.onShow as ((o: unknown) => void) | undefined)?.call(appInstance, launch);

  const openAddress = () => {
    const target = location.hash.replace(/^#\/?/, '') || app.pages[0] || '';
    stack.reLaunch(`/${target}`).catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
  };
  window.addEventListener('hashchange', openAddress);
  $('nav-back').addEventListener('click', () => void stack.navigateBack(1));
  $('nav-home').addEventListener('click', () => void stack.reLaunch(`/${app.pages[0]}`));
  $('address-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const typed = $<HTMLInputElement>('address').value.trim();
    // A pasted code URL (http…/c/<id>?v=N) is opened as a scan would open it.
    if (/^https?:\/\//.test(typed)) return void (location.href = typed);
    const value = typed.replace(/^#?\/?/, '');
    stack.reLaunch(`/${value}`).catch((err: unknown) => showError(err instanceof Error ? err.message : String(err)));
  });
  callerSelect.addEventListener('change', () => {
    openid = callerSelect.value;
    localStorage.setItem('preview:caller', openid);
    const url = new URL(location.href);
    url.searchParams.set('caller', openid);
    history.replaceState(null, '', url);
    renderCallers();
    // Who is calling changes what every page shows: start over on the same page.
    const top = stack.top();
    const search = top
      ? Object.entries(top.query)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')
      : '';
    void stack.reLaunch(`/${top?.route ?? app.pages[0]}${search ? `?${search}` : ''}`);
  });
  const pageLinks = $('pages');
  pageLinks.replaceChildren(
    ...app.pages.map((p) => {
      const a = document.createElement('a');
      a.href = `#/${p}`;
      a.textContent = p;
      return a;
    }),
  );
  bindTapForMouse(viewport);
  document.body.dataset.ready = 'true';
  openAddress();
}

window.addEventListener('error', (e) => showError(e.message));
window.addEventListener('unhandledrejection', (e) => {
  const r = e.reason as { message?: string; errMsg?: string } | undefined;
  showError(`未处理的错误：${r?.message ?? r?.errMsg ?? String(e.reason)}`);
});
boot().catch((e: unknown) => showError(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)));
