import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DocumentDb } from './collections';
import { FunctionPool } from './functions';
import { loadIndexFile, type IndexFile } from './indexes';
import { createLocalCloudServer } from './server';
import { Stats } from './stats';
import { Storage } from './storage';
import { Store } from './store';
import { TransactionManager } from './transactions';

export interface LocalCloudOptions {
  /** TCP port; 0 picks a free one (tests). Default 3900. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder of the SQLite store and of cloud storage's files (`storage/`); created if missing. */
  dataDir: string;
  /** Folder with `<name>/index.js` per cloud function; without it `/functions/*` is disabled. */
  functionsDir?: string;
  /** Index declarations; default `localcloud/indexes.json`. */
  indexesFile?: string;
  /** Enable `POST /_admin/reset` (tests only). */
  allowReset?: boolean;
  /** Environment id reported to the SDK (TCB_ENV). Default `localcloud`. */
  env?: string;
  /** Max concurrent function instances. Default 16. */
  functionInstances?: number;
  /** Per-invocation time limit in ms. Default 60 s. */
  functionTimeoutMs?: number;
  /** SQLite synchronous mode; FULL (default) also survives power loss, NORMAL survives a killed process. */
  synchronous?: 'FULL' | 'NORMAL';
}

export interface LocalCloud {
  /** Base URL, e.g. `http://127.0.0.1:3900` (the SDK's serviceUrl is `${url}/admin`). */
  url: string;
  port: number;
  env: string;
  /**
   * In-process database handle, for scripts and benchmarks that bypass HTTP:
   * `db.load(collection, docs)` inserts or replaces documents by `_id` in one atomic commit;
   * `db.commit(changes)` applies a raw change set (`{collection, key: idKey(_id), before, after}`).
   * Both enforce unique indexes, persist before returning, and are not counted in `/_stats`.
   */
  db: DocumentDb;
  stats: Stats;
  close(): Promise<void>;
}

/** Default path of the checked-in index declarations. */
export const DEFAULT_INDEXES_FILE = fileURLToPath(new URL('./indexes.json', import.meta.url));

/**
 * Start the local cloud: load the store into memory, create the declared collections, listen.
 * @example const lc = await startLocalCloud({ port: 0, dataDir: tmp }); … await lc.close();
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const env = options.env ?? 'localcloud';
  const { db, close: closeDatabase } = openDatabase(options.dataDir, options);
  const tx = new TransactionManager(db);
  const stats = new Stats(db.meter);
  const deps = {
    db,
    tx,
    stats,
    functions: undefined as FunctionPool | undefined,
    storage: new Storage(options.dataDir, env),
    allowReset: options.allowReset === true,
  };
  const server = createLocalCloudServer(deps);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3900, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  deps.storage.baseUrl = url;
  if (options.functionsDir) {
    deps.functions = new FunctionPool({
      functionsDir: options.functionsDir,
      url,
      env,
      size: options.functionInstances,
      timeoutMs: options.functionTimeoutMs,
    });
  }
  return {
    url,
    port,
    env,
    db,
    stats,
    async close() {
      await deps.functions?.close();
      tx.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      closeDatabase();
    },
  };
}

export { connectSdk } from './sdk';

/**
 * The database of a data folder without a server (seeding a stopped local cloud). Do not open a
 * folder a running emulator is using: it would not see these writes until restarted.
 */
export function openDatabase(
  dataDir: string,
  options: { indexesFile?: string; env?: string; synchronous?: 'FULL' | 'NORMAL' } = {},
): { db: DocumentDb; close(): void } {
  const indexesFile = options.indexesFile ?? DEFAULT_INDEXES_FILE;
  const indexes: IndexFile = existsSync(indexesFile) ? loadIndexFile(indexesFile) : {};
  const store = new Store(dataDir, { synchronous: options.synchronous ?? 'FULL' });
  const db = new DocumentDb(options.env ?? 'localcloud', store, indexes);
  return { db, close: () => store.close() };
}

export { DocumentDb } from './collections';
export { idKey, encodeDoc, type Doc } from './wire';
