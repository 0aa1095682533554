// Two ingests into one database (issue 27, item 5): both complete, taking turns batch by batch, and
// what they leave is what one ingest after the other leaves, events and ids included. The same corpus twice at once is
// stored once: the second finds each document stored and skips it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { snapshot, tmp, vigie, vigieAsync } from './helpers.ts';
import { variants, writeJsonl } from './corpus.ts';


test('two ingests of different corpora into one database both complete, and the union is a sequential ingest: the same documents, events (ids, records) and members', async () => {
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
  // Events are a function of the set of reports: a then b, b then a, and both at once leave the same.
  const ab = join(dir, 'a-then-b.db'), ba = join(dir, 'b-then-a.db');
  assert.equal(vigie(args(a, ab)).code, 0);
  assert.equal(vigie(args(b, ab)).code, 0);
  assert.equal(vigie(args(b, ba)).code, 0);
  assert.equal(vigie(args(a, ba)).code, 0);
  const sequential = snapshot(ab);
  assert.ok(sequential.events.length > 100, `${sequential.events.length} events`);
  assert.ok(sequential.mentions.every((m) => !m.endsWith('|null')), 'every telling resolved');
  assert.deepEqual(snapshot(ba), sequential, 'b then a is a then b');
  assert.deepEqual(snapshot(db), sequential, 'both at once is one after the other');
});

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
