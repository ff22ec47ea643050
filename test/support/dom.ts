/**
 * A DOM for miniprogram-simulate, installed before it (and j-component) load: import this first.
 *
 * Installed here rather than with `@vitest-environment jsdom`: that environment replaces Node's
 * Uint8Array, which breaks esbuild inside the local cloud the same test starts. So only what Node
 * lacks (plus jsdom's own Event classes) is added to the global scope. The page has an http origin
 * so that localStorage (wx.setStorageSync) works as in the browser.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
/** jsdom ships no typings here; this is the one constructor used. */
const { JSDOM } = load('jsdom') as { JSDOM: new (html: string, options?: object) => { window: Window } };

function installDom(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.document) return;
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://127.0.0.1/',
  });
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
