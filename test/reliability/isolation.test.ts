// One document must never abort a batch (issue 27, item 1): the document that once did is stored,
// and a document the store refuses is left out alone, named, while the rest of its batch is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { storeBatch } from '../../src/ingest/ingest.ts';
import { extractWithLineCounts } from '../../src/ingest/extract.ts';
import { contentHash } from '../../src/process/document.ts';
import type { NewDocument } from '../../src/store/store.ts';
import { SEEDS, seedTexts, snapshot, tmp, vigie } from './helpers.ts';

/** Two events of one sentence with the same kind, place and evidence: once the same mention id. */
const TWIN_EVENTS = 'a tué Erbil. a tué Erbil. jours plus tôt,';

test('a document with two events of the same kind, place and span is stored, with the seeds beside it', async () => {
  const dir = tmp();
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const s of seedTexts().slice(0, 3)) copyFileSync(join(SEEDS, s.name), join(input, s.name));
  writeFileSync(join(input, 'twins.txt'), TWIN_EVENTS);
  const db = join(dir, 'v.db');
  const r = vigie(['ingest', input, '--db', db, '-w', '0']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /read 4 documents: 4 stored, 0 skipped \(already stored\), 0 failed/);
  const snap = snapshot(db);
  assert.equal(snap.documents.length, 4);
  // Both of its events are kept, under two ids; a re-ingest of a copy elsewhere gives the same ids.
  const again = join(dir, 'again.db');
  assert.equal(vigie(['ingest', input, '--db', again, '-w', '0', '-q']).code, 0);
  assert.deepEqual(snapshot(again), snap);
});

test('a JSON Lines file with that document at line 701 of 1,201 stores all 1,201', async () => {
  const dir = tmp();
  const file = join(dir, 'corpus.jsonl');
  const lines: string[] = [];
  for (let i = 1; i <= 1201; i++) {
    lines.push(JSON.stringify({ document: `doc-${i}`, text: i === 701 ? TWIN_EVENTS : `Bulletin numéro ${i} : rien à signaler dans la région.` }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const db = join(dir, 'v.db');
  const r = vigie(['ingest', file, '--db', db, '-w', '0']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /read 1201 documents: 1201 stored/);
  assert.equal(snapshot(db).documents.length, 1201);
});

test('a document the store refuses is left out alone: named, counted, the rest of its batch stored and resolved', async () => {
  const dir = tmp();
  const store = await openStore(join(dir, 'v.db'));
  try {
    const docs: NewDocument[] = seedTexts().map(({ name, text }) => {
      const r = extractWithLineCounts({ doc: { name, text }, hash: contentHash(text), lines: [] });
      assert.ok(r.ok);
      return r.document;
    });
    // A document whose two events carry one id (what extraction once produced): the primary key refuses it.
    const faulty = docs[2]!;
    assert.ok(faulty.events.length >= 1);
    const broken: NewDocument = { ...faulty, events: [faulty.events[0]!, faulty.events[0]!] };
    const batch = [docs[0]!, docs[1]!, broken, docs[3]!, docs[4]!];
    const out = await storeBatch(store, batch);
    assert.deepEqual(out.stored.map((d) => d.info.name), [docs[0]!, docs[1]!, docs[3]!, docs[4]!].map((d) => d.info.name));
    assert.equal(out.failed.length, 1);
    assert.equal(out.failed[0]!.input, faulty.info.name);
    assert.match(out.failed[0]!.reason, /UNIQUE constraint failed: mentions\.id/);
    assert.equal((await store.counts()).documents, 4);
    assert.equal((await store.document(faulty.info.name)), null);
    // Everything stored was resolved: no mention is left without its event.
    assert.equal((await store.unresolvedMentionKeys()).length, 0);
    assert.ok((await store.counts()).events > 0);
    // The same content stored meanwhile by another ingest is skipped, not an error.
    const again = await storeBatch(store, [docs[0]!]);
    assert.deepEqual([again.stored.length, again.skipped.length, again.failed.length], [0, 1, 0]);
  } finally {
    await store.close();
  }
});
