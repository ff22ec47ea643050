import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { FUNCTION_TIMEOUT_MS } from './limits';
import type { InvokeMessage, ReplyMessage } from './worker';

/** Who is calling, as wx.cloud.callFunction would tell the function. */
export interface CallerIdentity {
  openid?: string | undefined;
  appid?: string | undefined;
  unionid?: string | undefined;
  /**
   * Set only when the local cloud itself fires a timer trigger (fireTimer): the instance then gets
   * TRIGGER_SRC=timer, the marker CloudBase's runtime sets for timer invocations (read by the
   * node-sdk, see @cloudbase/node-sdk utils/wxCloudToken). No HTTP caller can set it.
   */
  trigger?: 'timer';
}

/** An invocation's outcome; `json` is the function's return value as the JSON text it travels as. */
export type InvokeOutcome = { ok: true; json: string } | { ok: false; error: { code: string; message: string; stack?: string } };

export interface FunctionPoolOptions {
  functionsDir: string;
  /** Base URL of this emulator (no trailing slash). */
  url: string;
  env: string;
  /** Maximum concurrent instances (worker threads). */
  size?: number;
  timeoutMs?: number;
  appid?: string;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  pending?: {
    id: number;
    resolve: (o: InvokeOutcome) => void;
    timer: NodeJS.Timeout;
  };
}

const localRequire = createRequire(import.meta.url);
let compiledWorker: string | undefined;

/** The worker source compiled to CommonJS once per process (works under tsx, vitest and plain node). */
function workerSource(): string {
  if (!compiledWorker) {
    const src = readFileSync(fileURLToPath(new URL('./worker.ts', import.meta.url)), 'utf8');
    compiledWorker = transformSync(src, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
    }).code;
  }
  return compiledWorker;
}

/**
 * The environment CloudBase's SCF runtime gives a function instance, pointed at this emulator:
 * wx-server-sdk finds the endpoint in TCB_CONTEXT_CNFG and the caller in the WX_* keys.
 * Exported so a benchmark can host a function in a process of its own, as CloudBase does.
 */
export function runtimeEnvironment(env: string, url: string): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: env,
    TCB_ENV: env,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'localcloud-secret-id',
    TENCENTCLOUD_SECRETKEY: 'localcloud-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: '',
    // node-sdk's buildUrl() uses TCB_CONTEXT_CNFG.URL as the API endpoint when no serviceUrl is given.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE,TCB_CONTEXT_CNFG',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
    LOCAL_CLOUD_URL: url,
    SILENCE: 'true',
  };
}

/**
 * Runs cloud functions the way CloudBase does: each instance (worker thread, own process.env)
 * handles one invocation at a time; more concurrent calls start more instances up to `size`,
 * beyond that they queue. Inside, wx-server-sdk reaches this emulator through TCB_CONTEXT_CNFG,
 * so `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` needs no local-only code.
 */
export class FunctionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: {
    msg: Omit<InvokeMessage, 'id'>;
    resolve: (o: InvokeOutcome) => void;
  }[] = [];
  private nextId = 1;
  private closed = false;
  private readonly size: number;
  private readonly timeoutMs: number;

  constructor(private readonly opts: FunctionPoolOptions) {
    this.size = opts.size ?? 16;
    this.timeoutMs = opts.timeoutMs ?? FUNCTION_TIMEOUT_MS;
    this.baseEnv = runtimeEnvironment(opts.env, opts.url);
  }

  /** Environment of every instance: what CloudBase's SCF runtime provides, pointed at us. */
  private readonly baseEnv: Record<string, string>;

  private spawn(): Slot {
    const platformModules: Record<string, string> = {};
    for (const m of ['wx-server-sdk', '@cloudbase/node-sdk']) {
      try {
        platformModules[m] = localRequire.resolve(m);
      } catch {
        /* not installed: functions must bring their own */
      }
    }
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: {
        functionsDir: this.opts.functionsDir,
        baseEnv: this.baseEnv,
        platformModules,
      },
      // A private copy of process.env per instance, like separate SCF containers.
      env: { ...process.env },
    });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (reply: ReplyMessage) => {
      const p = slot.pending;
      if (!p || p.id !== reply.id) return;
      clearTimeout(p.timer);
      slot.pending = undefined;
      slot.busy = false;
      p.resolve(reply.ok ? { ok: true, json: reply.json } : { ok: false, error: reply.error });
      this.drain();
    });
    worker.on('error', (e) => this.fail(slot, 'FUNCTIONS_EXECUTE_FAIL', `instance crashed: ${e.message}`));
    worker.on('exit', () => this.fail(slot, 'FUNCTIONS_EXECUTE_FAIL', 'instance exited'));
    this.slots.push(slot);
    return slot;
  }

  /** Fail the slot's invocation and retire the instance. */
  private fail(slot: Slot, code: string, message: string): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const p = slot.pending;
    slot.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: { code, message } });
    }
    void slot.worker.terminate();
    this.drain();
  }

  /** Run `name` with `event` as `identity`; resolves with the return value or the error. */
  invoke(name: string, event: unknown, identity: CallerIdentity): Promise<InvokeOutcome> {
    if (this.closed)
      return Promise.resolve({
        ok: false,
        error: { code: 'FUNCTIONS_REQUEST_FAIL', message: 'closed' },
      });
    const requestId = randomUUID();
    const env: Record<string, string> = {
      WX_APPID: identity.appid ?? this.opts.appid ?? 'wxlocalcloud0000000',
      WX_CLIENTIP: '127.0.0.1',
      TCB_SEQID: requestId,
      TCB_SOURCE: 'wx_client',
    };
    if (identity.openid) env.WX_OPENID = identity.openid;
    if (identity.unionid) env.WX_UNIONID = identity.unionid;
    if (identity.trigger === 'timer') {
      env.TRIGGER_SRC = 'timer';
      delete env.WX_OPENID;
    }
    const context = {
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.opts.env,
      memory_limit_in_mb: 256,
      time_limit_in_ms: this.timeoutMs,
      environment: JSON.stringify({ ...this.baseEnv, ...env }),
    };
    return new Promise((resolve) => {
      this.queue.push({ msg: { name, event, env, context }, resolve });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      const id = this.nextId++;
      const s = slot;
      s.busy = true;
      const timer = setTimeout(
        () => this.fail(s, 'FUNCTIONS_TIME_LIMIT_EXCEEDED', `function ${job.msg.name} timed out after ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      s.pending = { id, resolve: job.resolve, timer };
      s.worker.postMessage({ id, ...job.msg } satisfies InvokeMessage);
    }
  }

  /** Fire a timer trigger of `name` as CloudBase does: the timer event, no user, TRIGGER_SRC=timer. */
  fireTimer(name: string, triggerName: string, at = new Date()): Promise<InvokeOutcome> {
    return this.invoke(name, { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString() }, { trigger: 'timer' });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0))
      q.resolve({
        ok: false,
        error: { code: 'FUNCTIONS_REQUEST_FAIL', message: 'closed' },
      });
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map((s) => {
        s.worker.removeAllListeners('exit');
        return s.worker.terminate();
      }),
    );
  }
}
