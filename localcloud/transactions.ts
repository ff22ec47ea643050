import { randomBytes } from 'node:crypto';
import type { Change, DocumentDb } from './collections';
import { CloudError, transactionConflict } from './errors';
import { TRANSACTION_LIFETIME_MS } from './limits';
import type { Doc } from './wire';

/**
 * A CloudBase transaction (db.startTransaction / db.runTransaction). The SDK sends the ordinary
 * document actions with a `transactionId`; their writes go to this private overlay and reach the
 * database only on commit, atomically. Isolation: reads see committed data plus the transaction's
 * own writes. A write conflict (the document was written by someone else after the transaction
 * started, or is held by another live transaction) fails with DATABASE_TRANSACTION_CONFLICT, which
 * the SDK's runTransaction retries, as on CloudBase (MongoDB WriteConflict).
 */
export class Transaction {
  /** collection → key → document after the transaction (null = deleted). */
  readonly writes = new Map<string, Map<string, Doc | null>>();
  readonly startVersion: number;
  conflicted = false;
  lastUsed = Date.now();

  constructor(
    readonly id: string,
    db: DocumentDb,
  ) {
    this.startVersion = db.version;
  }

  overlay(collection: string): Map<string, Doc | null> {
    let m = this.writes.get(collection);
    if (!m) this.writes.set(collection, (m = new Map()));
    return m;
  }

  /** The document as this transaction sees it: own write, else committed. */
  read(db: DocumentDb, collection: string, key: string): Doc | undefined {
    const own = this.writes.get(collection)?.get(key);
    if (own !== undefined) return own ?? undefined;
    return db.collection(collection).getByKey(key);
  }

  holds(collection: string, key: string): boolean {
    return this.writes.get(collection)?.has(key) ?? false;
  }

  /** Change set of this transaction against the current committed state. */
  changes(db: DocumentDb): Change[] {
    const out: Change[] = [];
    for (const [collection, m] of this.writes) {
      const coll = db.collection(collection);
      for (const [key, after] of m) {
        const before = coll.getByKey(key);
        if (!before && !after) continue;
        out.push({ collection, key, before, after: after ?? undefined });
      }
    }
    return out;
  }
}

/** Live transactions of one environment. */
export class TransactionManager {
  private readonly live = new Map<string, Transaction>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: DocumentDb) {
    db.commitListeners.push((changes, origin) => {
      for (const tx of this.live.values()) {
        if (tx === origin) continue;
        if (changes.some((c) => tx.holds(c.collection, c.key))) tx.conflicted = true;
      }
    });
    this.timer = setInterval(() => this.expire(), 5_000);
    this.timer.unref();
  }

  start(): Transaction {
    const tx = new Transaction(randomBytes(12).toString('hex'), this.db);
    this.live.set(tx.id, tx);
    return tx;
  }

  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.live.get(id) : undefined;
    if (!tx) throw new CloudError('DATABASE_REQUEST_FAILED', `[NoSuchTransaction] transaction ${String(id)} does not exist or has ended`);
    tx.lastUsed = Date.now();
    return tx;
  }

  /** Record a write in the transaction after checking for conflicts. */
  write(tx: Transaction, collection: string, key: string, after: Doc | null): void {
    for (const other of this.live.values()) {
      if (other !== tx && other.holds(collection, key)) {
        throw transactionConflict(`document ${key} in ${collection} is being written by another transaction`);
      }
    }
    const rec = this.db.collection(collection).recs.get(key);
    if (rec && rec.ver > tx.startVersion && !tx.holds(collection, key)) {
      throw transactionConflict(`document ${key} in ${collection} changed after the transaction started`);
    }
    tx.overlay(collection).set(key, after);
  }

  commit(id: unknown): void {
    const tx = this.get(id);
    this.live.delete(tx.id);
    if (tx.conflicted) throw transactionConflict('a document written by this transaction was changed by another write');
    this.db.commit(tx.changes(this.db), tx);
  }

  abort(id: unknown): void {
    const tx = this.get(id);
    this.live.delete(tx.id);
  }

  private expire(): void {
    const cutoff = Date.now() - TRANSACTION_LIFETIME_MS;
    for (const [id, tx] of this.live) if (tx.lastUsed < cutoff) this.live.delete(id);
  }

  clear(): void {
    this.live.clear();
  }

  close(): void {
    clearInterval(this.timer);
  }
}
