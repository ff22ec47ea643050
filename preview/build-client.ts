/**
 * Bundles the preview's browser client (preview/client/main.ts) with miniprogram-simulate and
 * j-component. Their Node-only imports are replaced: `path` by a small POSIX shim; `fs`, `less`
 * and `miniprogram-compiler` by an empty module (the browser path never uses them).
 */
import { build } from 'esbuild';
import { join } from 'node:path';

const clientDir = join(__dirname, 'client');

export async function buildPreviewClient(): Promise<string> {
  const empty = join(clientDir, 'shims', 'empty.ts');
  const result = await build({
    entryPoints: [join(clientDir, 'main.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'chrome100',
    define: { global: 'globalThis' },
    alias: { path: join(clientDir, 'shims', 'path.ts'), fs: empty, less: empty, 'miniprogram-compiler': empty },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
