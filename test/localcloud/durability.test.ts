/**
 * Durability: the emulator runs as its own process (`localcloud/main.ts`), receives a burst of writes
 * through the real SDK, and is killed with SIGKILL while writes are still in flight. After a restart
 * on the same data folder every acknowledged write must be there, and no batch or transaction may be
 * half there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { connectSdk } from '../../localcloud/sdk';

const root = join(__dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-durable-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Start `tsx localcloud/main.ts` on a free port; resolves with its URL once it is listening. */
function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'localcloud/main.ts', '--port', '0', '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`localcloud exited early (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve({ child, url: m[1]! });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('durability', () => {
  it('every acknowledged write survives kill -9; nothing is half-applied', async () => {
    const first = await startProcess();
    const { db } = connectSdk(first.url);
    const _ = db.command;
    await db.createCollection('batches');
    await db.createCollection('pairs');
    await db.collection('pairs').add({
      data: [
        { _id: 'x', n: 0 },
        { _id: 'y', n: 0 },
      ],
    });

    const ackedBatches: number[] = [];
    let ackedTx = 0;
    let stop = false;
    let killed = false;
    const KILL_AFTER = 150;

    // Writer A: three-document batches (one insertDocument each). Writer B: transactions that bump
    // two documents together. Several of each run concurrently until the process dies.
    const batchWriter = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const batch = w * 1_000_000 + i;
        try {
          await db.collection('batches').add({
            data: [0, 1, 2].map((part) => ({
              _id: `${batch}-${part}`,
              batch,
              part,
              at: db.serverDate(),
            })),
          });
          ackedBatches.push(batch);
        } catch {
          return; // the process is gone
        }
        if (!killed && ackedBatches.length >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    const txWriter = async () => {
      while (!stop) {
        try {
          await db.runTransaction(async (t: any) => {
            await t
              .collection('pairs')
              .doc('x')
              .update({ data: { n: _.inc(1) } });
            await t
              .collection('pairs')
              .doc('y')
              .update({ data: { n: _.inc(1) } });
          });
          ackedTx++;
        } catch (e) {
          if (killed) return;
          // A conflict exhausted runTransaction's retries: nothing was committed; try again.
          if (!/CONFLICT/.test(JSON.stringify(e) + String((e as Error).message))) return;
        }
      }
    };
    await Promise.all([...[1, 2, 3, 4, 5, 6].map(batchWriter), txWriter(), txWriter()]);
    stop = true;
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(ackedBatches.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = await startProcess();
    try {
      const again = connectSdk(second.url).db;
      const stored = new Map<number, number[]>();
      const total = (await again.collection('batches').count()).total;
      for (let skip = 0; skip < total; skip += 1000) {
        const { data } = await again.collection('batches').skip(skip).limit(1000).get();
        for (const d of data) {
          const parts = stored.get(d.batch) ?? [];
          parts.push(d.part);
          stored.set(d.batch, parts);
          expect(d.at).toBeInstanceOf(Date);
        }
      }
      for (const b of ackedBatches) expect(stored.has(b), `acknowledged batch ${b}`).toBe(true);
      for (const [b, parts] of stored) expect(parts.sort(), `batch ${b}`).toEqual([0, 1, 2]);
      const x = (await again.collection('pairs').doc('x').get()).data.n;
      const y = (await again.collection('pairs').doc('y').get()).data.n;
      expect(x).toBe(y);
      expect(x).toBeGreaterThanOrEqual(ackedTx);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 60_000);
});
