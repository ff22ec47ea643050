/**
 * staff.districtStats with 1,000,000 entities: wall time of the whole call and the number of
 * database calls it makes (a constant: aggregation happens in the database, never by paging).
 */
import { startBenchCloud, scaled, settleHeap } from '../cloud';
import { BENCH_CITY_ADMIN, loadCity } from '../fixtures';
import { emit, percentile } from '../report';

const ENTITIES = scaled(1_000_000);
const RUNS = 5;

async function main(): Promise<void> {
  const cloud = await startBenchCloud();
  try {
    const t0 = Date.now();
    const loaded = loadCity(cloud.lc, { entities: ENTITIES, codedShare: 0.35, recordsPerCoded: 0 });
    const loadSeconds = (Date.now() - t0) / 1000;
    settleHeap();
    await cloud.call('staff', BENCH_CITY_ADMIN, { action: 'districtStats' }); // warm-up

    const times: number[] = [];
    const calls: number[] = [];
    let codedSum = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = cloud.dbCalls();
      const t = process.hrtime.bigint();
      const res = await cloud.call('staff', BENCH_CITY_ADMIN, { action: 'districtStats' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      calls.push(cloud.dbCalls() - before);
      if (!res.ok) throw new Error(`districtStats failed: ${JSON.stringify(res.error)}`);
      codedSum = res.data.city.coded;
    }
    if (codedSum !== loaded.codeIds.length)
      throw new Error(`districtStats counted ${codedSum} codes, ${loaded.codeIds.length} were loaded`);
    times.sort((a, b) => a - b);
    emit({
      scenario: `staff.districtStats, ${ENTITIES.toLocaleString('en')} entities`,
      figures: [
        { name: 'median', value: Math.round(percentile(times, 50)), unit: 'ms' },
        { name: 'slowest', value: Math.round(times[times.length - 1]!), unit: 'ms', max: 2000 },
        { name: 'database calls per call', value: Math.max(...calls) },
      ],
      notes: [
        `${loaded.codeIds.length.toLocaleString('en')} active codes counted correctly; ${RUNS} runs; data loaded in ${loadSeconds.toFixed(1)} s`,
      ],
    });
  } finally {
    await cloud.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
