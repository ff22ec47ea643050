/**
 * localcloud/mingo.ts: one shared operator context. mingo's public entry points copy every operator
 * table on each Query/Aggregator they build; ours must copy none, and answer exactly as mingo does.
 */
import { aggregate, Query } from 'mingo';
import { Context } from 'mingo/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mingoAggregate, mingoFind, mingoQuery, variableQuery } from '../../localcloud/mingo';

const docs = [
  { _id: 'a', uscc: 'U1', n: 3, tags: ['x', 'y'], at: new Date('2026-01-02T00:00:00Z') },
  { _id: 'b', uscc: 'U2', n: 1, tags: ['y'], at: new Date('2026-01-01T00:00:00Z') },
  { _id: 'c', uscc: 'U1', n: 2, at: null },
];
const records = [
  { _id: 'r1', uscc: 'U1', on: '2026-03-01', ok: true },
  { _id: 'r2', uscc: 'U1', on: '2026-04-01', ok: false },
  { _id: 'r3', uscc: 'U2', on: '2026-02-01', ok: true },
];

/** How many operator-table copies `fn` makes. */
function copiesDuring(fn: () => void): number {
  const from = vi.spyOn(Context, 'from');
  const init = vi.spyOn(Context, 'init');
  fn();
  const n = from.mock.calls.length + init.mock.calls.length;
  from.mockRestore();
  init.mockRestore();
  return n;
}

afterEach(() => vi.restoreAllMocks());

