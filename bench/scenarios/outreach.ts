/**
 * staff.outreach for a district whose register holds 100,000 entities (35% already coded): the
 * first page's p95 (and a filtered page's), database calls per page, and staffFiles.exportOutreach
 * of the whole uncoded list: wall time and the function's peak memory, the function running in a
 * process of its own (bench/function-host.ts) as on CloudBase.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../../localcloud/collections';
import type { CodeDoc, StaffDoc } from '../../server/model';
import type { RegisterRow } from '../../server/reach-model';
import { scaled, startBenchCloud } from '../cloud';
import { benchUscc, prng } from '../fixtures';
import { emit, percentile } from '../report';

const ROWS = scaled(100_000);
const DISTRICT = '230402';
const STAFF = 'bench-district-230402';
const RUNS = 30;
const STREETS = ['红军路', '解放路', '新华街', '站前街', '胜利路', '工农路', '南山路', '红旗街'];
const TYPES = ['有限责任公司', '个体工商户', '个体工商户', '个体工商户', '农民专业合作社', '股份有限公司'];

function load(cloud: Awaited<ReturnType<typeof startBenchCloud>>): number {
  const rnd = prng(20261130);
  const at = new Date('2026-05-01T08:00:00+08:00');
  let changes: Change[] = [];
  const push = (collection: string, doc: { _id: string }) => {
    changes.push({ collection, key: doc._id, before: undefined, after: doc as unknown as Record<string, unknown> });
    if (changes.length >= 20_000) {
      cloud.lc.db.commit(changes);
      changes = [];
    }
  };
  let uncoded = 0;
  for (let i = 0; i < ROWS; i++) {
    const uscc = benchUscc(DISTRICT, i);
    const coded = rnd(100) < 35;
    const row: RegisterRow = {
      _id: `r${i}`,
      uscc,
      name: `鹤岗市向阳区第${i}号商户`,
      entityType: TYPES[rnd(TYPES.length)]!,
      legalRep: `经营者${i}`,
      address: `黑龙江省鹤岗市向阳区${STREETS[rnd(STREETS.length)]}${rnd(300) + 1}号`,
      districtCode: DISTRICT,
      foundedOn: `20${String(rnd(25)).padStart(2, '0')}-0${rnd(9) + 1}-1${rnd(9)}`,
      regStatus: '存续',
      inBusiness: true,
      batchId: 'bench-register',
      createdAt: at,
      updatedAt: at,
      ...(coded ? { coded: true } : {}),
    };
    push('register', row);
    if (coded) {
      const code: CodeDoc = {
        _id: `bc${i}`,
        entityId: `be${i}`,
        uscc,
        districtCode: DISTRICT,
        field: '市场监管',
        status: 'active',
        version: 1,
        liveKey: `be${i}`,
        issuedAt: at,
        history: [],
      };
      push('codes', code);
    } else uncoded++;
  }
  const staff: StaffDoc = {
    _id: 'staff-bench-district',
    openid: STAFF,
    name: '向阳区专员',
    role: 'district',
    districtCode: DISTRICT,
    active: true,
    createdAt: at,
  };
  push('staff', staff);
  cloud.lc.db.commit(changes);
  return uncoded;
}

async function timedPages(cloud: Awaited<ReturnType<typeof startBenchCloud>>, payload: Record<string, unknown>, expectTotal?: number) {
  await cloud.call('staff', STAFF, { action: 'outreach', ...payload }); // warm-up
  const times: number[] = [];
  let calls = 0;
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = cloud.dbCalls();
    const t = process.hrtime.bigint();
    const res = await cloud.call('staff', STAFF, { action: 'outreach', ...payload });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    calls = Math.max(calls, cloud.dbCalls() - before);
    if (!res.ok) throw new Error(`outreach failed: ${JSON.stringify(res.error)}`);
    total = res.data.total;
    if (expectTotal !== undefined && total !== expectTotal) throw new Error(`outreach total ${total}, expected ${expectTotal}`);
    if (res.data.items.length !== Math.min(20, total)) throw new Error(`outreach page has ${res.data.items.length} items`);
  }
  times.sort((a, b) => a - b);
  return { p95: Math.round(percentile(times, 95)), median: Math.round(percentile(times, 50)), calls, total };
}

/** The export in a function process of its own (async spawn: the cloud lives in this process). */
function exportInOwnProcess(url: string, dir: string): Promise<{ seconds: number; peakRssMb: number; data: any }> {
  const eventFile = join(dir, 'event.json');
  writeFileSync(eventFile, JSON.stringify({ action: 'exportOutreach' }));
  const t = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', 'function-host.ts'), url, 'staffFiles', STAFF, eventFile],
    {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', () => {
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const line = out.split('\n').find((l) => l.startsWith('HOST '));
      if (!line) return reject(new Error(`function host failed: ${err.slice(-500)}`));
      const host = JSON.parse(line.slice(5)) as { result: { ok: boolean; data?: any; error?: unknown }; peakRssMb: number };
      if (!host.result.ok) return reject(new Error(`exportOutreach failed: ${JSON.stringify(host.result.error)}`));
      resolve({ seconds, peakRssMb: host.peakRssMb, data: host.result.data });
    });
  });
}

async function main(): Promise<void> {
  const cloud = await startBenchCloud();
  const dir = mkdtempSync(join(tmpdir(), 'hegang-bench-outreach-'));
  try {
    const t0 = Date.now();
    const uncoded = load(cloud);
    const loadSeconds = (Date.now() - t0) / 1000;
    const first = await timedPages(cloud, { limit: 20 }, uncoded);
    const filtered = await timedPages(cloud, { limit: 20, address: '红旗街', entityType: '个体工商户' });
    const deep = await timedPages(cloud, { limit: 20, offset: Math.max(0, uncoded - 40) }, uncoded);
    const exp = await exportInOwnProcess(cloud.lc.url, dir);
    if (exp.data.rows !== uncoded) throw new Error(`export has ${exp.data.rows} rows, ${uncoded} expected`);
    emit({
      scenario: `staff.outreach, a district of ${ROWS.toLocaleString('en')} register entities (${uncoded.toLocaleString('en')} uncoded)`,
      figures: [
        { name: 'first page p95', value: first.p95, unit: 'ms', max: 1000 },
        { name: 'first page median', value: first.median, unit: 'ms' },
        { name: 'database calls per page', value: first.calls },
        { name: 'filtered page p95 (address + type)', value: filtered.p95, unit: 'ms' },
        { name: 'last page p95', value: deep.p95, unit: 'ms' },
        { name: 'full export time', value: Math.round(exp.seconds * 10) / 10, unit: 's', max: 60 },
        { name: 'full export peak resident memory of the function', value: exp.peakRssMb, unit: 'MB', max: 1024 },
        {
          name: 'export file size',
          value: Math.round((Buffer.from(exp.data.fileBase64, 'base64').length / 1024 / 1024) * 10) / 10,
          unit: 'MB',
        },
      ],
      notes: [
        `every page's total matched the ${uncoded.toLocaleString('en')} uncoded entities loaded; the export held ${exp.data.rows.toLocaleString('en')} rows`,
        `filtered list: ${filtered.total.toLocaleString('en')} entities; ${RUNS} runs per page; data loaded in ${loadSeconds.toFixed(1)} s`,
        'export time includes starting the function process (a cold start)',
      ],
    });
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
