import type { Collection, DocumentDb, Rec } from './collections';
import { CloudError } from './errors';
import { fieldVariableEquality, mingoAggregate, variableQuery, type MingoOptions } from './mingo';
import { compileProjection, projectAll } from './project';
import { scalarKey } from './indexes';
import type { OrderedIndex } from './ordered-index';
import { hasNestedPath } from './query';
import { cloneDoc, getPath, idKey, isPlainObject, PLAIN_FIELD, type Doc } from './wire';

/**
 * Run an aggregation pipeline with MongoDB semantics (mingo), using the declared indexes where a
 * database would: a leading `$match` selects through the equality indexes, and a `$lookup` by
 * `localField`/`foreignField` on an indexed foreign field probes the index per input document
 * instead of hashing the whole foreign collection, and a `$group` by one field with `$sum`s (the
 * district statistics over hundreds of thousands of codes) runs as one tight loop. A `$lookup` with
 * `let`/`pipeline` whose sub-pipeline starts with `$match` on `$expr: {$eq: ['$field', '$$var']}`
 * walks the foreign collection's index on that field (in `$sort` order through a compound index)
 * and stops once `$limit` documents matched, so "the newest 10 of an entity's 100,000 records"
 * reads about 10. Everything else is mingo, stage by stage; tests check the shortcuts against mingo.
 * Every document read is counted in the database's meter (`documentsExamined` in `/_stats`).
 */
