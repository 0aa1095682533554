// /api/timeline's bins: `day`, `week` (ISO weeks named by their Mondays, a week from/to cut counting
// only the days they select) and `auto` (weeks when the selection spans more than 366 days: from/to
// when both are given, else its first and last dated day). Fastify's inject on the real app over a
// real SQLite file of events written for the cases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import type { EventRecord } from '../../src/types.ts';

let app: FastifyInstance;
let store: Store;

function event(id: string, date: string, country: string, sub = 'Peaceful protest'): EventRecord {
  return {
    id, event_type: 'Protests', sub_event_type: sub, date, date_precision: 'day', actor1: null, actor2: null, killed: null, wounded: null, weapons: [],
    claim: { status: 'reported', by: null },
    location: { name: 'P', admin1: null, country, country_code: country, lat: country === 'KE' ? -1.28 : 36.3, lon: country === 'KE' ? 36.82 : 43.1, geo_precision: 2 },
    sources: [{ document: 'a.txt', outlet: null, cited: [], published: null, evidence: [{ start: 0, end: 4, text: 'Text' }] }], notes: 'n',
  };
}

// KE: 2020-01-05 (a Sunday) to 2021-01-04 (a Monday), 366 days; IQ: 2020-01-05 to 2021-01-05, 367 days.
// Their weeks alone (2019-12-30 to 2021-01-04) leave either possible: the days decide.
const EVENTS: readonly EventRecord[] = [
  event('evt_01', '2020-01-05', 'KE'), event('evt_02', '2020-01-06', 'KE', 'Violent demonstration'), event('evt_03', '2020-01-08', 'KE'),
  event('evt_04', '2020-06-10', 'KE'), event('evt_05', '2021-01-04', 'KE'),
  event('evt_11', '2020-01-05', 'IQ'), event('evt_12', '2021-01-05', 'IQ'), event('evt_13', '2021-01-10', 'IQ'),
];

before(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'vigie-timeline-')), 'test.db'));
  await store.replaceEvents([], EVENTS.map((record) => ({ record, disagreements: [], mentionIds: [] })));
  app = buildApp({ store });
});
after(async () => {
  await app.close();
  await store.close();
});

interface TimelineBody { bin: string; types: string[]; days: { day: string; counts: number[] }[] }
const timeline = async (qs: string): Promise<TimelineBody> => {
  const r = await app.inject({ method: 'GET', url: `/api/timeline?${qs}` });
  assert.equal(r.statusCode, 200, `${qs}: ${r.body}`);
  return r.json() as TimelineBody;
};

test('timeline bin=auto: weeks beyond 366 days, days within, from from/to or else from the dated days', async () => {
  const table: [string, string][] = [
    ['', 'week'],
    ['country=KE', 'day'], // 366 days, 2020-01-05 to 2021-01-04
    ['country=IQ&to=2021-01-05', 'week'], // 367 days
    ['country=IQ&to=2021-01-04', 'day'], // its events of 2020-01-05 alone
    ['from=2020-01-01&to=2020-12-31', 'day'], // 366 days given, whatever the events span
    ['from=2020-01-01&to=2021-01-01', 'week'], // 367 days given
    ['from=2020-01-07&to=2021-01-08', 'week'], // 368 days given, events of 2020-06-10 to 2021-01-05 within
    ['from=2020-06-01', 'day'], // 2020-06-10 to 2021-01-10
    ['country=ZZ', 'day'], // nothing dated
  ];
  for (const [qs, bin] of table) {
    assert.equal((await timeline(qs)).bin, bin, qs);
    assert.deepEqual(await timeline(`${qs}&bin=auto`), await timeline(qs), `${qs}: auto is the default`);
  }
});

test('timeline bin=week: ISO weeks named by their Mondays, cut weeks counting only the days selected; bin=day unchanged', async () => {
  assert.deepEqual(await timeline('country=KE&bin=week'), {
    estimated: false, bin: 'week', types: ['Peaceful protest', 'Violent demonstration'],
    days: [{ day: '2019-12-30', counts: [1, 0] }, { day: '2020-01-06', counts: [1, 1] }, { day: '2020-06-08', counts: [1, 0] }, { day: '2021-01-04', counts: [1, 0] }],
  });
  // from a Tuesday: the week of 2020-01-06 holds only the event of the Wednesday.
  assert.deepEqual(await timeline('country=KE&from=2020-01-07&bin=week'), {
    estimated: false, bin: 'week', types: ['Peaceful protest'],
    days: [{ day: '2020-01-06', counts: [1] }, { day: '2020-06-08', counts: [1] }, { day: '2021-01-04', counts: [1] }],
  });
  assert.deepEqual(await timeline('country=KE&bin=day'), {
    estimated: false, bin: 'day', types: ['Peaceful protest', 'Violent demonstration'],
    days: [{ day: '2020-01-05', counts: [1, 0] }, { day: '2020-01-06', counts: [0, 1] }, { day: '2020-01-08', counts: [1, 0] }, { day: '2020-06-10', counts: [1, 0] }, { day: '2021-01-04', counts: [1, 0] }],
  });
});

test('timeline bin: a value other than day, week or auto is refused, naming the parameter', async () => {
  for (const bad of ['month', 'WEEK', '', 'day,week']) {
    const r = await app.inject({ method: 'GET', url: `/api/timeline?bin=${encodeURIComponent(bad)}` });
    assert.equal(r.statusCode, 400, bad);
    assert.match((r.json() as { message: string }).message, /^query: bin: /, bad);
  }
});
