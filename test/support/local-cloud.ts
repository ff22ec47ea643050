/**
 * A private local cloud per test file: temp data dir, random port, the built
 * functions (npm test builds before vitest runs). Calls go over HTTP exactly as
 * the preview and `wx.cloud.callFunction` do; `db` is the real wx-server-sdk.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud } from '../../localcloud';
import { connectSdk } from '../../localcloud/sdk';

const root = join(__dirname, '../..');

export interface FunctionResult<T = any> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; details?: unknown };
}

export interface TestCloud {
  url: string;
  db: ReturnType<typeof connectSdk>['db'];
  /** The real wx-server-sdk `cloud` (e.g. `cloud.uploadFile` to put a file in the emulator's storage). */
  cloud: ReturnType<typeof connectSdk>['cloud'];
  /** Call a cloud function as `openid` ('' = anonymous). */
  call<T = any>(
    fn: 'merchant' | 'public' | 'staff' | 'staffFiles' | 'staffDocs' | (string & {}),
    openid: string,
    data: unknown,
  ): Promise<FunctionResult<T>>;
  /** Fire a timer trigger of `fn` as CloudBase does (TRIGGER_SRC=timer, no user). */
  fireTimer<T = any>(fn: string, triggerName: string): Promise<FunctionResult<T>>;
  /** The emulator's write counter: unchanged means nothing at all was stored, updated or removed. */
  writeVersion(): number;
  close(): Promise<void>;
}

export async function startTestCloud(options: { functionTimeoutMs?: number } = {}): Promise<TestCloud> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hegang-cloud-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: join(root, 'cloudfunctions'),
    allowReset: true,
    functionTimeoutMs: options.functionTimeoutMs,
  });
  const sdk = connectSdk(cloud.url);
  return {
    url: cloud.url,
    db: sdk.db,
    cloud: sdk.cloud,
    async call(fn, openid, data) {
      const res = await fetch(`${cloud.url}/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid, data }),
      });
      const body = (await res.json()) as { result: FunctionResult };
      return body.result;
    },
    async fireTimer(fn, triggerName) {
      const res = await fetch(`${cloud.url}/_admin/timer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: fn, triggerName }),
      });
      const body = (await res.json()) as { result: FunctionResult };
      return body.result;
    },
    writeVersion: () => cloud.db.version,
    async close() {
      await cloud.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
