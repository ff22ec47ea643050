/**
 * The compiled mini-program (build/miniprogram) as miniprogram-simulate reads it in a browser:
 * `window.__FILE_MAP__` keyed by paths relative to the mini-program root, plus a CommonJS
 * `require` for the modules pages import (services, lib/core, helpers).
 */
import { adaptWxmlStyles, adaptWxss } from './wxss';
import { dirname, join, normalize } from './shims/path';

declare global {
  interface Window {
    __FILE_MAP__: Record<string, string>;
    require: (path: string) => unknown;
  }
}

export type FileMap = Record<string, string>;

/** Applies the browser adaptations once: app.wxss joins every page's and component's own style. */
export function prepareFiles(raw: FileMap): FileMap {
  const appWxss = adaptWxss(raw['app.wxss'] ?? '');
  const files: FileMap = {};
  for (const [path, text] of Object.entries(raw)) {
    if (path.endsWith('.wxss')) {
      const own = adaptWxss(text);
      const isComponent = path !== 'app.wxss' && raw[path.replace(/\.wxss$/, '.json')] !== undefined;
      files[path] = isComponent ? `${appWxss}\n${own}` : own;
    } else if (path.endsWith('.wxml')) files[path] = adaptWxmlStyles(text);
    else files[path] = text;
  }
  // Pages and components without their own .wxss still get app.wxss, as in WeChat.
  for (const path of Object.keys(raw)) {
    if (!path.endsWith('.wxml')) continue;
    const wxss = path.replace(/\.wxml$/, '.wxss');
    if (files[wxss] === undefined) files[wxss] = appWxss;
  }
  return files;
}

interface Module {
  exports: unknown;
}

/**
 * Installs `window.require` over the file map. miniprogram-simulate runs each page's and
 * component's own file itself (fresh every load) and resolves that file's relative requires
 * through this; shared modules are evaluated once and cached, as in the mini-program runtime.
 */
export function installRequire(files: FileMap): void {
  const cache = new Map<string, Module>();
  const resolve = (path: string): string | undefined => {
    const p = normalize(path).replace(/^\/+/, '');
    return [p, `${p}.js`, `${p}/index.js`].find((c) => files[c] !== undefined && /\.(js|json)$/.test(c));
  };
  const load = (path: string): unknown => {
    const file = resolve(path);
    if (!file) throw new Error(`module not found: ${path}`);
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const mod: Module = { exports: {} };
    cache.set(file, mod);
    if (file.endsWith('.json')) mod.exports = JSON.parse(files[file]!);
    else {
      const run = new Function('require', 'module', 'exports', `${files[file]!}\n//# sourceURL=miniprogram/${file}`);
      run((rel: string) => load(join(dirname(file), rel)), mod, mod.exports);
    }
    return mod.exports;
  };
  window.require = load;
}
