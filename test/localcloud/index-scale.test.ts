/**
 * The index paths added for city scale answer exactly what mingo answers by scanning:
 * `$all` on an indexed array field (candidate sets intersected), and `$lookup` with
 * `let`/`pipeline` walked through an equality index or, in `$sort` order, a compound index that
 * stops after `$limit`. Also: the documents-examined meter shows the walk is bounded.
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

function rnd(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

const TAGS = ['ab', 'bc', 'cd', 'de', 'x', 1, true];
/** Sort values of awkward types: strings, numbers, null, missing, dates, booleans, and many ties. */
const DAYS: unknown[] = [
  '2026-01-01',
  '2026-02-01',
  '2026-02-01',
  '2025-12-31',
  3,
  10,
  null,
  undefined,
  new Date(5),
  new Date(0),
  false,
  '',
];
const OWNERS: unknown[] = ['u1', 'u2', 'u3', 7, ['u1', 'u2']];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'index-scale-'));
  const indexes = join(dir, 'indexes.json');
  writeFileSync(
    indexes,
    JSON.stringify({
      names: [{ name: 'keys', keys: { keys: 1 } }],
      owners: [{ name: 'o', keys: { o: 1 } }],
      records: [
        { name: 'owner_day', keys: { owner: 1, day: -1, n: -1 } },
        { name: 'owner', keys: { owner: 1 } },
      ],
    }),
  );
  ({ db, close } = openDatabase(join(dir, 'data'), { indexesFile: indexes }));
  const r = rnd(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  db.load(
    'names',
    Array.from({ length: 400 }, (_v, i) => {
      const d: Doc = { _id: `n${i}`, i };
      const k = r();
      if (k < 0.8) d.keys = [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(TAGS)))];
      else if (k < 0.9) d.keys = pick(TAGS);
      return d;
    }),
  );
  db.load(
    'owners',
    Array.from({ length: 8 }, (_v, i) => ({ _id: `o${i}`, o: i < 5 ? OWNERS[i] : i === 5 ? null : undefined, p: i })),
  );
  db.load(
    'records',
    Array.from({ length: 600 }, (_v, i) => {
      const d: Doc = { _id: `r${i}`, n: i % 50, owner: pick(OWNERS), status: r() < 0.7 ? 'ok' : 'no' };
      const day = pick(DAYS);
      if (day !== undefined) d.day = day;
      if (r() < 0.1) d.withdrawn = true;
      return d;
    }),
  );
  // Writes after the first walk must keep the sorted views right: walk once, then change things.
  runPipeline(db, db.collection('owners'), [
    {
      $lookup: {
        from: 'records',
        let: { o: '$o' },
        pipeline: [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $sort: { day: -1, n: -1 } }, { $limit: 3 }],
        as: 'x',
      },
    },
  ]);
  const records = db.collection('records');
  db.commit(
    records
      .docs()
      .slice(0, 120)
      .map((d, i) => ({
        collection: 'records',
        key: String(d._id),
        before: d,
        after: i % 3 === 0 ? undefined : { ...d, day: pick(DAYS) ?? null, owner: pick(OWNERS) },
      })),
  );
  db.load(
    'records',
    Array.from({ length: 60 }, (_v, i) => ({ _id: `late${i}`, owner: pick(OWNERS), day: pick(DAYS) ?? null, n: i, status: 'ok' })),
  );
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

const plain = (docs: Doc[]) => JSON.parse(JSON.stringify(docs)) as unknown;
const resolver = { collectionResolver: (name: string) => db.collection(name).docs() };

