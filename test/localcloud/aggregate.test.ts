/** Contract tests: aggregateDocuments through the real wx-server-sdk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startHarness, type Harness } from './helpers';

let h: Harness;
let db: any;
let $: any;

beforeAll(async () => {
  h = await startHarness();
  db = h.db;
  $ = db.command.aggregate;
  // entities.uscc and commitments.uscc are declared indexes (localcloud/indexes.json): the $lookup
  // below takes the indexed path, and must answer exactly as the scanning path would.
  await db.collection('entities').add({
    data: [
      {
        _id: 'e1',
        uscc: 'U1',
        name: '甲超市',
        districtCode: '230402',
        staffCount: 3,
      },
      {
        _id: 'e2',
        uscc: 'U2',
        name: '乙合作社',
        districtCode: '230402',
        staffCount: 10,
      },
      {
        _id: 'e3',
        uscc: 'U3',
        name: '丙饭店',
        districtCode: '230421',
        staffCount: 7,
      },
      {
        _id: 'e4',
        uscc: 'U4',
        name: '丁药店',
        districtCode: '230404',
        staffCount: 1,
      },
    ],
  });
  await db.collection('commitments').add({
    data: [
      { _id: 'c1', uscc: 'U1', text: '守法经营' },
      { _id: 'c2', uscc: 'U1', text: '明码标价' },
      { _id: 'c3', uscc: 'U3', text: '食品安全' },
    ],
  });
  await db.createCollection('plain');
  await db.collection('plain').add({
    data: [
      { _id: 'p1', ref: 'U1', tags: ['a', 'b'] },
      { _id: 'p2', ref: 'U9', tags: [] },
    ],
  });
});
afterAll(() => h.stop());

const entities = () => db.collection('entities');

describe('aggregateDocuments', () => {
  it('match + group + sort', async () => {
    const res = await entities()
      .aggregate()
      .match({ staffCount: db.command.gte(2) })
      .group({ _id: '$districtCode', n: $.sum(1), staff: $.sum('$staffCount') })
      .sort({ n: -1, _id: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: '230402', n: 2, staff: 13 },
      { _id: '230421', n: 1, staff: 7 },
    ]);
  });

  it('indexed equality $match, then project, skip and limit', async () => {
    const res = await entities()
      .aggregate()
      .match({ districtCode: '230402' })
      .project({ _id: 0, uscc: 1, big: $.gt(['$staffCount', 5]) })
      .sort({ uscc: 1 })
      .skip(1)
      .limit(5)
      .end();
    expect(res.list).toEqual([{ uscc: 'U2', big: true }]);
  });

  it('count', async () => {
    const res = await entities().aggregate().match({ districtCode: '230402' }).count('total').end();
    expect(res.list).toEqual([{ total: 2 }]);
    const none = await entities().aggregate().match({ districtCode: 'none' }).count('total').end();
    expect(none.list).toEqual([]);
  });

  it('lookup by localField/foreignField on an indexed field keeps natural order and empty arrays', async () => {
    const res = await entities()
      .aggregate()
      .lookup({
        from: 'commitments',
        localField: 'uscc',
        foreignField: 'uscc',
        as: 'commitments',
      })
      .project({ _id: 0, uscc: 1, texts: '$commitments.text' })
      .end();
    expect(res.list).toEqual([
      { uscc: 'U1', texts: ['守法经营', '明码标价'] },
      { uscc: 'U2', texts: [] },
      { uscc: 'U3', texts: ['食品安全'] },
      { uscc: 'U4', texts: [] },
    ]);
  });

  it('lookup from an unindexed field, and into a collection that does not exist', async () => {
    const res = await db
      .collection('plain')
      .aggregate()
      .lookup({
        from: 'entities',
        localField: 'ref',
        foreignField: 'uscc',
        as: 'e',
      })
      .lookup({
        from: 'nowhere',
        localField: 'ref',
        foreignField: 'x',
        as: 'none',
      })
      .project({ ref: 1, names: '$e.name', none: 1 })
      .end();
    expect(res.list).toEqual([
      { _id: 'p1', ref: 'U1', names: ['甲超市'], none: [] },
      { _id: 'p2', ref: 'U9', names: [], none: [] },
    ]);
  });

  it('lookup with let/pipeline', async () => {
    const _ = db.command;
    const res = await entities()
      .aggregate()
      .match({ uscc: 'U1' })
      .lookup({
        from: 'commitments',
        let: { u: '$uscc' },
        pipeline: $.pipeline()
          .match(_.expr($.eq(['$uscc', '$$u'])))
          .project({ _id: 0, text: 1 })
          .done(),
        as: 'c',
      })
      .project({ _id: 0, c: 1 })
      .end();
    expect(res.list).toEqual([{ c: [{ text: '守法经营' }, { text: '明码标价' }] }]);
  });

  it('unwind', async () => {
    const res = await db.collection('plain').aggregate().unwind('$tags').project({ _id: 1, tags: 1 }).end();
    expect(res.list).toEqual([
      { _id: 'p1', tags: 'a' },
      { _id: 'p1', tags: 'b' },
    ]);
    const keep = await db.collection('plain').aggregate().unwind({ path: '$tags', preserveNullAndEmptyArrays: true }).count('n').end();
    expect(keep.list).toEqual([{ n: 3 }]);
  });

  it('returns 20 results without $limit (CloudBase default) and up to the $limit with it', async () => {
    await db.createCollection('many');
    await db.collection('many').add({ data: Array.from({ length: 50 }, (_v, i) => ({ i })) });
    expect((await db.collection('many').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db.collection('many').aggregate().limit(45).end()).list).toHaveLength(45);
  });

  it('an unknown stage operator fails as a database error', async () => {
    const e = await rejection(
      entities()
        .aggregate()
        .group({ _id: null, x: { $noSuchOp: 1 } })
        .end(),
    );
    expect(e.errCode).toBeLessThan(0);
    expect(e.errMsg).toMatch(/noSuchOp|BadValue|unknown|not/i);
  });

  it('never changes the stored documents, whatever the stages do', async () => {
    const before = (await entities().orderBy('_id', 'asc').get()).data;
    await entities().aggregate().addFields({ extra: 1, name: 'changed' }).project({ uscc: 0 }).sort({ staffCount: -1 }).end();
    await entities()
      .aggregate()
      .match({ districtCode: '230402' })
      .lookup({ from: 'commitments', localField: 'uscc', foreignField: 'uscc', as: 'c' })
      .unwind('$c')
      .replaceRoot({ newRoot: '$c' })
      .addFields({ text: 'changed' })
      .end();
    await db
      .collection('plain')
      .aggregate()
      .lookup({ from: 'entities', localField: 'ref', foreignField: 'uscc', as: 'e' })
      .unwind('$e')
      .replaceRoot({ newRoot: '$e' })
      .addFields({ staffCount: 0 })
      .end();
    expect((await entities().orderBy('_id', 'asc').get()).data).toEqual(before);
    expect((await db.collection('commitments').doc('c1').get()).data.text).toBe('守法经营');
  });
});
