/** Contract tests: the real wx-server-sdk against the local cloud, one database action at a time. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeDoc } from '../../localcloud/index';
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
  await db.createCollection('items');
});

const items = () => db.collection('items');

async function seed(n: number): Promise<void> {
  const data = Array.from({ length: n }, (_v, i) => ({
    _id: `i${String(i).padStart(3, '0')}`,
    n: i,
    group: i % 3,
    tag: `t${i % 5}`,
  }));
  await items().add({ data });
}

describe('insertDocument', () => {
  it('adds one document with a generated _id and returns it', async () => {
    const res = await items().add({ data: { name: '向阳区商户', n: 1 } });
    expect(res._id).toMatch(/^[0-9a-f]{32}$/);
    const got = await items().doc(res._id).get();
    expect(got.data).toEqual({ _id: res._id, name: '向阳区商户', n: 1 });
  });

  it('adds several documents at once, keeping given ids', async () => {
    const res = await items().add({ data: [{ _id: 'given', a: 1 }, { a: 2 }] });
    expect(res._ids).toHaveLength(2);
    expect(res._ids[0]).toBe('given');
    expect((await items().count()).total).toBe(2);
  });

  it('round-trips dates, nested objects, arrays, booleans, null and doubles', async () => {
    const when = new Date('2024-05-06T07:08:09.010Z');
    const doc = {
      _id: 'types',
      when,
      nested: { deep: { x: 2.5 } },
      arr: [1, 'two', { three: 3 }],
      yes: true,
      none: null,
    };
    await items().add({ data: doc });
    const got = (await items().doc('types').get()).data;
    expect(got.when).toBeInstanceOf(Date);
    expect(got.when.getTime()).toBe(when.getTime());
    expect(got).toEqual(doc);
  });

  it('sends dates as EJSON relaxed ISO text where it can, and every date still comes back exact', async () => {
    const dates = {
      _id: 'dates',
      epoch: new Date(0),
      now: new Date('2026-12-01T04:30:00.123Z'),
      last: new Date('9999-12-31T23:59:59.999Z'),
      before1970: new Date('1969-12-31T23:59:59.999Z'),
      year10000: new Date('+010000-01-01T00:00:00.000Z'),
      list: [new Date('2026-01-01T00:00:00.000Z')],
    };
    await items().add({ data: dates });
    const got = (await items().doc('dates').get()).data;
    expect(got).toEqual(dates);
    // The wire text the SDK parses: ISO for 1970-9999, canonical milliseconds outside.
    const text = encodeDoc(dates);
    expect(text).toContain('"now":{"$date":"2026-12-01T04:30:00.123Z"}');
    expect(text).toContain('"epoch":{"$date":"1970-01-01T00:00:00.000Z"}');
    expect(text).toContain('"before1970":{"$date":{"$numberLong":"-1"}}');
    expect(text).toContain('"year10000":{"$date":{"$numberLong":"253402300800000"}}');
  });

  it('rejects a duplicate _id', async () => {
    await items().add({ data: { _id: 'x', v: 1 } });
    const e = await rejection(items().add({ data: { _id: 'x', v: 2 } }));
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toMatch(/E11000 duplicate key/);
    expect((await items().doc('x').get()).data.v).toBe(1);
  });

  it('stores db.serverDate() as the server time', async () => {
    const before = Date.now();
    const { _id } = await items().add({
      data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) },
    });
    const got = (await items().doc(_id).get()).data;
    expect(got.at).toBeInstanceOf(Date);
    expect(got.at.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(got.at.getTime()).toBeLessThanOrEqual(Date.now() + 5);
    expect(got.later.getTime() - got.at.getTime()).toBe(60_000);
  });
});

describe('getDocument', () => {
  beforeEach(() => seed(30));

  it('doc(id).get() returns the document, and fails for a missing id as the SDK does', async () => {
    expect((await items().doc('i007').get()).data).toEqual({
      _id: 'i007',
      n: 7,
      group: 1,
      tag: 't2',
    });
    const e = await rejection(items().doc('nope').get());
    expect(e.message).toMatch(/does not exist/);
  });

  it('where() with equality and command operators', async () => {
    const eq = await items().where({ group: 2 }).get();
    expect(eq.data.map((d: any) => d.n)).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
    const range = await items()
      .where({ n: _.gte(10).and(_.lt(13)) })
      .get();
    expect(range.data.map((d: any) => d.n)).toEqual([10, 11, 12]);
    const inList = await items()
      .where({ tag: _.in(['t1', 't3']), n: _.lt(10) })
      .get();
    expect(inList.data.map((d: any) => d.n)).toEqual([1, 3, 6, 8]);
    const or = await items()
      .where(_.or([{ n: 0 }, { n: 29 }]))
      .get();
    expect(or.data.map((d: any) => d.n)).toEqual([0, 29]);
    const re = await items()
      .where({ tag: db.RegExp({ regexp: '^T4$', options: 'i' }) })
      .get();
    expect(re.data.map((d: any) => d.n)).toEqual([4, 9, 14, 19, 24, 29]);
    const neq = await items()
      .where({ group: _.neq(0), n: _.lt(5) })
      .get();
    expect(neq.data.map((d: any) => d.n)).toEqual([1, 2, 4]);
  });

  it('where() on a date compares as dates', async () => {
    await items().add({
      data: [
        { _id: 'd1', at: new Date('2024-01-01') },
        { _id: 'd2', at: new Date('2024-06-01') },
      ],
    });
    const res = await items()
      .where({ at: _.gt(new Date('2024-03-01')) })
      .get();
    expect(res.data.map((d: any) => d._id)).toEqual(['d2']);
  });

  it('orderBy, skip, limit and field', async () => {
    const res = await items()
      .where({ n: _.gte(0) })
      .orderBy('group', 'desc')
      .orderBy('n', 'asc')
      .skip(2)
      .limit(3)
      .field({ n: true, group: true })
      .get();
    expect(res.data).toEqual([
      { _id: 'i008', n: 8, group: 2 },
      { _id: 'i011', n: 11, group: 2 },
      { _id: 'i014', n: 14, group: 2 },
    ]);
    const noId = await items().orderBy('n', 'desc').limit(1).field({ _id: false, tag: false }).get();
    expect(noId.data).toEqual([{ n: 29, group: 2 }]);
  });

  it('count() counts matches, not pages', async () => {
    expect((await items().count()).total).toBe(30);
    expect((await items().where({ group: 0 }).count()).total).toBe(10);
    expect(
      (
        await items()
          .where({ missing: _.exists(true) })
          .count()
      ).total,
    ).toBe(0);
  });
});

describe('modifyDocument', () => {
  beforeEach(async () => {
    await items().add({
      data: {
        _id: 'm',
        n: 5,
        arr: [1, 2, 3],
        tags: ['a'],
        nested: { x: 1, y: 2 },
        gone: 1,
        lo: 5,
        hi: 5,
      },
    });
  });

  it('update() applies the update commands', async () => {
    const res = await items()
      .doc('m')
      .update({
        data: {
          n: _.inc(2),
          arr: _.push([4]),
          tags: _.addToSet('a'),
          gone: _.remove(),
          'nested.x': 10,
          lo: _.min(1),
          hi: _.max(9),
          mul: 3,
        },
      });
    expect(res.stats.updated).toBe(1);
    const more = await items()
      .doc('m')
      .update({
        data: { mul: _.mul(2), arr: _.pull(2), tags: _.addToSet('b') },
      });
    expect(more.stats.updated).toBe(1);
    expect((await items().doc('m').get()).data).toEqual({
      _id: 'm',
      n: 7,
      arr: [1, 3, 4],
      tags: ['a', 'b'],
      nested: { x: 10, y: 2 },
      lo: 1,
      hi: 9,
      mul: 6,
    });
  });

  it('update() merges plain objects field by field, _.set() replaces them', async () => {
    await items()
      .doc('m')
      .update({ data: { nested: { z: 3 } } });
    expect((await items().doc('m').get()).data.nested).toEqual({
      x: 1,
      y: 2,
      z: 3,
    });
    await items()
      .doc('m')
      .update({ data: { nested: _.set({ only: true }) } });
    expect((await items().doc('m').get()).data.nested).toEqual({ only: true });
  });

  it('update() of a missing document updates nothing', async () => {
    const res = await items()
      .doc('absent')
      .update({ data: { n: 1 } });
    expect(res.stats.updated).toBe(0);
    expect((await items().count()).total).toBe(1);
  });

  it('set() replaces the whole document, or creates it', async () => {
    const replaced = await items()
      .doc('m')
      .set({ data: { only: 'this' } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await items().doc('m').get()).data).toEqual({
      _id: 'm',
      only: 'this',
    });
    const created = await items()
      .doc('fresh')
      .set({ data: { v: 1, at: db.serverDate() } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    const fresh = (await items().doc('fresh').get()).data;
    expect(fresh.v).toBe(1);
    expect(fresh.at).toBeInstanceOf(Date);
  });

  it('where().update() updates every match', async () => {
    await items().add({
      data: [
        { k: 1, s: 'x' },
        { k: 1, s: 'x' },
        { k: 2, s: 'x' },
      ],
    });
    const res = await items()
      .where({ k: 1 })
      .update({ data: { s: 'y', t: db.serverDate() } });
    expect(res.stats.updated).toBe(2);
    expect((await items().where({ s: 'y' }).count()).total).toBe(2);
    expect((await items().where({ k: 2, s: 'x' }).count()).total).toBe(1);
  });

  it('an update that changes nothing reports updated 0', async () => {
    const res = await items()
      .doc('m')
      .update({ data: { n: 5 } });
    expect(res.stats.updated).toBe(0);
  });
});

describe('removeDocument', () => {
  beforeEach(() => seed(10));

  it('doc(id).remove() removes one document', async () => {
    const res = await items().doc('i003').remove();
    expect(res.stats.removed).toBe(1);
    expect((await items().count()).total).toBe(9);
    expect((await items().doc('i003').remove()).stats.removed).toBe(0);
  });

  it('where().remove() removes every match', async () => {
    const res = await items().where({ group: 0 }).remove();
    expect(res.stats.removed).toBe(4);
    expect((await items().count()).total).toBe(6);
  });
});

describe('collections', () => {
  it('a collection that was never created is an error for reads and writes', async () => {
    const read = await rejection(db.collection('never').get());
    expect(read.errCode).toBe(-502005);
    expect(read.errMsg).toMatch(/DATABASE_COLLECTION_NOT_EXIST|not exist/);
    const write = await rejection(db.collection('never').add({ data: { a: 1 } }));
    expect(write.errCode).toBe(-502005);
  });

  it('db.createCollection() creates it; creating it again fails', async () => {
    await db.createCollection('brandnew');
    await db.collection('brandnew').add({ data: { a: 1 } });
    expect((await db.collection('brandnew').count()).total).toBe(1);
    await rejection(db.createCollection('brandnew'));
  });

  it('the collections declared in indexes.json exist from the start', async () => {
    for (const name of ['entities', 'codes', 'commitments', 'districtTotals', 'staff', 'auditLog']) {
      expect((await db.collection(name).count()).total).toBe(0);
    }
  });
});

describe('$in with a value named twice', () => {
  // Twenty documents, so the emulator answers through its index rather than a scan.
  it('reads, counts, updates and removes each document once', async () => {
    await seed(20);
    const twice = { _id: _.in(['i001', 'i001']) };
    expect((await items().where(twice).get()).data).toEqual([{ _id: 'i001', n: 1, group: 1, tag: 't1' }]);
    expect((await items().where(twice).count()).total).toBe(1);
    expect(
      (
        await items()
          .where(twice)
          .update({ data: { n: _.inc(10) } })
      ).stats.updated,
    ).toBe(1);
    expect((await items().doc('i001').get()).data.n).toBe(11);
    expect((await items().where(twice).remove()).stats.removed).toBe(1);
    expect((await items().count()).total).toBe(19);
  });

  it('through a unique index names each document once too', async () => {
    const uscc = (i: number) => `U${String(i).padStart(17, '0')}`;
    await db.collection('entities').add({ data: Array.from({ length: 20 }, (_v, i) => ({ _id: `e${i}`, uscc: uscc(i) })) });
    const res = await db
      .collection('entities')
      .where({ uscc: _.in([uscc(3), uscc(3)]) })
      .get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['e3']);
  });
});

describe('reads never change what is stored', () => {
  it('an exclusion projection on a nested field leaves the stored document whole', async () => {
    await items().add({ data: { _id: 'x', n: { secret: 1, shown: 2 } } });
    const projected = await items().where({ _id: 'x' }).field({ 'n.secret': false }).get();
    expect(projected.data).toEqual([{ _id: 'x', n: { shown: 2 } }]);
    expect((await items().doc('x').get()).data).toEqual({ _id: 'x', n: { secret: 1, shown: 2 } });
  });

  it('an aggregation that sets and unsets nested fields leaves the stored documents whole', async () => {
    await items().add({ data: { _id: 'y', n: { secret: 1, shown: 2 } } });
    const res = await items().aggregate().addFields({ 'n.extra': 7 }).project({ 'n.secret': 0 }).end();
    expect(res.list).toEqual([{ _id: 'y', n: { shown: 2, extra: 7 } }]);
    expect((await items().doc('y').get()).data).toEqual({ _id: 'y', n: { secret: 1, shown: 2 } });
  });
});