export function runPipeline(db: DocumentDb, coll: Collection, stages: Doc[]): Doc[] {
  const pipeline = stages.flatMap(expandCount);
  let docs: Doc[];
  const first = pipeline[0];
  if (first && isPlainObject(first.$match)) {
    docs = coll.match(first.$match);
    pipeline.shift();
  } else {
    docs = coll.docs().slice(); // mingo stages like $sort must not reorder the collection's own array
    db.meter.examined += docs.length;
  }
  // mingo writes nested-path stages ($set/$project/$unset of 'a.b') into the documents it is given;
  // such pipelines get copies, so the stored documents (and their joined foreign ones) stay intact.
  const copy = pipeline.some(writesNestedPath);
  if (copy) docs = docs.map(cloneDoc);
  const foreign = (c: Collection): Doc[] => (copy ? c.docs().map(cloneDoc) : c.docs());
  const options = {
    collectionResolver: (name: string) => {
      if (!db.has(name)) return [];
      const c = db.collection(name);
      db.meter.examined += c.size;
      return foreign(c);
    },
  };
  let segment: Doc[] = [];
  const flush = () => {
    if (segment.length) docs = runStages(docs, segment, options);
    segment = [];
  };
  for (const stage of pipeline) {
    const spec = indexedLookup(db, stage);
    const sub = spec ? undefined : indexedSubLookup(db, stage);
    const group = spec || sub ? undefined : simpleGroup(stage);
    if (spec) {
      flush();
      docs = lookupThroughIndex(docs, spec, options, copy);
    } else if (sub) {
      flush();
      docs = subLookupThroughIndex(db, docs, sub, options, copy);
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
    if (
      op === '$lookup' &&
      isPlainObject(spec) &&
      Array.isArray(spec.pipeline) &&
      spec.pipeline.some((s) => isPlainObject(s) && writesNestedPath(s))
    )
      return true;
    if (
      op === '$facet' &&
      isPlainObject(spec) &&
      Object.values(spec).some((p) => Array.isArray(p) && p.some((s) => isPlainObject(s) && writesNestedPath(s)))
    )
      return true;
  }
  return false;
}

/** The stages in order: a `$project` of the common shape precompiled (project.ts), the rest by mingo. */
function runStages(docs: Doc[], stages: Doc[], options: MingoOptions): Doc[] {
  let pending: Doc[] = [];
  const flush = () => {
    if (pending.length) docs = mingo(docs, pending, options);
    pending = [];
  };
  for (const stage of stages) {
    const project = Object.keys(stage).length === 1 ? compileProjection(stage.$project) : undefined;
    if (project) {
      flush();
      const projected = projectAll(docs, project);
      if (projected) {
        docs = projected;
        continue;
      }
    }
    pending.push(stage);
  }
  flush();
  return docs;
}

function mingo(docs: Doc[], pipeline: Doc[], options: MingoOptions): Doc[] {
  try {
    return mingoAggregate(docs, pipeline, options);
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
function lookupThroughIndex(docs: Doc[], spec: LookupSpec, options: MingoOptions, copy: boolean): Doc[] {
  const { from, localField, foreignField, as } = spec;
  const out: Doc[] = new Array(docs.length);
  const rest: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const local = getPath(doc, localField);
    const keys = scalarKey(local) !== undefined ? from.lookupKeys(foreignField, local) : undefined;
    if (keys) {
      const joined = from.byKeysInOrder(keys);
      from.meter.examined += joined.length;
      out[i] = { ...doc, [as]: copy ? joined.map(cloneDoc) : joined };
    } else rest.push(i);
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

interface SubLookupSpec {
  from: Collection;
  /** The stage as given: mingo runs it over the few documents the index walk selected. */
  stage: Doc;
  /** let variable → the local top-level field it names. */
  vars: Record<string, string>;
  /** The foreign field the `$expr` equates with `$$<joinVar>`. */
  field: string;
  joinVar: string;
  match: Doc;
  /**
   * Walk in `$sort` order through this compound index (undefined: the equality index, natural
   * order). The walk then yields exactly the stable sort's order, so the documents it matched are
   * already the `$match`/`$sort`/`$skip`/`$limit` prefix's answer once `skip` are dropped, and only
   * `rest` (the stages after that prefix) remains to run.
   */
  order?: { index: OrderedIndex; dir: 1 | -1; skip: number; rest: Doc[] };
  /** `$skip` + `$limit` right after `$match` (and `$sort`): the walk stops after this many matches. */
  take: number;
}

/** Sub-pipeline stages that only read the documents given to them. */
const LOCAL_STAGES = new Set([
  '$match',
  '$sort',
  '$skip',
  '$limit',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$group',
  '$replaceRoot',
  '$unwind',
]);

/** `{$eq: ['$field', '$$var']}` (either order) inside an `$expr`, also under `$and`. */
function exprEqualities(expr: unknown, out: [string, string][]): void {
  if (!isPlainObject(expr)) return;
  if (Array.isArray(expr.$and)) for (const e of expr.$and) exprEqualities(e, out);
  const join = fieldVariableEquality(expr.$eq);
  if (join) out.push([join.field, join.variable]);
}

/** The `$expr` equalities of a `$match` spec: at its top level or inside a top-level `$and`. */
function matchEqualities(match: Doc): [string, string][] {
  const out: [string, string][] = [];
  if ('$expr' in match) exprEqualities(match.$expr, out);
  if (Array.isArray(match.$and)) for (const m of match.$and) if (isPlainObject(m) && '$expr' in m) exprEqualities(m.$expr, out);
  return out;
}

/** A `$lookup` with `let`/`pipeline` that an index on the foreign collection can answer. */
function indexedSubLookup(db: DocumentDb, stage: Doc): SubLookupSpec | undefined {
  const l = stage.$lookup;
  if (!isPlainObject(l) || typeof l.from !== 'string' || typeof l.as !== 'string' || !Array.isArray(l.pipeline)) return undefined;
  if ('localField' in l || 'foreignField' in l || !db.has(l.from) || !isPlainObject(l.let)) return undefined;
  const vars: Record<string, string> = {};
  for (const [name, ref] of Object.entries(l.let)) {
    if (typeof ref !== 'string' || !ref.startsWith('$') || !PLAIN_FIELD.test(ref.slice(1)) || !PLAIN_FIELD.test(name)) return undefined;
    vars[name] = ref.slice(1);
  }
  const pipeline = l.pipeline as unknown[];
  // Mingo reruns the stage over the selected documents as the whole foreign collection, so no
  // sub-stage may read another collection.
  if (!pipeline.every((st) => isPlainObject(st) && Object.keys(st).length === 1 && LOCAL_STAGES.has(Object.keys(st)[0]!))) return undefined;
  const match = isPlainObject(pipeline[0]) ? pipeline[0].$match : undefined;
  if (!isPlainObject(match) || Object.keys(pipeline[0] as Doc).length !== 1) return undefined;
  const from = db.collection(l.from);
  let i = 1;
  const sort = isPlainObject(pipeline[i]) && Object.keys(pipeline[i] as Doc).length === 1 ? (pipeline[i] as Doc).$sort : undefined;
  if (isPlainObject(sort)) i++;
  let skip = 0;
  const skipStage = pipeline[i];
  if (isPlainObject(skipStage) && typeof skipStage.$skip === 'number' && Object.keys(skipStage).length === 1) {
    skip = skipStage.$skip;
    i++;
  }
  const limitStage = pipeline[i];
  const limit =
    isPlainObject(limitStage) && typeof limitStage.$limit === 'number' && Object.keys(limitStage).length === 1
      ? limitStage.$limit
      : undefined;
  const take = limit === undefined ? Infinity : skip + limit;
  for (const [field, joinVar] of matchEqualities(match)) {
    if (!(joinVar in vars)) continue;
    if (isPlainObject(sort)) {
      const index = from.ordered.find((o) => o.lead === field && o.usable && o.orderFor(sort) !== undefined);
      // A skip or limit MongoDB would refuse goes to mingo, which says so.
      const counts = Number.isInteger(skip) && skip >= 0 && (limit === undefined || (Number.isInteger(limit) && limit > 0));
      if (index && counts) {
        const rest = pipeline.slice(limit === undefined ? i : i + 1) as Doc[];
        return { from, stage, vars, field, joinVar, match, order: { index, dir: index.orderFor(sort)!, skip, rest }, take };
      }
    }
    const equality = field === '_id' || from.hash.has(field) || from.unique.get(field)?.lookupSafe();
    // Without the order, every matching candidate is needed before sorting: no early stop.
    if (equality) return { from, stage, vars, field, joinVar, match, take: isPlainObject(sort) ? Infinity : take };
  }
  return undefined;
}

/**
 * Per input document: walk the candidates (index order or natural order), test the sub-pipeline's
 * `$match` with the document's variables, stop after `take` matches, then let mingo run the stage as
 * given over just those documents (handed over in natural order, so its stable `$sort` breaks ties
 * as it would over the whole collection). Documents whose variables the index cannot key go
 * through mingo's own `$lookup` over the whole foreign collection.
 */
function subLookupThroughIndex(db: DocumentDb, docs: Doc[], spec: SubLookupSpec, options: MingoOptions, copy: boolean): Doc[] {
  const { from, stage, vars, field, joinVar, match, order, take } = spec;
  const as = (stage.$lookup as Doc).as as string;
  let test: ReturnType<typeof variableQuery>;
  try {
    test = variableQuery(match);
  } catch (e) {
    throw new CloudError('DATABASE_INVALID_OPERRATOR', `[BadValue] ${e instanceof Error ? e.message : String(e)}`);
  }
  const out: Doc[] = new Array(docs.length);
  const rest: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const variables: Doc = {};
    for (const [name, local] of Object.entries(vars)) variables[name] = doc[local];
    const value = variables[joinVar];
    const keys =
      Object.values(variables).some((v) => v === undefined) || scalarKey(value) === undefined
        ? undefined
        : order
          ? order.index.walk(value, order.dir)
          : from.lookupKeys(field, value);
    if (!keys) {
      rest.push(i);
      continue;
    }
    const recs: Rec[] = [];
    let examined = 0;
    // Natural order when no compound index orders the walk (the equality index's set is unordered).
    const walk = order ? keys : from.byKeysInOrder(keys).map((d) => idKey(d._id));
    for (const key of walk) {
      const rec = from.recs.get(key);
      if (!rec) continue;
      examined++;
      if (test(rec.doc, variables)) recs.push(rec);
      if (recs.length >= take) break;
    }
    from.meter.examined += examined;
    if (order) {
      const page = recs.slice(order.skip).map((r) => (copy ? cloneDoc(r.doc) : r.doc));
      out[i] = { ...doc, [as]: runStages(page, order.rest, { variables }) };
      continue;
    }
    recs.sort((a, b) => a.seq - b.seq);
    const selected = recs.map((r) => (copy ? cloneDoc(r.doc) : r.doc));
    out[i] = mingo([doc], [stage], { ...options, collectionResolver: () => selected })[0]!;
  }
  if (rest.length) {
    const joined = mingo(
      rest.map((i) => docs[i]!),
      [stage],
      options,
    );
    rest.forEach((i, j) => (out[i] = joined[j]!));
  }
  return out;
}
