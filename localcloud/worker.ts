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
  | { id: number; ok: true; json: string }
  | {
      id: number;
      ok: false;
      error: { code: string; message: string; stack?: string };
    };

const init = workerData as WorkerInit;
process.env = instanceEnv({ ...process.env, ...init.baseEnv });

/**
 * This instance's environment as a plain object. Node serves every read and write of the real
 * `process.env` through C++ (about 0.4 µs each here), and the SDK reads its context from it about
 * 140 times per database call. An instance's environment is private to it, as a separate SCF
 * container's is, and nothing in it reaches native code, so the object keeps only env's own rule:
 * values are stored as strings.
 */
function instanceEnv(values: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return new Proxy(values, {
    set(target, key, value) {
      if (typeof key === 'string') target[key] = String(value);
      return true;
    },
    defineProperty(target, key, descriptor) {
      if (typeof key === 'string' && 'value' in descriptor) target[key] = String(descriptor.value);
      return true;
    },
  });
}

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

interface FunctionModule {
  main?: (event: unknown, context: unknown) => unknown;
}
/** Loaded bundles by name, with the modification time they were loaded at. */
const loaded = new Map<string, { mtime: number; module: FunctionModule }>();

function load(name: string): FunctionModule {
  const file = join(init.functionsDir, name, 'index.js');
  const stat = /^[A-Za-z0-9_-]+$/.test(name) ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!stat) {
    const err = new Error(`function ${name} not found in ${init.functionsDir}`);
    (err as Error & { code: string }).code = 'FUNCTION_NOT_FOUND';
    throw err;
  }
  // The module itself while the bundle is unchanged (require's resolution costs more than the
  // stat); a rebuilt bundle is reloaded without restarting the emulator.
  const hit = loaded.get(name);
  if (hit?.mtime === stat.mtimeMs) return hit.module;
  const resolved = functionRequire.resolve(file);
  if (hit) delete functionRequire.cache[resolved];
  const module = functionRequire(resolved) as FunctionModule;
  loaded.set(name, { mtime: stat.mtimeMs, module });
  return module;
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
    // callFunction results travel as JSON on CloudBase, so Dates become strings and undefined null;
    // the text goes on as it is into the HTTP answer.
    return { id: msg.id, ok: true, json: (result === undefined ? undefined : JSON.stringify(result)) ?? 'null' };
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
