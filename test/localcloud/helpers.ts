import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSdk, startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../localcloud/index';

export interface Harness {
  lc: LocalCloud;
  /** Real wx-server-sdk `cloud` and `db` pointed at the emulator. */
  cloud: any;
  db: any;
  dataDir: string;
  stop(): Promise<void>;
}

/** Start an emulator on a random port with a fresh temp data dir, plus a real SDK connection. */
export async function startHarness(options: Partial<LocalCloudOptions> = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'localcloud-test-'));
  const lc = await startLocalCloud({
    port: 0,
    allowReset: true,
    synchronous: 'NORMAL',
    ...options,
    dataDir,
  });
  const { cloud, db } = connectSdk(lc.url);
  return {
    lc,
    cloud,
    db,
    dataDir,
    async stop() {
      await lc.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string; code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { errCode?: number; errMsg?: string; code?: string; message: string };
  }
  throw new Error('expected the SDK call to fail, but it succeeded');
}
