import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** One durable change: `body === null` deletes the document. */
export interface StoredChange {
  collection: string;
  key: string;
  body: string | null;
}

/**
 * Durable store: one SQLite file in WAL mode. Every acknowledged request's changes are committed
 * in a single SQLite transaction before the HTTP response is written, so they survive `kill -9`
 * (and, with synchronous=FULL, power loss). Reads never touch SQLite: the memory copy serves them.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly applyTx: (changes: StoredChange[]) => void;

  constructor(dataDir: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'localcloud.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    // Bulk loads insert into a large (coll, key) B-tree; a bigger page cache keeps that off the disk.
    this.db.pragma('cache_size = -65536');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, createdAt INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        seq INTEGER PRIMARY KEY,
        coll TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (coll, key)
      );`);
    this.upsertStmt = this.db.prepare(
      'INSERT INTO documents (coll, key, body) VALUES (?, ?, ?) ON CONFLICT (coll, key) DO UPDATE SET body = excluded.body',
    );
    this.deleteStmt = this.db.prepare('DELETE FROM documents WHERE coll = ? AND key = ?');
    this.applyTx = this.db.transaction((changes: StoredChange[]) => {
      for (const c of changes) {
        if (c.body === null) this.deleteStmt.run(c.collection, c.key);
        else this.upsertStmt.run(c.collection, c.key, c.body);
      }
    });
  }

  collectionNames(): string[] {
    return (this.db.prepare('SELECT name FROM collections ORDER BY createdAt, name').all() as { name: string }[]).map((r) => r.name);
  }

  createCollection(name: string): void {
    this.db.prepare('INSERT OR IGNORE INTO collections (name, createdAt) VALUES (?, ?)').run(name, Date.now());
  }

  /** Stream every stored document in insertion order (MongoDB's natural order). */
  *documents(): IterableIterator<{ coll: string; key: string; body: string }> {
    yield* this.db.prepare('SELECT coll, key, body FROM documents ORDER BY seq').iterate() as IterableIterator<{
      coll: string;
      key: string;
      body: string;
    }>;
  }

  /** Apply a change set atomically (all or nothing). */
  apply(changes: StoredChange[]): void {
    if (changes.length > 0) this.applyTx(changes);
  }

  /** Drop everything (tests only). */
  reset(): void {
    this.db.exec('DELETE FROM documents; DELETE FROM collections;');
  }

  close(): void {
    this.db.close();
  }
}
