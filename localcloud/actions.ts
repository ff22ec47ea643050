import { runPipeline } from './aggregate';
import type { Change, DocumentDb } from './collections';
import { CloudError, duplicateKey, invalidParam, requestFailed } from './errors';
import { AGGREGATE_DEFAULT_LIMIT, AGGREGATE_MAX_LIMIT, GET_DEFAULT_LIMIT, GET_MAX_LIMIT } from './limits';
import { shape } from './query';
import type { Transaction, TransactionManager } from './transactions';
import { applyUpdate, newId, upsertDoc } from './updates';
import { decodeEjson, decodeObject, encodeDoc, idKey, isPlainObject, withId, type Doc } from './wire';

/** Parameters of one database request, as sent by the SDK (after JSON parsing of the body). */
export type Params = Record<string, unknown>;
/** What goes back in the response body next to `requestId`. */
export type ActionResult = Record<string, unknown>;

interface Ctx {
  db: DocumentDb;
  tx: TransactionManager;
}

/** database.* action handlers, keyed by action name. */
export const databaseActions: Record<string, (p: Params, ctx: Ctx) => ActionResult> = {
  'database.addCollection': (p, { db }) => {
    const name = requireName(p.collectionName);
    if (!db.createCollection(name)) {
      throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`);
    }
    return {};
  },

  'database.insertDocument': (p, ctx) => {
    const { db } = ctx;
    const coll = db.collection(p.collectionName);
    if (!Array.isArray(p.data) || p.data.length === 0) throw invalidParam('data must be a non-empty array');
    const now = Date.now();
    const docs = p.data.map((d) => {
      const doc = typeof d === 'string' ? decodeEjson(d, now) : d;
      if (!isPlainObject(doc)) throw invalidParam('each document must be an object');
      return doc._id !== undefined && doc._id !== null ? doc : withId(newId(), doc);
    });
    const keys = new Set<string>();
    for (const d of docs) {
      const k = idKey(d._id);
      if (keys.has(k)) throw dupId(db, coll.name, d._id);
      keys.add(k);
    }
    const tx = txOf(p, ctx);
    if (tx) {
      for (const d of docs) {
        if (tx.read(db, coll.name, idKey(d._id))) throw dupId(db, coll.name, d._id);
      }
      withTxWrites(
        ctx,
        tx,
        coll.name,
        docs.map((d) => [idKey(d._id), d]),
      );
    } else {
      db.commit(
        docs.map((d) => ({
          collection: coll.name,
          key: idKey(d._id),
          before: undefined,
          after: d,
        })),
      );
    }
    return { data: { insertedIds: docs.map((d) => d._id) } };
  },

  'database.getDocument': (p, ctx) => {
    const coll = ctx.db.collection(p.collectionName);
    const query = decodeObject(p.query);
    const projection = p.projection ? decodeObject(p.projection) : undefined;
    const tx = txOf(p, ctx);
    if (tx) {
      const key = docKey(p, query);
      const doc = tx.read(ctx.db, coll.name, key);
      const list = doc ? shape([doc], { projection }) : [];
      return { data: { list: list.map(encodeDoc) } };
    }
    const limit = clampLimit(p.limit);
    const offset = typeof p.offset === 'number' && p.offset > 0 ? Math.floor(p.offset) : 0;
    const list = coll.find(query, {
      order: decodeOrder(p.order),
      offset,
      limit,
      projection,
    });
    return { data: { list: list.map(encodeDoc), offset, limit } };
  },

  'database.calculateDocument': (p, { db }) => {
    const coll = db.collection(p.collectionName);
    return { data: { total: coll.count(decodeObject(p.query)) } };
  },

  'database.modifyDocument': (p, ctx) => {
    const { db } = ctx;
    const coll = db.collection(p.collectionName);
    const now = Date.now();
    const query = decodeObject(p.query, now);
    const data = decodeObject(p.data, now);
    const merge = p.merge !== false;
    const upsert = p.upsert === true;
    const multi = p.multi === true;
    const tx = txOf(p, ctx);
    if (tx) {
      const key = docKey(p, query);
      const before = tx.read(db, coll.name, key);
      if (!before) {
        if (!upsert) return { data: { updated: 0, upsert_id: null } };
        const doc = upsertDoc(query, data, merge, query._id);
        withTxWrites(ctx, tx, coll.name, [[key, doc]]);
        return { data: { updated: 0, upsert_id: doc._id } };
      }
      const next = applyUpdate(before, data, merge);
      if (next.changed) withTxWrites(ctx, tx, coll.name, [[key, next.doc]]);
      return { data: { updated: next.changed ? 1 : 0, upsert_id: null } };
    }
    const matches = coll.match(query, multi ? Infinity : 1);
    const changes: Change[] = [];
    for (const before of matches) {
      const next = applyUpdate(before, data, merge);
      if (next.changed)
        changes.push({
          collection: coll.name,
          key: idKey(before._id),
          before,
          after: next.doc,
        });
    }
    if (matches.length === 0 && upsert) {
      const id = query._id !== undefined && !isPlainObject(query._id) ? query._id : newId();
      const doc = upsertDoc(query, data, merge, id);
      db.commit([
        {
          collection: coll.name,
          key: idKey(id),
          before: undefined,
          after: doc,
        },
      ]);
      return { data: { updated: 0, upsert_id: id } };
    }
    db.commit(changes);
    return { data: { updated: changes.length, upsert_id: null } };
  },

  'database.removeDocument': (p, ctx) => {
    const { db } = ctx;
    const coll = db.collection(p.collectionName);
    const query = decodeObject(p.query);
    const tx = txOf(p, ctx);
    if (tx) {
      const key = docKey(p, query);
      if (!tx.read(db, coll.name, key)) return { data: { deleted: 0 } };
      withTxWrites(ctx, tx, coll.name, [[key, null]]);
      return { data: { deleted: 1 } };
    }
    const matches = coll.match(query, p.multi === true ? Infinity : 1);
    db.commit(
      matches.map((d) => ({
        collection: coll.name,
        key: idKey(d._id),
        before: d,
        after: undefined,
      })),
    );
    return { data: { deleted: matches.length } };
  },

  'database.aggregateDocuments': (p, { db }) => {
    const coll = db.collection(p.collectionName);
    if (!Array.isArray(p.stages)) throw invalidParam('stages must be an array');
    const now = Date.now();
    const pipeline: Doc[] = p.stages.map((s: unknown) => {
      const st = s as { stageKey?: unknown; stageValue?: unknown };
      if (typeof st.stageKey !== 'string' || !st.stageKey.startsWith('$') || typeof st.stageValue !== 'string') {
        throw invalidParam('bad aggregation stage');
      }
      return { [st.stageKey]: decodeEjson(st.stageValue, now) };
    });
    const hasLimit = pipeline.some((s) => '$limit' in s);
    let out = runPipeline(db, coll, pipeline);
    out = out.slice(0, hasLimit ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT);
    return { data: { list: out.map(encodeDoc) } };
  },

  'database.startTransaction': (_p, { tx }) => ({
    transactionId: tx.start().id,
  }),
  'database.commitTransaction': (p, { tx }) => {
    tx.commit(p.transactionId);
    return {};
  },
  'database.abortTransaction': (p, { tx }) => {
    tx.abort(p.transactionId);
    return {};
  },
};

function requireName(name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam(`bad collection name: ${String(name)}`);
  return name;
}

function dupId(db: DocumentDb, coll: string, id: unknown): CloudError {
  return duplicateKey(db.env, coll, '_id_', { _id: id });
}

function txOf(p: Params, ctx: Ctx): Transaction | undefined {
  if (p.transactionId === undefined || p.transactionId === null || p.transactionId === '') return undefined;
  return ctx.tx.get(p.transactionId);
}

/** Key of the single document a transactional request addresses (CloudBase transactions are doc-only). */
function docKey(p: Params, query: Doc): string {
  if (p.queryType !== 'DOC' || query._id === undefined || isPlainObject(query._id)) {
    throw requestFailed('transactions support only single-document operations: doc(id).get/set/update/remove and add');
  }
  return idKey(query._id);
}

/** Stage writes in a transaction, rejecting (and undoing) them if they break a unique index. */
function withTxWrites(ctx: Ctx, tx: Transaction, coll: string, writes: [string, Doc | null][]): void {
  const overlay = tx.overlay(coll);
  const saved = writes.map(([k]) => [k, overlay.has(k), overlay.get(k)] as const);
  try {
    for (const [k, d] of writes) ctx.tx.write(tx, coll, k, d);
    ctx.db.validate(tx.changes(ctx.db).filter((c) => c.collection === coll));
  } catch (e) {
    for (const [k, had, v] of saved) {
      if (had) overlay.set(k, v ?? null);
      else overlay.delete(k);
    }
    throw e;
  }
}

/** get()'s limit as CloudBase applies it: default 100, at most 1000. */
export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) return GET_DEFAULT_LIMIT;
  return Math.min(Math.floor(limit), GET_MAX_LIMIT);
}

function decodeOrder(order: unknown): Doc | undefined {
  if (order === undefined || order === null || order === '') return undefined;
  const v = typeof order === 'string' ? decodeEjson(order) : order;
  // Older SDKs send [{ field, direction }].
  if (Array.isArray(v)) {
    const o: Doc = {};
    for (const e of v as { field?: string; direction?: string }[]) if (e.field) o[e.field] = e.direction === 'desc' ? -1 : 1;
    return o;
  }
  return isPlainObject(v) ? v : undefined;
}