describe('mingo with one shared context', () => {
  it("mingo's own Query and aggregate copy the operator tables every time; ours never do", () => {
    expect(copiesDuring(() => new Query({ n: { $gt: 1 } }).test(docs[0]!))).toBeGreaterThan(0);
    expect(copiesDuring(() => aggregate(docs, [{ $match: { n: 1 } }]))).toBeGreaterThan(0);

    expect(
      copiesDuring(() => {
        mingoQuery({ n: { $gt: 1 } }).test(docs[0]!);
        variableQuery({ $expr: { $eq: ['$uscc', '$$u'] } })(docs[0]!, { u: 'U1' });
        mingoAggregate(docs, [{ $match: { n: { $gte: 2 } } }, { $sort: { n: 1 } }, { $project: { n: 1 } }]);
        mingoAggregate(docs, [{ $lookup: { from: 'records', localField: 'uscc', foreignField: 'uscc', as: 'rs' } }], {
          collectionResolver: () => records,
        });
        mingoAggregate(docs, [{ $group: { _id: '$uscc', total: { $sum: '$n' } } }]);
        mingoFind(docs, { n: 1 }).sort({ n: -1 }).limit(2).all();
      }),
    ).toBe(0);
  });

  it('answers as mingo does: queries, variables, lookups with sub-pipelines, find', () => {
    for (const q of [
      { n: { $gt: 1 } },
      { tags: 'y' },
      { at: null },
      { $or: [{ n: 1 }, { tags: { $size: 2 } }] },
      { at: { $type: 'date' } },
    ])
      expect(docs.map((d) => mingoQuery(q).test(d))).toEqual(docs.map((d) => new Query(q).test(d)));

    const byVar = (u: string) => docs.filter((d) => variableQuery({ $expr: { $eq: ['$uscc', '$$u'] } })(d, { u })).map((d) => d._id);
    expect(byVar('U1')).toEqual(['a', 'c']);
    expect(byVar('U2')).toEqual(['b']);

    const lookup = [
      {
        $lookup: {
          from: 'records',
          let: { u: '$uscc' },
          pipeline: [{ $match: { $expr: { $eq: ['$uscc', '$$u'] }, ok: true } }, { $sort: { on: -1 } }, { $project: { _id: 1, on: 1 } }],
          as: 'rs',
        },
      },
      { $project: { _id: 1, rs: 1 } },
    ];
    const resolver = (name: string) => (name === 'records' ? records : []);
    expect(mingoAggregate(docs, lookup, { collectionResolver: resolver })).toEqual(
      aggregate(docs, lookup, { collectionResolver: resolver }),
    );
    // A resolver given to one call is not seen by another.
    expect(() => mingoAggregate(docs, lookup)).toThrow(/collectionResolver/);

    const group = [{ $group: { _id: '$uscc', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }];
    expect(mingoAggregate(docs, group)).toEqual(aggregate(docs, group));
    expect(mingoFind(docs, { n: 1 }).sort({ n: -1 }).skip(1).all()).toEqual([
      { _id: 'c', n: 2 },
      { _id: 'b', n: 1 },
    ]);
  });

  it('compiles a query with variables once and binds the variables of each test, never the last ones', () => {
    const condition = { $and: [{ $expr: { $eq: ['$uscc', '$$u'] } }, { n: { $gte: 1 } }] };
    const test = variableQuery(condition);
    expect(variableQuery({ ...condition })).toBe(test); // the same text: compiled once
    expect(docs.map((d) => test(d, { u: 'U1' }))).toEqual([true, false, true]);
    expect(docs.map((d) => test(d, { u: 'U2' }))).toEqual([false, true, false]);
    // A test without the variable does not see the previous test's value.
    expect(() => test(docs[0]!, {})).toThrow(/undefined variable/);
    // A date and its ISO text are different conditions.
    const at = new Date('2026-01-02T00:00:00Z');
    expect(variableQuery({ at })(docs[0]!, {})).toBe(true);
    expect(variableQuery({ at: at.toISOString() })(docs[0]!, {})).toBe(false);
  });

  it("answers a sub-lookup's join (a field equal to a variable) as mingo does, whatever the field or the variable holds", () => {
    const awkward: Record<string, unknown>[] = [
      { _id: 1, uscc: 'U1', ok: true },
      { _id: 2, uscc: 'U1', ok: false },
      { _id: 3, uscc: ['U1'], ok: true },
      { _id: 4, ok: true },
      { _id: 5, uscc: null, ok: true },
      { _id: 6, uscc: 1, ok: true },
      { _id: 7, uscc: { a: 'U1' }, ok: true },
      { _id: 8, uscc: 'u1', ok: true },
      { _id: 9, uscc: 1.0, ok: true },
    ];
    const conditions = [
      { $expr: { $eq: ['$uscc', '$$u'] } },
      { $and: [{ $expr: { $eq: ['$uscc', '$$u'] } }, { ok: { $ne: false } }] },
      { $and: [{ ok: true }, { $expr: { $eq: ['$uscc', '$$u'] } }, { $or: [{ _id: { $lt: 7 } }, { _id: 9 }] }] },
      { $and: [{ $expr: { $eq: ['$$u', '$uscc'] } }, { ok: true }] },
    ];
    for (const condition of conditions)
      for (const u of ['U1', 'u1', '', 1, null, ['U1'], { a: 'U1' }]) {
        const variables = { u };
        const expected = awkward.map((d) => new Query(condition, { variables } as never).test(d));
        expect(awkward.map((d) => variableQuery(condition)(d, variables))).toEqual(expected);
      }
    // Spot checks of the answers themselves.
    const join = variableQuery(conditions[1]!);
    // mingo's $eq also matches the array holding the string (3), and so does the emulator.
    expect(awkward.filter((d) => join(d, { u: 'U1' })).map((d) => d._id)).toEqual([1, 3]);
    expect(awkward.filter((d) => join(d, { u: 1 })).map((d) => d._id)).toEqual([6, 9]);
  });

  it('reads $$NOW at each test, not once for a compiled query', () => {
    const due = { _id: 'x', at: new Date('2026-06-01T00:00:00Z') };
    const test = variableQuery({ $expr: { $lt: ['$at', '$$NOW'] } });
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-05-31T00:00:00Z'));
      expect(test(due, {})).toBe(false);
      vi.setSystemTime(new Date('2026-06-02T00:00:00Z'));
      expect(variableQuery({ $expr: { $lt: ['$at', '$$NOW'] } })(due, {})).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
