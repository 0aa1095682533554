// One suite for every Store implementation: a real SQLite file, and a real PostgreSQL server (a
// schema of its own per test) when one answers at VIGIE_TEST_PG (helpers/pg.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store, NewDocument } from '../../src/store/store.ts';
import { openStore } from '../../src/store/open.ts';
import { copyDatabase } from '../../src/store/copy.ts';
import type { EventRecord } from '../../src/types.ts';
import { resolvePending } from '../../src/resolve/incremental.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { exportChunks } from '../../src/export/index.ts';
import { SAMPLES } from '../helpers/sample-db.ts';
import { collect } from '../helpers/collect.ts';
import { freshPgTarget, pgSkip, PG_URL } from '../helpers/pg.ts';
import pg from 'pg';
import { history, review } from '../../src/review/actions.ts';

async function save(store: Store, docs: NewDocument[]): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.saveDocuments(docs);
    await resolvePending(tx);
  });
}

interface Opened {
  readonly store: Store;
  readonly target: string;
  /** Closes the store and drops what the test made. */
  dispose(): Promise<void>;
}

interface Backend {
  readonly name: string;
  readonly skip: string | false;
  /** A new, empty database. */
  fresh(): Promise<Opened>;
}

const sqliteTarget = () => join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'test.db');

