import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest, type IngestSummary } from '../../src/ingest/ingest.ts';
import { SAMPLES } from '../helpers/sample-db.ts';

// Reports written for this test, in both languages, some telling one event, one unreadable.
const EXTRA: Record<string, string> = {
  'fr.txt': 'Titre\n\nLa Résistance islamique en Irak a revendiqué lundi 4 mars 2024 une attaque de drones contre la base d’Aïn al-Assad.',
  'en.txt': 'Headline\n\nThe Islamic Resistance in Iraq claimed a drone attack on US forces at Ain al-Asad air base on March 4, 2024.',
  'other.txt': 'Headline\n\nRockets hit Harir air base on March 9, 2024, officials said.',
  'empty.txt': '   \n',
};

async function run(workers: number): Promise<{ summary: IngestSummary; events: string[]; documents: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-workers-'));
  const inputs = [SAMPLES];
  for (const [name, text] of Object.entries(EXTRA)) {
    writeFileSync(join(dir, name), text);
    inputs.push(join(dir, name));
  }
  const store = await openStore(join(dir, 'v.db'));
  // Batches of two documents: several batches, so that the workers start and batches overlap.
  const summary = await ingest(store, inputs, { workers, batchSize: 2 });
  const events = (await store.events()).map((e) => JSON.stringify(e));
  const documents = (await store.counts()).documents;
  await store.close();
  return { summary, events, documents };
}

test('extraction in worker threads stores the same documents and events, with the same ids, as in one thread', async () => {
  const one = await run(0);
  const two = await run(2);
  assert.ok(one.events.length >= 10, `${one.events.length} events`);
  assert.deepEqual(two.events, one.events);
  assert.equal(two.documents, one.documents);
  assert.deepEqual({ ...two.summary, failures: two.summary.failures.map((f) => f.input.split('/').pop()) },
    { ...one.summary, failures: one.summary.failures.map((f) => f.input.split('/').pop()) });
  assert.equal(one.summary.failed, 1); // the empty document, named
});

test('a worker count that is not a whole number is refused before anything is stored', async () => {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'vigie-workers-')), 'v.db'));
  await assert.rejects(ingest(store, [SAMPLES], { workers: 1.5, batchSize: 2 }), /workers must be a whole number/);
  await assert.rejects(ingest(store, [SAMPLES], { workers: -1 }), /workers must be a whole number/);
  assert.deepEqual((await store.counts()), { documents: 0, events: 0, mentions: 0 });
  await store.close();
});
