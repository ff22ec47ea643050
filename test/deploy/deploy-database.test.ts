import { functionNames } from '../../scripts/build';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDatabase, readIndexFile } from '../../scripts/deploy-database';
import { COLLECTIONS } from '../../server/model';

const root = join(__dirname, '../..');

describe('production database plan', () => {
  const indexes = readIndexFile();

  it('declares every collection the functions use, so production has them all', () => {
    expect(Object.keys(indexes).sort()).toEqual(expect.arrayContaining(Object.values(COLLECTIONS).sort()));
  });

  it('creates each collection before its indexes, with unique flags and directions', () => {
    const plan = planDatabase('env-x', indexes);
    const entities = plan.filter((r) => r.body.collection_name === 'entities');
    expect(entities.map((r) => r.path)).toEqual(['/tcb/databasecollectionadd', '/tcb/updateindex']);
    expect(entities[1]!.body.create_indexes).toContainEqual({
      name: 'uscc_unique',
      unique: true,
      keys: [{ name: 'uscc', direction: '1' }],
    });
  });

  it('ships a security rule that denies all direct client access, and the CLI config names every function', async () => {
    expect(JSON.parse(readFileSync(join(root, 'deploy/database-rules.json'), 'utf8'))).toEqual({ read: false, write: false });
    const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
      functions: Array<{ name: string; triggers?: unknown[] }>;
    };
    expect(rc.functions.map((f) => f.name).sort()).toEqual((await functionNames()).sort());
    expect(rc.functions.find((f) => f.name === 'staff')!.triggers).toHaveLength(1);
  });
});
