import { aggregate } from 'mingo';
import type { Collection, DocumentDb } from './collections';
import { CloudError } from './errors';
import { scalarKey } from './indexes';
import { getPath, isPlainObject, type Doc } from './wire';

/**
 * Run an aggregation pipeline with MongoDB semantics (mingo), using the declared indexes where a
 * database would: a leading `$match` selects through the equality indexes, and a `$lookup` by
 * `localField`/`foreignField` on an indexed foreign field probes the index per input document
 * instead of hashing the whole foreign collection. Everything else is mingo, stage by stage.
 */
export function runPipeline(db: DocumentDb, coll: Collection, stages: Doc[]): Doc[] {
  const pipeline = stages.flatMap(expandCount);
  let docs: Doc[];
  const first = pipeline[0];
  if (first && isPlainObject(first.$match)) {
    docs = coll.match(first.$match);
    pipeline.shift();
  } else docs = coll.docs().slice(); // mingo stages like $sort must not reorder the collection's own array
  const options = {
    collectionResolver: (name: string) => (db.has(name) ? db.collection(name).docs() : []),
  };
  let segment: Doc[] = [];
  const flush = () => {
    if (segment.length) docs = mingo(docs, segment, options);
    segment = [];
  };
  for (const stage of pipeline) {
    const spec = indexedLookup(db, stage);
    if (spec) {
      flush();
      docs = lookupThroughIndex(docs, spec, options);
    } else segment.push(stage);
  }
  flush();
  return docs;
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
function lookupThroughIndex(docs: Doc[], spec: LookupSpec, options: Parameters<typeof aggregate>[2]): Doc[] {
  const { from, localField, foreignField, as } = spec;
  const out: Doc[] = new Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const local = getPath(doc, localField);
    const keys = scalarKey(local) !== undefined ? from.lookupKeys(foreignField, local) : undefined;
    if (!keys) {
      out[i] = mingo([doc], [{ $lookup: { from: from.name, localField, foreignField, as } }], options)[0]!;
      continue;
    }
    out[i] = { ...doc, [as]: from.byKeysInOrder(keys) };
  }
  return out;
}
