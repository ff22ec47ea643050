/**
 * public.verifyCode with 1,000,000 entities, one of which holds 100,000 records: latency as the
 * scanning phone's request sees it (HTTP → function → wx-server-sdk → database and back),
 * database calls and documents examined per scan. Scans of random codes and scans of the heavy
 * entity are timed apart: the second must not read that entity's records beyond the newest few.
 */
import { startBenchCloud, scaled, type BenchCloud, settleHeap } from '../cloud';
import { loadCity, loadHeavyEntity } from '../fixtures';
import { emit, percentile } from '../report';

const ENTITIES = scaled(1_000_000);
const HEAVY_RECORDS = scaled(100_000);
/** At least 50, so a scaled-down smoke run still has a p95. */
const SCANS = Math.max(50, scaled(1_000));

interface Scans {
  times: number[];
  maxCalls: number;
  maxExamined: number;
  valid: number;
  shown: number;
}

async function scan(cloud: BenchCloud, codeIds: (i: number) => string, n: number): Promise<Scans> {
  const out: Scans = { times: [], maxCalls: 0, maxExamined: 0, valid: 0, shown: 0 };
  for (let i = 0; i < n; i++) {
    const codeId = codeIds(i);
    const calls0 = cloud.dbCalls();
    const examined0 = cloud.examined();
    const t = process.hrtime.bigint();
    const res = await cloud.call('public', '', { action: 'verifyCode', codeId, version: 1 });
    out.times.push(Number(process.hrtime.bigint() - t) / 1e6);
    out.maxCalls = Math.max(out.maxCalls, cloud.dbCalls() - calls0);
    out.maxExamined = Math.max(out.maxExamined, cloud.examined() - examined0);
    if (!res.ok) throw new Error(`verifyCode failed: ${JSON.stringify(res.error)}`);
    if (res.data?.verdict === 'valid') out.valid++;
    const p = res.data?.profile;
    if (p) out.shown = Math.max(out.shown, p.commitments.length + p.honours.length + p.registrations.length + p.otherInfo.length);
  }
  out.times.sort((a, b) => a - b);
  return out;
}

async function main(): Promise<void> {
  const cloud = await startBenchCloud();
  try {
    const t0 = Date.now();
    const { codeIds } = loadCity(cloud.lc, { entities: ENTITIES, codedShare: 0.3, recordsPerCoded: 1 });
    const heavyCode = codeIds[0]!;
    loadHeavyEntity(cloud.lc, heavyCode, HEAVY_RECORDS);
    const loadSeconds = (Date.now() - t0) / 1000;
    settleHeap();
    // Warm the function instances, the JIT and the heavy entity's sorted index views, as a running service would be.
    for (let i = 0; i < 50; i++) await cloud.call('public', '', { action: 'verifyCode', codeId: codeIds[i % codeIds.length] });

    const random = await scan(cloud, (i) => codeIds[(i * 7919) % codeIds.length]!, SCANS);
    const heavy = await scan(cloud, () => heavyCode, SCANS);
    const both = [...random.times, ...heavy.times].sort((a, b) => a - b);
    emit({
      scenario: `public.verifyCode, ${ENTITIES.toLocaleString('en')} entities, one holding ${HEAVY_RECORDS.toLocaleString('en')} records`,
      figures: [
        { name: 'p50, random codes', value: round(percentile(random.times, 50)), unit: 'ms' },
        { name: 'p95, random codes', value: round(percentile(random.times, 95)), unit: 'ms', max: 10 },
        {
          name: `p95, the entity with ${HEAVY_RECORDS.toLocaleString('en')} records`,
          value: round(percentile(heavy.times, 95)),
          unit: 'ms',
          max: 10,
        },
        { name: 'max, all scans', value: round(both[both.length - 1]!), unit: 'ms' },
        { name: 'database calls per scan (max)', value: Math.max(random.maxCalls, heavy.maxCalls), max: 3 },
        { name: 'documents examined per scan (max)', value: Math.max(random.maxExamined, heavy.maxExamined), max: 60 },
      ],
      notes: [
        `${SCANS} sequential scans of ${codeIds.length.toLocaleString('en')} codes; ${random.valid} answered 有效; then ${SCANS} scans of the heavy entity, ${heavy.valid} 有效, ${heavy.shown} records shown per scan (the newest 10 of each kind, 查看全部 for more)`,
        `data loaded in ${loadSeconds.toFixed(1)} s`,
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