const BACKENDS: readonly Backend[] = [
  {
    name: 'sqlite',
    skip: false,
    async fresh() {
      const target = sqliteTarget();
      const store = await openStore(target);
      return { store, target, dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    skip: await pgSkip(),
    async fresh() {
      const pg = freshPgTarget();
      const store = await openStore(pg.target);
      return { store, target: pg.target, dispose: async () => { await store.close(); await pg.drop(); } };
    },
  },
];

function record(id: string, date: string | null): EventRecord {
  return {
    id, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', date, date_precision: date ? 'day' : null,
    actor1: null, actor2: null, location: null, weapons: ['drone'], killed: null, wounded: null, claim: { status: 'reported', by: null },
    sources: [{ document: 'a.txt', outlet: null, cited: [], published: null, evidence: [{ start: 0, end: 4, text: 'Text' }] }], notes: 'n',
  };
}

function placed(id: string, date: string | null, lat: number, lon = 42.1, sub = 'Air/drone strike'): EventRecord {
  return { ...record(id, date), sub_event_type: sub, location: { name: 'P', admin1: null, country: 'Iraq', country_code: 'IQ', lat, lon, geo_precision: 2 } };
}

function doc(name: string, hash: string, events: EventRecord[]): NewDocument {
  return {
    info: { name, url: null, outlet: null, language: 'fr', languageRule: 'test', hash, published: { iso: null, precision: null, rule: 'test', stated: {} } },
    text: 'Text of the document', zones: [{ start: 0, end: 4, kind: 'body', rule: 'test' }], note: null,
    events: events.map((r) => ({ record: r, trace: [{ field: 'date', rule: 'test' }] })),
  };
}

/** Runs a test on a fresh database of a backend, and disposes of it whatever happens. */
function storeTest(backend: Backend, name: string, fn: (opened: Opened) => Promise<void>): void {
  test(`${backend.name}: ${name}`, { skip: backend.skip }, async () => {
    const opened = await backend.fresh();
    try {
      await fn(opened);
    } finally {
      await opened.dispose();
    }
  });
}

for (const backend of BACKENDS) {
  storeTest(backend, 'documents and events round-trip', async ({ store }) => {
    await save(store, [doc('a.txt', 'h1', [record('evt_b', '2024-01-02'), record('evt_a', '2024-01-01')])]);
    assert.equal(await store.hasContent('h1'), true);
    assert.equal(await store.hasContent('h2'), false);
    const events = await store.events();
    assert.deepEqual(events.map((e) => e.date), ['2024-01-01', '2024-01-02']);
    assert.deepEqual(await store.eventTrace(events[0]!.id), [{ document: 'a.txt', trace: [{ field: 'date', rule: 'test' }] }]);
    assert.equal((await store.document('a.txt'))?.text, 'Text of the document');
    const [stored] = await store.documents();
    assert.deepEqual((await store.document(String(stored!.id)))?.info.name, 'a.txt');
    assert.deepEqual((await store.documentMentions(stored!.id)).map((m) => [m.record.id, m.eventId !== null]), [['evt_b', true], ['evt_a', true]]);
    assert.deepEqual(await store.counts(), { documents: 1, events: 2, mentions: 2 });
  });

  storeTest(backend, 'the same name with new content is a new version that supersedes the old one', async ({ store }) => {
    await save(store, [doc('a.txt', 'h1', [record('evt_old', '2024-01-01')])]);
    await save(store, [doc('a.txt', 'h2', [record('evt_new', '2024-01-03')])]);
    assert.equal(await store.latestVersion('a.txt'), 2);
    assert.equal(await store.latestVersion('b.txt'), 0);
    assert.deepEqual((await store.events()).map((e) => e.date), ['2024-01-03']);
    assert.deepEqual(await store.counts(), { documents: 2, events: 1, mentions: 1 });
  });

  storeTest(backend, 'a failing batch stores nothing and leaves what was stored intact', async ({ store }) => {
    await save(store, [doc('a.txt', 'h1', [record('evt_a', null)])]);
    // The second document reuses a mention id: the whole batch must roll back.
    await assert.rejects(save(store, [doc('b.txt', 'h2', [record('evt_b', null)]), doc('c.txt', 'h3', [record('evt_a', null)])]));
    assert.equal(await store.hasContent('h2'), false);
    assert.deepEqual(await store.counts(), { documents: 1, events: 1, mentions: 1 });
  });

  storeTest(backend, 'a transaction within a transaction is a savepoint: its failure undoes it alone', async ({ store }) => {
    await store.transaction(async (tx) => {
      await tx.saveDocuments([doc('a.txt', 'h1', [record('evt_a', null)])]);
      await assert.rejects(tx.transaction((inner) => inner.saveDocuments([doc('b.txt', 'h2', [record('evt_a', null)])])));
      await tx.transaction((inner) => inner.saveDocuments([doc('c.txt', 'h3', [record('evt_c', null)])]));
      await resolvePending(tx);
    });
    assert.deepEqual((await store.documents()).map((d) => d.info.name), ['a.txt', 'c.txt']);
    assert.deepEqual(await store.counts(), { documents: 2, events: 2, mentions: 2 });
  });

  storeTest(backend, 'mentions read by event and by id, in lists of any length', async ({ store }) => {
    // Undated drone strikes with no place stand alone: one event per mention.
    const records = Array.from({ length: 1200 }, (_, i) => record(`evt_${String(i).padStart(5, '0')}`, null));
    await save(store, [doc('a.txt', 'h1', records)]);
    const ids = records.map((r) => r.id);
    const eventOf = await store.eventOfMentions([...ids, 'evt_unknown']);
    assert.equal(eventOf.size, 1200);
    const events = [...new Set(eventOf.values())];
    const members = await store.mentionIdsOfEvents([...events, 'evt_unknown']);
    assert.equal(members.size, events.length);
    assert.deepEqual([...members.values()].flat().sort(), [...ids].sort());
    const keys = await store.mentionKeys([ids[0]!, ids[1199]!, ids[0]!, 'evt_unknown']);
    assert.deepEqual(keys.map((k) => k.id).sort(), [ids[0], ids[1199]]);
    assert.equal(keys[0]!.subEventType, 'Air/drone strike');
    assert.deepEqual(await store.mentionKeys([]), []);
    assert.equal((await store.mentionIdsOfEvents([])).size, 0);
    assert.deepEqual((await store.mentions([ids[5]!, ids[2]!])).map((m) => [m.id, m.document]), [[ids[5], 'a.txt'], [ids[2], 'a.txt']]);
    await assert.rejects(store.mentions(['evt_unknown']), /evt_unknown is not stored/);
  });

  storeTest(backend, 'dated mentions of one kind near a place, whatever their day; undated ones and other kinds are not read', async ({ store }) => {
    // Cells are half a degree: 33.1 and 33.2 share one, 34.1 is in another.
    await save(store, [doc('a.txt', 'h1', [placed('m1', '2020-01-05', 33.1), placed('m2', '2024-06-01', 33.2), placed('m3', null, 33.1), placed('m4', '2024-06-01', 33.1, 42.1, 'Shelling/artillery/missile attack'), placed('m5', '2024-06-01', 34.1)])]);
    const [key] = await store.mentionKeys(['m1']);
    const cell = `${Math.floor(key!.lat! / 0.5)}:${Math.floor(key!.lon! / 0.5)}`;
    assert.deepEqual((await store.datedMentionKeysNear([cell], 'Air/drone strike')).map((k) => k.id).sort(), ['m1', 'm2']);
    assert.deepEqual((await store.datedMentionKeysNear([cell], 'Shelling/artillery/missile attack')).map((k) => k.id), ['m4']);
    assert.deepEqual(await store.datedMentionKeysNear([], 'Air/drone strike'), []);
    assert.deepEqual((await store.undatedMentionKeysNear([cell], 'Air/drone strike', 10)).map((k) => k.id), ['m3']);
    const day = key!.day!;
    assert.deepEqual((await store.mentionKeysNear([cell], day - 1, day + 1)).map((k) => k.id), ['m1']);
    assert.deepEqual((await store.mentionKeysInCountry('IQ', day, day)).map((k) => k.id), ['m1']);
    assert.deepEqual(await store.mentionKeysInCountry(null, day, day), []);
  });

  storeTest(backend, 'undated mentions near a place come in id order, at most the limit', async ({ store }) => {
    const ids = ['m_b', 'm_A', 'm_a', 'm_c', 'm_0'];
    await save(store, [doc('a.txt', 'h1', ids.map((id) => placed(id, null, 33.1)))]);
    const [key] = await store.mentionKeys(['m_a']);
    const cell = `${Math.floor(key!.lat! / 0.5)}:${Math.floor(key!.lon! / 0.5)}`;
    // Byte order, as SQLite compares: upper case and digits before lower case.
    assert.deepEqual((await store.undatedMentionKeysNear([cell], 'Air/drone strike', 3)).map((k) => k.id), ['m_0', 'm_A', 'm_a']);
  });

  storeTest(backend, 'line counts across documents of a site', async ({ store }) => {
    await store.recordLines([{ site: 's', key: 'k', documentHash: 'h1' }, { site: 's', key: 'k', documentHash: 'h2' }, { site: 's', key: 'k', documentHash: 'h2' }, { site: 't', key: 'k', documentHash: 'h3' }]);
    await store.recordLines([{ site: 's', key: 'k', documentHash: 'h1' }]);
    // Documents, not observations (h2 twice is one document), per site; a line no document has is absent.
    assert.deepEqual(await store.lineDocumentCounts('s', ['k', 'unknown', 'k']), new Map([['k', 2]]));
    assert.deepEqual(await store.lineDocumentCounts('t', ['k']), new Map([['k', 1]]));
    assert.deepEqual(await store.lineDocumentCounts('t', []), new Map());
    // Pending observations (a batch not stored yet) count with the recorded ones, a document once:
    // h1 is recorded already, h4 is new; another site's and a line not asked for count for nothing.
    const pending = [{ site: 's', key: 'k', documentHash: 'h1' }, { site: 's', key: 'k', documentHash: 'h4' }, { site: 's', key: 'k', documentHash: 'h4' }, { site: 's', key: 'new', documentHash: 'h4' }, { site: 't', key: 'k', documentHash: 'h5' }, { site: 's', key: 'other', documentHash: 'h4' }];
    assert.deepEqual(await store.lineDocumentCounts('s', ['k', 'new'], pending), new Map([['k', 3], ['new', 1]]));
    assert.deepEqual(await store.lineDocumentCounts('t', ['k'], pending), new Map([['k', 2]]));
  });

  storeTest(backend, 'queries of the API: filters, words, pages, statistics and a streamed read', async ({ store }) => {
    const e = (id: string, date: string, lat: number, lon: number, notes: string, sub = 'Air/drone strike', country = 'IQ'): EventRecord => ({
      ...placed(id, date, lat, lon, sub), notes, location: { name: 'P', admin1: null, country: null, country_code: country, lat, lon, geo_precision: 2 },
    });
    // Stored as resolved events, so that their ids and notes are these.
    await store.replaceEvents([], [
      e('evt_1', '2024-01-01', 33.1, 44.1, 'Frappe de drone près de Mossoul'),
      e('evt_2', '2024-01-02', 36.3, 43.1, 'Shelling of the old city', 'Shelling/artillery/missile attack'),
      e('evt_3', '2024-01-03', 15.5, 32.5, 'Drone strike on Khartoum market', 'Air/drone strike', 'SD'),
      e('evt_4', '2024-01-03', 0, 179.5, 'Strike across the date line', 'Air/drone strike', 'FJ'),
    ].map((r) => ({ record: r, disagreements: [], mentionIds: [] })));
    const label = (r: EventRecord) => r.id;
    const ids = async (q: Parameters<Store['queryEvents']>[0]) => (await store.queryEvents(q)).events.map(label);
    assert.deepEqual(await ids({}), ['evt_3', 'evt_4', 'evt_2', 'evt_1']);
    assert.equal((await store.queryEvents({ limit: 1, offset: 1 })).total, 4);
    assert.deepEqual(await ids({ limit: 1, offset: 1 }), ['evt_4']);
    assert.deepEqual(await ids({ from: '2024-01-02', to: '2024-01-02' }), ['evt_2']);
    assert.deepEqual(await ids({ subEventTypes: ['Shelling/artillery/missile attack'] }), ['evt_2']);
    assert.deepEqual(await ids({ eventTypes: ['Explosions/Remote violence'] }), ['evt_3', 'evt_4', 'evt_2', 'evt_1']);
    assert.deepEqual(await ids({ country: 'SD' }), ['evt_3']);
    assert.deepEqual(await ids({ claim: 'reported', country: 'IQ' }), ['evt_2', 'evt_1']);
    assert.deepEqual(await ids({ bbox: [40, 30, 50, 40] }), ['evt_2', 'evt_1']);
    assert.deepEqual(await ids({ bbox: [179, -1, -179, 1] }), ['evt_4']);
    // Words, whatever their case and accents; every word must be there; operators are words.
    assert.deepEqual(await ids({ text: 'DRONE' }), ['evt_3', 'evt_1']);
    assert.deepEqual(await ids({ text: 'drone khartoum' }), ['evt_3']);
    assert.deepEqual(await ids({ text: 'pres mossoul' }), ['evt_1']);
    assert.deepEqual(await ids({ text: 'drone OR shelling' }), []);
    assert.deepEqual(await ids({ text: '"*' }), []);
    const stats = await store.eventStats({ country: 'IQ' });
    assert.equal(stats.total, 2);
    assert.deepEqual(stats.perDay, [{ day: '2024-01-01', count: 1 }, { day: '2024-01-02', count: 1 }]);
    assert.deepEqual(stats.perType, [{ sub_event_type: 'Air/drone strike', count: 1 }, { sub_event_type: 'Shelling/artillery/missile attack', count: 1 }]);
    assert.deepEqual(stats.perCountry, [{ country_code: 'IQ', count: 2 }]);
    assert.deepEqual((await collect(store.streamEvents({}, { oldestFirst: true }))).map(label), ['evt_1', 'evt_2', 'evt_3', 'evt_4']);
    assert.deepEqual((await collect(store.streamEvents({ text: 'drone' }))).map(label), ['evt_3', 'evt_1']);
    // A read left half-way releases its connection: the store goes on answering.
    const stream = store.streamEvents({});
    await stream.next();
    await stream.return(undefined);
    assert.equal((await store.counts()).events, 4);
  });

  storeTest(backend, 'the map of a selection: cells of the grid of a zoom counted by the database, the events alone in theirs, and a timeline', async ({ store }) => {
    const at = (id: string, date: string, lat: number, lon: number, country: string, sub = 'Air/drone strike'): EventRecord => ({
      ...placed(id, date, lat, lon, sub), notes: sub === 'Air/drone strike' ? 'A drone strike' : 'Shelling of the town', location: { name: `P${id.slice(4)}`, admin1: null, country: null, country_code: country, lat, lon, geo_precision: 2 },
    });
    // Coordinates in quarters of a degree: sums and means come out the same from both databases.
    await store.replaceEvents([], [
      at('evt_a1', '2024-01-01', 33.25, 44.25, 'IQ'), at('evt_a2', '2024-01-01', 33.25, 44.25, 'IQ'), at('evt_a3', '2024-01-02', 33.5, 44.5, 'IQ'),
      at('evt_b', '2024-01-02', 36.25, 43, 'IQ', 'Shelling/artillery/missile attack'), at('evt_c', '2024-01-03', 15.5, 32.5, 'SD'), at('evt_d', '2024-01-03', 0, 179.5, 'FJ'),
      { ...record('evt_e', '2024-01-04'), sub_event_type: 'Armed clash' },
    ].map((r) => ({ record: r, disagreements: [], mentionIds: [] })));
    const drone = (n: number) => ({ sub_event_type: 'Air/drone strike', count: n });
    type Row = [input: { query: Parameters<Store['eventMap']>[0]; zoom: number; points: number }, expected: { estimated: boolean; total: number; cellDegrees: number; bounds: number[] | null; cells: unknown[]; points: string[] }];
    const rows: Row[] = [
      // Zoom 0: cells of 45°; five events share one, evt_d is alone in its own (a point).
      [{ query: {}, zoom: 0, points: 1000 }, { estimated: false, total: 6, cellDegrees: 45, bounds: [0 + 32.5, 0, 179.5, 36.25], points: ['evt_d'], cells: [
        { lat: 151.75 / 5, lon: 208.5 / 5, count: 5, bounds: [32.5, 15.5, 44.5, 36.25], types: [drone(4), { sub_event_type: 'Shelling/artillery/missile attack', count: 1 }] },
      ] }],
      // Zoom 5: cells of 1.40625°; the three near Baghdad together, the others alone (points, the most recent first).
      [{ query: {}, zoom: 5, points: 1000 }, { estimated: false, total: 6, cellDegrees: 1.40625, bounds: [32.5, 0, 179.5, 36.25], points: ['evt_c', 'evt_d', 'evt_b'], cells: [
        { lat: 100 / 3, lon: 133 / 3, count: 3, bounds: [44.25, 33.25, 44.5, 33.5], types: [drone(3)] },
      ] }],
      // Zoom 9 and few in view: every event a point.
      [{ query: {}, zoom: 9, points: 1000 }, { estimated: false, total: 6, cellDegrees: 360 / 4096, bounds: [32.5, 0, 179.5, 36.25], points: ['evt_c', 'evt_d', 'evt_a3', 'evt_b', 'evt_a1', 'evt_a2'], cells: [] }],
      // More than `points`: the first two alone in their cell (grid order, south first) are points, the rest cells.
      [{ query: {}, zoom: 9, points: 2 }, { estimated: false, total: 6, cellDegrees: 360 / 4096, bounds: [32.5, 0, 179.5, 36.25], points: ['evt_c', 'evt_d'], cells: [
        { lat: 33.25, lon: 44.25, count: 2, bounds: [44.25, 33.25, 44.25, 33.25], types: [drone(2)] },
        { lat: 33.5, lon: 44.5, count: 1, bounds: [44.5, 33.5, 44.5, 33.5], types: [drone(1)] },
        { lat: 36.25, lon: 43, count: 1, bounds: [43, 36.25, 43, 36.25], types: [{ sub_event_type: 'Shelling/artillery/missile attack', count: 1 }] },
      ] }],
      // The filters select as everywhere: a country, a box across the antimeridian, words, days.
      [{ query: { country: 'IQ' }, zoom: 0, points: 1000 }, { estimated: false, total: 4, cellDegrees: 45, bounds: [43, 33.25, 44.5, 36.25], points: [], cells: [
        { lat: 136.25 / 4, lon: 176 / 4, count: 4, bounds: [43, 33.25, 44.5, 36.25], types: [drone(3), { sub_event_type: 'Shelling/artillery/missile attack', count: 1 }] },
      ] }],
      [{ query: { bbox: [179, -1, -179, 1] }, zoom: 3, points: 1000 }, { estimated: false, total: 1, cellDegrees: 5.625, bounds: [179.5, 0, 179.5, 0], points: ['evt_d'], cells: [] }],
      [{ query: { text: 'shelling' }, zoom: 12, points: 1000 }, { estimated: false, total: 1, cellDegrees: 360 / 32768, bounds: [43, 36.25, 43, 36.25], points: ['evt_b'], cells: [] }],
      [{ query: { from: '2024-01-04' }, zoom: 5, points: 1000 }, { estimated: false, total: 0, cellDegrees: 1.40625, bounds: null, points: [], cells: [] }],
    ];
    for (const [input, expected] of rows) {
      const m = await store.eventMap(input.query, { zoom: input.zoom, points: input.points });
      assert.deepEqual({ ...m, points: m.points.map((p) => p.id) }, expected, JSON.stringify(input));
    }
    // A point carries what the map's marker and hover show.
    assert.deepEqual((await store.eventMap({ country: 'FJ' }, { zoom: 9, points: 10 })).points, [{
      id: 'evt_d', lat: 0, lon: 179.5, sub_event_type: 'Air/drone strike', date: '2024-01-03', date_precision: 'day', place: 'Pd', country_code: 'FJ',
      geo_precision: 2, actor1: null, actor2: null, killed: null, wounded: null, sources: 1,
    }]);
    const timelines: [Parameters<Store['eventTimeline']>[0], [string, string, number][]][] = [
      [{}, [['2024-01-01', 'Air/drone strike', 2], ['2024-01-02', 'Air/drone strike', 1], ['2024-01-02', 'Shelling/artillery/missile attack', 1], ['2024-01-03', 'Air/drone strike', 2], ['2024-01-04', 'Armed clash', 1]]],
      [{ country: 'IQ', to: '2024-01-01' }, [['2024-01-01', 'Air/drone strike', 2]]],
      [{ bbox: [30, 10, 40, 20] }, [['2024-01-03', 'Air/drone strike', 1]]],
    ];
    for (const [query, expected] of timelines) {
      assert.deepEqual((await store.eventTimeline(query)), { estimated: false, bin: 'day', counts: expected.map(([day, sub_event_type, count]) => ({ day, sub_event_type, count })) }, JSON.stringify(query));
    }
  });

  storeTest(backend, 'an id taken over leads to the event that holds it now', async ({ store }) => {
    await save(store, [doc('a.txt', 'h1', [record('evt_a', null), record('evt_b', null)])]);
    const [a, b] = await store.events();
    const members = [...(await store.mentionIdsOfEvents([a!.id, b!.id])).values()].flat();
    await store.replaceEvents([a!.id, b!.id], [{ record: a!, disagreements: [], mentionIds: members, replaces: [b!.id] }]);
    assert.equal((await store.event(b!.id))?.record.id, a!.id);
    assert.equal(await store.event('evt_none'), null);
    assert.deepEqual(await store.eventOfMentions(members), new Map(members.map((m) => [m, a!.id])));
  });

  storeTest(backend, 'fetches of URLs are recorded, replaced and read back; a page\'s metadata is stored with its document and copied with it', async ({ store, target }) => {
    assert.equal(await store.lastFetch('https://a.example/feed'), null);
    const first = { url: 'https://a.example/feed', etag: '"v1"', lastModified: 'Wed, 21 Feb 2024 10:00:00 GMT', contentHash: 'h1', fetchedAt: '2024-02-21T10:00:00.000Z' };
    await store.recordFetches([first, { url: 'https://a.example/page', etag: null, lastModified: null, contentHash: 'h2', fetchedAt: '2024-02-21T10:00:01.000Z' }]);
    assert.deepEqual(await store.lastFetch('https://a.example/feed'), first);
    const second = { ...first, etag: '"v2"', contentHash: 'h3', fetchedAt: '2024-02-21T11:00:00.000Z' };
    await store.transaction((tx) => tx.recordFetches([second]));
    assert.deepEqual(await store.lastFetch('https://a.example/feed'), second);
    // Recorded in a transaction that fails: not recorded, as the documents it stored are not.
    await assert.rejects(store.transaction(async (tx) => { await tx.recordFetches([{ ...second, url: 'https://a.example/other' }]); throw new Error('batch failed'); }), /batch failed/);
    assert.equal(await store.lastFetch('https://a.example/other'), null);

    const metadata = {
      format: 'html', source: 'https://a.example/page', published: { value: '2024-02-12T18:40:00+03:00', foundBy: 'json-ld NewsArticle.datePublished' },
      outlet: { value: 'Le Guetteur', foundBy: 'meta og:site_name' }, blocks: [{ start: 0, end: 4, path: 'html/body[1]/p[1]' }],
    };
    const page = doc('page.html', 'h-page', [record('evt_page', null)]);
    await save(store, [{ ...page, info: { ...page.info, metadata } }, doc('plain.txt', 'h-plain', [])]);
    assert.deepEqual((await store.document('page.html'))!.info.metadata, metadata);
    assert.equal((await store.document('plain.txt'))!.info.metadata, undefined);
    const copy = sqliteTarget();
    const summary = await copyDatabase(target, copy);
    assert.equal(summary.fetches, 2);
    const copied = await openStore(copy, { readonly: true });
    try {
      assert.deepEqual((await copied.document('page.html'))!.info.metadata, metadata);
      assert.deepEqual(await copied.lastFetch('https://a.example/feed'), second);
    } finally {
      await copied.close();
    }
  });

  storeTest(backend, 'two connections writing at once take turns, and both writes are kept', async ({ store, target }) => {
    const other = await openStore(target);
    try {
      await Promise.all([
        save(store, [doc('a.txt', 'h1', [record('evt_a', null)])]),
        save(other, [doc('b.txt', 'h2', [record('evt_b', null)])]),
        save(store, [doc('c.txt', 'h3', [record('evt_c', null)])]),
        save(other, [doc('d.txt', 'h4', [record('evt_d', null)])]),
      ]);
    } finally {
      await other.close();
    }
    assert.deepEqual(await store.counts(), { documents: 4, events: 4, mentions: 4 });
  });

  storeTest(backend, 'the sample corpus, ingested, gives the records and exports of SQLite, and copies both ways with its ids', async ({ store, target }) => {
    await ingest(store, [SAMPLES], { workers: 0 });
    const reference = await openStore(sqliteTarget());
    try {
      await ingest(reference, [SAMPLES], { workers: 0 });
      const records = async (s: Store) => JSON.stringify(await s.events());
      assert.equal(await records(store), await records(reference));
      for (const format of ['jsonl', 'csv', 'geojson'] as const) {
        const exported = async (s: Store) => (await collect(exportChunks(format, s.streamEvents({}, { oldestFirst: true })))).join('');
        assert.equal(await exported(store), await exported(reference), format);
      }
      assert.deepEqual(await store.eventStats({}), await reference.eventStats({}));
    } finally {
      await reference.close();
    }
    // Into SQLite and back into this backend: documents keep their ids, events their records.
    const copy = sqliteTarget();
    const summary = await copyDatabase(target, copy);
    assert.equal(summary.events, (await store.counts()).events);
    const back = await backend.fresh();
    try {
      await copyDatabase(copy, back.target);
      assert.deepEqual(await back.store.documents(), await store.documents());
      assert.equal(JSON.stringify(await back.store.events()), JSON.stringify(await store.events()));
      assert.deepEqual(await back.store.queryEvents({ text: 'drone' }), await store.queryEvents({ text: 'drone' }));
      // A copy never writes over a database that holds something.
      await assert.rejects(copyDatabase(copy, back.target), /empty database only/);
      // New documents take ids after the copied ones.
      await save(back.store, [doc('new.txt', 'h-new', [record('evt_new', null)])]);
      const ids = (await back.store.documents()).map((d) => d.id);
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      await back.dispose();
    }
  });

  storeTest(backend, 'reopening a database keeps its content and schema; a read-only open reads it', async ({ store, target }) => {
    await save(store, [doc('a.txt', 'h1', [record('evt_a', null)])]);
    const again = await openStore(target);
    const reader = await openStore(target, { readonly: true });
    try {
      assert.deepEqual(await again.counts(), { documents: 1, events: 1, mentions: 1 });
      assert.deepEqual(await reader.counts(), { documents: 1, events: 1, mentions: 1 });
    } finally {
      await again.close();
      await reader.close();
    }
  });

  storeTest(backend, 'review: tokens kept by hash, listed and revoked', async ({ store }) => {
    await store.saveToken({ id: 'a1', hash: 'f'.repeat(64), role: 'reviewer', name: 'Rita', createdAt: '2024-01-01T00:00:00Z', revokedAt: null });
    await store.saveToken({ id: 'b2', hash: 'e'.repeat(64), role: 'admin', name: 'Ada', createdAt: '2024-01-02T00:00:00Z', revokedAt: null });
    assert.equal((await store.tokenByHash('f'.repeat(64)))?.name, 'Rita');
    assert.equal(await store.tokenByHash('0'.repeat(64)), null);
    assert.deepEqual((await store.tokens()).map((t) => [t.id, t.role]), [['a1', 'reviewer'], ['b2', 'admin']]);
    assert.equal(await store.revokeToken('a1', '2024-01-03T00:00:00Z'), true);
    assert.equal(await store.revokeToken('a1', '2024-01-04T00:00:00Z'), false, 'revoked once');
    assert.equal(await store.revokeToken('zz', '2024-01-04T00:00:00Z'), false);
    assert.equal((await store.tokenByHash('f'.repeat(64)))?.revokedAt, '2024-01-03T00:00:00Z');
  });

  storeTest(backend, 'review: pins, reviews, redirects and actions; records carry their review; the review filter and the queue', async ({ store }) => {
    await save(store, [doc('a.txt', 'h1', [{ ...record('evt_a', '2024-01-01'), killed: 2 }, { ...record('evt_b', '2024-01-05'), killed: null }, { ...record('evt_c', '2024-01-03'), killed: 9 }])]);
    const eventOf = await store.eventOfMentions(['evt_a', 'evt_b', 'evt_c']);
    const [a, b, c] = ['evt_a', 'evt_b', 'evt_c'].map((m) => eventOf.get(m)!) as [string, string, string];
    assert.equal(new Set([a, b, c]).size, 3);
    await store.setPins([{ mention: 'evt_a', event: a }, { mention: 'evt_b', event: a }]);
    assert.deepEqual([...(await store.pins(['evt_a', 'evt_b', 'evt_c']))].sort(), [['evt_a', a], ['evt_b', a]]);
    await store.setPins([{ mention: 'evt_b', event: null }]);
    assert.deepEqual([...(await store.pins(['evt_a', 'evt_b']))], [['evt_a', a]]);
    const review = { eventId: a, status: 'corrected' as const, fields: { killed: 3 }, reviewer: 'Rita', reviewedAt: '2024-02-01T00:00:00Z', seen: ['a.txt'] };
    await store.setEventReview(a, review);
    await store.setEventReview(c, { ...review, eventId: c, status: 'rejected', fields: {} });
    assert.deepEqual((await store.eventReviews([a, b])).get(a), review);
    assert.equal((await store.eventReviews([a, b])).has(b), false);
    assert.deepEqual((await store.event(a))?.record.review, { status: 'corrected', by: 'Rita', at: '2024-02-01T00:00:00Z' });
    assert.equal((await store.event(b))?.record.review, undefined, 'an unreviewed record carries none');
    assert.deepEqual((await store.queryEvents({ review: 'reviewed' })).events.map((e) => e.id), [a]);
    assert.deepEqual((await store.queryEvents({ review: 'rejected' })).events.map((e) => e.id), [c]);
    assert.deepEqual((await store.queryEvents({ review: 'unreviewed' })).events.map((e) => e.id), [b]);
    const streamed = await collect(store.streamEvents({ review: 'reviewed' }));
    assert.deepEqual(streamed.map((e) => e.review?.status), ['corrected']);
    // The queue: most killed first, then the latest; no toll last.
    assert.deepEqual((await store.queryEvents({ order: 'queue' })).events.map((e) => e.id), [c, a, b]);
    await store.setEventReview(c, null);
    assert.equal((await store.eventReviews([c])).size, 0);

    await store.setRedirect('evt_gone', a);
    assert.equal(await store.redirectOf('evt_gone'), a);
    assert.equal((await store.event('evt_gone'))?.record.id, a);
    await store.setRedirect('evt_gone', null);
    assert.equal(await store.redirectOf('evt_gone'), null);

    const restore = { pins: [{ mention: 'evt_a', event: null }], reviews: [{ eventId: a, review: null }], redirects: [], rebuild: [a] };
    const first = await store.addReviewAction({ eventId: a, otherId: null, action: 'correct', reviewer: 'Rita', at: '2024-02-01T00:00:00Z', note: 'why', before: { killed: 2 }, after: { killed: 3 }, restore });
    const second = await store.addReviewAction({ eventId: b, otherId: a, action: 'merge', reviewer: 'Rita', at: '2024-02-02T00:00:00Z', note: null, before: null, after: { event: b }, restore });
    assert.ok(second > first);
    assert.deepEqual((await store.reviewActions(a)).map((x) => [x.id, x.action, x.otherId]), [[first, 'correct', null], [second, 'merge', a]]);
    assert.deepEqual((await store.reviewAction(first))?.before, { killed: 2 });
    assert.deepEqual((await store.reviewAction(first))?.restore, restore);
    await store.markReviewActionUndone(first, 'Ada', '2024-02-03T00:00:00Z');
    assert.deepEqual((await store.reviewAction(first))?.undone, { by: 'Ada', at: '2024-02-03T00:00:00Z' });
    assert.equal(await store.reviewAction(999), null);

    // Unresolved events are rebuilt by resolution, the review applied: pinned mentions stay together, corrections stand.
    await store.setPins([{ mention: 'evt_a', event: a }, { mention: 'evt_b', event: a }]);
    await store.unresolveEvents([a, b]);
    assert.equal((await store.unresolvedMentionKeys()).length, 2);
    await resolvePending(store);
    const rebuilt = (await store.event(a))!.record;
    assert.deepEqual([rebuilt.killed, rebuilt.sources.length], [3, 2]);
    assert.equal(await store.event(b), null);
  });

  storeTest(backend, 'review: a correction and a merge by a reviewer stand when more reports arrive', async ({ store }) => {
    const from = (r: EventRecord, document: string): EventRecord => ({ ...r, sources: r.sources.map((x) => ({ ...x, document })) });
    await save(store, [doc('a.txt', 'h1', [from(placed('evt_m1', '2024-03-01', 33.3), 'a.txt')]), doc('b.txt', 'h2', [from(placed('evt_m2', '2024-03-01', 36.1), 'b.txt')])]);
    const [x, y] = (await store.events()).map((e) => e.id) as [string, string];
    await review(store, x, { action: 'correct', fields: { killed: 7 }, note: 'hospital figures' }, 'Rita');
    await review(store, x, { action: 'merge', other: y }, 'Rita');
    assert.deepEqual((await store.events()).map((e) => [e.id, e.killed, e.sources.length]), [[x, 7, 2]]);
    // A later report of the first, and one that a resolution without the review would take as the earliest.
    await save(store, [doc('c.txt', 'h3', [{ ...from(placed('evt_m0', '2024-03-01', 33.3), 'c.txt'), killed: 1 }])]);
    const [after] = await store.events();
    assert.deepEqual([after!.id, after!.killed, after!.sources.length], [x, 7, 3]);
    assert.equal((await store.event(y))?.record.id, x);
    assert.deepEqual((await history(store, x))?.newSinceReview, ['c.txt']);
    assert.deepEqual((await history(store, y))?.actions.map((a) => a.action), ['correct', 'merge']);
    // A new version of b.txt: its report takes the old one's pin, and the merge stands.
    await save(store, [doc('b.txt', 'h4', [from(placed('evt_m2v2', '2024-03-01', 36.1), 'b.txt')])]);
    assert.deepEqual((await store.events()).map((e) => [e.id, e.killed, e.sources.length]), [[x, 7, 3]]);
    assert.deepEqual([...(await store.pins(['evt_m2', 'evt_m2v2']))], [['evt_m2v2', x]]);
  });
}

test('sqlite: a file that is not a database is refused with its name', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'not.db');
  writeFileSync(path, 'this is not sqlite at all, just some text that fills the header page');
  await assert.rejects(openStore(path), (e: Error) => e.message.startsWith(path));
  await assert.rejects(openStore(`sqlite:${path}`), (e: Error) => e.message.startsWith(path));
});

