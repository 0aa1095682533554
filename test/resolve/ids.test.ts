// Event ids once published stay valid (issue 27, item 4). An event's id is its earliest report's, the same
// whatever the order in which reports arrive; when a report takes that place (one of the same day whose
// mention id sorts first, one published earlier) or reports join two events, the id given up leads to the
// event that holds its earliest report: `vigie show`, the API and Store.event answer it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventIdOf, mergeMentions, type Cluster, type MentionKey } from '../../src/resolve/resolve.ts';
import { takenOver } from '../../src/resolve/incremental.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { SAMPLES } from '../helpers/sample-db.ts';

const VIGIE = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
const SEED = readFileSync(join(SAMPLES, readdirSync(SAMPLES).sort()[0]!), 'utf8');
// The same article with one word changed: another report of the same events, published the same day.
const COPY = SEED.replace(' une ', ' la ');

async function ingestInTurn(texts: readonly (readonly [string, string])[], batches: 'one' | 'each'): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ids-'));
  const store = await openStore(join(dir, 'v.db'));
  const files = texts.map(([name, text]) => { writeFileSync(join(dir, name), text); return join(dir, name); });
  if (batches === 'one') await ingest(store, files, { workers: 0 });
  else for (const f of files) await ingest(store, [f], { workers: 0 });
  return store;
}

test('an id published before a report of the same day arrives still leads to its event, in the store and in `vigie show`', async () => {
  assert.notEqual(COPY, SEED);
  const store = await ingestInTurn([['first.txt', SEED]], 'each');
  const before = (await store.events());
  assert.ok(before.length >= 5, `${before.length} events`);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ids-'));
  writeFileSync(join(dir, 'second.txt'), COPY);
  await ingest(store, [join(dir, 'second.txt')], { workers: 0 });
  const now = new Set((await store.events()).map((e) => e.id));
  let moved = 0;
  for (const e of before) {
    const found = (await store.event(e.id));
    assert.ok(found, `${e.id} leads to an event`);
    assert.ok(now.has(found.record.id));
    // The event it leads to is the one the first report told.
    assert.ok(found.record.sources.some((s) => s.document === 'first.txt'));
    assert.equal(found.record.location?.name, e.location?.name);
    assert.equal(found.record.sub_event_type, e.sub_event_type);
    if (found.record.id !== e.id) moved++;
  }
  assert.ok((await store.events()).some((e) => e.sources.length === 2));
  const path = store.target;
  await store.close();
  // The case: an event whose earliest report is now the second (same day, a mention id that sorts first).
  assert.ok(moved >= 1, 'an id was taken over');
  for (const e of before) {
    const out = execFileSync(process.execPath, [VIGIE, 'show', e.id, '--db', path, '--json'], { encoding: 'utf8' });
    assert.ok(now.has((JSON.parse(out) as { record: { id: string } }).record.id));
  }
});

test('reports get the same ids whatever the order in which they arrive, together or one by one', async () => {
  const ids = async (texts: readonly (readonly [string, string])[], batches: 'one' | 'each') => {
    const store = await ingestInTurn(texts, batches);
    const out = (await store.events()).map((e) => e.id).sort();
    await store.close();
    return out;
  };
  const reference = await ids([['first.txt', SEED], ['second.txt', COPY]], 'one');
  assert.deepEqual(await ids([['second.txt', COPY], ['first.txt', SEED]], 'one'), reference);
  assert.deepEqual(await ids([['first.txt', SEED], ['second.txt', COPY]], 'each'), reference);
  assert.deepEqual(await ids([['second.txt', COPY], ['first.txt', SEED]], 'each'), reference);
});

// Keys of reports for the take-over of ids: only their ids and the order of their reports matter.
function key(id: string, published: string): MentionKey {
  return {
    id, document: `${id}.txt`, family: 'Explosions/Remote violence', subEventType: 'Air/drone strike', day: null, datePrecision: null, dayWithoutYear: null,
    lat: null, lon: null, geoPrecision: null, country: 'IQ', actor1: null, actor2: null, published: null, sortKey: `${published}|${id}`,
  };
}
function clusterOf(...members: MentionKey[]): Cluster {
  const sorted = [...members].sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
  return { id: eventIdOf(sorted), members: sorted };
}
const byId = (...keys: MentionKey[]) => new Map(keys.map((k) => [k.id, k]));

test('a cluster that joins two stored events takes over the id it does not bear', async () => {
  const [m1, m2, m3] = [key('m1', '2024-03-02'), key('m2', '2024-03-01'), key('m3', '2024-03-03')];
  const merged = clusterOf(m1, m2, m3);
  const e1 = eventIdOf([m1]), e2 = eventIdOf([m2]);
  assert.equal(merged.id, e2);
  const over = takenOver([merged], new Set(), new Set([e1, e2]), new Map([[e1, ['m1']], [e2, ['m2']]]), byId(m1, m2, m3));
  assert.deepEqual(over.get(merged), [e1]);
});

test('a stored event whose earliest report is another now, and that is split, leads to the part holding its earliest report', async () => {
  const [m0, m1, m2] = [key('m0', '2024-02-28'), key('m1', '2024-03-01'), key('m2', '2024-03-02')];
  const c1 = clusterOf(m0, m1), c2 = clusterOf(m2);
  const e = eventIdOf([m1, m2]);
  const over = takenOver([c1, c2], new Set(), new Set([e]), new Map([[e, ['m1', 'm2']]]), byId(m0, m1, m2));
  assert.deepEqual(over.get(c1), [e]);
  assert.equal(over.get(c2), undefined);
});

test('an event that keeps its id, or is kept as it was, takes over nothing', async () => {
  const [m1, m2] = [key('m1', '2024-03-01'), key('m2', '2024-03-02')];
  const c = clusterOf(m1, m2);
  const e = eventIdOf([m1]);
  assert.equal(takenOver([c], new Set(), new Set([e]), new Map([[e, ['m1']]]), byId(m1, m2)).size, 0);
  assert.equal(takenOver([], new Set([e]), new Set([e]), new Map([[e, ['m1']]]), byId(m1)).size, 0);
});

test('an id an event took over leads to it in the store, through every later take-over', async () => {
  const store = await ingestInTurn([['first.txt', SEED]], 'each');
  const [e1, e2, e3] = (await store.events());
  const members = async (ids: readonly string[]) => [...(await store.mentionIdsOfEvents(ids)).values()].flat();
  (await store.replaceEvents([e1!.id, e2!.id], [{ ...mergeMentions(e1!.id, await store.mentions(await members([e1!.id, e2!.id]))), replaces: [e2!.id] }]));
  assert.equal((await store.event(e2!.id))?.record.id, e1!.id);
  (await store.replaceEvents([e1!.id, e3!.id], [{ ...mergeMentions(e3!.id, await store.mentions(await members([e1!.id, e3!.id]))), replaces: [e1!.id] }]));
  assert.equal((await store.event(e1!.id))?.record.id, e3!.id);
  assert.equal((await store.event(e2!.id))?.record.id, e3!.id);
  // An id given up that names an event again is that event.
  (await store.replaceEvents([e3!.id], [mergeMentions(e2!.id, await store.mentions(await members([e3!.id])))]));
  assert.equal((await store.event(e2!.id))?.record.id, e2!.id);
  assert.equal((await store.event('evt_00000000000000000000')), null);
  await store.close();
});
