import { aggregate } from 'mingo';
import type { Collection, DocumentDb } from './collections';
import { CloudError } from './errors';
import { scalarKey } from './indexes';
import { hasNestedPath } from './query';
import { cloneDoc, getPath, isPlainObject, type Doc } from './wire';

/**
 * Run an aggregation pipeline with MongoDB semantics (mingo), using the declared indexes where a
 * database would: a leading `$match` selects through the equality indexes, and a `$lookup` by
 * `localField`/`foreignField` on an indexed foreign field probes the index per input document
 * instead of hashing the whole foreign collection, and a `$group` by one field with `$sum`s (the
 * district statistics over hundreds of thousands of codes) runs as one tight loop. Everything else
 * is mingo, stage by stage; tests check the shortcuts against mingo.
 */
export function runPipeline(db: DocumentDb, coll: Collection, stages: Doc[]): Doc[] {
  const pipeline = stages.flatMap(expandCount);
  let docs: Doc[];
  const first = pipeline[0];
  if (first && isPlainObject(first.$match)) {
    docs = coll.match(first.$match);
    pipeline.shift();
  } else docs = coll.docs().slice(); // mingo stages like $sort must not reorder the collection's own array
  // mingo writes nested-path stages ($set/$project/$unset of 'a.b') into the documents it is given;
  // such pipelines get copies, so the stored documents (and their joined foreign ones) stay intact.
  const copy = pipeline.some(writesNestedPath);
  if (copy) docs = docs.map(cloneDoc);
  const foreign = (c: Collection): Doc[] => (copy ? c.docs().map(cloneDoc) : c.docs());
  const options = {
    collectionResolver: (name: string) => (db.has(name) ? foreign(db.collection(name)) : []),
  };
  let segment: Doc[] = [];
  const flush = () => {
    if (segment.length) docs = mingo(docs, segment, options);
    segment = [];
  };
  for (const stage of pipeline) {
    const spec = indexedLookup(db, stage);
    const group = spec ? undefined : simpleGroup(stage);
    if (spec) {
      flush();
      docs = lookupThroughIndex(docs, spec, options, copy);
    } else if (group) {
      flush();
      docs = group(docs) ?? mingo(docs, [stage], options);
    } else segment.push(stage);
  }
  flush();
  return docs;
}

/** Stages that set or remove a nested path, directly or in a sub-pipeline. */
function writesNestedPath(stage: Doc): boolean {
  for (const [op, spec] of Object.entries(stage)) {
    if (op === '$unset' && [spec].flat().some((p) => typeof p === 'string' && p.includes('.'))) return true;
    if ((op === '$project' || op === '$addFields' || op === '$set') && hasNestedPath(spec)) return true;
    if (op === '$lookup' && isPlainObject(spec) && Array.isArray(spec.pipeline) && spec.pipeline.some((s) => isPlainObject(s) && writesNestedPath(s))) return true;
    if (op === '$facet' && isPlainObject(spec) && Object.values(spec).some((p) => Array.isArray(p) && p.some((s) => isPlainObject(s) && writesNestedPath(s)))) return true;
  }
  return false;
}

