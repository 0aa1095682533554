// PostgreSQL for the tests: a schema of its own per test (dropped after), so that concurrent runs,
// and the tests of one run, never meet. Tests run when a server answers at VIGIE_TEST_PG (default
// postgres://postgres@127.0.0.1/test) and are reported skipped, with the reason, when none does;
// VIGIE_TEST_PG_REQUIRED=1 (set by .ci/run) makes an unreachable server a failure instead.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.VIGIE_TEST_PG ?? 'postgres://postgres@127.0.0.1/test';
export const PG_REQUIRED = process.env.VIGIE_TEST_PG_REQUIRED === '1';

let answer: Promise<string | null> | null = null;

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function pgUnavailable(): Promise<string | null> {
  answer ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (e) {
      return `no PostgreSQL answers at ${PG_URL} (VIGIE_TEST_PG): ${(e as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return answer;
}

/**
 * The `skip` option of a PostgreSQL test: the reason when no server answers, false when one does.
 * When the tests are required, an unreachable server throws: the file fails, loudly.
 */
export async function pgSkip(): Promise<string | false> {
  const reason = await pgUnavailable();
  if (reason && PG_REQUIRED) throw new Error(`VIGIE_TEST_PG_REQUIRED=1 but ${reason}`);
  return reason ?? false;
}

/** The address of a new, empty schema, and how to drop it. */
export function freshPgTarget(): { readonly target: string; drop(): Promise<void> } {
  const schema = `vigie_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return {
    target: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
