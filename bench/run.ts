/**
 * `npm run bench`: runs each scenario in its own process (so one's memory and JIT state never
 * colour another's), prints its figures against the budgets of DESIGN.md §6, and writes
 * bench-results/latest.json. `npm run bench -- verify sizes` runs only those scenarios.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { met, type ScenarioResult } from './report';

const SCENARIOS = ['sizes', 'uscc', 'verify', 'search', 'load', 'district-stats', 'import', 'outreach'] as const;
const root = join(__dirname, '..');
/**
 * The scenario process hosts the local cloud, which holds the whole database in its heap (3 GB at
 * 1,000,000 entities). V8's minor GC pauses there are long (about 13 ms each with the default 16 MB
 * young generation, 25-45 ms with 64 MB or 128 MB), so a larger young generation makes them rarer,
 * as a database server is tuned for its data: 408 ms of pauses per 1,000 scans with 16 MB, 155 ms
 * with 64 MB; with 128 MB one pause every 5 s or so under the load scenario, and scans' p99 there
 * 96 ms against 130 ms with 64 MB. --expose-gc lets a scenario settle the heap after its
 * bulk load (settleHeap in bench/cloud.ts).
 */
const EMULATOR_FLAGS = ['--max-semi-space-size=128', '--expose-gc'];

function runScenario(name: string): ScenarioResult | { scenario: string; error: string } {
  const res = spawnSync(process.execPath, [...EMULATOR_FLAGS, '--import', 'tsx', join(__dirname, 'scenarios', `${name}.ts`)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = res.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (res.status !== 0 || !line) return { scenario: name, error: (res.stderr || res.stdout).trim().split('\n').slice(-5).join('\n') };
  return JSON.parse(line.slice('BENCH '.length)) as ScenarioResult;
}

function print(r: ScenarioResult | { scenario: string; error: string }): void {
  process.stdout.write(`\n${r.scenario}\n`);
  if ('error' in r) {
    process.stdout.write(`  FAILED: ${r.error.replace(/\n/g, '\n  ')}\n`);
    return;
  }
  for (const f of r.figures) {
    const value = typeof f.value === 'number' ? f.value.toLocaleString('en') : f.value;
    const budget =
      f.max === undefined ? '' : `  (budget ≤ ${f.max.toLocaleString('en')}${f.unit ? ` ${f.unit}` : ''}: ${met(f) ? 'met' : 'NOT MET'})`;
    process.stdout.write(`  ${f.name}: ${value}${f.unit ? ` ${f.unit}` : ''}${budget}\n`);
  }
  for (const n of r.notes ?? []) process.stdout.write(`  · ${n}\n`);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(SCENARIOS as readonly string[]).includes(w));
if (unknown.length) {
  process.stderr.write(`unknown scenario(s): ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}\n`);
  process.exit(2);
}
const results = (wanted.length ? wanted : SCENARIOS).map((name) => {
  process.stderr.write(`running ${name}…\n`);
  const r = runScenario(name);
  print(r);
  return r;
});

const budgets = results.flatMap((r) => ('figures' in r ? r.figures.filter((f) => f.max !== undefined) : []));
const failedBudgets = budgets.filter((f) => !met(f));
const failedScenarios = results.filter((r) => 'error' in r);
process.stdout.write(
  `\n${budgets.length - failedBudgets.length} of ${budgets.length} budgets met` +
    (failedBudgets.length ? `; not met: ${failedBudgets.map((f) => f.name).join(', ')}` : '') +
    (failedScenarios.length ? `; scenarios failed: ${failedScenarios.map((r) => r.scenario).join(', ')}` : '') +
    '\n',
);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
process.exitCode = failedBudgets.length || failedScenarios.length ? 1 : 0;
