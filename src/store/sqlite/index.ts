// The SQLite adapter of the store (better-sqlite3: one file, fast batched writes), the embedded default.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { EventRecord } from '../../types.ts';
import { cellOf, mentionKey } from '../../resolve/resolve.ts';
import type { Db, Snapshot, StoreAdapter, Tables } from '../adapter.ts';
import { MIGRATIONS } from './migrations.ts';

export interface SqliteStoreOptions {
  readonly readonly?: boolean;
}

/**
 * How long a statement waits for another connection's write lock before SQLITE_BUSY. Writers take
 * the lock when their transaction begins (BEGIN IMMEDIATE), so a second ingest waits here for the
 * first one's batch to commit, and the ingest retries a batch that waited longer (ingest.ts).
 */
const BUSY_TIMEOUT_MS = 10_000;

/** Each statement prepared once per connection: the shared queries are few, and ingest runs them thousands of times. */
function cachingStatements(connection: Database.Database): Database.Database {
  const prepared = new Map<string, Database.Statement>();
  return new Proxy(connection, {
    get(target, property) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (text: string) => {
        let s = prepared.get(text);
        if (!s) {
          s = target.prepare(text);
          // SQL built from an API query varies with the user's filters: those are not kept.
          if (prepared.size < 500) prepared.set(text, s);
        }
        return s;
      };
    },
  });
}

export class SqliteAdapter implements StoreAdapter {
  private readonly connection: Database.Database;
  readonly db: Db;
  readonly target: string;
  /** SQLite binds up to 32,766 values in one statement. */
  readonly maxListLength = 30_000;

  constructor(readonly path: string, { readonly = false }: SqliteStoreOptions = {}) {
    this.target = path;
    try {
      this.connection = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
    } catch (e) {
      throw new Error(`${path}: cannot open database (${(e as Error).message})`);
    }
    try {
      if (!readonly) this.connection.pragma('journal_mode = WAL');
      this.connection.pragma('foreign_keys = ON');
      if (readonly) this.checkSchema();
      else this.migrate();
    } catch (e) {
      this.connection.close();
      throw new Error(`${path}: not a vigie database (${(e as Error).message})`);
    }
    this.db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingStatements(this.connection) }) });
  }

  private checkSchema(): void {
    const v = this.connection.pragma('user_version', { simple: true }) as number;
    if (v !== MIGRATIONS.length) throw new Error(`schema version ${v}, this vigie reads ${MIGRATIONS.length}: open it once for writing (vigie ingest) to migrate`);
  }

  private migrate(): void {
    const version = () => this.connection.pragma('user_version', { simple: true }) as number;
    const current = version();
    if (current > MIGRATIONS.length) throw new Error(`database schema ${current} is newer than this vigie (${MIGRATIONS.length})`);
    if (current < MIGRATIONS.length) {
      // Two ingests may open a new database at once: the version is read again under the write lock,
      // and the second finds the schema made.
      this.connection.transaction(() => {
        for (let v = version(); v < MIGRATIONS.length; v++) {
          this.connection.exec(MIGRATIONS[v]!);
          this.connection.pragma(`user_version = ${v + 1}`);
        }
      }).immediate();
    }
    // Mentions stored before resolution existed get their keys now; they resolve at the next ingest.
    const missing = this.connection.prepare('SELECT m.id, m.record, d.name FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.key IS NULL').all() as { id: string; record: string; name: string }[];
    if (missing.length) {
      const update = this.connection.prepare('UPDATE mentions SET key = ?, cell = ?, day = ?, published_day = ? WHERE id = ?');
      this.connection.transaction(() => {
        for (const m of missing) {
          const k = mentionKey({ id: m.id, document: m.name, record: JSON.parse(m.record) as EventRecord });
          update.run(JSON.stringify(k), k.lat !== null && k.lon !== null ? cellOf(k.lat, k.lon) : null, k.day, k.published, m.id);
        }
      }).immediate();
    }
  }

  /** A write transaction takes the write lock as it begins (IMMEDIATE): one that read first and then
   *  found another writer's commit could only fail, where this one waits its turn. */
  async beginWrite(connection: Db): Promise<void> {
    // The lock is asked for without SQLite's own wait, which would block the whole process: another
    // connection of this process that holds the lock could never finish its transaction meanwhile.
    // The wait is here instead, between tries, for as long as the busy timeout.
    const start = Date.now();
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      this.connection.pragma('busy_timeout = 0');
      try {
        await sql`BEGIN IMMEDIATE`.execute(connection);
        return;
      } catch (e) {
        if (!this.isBusy(e) || Date.now() - start > BUSY_TIMEOUT_MS) throw e;
      } finally {
        this.connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** The text index (FTS5) shares the events' rowids: a row is found by key in both, never by a scan. */
  async indexEventText(db: Db, eventId: string, text: string): Promise<void> {
    await sql`INSERT INTO events_text (rowid, text) SELECT rowid, ${text} FROM events WHERE id = ${eventId}`.execute(db);
  }

  async dropEventText(db: Db, eventId: string): Promise<void> {
    await sql`DELETE FROM events_text WHERE rowid = (SELECT rowid FROM events WHERE id = ${eventId})`.execute(db);
  }

  textMatches(words: readonly string[]): Expression<SqlBool> {
    // Each word becomes a quoted FTS phrase: the user's text is matched, never parsed as a query.
    const phrases = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
    return sql<SqlBool>`rowid IN (SELECT rowid FROM events_text WHERE events_text MATCH ${phrases})`;
  }

  /** SQLite's full-text index gives a selection's rows in its own order; they are counted exactly. */
  readonly sampling = null;

  floorOf(value: Expression<number>): RawBuilder<number> {
    return sql<number>`CAST(${value} AS INTEGER)`;
  }

  inCells(cells: readonly number[], column?: 'box_cell'): Expression<SqlBool> {
    // The expression of the index events_box_cell (the tenth migration), word for word.
    const cell = column ? sql.ref(column) : sql`(CAST((lat + 90) * 4 AS INTEGER) * 1440 + CAST((lon + 180) * 4 AS INTEGER))`;
    return sql<SqlBool>`${cell} IN (SELECT value FROM json_each(${JSON.stringify(cells)}))`;
  }

  readonly nowMs = sql<number>`((julianday('now') - 2440587.5) * 86400000.0)`;
  /** A claim is one UPDATE, and SQLite runs one write at a time. */
  readonly skipsLockedRows = false;
  /** SQLite has no GROUPING SETS: statistics are four statements, each on an index of its own. */
  readonly groupingSets = false;

  async snapshot(): Promise<Snapshot> {
    // A read-only connection of its own: a statement being read holds one state of the file (WAL).
    const connection = new Database(this.path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }) });
    return { db, release: () => db.destroy() };
  }

  async afterCopy(): Promise<void> {
    // INTEGER PRIMARY KEY continues after the highest rowid by itself.
  }

  /** SQLite's "database is locked" (another connection writes): retried, never blamed on a document. */
  isBusy(error: unknown): boolean {
    const code = (error as { code?: unknown })?.code;
    return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
  }

  async close(): Promise<void> {
    // Kysely's destroy closes the connection it was given.
    await this.db.destroy();
  }
}
