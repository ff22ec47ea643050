/**
 * `npm run seed [-- --url http://127.0.0.1:3900 | --data .localcloud/data] [--today YYYY-MM-DD]`
 *
 * Loads a realistic demo data set for Hegang's eight districts into the local cloud: about 59,000
 * market entities (valid USCCs whose area code is the district), codes for 7–23% of them per
 * district (some suspended, a few revoked and reissued), their applications, commitments, honours,
 * registrations and other information, dated district totals, staff members and 60 days of rate
 * snapshots that rise toward today. Deterministic (seeded PRNG, fixed ids): running it twice
 * leaves the same data. Written through the emulator's bulk-load path (`POST /_admin/load`, or
 * in-process on a data folder whose emulator is stopped), so it takes seconds.
 *
 * Each collection has its generator under scripts/seed/, built with the functions production uses
 * (the import's rowDedupKey, newCodeDoc, newStaffDoc, rateSnapshot, nameSearchKeys); this file
 * draws them in one fixed order from one random stream, and writes the result.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DISTRICTS, isValidUscc } from '../core';
import { chinaDate, dayNumber } from '../core/rates';
import { encodeDoc, openDatabase, type Doc } from '../localcloud';
import type {
  ApplicationDoc,
  CodeDoc,
  CommitmentDoc,
  DistrictTotalsDoc,
  EntityDoc,
  HonourDoc,
  OtherInfoDoc,
  RegisterDoc,
  RegistrationDoc,
  StaffDoc,
} from '../server/model';
import type { RateSnapshotDoc } from '../server/staff/stats';
import { isMain } from './is-main';
import { approvedApplication, waitingApplications } from './seed/applications';
import { bulletinDemoData, type BulletinDemoData } from './seed/bulletin';
import { issueDemoCode } from './seed/codes';
import { demoBatch } from './seed/demo-batch';
import { PLAN } from './seed/demo';
import { districtEntities, type SeedContext } from './seed/entities';
import { storeDemoLicence } from './seed/licence';
import { Rng } from './seed/random';
import { entityRecords } from './seed/records';
import { rateSnapshots } from './seed/snapshots';
import { demoStaff } from './seed/staff';
import { districtTotals } from './seed/totals';

export { DEMO_BATCH_ID, DEMO_OPENIDS, PLAN } from './seed/demo';

export type SeedData = {
  entities: EntityDoc[];
  applications: ApplicationDoc[];
  codes: CodeDoc[];
  commitments: CommitmentDoc[];
  honours: HonourDoc[];
  registrations: RegistrationDoc[];
  otherInfo: OtherInfoDoc[];
  districtTotals: DistrictTotalsDoc[];
  rateSnapshots: RateSnapshotDoc[];
  staff: StaffDoc[];
  /** 市场主体名录 rows of the entities with demo applications, so the review card's checks have something to compare. */
  register: RegisterDoc[];
} & BulletinDemoData;

/**
 * The whole demo data set for `today` (YYYY-MM-DD, China), identical for identical input.
 * `scale` shrinks every district proportionally (tests use a tenth).
 */
export function generateDemoData(today: string, scale = 1): SeedData {
  const ctx: SeedContext = { rng: new Rng('hegang-demo-v1'), todayN: dayNumber(today), usedUscc: new Set(), usedNames: new Set() };
  const data: SeedData = {
    entities: [],
    applications: [],
    codes: [],
    commitments: [],
    honours: [],
    registrations: [],
    otherInfo: [],
    districtTotals: [],
    rateSnapshots: [],
    staff: [],
    register: [],
    ...bulletinDemoData(today),
  };
  const push = <K extends keyof SeedData>(k: K, docs: SeedData[K]) => (data[k] as unknown[]).push(...docs);

  for (const district of DISTRICTS) {
    const plan = PLAN[district.code]!;
    const size = Math.round(plan.entities * scale);
    const entities = districtEntities(ctx, district, plan, size);
    push('entities', entities);
    // Codes go to the first `coded` entities of a shuffled order, applications to the next eight.
    const order = ctx.rng.permutation(entities.length);
    const coded = Math.round((size * plan.codedPct) / 100);
    for (let n = 0; n < coded; n++) {
      const issued = issueDemoCode(ctx, entities[order[n]!]!, n);
      push('codes', issued.codes);
      push('applications', [approvedApplication(ctx, issued)]);
      const records = entityRecords(ctx, issued.entity, issued.owner, issued.issuedDay);
      for (const k of ['commitments', 'honours', 'registrations', 'otherInfo'] as const) push(k, records[k]);
    }
    const waiting = waitingApplications(
      ctx,
      order.slice(coded, coded + 8).map((i) => entities[i]!),
    );
    push('applications', waiting.applications);
    push('register', waiting.register);
    push('districtTotals', districtTotals(district, plan, size, ctx.todayN));
  }
  push('staff', demoStaff(ctx.todayN));
  push('commitments', demoBatch(data.entities, data.codes, ctx.todayN));
  push('rateSnapshots', rateSnapshots(data.codes, data.districtTotals, ctx.todayN));

  for (const e of data.entities) if (!isValidUscc(e.uscc)) throw new Error(`generated an invalid USCC: ${e.uscc}`);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** Where to write: a running local cloud (HTTP bulk load) or a stopped one's data folder. */
export type SeedTarget = { url: string } | { dataDir: string };

const CHUNK = 5_000;

/** Write the data set; returns document counts per collection. */
export async function seed(target: SeedTarget, today: string, scale = 1): Promise<Record<string, number>> {
  const data = generateDemoData(today, scale);
  const counts: Record<string, number> = {};
  await storeDemoLicence(target);
  if ('dataDir' in target) {
    const { db, close } = openDatabase(target.dataDir);
    try {
      for (const [coll, docs] of Object.entries(data)) counts[coll] = db.load(coll, docs as unknown as Doc[]);
    } finally {
      close();
    }
    return counts;
  }
  const base = target.url.replace(/\/$/, '');
  for (const [coll, docs] of Object.entries(data) as unknown as [string, Doc[]][]) {
    counts[coll] = 0;
    for (let i = 0; i < docs.length; i += CHUNK) {
      const res = await fetch(`${base}/_admin/load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ collection: coll, docs: docs.slice(i, i + CHUNK).map(encodeDoc) }),
      });
      const body = (await res.json()) as { written?: number; error?: { message: string } };
      if (!res.ok) throw new Error(`写入 ${coll} 失败：${body.error?.message ?? res.status}`);
      counts[coll] += body.written ?? 0;
    }
  }
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${process.env.LOCAL_CLOUD_PORT ?? '3900'}` },
      data: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const today = values.today ?? chinaDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today 应为 YYYY-MM-DD');
  const target: SeedTarget = values.data ? { dataDir: resolve(values.data) } : { url: values.url! };
  const started = Date.now();
  let counts: Record<string, number>;
  try {
    counts = await seed(target, today);
  } catch (e) {
    if ('url' in target && e instanceof TypeError) {
      throw new Error(`无法连接本地云 ${target.url}：请先运行 npm start，或用 --data <数据目录> 直接写入已停止的本地云`, { cause: e });
    }
    throw e;
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`seeded ${total} documents in ${Date.now() - started} ms (${'url' in target ? target.url : target.dataDir}, today ${today})`);
  for (const [c, n] of Object.entries(counts)) console.log(`  ${c.padEnd(15)} ${n}`);
}

if (isMain(__filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
