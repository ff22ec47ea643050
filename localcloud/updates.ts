import { randomBytes } from 'node:crypto';
import { update as mingoUpdate } from 'mingo';
import { invalidParam, requestFailed } from './errors';
import { cloneDoc, encodeDoc, isPlainObject, withId, type Doc } from './wire';

/**
 * A generated `_id`: 32 hex characters, time-prefixed like the ids CloudBase generates (so that
 * ordering by _id roughly follows insertion, as on the real service).
 */
export function newId(): string {
  const t = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return t + randomBytes(12).toString('hex');
}

/**
 * Apply modifyDocument's `data` to a document and return the new document (the input is untouched).
 * merge=true: operator update (`$set`, `$inc`, …); plain top-level fields are merged as `$set`.
 * merge=false: replacement (doc.set()), keeping `_id`.
 * Returns `changed=false` when the result equals the input (MongoDB's nModified semantics).
 */
export function applyUpdate(doc: Doc, data: Doc, merge: boolean): { doc: Doc; changed: boolean } {
  if (!merge) {
    if ('_id' in data && data._id !== doc._id) throw invalidParam('不能更新_id的值');
    const next = withId(doc._id, data);
    return { doc: next, changed: encodeDoc(next) !== encodeDoc(doc) };
  }
  const modifier = toModifier(data);
  const next = cloneDoc(doc);
  let fields: string[];
  try {
    fields = mingoUpdate(next, modifier as Parameters<typeof mingoUpdate>[1]);
  } catch (e) {
    throw requestFailed(`[BadValue] ${e instanceof Error ? e.message : String(e)}`);
  }
  if (next._id !== doc._id) throw invalidParam('不能更新_id的值');
  return {
    doc: next,
    changed: fields.length > 0 && encodeDoc(next) !== encodeDoc(doc),
  };
}

/** Operator form of update data: `$`-keys kept, plain keys gathered into `$set`. */
export function toModifier(data: Doc): Doc {
  const out: Doc = {};
  const set: Doc = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) {
      if (!isPlainObject(v)) throw requestFailed(`[BadValue] operator ${k} needs an object`);
      if (k === '$set') Object.assign(set, v);
      else out[k] = v;
    } else set[k] = v;
  }
  if (Object.keys(set).length) out.$set = set;
  if ('_id' in set) throw invalidParam('不能更新_id的值');
  return out;
}

/**
 * Seed document of an upsert (MongoDB semantics): the query's top-level equality fields, then the
 * update applied to it.
 */
export function upsertDoc(query: Doc, data: Doc, merge: boolean, id: unknown): Doc {
  if (!merge) return withId(id, data);
  const base: Doc = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (isPlainObject(v)) {
      if ('$eq' in v) base[k] = v.$eq;
      else if (!Object.keys(v).some((x) => x.startsWith('$'))) base[k] = v;
    } else base[k] = v;
  }
  base._id = id;
  return applyUpdate(base, data, true).doc;
}
