// The PostgreSQL adapter of the store: one server database shared by many processes on many machines
// (node-postgres connections, pg-cursor for streamed reads).
import pg from 'pg';
import Cursor from 'pg-cursor';
import { Kysely, PostgresDialect, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Snapshot, StoreAdapter, Tables } from '../adapter.ts';
import { MIGRATIONS } from './migrations.ts';

export interface PostgresOptions {
  readonly readonly?: boolean;
}

/** A schema name as given in ?schema=: plain letters, digits and underscores, so it can be named in SQL as is. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The target without its password, for messages. */
function withoutPassword(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href;
}

/** Words as the text index holds them: lower case, without diacritics (as SQLite's remove_diacritics 2). */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export class PostgresAdapter implements StoreAdapter {
  /** PostgreSQL binds up to 65,535 values in one statement. */
  readonly maxListLength = 30_000;

  private constructor(readonly target: string, readonly db: Db, private readonly pool: pg.Pool, readonly schema: string) {}

  /**
   * Connects to `postgres://…` and brings the schema up to date. `?schema=name` keeps vigie's tables
   * in a schema of that name (made if missing), so that several vigie databases (or test runs) share
   * one PostgreSQL database without meeting; the default is `public`.
   */
  static async open(target: string, { readonly = false }: PostgresOptions = {}): Promise<PostgresAdapter> {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new Error(`${target}: not a PostgreSQL address (postgres://user@host:port/database)`);
    }
    const shown = withoutPassword(url);
    const schema = url.searchParams.get('schema') ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`${shown}: schema must be letters, digits and underscores, got '${schema}'`);
    url.searchParams.delete('schema');
    // No JIT compilation: the API's statements are short reads of indexes, and compiling one that the
    // planner costs high (a count over a large selection) took 50 ms of its 70 (EXPLAIN ANALYZE on
    // 1,000,000 events) on servers where jit is on, as it is by default.
    const pool = new pg.Pool({ connectionString: url.href, options: `-c search_path=${schema} -c jit=off`, max: 8, connectionTimeoutMillis: 10_000 });
    // An idle connection the server dropped is replaced at the next query; the error is not the process's end.
    pool.on('error', () => undefined);
    try {
      await migrate(pool, schema, readonly);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new Error(`${shown}: cannot open database (${(e as Error).message})`);
    }
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    return new PostgresAdapter(shown, db, pool, schema);
  }

  /**
   * Writers take turns, one transaction at a time per vigie database, as with SQLite's write lock:
   * resolution reads a new report's neighbours (its map cells, and its whole country over its days)
   * and rewrites the events they form, so two writers resolving at once could each make an event of
   * the same reports. A lock per map cell would not cover the country-wide reads; one lock held for
   * the short write (extraction, the costly part, runs before it, in parallel) keeps every ingest
   * equal to one after the other. The lock is released by the commit or rollback, and by the server
   * when a worker dies mid-transaction.
   */
  async beginWrite(connection: Db): Promise<void> {
    await sql`BEGIN`.execute(connection);
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`vigie-write:${this.schema}`}))`.execute(connection);
  }

  async indexEventText(db: Db, eventId: string, text: string): Promise<void> {
    await sql`UPDATE events SET search = to_tsvector('simple', ${folded(text)}) WHERE id = ${eventId}`.execute(db);
  }

  async dropEventText(): Promise<void> {
    // The text's index is a column of the event's row: it goes with the row.
  }

  textMatches(words: readonly string[]): Expression<SqlBool> {
    // plainto_tsquery reads words, never operators: every word must be there, as with SQLite's phrases.
    return sql<SqlBool>`search @@ plainto_tsquery('simple', ${folded(words.join(' '))})`;
  }

  readonly sampling = {
    /** The planner's estimate, from its statistics of the words (ANALYZE): nothing is read. */
    async estimate(db: Db, where: Expression<SqlBool>): Promise<number> {
      const r = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM events WHERE ${where}`.execute(db);
      return Number(r.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
    },
    /** A sample of the table's pages (TABLESAMPLE SYSTEM), the same pages every time (REPEATABLE). */
    events(percent: number): RawBuilder<unknown> {
      return sql`(SELECT * FROM events TABLESAMPLE SYSTEM (${sql.lit(percent)}) REPEATABLE (25))`;
    },
  };

  floorOf(value: Expression<number>): RawBuilder<number> {
    return sql<number>`floor(${value})::integer`;
  }

  inCells(cells: readonly number[], column?: 'box_cell'): Expression<SqlBool> {
    // The expression of the index events_box_cell (the sixth migration), word for word.
    const cell = column ? sql.ref(column) : sql`(floor((lat + 90) * 4) * 1440 + floor((lon + 180) * 4))::integer`;
    return sql<SqlBool>`${cell} = ANY(${cells})`;
  }

  readonly nowMs = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::double precision`;
  readonly skipsLockedRows = true;
  readonly groupingSets = true;

  async snapshot(): Promise<Snapshot> {
    // REPEATABLE READ: every row the read returns is from the state at its first statement.
    const trx = await this.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
    return { db: trx, release: async () => { await trx.rollback().execute(); } };
  }

  async afterCopy(db: Db): Promise<void> {
    await sql`SELECT setval(pg_get_serial_sequence('documents', 'id'), GREATEST((SELECT MAX(id) FROM documents), 1))`.execute(db);
    await sql`SELECT setval(pg_get_serial_sequence('review_actions', 'id'), GREATEST((SELECT MAX(id) FROM review_actions), 1))`.execute(db);
  }

  /** Deadlock, serialisation failure, lock not available, too many connections: retried later. */
  isBusy(error: unknown): boolean {
    const code = (error as { code?: unknown })?.code;
    return code === '40P01' || code === '40001' || code === '55P03' || code === '53300';
  }

  async close(): Promise<void> {
    // Kysely's destroy ends the pool.
    await this.db.destroy();
  }
}

/** Brings the schema to the latest version, one migration per transaction, one process at a time. */
async function migrate(pool: pg.Pool, schema: string, readonly: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    const lockKey = `vigie-migrate:${schema}`;
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      if (!readonly) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const exists = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'vigie_schema'`, [schema]);
      if (!exists.rowCount && !readonly) await client.query(`CREATE TABLE ${schema}.vigie_schema (version integer NOT NULL)`);
      const current = exists.rowCount || !readonly ? Number((await client.query(`SELECT COALESCE(MAX(version), 0) AS v FROM ${schema}.vigie_schema`)).rows[0].v) : 0;
      if (current > MIGRATIONS.length) throw new Error(`database schema ${current} is newer than this vigie (${MIGRATIONS.length})`);
      if (readonly) {
        if (current !== MIGRATIONS.length) throw new Error(`schema version ${current}, this vigie reads ${MIGRATIONS.length}: run vigie migrate`);
        return;
      }
      for (let v = current; v < MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[v]!);
          await client.query(`DELETE FROM ${schema}.vigie_schema`);
          await client.query(`INSERT INTO ${schema}.vigie_schema (version) VALUES ($1)`, [v + 1]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    client.release();
  }
}
