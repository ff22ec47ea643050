/**
 * The clients of the load scenario, in a process of their own so that generating load never
 * competes with the emulator's event loop. Each client loops for the duration: picks an action by
 * the mix (80% scans, 15% name searches, 5% profiles), calls the public function over HTTP as the
 * mini-program does, records the latency, then waits a think time (uniform in [0, 2 × mean]);
 * each client starts after one such pause.
 * Usage: node --import tsx bench/load-clients.ts <config.json>; prints `LOAD {…}`.
 */
import { readFileSync } from 'node:fs';
import { closeClient, postFunction } from './http-client';
import { percentile } from './report';
import { prng } from './fixtures';

export interface LoadConfig {
  url: string;
  clients: number;
  durationMs: number;
  thinkMs: number;
  codeIds: string[];
  keywords: string[];
  usccs: string[];
  /** Every call a name search (the starvation check). */
  onlySearch?: boolean;
}

export interface ActionFigures {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The first few error messages, for the report. */
  samples: string[];
}

export type LoadReport = {
  seconds: number;
  requests: number;
  errors: number;
  /** CPU time this process (the clients) spent per call, in ms. */
  clientCpuPerCall: number;
  perAction: Record<string, ActionFigures>;
};

type Action = 'verifyCode' | 'search' | 'profile';

async function main(): Promise<void> {
  const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadConfig;
  const times: Record<Action, number[]> = { verifyCode: [], search: [], profile: [] };
  const errors: Record<Action, string[]> = { verifyCode: [], search: [], profile: [] };
  const start = Date.now();
  const end = start + cfg.durationMs;
  const cpu = process.cpuUsage();

  async function client(seed: number): Promise<void> {
    const rnd = prng(seed);
    const think = () => (cfg.thinkMs > 0 ? new Promise((r) => setTimeout(r, rnd(2 * cfg.thinkMs + 1))) : undefined);
    // People already using the system are each somewhere in their think time when the clock
    // starts; firing all first calls in the same millisecond would measure one synthetic burst
    // (load.ts times that burst on its own).
    await think();
    while (Date.now() < end) {
      const pick = rnd(100);
      const action: Action = cfg.onlySearch ? 'search' : pick < 80 ? 'verifyCode' : pick < 95 ? 'search' : 'profile';
      const data =
        action === 'verifyCode'
          ? { action, codeId: cfg.codeIds[rnd(cfg.codeIds.length)], version: 1 }
          : action === 'search'
            ? { action, keyword: cfg.keywords[rnd(cfg.keywords.length)] }
            : { action, uscc: cfg.usccs[rnd(cfg.usccs.length)] };
      const t = process.hrtime.bigint();
      try {
        const { status, body } = await postFunction(cfg.url, 'public', `load-${seed}`, data);
        if (!body.result?.ok) throw new Error(`${status} ${JSON.stringify(body).slice(0, 160)}`);
        times[action].push(Number(process.hrtime.bigint() - t) / 1e6);
      } catch (e) {
        errors[action].push(e instanceof Error ? e.message : String(e));
      }
      await think();
    }
  }

  await Promise.all(Array.from({ length: cfg.clients }, (_v, i) => client(1000 + i)));
  closeClient();
  const seconds = (Date.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const perAction: Record<string, ActionFigures> = {};
  for (const a of Object.keys(times) as Action[]) {
    const t = times[a].sort((x, y) => x - y);
    perAction[a] = {
      count: t.length + errors[a].length,
      errors: errors[a].length,
      p50: percentile(t, 50),
      p95: percentile(t, 95),
      p99: percentile(t, 99),
      max: t[t.length - 1] ?? NaN,
      samples: errors[a].slice(0, 3),
    };
  }
  const requests = Object.values(perAction).reduce((s, f) => s + f.count, 0);
  const report: LoadReport = {
    seconds,
    requests,
    errors: Object.values(perAction).reduce((s, f) => s + f.errors, 0),
    clientCpuPerCall: (used.user + used.system) / 1000 / Math.max(1, requests),
    perAction,
  };
  process.stdout.write(`LOAD ${JSON.stringify(report)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
