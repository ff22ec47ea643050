/**
 * staff.importRecords of a 60,000-row 主动承诺信息表: wall time, and the peak resident memory of
 * the local cloud process that ran it (emulator + function worker, so an upper bound for the
 * function alone). The file carries some bad rows so the row-level report is exercised too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnHeader, DISTRICTS, FORMS } from '../../core';
import { connectSdk } from '../../localcloud/sdk';
import { scaled } from '../cloud';
import { BENCH_CITY_ADMIN, benchUscc } from '../fixtures';
import { emit } from '../report';

const ROWS = scaled(60_000);
/** Every 100th row is broken in a different column, as real department files are. */
const BAD_EVERY = 100;
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
      '法人及非法人组织',
      bad ? `${benchUscc(d.code, i).slice(0, 17)}#` : benchUscc(d.code, i),
      '主动型',
      '市场监管',
      '市场主体承诺书',
      '我企业依法诚信经营，自愿接受社会监督。',
      '违反承诺自愿接受相关部门依法处理，并记入信用记录。',
      '2026-05-01',
      '社会公开',
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
    const baseline = peakRssMbOf(child.pid!);
    const call = async () => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}/functions/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: BENCH_CITY_ADMIN, data: { action: 'importRecords', kind: 'commitment', fileBase64: file.toString('base64') } }),
      });
      const body = (await res.json()) as { result?: { ok: boolean; data?: any; error?: unknown } };
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      if (!body.result?.ok) throw new Error(`importRecords failed: ${JSON.stringify(body).slice(0, 500)}`);
      return { seconds, data: body.result.data };
    };
    const first = await call();
    const peak = peakRssMbOf(child.pid!);
    const again = await call();
    const expectedBad = Math.floor(ROWS / BAD_EVERY);
    emit({
      scenario: `staff.importRecords, ${ROWS.toLocaleString('en')}-row 主动承诺信息表 (${(file.length / 1024 / 1024).toFixed(1)} MB xlsx)`,
      figures: [
        { name: 'import time', value: Math.round(first.seconds * 10) / 10, unit: 's', max: 60 },
        { name: 'peak resident memory of the local cloud process', value: peak, unit: 'MB', max: 500 },
        { name: 're-import of the same file (all duplicates)', value: Math.round(again.seconds * 10) / 10, unit: 's' },
      ],
      notes: [
        `memory before the import: ${baseline} MB`,
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

/** The counts of an import report, without the per-row list. */
function summary(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data ?? {}).filter(([, v]) => typeof v === 'number'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
