import { HashIndex, UniqueIndex, type IndexFile, type IndexSpec } from './indexes';
import { OrderedIndex } from './ordered-index';
import { candidateKeys, compileQuery, shape } from './query';
import { Store, type StoredChange } from './store';
import { collectionNotExist, duplicateKey, invalidParam, type CloudError } from './errors';
import { decodeStoredDoc, encodeDoc, idKey, isPlainObject, type Doc } from './wire';

/** A stored document with its natural-order position and the version of its last write. */
export interface Rec {
  doc: Doc;
  seq: number;
  ver: number;
}

/** One document's change within an atomic write. `before`/`after` undefined = absent. */
export interface Change {
  collection: string;
  key: string;
  before: Doc | undefined;
  after: Doc | undefined;
}

export interface FindOptions {
  order?: Doc | undefined;
  offset?: number;
  limit?: number;
  projection?: Doc | undefined;
}

/** Documents read to answer queries (tested against a filter or joined), summed over a database. */
export interface Meter {
  examined: number;
}

/** One collection held in memory, with its declared indexes. */
export class Collection {
  readonly recs = new Map<string, Rec>();
  readonly hash = new Map<string, HashIndex>();
  readonly unique = new Map<string, UniqueIndex>();
  readonly uniqueList: UniqueIndex[] = [];
  /** Compound indexes, ordered by their keys after the first (see ordered-index.ts). */
  readonly ordered: OrderedIndex[] = [];
  private array: Doc[] | undefined;

  constructor(
    readonly name: string,
    specs: IndexSpec[],
    readonly meter: Meter = { examined: 0 },
  ) {
    for (const spec of specs) {
      const fields = Object.keys(spec.keys);
      if (OrderedIndex.applies(spec)) this.ordered.push(new OrderedIndex(spec));
      if (spec.unique) {
        const ui = new UniqueIndex(spec);
        this.uniqueList.push(ui);
        if (fields.length === 1) this.unique.set(fields[0]!, ui);
      }
      // Equality fast path on the leading field, unless a unique index already answers it.
      const lead = fields[0]!;
      if (!(spec.unique && fields.length === 1) && !this.hash.has(lead)) this.hash.set(lead, new HashIndex(lead));
    }
  }

  get size(): number {
    return this.recs.size;
  }

  /** All documents in natural order (cached until the next write). */
  docs(): Doc[] {
    if (!this.array) this.array = Array.from(this.recs.values(), (r) => r.doc);
    return this.array;
  }

  getByKey(key: string): Doc | undefined {
    return this.recs.get(key)?.doc;
  }

  /** Every matching document in natural order. `stopAfter` ends the scan early (unsorted paging). */
  match(query: Doc, stopAfter = Infinity): Doc[] {
    const test = compileQuery(query);
    const out: Doc[] = [];
    const cands = candidateKeys(query, this);
    // Like a query planner: an index that selects most of the collection is slower than a scan.
    let examined = 0;
    if (cands && (Array.isArray(cands) ? cands.length : cands.size) * 4 < this.recs.size + 4) {
      for (const doc of this.byKeysInOrder(cands)) {
        examined++;
        if (test(doc)) out.push(doc);
        if (out.length >= stopAfter) break;
      }
    } else {
      for (const r of this.recs.values()) {
        examined++;
        if (test(r.doc)) out.push(r.doc);
        if (out.length >= stopAfter) break;
      }
    }
    this.meter.examined += examined;
    return out;
  }

  /** The documents with these keys, in natural order (missing keys skipped). */
  byKeysInOrder(keys: Iterable<string>): Doc[] {
    const recs: Rec[] = [];
    for (const k of keys) {
      const r = this.recs.get(k);
      if (r) recs.push(r);
    }
    if (recs.length > 1) recs.sort((a, b) => a.seq - b.seq);
    return recs.map((r) => r.doc);
  }

  /**
   * Keys of the documents whose `field` equals (or, as an array, contains) the scalar `value`, from a
   * declared index; undefined when no index on `field` can answer.
   */
  lookupKeys(field: string, value: unknown): string[] | Set<string> | undefined {
    return candidateKeys({ [field]: value }, this);
  }

  find(query: Doc, opts: FindOptions): Doc[] {
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? Infinity;
    if (!opts.order || Object.keys(opts.order).length === 0) {
      const page = this.match(query, offset + limit).slice(offset);
      return opts.projection && Object.keys(opts.projection).length ? shape(page, { projection: opts.projection }) : page;
    }
    return shape(this.match(query), {
      ...opts,
      offset,
      limit: Number.isFinite(limit) ? limit : undefined!,
    });
  }

  count(query: Doc): number {
    if (Object.keys(query).length === 0) return this.recs.size;
    return this.match(query).length;
  }

  /** @internal apply a validated change to memory. */
  applyChange(c: Change, seq: () => number, ver: number): void {
    if (c.before) {
      for (const hi of this.hash.values()) hi.remove(c.before);
      for (const ui of this.uniqueList) ui.remove(c.before);
      for (const oi of this.ordered) oi.remove(c.before);
    }
    if (c.after) {
      const existing = this.recs.get(c.key);
      const at = existing ? existing.seq : seq();
      this.recs.set(c.key, {
        doc: c.after,
        seq: at,
        ver,
      });
      for (const hi of this.hash.values()) hi.add(c.after);
      for (const ui of this.uniqueList) ui.add(c.after);
      for (const oi of this.ordered) oi.add(c.after, at);
    } else {
      this.recs.delete(c.key);
    }
    this.array = undefined;
  }

