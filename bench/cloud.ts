/**
 * A throw-away local cloud for one scenario: temp data dir, random port, the built functions.
 * Calls go over HTTP exactly as the preview's; the functions inside use the real wx-server-sdk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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

/**
 * Function instances of the benchmark's local cloud: two per core. On CloudBase each instance has
 * CPU of its own and the database is elsewhere; here they all share the machine, and instance
 * threads beyond what its cores can run only add switching between them. Measured with the load
 * scenario at 100,000 entities on 2 cores: 16 instances cost 7.5 ms of the local cloud's CPU per
 * call and scans' p99 was 320 ms; 8, 6.4 ms and 211 ms; 4, 5.6 ms and 94 ms; 2, 5.4 ms and 117 ms.
 * `BENCH_INSTANCES` overrides it.
 */
export const BENCH_INSTANCES = Number(process.env.BENCH_INSTANCES) || 2 * availableParallelism();

export async function startBenchCloud(): Promise<BenchCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hegang-bench-'));
  const lc = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    // NORMAL still survives a killed process; FULL's fsync per write would measure the disk, not us.
    synchronous: 'NORMAL',
    functionTimeoutMs: 300_000,
    functionInstances: BENCH_INSTANCES,
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

/**
 * A full collection once the bulk load is done, so the timed calls meet the heap of a database that
 * has been running, not V8 marking the 3 GB just loaded on the same two cores for seconds (a run
 * whose scans of random codes came right after the load had p95 28 ms, and 9 ms in the run before).
 * bench/run.ts starts scenarios with --expose-gc; without it this does nothing.
 */
export function settleHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Scenario sizes: full by default, `BENCH_SCALE=0.01` for a quick smoke run. */
export function scaled(n: number): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
