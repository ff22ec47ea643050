import { readFileSync } from 'node:fs';
import { getPath, idKey, type Doc } from './wire';

/** One index as declared in `localcloud/indexes.json` (and created the same way on CloudBase). */
export interface IndexSpec {
  name: string;
  /** Field path → 1 | -1. Order matters only for compound keys. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/** `{ "<collection>": IndexSpec[] }` */
export type IndexFile = Record<string, IndexSpec[]>;

/** Read and validate an index file. Keys starting with `$` (e.g. `$comment`) are ignored. */
export function loadIndexFile(path: string): IndexFile {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const out: IndexFile = {};
  for (const [coll, list] of Object.entries(raw)) {
    if (coll.startsWith('$')) continue;
    if (!Array.isArray(list)) throw new Error(`indexes.json: ${coll} must be an array`);
    out[coll] = list.map((s: IndexSpec) => {
      if (!s || typeof s.name !== 'string' || !s.keys || Object.keys(s.keys).length === 0) {
        throw new Error(`indexes.json: bad index in ${coll}: ${JSON.stringify(s)}`);
      }
      return { name: s.name, keys: s.keys, unique: s.unique === true };
    });
  }
  return out;
}

/** Hash key of one scalar value; `undefined` when the value cannot be hashed for equality. */
export function scalarKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return 'n' + v;
    case 'boolean':
      return v ? 'T' : 'F';
    default:
      if (v instanceof Date) return 'd' + v.getTime();
      return undefined;
  }
}

/**
 * Non-unique equality index on one field (multikey: each element of an array value is indexed, as in
 * MongoDB). It only narrows candidates; the query is still evaluated by mingo on each candidate.
 */
export class HashIndex {
  private readonly map = new Map<string, Set<string>>();
  constructor(readonly field: string) {}

  private keysOf(doc: Doc): string[] {
    const v = getPath(doc, this.field);
    if (!Array.isArray(v)) {
      const k = scalarKey(v);
      return k === undefined ? [] : [k];
    }
    const out: string[] = [];
    for (const x of v) {
      const k = scalarKey(x);
      if (k !== undefined) out.push(k);
    }
    return out;
  }

  add(doc: Doc): void {
    const v = getPath(doc, this.field);
    if (!Array.isArray(v)) {
      // The common case: one scalar, no intermediate array.
      const k = scalarKey(v);
      if (k !== undefined) this.addKey(k, idKey(doc._id));
      return;
    }
    const id = idKey(doc._id);
    for (const k of this.keysOf(doc)) this.addKey(k, id);
  }

  private addKey(k: string, id: string): void {
    let s = this.map.get(k);
    if (!s) this.map.set(k, (s = new Set()));
    s.add(id);
  }

  remove(doc: Doc): void {
    const id = idKey(doc._id);
    for (const k of this.keysOf(doc)) {
      const s = this.map.get(k);
      if (!s) continue;
      s.delete(id);
      if (s.size === 0) this.map.delete(k);
    }
  }

  /** Ids whose field equals (or, for arrays, contains) `value`; undefined = cannot answer. */
  lookup(value: unknown): Set<string> | undefined {
    const k = scalarKey(value);
    if (k === undefined) return undefined;
    return this.map.get(k) ?? new Set();
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * Unique index. Sparse: a document missing every key field is not indexed and never collides.
 * The whole value (arrays included) forms the key.
 */
export class UniqueIndex {
  private readonly map = new Map<string, string>();
  readonly fields: string[];
  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
  }

  /** Whether some indexed value was an array (then equality lookups through this index are unsafe). */
  private sawArray = false;

  /** Key of a document for this index, or undefined when sparse-skipped. */
  keyOf(doc: Doc | undefined): string | undefined {
    if (!doc) return undefined;
    if (this.fields.length === 1) {
      const v = getPath(doc, this.fields[0]!);
      return v === undefined ? undefined : this.keyOfValues([v]);
    }
    const vals = this.fields.map((f) => getPath(doc, f));
    if (vals.every((v) => v === undefined)) return undefined;
    return this.keyOfValues(vals);
  }

  /** Index key of the values; a lone scalar (the common case) skips JSON. Never starts with '[' unless JSON. */
  keyOfValues(vals: unknown[]): string {
    if (vals.length === 1) {
      const k = scalarKey(vals[0]);
      if (k !== undefined) return k;
    }
    return JSON.stringify(vals.map((v) => (v instanceof Date ? { $date: v.getTime() } : (v ?? null))));
  }

  /** True when a single-field equality query may be answered from this index. */
  lookupSafe(): boolean {
    return this.fields.length === 1 && !this.sawArray;
  }

  /** The key values of a document, for the duplicate-key message. */
  keyValues(doc: Doc): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const f of this.fields) o[f] = getPath(doc, f);
    return o;
  }

  owner(key: string): string | undefined {
    return this.map.get(key);
  }

  add(doc: Doc): void {
    const k = this.keyOf(doc);
    if (k === undefined) return;
    if (!this.sawArray && k.charCodeAt(0) === 91 /* [ */ && this.fields.some((f) => Array.isArray(getPath(doc, f)))) this.sawArray = true;
    this.map.set(k, idKey(doc._id));
  }

  remove(doc: Doc): void {
    const k = this.keyOf(doc);
    if (k !== undefined && this.map.get(k) === idKey(doc._id)) this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }
}
