import { HashIndex, UniqueIndex, scalarKey } from './indexes';
import { mingoFind, mingoQuery } from './mingo';
import { compileProjection, projectAll } from './project';
import { cloneDoc, idKey, isPlainObject, type Doc } from './wire';

/** A compiled query; an empty query matches everything without calling mingo. */
export function compileQuery(query: Doc): (doc: Doc) => boolean {
  const entries = Object.entries(query);
  if (entries.length === 0) return () => true;
  // `{ status: 'active', districtCode: '230402' }`: plain equality on top-level fields with string,
  // boolean or number values means "equals, or is an array containing" (MongoDB), no mingo needed.
  if (entries.every(([k, v]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && isSimpleScalar(v))) {
    return (doc) => {
      for (const [k, want] of entries) {
        const v = doc[k];
        if (v !== want && !(Array.isArray(v) && v.includes(want))) return false;
      }
      return true;
    };
  }
  const q = mingoQuery(query);
  return (doc) => q.test(doc);
}

function isSimpleScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));
}

/** What the equality fast path can use from a collection. */
export interface Lookup {
  hash: Map<string, HashIndex>;
  unique: Map<string, UniqueIndex>;
  /** Documents in the collection, when known: lets a broad `$all` skip its intersection. */
  readonly size?: number;
}

/**
 * Candidate ids for a query from the hash indexes (a superset of the matches), or undefined when no
 * index applies and the caller must scan. Only top-level equality / `$eq` / `$in` on an indexed field
 * (or `_id`), possibly inside a top-level `$and`, is used; everything else falls back to mingo.
 */
export function candidateKeys(query: Doc, lookup: Lookup): string[] | Set<string> | undefined {
  let best: string[] | Set<string> | undefined;
  const offer = (c: string[] | Set<string> | undefined) => {
    if (c && (best === undefined || sizeOf(c) < sizeOf(best))) best = c;
  };
  const consider = (field: string, cond: unknown) => {
    const all = allValues(cond);
    if (all && field !== '_id' && !lookup.unique.has(field)) {
      const hi = lookup.hash.get(field);
      if (!hi) return;
      const sets = all.map((v) => hi.lookup(v)!).sort((a, b) => a.size - b.size);
      // When even the smallest set selects a quarter of the collection the caller scans anyway
      // (stopping early for a page): hand it over as is rather than probe a million ids.
      if (lookup.size !== undefined && sets[0]!.size * 4 >= lookup.size) offer(sets[0]);
      else offer(intersect(sets));
      return;
    }
    const values = equalityValues(cond);
    if (!values) return;
    // Sets, not lists: `$in: ['a', 'a']` names one document once, not twice.
    if (field === '_id') {
      offer(new Set(values.map(idKey)));
      return;
    }
    const ui = lookup.unique.get(field);
    if (ui && ui.lookupSafe()) {
      const out = new Set<string>();
      for (const v of values) {
        const owner = ui.owner(ui.keyOfValues([v]));
        if (owner !== undefined) out.add(owner);
      }
      offer(out);
      return;
    }
    const hi = lookup.hash.get(field);
    if (!hi) return;
    const sets: Set<string>[] = [];
    for (const v of values) {
      const s = hi.lookup(v);
      if (!s) return;
      sets.push(s);
    }
    if (sets.length === 1) offer(sets[0]);
    else {
      const u = new Set<string>();
      for (const s of sets) for (const k of s) u.add(k);
      offer(u);
    }
  };
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) if (isPlainObject(sub)) for (const [sk, sv] of Object.entries(sub)) if (!sk.startsWith('$')) consider(sk, sv);
    } else if (!k.startsWith('$')) consider(k, v);
  }
  return best;
}

/**
 * `{ $all: [v1, v2, …] }` of scalars (an indexed array field holding every value, as the name
 * search keys are queried): the values, or undefined for any other shape (an empty `$all`,
 * `$elemMatch` members) so that mingo scans.
 */
function allValues(cond: unknown): unknown[] | undefined {
  if (!isPlainObject(cond) || !Array.isArray(cond.$all) || cond.$all.length === 0) return undefined;
  return cond.$all.every((v) => scalarKey(v) !== undefined) ? cond.$all : undefined;
}

/** Ids in every set (sorted by size, smallest first): walk the smallest, probe the others in order. */
function intersect(bySize: Set<string>[]): Set<string> {
  const [smallest, ...rest] = bySize;
  const out = new Set<string>();
  if (!smallest) return out;
  outer: for (const id of smallest) {
    for (const s of rest) if (!s.has(id)) continue outer;
    out.add(id);
  }
  return out;
}

function sizeOf(c: string[] | Set<string>): number {
  return Array.isArray(c) ? c.length : c.size;
}

/** Values that a condition requires equality with, or undefined if it is not a pure equality/$in. */
function equalityValues(cond: unknown): unknown[] | undefined {
  if (scalarKey(cond) !== undefined) return [cond];
  if (!isPlainObject(cond)) return undefined;
  if ('$eq' in cond && scalarKey(cond.$eq) !== undefined) return [cond.$eq];
  if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.every((v) => scalarKey(v) !== undefined)) return cond.$in;
  return undefined;
}

/** Sort / skip / limit / project with MongoDB semantics (mingo). */
export function shape(
  docs: Doc[],
  opts: {
    order?: Doc | undefined;
    offset?: number;
    limit?: number;
    projection?: Doc | undefined;
  },
): Doc[] {
  const projection = opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined;
  const project = projection && compileProjection(projection);
  // mingo applies a projection on a nested path (`'a.b': 0`) to the documents it is given, which
  // here are the stored ones: page first, then project copies of the page.
  const nested = projection !== undefined && hasNestedPath(projection);
  let cursor = mingoFind(docs, nested || project ? undefined : projection);
  if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order as Record<string, 1 | -1>);
  if (opts.offset) cursor = cursor.skip(opts.offset);
  if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
  const page = cursor.all() as Doc[];
  if (project) return projectAll(page, project) ?? mingoFind(page, projection).all();
  return nested ? mingoFind(page.map(cloneDoc), projection).all() : page;
}

/** Whether a stage spec names a nested field path as a key (`{'a.b': …}`) anywhere inside it. */
export function hasNestedPath(spec: unknown): boolean {
  if (Array.isArray(spec)) return spec.some(hasNestedPath);
  if (!isPlainObject(spec)) return false;
  return Object.entries(spec).some(([k, v]) => k.includes('.') || hasNestedPath(v));
}
