/**
 * Load: 100 concurrent clients for 30 s against 1,000,000 entities, mixing scans (80%), name
 * searches (15%) and profile views (5%) through the public function, each client pausing a think
 * time before and between its calls as a person does (BENCH_THINK_MS, mean 500 ms; 0 = back to
 * back). The clients run in a process of their own (bench/load-clients.ts). Reports throughput,
 * p50/p95/p99 per action and errors; how long 100 scans sent in the same millisecond take to be
 * answered; then, for the starvation the issue saw (16 concurrent name searches pushing
 * verifyCode's p50 from 10 ms to 780 ms), verifyCode's p50 alone and beside 16 clients searching
 * back to back.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_INSTANCES, startBenchCloud, scaled, type BenchCloud, settleHeap } from '../cloud';
import { benchBrand, loadCity, prng } from '../fixtures';
import type { LoadConfig, LoadReport } from '../load-clients';
import { emit, percentile, type Figure } from '../report';

const ENTITIES = scaled(1_000_000);
const CLIENTS = Math.max(8, scaled(100));
const DURATION_MS = Math.max(2_000, scaled(30_000));
/** A scaled-down smoke run keeps the pauses short, so each action of the mix still comes up. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? (scaled(100) < 100 ? '20' : '500'));
const root = join(__dirname, '..', '..');

/**
 * Run the clients in a process of their own and wait for their report. Asynchronously: the local
 * cloud answering them lives in this process's event loop.
 */
function runClients(cfg: LoadConfig): Promise<LoadReport> {
  const file = join(tmpdir(), `hegang-load-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'load-clients.ts'), file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', () => {
      rmSync(file, { force: true });
      const line = out.split('\n').find((l) => l.startsWith('LOAD '));
      if (line) resolve(JSON.parse(line.slice(5)) as LoadReport);
      else reject(new Error(`load clients failed: ${err.slice(-800)}`));
    }),
  );
}

/** verifyCode p50 over sequential scans: `n` of them, or as many as fit until `until` settles. */
async function scanP50(cloud: BenchCloud, codeIds: string[], n: number, until?: Promise<unknown>): Promise<number> {
  const times: number[] = [];
  const rnd = prng(99);
  let done = false;
  void until?.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; until ? !done : i < n; i++) {
    const t = process.hrtime.bigint();
    const res = await cloud.call('public', '', { action: 'verifyCode', codeId: codeIds[rnd(codeIds.length)] });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!res.ok) throw new Error(`verifyCode failed: ${JSON.stringify(res.error)}`);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/** `n` scans sent at once (every client's first call at the same instant): when the last is answered. */
async function simultaneousScans(cloud: BenchCloud, codeIds: string[], n: number): Promise<number> {
  const rnd = prng(77);
  const t = process.hrtime.bigint();
  const answers = await Promise.all(
    Array.from({ length: n }, () => cloud.call('public', '', { action: 'verifyCode', codeId: codeIds[rnd(codeIds.length)] })),
  );
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (answers.some((a) => !a.ok)) throw new Error('a simultaneous scan failed');
  return ms;
}

async function main(): Promise<void> {
  const cloud = await startBenchCloud();
  try {
    const t0 = Date.now();
    const { codeIds } = loadCity(cloud.lc, { entities: ENTITIES, codedShare: 0.3, recordsPerCoded: 1 });
    const loadSeconds = (Date.now() - t0) / 1000;
    settleHeap();
    const rnd = prng(5);
    const sample = <T>(xs: T[], n: number) => Array.from({ length: Math.min(n, xs.length) }, () => xs[rnd(xs.length)]!);
    const codedUsccs = codeIds.map((id) => (cloud.lc.db.collection('codes').getByKey(id) as { uscc: string }).uscc);
    const base = {
      url: cloud.lc.url,
      codeIds: sample(codeIds, 20_000),
      keywords: Array.from({ length: 5_000 }, () => benchBrand(rnd(ENTITIES))),
      usccs: sample(codedUsccs, 5_000),
    };
    // Warm every function instance the clients will use, and the JIT.
    await runClients({ ...base, clients: 16, durationMs: 3_000, thinkMs: 0 });

    const cpu = process.cpuUsage();
    const load = await runClients({ ...base, clients: CLIENTS, durationMs: DURATION_MS, thinkMs: THINK_MS });
    const cloudCpu = process.cpuUsage(cpu);
    const scanAlone = await scanP50(cloud, codeIds, 100);
    const burst = await simultaneousScans(cloud, codeIds, CLIENTS);
    // 16 clients searching back to back for 6 s (their process takes a moment to start).
    const searchers = runClients({ ...base, onlySearch: true, clients: 16, durationMs: 6_000, thinkMs: 0 });
    await new Promise((r) => setTimeout(r, 2_000)); // the searchers' process starting up
    const scanBesideSearches = await scanP50(cloud, codeIds, 0, searchers);
    const searchLoad = await searchers;

    const figures: Figure[] = [
      { name: 'throughput', value: Math.round(load.requests / load.seconds), unit: 'calls/s' },
      { name: 'errors', value: load.errors, max: 0 },
      {
        name: 'CPU per call: the local cloud (database and function instances)',
        value: round((cloudCpu.user + cloudCpu.system) / 1000 / load.requests),
        unit: 'ms',
      },
      { name: 'CPU per call: the clients', value: round(load.clientCpuPerCall), unit: 'ms' },
    ];
    for (const [action, f] of Object.entries(load.perAction)) {
      const scans = action === 'verifyCode';
      figures.push(
        { name: `${action}: calls`, value: f.count },
        { name: `${action}: p50`, value: round(f.p50), unit: 'ms' },
        { name: `${action}: p95`, value: round(f.p95), unit: 'ms' },
        { name: `${action}: p99`, value: round(f.p99), unit: 'ms', ...(scans ? { max: 100 } : {}) },
      );
    }
    figures.push(
      { name: 'verifyCode p50 alone (sequential)', value: round(scanAlone), unit: 'ms' },
      { name: `${CLIENTS} scans sent in the same millisecond: the last answered after`, value: round(burst), unit: 'ms' },
      { name: 'verifyCode p50 beside 16 clients searching back to back', value: round(scanBesideSearches), unit: 'ms' },
    );
    emit({
      scenario: `load: ${CLIENTS} concurrent clients for ${DURATION_MS / 1000} s (80% scans, 15% name searches, 5% profiles), ${ENTITIES.toLocaleString('en')} entities`,
      figures,
      notes: [
        `each client pauses a think time uniform in [0, ${2 * THINK_MS}] ms before and between calls (mean ${THINK_MS} ms); ${BENCH_INSTANCES} function instances (two per core); data loaded in ${loadSeconds.toFixed(1)} s`,
        `the 16 searching clients made ${searchLoad.requests} searches (${searchLoad.errors} errors, p50 ${round(searchLoad.perAction.search!.p50)} ms) while verifyCode was timed`,
        ...Object.entries(load.perAction).flatMap(([a, f]) => f.samples.map((s) => `${a} error: ${s}`)),
      ],
    });
  } finally {
    await cloud.close();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
