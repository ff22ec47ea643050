/** Contract tests: CloudBase limits and unique indexes, through the real wx-server-sdk. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../../server/db-errors';
import { rejection, startHarness, type Harness } from './helpers';

let h: Harness;
let db: any;
let _: any;

beforeAll(async () => {
  h = await startHarness();
  db = h.db;
  _ = db.command;
});
afterAll(() => h.stop());
beforeEach(async () => {
  await fetch(`${h.lc.url}/_admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
});

/** One raw API request, as the SDK would send it. */
async function api(body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${h.lc.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe('get() limits', () => {
  beforeEach(async () => {
    await db.createCollection('big');
    await db.collection('big').add({ data: Array.from({ length: 1500 }, (_v, i) => ({ i })) });
  });

  it('returns 100 documents by default and at most 1000', async () => {
    expect((await db.collection('big').get()).data).toHaveLength(100);
    expect((await db.collection('big').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('big').limit(5000).get()).data).toHaveLength(1000);
    const page = await db.collection('big').orderBy('i', 'desc').skip(1000).limit(1000).get();
    expect(page.data).toHaveLength(500);
    expect(page.data[0].i).toBe(499);
    expect((await db.collection('big').count()).total).toBe(1500);
  });

  it('the server enforces the cap even when a client asks for more', async () => {
    const res = await api({
      action: 'database.getDocument',
      collectionName: 'big',
      query: '{}',
      limit: 5000,
    });
    expect(res.data.list).toHaveLength(1000);
    const def = await api({
      action: 'database.getDocument',
      collectionName: 'big',
      query: '{}',
    });
    expect(def.data.list).toHaveLength(100);
  });

  it('an unsorted skip pages in insertion order', async () => {
    const res = await db.collection('big').skip(1495).get();
    expect(res.data.map((d: any) => d.i)).toEqual([1495, 1496, 1497, 1498, 1499]);
  });
});

describe('unique indexes (localcloud/indexes.json)', () => {
  const entities = () => db.collection('entities');

  it('add() of a duplicate key fails like CloudBase (E11000 in DATABASE_REQUEST_FAILED)', async () => {
    await entities().add({ data: { uscc: '91230402MA1AAAAA0X', name: '甲' } });
    const e = await rejection(entities().add({ data: { uscc: '91230402MA1AAAAA0X', name: '乙' } }));
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toMatch(/E11000 duplicate key error collection: localcloud\.entities index: uscc_unique/);
    expect(isDuplicateKeyError(e)).toBe(true);
    expect((await entities().count()).total).toBe(1);
  });

  it('a batch add() with one duplicate stores none of the batch', async () => {
    await entities().add({ data: { uscc: 'X1' } });
    const e = await rejection(
      entities().add({
        data: [{ uscc: 'X2' }, { uscc: 'X3' }, { uscc: 'X1' }],
      }),
    );
    expect(isDuplicateKeyError(e)).toBe(true);
    const e2 = await rejection(entities().add({ data: [{ uscc: 'X4' }, { uscc: 'X4' }] }));
    expect(isDuplicateKeyError(e2)).toBe(true);
    expect((await entities().count()).total).toBe(1);
  });

  it('update() and set() that would duplicate a key change nothing', async () => {
    await entities().add({
      data: [
        { _id: 'a', uscc: 'A', n: 1 },
        { _id: 'b', uscc: 'B', n: 1 },
      ],
    });
    expect(
      isDuplicateKeyError(
        await rejection(
          entities()
            .doc('b')
            .update({ data: { uscc: 'A' } }),
        ),
      ),
    ).toBe(true);
    expect(
      isDuplicateKeyError(
        await rejection(
          entities()
            .doc('c')
            .set({ data: { uscc: 'B' } }),
        ),
      ),
    ).toBe(true);
    // A multi-document update is all or nothing too.
    expect(
      isDuplicateKeyError(
        await rejection(
          entities()
            .where({ n: 1 })
            .update({ data: { uscc: 'Z' } }),
        ),
      ),
    ).toBe(true);
    const { data } = await entities().orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'a', uscc: 'A', n: 1 },
      { _id: 'b', uscc: 'B', n: 1 },
    ]);
  });

  it('is sparse, and a freed key can be claimed again', async () => {
    await db.collection('codes').add({
      data: [{ _id: 'c1', liveKey: 'E1' }, { _id: 'c2' }, { _id: 'c3' }],
    });
    await rejection(db.collection('codes').add({ data: { liveKey: 'E1' } }));
    await db
      .collection('codes')
      .doc('c1')
      .update({ data: { liveKey: _.remove(), status: 'revoked' } });
    await db.collection('codes').add({ data: { _id: 'c4', liveKey: 'E1' } });
    expect((await db.collection('codes').where({ liveKey: 'E1' }).get()).data.map((d: any) => d._id)).toEqual(['c4']);
  });

  it('two concurrent adds of one key: exactly one wins', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_v, i) => db.collection('applications').add({ data: { pendingKey: 'P', i } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isDuplicateKeyError(r.reason)).toBe(true);
  });
});
