// event_rollup (the counts per day, type, country and exact point kept by triggers) and
// event_rollup_week (per ISO week, quarter-degree cell, type and country): after every kind of write,
// and after the migrations that make them from an existing database, they hold what a direct
// aggregate of the events gives, and every answer read from them (statistics, timeline by day and by
// week, map, a list's total and page) is the answer read from the events. On a real SQLite file and a
// real PostgreSQL server (a schema of its own per test, helpers/pg.ts).
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
   * A database at the schema of `back` migrations before the latest (2: before event_rollup's, 1:
   * before event_rollup_week's), holding these events' rows (as that schema's store wrote them), then
   * opened by this vigie: the migrations count them.
   */
  migrated(records: readonly EventRecord[], back: number): Promise<{ store: KyselyStore; dispose(): Promise<void> }>;
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
    async migrated(records, back) {
      const path = join(mkdtempSync(join(tmpdir(), 'vigie-rollup-')), 'old.db');
      const db = new Database(path);
      const before = SQLITE_MIGRATIONS.length - back;
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
    async migrated(records, back) {
      const target = freshPgTarget();
      const schema = new URL(target.target).searchParams.get('schema')!;
      const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        const before = PG_MIGRATIONS.length - back;
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
/** On the edges of a quarter-degree cell, the south-west corner of the cell-aligned box below. */
const CORNER: Place = { lat: -1, lon: 36.75, country: 'KE' };
/**
 * The double just south of 1° S, and the double just west of 36.75° E: outside the cell-aligned box
 * below, yet each in its first row or column by the cell computed in doubles ((lat + 90) * 4 rounds
 * up to the edge): the weekly timeline reads a box's whole cells without their points.
 */
const HAIR_SOUTH: Place = { lat: -1.0000000000000002, lon: 37.1, country: 'KE' };
const HAIR_WEST: Place = { lat: -0.5, lon: 36.74999999999999, country: 'KE' };
/** On the antimeridian, 180° east: the cell index numbers it in column 0 of the row above. */
const DATELINE: Place = { lat: -16.5, lon: 180, country: 'FJ' };

/** Events with keys shared (several per key) and keys of NULLs: no date, no place, no country, no event type. */
function corpus(): EventRecord[] {
  const out: EventRecord[] = [];
  const places = [NAIROBI, MOMBASA, KISUMU, MOSUL, FIJI, TAVEUNI, SEA, CORNER, HAIR_SOUTH, HAIR_WEST, DATELINE];
  const types = ['Peaceful protest', 'Violent demonstration', 'Air/drone strike'];
  for (let i = 0; i < 120; i++) {
    // Days 10 to 16 of three months, and some a year later: weeks across months and years.
    const day = `${i % 8 === 5 ? 2022 : 2021}-0${1 + (i % 3)}-1${i % 7}`;
    out.push(event(`evt_${String(i).padStart(3, '0')}`, i % 11 === 0 ? null : day, types[i % 3]!, i % 13 === 0 ? null : places[(i * 3) % places.length]!, i % 17 === 0 ? null : i % 3 === 2 ? 'Explosions/Remote violence' : 'Protests'));
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

/**
 * The Monday of a day's ISO week, written here from the calendar (not the store's mondayOf): what the
 * databases' triggers must key event_rollup_week by.
 */
function monday(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

/** The quarter-degree cell of a point, as the index events_box_cell numbers it (src/store/box-cells.ts). */
const cellOfPoint = (lat: number | null, lon: number | null) => (lat === null || lon === null ? null : Math.floor((lat + 90) * 4) * 1440 + Math.floor((lon + 180) * 4));

/** event_rollup_week's rows and the events counted per week, cell, type and country here, in one order. */
async function weeklyRollupAndAggregate(store: KyselyStore): Promise<[unknown[], unknown[]]> {
  const db = store.adapter.db;
  const keyOf = (r: { week: string | null; box_cell: number | null; sub_event_type: string; event_type: string | null; country_code: string | null }) =>
    JSON.stringify([r.week, r.box_cell, r.sub_event_type, r.event_type, r.country_code]);
  const rollup = (await db.selectFrom('event_rollup_week').select(['week', 'box_cell', 'sub_event_type', 'event_type', 'country_code', 'n']).execute())
    .map((r) => ({ key: keyOf({ ...r, box_cell: r.box_cell === null ? null : Number(r.box_cell) }), n: Number(r.n) }));
  const aggregate = new Map<string, number>();
  for (const e of await db.selectFrom('events').select(['date', 'lat', 'lon', 'sub_event_type', 'event_type', 'country_code']).execute()) {
    const key = keyOf({ week: e.date === null ? null : monday(e.date), box_cell: cellOfPoint(e.lat, e.lon), sub_event_type: e.sub_event_type, event_type: e.event_type, country_code: e.country_code });
    aggregate.set(key, (aggregate.get(key) ?? 0) + 1);
  }
  const sorted = (rows: { key: string; n: number }[]) => rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [sorted(rollup), sorted([...aggregate].map(([key, n]) => ({ key, n })))];
}

/** A daily timeline's counts summed into ISO weeks, each named by its Monday. */
function summedIntoWeeks(counts: readonly { day: string; sub_event_type: string; count: number }[]): { day: string; sub_event_type: string; count: number }[] {
  const byKey = new Map<string, { day: string; sub_event_type: string; count: number }>();
  for (const c of counts) {
    const key = `${monday(c.day)} ${c.sub_event_type}`;
    const had = byKey.get(key);
    if (had) had.count += c.count;
    else byKey.set(key, { day: monday(c.day), sub_event_type: c.sub_event_type, count: c.count });
  }
  return [...byKey.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.sub_event_type < b.sub_event_type ? -1 : a.sub_event_type > b.sub_event_type ? 1 : 0));
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
  // The weekly timeline's cases: from/to that cut weeks, boxes that cut cells or lie on their edges.
  ['dates that cut weeks (a Wednesday to a Thursday)', { from: '2021-01-13', to: '2021-03-11' }],
  ['dates within one week', { from: '2021-02-09', to: '2021-02-11' }],
  ['from a Sunday, open end', { from: '2021-02-14' }],
  ['to a Tuesday, open start', { to: '2021-02-16' }],
  ['whole weeks (a Monday to a Sunday)', { from: '2021-01-11', to: '2021-03-14' }],
  ['box on cells\' edges (a hair outside it counted in its cell)', { bbox: [36.75, -1, 39.75, 0] }],
  ['box that cuts cells', { bbox: [36.8, -4.1, 39.7, -0.05] }],
  ['box that cuts cells, dates that cut weeks, a type', { bbox: [34, -5, 40, 0], from: '2021-01-12', to: '2022-02-12', subEventTypes: ['Peaceful protest', 'Violent demonstration'] }],
  ['box within one cell', { bbox: [36.8, -1.3, 36.82, -1.28] }],
  ['box up to the antimeridian', { bbox: [178, -18, 180, -16] }],
  ['box across the antimeridian, country, dates', { bbox: [175, -20, -175, -15], country: 'FJ', from: '2021-02-01' }],
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
    const days = await events.eventTimeline(q);
    assert.deepEqual(await store.eventTimeline(q), days, `${what}: timeline`);
    assert.deepEqual(await store.eventTimeline(q, { bin: 'day' }), days, `${what}: timeline by day`);
    // By week: the days summed into their weeks (a week from/to cut holds only the days they select).
    const weeks = { estimated: false, bin: 'week', counts: summedIntoWeeks(days.counts) };
    assert.deepEqual(await store.eventTimeline(q, { bin: 'week' }), weeks, `${what}: timeline by week`);
    assert.deepEqual(await events.eventTimeline(q, { bin: 'week' }), weeks, `${what}: timeline by week, from the events`);
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
  const [weekly, weeklyAggregate] = await weeklyRollupAndAggregate(store);
  assert.deepEqual(weekly, weeklyAggregate, `${label}: event_rollup_week is the events' aggregate`);
  assert.ok(weekly.every((r) => (r as { n: number }).n > 0), `${label}: no weekly key of no event is kept`);
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
    // A day moved within its week, and a point moved within its cell: the weekly key stays.
    await db.updateTable('events').set({ date: '2021-01-12' }).where('id', '=', all[12]!.id).execute();
    await db.updateTable('events').set({ lat: -1.2, lon: 36.8 }).where('id', '=', all[14]!.id).execute();
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

  for (const [back, before] of [[2, 'event_rollup'], [1, 'event_rollup_week']] as const) {
    test(`${backend.name}: the migrations count the events of a database made before ${before}`, { skip: backend.skip }, async () => {
      const all = corpus();
      const { store, dispose } = await backend.migrated(all, back);
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
  }

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

  test(`${backend.name}: filters that are no column of the rollups are counted from the events`, { skip: backend.skip }, async () => {
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
      // The same of the weekly rollup, read for weeks from/to hold whole and a box's whole cells (the
      // daily rollup right again: the days of cut cells and cut weeks are read from it).
      await store.adapter.db.updateTable('event_rollup').set({ n: sql<number>`n - 1000` }).execute();
      await store.adapter.db.updateTable('event_rollup_week').set({ n: sql<number>`n + 1000` }).execute();
      const weekly: [EventQuery, boolean][] = [[{ text: 'Text' }, false], [{ claim: 'reported' }, false], [{ country: 'KE' }, true], [{ bbox: [34, -5, 40, 0] }, true],
        [{ bbox: [36.8, -1.3, 36.82, -1.28] }, false], [{ from: '2021-02-09', to: '2021-02-11' }, false], [{ bbox: [-180, -90, 180, 90] }, false]];
      const sum = (t: { counts: readonly { count: number }[] }) => t.counts.reduce((n, c) => n + c.count, 0);
      for (const [q, fromRollup] of weekly) {
        const total = sum(await store.eventTimeline(q, { bin: 'week' }));
        assert.equal(total !== sum(await store.eventsOnly().eventTimeline(q, { bin: 'week' })), fromRollup, `weeks of ${JSON.stringify(q)}`);
      }
    } finally {
      await dispose();
    }
  });
}
