// Two ingests into one database (issue 27, item 3): both complete, taking turns batch by batch, and
// what they leave is what one ingest after the other leaves. The same corpus twice at once is
// stored once: the second finds each document stored and skips it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { snapshot, tmp, vigie, vigieAsync } from './helpers.ts';
import { variants, writeJsonl } from './corpus.ts';


test('two ingests of different corpora into one database both complete: every document stored once, read as in a sequential ingest, every telling resolved', async () => {
  const dir = tmp();
  const docs = variants(240);
  const a = join(dir, 'a.jsonl');
  const b = join(dir, 'b.jsonl');
  writeJsonl(a, docs.slice(0, 120));
  writeJsonl(b, docs.slice(120));
  const db = join(dir, 'together.db');
  const args = (file: string, to: string) => ['ingest', file, '--db', to, '-w', '0', '--batch-size', '8'];
  const [ra, rb] = await Promise.all([vigieAsync(args(a, db)), vigieAsync(args(b, db))]);
  assert.equal(ra.code, 0, ra.stderr);
  assert.equal(rb.code, 0, rb.stderr);
  assert.match(ra.stderr, /read 120 documents: 120 stored/);
  assert.match(rb.stderr, /read 120 documents: 120 stored/);
  const seq = join(dir, 'sequential.db');
  assert.equal(vigie(args(a, seq)).code, 0);
  assert.equal(vigie(args(b, seq)).code, 0);
  const [together, sequential] = [resolutionSnapshot(db), resolutionSnapshot(seq)];
  assert.deepEqual(together.documents, sequential.documents, 'the same documents, stored once each');
  assert.deepEqual(together.mentions, sequential.mentions, 'the same events read from each document');
  assert.equal(together.unresolved, 0, 'every telling resolved');
});

/**
 * What two ingests at once must leave whatever the order in which their batches are written: every
 * document stored once, the same events read from each, and every telling resolved. Which event a
 * telling joins may depend on which reports were stored before it (reports of neighbouring days
 * chain differently as they arrive: ingesting a then b and b then a differ too), so event records
 * are not compared here; that order dependence is an open issue of resolution.
 */
function resolutionSnapshot(db: string): { documents: string[]; mentions: string[]; unresolved: number } {
  const d = new Database(db, { readonly: true });
  try {
    const rows = d.prepare('SELECT m.id, m.event_id, m.record FROM mentions m ORDER BY m.id').all() as { id: string; event_id: string | null; record: string }[];
    return {
      documents: (d.prepare('SELECT name, version, hash FROM documents ORDER BY name, version').all() as { name: string; version: number; hash: string }[]).map((r) => `${r.name}|${r.version}|${r.hash}`),
      mentions: rows.map((r) => `${r.id}|${r.record}`),
      unresolved: rows.filter((r) => r.event_id === null).length,
    };
  } finally {
    d.close();
  }
}

test('the same corpus ingested twice at once is stored once, the copies skipped, not failed', async () => {
  const dir = tmp();
  const file = join(dir, 'c.jsonl');
  writeJsonl(file, variants(160));
  const db = join(dir, 'twice.db');
  const args = (to: string) => ['ingest', file, '--db', to, '-w', '0', '--batch-size', '8'];
  const results = await Promise.all([vigieAsync(args(db)), vigieAsync(args(db))]);
  let stored = 0;
  for (const r of results) {
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /UNIQUE constraint|database is locked/);
    const m = /read 160 documents: (\d+) stored, (\d+) skipped/.exec(r.stderr);
    assert.ok(m, r.stderr);
    assert.equal(Number(m[1]) + Number(m[2]), 160);
    stored += Number(m[1]);
  }
  assert.equal(stored, 160);
  const once = join(dir, 'once.db');
  assert.equal(vigie(args(once)).code, 0);
  assert.deepEqual(snapshot(db), snapshot(once));
});
