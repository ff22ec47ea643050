/** The same emulator answers @cloudbase/node-sdk (the SDK wx-server-sdk is built on), initialised with serviceUrl. */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDuplicateKeyError } from '../../server/db-errors';
import { startHarness, type Harness } from './helpers';

let h: Harness;
let db: any;

beforeAll(async () => {
  h = await startHarness();
  const tcb = createRequire(import.meta.url)('@cloudbase/node-sdk');
  process.env.TENCENTCLOUD ??= 'true';
  const app = tcb.init({
    env: 'localcloud',
    serviceUrl: `${h.lc.url}/admin`,
    secretId: 'localcloud-secret-id',
    secretKey: 'localcloud-secret-key',
  });
  db = app.database();
});
afterAll(() => h.stop());

describe('@cloudbase/node-sdk', () => {
  it('adds, queries, updates, aggregates and counts', async () => {
    const _ = db.command;
    const added = await db.collection('entities').add([
      { _id: 'n1', uscc: 'N1', districtCode: '230402', n: 1 },
      { _id: 'n2', uscc: 'N2', districtCode: '230402', n: 2 },
      { _id: 'n3', uscc: 'N3', districtCode: '230421', n: 3 },
    ]);
    expect(added.ids).toEqual(['n1', 'n2', 'n3']);
    const got = await db.collection('entities').where({ districtCode: '230402' }).orderBy('n', 'desc').get();
    expect(got.data.map((d: any) => d._id)).toEqual(['n2', 'n1']);
    const upd = await db
      .collection('entities')
      .doc('n1')
      .update({ n: _.inc(10), at: db.serverDate() });
    expect(upd.updated).toBe(1);
    const one = await db.collection('entities').doc('n1').get();
    expect(one.data[0].n).toBe(11);
    expect(one.data[0].at).toBeInstanceOf(Date);
    const agg = await db
      .collection('entities')
      .aggregate()
      .group({ _id: '$districtCode', n: db.command.aggregate.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(agg.data).toEqual([
      { _id: '230402', n: 2 },
      { _id: '230421', n: 1 },
    ]);
    expect((await db.collection('entities').count()).total).toBe(3);
  });

  it('reports a unique-index violation as a duplicate key', async () => {
    const e = await db
      .collection('entities')
      .add({ uscc: 'N1' })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('DATABASE_REQUEST_FAILED');
    expect(isDuplicateKeyError(e)).toBe(true);
    expect((await db.collection('entities').where({ uscc: 'N1' }).count()).total).toBe(1);
  });
});
