// Route tests without a socket: Fastify's inject on the real app over a real SQLite file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { exportChunks } from '../../src/export/index.ts';
import { collect } from '../helpers/collect.ts';
import { sampleDatabase, SAMPLES } from '../helpers/sample-db.ts';
import { eventsQuerySchema, statsQuerySchema, timelineQuerySchema } from '../../src/api/schemas.ts';
import { z } from 'zod';

let app: FastifyInstance;
let store: Store;

before(async () => {
  store = await openStore(await sampleDatabase(), { readonly: true });
  app = buildApp({ store });
});
after(async () => {
  await app.close();
  await store.close();
});

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, type: String(r.headers['content-type']), body: r.body, json: () => JSON.parse(r.body) };
};

test('the OpenAPI document describes every route', async () => {
  const r = await get('/api/openapi.json');
  assert.equal(r.status, 200);
  const doc = r.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/api/events', '/api/events/{id}', '/api/documents/{id}', '/api/stats', '/api/map', '/api/timeline']) assert.ok(doc.paths[path], path);
});

test('events: the contract records, paginated', async () => {
  const all = (await get('/api/events?limit=1000')).json();
  assert.equal(all.total, (await store.events()).length);
  assert.equal(all.events.length, all.total);
  assert.deepEqual(Object.keys(all.events[0]), ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes', 'review']);
  const page1 = (await get('/api/events?limit=5&offset=0')).json();
  const page2 = (await get('/api/events?limit=5&offset=5')).json();
  assert.equal(page1.events.length, 5);
  assert.equal(new Set([...page1.events, ...page2.events].map((e: { id: string }) => e.id)).size, 10);
});

test('events: each filter narrows the selection to what it names', async () => {
  const total = (await get('/api/events')).json().total;
  const cases: [string, (e: Record<string, any>) => boolean][] = [
    ['type=Air%2Fdrone%20strike', (e) => e.sub_event_type === 'Air/drone strike'],
    ['country=SY', (e) => e.location?.country_code === 'SY'],
    ['claim=claimed', (e) => e.claim.status === 'claimed'],
    ['actor=Islamic%20Resistance%20in%20Iraq', (e) => e.actor1 === 'Islamic Resistance in Iraq' || e.actor2 === 'Islamic Resistance in Iraq'],
    ['from=2023-11-01&to=2023-11-30', (e) => e.date >= '2023-11-01' && e.date <= '2023-11-30'],
    ['bbox=38,32,41,37', (e) => e.location?.lon >= 38 && e.location?.lon <= 41 && e.location?.lat >= 32 && e.location?.lat <= 37],
    ['q=Harir', (e) => JSON.stringify(e).toLowerCase().includes('harir')],
  ];
  for (const [query, holds] of cases) {
    const r = (await get(`/api/events?${query}&limit=1000`)).json();
    assert.ok(r.total > 0 && r.total < total, `${query}: ${r.total} of ${total}`);
    for (const e of r.events) assert.ok(holds(e), `${query}: ${e.id}`);
  }
});

test('events: downloads carry the same records as vigie export', async () => {
  const events = (await store.queryEvents({ subEventTypes: ['Air/drone strike'], limit: 1_000_000 })).events;
  for (const format of ['csv', 'geojson', 'jsonl'] as const) {
    const r = await get(`/api/events?type=Air%2Fdrone%20strike&format=${format}`);
    assert.equal(r.status, 200);
    assert.equal(r.body, (await collect(exportChunks(format, events))).join(''), format);
  }
  assert.match((await get('/api/events?format=csv')).type, /text\/csv/);
});

test('bad input gets a JSON error with a message and the right status', async () => {
  const cases: [string, number, RegExp][] = [
    ['/api/events?limit=0', 400, /limit/],
    ['/api/events?limit=abc', 400, /limit/],
    ['/api/events?from=yesterday', 400, /from: a day as YYYY-MM-DD/],
    ['/api/events?from=2023-13-45', 400, /from: a day as YYYY-MM-DD, one that exists/],
    ['/api/stats?to=2023-02-29', 400, /to: a day as YYYY-MM-DD, one that exists/],
    ['/api/actors?limit=0', 400, /limit/],
    ['/api/events?type=Teleportation', 400, /type/],
    ['/api/events?bbox=1,2,3', 400, /bbox/],
    ['/api/events?format=xml', 400, /format/],
    ['/api/events?unknown=1', 400, /unknown|Unrecognized/i],
    ['/api/events/evt_0000', 404, /no such event/],
    ['/api/events/not-an-id', 400, /event id/],
    ['/api/documents/nothing-here.txt', 404, /no such document/],
    ['/api/documents/nope', 404, /nope: no such document/],
    ['/api/nowhere', 404, /no route/],
    ['/api/map', 400, /zoom/],
    ['/api/map?zoom=25', 400, /zoom/],
    ['/api/map?zoom=3&view=1,2,3', 400, /view is west,south,east,north/],
    ['/api/map?zoom=3&points=5001', 400, /points/],
    ['/api/timeline?bbox=0,10,1,5', 400, /bbox/],
    ['/api/timeline?bin=month', 400, /^query: bin: /],
    ['/api/timeline?bin=', 400, /^query: bin: /],
  ];
  for (const [url, status, message] of cases) {
    const r = await get(url);
    assert.equal(r.status, status, url);
    assert.match(r.type, /application\/json/, url);
    assert.match(r.json().message, message, url);
    assert.equal(r.json().status, status, url);
    assert.equal(r.json().error, status === 404 ? 'not found' : 'bad request', url);
  }
});

test('hostile queries are data, not SQL', async () => {
  const before = (await store.counts());
  for (const q of ["x' OR 1=1 --", "%'; DROP TABLE events; --", '_%_%', 'a\\b']) {
    const r = await get(`/api/events?q=${encodeURIComponent(q)}&actor=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200, q);
    assert.equal(r.json().total, 0, q);
  }
  assert.deepEqual((await store.counts()), before);
});

test('one event with its disagreements; a document with its zones and evidence spans', async () => {
  const [first] = (await get('/api/events?limit=1')).json().events;
  const one = (await get(`/api/events/${first.id}`)).json();
  assert.equal(one.record.id, first.id);
  assert.ok(Array.isArray(one.disagreements));
  const name = first.sources[0].document;
  const doc = (await get(`/api/documents/${encodeURIComponent(name)}`)).json();
  assert.equal(doc.text, readFileSync(join(SAMPLES, name), 'utf8'));
  assert.ok(doc.zones.some((z: { kind: string }) => z.kind === 'body'));
  for (const e of doc.events) for (const v of e.evidence) assert.equal(doc.text.slice(v.start, v.end), v.text);
});

test('stats count the same selection as events', async () => {
  const stats = (await get('/api/stats?country=IQ')).json();
  const events = (await get('/api/events?country=IQ&limit=1000')).json();
  assert.equal(stats.total, events.total);
  assert.equal(stats.perType.reduce((n: number, t: { count: number }) => n + t.count, 0), stats.total);
  assert.equal(stats.perDay.reduce((n: number, d: { count: number }) => n + d.count, 0), events.events.filter((e: { date: string | null }) => e.date).length);
});

test('the map: every located event of the selection in view once, as a point or in a cell of the zoom\'s grid', async () => {
  interface Answer { zoom: number; cell_degrees: number; total: number; bounds: number[] | null; cells: { lat: number; lon: number; count: number; bounds: number[]; types: { sub_event_type: string; count: number }[] }[]; points: { id: string; lat: number; lon: number }[] }
  const located = (await store.queryEvents({ limit: 100_000 })).events.filter((e) => e.location?.lat != null && e.location.lon != null);
  const inBox = (lon: number, lat: number, [w, s, e, n]: number[]) => lat >= s! && lat <= n! && (w! <= e! ? lon >= w! && lon <= e! : lon >= w! || lon <= e!);
  const rows: [url: string, expected: (e: (typeof located)[number]) => boolean][] = [
    ['/api/map?zoom=2', () => true],
    ['/api/map?zoom=9', () => true],
    ['/api/map?zoom=6&view=38,32,45,37', (e) => inBox(e.location!.lon!, e.location!.lat!, [38, 32, 45, 37])],
    ['/api/map?zoom=6&view=38,32,45,37&bbox=40,30,50,40', (e) => inBox(e.location!.lon!, e.location!.lat!, [40, 32, 45, 37])],
    ['/api/map?zoom=4&type=Air%2Fdrone%20strike', (e) => e.sub_event_type === 'Air/drone strike'],
    ['/api/map?zoom=4&country=IQ&points=0', (e) => e.location?.country_code === 'IQ'],
  ];
  for (const [url, holds] of rows) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    const m = r.json() as Answer;
    const expected = located.filter(holds);
    assert.ok(expected.length > 0, url);
    assert.equal(m.total, expected.length, url);
    assert.equal(m.cell_degrees, 360 / 2 ** (m.zoom + 3), url);
    // Each event once: the points by id, the cells by count; a cell's events are in its box, and so is its mean.
    assert.equal(m.points.length + m.cells.reduce((n, c) => n + c.count, 0), expected.length, url);
    assert.ok(m.points.every((p) => expected.some((e) => e.id === p.id)), url);
    assert.equal(new Set(m.points.map((p) => p.id)).size, m.points.length, url);
    for (const c of m.cells) {
      assert.equal(c.types.reduce((n, t) => n + t.count, 0), c.count, url);
      assert.ok(inBox(c.lon, c.lat, c.bounds), url);
      assert.equal(expected.filter((e) => inBox(e.location!.lon!, e.location!.lat!, c.bounds)).length >= c.count, true, url);
    }
    const lons = expected.map((e) => e.location!.lon!), lats = expected.map((e) => e.location!.lat!);
    if (!url.includes('view')) assert.deepEqual(m.bounds, [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], url);
  }
  // Zoom 9 with few events: every one a point; zoom 2: the sample corpus's dense places are cells.
  assert.equal((await get('/api/map?zoom=9')).json().cells.length, 0);
  assert.ok((await get('/api/map?zoom=2')).json().cells.some((c: { count: number }) => c.count > 1));
  // The downloads keep the whole selection as GeoJSON.
  assert.equal((await get('/api/events?format=geojson')).json().features.length, (await store.queryEvents({})).total);
});

test('the timeline: dated events per day and type, for the same filters as stats', async () => {
  for (const qs of ['', 'country=IQ', 'from=2023-11-01&to=2023-11-30', 'q=drone']) {
    const t = (await get(`/api/timeline?${qs}&bin=day`)).json() as { bin: string; types: string[]; days: { day: string; counts: number[] }[] };
    assert.equal(t.bin, 'day', qs);
    const stats = (await get(`/api/stats?${qs}`)).json();
    assert.deepEqual(t.days.map((d) => ({ day: d.day, count: d.counts.reduce((a, b) => a + b, 0) })), stats.perDay, qs);
    assert.deepEqual([...t.types].sort(), t.types, qs);
    for (const d of t.days) assert.equal(d.counts.length, t.types.length, qs);
    // Per type, the dated events of each type.
    const perType = new Map<string, number>();
    for (const d of t.days) t.types.forEach((type, i) => perType.set(type, (perType.get(type) ?? 0) + d.counts[i]!));
    const page = (await get(`/api/events?${qs}&limit=1000`)).json() as { events: { date: string | null; sub_event_type: string }[] };
    const expected = new Map<string, number>();
    for (const e of page.events) if (e.date) expected.set(e.sub_event_type, (expected.get(e.sub_event_type) ?? 0) + 1);
    assert.deepEqual(new Map([...perType].filter(([, n]) => n > 0)), expected, qs);
  }
});

test('the OpenAPI parameters are generated from the zod schemas the routes validate with', async () => {
  const doc = (await get('/api/openapi.json')).json();
  const names = (params: { name: string }[]) => params.map((p) => p.name).sort();
  assert.deepEqual(names(doc.paths['/api/events'].get.parameters), Object.keys(eventsQuerySchema.shape).sort());
  assert.deepEqual(names(doc.paths['/api/stats'].get.parameters), Object.keys(statsQuerySchema.shape).sort());
  assert.deepEqual(names(doc.paths['/api/timeline'].get.parameters), Object.keys(timelineQuerySchema.shape).sort());
  const from = doc.paths['/api/events'].get.parameters.find((p: { name: string }) => p.name === 'from');
  const generated = (z.toJSONSchema(eventsQuerySchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { format?: string; pattern?: string }> }).properties.from!;
  assert.equal(from.schema.format, 'date');
  assert.equal(from.schema.pattern, generated.pattern);
  // The pattern the document gives refuses what the route refuses.
  assert.ok(!new RegExp(from.schema.pattern).test('2023-13-45'));
  assert.equal((await get('/api/events?from=2023-13-45')).status, 400);
  for (const path of ['/api/actors', '/api/places']) assert.ok(doc.paths[path], path);
});

test('actors and places for the filters\' suggestions; the actor filter ignores case and accents', async () => {
  const actors = (await get('/api/actors')).json().actors as { name: string; count: number }[];
  const all = (await store.queryEvents({ limit: 1000 })).events;
  const names = new Set(all.flatMap((e) => [e.actor1, e.actor2]).filter(Boolean));
  assert.deepEqual(new Set(actors.map((a) => a.name)), names);
  const iri = all.filter((e) => e.actor1 === 'Islamic Resistance in Iraq' || e.actor2 === 'Islamic Resistance in Iraq').length;
  assert.equal(actors.find((a) => a.name === 'Islamic Resistance in Iraq')?.count, iri);
  assert.deepEqual((await get('/api/actors?q=r%C3%A9SISTANCE')).json().actors.map((a: { name: string }) => a.name), ['Islamic Resistance in Iraq']);
  for (const actor of ['Islamic Resistance', 'islamic resistance in iraq', 'ÎSLAMIC Résistance']) {
    assert.equal((await get(`/api/events?actor=${encodeURIComponent(actor)}`)).json().total, iri, actor);
    assert.equal((await get(`/api/stats?actor=${encodeURIComponent(actor)}`)).json().total, iri, actor);
  }
  const places = (await get('/api/places?q=AIN%20AL')).json().places as { name: string }[];
  assert.ok(places.some((p) => p.name === 'Ain al-Asad Air Base'));
  // The place filter: the events at the place the name best matches.
  const ain = all.filter((e) => e.location?.name === 'Ain al-Asad Air Base' && e.location.lat != null).length;
  assert.ok(ain > 1);
  for (const place of ['Ain al-Asad Air Base', 'aïn al-asad', 'AIN AL ASAD']) {
    assert.equal((await get(`/api/events?place=${encodeURIComponent(place)}`)).json().total, ain, place);
    assert.equal((await get(`/api/stats?place=${encodeURIComponent(place)}`)).json().total, ain, place);
  }
  assert.equal((await get('/api/events?place=Atlantis')).json().total, 0);
  assert.equal((await get('/api/events?place=Ain%20al-Asad&bbox=0,0,1,1')).json().total, 0);
  assert.equal((await get('/api/events?place=Ain%20al-Asad&bbox=40,30,45,35')).json().total, ain);
});
