/**
 * public.verifyCode with 100,000 entities: latency as the scanning phone's request sees it
 * (HTTP → function → wx-server-sdk → database and back) and database calls per scan.
 * Also public.search on the same data (no budget): by USCC (an index) and by a name fragment
 * that matches one entity (a scan of every name, the worst case).
 */
import { startBenchCloud, scaled } from '../cloud';
import { loadCity } from '../fixtures';
import { emit, percentile } from '../report';

const ENTITIES = scaled(100_000);
/** At least 50, so a scaled-down smoke run still has a p95. */
const SCANS = Math.max(50, scaled(1_000));

async function main(): Promise<void> {
  const cloud = await startBenchCloud();
  try {
    const t0 = Date.now();
    const { codeIds, usccs } = loadCity(cloud.lc, { entities: ENTITIES, codedShare: 0.3, recordsPerCoded: 2 });
    const loadSeconds = (Date.now() - t0) / 1000;
    // Warm the function instances and the JIT, as a running service would be.
    for (let i = 0; i < 50; i++) await cloud.call('public', '', { action: 'verifyCode', codeId: codeIds[i % codeIds.length] });

    const times: number[] = [];
    const calls: number[] = [];
    let valid = 0;
    for (let i = 0; i < SCANS; i++) {
      const codeId = codeIds[(i * 7919) % codeIds.length]!;
      const before = cloud.dbCalls();
      const t = process.hrtime.bigint();
      const res = await cloud.call('public', '', { action: 'verifyCode', codeId, version: 1 });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      calls.push(cloud.dbCalls() - before);
      if (!res.ok) throw new Error(`verifyCode failed: ${JSON.stringify(res.error)}`);
      if (res.data?.verdict === 'valid') valid++;
    }
    times.sort((a, b) => a - b);
    const searchByUscc = await timeSearches(cloud, (i) => usccs[(i * 104_729) % usccs.length]!);
    const searchByName = await timeSearches(cloud, (i) => `第${(i * 104_729) % usccs.length}号商户`);
    emit({
      scenario: `public.verifyCode, ${ENTITIES.toLocaleString('en')} entities`,
      figures: [
        { name: 'p50', value: round(percentile(times, 50)), unit: 'ms' },
        { name: 'p95', value: round(percentile(times, 95)), unit: 'ms', max: 20 },
        { name: 'max', value: round(times[times.length - 1]!), unit: 'ms' },
        { name: 'database calls per scan (max)', value: Math.max(...calls), max: 3 },
        { name: 'public.search by USCC, p95', value: round(percentile(searchByUscc, 95)), unit: 'ms' },
        { name: 'public.search by a name fragment (scans every name), p95', value: round(percentile(searchByName, 95)), unit: 'ms' },
      ],
      notes: [`${SCANS} sequential scans of ${codeIds.length.toLocaleString('en')} codes; ${valid} answered 有效; data loaded in ${loadSeconds.toFixed(1)} s`],
    });
  } finally {
    await cloud.close();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Sorted latencies of 200 searches for keyword(i); every one must find its entity. */
async function timeSearches(cloud: Awaited<ReturnType<typeof startBenchCloud>>, keyword: (i: number) => string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < Math.min(200, SCANS); i++) {
    const t = process.hrtime.bigint();
    const res = await cloud.call('public', '', { action: 'search', keyword: keyword(i) });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!res.ok || res.data.items.length === 0) throw new Error(`search for ${keyword(i)} failed: ${JSON.stringify(res).slice(0, 200)}`);
  }
  return times.sort((a, b) => a - b);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