function mingo(docs: Doc[], pipeline: Doc[], options: Parameters<typeof aggregate>[2]): Doc[] {
  try {
    return aggregate(docs, pipeline, options) as Doc[];
  } catch (e) {
    throw new CloudError('DATABASE_INVALID_OPERRATOR', `[BadValue] ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * `{$count: name}` as MongoDB defines it: `$group` + `$project`, which yields no document at all for
 * empty input (mingo's own `$count` would answer `{name: 0}`). Also inside `$lookup` sub-pipelines.
 */
function rewriteCount(stage: Doc): Doc {
  if (typeof stage.$count === 'string') {
    return { $group: { _id: null, [stage.$count]: { $sum: 1 } } };
  }
  if (isPlainObject(stage.$lookup) && Array.isArray(stage.$lookup.pipeline)) {
    return {
      $lookup: {
        ...stage.$lookup,
        pipeline: (stage.$lookup.pipeline as Doc[]).flatMap(expandCount),
      },
    };
  }
  return stage;
}

function expandCount(stage: Doc): Doc[] {
  const s = rewriteCount(stage);
  return typeof stage.$count === 'string' ? [s, { $project: { _id: 0 } }] : [s];
}

interface LookupSpec {
  from: Collection;
  localField: string;
  foreignField: string;
  as: string;
}

/** A `$lookup` that can be answered from an index on the foreign collection's `foreignField`. */
function indexedLookup(db: DocumentDb, stage: Doc): LookupSpec | undefined {
  const l = stage.$lookup;
  if (!isPlainObject(l)) return undefined;
  const { from, localField, foreignField, as } = l;
  if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string') return undefined;
  if (typeof as !== 'string' || 'pipeline' in l || 'let' in l) return undefined;
  // Dotted paths may cross arrays, which the single-field indexes do not model.
  if (foreignField.includes('.') || localField.includes('.') || !db.has(from)) return undefined;
  const coll = db.collection(from);
  const indexed = foreignField === '_id' || coll.hash.has(foreignField) || coll.unique.get(foreignField)?.lookupSafe();
  if (!indexed) return undefined;
  return { from: coll, localField, foreignField, as };
}

/**
 * The `$lookup` equality join (foreign value equal to, or an array containing, the local value), in
 * the foreign collection's natural order. Local values the index cannot key (missing, null, arrays,
 * objects) go through mingo's own `$lookup` for that document, so semantics never diverge.
 */
function lookupThroughIndex(docs: Doc[], spec: LookupSpec, options: Parameters<typeof aggregate>[2], copy: boolean): Doc[] {
  const { from, localField, foreignField, as } = spec;
  const out: Doc[] = new Array(docs.length);
  const rest: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const local = getPath(doc, localField);
    const keys = scalarKey(local) !== undefined ? from.lookupKeys(foreignField, local) : undefined;
    if (keys) {
      const joined = from.byKeysInOrder(keys);
      out[i] = { ...doc, [as]: copy ? joined.map(cloneDoc) : joined };
    }
    else rest.push(i);
  }
  if (rest.length) {
    // One mingo $lookup for all of them (it hashes the foreign collection once per call).
    const joined = mingo(
      rest.map((i) => docs[i]!),
      [{ $lookup: { from: from.name, localField, foreignField, as } }],
      options,
    );
    rest.forEach((i, j) => (out[i] = joined[j]!));
  }
  return out;
}

/** A plain top-level field reference like `'$districtCode'`, as its name. */
function fieldRef(v: unknown): string | undefined {
  return typeof v === 'string' && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? v.slice(1) : undefined;
}

/**
 * `{$group: {_id: '$f' | null | <scalar>, a: {$sum: <number> | '$g'}, …}}` as one loop over the
 * documents with MongoDB's semantics: missing and null keys form one `null` group, `$sum` ignores
 * non-numbers, groups come out in first-seen order (as mingo emits them). Returns undefined (use
 * mingo) when the stage has another shape or a key is not a plain scalar.
 */
function simpleGroup(stage: Doc): ((docs: Doc[]) => Doc[] | undefined) | undefined {
  const g = stage.$group;
  if (!isPlainObject(g) || !('_id' in g)) return undefined;
  const id = g._id;
  const keyField = fieldRef(id);
  const constant = keyField === undefined;
  if (constant && !(id === null || typeof id === 'number' || typeof id === 'boolean')) {
    if (typeof id !== 'string' || id.startsWith('$')) return undefined;
  }
  const accs: { name: string; literal?: number; field?: string }[] = [];
  for (const [name, spec] of Object.entries(g)) {
    if (name === '_id') continue;
    if (!isPlainObject(spec) || Object.keys(spec).length !== 1 || !('$sum' in spec)) return undefined;
    const arg = spec.$sum;
    if (typeof arg === 'number' && Number.isFinite(arg)) accs.push({ name, literal: arg });
    else if (fieldRef(arg) !== undefined) accs.push({ name, field: fieldRef(arg) });
    else return undefined;
  }
  return (docs) => {
    const groups = new Map<unknown, number[]>();
    for (const doc of docs) {
      let key: unknown = constant ? id : doc[keyField];
      if (key === undefined) key = null;
      else if (key !== null && typeof key === 'object') return undefined;
      let sums = groups.get(key);
      if (!sums) groups.set(key, (sums = new Array<number>(accs.length).fill(0)));
      for (let i = 0; i < accs.length; i++) {
        const a = accs[i]!;
        if (a.literal !== undefined) sums[i]! += a.literal;
        else {
          const v = doc[a.field!];
          if (typeof v === 'number') sums[i]! += v;
          else if (Array.isArray(v) || (v !== null && typeof v === 'object')) return undefined;
        }
      }
    }
    const out: Doc[] = [];
    for (const [key, sums] of groups) {
      const row: Doc = { _id: key };
      accs.forEach((a, i) => (row[a.name] = sums[i]));
      out.push(row);
    }
    return out;
  };
}
