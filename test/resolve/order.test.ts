// Events are a function of the set of reports (issues 27, 25): the same notes of a month of a war and
// variants of the samples on neighbouring days, ingested all at once, one by one in reverse, and
// shuffled in batches of 7, leave the same events, ids and records. Resolution re-clusters only the
// neighbourhood of each new report: what it writes must be what clustering everything at once gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { warNotes } from '../helpers/war-corpus.ts';
import { variants } from '../reliability/corpus.ts';

const LINES = [...warNotes(10), ...variants(45).filter((d) => !d.document.startsWith('v0000_'))].map((d) => JSON.stringify(d));

async function eventsOf(lines: readonly string[], batchSize: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-order-'));
  const file = join(dir, 'c.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const store = await openStore(join(dir, 'v.db'));
  await ingest(store, [file], { batchSize });
  const events = (await store.events()).map((e) => JSON.stringify(e)).sort();
  await store.close();
  return events;
}

test('the same reports in any order and any batches give the same events, ids and records', async () => {
  const all = await eventsOf(LINES, 10_000);
  assert.ok(all.length > 100, `${all.length} events`);
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const shuffled = LINES.map((l) => ({ l, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.l);
  assert.deepEqual(await eventsOf([...LINES].reverse(), 1), all, 'one by one, in reverse');
  assert.deepEqual(await eventsOf(shuffled, 7), all, 'shuffled, in batches of 7');
});
