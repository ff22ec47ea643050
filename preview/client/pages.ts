/**
 * Pages as WeChat runs them: `Page({...})` becomes a j-component (miniprogram-simulate's
 * `load`/`render`) with the page lifecycle driven by the page stack; navigation follows
 * WeChat's rules (stack of at most 10, navigateBack, redirectTo, reLaunch, switchTab).
 */
import simulate from 'miniprogram-simulate';
import { pageDefinition, type PageInstance, type PageOptions } from './page-definition';
import type { Navigator } from './wx';

export interface AppJson {
  pages: string[];
  window?: Record<string, string>;
  tabBar?: { list: { pagePath: string; text: string }[] };
  usingComponents?: Record<string, string>;
}

const LIFECYCLE = ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload'] as const;
const MAX_STACK = 10;

interface RootComponent {
  instance: PageInstance;
  attach(parent: HTMLElement): void;
  detach(): void;
}

interface StackEntry {
  route: string;
  query: Record<string, string>;
  root: RootComponent;
  instance: PageInstance;
  element: HTMLElement;
  styleId: string;
  json: Record<string, string>;
  /** Set by wx.setNavigationBarTitle; kept when the page shows again after navigateBack. */
  title?: string;
  /** onReachBottom fires once per arrival at the bottom, as in WeChat. */
  atBottom?: boolean;
}

/** `pages/a/b?x=1&y=%E4` → route and decoded query; a relative url resolves against `from`. */
export function parseUrl(url: string, from = ''): { route: string; query: Record<string, string> } {
  const [rawPath = '', search = ''] = url.split('?');
  let path = rawPath;
  if (!path.startsWith('/') && from) {
    const base = from.split('/').slice(0, -1);
    for (const part of path.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.') base.push(part);
    }
    path = base.join('/');
  }
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const [k = '', v = ''] = pair.split('=');
    // WeChat hands pages the query as written; pages decode what they encoded.
    query[decodeURIComponent(k)] = v;
  }
  return { route: path.replace(/^\/+/, ''), query };
}

export class PageStack implements Navigator {
  private readonly stack: StackEntry[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: AppJson,
    private readonly container: HTMLElement,
    private readonly frame: {
      setTitle(t: string): void;
      setBarColor(bg: string, fg: string): void;
      update(stackDepth: number, route: string, query: Record<string, string>): void;
      error(message: string): void;
    },
  ) {
    container.addEventListener('scroll', () => this.onScroll(), { passive: true });
  }

  private onScroll(): void {
    const top = this.top();
    if (!top) return;
    const { scrollTop, scrollHeight, clientHeight } = this.container;
    top.instance.onPageScroll?.({ scrollTop });
    const distance = Number((top.json as Record<string, unknown>).onReachBottomDistance ?? 50);
    const atBottom = scrollHeight - scrollTop - clientHeight <= distance;
    if (atBottom && !top.atBottom) top.instance.onReachBottom?.();
    top.atBottom = atBottom;
  }

  pages(): PageInstance[] {
    return this.stack.map((e) => e.instance);
  }

  top(): StackEntry | undefined {
    return this.stack[this.stack.length - 1];
  }

  viewport(): HTMLElement {
    return this.container;
  }

  currentElement(): HTMLElement | undefined {
    return this.top()?.element;
  }

  setTitle(title: string): void {
    const top = this.top();
    if (top) top.title = title;
    this.frame.setTitle(title);
  }

  setBarColor(background: string, front: string): void {
    this.frame.setBarColor(background, front);
  }

  /** Navigations run one after another, like WeChat's (a second tap waits for the first). */
  private queue(run: () => void): Promise<void> {
    this.pending = this.pending.then(run, run);
    return this.pending;
  }

  navigateTo(url: string): Promise<void> {
    return this.queue(() => {
      if (this.stack.length >= MAX_STACK) throw new Error('webview count limit exceed');
      const { route, query } = parseUrl(url, this.top()?.route);
      this.check(route);
      this.hideTop();
      this.open(route, query);
    });
  }

  redirectTo(url: string): Promise<void> {
    return this.queue(() => {
      const { route, query } = parseUrl(url, this.top()?.route);
      this.check(route);
      this.closeTop();
      this.open(route, query);
    });
  }

  reLaunch(url: string): Promise<void> {
    return this.queue(() => {
      const { route, query } = parseUrl(url, this.top()?.route);
      this.check(route);
      while (this.stack.length > 0) this.closeTop();
      this.open(route, query);
    });
  }

  switchTab(url: string): Promise<void> {
    return this.reLaunch(url.split('?')[0]!);
  }

  navigateBack(delta = 1): Promise<void> {
    return this.queue(() => {
      if (this.stack.length <= 1) return;
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.closeTop();
      const top = this.top()!;
      top.element.hidden = false;
      this.showFrame(top);
      top.instance.onShow?.();
    });
  }

  private check(route: string): void {
    if (!this.app.pages.includes(route)) throw new Error(`page "${route}" is not found`);
  }

  private hideTop(): void {
    const top = this.top();
    if (!top) return;
    top.instance.onHide?.();
    top.element.hidden = true;
  }

  private closeTop(): void {
    const top = this.stack.pop();
    if (!top) return;
    top.instance.onUnload?.();
    top.root.detach();
    top.element.remove();
    document.getElementById(top.styleId)?.remove();
  }

  private open(route: string, query: Record<string, string>): void {
    const w = window as unknown as { Page: (o: PageOptions) => void; Component: (o: unknown) => void };
    w.Page = (options) => w.Component(pageDefinition(options, route, query));
    let id: string;
    try {
      id = simulate.load(route, route.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase(), {
        compiler: 'simulate',
        rootPath: '',
        usingComponents: { ...(this.app.usingComponents ?? {}) },
      } as never);
    } catch (e) {
      this.frame.error(`无法加载页面 ${route}：${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
    const root = simulate.render(id) as unknown as RootComponent;
    const element = document.createElement('wx-page');
    element.setAttribute('data-route', route);
    this.container.append(element);
    root.attach(element);
    const instance = root.instance;
    const json = JSON.parse(window.__FILE_MAP__[`${route}.json`] ?? '{}') as Record<string, string>;
    const entry: StackEntry = { route, query, root, instance, element, styleId: id, json };
    this.stack.push(entry);
    this.showFrame(entry);
    this.container.scrollTop = 0;
    for (const hook of LIFECYCLE.slice(0, 3)) {
      const fn = instance[hook] as ((q?: Record<string, string>) => void) | undefined;
      if (fn) fn.call(instance, hook === 'onLoad' ? { ...query } : undefined);
    }
  }

  private showFrame(entry: StackEntry): void {
    const win = { ...(this.app.window ?? {}), ...entry.json };
    this.frame.setTitle(entry.title ?? win.navigationBarTitleText ?? '');
    this.frame.setBarColor(win.navigationBarBackgroundColor ?? '#ffffff', win.navigationBarTextStyle === 'black' ? '#000000' : '#ffffff');
    this.frame.update(this.stack.length, entry.route, entry.query);
  }
}
