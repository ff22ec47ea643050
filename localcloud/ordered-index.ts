import { scalarKey, type IndexSpec } from './indexes';
import { idKey, type Doc } from './wire';

/**
 * A compound index `{ lead: 1, s1: ±1, s2: ±1, … }` as a B-tree would serve it: for one value of
 * the leading field, the documents in the order of the remaining keys, so "the newest 10 records of
 * this entity" walks 10 entries instead of sorting all of the entity's records.
 *
 * Each leading value's entries are sorted the first time they are walked and kept sorted on every
 * later write (binary insertion), so a bulk load pays nothing and a read after it pays one sort.
 * Ties are broken by natural order (insertion), which is what a stable in-memory sort of the
 * collection gives, so the index path answers exactly what mingo answers by scanning.
 *
 * Only top-level fields; an array or object in a sort field makes the index decline (`usable`
 * false) rather than model MongoDB's array sort keys.
 */
interface Entry {
  id: string;
  seq: number;
  vals: unknown[];
}

interface Group {
  entries: Map<string, Entry>;
  /** Sorted views by direction: index order (1) and its reverse (-1). */
  sorted: Map<1 | -1, Entry[]>;
}

export class OrderedIndex {
  readonly lead: string;
  readonly sortFields: string[];
  readonly directions: (1 | -1)[];
  private readonly groups = new Map<string, Group>();
  /** False once a sort field held a value this index does not order (array, object). */
  private orderable = true;

  constructor(readonly spec: IndexSpec) {
    const fields = Object.keys(spec.keys);
    this.lead = fields[0]!;
    this.sortFields = fields.slice(1);
    this.directions = this.sortFields.map((f) => (spec.keys[f] === -1 ? -1 : 1));
  }

  /** Whether this index can be declared: at least one sort key, top-level fields only. */
  static applies(spec: IndexSpec): boolean {
    const fields = Object.keys(spec.keys);
    return fields.length >= 2 && fields.every((f) => !f.includes('.') && !f.startsWith('$'));
  }

  get usable(): boolean {
    return this.orderable;
  }

  /**
   * Whether a `$sort` spec is this index's order (or its exact reverse): returns the walk direction.
   * The sort may name fewer keys than the index (a prefix), never others.
   */
  orderFor(sort: Record<string, unknown>): 1 | -1 | undefined {
    const keys = Object.keys(sort);
    if (keys.length === 0 || keys.length > this.sortFields.length) return undefined;
    let dir: 1 | -1 | undefined;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== this.sortFields[i]) return undefined;
      const want = sort[keys[i]!];
      if (want !== 1 && want !== -1) return undefined;
      const d = want === this.directions[i] ? 1 : -1;
      if (dir !== undefined && d !== dir) return undefined;
      dir = d;
    }
    // A prefix of the keys sorts ties by the remaining keys, which the sort did not ask for; only
    // the full key list (ties then in natural order) matches a stable sort exactly.
    return keys.length === this.sortFields.length ? dir : undefined;
  }

  private groupKeys(doc: Doc): string[] {
    const v = doc[this.lead];
    if (!Array.isArray(v)) {
      const k = scalarKey(v);
      return k === undefined ? [] : [k];
    }
    const out = new Set<string>();
    for (const x of v) {
      const k = scalarKey(x);
      if (k !== undefined) out.add(k);
    }
    return [...out];
  }

  add(doc: Doc, seq: number): void {
    const keys = this.groupKeys(doc);
    if (keys.length === 0) return;
    const vals = this.sortFields.map((f) => doc[f]);
    if (vals.some((v) => v !== null && typeof v === 'object' && !(v instanceof Date))) this.orderable = false;
    const entry: Entry = { id: idKey(doc._id), seq, vals };
    for (const k of keys) {
      let g = this.groups.get(k);
      if (!g) this.groups.set(k, (g = { entries: new Map(), sorted: new Map() }));
      g.entries.set(entry.id, entry);
      for (const [dir, list] of g.sorted) list.splice(this.position(list, entry, dir), 0, entry);
    }
  }

  remove(doc: Doc): void {
    const id = idKey(doc._id);
    for (const k of this.groupKeys(doc)) {
      const g = this.groups.get(k);
      const entry = g?.entries.get(id);
      if (!g || !entry) continue;
      g.entries.delete(id);
      if (g.entries.size === 0) {
        this.groups.delete(k);
        continue;
      }
      for (const [dir, list] of g.sorted) {
        const i = this.position(list, entry, dir);
        if (list[i] === entry) list.splice(i, 1);
        else list.splice(list.indexOf(entry), 1);
      }
    }
  }

  /**
   * Keys of the documents whose leading field equals (or, as an array, contains) `value`, in index
   * order (`dir` 1) or reverse (-1); undefined when the value cannot be looked up.
   */
  walk(value: unknown, dir: 1 | -1): Iterable<string> | undefined {
    const k = scalarKey(value);
    if (k === undefined) return undefined;
    const g = this.groups.get(k);
    if (!g) return [];
    let list = g.sorted.get(dir);
    if (!list) {
      list = [...g.entries.values()].sort((a, b) => this.compare(a, b, dir));
      g.sorted.set(dir, list);
    }
    return (function* () {
      for (const e of list) yield e.id;
    })();
  }

  clear(): void {
    this.groups.clear();
    this.orderable = true;
  }

  /** First position in `list` whose entry does not sort before `e`. */
  private position(list: Entry[], e: Entry, dir: 1 | -1): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(list[mid]!, e, dir) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compare(a: Entry, b: Entry, dir: 1 | -1): number {
    for (let i = 0; i < this.directions.length; i++) {
      const c = compareValues(a.vals[i], b.vals[i]);
      if (c !== 0) return c * this.directions[i]! * dir;
    }
    return a.seq - b.seq;
  }
}

/** MongoDB's order of types for the scalars we index: null/missing, numbers, strings, booleans, dates. */
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  return 5;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  const x = ra === 9 ? (a as Date).getTime() : (a as number | string | boolean);
  const y = rb === 9 ? (b as Date).getTime() : (b as number | string | boolean);
  return x < y ? -1 : x > y ? 1 : 0;
}
