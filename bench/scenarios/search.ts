/**
 * public.search by a name fragment with 1,000,000 entities: latency as the phone's request sees it
 * and documents examined per search, which the `nameKeys` index keeps near the number of results
 * (no scan of the names). Also a USCC search and a broad fragment (every name matches: the read
 * stops at the search window) for comparison.
 */
import { startBenchCloud, scaled, settleHeap } from '../cloud';
import { benchBrand, benchName, loadCity, prng } from '../fixtures';
import { emit, percentile } from '../report';

const ENTITIES = scaled(1_000_000);
const SEARCHES = Math.max(50, scaled(1_000));

async function main(): Promise<void> {
  const cloud = await startBenchCloud();
  try {
    const t0 = Date.now();
    const { usccs } = loadCity(cloud.lc, { entities: ENTITIES, codedShare: 0, recordsPerCoded: 0 });
    const loadSeconds = (Date.now() - t0) / 1000;
    settleHeap();
    const rnd = prng(7);
    // Warm the function instances and the JIT, as a running service would be.
    for (let i = 0; i < 50; i++) await cloud.call('public', '', { action: 'search', keyword: benchBrand(rnd(ENTITIES)) });

    const fragment = await timeSearches(cloud, SEARCHES, () => {
      const n = rnd(ENTITIES);
      return { keyword: benchBrand(n), expect: benchName(n) };
    });
    const byUscc = await timeSearches(cloud, Math.min(200, SEARCHES), () => ({ keyword: usccs[rnd(usccs.length)]! }));
    const broad = await timeSearches(cloud, Math.min(50, SEARCHES), () => ({ keyword: '鹤岗市' }));
    emit({
      scenario: `public.search, ${ENTITIES.toLocaleString('en')} entities`,
      figures: [
        { name: 'by a name fragment (the 3-character brand), p50', value: round(percentile(fragment.times, 50)), unit: 'ms' },
        { name: 'by a name fragment, p95', value: round(percentile(fragment.times, 95)), unit: 'ms', max: 10 },
        { name: 'by a name fragment, documents examined ÷ results (max)', value: round(fragment.examinedPerResult), max: 5 },
        { name: 'by a name fragment, database calls (max)', value: fragment.maxCalls },
        { name: 'by USCC, p95', value: round(percentile(byUscc.times, 95)), unit: 'ms' },
        { name: 'broad fragment matching every name (鹤岗市), p95', value: round(percentile(broad.times, 95)), unit: 'ms' },
        { name: 'broad fragment, documents examined (max)', value: broad.maxExamined },
      ],
      notes: [
        `${SEARCHES} sequential fragment searches, each found its entity; names are 鹤岗市 + district + a 3-character brand + kind; data loaded in ${loadSeconds.toFixed(1)} s`,
        `broad search: ${broad.lastTotal} candidates ranked of a window of 200, capped=${broad.lastCapped}`,
      ],
    });
  } finally {
    await cloud.close();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Sequential searches: sorted latencies, the worst documents-examined per result, calls and examined maxima. */
async function timeSearches(
  cloud: Awaited<ReturnType<typeof startBenchCloud>>,
  n: number,
  next: () => { keyword: string; expect?: string },
) {
  const times: number[] = [];
  let examinedPerResult = 0;
  let maxCalls = 0;
  let maxExamined = 0;
  let lastTotal = 0;
  let lastCapped = false;
  for (let i = 0; i < n; i++) {
    const { keyword, expect } = next();
    const calls0 = cloud.dbCalls();
    const examined0 = cloud.examined();
    const t = process.hrtime.bigint();
    const res = await cloud.call('public', '', { action: 'search', keyword });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const examined = cloud.examined() - examined0;
    if (!res.ok || res.data.items.length === 0) throw new Error(`search for ${keyword} failed: ${JSON.stringify(res).slice(0, 200)}`);
    if (expect && !res.data.items.some((it: { name: string }) => it.name === expect))
      throw new Error(`search for ${keyword} ranked ${res.data.items[0].name} first`);
    examinedPerResult = Math.max(examinedPerResult, examined / res.data.total);
    maxCalls = Math.max(maxCalls, cloud.dbCalls() - calls0);
    maxExamined = Math.max(maxExamined, examined);
    lastTotal = res.data.total;
    lastCapped = res.data.capped;
  }
  return { times: times.sort((a, b) => a - b), examinedPerResult, maxCalls, maxExamined, lastTotal, lastCapped };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