test('sqlite: a read-only open of a missing file is refused with its name', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'missing.db');
  await assert.rejects(openStore(path, { readonly: true }), (e: Error) => e.message.startsWith(path));
});

test('postgres: a server that does not answer is refused with its address, never its password', async () => {
  await assert.rejects(openStore('postgres://vigie:secret@127.0.0.1:1/none'), (e: Error) => e.message.startsWith('postgres://vigie:***@127.0.0.1:1/none') && !e.message.includes('secret'));
  await assert.rejects(openStore('postgres://127.0.0.1/test?schema=a;drop'), /schema must be letters, digits and underscores/);
});

test('postgres: a read-only open of a schema vigie never made says to migrate', { skip: BACKENDS[1]!.skip }, async () => {
  const pg = freshPgTarget();
  try {
    await assert.rejects(openStore(pg.target, { readonly: true }), /run vigie migrate/);
  } finally {
    await pg.drop();
  }
});

test('postgres: a word the database expects in more than 20,000 events is counted from a sample of the table, and said so; a rarer one exactly', { skip: BACKENDS[1]!.skip }, async () => {
  const target = freshPgTarget();
  const store = await openStore(target.target);
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    // 60,000 events written by the server itself (resolving that many reports would take minutes):
    // every one says "common", one in two "half", and each its own word "w<i>".
    const schema = new URL(target.target).searchParams.get('schema')!;
    const template = JSON.stringify(placed('__ID__', '2024-01-01', 33.25, 44.25));
    await client.query(`INSERT INTO ${schema}.events (id, record, disagreements, date, sub_event_type, country_code, lat, lon, n_sources, event_type, claim_status, search)
      SELECT id, replace($1, '__ID__', id), '[]', '2024-01-' || lpad((1 + i % 28)::text, 2, '0'), CASE WHEN i % 4 = 0 THEN 'Shelling/artillery/missile attack' ELSE 'Air/drone strike' END,
        'IQ', 33 + (i % 100) / 100.0, 44 + (i % 97) / 100.0, 1, 'Explosions/Remote violence', 'reported',
        to_tsvector('simple', CASE WHEN i % 2 = 0 THEN 'common half' ELSE 'common' END || ' w' || i)
      FROM generate_series(1, 60000) i, LATERAL (SELECT 'evt_' || lpad(to_hex(i), 8, '0') AS id) n`, [template]);
    await client.query(`ANALYZE ${schema}.events`);
    const near = (value: number, expected: number) => Math.abs(value - expected) <= expected / 3;
    const rows: [words: string, expected: number, estimated: boolean][] = [['common', 60_000, true], ['half', 30_000, true], ['w17', 1, false], ['common w17', 1, false]];
    for (const [words, expected, estimated] of rows) {
      const stats = await store.eventStats({ text: words });
      assert.equal(stats.estimated, estimated, words);
      assert.ok(estimated ? near(stats.total, expected) : stats.total === expected, `${words}: ${stats.total}`);
      assert.ok(near(stats.perType.reduce((n, t) => n + t.count, 0), stats.total), words);
      const page = await store.queryEvents({ text: words, limit: 5 });
      assert.equal(page.estimated, estimated, words);
      assert.ok(estimated ? near(page.total, expected) : page.total === expected, `${words}: ${page.total}`);
      assert.equal(page.events.length, Math.min(5, expected), words);
      const map = await store.eventMap({ text: words }, { zoom: 9, points: 1000 });
      assert.equal(map.estimated, estimated, words);
      assert.ok(estimated ? near(map.total, expected) && map.points.length === 0 : map.total === expected && map.points.length === expected, words);
      assert.ok(near(map.cells.reduce((n, c) => n + c.count, 0) + map.points.length, map.total), words);
      const timeline = await store.eventTimeline({ text: words });
      assert.equal(timeline.estimated, estimated, words);
      assert.ok(estimated ? near(timeline.counts.reduce((n, c) => n + c.count, 0), expected) : timeline.counts.length === 1, words);
    }
    // The same sample every time: the same answer.
    assert.deepEqual(await store.eventStats({ text: 'half' }), await store.eventStats({ text: 'half' }));
  } finally {
    await client.end();
    await store.close();
    await target.drop();
  }
});
