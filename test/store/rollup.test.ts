// event_rollup (the counts per day, type, country and exact point kept by triggers): after every kind
// of write, and after the migration that makes it from an existing database, it holds what a direct
// aggregate of the events gives, and every answer read from it (statistics, timeline, map, a list's
// total and page) is the answer read from the events. On a real SQLite file and a real PostgreSQL
// server (a schema of its own per test, helpers/pg.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { openStore } from '../../src/store/open.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import type { EventQuery } from '../../src/store/store.ts';
import type { EventRecord } from '../../src/types.ts';
import type { ResolvedEvent } from '../../src/resolve/resolve.ts';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { MIGRATIONS as PG_MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { freshPgTarget, pgSkip, PG_URL } from '../helpers/pg.ts';

interface Backend {
  readonly name: string;
  readonly skip: string | false;
  /** A new, empty database, at the latest schema. */
  fresh(): Promise<{ store: KyselyStore; dispose(): Promise<void> }>;
  /**
   * A database at the schema before event_rollup's, holding these events' rows (as that schema's
   * store wrote them), then opened by this vigie: the migration counts them.
   */
  migrated(records: readonly EventRecord[]): Promise<{ store: KyselyStore; dispose(): Promise<void> }>;
}

/** The events table's columns of a record, as the store writes them (KyselyStore.replaceEvents). */
function row(r: EventRecord): Record<string, unknown> {
  return {
    id: r.id, record: JSON.stringify(r), disagreements: '[]', date: r.date, sub_event_type: r.sub_event_type, country_code: r.location?.country_code ?? null,
    lat: r.location?.lat ?? null, lon: r.location?.lon ?? null, n_sources: r.sources.length, event_type: r.event_type, actor1: r.actor1, actor2: r.actor2,
    claim_status: r.claim.status, killed: r.killed,
  };
}

const BACKENDS: readonly Backend[] = [
  {
    name: 'sqlite',
    skip: false,
    async fresh() {
      const store = await openStore(join(mkdtempSync(join(tmpdir(), 'vigie-rollup-')), 'test.db'));
      return { store, dispose: () => store.close() };
    },
    async migrated(records) {
      const path = join(mkdtempSync(join(tmpdir(), 'vigie-rollup-')), 'old.db');
      const db = new Database(path);
      const before = SQLITE_MIGRATIONS.length - 1;
      for (const m of SQLITE_MIGRATIONS.slice(0, before)) db.exec(m);
      db.pragma(`user_version = ${before}`);
      const insert = db.prepare(`INSERT INTO events (${Object.keys(row(records[0]!)).join(', ')}) VALUES (${Object.keys(row(records[0]!)).map((k) => `@${k}`).join(', ')})`);
      for (const r of records) insert.run(row(r));
      db.close();
      const store = await openStore(path);
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    skip: await pgSkip(),
    async fresh() {
      const target = freshPgTarget();
      const store = await openStore(target.target);
      return { store, dispose: async () => { await store.close(); await target.drop(); } };
    },
    async migrated(records) {
      const target = freshPgTarget();
      const schema = new URL(target.target).searchParams.get('schema')!;
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        const before = PG_MIGRATIONS.length - 1;
        await client.query(`CREATE SCHEMA ${schema}`);
        await client.query('CREATE TABLE vigie_schema (version integer NOT NULL)');
        for (const m of PG_MIGRATIONS.slice(0, before)) await client.query(m);
        await client.query('INSERT INTO vigie_schema (version) VALUES ($1)', [before]);
        for (const r of records) {
          const values = row(r);
          await client.query(`INSERT INTO events (${Object.keys(values).join(', ')}) VALUES (${Object.keys(values).map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(values));
        }
      } finally {
        await client.end();
      }
      const store = await openStore(target.target);
      return { store, dispose: async () => { await store.close(); await target.drop(); } };
    },
  },
];

interface Place { readonly lat: number; readonly lon: number; readonly country: string | null }

function event(id: string, date: string | null, sub: string, place: Place | null, eventType: string | null = 'Protests'): EventRecord {
  return {
    id, event_type: eventType as EventRecord['event_type'], sub_event_type: sub, date, date_precision: date ? 'day' : null,
    actor1: null, actor2: null, killed: null, wounded: null, weapons: [], claim: { status: 'reported', by: null },
    location: place ? { name: 'P', admin1: null, country: place.country ?? 'Unknown', country_code: place.country, lat: place.lat, lon: place.lon, geo_precision: 2 } : null,
    sources: [{ document: 'a.txt', outlet: null, cited: [], published: null, evidence: [{ start: 0, end: 4, text: 'Text' }] }], notes: 'n',
  };
}

const NAIROBI: Place = { lat: -1.2864, lon: 36.8172, country: 'KE' };
const MOMBASA: Place = { lat: -4.0435, lon: 39.6682, country: 'KE' };
const KISUMU: Place = { lat: -0.0917, lon: 34.768, country: 'KE' };
const MOSUL: Place = { lat: 36.335, lon: 43.1189, country: 'IQ' };
const FIJI: Place = { lat: -17.7134, lon: 178.065, country: 'FJ' };
const TAVEUNI: Place = { lat: -16.85, lon: -179.95, country: 'FJ' };
const SEA: Place = { lat: 0.5, lon: 0.5, country: null };

/** Events with keys shared (several per key) and keys of NULLs: no date, no place, no country, no event type. */
function corpus(): EventRecord[] {
  const out: EventRecord[] = [];
  const places = [NAIROBI, MOMBASA, KISUMU, MOSUL, FIJI, TAVEUNI, SEA];
  const types = ['Peaceful protest', 'Violent demonstration', 'Air/drone strike'];
  for (let i = 0; i < 90; i++) {
    const day = `2021-0${1 + (i % 3)}-1${i % 7}`;
    out.push(event(`evt_${String(i).padStart(3, '0')}`, i % 11 === 0 ? null : day, types[i % 3]!, i % 13 === 0 ? null : places[i % 7]!, i % 17 === 0 ? null : i % 3 === 2 ? 'Explosions/Remote violence' : 'Protests'));
  }
  return out;
}

const resolved = (records: readonly EventRecord[]): ResolvedEvent[] => records.map((record) => ({ record, disagreements: [], mentionIds: [] }));

/** The rollup's rows and the events' aggregate, in one order. */
async function rollupAndAggregate(store: KyselyStore): Promise<[unknown[], unknown[]]> {
  const db = store.adapter.db;
  const keyOf = (r: Record<string, unknown>) => JSON.stringify([r.date, r.sub_event_type, r.event_type, r.country_code, r.lat, r.lon]);
  const byKey = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const rollup = await db.selectFrom('event_rollup').select(['date', 'sub_event_type', 'event_type', 'country_code', 'lat', 'lon', 'n']).execute();
  const aggregate = await db.selectFrom('events').select(['date', 'sub_event_type', 'event_type', 'country_code', 'lat', 'lon', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['date', 'sub_event_type', 'event_type', 'country_code', 'lat', 'lon']).execute();
  return [byKey(rollup as Record<string, unknown>[]), byKey(aggregate as Record<string, unknown>[])];
}

/** The selections the web app asks for whose counts are read from the rollup. */
const QUERIES: readonly [string, EventQuery][] = [
  ['no filter', {}],
  ['dates', { from: '2021-02-01', to: '2021-03-12' }],
  ['country', { country: 'KE' }],
  ['country and type, dates', { country: 'KE', subEventTypes: ['Peaceful protest'], from: '2021-01-01', to: '2021-02-28' }],
  ['event types', { eventTypes: ['Explosions/Remote violence'] }],
  ['two types', { subEventTypes: ['Peaceful protest', 'Air/drone strike'] }],
  ['box of quarter-degree cells', { bbox: [34, -5, 40, 0] }],
  ['box, dates', { bbox: [34, -5, 40, 0], from: '2021-02-01', to: '2021-03-31' }],
  ['box across the antimeridian', { bbox: [170, -20, -170, -10] }],
  ['box of the world (no cells)', { bbox: [-180, -90, 180, 90] }],
  ['nothing', { country: 'ZZ' }],
];

/** Cell means are float sums divided (the rollup sums lat × n where the events add lat n times): equal to 1e-9°. */
function roundedMap(m: Awaited<ReturnType<KyselyStore['eventMap']>>): unknown {
  const r = (x: number) => Math.round(x * 1e9) / 1e9;
  return { ...m, cells: m.cells.map((c) => ({ ...c, lat: r(c.lat), lon: r(c.lon) })) };
}

/** Every answer read from the rollup is the one read from the events. */
async function assertSameAnswers(store: KyselyStore, label: string): Promise<void> {
  const events = store.eventsOnly();
  for (const [name, q] of QUERIES) {
    const what = `${label}, ${name}`;
    assert.deepEqual(await store.eventStats(q), await events.eventStats(q), `${what}: statistics`);
    assert.deepEqual(await store.eventTimeline(q), await events.eventTimeline(q), `${what}: timeline`);
    for (const [zoom, points] of [[0, 0], [3, 5], [9, 1000]] as const) {
      assert.deepEqual(roundedMap(await store.eventMap(q, { zoom, points })), roundedMap(await events.eventMap(q, { zoom, points })), `${what}: map at zoom ${zoom}`);
    }
    for (const [limit, offset] of [[5, 0], [7, 3], [40, 0], [100, 0], [10, 80]] as const) {
      const page = { ...q, limit, offset };
      assert.deepEqual(await store.queryEvents(page), await events.queryEvents(page), `${what}: list of ${limit} from ${offset}`);
    }
    const queue = { ...q, limit: 10, order: 'queue' as const };
    assert.deepEqual(await store.queryEvents(queue), await events.queryEvents(queue), `${what}: review queue`);
  }
}

async function assertRollupIsAggregate(store: KyselyStore, label: string): Promise<void> {
  const [rollup, aggregate] = await rollupAndAggregate(store);
  assert.deepEqual(rollup, aggregate, `${label}: event_rollup is the events' aggregate`);
  assert.ok(rollup.every((r) => (r as { n: number }).n > 0), `${label}: no key of no event is kept`);
}

const moved = (r: EventRecord, changes: Partial<EventRecord>): EventRecord => ({ ...r, ...changes });

/** Writes, each followed by the checks: [what, the write]. */
const WRITES: readonly [string, (store: KyselyStore, all: EventRecord[]) => Promise<void>][] = [
  ['events inserted', async (store, all) => { await store.replaceEvents([], resolved(all)); }],
  ['events deleted (among them the last of their keys)', async (store, all) => { await store.replaceEvents(all.filter((_, i) => i % 5 === 0).map((r) => r.id), []); }],
  ['two events merged into one of another day, type and place', async (store, all) => {
    const [a, b] = [all[1]!, all[2]!];
    await store.replaceEvents([a.id, b.id], resolved([moved(a, { date: '2021-03-30', sub_event_type: 'Violent demonstration', location: { ...a.location!, lat: 10.25, lon: 20.75, country_code: 'SD' } })]).map((e) => ({ ...e, replaces: [b.id] })));
  }],
  ['an event rewritten in place (resolution: same id, new date and type)', async (store, all) => {
    await store.replaceEvents([], resolved([moved(all[3]!, { date: '2020-12-31', sub_event_type: 'Air/drone strike' })]));
  }],
  ['keyed columns updated in place (date, country, point, event type)', async (store, all) => {
    const db = store.adapter.db;
    await db.updateTable('events').set({ date: '2021-01-01', country_code: 'UG', lat: 0.3476, lon: 32.5825 }).where('id', '=', all[4]!.id).execute();
    await db.updateTable('events').set({ date: null, lat: null, lon: null }).where('id', '=', all[6]!.id).execute();
    await db.updateTable('events').set({ event_type: null }).where('id', 'in', [all[7]!.id, all[8]!.id]).execute();
    // A column that is no key: the rollup is not touched.
    await db.updateTable('events').set({ killed: 3 }).where('id', '=', all[9]!.id).execute();
  }],
  ['an event unresolved (its mentions to resolve again)', async (store, all) => { await store.unresolveEvents([all[10]!.id, all[11]!.id]); }],
  ['every event deleted', async (store) => {
    const ids = (await store.adapter.db.selectFrom('events').select('id').execute()).map((r) => r.id);
    await store.replaceEvents(ids, []);
  }],
];

for (const backend of BACKENDS) {
  test(`${backend.name}: event_rollup is the events' aggregate after each write, and its answers are the events'`, { skip: backend.skip }, async () => {
    const { store, dispose } = await backend.fresh();
    try {
      const all = corpus();
      for (const [what, write] of WRITES) {
        await write(store, all);
        await assertRollupIsAggregate(store, what);
        await assertSameAnswers(store, what);
      }
      assert.equal((await store.eventStats({})).total, 0);
    } finally {
      await dispose();
    }
  });

  test(`${backend.name}: the migration counts the events of an existing database`, { skip: backend.skip }, async () => {
    const all = corpus();
    const { store, dispose } = await backend.migrated(all);
    try {
      await assertRollupIsAggregate(store, 'migrated');
      assert.equal((await store.eventStats({})).total, all.length);
      await assertSameAnswers(store, 'migrated');
      // The triggers are in place after the migration.
      await store.replaceEvents([all[0]!.id], resolved([event('evt_new', '2021-05-05', 'Peaceful protest', NAIROBI)]));
      await assertRollupIsAggregate(store, 'migrated, then written');
    } finally {
      await dispose();
    }
  });

  test(`${backend.name}: a box's page, read from the day the rollup gives, is the page read in order`, { skip: backend.skip }, async () => {
    const { store, dispose } = await backend.fresh();
    try {
      // Many events of one day at the page's edge, and undated ones after the dated.
      const days = ['2022-01-03', '2022-01-02', '2022-01-02', '2022-01-02', '2022-01-01', null, null];
      await store.replaceEvents([], resolved(days.map((d, i) => event(`evt_p${i}`, d, 'Peaceful protest', NAIROBI))));
      const ids = (r: { events: EventRecord[] }) => r.events.map((e) => e.id);
      // A box's page is the one read from the day the rollup gives (a page of other filters is read in order).
      const box: EventQuery['bbox'] = [36, -2, 37, -1];
      const table: [EventQuery, string[], number][] = [
        [{ bbox: box, limit: 1 }, ['evt_p0'], 7],
        [{ bbox: box, limit: 2 }, ['evt_p0', 'evt_p1'], 7],
        [{ bbox: box, limit: 2, offset: 2 }, ['evt_p2', 'evt_p3'], 7],
        [{ bbox: box, limit: 3, offset: 3 }, ['evt_p3', 'evt_p4', 'evt_p5'], 7],
        [{ bbox: box, limit: 10, offset: 4 }, ['evt_p4', 'evt_p5', 'evt_p6'], 7],
        [{ bbox: box, limit: 5, offset: 9 }, [], 7],
        [{ bbox: box, limit: 2, from: '2022-01-02' }, ['evt_p0', 'evt_p1'], 4],
        [{ limit: 2, offset: 1 }, ['evt_p1', 'evt_p2'], 7],
      ];
      for (const [q, expected, total] of table) {
        const got = await store.queryEvents(q);
        assert.deepEqual([ids(got), got.total], [expected, total], JSON.stringify(q));
        assert.deepEqual(got, await store.eventsOnly().queryEvents(q), JSON.stringify(q));
      }
    } finally {
      await dispose();
    }
  });

  test(`${backend.name}: filters that are no column of the rollup are counted from the events`, { skip: backend.skip }, async () => {
    const { store, dispose } = await backend.fresh();
    try {
      await store.replaceEvents([], resolved(corpus()));
      // A rollup made wrong on purpose: a selection read from it would say so.
      await store.adapter.db.updateTable('event_rollup').set({ n: sql<number>`n + 1000` }).execute();
      const table: [EventQuery, boolean][] = [[{ claim: 'reported' }, false], [{ text: 'Text' }, false], [{ actor: 'Nobody' }, false], [{ review: 'rejected' }, false], [{}, true], [{ country: 'KE' }, true]];
      for (const [q, fromRollup] of table) {
        const total = (await store.eventStats(q)).total;
        assert.equal(total !== (await store.eventsOnly().eventStats(q)).total, fromRollup, JSON.stringify(q));
      }
    } finally {
      await dispose();
    }
  });
}
