/**
 * `npm run build`: everything deployable, from TypeScript, into git-ignored outputs.
 *  - cloudfunctions/<name>/index.js + package.json: one esbuild bundle per function with
 *    wx-server-sdk left external (CloudBase installs it from the generated package.json).
 *  - miniprogram/lib/core.js: the shared domain core, so the mini-program validates as you type
 *    with the very code the functions use.
 *  - build/miniprogram/: the mini-program compiled to JS (what the simulator tests, the preview
 *    and the package-size benchmark load; WeChat DevTools compiles the TypeScript itself).
 */
import { isMain } from './is-main';
import { build, transform } from 'esbuild';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..');
const functionsDir = join(root, 'cloudfunctions');
const miniprogramDir = join(root, 'miniprogram');
const compiledMiniprogram = join(root, 'build', 'miniprogram');

/** CloudBase runs Node 16+; the mini-program base library supports ES2017 everywhere we target. */
const FUNCTION_TARGET = 'node16';
const MINIPROGRAM_TARGET = 'es2017';

export async function functionNames(): Promise<string[]> {
  const entries = await readdir(functionsDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(join(functionsDir, e.name, 'index.ts'))).map((e) => e.name);
}

async function buildFunction(name: string, sdkVersion: string): Promise<void> {
  const dir = join(functionsDir, name);
  await build({
    entryPoints: [join(dir, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: FUNCTION_TARGET,
    format: 'cjs',
    external: ['wx-server-sdk'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const pkg = { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

async function buildCoreForMiniprogram(): Promise<void> {
  await build({
    entryPoints: [join(root, 'core', 'client.ts')],
    outfile: join(miniprogramDir, 'lib', 'core.js'),
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: MINIPROGRAM_TARGET,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Compile each .ts to a .js beside the copied wxml/wxss/json, as DevTools' TypeScript plugin does. */
async function compileMiniprogram(): Promise<void> {
  await rm(compiledMiniprogram, { recursive: true, force: true });
  for await (const file of walk(miniprogramDir)) {
    const rel = relative(miniprogramDir, file);
    if (rel.endsWith('.d.ts') || rel === 'tsconfig.json') continue;
    const out = join(compiledMiniprogram, rel);
    await mkdir(dirname(out), { recursive: true });
    if (rel.endsWith('.ts')) {
      const { code } = await transform(await readFile(file, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: MINIPROGRAM_TARGET,
        sourcefile: rel,
      });
      await writeFile(out.replace(/\.ts$/, '.js'), code);
    } else {
      await cp(file, out);
    }
  }
}

export async function buildAll(): Promise<void> {
  const rootPkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const sdkVersion = rootPkg.dependencies['wx-server-sdk'] ?? 'latest';
  const names = await functionNames();
  await Promise.all(names.map((n) => buildFunction(n, sdkVersion)));
  await buildCoreForMiniprogram();
  await compileMiniprogram();
  const sizes = await Promise.all(
    names.map(async (n) => `${n} ${((await stat(join(functionsDir, n, 'index.js'))).size / 1024).toFixed(0)} KB`),
  );
  process.stdout.write(`built functions: ${sizes.join(', ') || 'none'}; mini-program → build/miniprogram\n`);
}

if (isMain(__filename)) {
  buildAll().catch((e: unknown) => {
    process.stderr.write(`${String(e instanceof Error ? e.stack : e)}\n`);
    process.exitCode = 1;
  });
}
