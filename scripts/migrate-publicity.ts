/**
 * `npx tsx scripts/migrate-publicity.ts`: renames the 公开类型 of commitments stored as 社会公开 to the
 * official form's 可向社会公开 (server/migrations/publicity.ts), a batch at a time, on the running local
 * cloud (LOCAL_CLOUD_URL, else http://127.0.0.1:$LOCAL_CLOUD_PORT), so public pages show them again.
 * Safe to run again: it only touches commitments that still say 社会公开.
 */
import { connectSdk } from '../localcloud/sdk';
import { renameOldPublicity } from '../server/migrations/publicity';
import { isMain } from './is-main';
import { localCloudUrl } from './staff';

export async function runPublicityMigration(url = localCloudUrl(), log: (line: string) => void = () => {}): Promise<number> {
  const { db } = connectSdk(url);
  let total = 0;
  for (;;) {
    const { updated, more } = await renameOldPublicity(db, new Date(), 100);
    total += updated;
    log(`已将公开类型“社会公开”更正为“可向社会公开”：${total} 条主动承诺`);
    if (!more || updated === 0) return total;
  }
}

if (isMain(__filename)) {
  runPublicityMigration(undefined, (l) => process.stdout.write(`${l}\n`)).catch((e: unknown) => {
    process.stderr.write(`${String(e instanceof Error ? e.stack : e)}\n`);
    process.exitCode = 1;
  });
}
