/**
 * Body of one function instance (a worker thread). Like a CloudBase instance it serves one
 * invocation at a time; the caller's identity is put into this thread's own `process.env`
 * (WX_OPENID, …) before `main(event, context)` runs, which is where `cloud.getWXContext()` reads it.
 * Compiled by esbuild and started with `eval`, so it must not import project modules.
 */
import { statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

interface WorkerInit {
  functionsDir: string;
  baseEnv: Record<string, string>;
  /** Platform-provided packages (wx-server-sdk) used when the function folder has no node_modules. */
  platformModules: Record<string, string>;
}

export interface InvokeMessage {
  id: number;
  name: string;
  event: unknown;
  env: Record<string, string>;
  context: Record<string, unknown>;
}

export type ReplyMessage =
  | { id: number; ok: true; result: unknown }
  | {
      id: number;
      ok: false;
      error: { code: string; message: string; stack?: string };
    };

const init = workerData as WorkerInit;
Object.assign(process.env, init.baseEnv);

// CloudBase installs wx-server-sdk with the function; locally, fall back to the project's copy.
type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const originalResolve = mod._resolveFilename;
mod._resolveFilename = function (request, parent, isMain, options) {
  try {
    return originalResolve.call(this, request, parent, isMain, options);
  } catch (e) {
    const fallback = init.platformModules[request];
    if (fallback) return fallback;
    throw e;
  }
};

const functionRequire = Module.createRequire(join(init.functionsDir, 'index.js'));
const identityKeys = new Set<string>();
const loaded = new Map<string, number>();

function load(name: string): {
  main?: (event: unknown, context: unknown) => unknown;
} {
  const file = join(init.functionsDir, name, 'index.js');
  const stat = /^[A-Za-z0-9_-]+$/.test(name) ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!stat) {
    const err = new Error(`function ${name} not found in ${init.functionsDir}`);
    (err as Error & { code: string }).code = 'FUNCTION_NOT_FOUND';
    throw err;
  }
  // Reload a rebuilt bundle without restarting the emulator.
  const mtime = stat.mtimeMs;
  const resolved = functionRequire.resolve(file);
  if (loaded.has(file) && loaded.get(file) !== mtime) delete functionRequire.cache[resolved];
  loaded.set(file, mtime);
  return functionRequire(resolved) as {
    main?: (event: unknown, context: unknown) => unknown;
  };
}

parentPort!.on('message', (msg: InvokeMessage) => {
  void run(msg).then((reply) => parentPort!.postMessage(reply));
});

async function run(msg: InvokeMessage): Promise<ReplyMessage> {
  for (const k of identityKeys) delete process.env[k];
  identityKeys.clear();
  for (const [k, v] of Object.entries(msg.env)) {
    process.env[k] = v;
    identityKeys.add(k);
  }
  try {
    const m = load(msg.name);
    if (typeof m.main !== 'function') throw new Error(`function ${msg.name} does not export main`);
    const result = await m.main(msg.event, msg.context);
    // callFunction results travel as JSON on CloudBase, so Dates become strings and undefined null.
    return {
      id: msg.id,
      ok: true,
      result: result === undefined ? null : JSON.parse(JSON.stringify(result)),
    };
  } catch (e) {
    const err = e as {
      code?: unknown;
      message?: unknown;
      stack?: unknown;
      errMsg?: unknown;
    };
    const code = err && err.code === 'FUNCTION_NOT_FOUND' ? 'FUNCTION_NOT_FOUND' : 'FUNCTIONS_EXECUTE_FAIL';
    return {
      id: msg.id,
      ok: false,
      error: {
        code,
        message: String(err?.errMsg ?? err?.message ?? e),
        ...(typeof err?.stack === 'string' ? { stack: err.stack } : {}),
      },
    };
  }
}
