/** The nameKeys migration: entities stored before the indexed search are found once backfilled, and only those are touched. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackfill } from '../../scripts/backfill-name-keys';
import { startTestCloud, type TestCloud } from '../support/local-cloud';
import { testUscc } from '../support/coded-entity';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  const entities = cloud.db.collection('entities');
  for (let i = 0; i < 230; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_v, k) =>
        entities.add({
          data: {
            _id: `old-${i + k}`,
            uscc: testUscc('230403', 8000 + i + k),
            name: `工农区旧商户${i + k}号百货`,
            category: 'company',
            districtCode: '230403',
            address: 'x',
            field: '商务',
            ownerOpenids: [],
            createdAt: new Date(),
            updatedAt: new Date(),
          },
        }),
      ),
    );
  }
  // Already migrated (keys of another name, to show it is left alone).
  await entities.add({
    data: {
      _id: 'new-1',
      uscc: testUscc('230403', 9999),
      name: '工农区新商户',
      nameKeys: ['x'],
      category: 'company',
      districtCode: '230403',
      address: 'x',
      field: '商务',
      ownerOpenids: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  });
});

afterAll(async () => {
  await cloud?.close();
});

describe('backfillNameKeys', () => {
  it('gives every entity without keys its keys, in batches, and leaves the others alone', async () => {
    expect((await cloud.call('public', '', { action: 'search', keyword: '旧商户17号' })).data.items).toEqual([]);
    const lines: string[] = [];
    expect(await runBackfill(cloud.url, (l) => lines.push(l))).toBe(230);
    expect(lines.length).toBe(3);
    const found = await cloud.call('public', '', { action: 'search', keyword: '旧商户17号' });
    expect(found.data.items.map((i: any) => i.name)).toEqual(['工农区旧商户17号百货']);
    const untouched = (await cloud.db.collection('entities').doc('new-1').get()).data;
    expect((Array.isArray(untouched) ? untouched[0] : untouched).nameKeys).toEqual(['x']);
    // Run again: nothing left to do.
    expect(await runBackfill(cloud.url)).toBe(0);
  }, 120_000);
});