  clear(): void {
    this.recs.clear();
    for (const hi of this.hash.values()) hi.clear();
    for (const ui of this.uniqueList) ui.clear();
    for (const oi of this.ordered) oi.clear();
    this.array = undefined;
  }
}

/**
 * The environment's database: collections in memory, SQLite underneath. All writes go through
 * {@link DocumentDb.commit}, which validates unique constraints for the whole change set, persists it
 * in one SQLite transaction and only then updates memory, so a rejected write changes nothing.
 */
export class DocumentDb {
  private readonly collections = new Map<string, Collection>();
  private nextSeq = 1;
  /** Monotonic write version; transactions use it to detect write conflicts. */
  version = 0;
  /** Documents examined by queries so far (exposed in `/_stats` as documentsExamined). */
  readonly meter: Meter = { examined: 0 };
  /** Called after every successful commit (transactions watch for conflicting writes). */
  readonly commitListeners: ((changes: Change[], origin: unknown) => void)[] = [];

  constructor(
    readonly env: string,
    private readonly store: Store,
    private readonly indexes: IndexFile,
  ) {
    for (const name of store.collectionNames()) this.collections.set(name, new Collection(name, indexes[name] ?? [], this.meter));
    for (const row of store.documents()) {
      const coll = this.collections.get(row.coll);
      if (!coll) continue;
      const doc = decodeStoredDoc(row.body);
      coll.applyChange({ collection: row.coll, key: row.key, before: undefined, after: doc }, () => this.nextSeq++, 0);
    }
    // CloudBase needs collections created before use; the declared ones always exist here.
    for (const name of Object.keys(indexes)) this.createCollection(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  /** The named collection, or DATABASE_COLLECTION_NOT_EXIST. */
  collection(name: unknown): Collection {
    const c = typeof name === 'string' ? this.collections.get(name) : undefined;
    if (!c) throw collectionNotExist(String(name));
    return c;
  }

  /** Create a collection; returns false if it already existed. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.store.createCollection(name);
    this.collections.set(name, new Collection(name, this.indexes[name] ?? [], this.meter));
    return true;
  }

  /** Throws the duplicate-key error a change set would cause, if any. Keys must be distinct per collection. */
  validate(changes: Change[]): void {
    const byColl = new Map<string, Change[]>();
    for (const c of changes) {
      let l = byColl.get(c.collection);
      if (!l) byColl.set(c.collection, (l = []));
      l.push(c);
    }
    for (const [name, list] of byColl) {
      const coll = this.collection(name);
      const byKey = new Map<string, Change>();
      for (const c of list) byKey.set(c.key, c);
      for (const c of list) {
        if (!c.before && c.after && coll.recs.has(c.key)) throw this.dup(name, '_id_', { _id: c.after._id });
      }
      for (const ui of coll.uniqueList) {
        const claimed = new Map<string, string>();
        for (const c of list) {
          if (!c.after) continue;
          const k = ui.keyOf(c.after);
          if (k === undefined) continue;
          const prior = claimed.get(k);
          if (prior !== undefined && prior !== c.key) throw this.dup(name, ui.spec.name, ui.keyValues(c.after));
          claimed.set(k, c.key);
          const owner = ui.owner(k);
          if (owner === undefined || owner === c.key) continue;
          const ownerChange = byKey.get(owner);
          if (!ownerChange || ui.keyOf(ownerChange.after) === k) throw this.dup(name, ui.spec.name, ui.keyValues(c.after));
        }
      }
    }
  }

  private dup(coll: string, index: string, key: Record<string, unknown>): CloudError {
    return duplicateKey(this.env, coll, index, key);
  }

  /** Validate, persist (one SQLite transaction), then apply to memory. */
  commit(changes: Change[], origin?: unknown): void {
    if (changes.length === 0) return;
    this.validate(changes);
    const stored: StoredChange[] = changes.map((c) => ({
      collection: c.collection,
      key: c.key,
      body: c.after ? encodeDoc(c.after) : null,
    }));
    this.store.apply(stored);
    const ver = ++this.version;
    for (const c of changes) this.collection(c.collection).applyChange(c, () => this.nextSeq++, ver);
    for (const l of this.commitListeners) l(changes, origin);
  }

  /**
   * Bulk load (seeding, benchmarks): insert or replace documents by `_id` in one atomic commit,
   * with the same unique-index checks as any write. Returns how many documents were written.
   */
  load(collection: string, docs: Doc[]): number {
    if (!this.has(collection)) this.createCollection(collection);
    const coll = this.collection(collection);
    const seen = new Set<string>();
    const changes: Change[] = docs.map((d) => {
      if (!isPlainObject(d) || d._id === undefined || d._id === null) throw invalidParam('each document needs an _id');
      const key = idKey(d._id);
      if (seen.has(key)) throw invalidParam(`_id ${String(d._id)} appears twice in one load`);
      seen.add(key);
      return { collection, key, before: coll.getByKey(key), after: d };
    });
    this.commit(changes);
    return changes.length;
  }

  /** Version of a document's last write (0 = loaded at startup or absent). */
  versionOf(collection: string, key: string): number {
    return this.collections.get(collection)?.recs.get(key)?.ver ?? 0;
  }

  /** Empty every collection and forget undeclared ones (tests only). */
  reset(): void {
    this.store.reset();
    this.collections.clear();
    for (const name of Object.keys(this.indexes)) this.createCollection(name);
  }
}

export { idKey };
