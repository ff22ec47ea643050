/**
 * `npx tsx scripts/backfill-name-keys.ts`: gives every entity stored before the indexed name search
 * its `nameKeys` (server/migrations/name-keys.ts), a batch at a time, on the running local cloud
 * (LOCAL_CLOUD_URL, else http://127.0.0.1:$LOCAL_CLOUD_PORT). Safe to run again: it only touches
 * entities without keys. See docs/scale.md for production.
 */
import { connectSdk } from '../localcloud/sdk';
import { backfillNameKeys } from '../server/migrations/name-keys';
import { isMain } from './is-main';
import { localCloudUrl } from './staff';

export async function runBackfill(url = localCloudUrl(), log: (line: string) => void = () => {}): Promise<number> {
  const { db } = connectSdk(url);
  let total = 0;
  for (;;) {
    const { updated, more } = await backfillNameKeys(db, 100);
    total += updated;
    log(`已补充搜索索引：${total} 个市场主体`);
    // Done, or only entities left whose name is not text (nothing to index): stop either way.
    if (!more || updated === 0) return total;
  }
}

if (isMain(__filename)) {
  runBackfill(undefined, (l) => process.stdout.write(`${l}\n`)).catch((e: unknown) => {
    process.stderr.write(`${String(e instanceof Error ? e.stack : e)}\n`);
    process.exitCode = 1;
  });
}
