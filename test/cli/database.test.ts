// --db as a SQLite file or a PostgreSQL address, VIGIE_DB as its default, vigie migrate and vigie
// copy: the real bin, a real SQLite file, a real PostgreSQL server (a schema of its own per test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPgTarget, pgSkip } from '../helpers/pg.ts';

const BIN = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/seeds', import.meta.url));
const skip = await pgSkip();

function vigie(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'vigie-cli-db-')), 'v.db');

test('VIGIE_DB is the default of --db, and --db wins over it', () => {
  const fromEnv = tmpDb(), fromOption = tmpDb();
  assert.equal(vigie(['ingest', SAMPLES, '-q', '--workers', '0'], { VIGIE_DB: fromEnv }).code, 0);
  assert.ok(vigie(['export'], { VIGIE_DB: fromEnv }).stdout.trim().split('\n').length >= 20);
  assert.equal(vigie(['ingest', SAMPLES, '-q', '--workers', '0', '--db', fromOption], { VIGIE_DB: fromEnv }).code, 0);
  assert.equal(vigie(['export', '--db', fromOption]).stdout, vigie(['export'], { VIGIE_DB: fromEnv }).stdout);
  assert.equal(vigie(['migrate', '--db', `sqlite:${fromOption}`]).code, 0);
});

test('an address that names no database is refused with its name, and nothing is written', () => {
  const r = vigie(['export', '--db', 'postgres://vigie:secret@127.0.0.1:1/none']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /postgres:\/\/vigie:\*\*\*@127\.0\.0\.1:1\/none/);
  assert.doesNotMatch(r.stderr, /secret/);
});

test('postgres: ingest, export, show and copy back and forth give what SQLite gives, ids kept', { skip }, async () => {
  const pg = freshPgTarget(), back = freshPgTarget();
  try {
    const sqlite = tmpDb();
    assert.equal(vigie(['ingest', SAMPLES, '-q', '--workers', '0', '--db', sqlite]).code, 0);
    assert.equal(vigie(['migrate', '--db', pg.target]).code, 0);
    const ingested = vigie(['ingest', SAMPLES, '--workers', '0'], { VIGIE_DB: pg.target });
    assert.equal(ingested.code, 0, ingested.stderr);
    for (const format of ['jsonl', 'csv', 'geojson']) {
      assert.equal(vigie(['export', '--db', pg.target, '--format', format]).stdout, vigie(['export', '--db', sqlite, '--format', format]).stdout, format);
    }
    const [first] = vigie(['export', '--db', sqlite]).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    assert.equal(vigie(['show', first!.id, '--db', pg.target, '--json']).stdout, vigie(['show', first!.id, '--db', sqlite, '--json']).stdout);
    // SQLite into a new PostgreSQL schema, and that into a new SQLite file: the same records and documents.
    const copied = vigie(['copy', '--from', sqlite, '--to', back.target]);
    assert.equal(copied.code, 0, copied.stderr);
    const again = tmpDb();
    assert.equal(vigie(['copy', '--from', back.target, '--to', again]).code, 0);
    assert.equal(vigie(['export', '--db', again]).stdout, vigie(['export', '--db', sqlite]).stdout);
    assert.equal(vigie(['explain', '1', '--db', again]).stdout, vigie(['explain', '1', '--db', sqlite]).stdout);
    // A copy into a database that holds something is refused, and leaves it as it was.
    const refused = vigie(['copy', '--from', sqlite, '--to', back.target]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /empty database only/);
    assert.equal(vigie(['export', '--db', back.target]).stdout, vigie(['export', '--db', sqlite]).stdout);
  } finally {
    await pg.drop();
    await back.drop();
  }
});
