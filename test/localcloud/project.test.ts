/** localcloud/project.ts must answer exactly what mingo's `$project` answers, key order included. */
import { aggregate, find } from 'mingo';
import { describe, expect, it } from 'vitest';
import { compileProjection } from '../../localcloud/project';

const docs: Record<string, unknown>[] = [
  { _id: 'a', status: 'x', n: 0, source: { kind: 'k', department: 'd', openid: 'private' }, other: 1 },
  { _id: 'b', status: null },
  { _id: 'c', source: null, n: [1, 2] },
  { _id: 'd', source: 'text' },
  { _id: 'f', source: { kind: null, department: { name: '局' } } },
  { status: 's', source: {} },
  { _id: { x: 1 }, status: [1, 2], source: { kind: new Date('2026-01-01T00:00:00Z') } },
  { _id: 7, at: new Date('2026-01-01T00:00:00Z'), deep: { a: { b: 'c' } } },
  { _id: 'g', source: { kind: { nested: true } }, deep: { a: 'scalar' } },
  { _id: 'h', entity: [{ _id: 'e', name: '甲', uscc: 'U', secret: 'private' }], status: 'ok' },
  { _id: 'i', entity: [] },
  { _id: 'j', entity: null },
  { _id: 'k', entity: [{ name: 'x' }, null, 'text', { _id: 'y', name: { a: 1 } }, { name: [1, 2] }] },
];

const specs: Record<string, unknown>[] = [
  { _id: 1, status: 1, missing: 1, source: { kind: '$source.kind', department: '$source.department' } },
  { status: 1, n: true },
  { status: 1, _id: 0 },
  { x: '$status', y: '$deep.a.b', z: '$at' },
  { zeta: 1, alpha: 1, _id: 1, Mid: 1 },
  { out: { inner: { k: '$source.kind' } } },
  { status: 1, entity: { $map: { input: '$entity', as: 'r', in: { uscc: '$$r.uscc', _id: '$$r._id', name: '$$r.name' } } } },
  { whole: { $map: { input: '$entity', as: 'e', in: { it: '$$e' } } } },
];

const mingoProject = (doc: Record<string, unknown>, spec: Record<string, unknown>) => aggregate([doc], [{ $project: spec }])[0];

describe('precompiled $project', () => {
  it('answers as mingo, in the same key order, for every document and spec', () => {
    for (const spec of specs) {
      const project = compileProjection(spec);
      expect(project, JSON.stringify(spec)).toBeDefined();
      for (const doc of docs) {
        const want = mingoProject(doc, spec);
        const got = project!(doc);
        expect(got, `${JSON.stringify(spec)} of ${JSON.stringify(doc)}`).toEqual(want);
        expect(Object.keys(got!)).toEqual(Object.keys(want as object));
      }
      // A find projection (field()) is the same projection.
      expect(docs.map((d) => project!(d))).toEqual(find(docs, {}, spec).all());
    }
  });

  it('declines a document whose path crosses an array, and shapes it does not model', () => {
    expect(compileProjection({ k: '$source.kind' })!({ source: [{ kind: 1 }, { kind: 2 }] })).toBeUndefined();
    const map = compileProjection({ e: { $map: { input: '$entity', as: 'r', in: { n: '$$r.name' } } } })!;
    expect(map({ entity: 'text' })).toBeUndefined(); // mingo's error to give
    expect(map({ entity: [{ name: [{ x: 1 }] }] })).toEqual({ e: [{ n: [{ x: 1 }] }] });
    expect(compileProjection({ e: { $map: { input: '$entity', as: 'r', in: { n: '$$other.name' } } } })).toBeUndefined();
    expect(compileProjection({ e: { $map: { input: '$entity', in: { n: '$$this.name' } } } })).toBeUndefined();
    for (const spec of [
      { status: 0 }, // exclusion
      { _id: 0 },
      { _id: 1 },
      { 'a.b': 1 },
      { a: { $toUpper: '$name' } },
      { a: '$$ROOT' },
      { a: { b: 1 } },
      { a: 2 },
      { a: 'literal' },
      {},
    ])
      expect(compileProjection(spec), JSON.stringify(spec)).toBeUndefined();
  });
});
