/**
 * staff.importRecords of a 60,000-row 主动承诺信息表: wall time and the function's peak resident
 * memory. The function runs in a process of its own (bench/function-host.ts), as on CloudBase,
 * against the local cloud in another process, so each one's memory is measured apart.
 * The file carries some bad rows so the row-level report is exercised too, and Chinese text of
 * varying lengths (so multi-byte characters straddle every chunk boundary of the zip stream): every
 * stored row is read back and the U+FFFD replacement characters in it counted (budget: 0).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnHeader, DISTRICTS, FORMS } from '../../core';
import { connectSdk } from '../../localcloud/sdk';
import { scaled } from '../cloud';
import { BENCH_CITY_ADMIN, benchUscc } from '../fixtures';
import { emit } from '../report';

const ROWS = scaled(60_000);
/** Every 100th row (more often in a scaled-down run) carries a broken USCC, as real department files do. */
const BAD_EVERY = Math.min(100, Math.max(2, Math.floor(ROWS / 10)));
const root = join(__dirname, '..', '..');

async function commitmentFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(FORMS.commitment.title);
  ws.addRow(FORMS.commitment.columns.map(columnHeader));
  for (let i = 0; i < ROWS; i++) {
    const d = DISTRICTS[i % DISTRICTS.length]!;
    const bad = i % BAD_EVERY === BAD_EVERY - 1;
    ws.addRow([
      `${d.name}第${i}号商户`,
      '法人',
      bad ? `${benchUscc(d.code, i).slice(0, 17)}#` : benchUscc(d.code, i),
      '主动型',
      '市场主体承诺书',
      '主动型，自愿作出承诺',
      `我企业依法诚信经营，自愿接受社会监督。${'诚实守信'.repeat(i % 23)}`,
      '违反承诺自愿接受相关部门依法处理，并记入信用记录。',
      '2026-05-01',
      '可向社会公开',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function startCloudProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'localcloud', 'main.ts'), '--port', '0', '--data', dataDir, '--functions', join(root, 'cloudfunctions')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`local cloud exited with ${code}`)));
  });
}

function peakRssMbOf(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kb / 1024);
}

async function main(): Promise<void> {
  const file = await commitmentFile();
  const dataDir = mkdtempSync(join(tmpdir(), 'hegang-bench-import-'));
  const { child, url } = await startCloudProcess(dataDir);
  try {
    const { db } = connectSdk(url);
    await db.collection('staff').add({
      data: { openid: BENCH_CITY_ADMIN, name: '基准测试管理员', role: 'city', active: true, createdAt: new Date() },
    });
    const eventFile = join(dataDir, 'event.json');
    writeFileSync(eventFile, JSON.stringify({ action: 'importRecords', kind: 'commitment', fileBase64: file.toString('base64') }));
    const call = () => {
      const t = process.hrtime.bigint();
      const res = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(__dirname, '..', 'function-host.ts'), url, 'staffFiles', BENCH_CITY_ADMIN, eventFile],
        {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const line = res.stdout.split('\n').find((l) => l.startsWith('HOST '));
      if (!line) throw new Error(`function host failed: ${res.stderr.slice(-500)}`);
      const host = JSON.parse(line.slice(5)) as { result: { ok: boolean; data?: any; error?: unknown }; peakRssMb: number };
      if (!host.result.ok) throw new Error(`importRecords failed: ${JSON.stringify(host.result.error)}`);
      return { seconds, data: host.result.data, peakRssMb: host.peakRssMb };
    };
    const first = await call();
    const replacementChars = await countReplacementChars(db);
    const again = await call();
    const expectedBad = Math.floor(ROWS / BAD_EVERY);
    emit({
      scenario: `staff.importRecords, ${ROWS.toLocaleString('en')}-row 主动承诺信息表 (${(file.length / 1024 / 1024).toFixed(1)} MB xlsx)`,
      figures: [
        { name: 'import time', value: Math.round(first.seconds * 10) / 10, unit: 's', max: 60 },
        { name: 'peak resident memory of the function', value: first.peakRssMb, unit: 'MB', max: 500 },
        { name: 'replacement characters (U+FFFD) in the stored rows', value: replacementChars, max: 0 },
        { name: 're-import of the same file (all duplicates)', value: Math.round(again.seconds * 10) / 10, unit: 's' },
      ],
      notes: [
        `the local cloud process holding the data peaked at ${peakRssMbOf(child.pid!)} MB`,
        'times include starting the function process (a cold start)',
        `first import: ${JSON.stringify(summary(first.data))}; ${expectedBad} rows were made invalid`,
        `re-import: ${JSON.stringify(summary(again.data))}`,
      ],
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** U+FFFD characters in every stored commitment (read back by _id in pages of 1,000). */
async function countReplacementChars(db: ReturnType<typeof connectSdk>['db']): Promise<number> {
  let n = 0;
  let after = '';
  for (;;) {
    const page = () =>
      db
        .collection('commitments')
        .where({ _id: db.command.gt(after) })
        .orderBy('_id', 'asc')
        .limit(1000)
        .get();
    // The import blocked this process (spawnSync) past the server's keep-alive: a pooled socket may be stale once.
    const res = (await page().catch(() => page())) as { data: Array<{ _id: string }> };
    for (const doc of res.data) n += JSON.stringify(doc).split('\uFFFD').length - 1;
    if (res.data.length < 1000) return n;
    after = res.data[res.data.length - 1]!._id;
  }
}

/** The counts of an import report, without the per-row list. */
function summary(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data ?? {}).filter(([, v]) => typeof v === 'number'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
