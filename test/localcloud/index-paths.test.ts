/**
 * The index shortcuts ($match through equality indexes, $lookup through an index on foreignField)
 * must answer exactly what mingo answers by scanning. Random documents with awkward values
 * (missing, null, numbers vs numeric strings, arrays, dates) are queried both ways.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregate, find } from 'mingo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Doc, type DocumentDb } from '../../localcloud';
import { runPipeline } from '../../localcloud/aggregate';

let dir: string;
let db: DocumentDb;
let close: () => void;

const VALUES: unknown[] = ['a', 'b', 'c', '1', 1, 2, 2.5, true, null, new Date(0), new Date(1000), ['a', 'b'], [1, 'c'], []];

function rnd(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'index-paths-'));
  const indexes = join(dir, 'indexes.json');
  writeFileSync(
    indexes,
    JSON.stringify({
      left: [{ name: 'k', keys: { k: 1 } }],
      right: [{ name: 'k', keys: { k: 1 } }],
      uniq: [{ name: 'u', keys: { u: 1 }, unique: true }],
    }),
  );
  ({ db, close } = openDatabase(join(dir, 'data'), { indexesFile: indexes }));
  const r = rnd(42);
  const pick = () => VALUES[Math.floor(r() * VALUES.length)];
  const docs = (prefix: string, n: number): Doc[] =>
    Array.from({ length: n }, (_v, i) => {
      const d: Doc = { _id: `${prefix}${i}`, n: i };
      if (r() > 0.1) d.k = pick();
      return d;
    });
  db.load('left', docs('l', 300));
  db.load('right', docs('r', 400));
  db.load(
    'uniq',
    Array.from({ length: 50 }, (_v, i) => ({ _id: `u${i}`, u: i % 7 === 0 ? `s${i}` : i })),
  );
  // Writes after the load: indexes must follow updates and deletes.
  const right = db.collection('right');
  db.commit(
    right
      .docs()
      .slice(0, 40)
      .map((d, i) => ({
        collection: 'right',
        key: String(d._id),
        before: d,
        after: i % 2 ? { ...d, k: pick() } : undefined,
      })),
  );
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

const plain = (docs: Doc[]) => JSON.parse(JSON.stringify(docs)) as unknown;
const resolver = { collectionResolver: (name: string) => db.collection(name).docs() };

describe('index paths agree with mingo', () => {
  it('$match on an indexed field: equality, $eq, $in, $and, mixed with other conditions', () => {
    const queries: Doc[] = [];
    for (const v of VALUES.filter((x) => !Array.isArray(x))) {
      queries.push({ k: v }, { k: { $eq: v } }, { k: v, n: { $lt: 150 } }, { $and: [{ k: v }, { n: { $gte: 10 } }] });
    }
    queries.push({ k: { $in: ['a', 1, true] } }, { k: { $in: [] } }, { k: 'a', _id: 'r77' }, { _id: { $in: ['r3', 'r50'] } });
    for (const coll of ['left', 'right']) {
      const c = db.collection(coll);
      for (const q of queries) {
        expect(plain(c.match(q)), `${coll} ${JSON.stringify(q)}`).toEqual(plain(find(c.docs(), q).all() as Doc[]));
      }
    }
  });

  it('$lookup by localField/foreignField through an index', () => {
    const left = db.collection('left');
    for (const [from, foreignField] of [
      ['right', 'k'],
      ['uniq', 'u'],
      ['right', '_id'],
    ] as const) {
      const stages: Doc[] = [{ $lookup: { from, localField: 'k', foreignField, as: 'j' } }, { $project: { n: 1, ids: '$j._id' } }];
      const ours = runPipeline(db, left, stages);
      const theirs = aggregate(left.docs().slice(), stages, resolver) as Doc[];
      expect(plain(ours), `${from}.${foreignField}`).toEqual(plain(theirs));
    }
  });

  it('a leading $match then several lookups, as the public profile query does', () => {
    const left = db.collection('left');
    for (const v of ['a', 1, null]) {
      const stages: Doc[] = [
        { $match: { k: v } },
        { $lookup: { from: 'right', localField: 'k', foreignField: 'k', as: 'r' } },
        { $lookup: { from: 'uniq', localField: 'n', foreignField: 'u', as: 'u' } },
        { $project: { r: '$r._id', u: '$u._id' } },
      ];
      const ours = runPipeline(db, left, stages);
      const theirs = aggregate(left.docs().slice(), stages, resolver) as Doc[];
      expect(plain(ours)).toEqual(plain(theirs));
    }
  });

  it('$group by a field with $sum (the district statistics shortcut)', () => {
    const left = db.collection('left');
    // Keys: strings, numbers vs numeric strings, booleans, null and missing; arrays/dates make it fall back.
    const groups: Doc[] = [
      { $group: { _id: '$k', n: { $sum: 1 }, total: { $sum: '$n' } } },
      { $group: { _id: null, n: { $sum: 1 }, half: { $sum: 0.5 } } },
      { $group: { _id: 'all', s: { $sum: '$k' } } },
      { $group: { _id: '$missing', n: { $sum: 2 } } },
    ];
    for (const g of groups) {
      for (const match of [{ k: { $in: ['a', 1, '1', true, null] } }, { n: { $lt: 100 } }, { k: 'b' }, { k: 'zzz' }]) {
        const stages: Doc[] = [{ $match: match }, g];
        const ours = runPipeline(db, left, stages);
        const theirs = aggregate(left.docs().slice(), stages, resolver) as Doc[];
        expect(plain(ours), `${JSON.stringify(stages)}`).toEqual(plain(theirs));
      }
    }
    // Natural-order grouping over everything, including array and date keys (mingo path).
    const all: Doc[] = [{ $group: { _id: '$k', n: { $sum: 1 } } }];
    expect(plain(runPipeline(db, left, all))).toEqual(plain(aggregate(left.docs().slice(), all, resolver) as Doc[]));
  });
});
