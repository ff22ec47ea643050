/**
 * CLI: `tsx localcloud/main.ts --port 3900 --data .localcloud/data --functions cloudfunctions
 *       [--indexes localcloud/indexes.json] [--env localcloud] [--allow-reset] [--instances 16] [--sync FULL|NORMAL]`
 * Prints one line `localcloud listening on <url>` once ready; SIGINT/SIGTERM close cleanly.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.LOCAL_CLOUD_PORT ?? '3900' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.localcloud/data' },
    functions: { type: 'string' },
    indexes: { type: 'string' },
    env: { type: 'string', default: 'localcloud' },
    'allow-reset': { type: 'boolean', default: false },
    instances: { type: 'string' },
    sync: { type: 'string', default: 'FULL' },
  },
});

async function main(): Promise<void> {
  if (values.sync !== 'FULL' && values.sync !== 'NORMAL') throw new Error('--sync must be FULL or NORMAL');
  const started = Date.now();
  const lc = await startLocalCloud({
    port: Number(values.port),
    host: values.host,
    dataDir: resolve(values.data!),
    functionsDir: values.functions ? resolve(values.functions) : undefined,
    indexesFile: values.indexes ? resolve(values.indexes) : undefined,
    env: values.env,
    allowReset: values['allow-reset'],
    functionInstances: values.instances ? Number(values.instances) : undefined,
    synchronous: values.sync === 'NORMAL' ? 'NORMAL' : 'FULL',
  });
  const docs = lc.db.collectionNames().reduce((n, c) => n + lc.db.collection(c).size, 0);
  console.log(`localcloud listening on ${lc.url} (env ${lc.env}, ${docs} documents loaded in ${Date.now() - started} ms)`);

  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (closing) return;
      closing = true;
      void lc.close().then(() => process.exit(0));
    });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
