// Full exports over the API (issue 27, item 5): streamed from the database as the client reads, a
// bounded number at once (429 with a JSON body beyond it, the slot freed when a client goes away),
// and list pages that do not carry every source's evidence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import type { EventRecord } from '../../src/types.ts';
import { tmp } from './helpers.ts';

const EVENTS = 1500;
const SOURCES = 100;
let db: string;

/** A database of events told by a hundred reports each, written through the store. */
before(async () => {
  db = join(tmp(), 'many.db');
  const store = await openStore(db);
  const evidence = [{ start: 0, end: 120, text: `Une frappe de drone a touché la base d'Aïn al-Assad, selon des sources locales. ${'x'.repeat(40)}` }];
  const add = [];
  for (let i = 0; i < EVENTS; i++) {
    const record: EventRecord = {
      id: `evt_${i.toString(16).padStart(20, '0')}`, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike',
      date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, date_precision: 'day', actor1: null, actor2: null,
      location: { name: 'Aïn al-Assad', admin1: 'Anbar', country: 'Iraq', country_code: 'IQ', lat: 33.8, lon: 42.44, geo_precision: 1 },
      weapons: ['drone'], killed: null, wounded: null, claim: { status: 'reported', by: null },
      sources: Array.from({ length: SOURCES }, (_, k) => ({ document: `doc-${i}-${k}.txt`, outlet: 'Example', cited: ['local sources'], published: '2024-01-29', evidence })),
      notes: `Event ${i}`,
    } as EventRecord;
    add.push({ record, disagreements: [], mentionIds: [] });
  }
  (await store.replaceEvents([], add));
  await store.close();
});

let app: FastifyInstance;
let store: Store;
let port = 0;

before(async () => {
  store = await openStore(db, { readonly: true });
  app = buildApp({ store, maxExports: 2 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

after(async () => {
  await app?.close();
  await store?.close();
});

/** A request whose answer is left unread: the server can send only what the socket buffers hold. */
function openUnread(path: string): Promise<{ res: IncomingMessage; req: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path });
    req.on('response', (res) => { res.pause(); resolve({ res, req }); });
    req.on('error', reject);
    req.end();
  });
}

function readAll(path: string): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject).end();
  });
}

test('a full export is streamed, all of it, in the order of the list', async () => {
  const r = await readAll('/api/events?format=jsonl');
  assert.equal(r.status, 200);
  assert.equal(r.headers['transfer-encoding'], 'chunked');
  assert.equal(r.headers['content-length'], undefined);
  const lines = r.body.trimEnd().split('\n').map((l) => JSON.parse(l) as EventRecord);
  assert.equal(lines.length, EVENTS);
  assert.deepEqual(lines.map((e) => e.id), (await store.queryEvents({ limit: EVENTS })).events.map((e) => e.id));
  assert.equal(lines[0]!.sources.length, SOURCES);
  const geo = JSON.parse((await readAll('/api/events?format=geojson&from=2024-01-05&to=2024-01-05')).body);
  assert.equal(geo.features.length, (await store.queryEvents({ from: '2024-01-05', to: '2024-01-05' })).total);
  const csv = (await readAll('/api/events?format=csv')).body.trimEnd().split('\n');
  assert.equal(csv.length, EVENTS + 1);
});

test('beyond the bound on exports at once: 429 with a JSON body; a client that leaves frees its slot', async () => {
  const a = await openUnread('/api/events?format=jsonl');
  const b = await openUnread('/api/events?format=jsonl&to=2024-01-27');
  assert.equal(a.res.statusCode, 200);
  assert.equal(b.res.statusCode, 200);
  const third = await readAll('/api/events?format=geojson');
  assert.equal(third.status, 429);
  assert.equal(third.headers['retry-after'], '5');
  assert.deepEqual(JSON.parse(third.body).error, 'too many requests');
  assert.equal(JSON.parse(third.body).status, 429);
  // Pages and single events are not downloads: they are answered meanwhile.
  assert.equal((await readAll('/api/events?limit=5')).status, 200);
  a.req.destroy();
  b.res.resume();
  // The slots come back as the server sees the first client gone and the second one done.
  let status = 0;
  for (let attempt = 0; attempt < 200 && status !== 200; attempt++) {
    status = (await readAll('/api/events?format=jsonl&from=2024-01-02&to=2024-01-02')).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 25));
  }
  assert.equal(status, 200);
});

test('a list page names each source but carries no evidence; the event itself carries all of it', async () => {
  const page = JSON.parse((await readAll('/api/events?limit=20')).body);
  assert.equal(page.events.length, 20);
  const first = page.events[0];
  assert.deepEqual(Object.keys(first), ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes', 'review']);
  assert.equal(first.sources.length, SOURCES);
  assert.deepEqual(first.sources[0], { document: first.sources[0].document, outlet: 'Example', published: '2024-01-29' });
  const full = JSON.parse((await readAll(`/api/events/${first.id}`)).body);
  assert.equal(full.record.sources[0].evidence.length, 1);
  // A page of 20 events of 100 sources each is less than half of what the full records weigh.
  let fullSize = 0;
  for (const e of page.events) fullSize += JSON.stringify(JSON.parse((await readAll(`/api/events/${e.id}`)).body).record).length;
  assert.ok(JSON.stringify(page.events).length < fullSize / 2, `${JSON.stringify(page.events).length} characters against ${fullSize}`);
});
