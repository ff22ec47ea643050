/**
 * A throw-away local cloud for one scenario: temp data dir, random port, the built functions.
 * Calls go over HTTP exactly as the preview's; the functions inside use the real wx-server-sdk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { closeClient, postFunction } from './http-client';

export interface BenchCloud {
  lc: LocalCloud;
  /** Call a function; returns its `{ok, data|error}` result. */
  call(
    fn: string,
    openid: string,
    data: Record<string, unknown>,
  ): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;
  /** Database requests the emulator has answered so far. */
  dbCalls(): number;
  /** Documents the emulator's queries have examined so far (read and tested, or joined). */
  examined(): number;
  close(): Promise<void>;
}

export async function startBenchCloud(): Promise<BenchCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hegang-bench-'));
  const lc = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    // NORMAL still survives a killed process; FULL's fsync per write would measure the disk, not us.
    synchronous: 'NORMAL',
    functionTimeoutMs: 300_000,
  });
  return {
    lc,
    async call(fn, openid, data) {
      const { body } = await postFunction(lc.url, fn, openid, data);
      if (!body.result) throw new Error(`function ${fn} failed: ${JSON.stringify(body).slice(0, 300)}`);
      return body.result;
    },
    dbCalls: () => lc.stats.databaseRequests,
    examined: () => lc.stats.documentsExamined,
    async close() {
      closeClient();
      await lc.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Scenario sizes: full by default, `BENCH_SCALE=0.01` for a quick smoke run. */
export function scaled(n: number): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