describe('$all on an indexed array field', () => {
  it('intersects the index candidates and answers what mingo answers', () => {
    const names = db.collection('names');
    const queries: Doc[] = [
      { keys: { $all: ['ab'] } },
      { keys: { $all: ['ab', 'bc'] } },
      { keys: { $all: ['ab', 'bc', 'cd'] } },
      { keys: { $all: ['bc', 'ab', 'bc'] } },
      { keys: { $all: ['x', 1] } },
      { keys: { $all: [true] } },
      { keys: { $all: ['nope', 'ab'] } },
      { keys: { $all: [] } },
      { keys: { $all: ['ab'] }, i: { $lt: 200 } },
      { $and: [{ keys: { $all: ['cd', 'de'] } }, { i: { $gte: 10 } }] },
    ];
    for (const q of queries) expect(plain(names.match(q)), JSON.stringify(q)).toEqual(plain(find(names.docs(), q).all() as Doc[]));
  });

  it('examines only the intersection, not every document holding one of the keys', () => {
    const names = db.collection('names');
    const before = db.meter.examined;
    const hits = names.match({ keys: { $all: ['ab', 'bc', 'cd'] } });
    expect(db.meter.examined - before).toBe(hits.length);
    expect(names.match({ keys: { $all: ['ab'] } }).length).toBeGreaterThan(hits.length);
  });
});

describe('$lookup with let/pipeline through an index', () => {
  const pipelines: Doc[][] = [
    // Sorted by the compound index's order, then its exact reverse; with $skip; without $limit.
    [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $sort: { day: -1, n: -1 } }, { $limit: 5 }],
    [{ $match: { $expr: { $eq: ['$$o', '$owner'] } } }, { $sort: { day: 1, n: 1 } }, { $limit: 4 }],
    [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $sort: { day: -1, n: -1 } }, { $skip: 3 }, { $limit: 2 }],
    [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $sort: { day: -1, n: -1 } }, { $project: { _id: 1 } }],
    // Other filters beside the join, as the public profile uses them.
    [
      { $match: { $and: [{ $expr: { $eq: ['$owner', '$$o'] } }, { withdrawn: { $ne: true }, status: 'ok' }] } },
      { $sort: { day: -1, n: -1 } },
      { $limit: 3 },
      { $project: { day: 1, n: 1, o: '$$o', p: '$$p' } },
    ],
    [{ $match: { $expr: { $and: [{ $eq: ['$owner', '$$o'] }, { $gt: ['$n', '$$p'] }] } } }, { $limit: 6 }],
    // A sort the compound index does not give (a prefix, other keys): the equality index, no early stop.
    [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $sort: { day: -1 } }, { $limit: 5 }],
    [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $sort: { n: 1, day: 1 } }, { $limit: 5 }],
    [{ $match: { $expr: { $eq: ['$owner', '$$o'] } } }, { $group: { _id: null, c: { $sum: 1 } } }],
  ];

  it('equals mingo for every owner value (strings, numbers, arrays, null, missing)', () => {
    const owners = db.collection('owners');
    for (const pipeline of pipelines) {
      const stages: Doc[] = [{ $lookup: { from: 'records', let: { o: '$o', p: '$p' }, pipeline, as: 'j' } }];
      const ours = runPipeline(db, owners, stages);
      const theirs = aggregate(owners.docs().slice(), stages, resolver) as Doc[];
      expect(plain(ours), JSON.stringify(pipeline)).toEqual(plain(theirs));
    }
  });

  it('after a leading $match, as verifyCode runs it', () => {
    const owners = db.collection('owners');
    const stages: Doc[] = [
      { $match: { _id: 'o1' } },
      {
        $lookup: {
          from: 'records',
          let: { o: '$o' },
          pipeline: pipelines[4]!.map((s) => ('$project' in s ? { $project: { day: 1 } } : s)),
          as: 'j',
        },
      },
    ];
    expect(plain(runPipeline(db, owners, stages))).toEqual(plain(aggregate(owners.docs().slice(), stages, resolver) as Doc[]));
  });

  it('reads about $limit documents however many the owner has', () => {
    const owners = db.collection('owners');
    const perOwner = db
      .collection('records')
      .docs()
      .filter((d) => d.owner === 'u2').length;
    expect(perOwner).toBeGreaterThan(100);
    const before = db.meter.examined;
    const out = runPipeline(db, owners, [
      { $match: { _id: 'o1' } },
      { $lookup: { from: 'records', let: { o: '$o' }, pipeline: pipelines[0], as: 'j' } },
    ]);
    expect((out[0]!.j as Doc[]).length).toBe(5);
    // One owner document, then five records walked in order.
    expect(db.meter.examined - before).toBe(6);
  });
});
