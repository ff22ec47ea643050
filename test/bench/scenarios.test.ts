/**
 * The benchmark scenarios still run, at a thousandth of their size: each prints its figures
 * and the functional checks inside it hold (every scan answers 有效, districtStats counts every
 * loaded code, the import reports its bad rows). Figures are not judged here; `npm run bench` does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../bench/report';

const root = join(__dirname, '..', '..');

function run(name: string): ScenarioResult {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'scenarios', `${name}.ts`)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BENCH_SCALE: '0.001' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = res.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  expect(line, res.stderr.slice(-1000)).toBeDefined();
  return JSON.parse(line!.slice('BENCH '.length)) as ScenarioResult;
}

function figure(r: ScenarioResult, name: string): number {
  const f = r.figures.find((x) => x.name === name);
  expect(f, `figure "${name}" in ${r.scenario}`).toBeDefined();
  expect(typeof f!.value).toBe('number');
  return f!.value as number;
}

describe('benchmark scenarios at a thousandth of their size', () => {
  it('verify: every scan valid, one database call each, a bounded number of documents examined', () => {
    const r = run('verify');
    expect(figure(r, 'database calls per scan (max)')).toBe(1);
    expect(figure(r, 'p95, random codes')).toBeGreaterThan(0);
    // The heavy entity's 100 records are not all read: 1 code + 1 entity + ≤ 5 codes + 4 × 11 records and a few skipped.
    expect(figure(r, 'documents examined per scan (max)')).toBeLessThanOrEqual(60);
    expect(r.notes?.[0]).toMatch(/ (\d+) answered 有效/);
    const [, scans, valid] = /^(\d+) sequential scans.* (\d+) answered 有效/.exec(r.notes![0]!)!;
    expect(valid).toBe(scans);
    expect(r.notes![0]).toMatch(/then \d+ scans of the heavy entity, (\d+) 有效, 40 records shown per scan/);
  }, 180_000);

  it('search: every fragment search finds its entity through the index, one database call each', () => {
    const r = run('search');
    expect(figure(r, 'by a name fragment, database calls (max)')).toBe(1);
    expect(figure(r, 'by a name fragment, documents examined ÷ results (max)')).toBeLessThanOrEqual(5);
    // The broad fragment reads one window of candidates, not every name.
    expect(figure(r, 'broad fragment, documents examined (max)')).toBeLessThanOrEqual(200);
    expect(r.notes?.[0]).toMatch(/each found its entity/);
  }, 180_000);

  it('load: every client call answered, for every action of the mix', () => {
    const r = run('load');
    expect(figure(r, 'errors')).toBe(0);
    expect(figure(r, 'throughput')).toBeGreaterThan(0);
    for (const action of ['verifyCode', 'search', 'profile']) expect(figure(r, `${action}: calls`)).toBeGreaterThan(0);
    expect(figure(r, 'verifyCode p50 beside 16 clients searching back to back')).toBeGreaterThan(0);
  }, 180_000);

  it('sizes: every built function has a size and a cold start that answered its first call', () => {
    const r = run('sizes');
    for (const name of ['merchant', 'public', 'staff']) {
      expect(figure(r, `function ${name}: bundle (without wx-server-sdk)`)).toBeGreaterThan(10);
      const ours = figure(r, `function ${name}: cold start of our bundle (load + first call, median of 1)`);
      expect(ours).toBeGreaterThan(0);
      expect(figure(r, `function ${name}: cold start with wx-server-sdk`)).toBeGreaterThan(ours);
    }
  }, 180_000);

  it('district-stats: a constant four database calls', () => {
    const r = run('district-stats');
    expect(figure(r, 'database calls per call')).toBe(4);
    expect(r.notes?.[0]).toMatch(/active codes counted correctly/);
  }, 180_000);

  it('import: the bad rows are reported, the re-import inserts nothing', () => {
    const r = run('import');
    expect(figure(r, 'peak resident memory of the function')).toBeGreaterThan(0);
    expect(figure(r, 'replacement characters (U+FFFD) in the stored rows')).toBe(0);
    // 60 rows, every 6th broken: 10 reported invalid and stored nowhere, 50 stored once. Both imports finish,
    // so neither resumes a failed batch: nothing is skipped.
    expect(r.notes?.join('\n')).toContain(
      'first import: {"rows":60,"skipped":0,"inserted":50,"duplicates":0,"invalid":10}; 10 rows were made invalid',
    );
    expect(r.notes?.join('\n')).toContain('re-import: {"rows":60,"skipped":0,"inserted":0,"duplicates":50,"invalid":10}');
  }, 180_000);

  it('outreach: every page counts the uncoded entities loaded, the export holds them all', () => {
    const r = run('outreach');
    expect(figure(r, 'database calls per page')).toBe(5);
    expect(figure(r, 'full export peak resident memory of the function')).toBeGreaterThan(0);
    const [, uncoded, rows] = /matched the (\d+) uncoded entities loaded; the export held (\d+) rows/.exec(r.notes![0]!)!;
    expect(rows).toBe(uncoded);
  });
});
