// A month of a war at one place: a town struck every day, each day told by several outlets.
// Resolution must give one event per day, not one event of the month (links taken one by one
// chain a place hit every day together), whatever the order in which the reports arrive.
// The reports are written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Report { readonly document: string; readonly published?: string; readonly text: string }

const iso = (d: Date) => d.toISOString().slice(0, 10);
const spelled = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** Day k of March 2024 (k from 1). */
const day = (k: number) => new Date(Date.UTC(2024, 2, k));

/** Three outlets a day: two give the calendar date, one the weekday (published the day after; its toll makes
 *  each text its own, since the same text twice is one document). */
function month(days: number): Report[] {
  const out: Report[] = [];
  for (let k = 1; k <= days; k++) {
    const d = day(k), next = day(k + 1);
    out.push({ document: `wire-${k}.txt`, published: iso(d), text: `Air strike on Khan Yunis\n\nOn ${spelled(d)}, an Israeli air strike hit a house in Khan Yunis, killing ${k % 5 + 2} people, the civil defence said.` });
    out.push({ document: `daily-${k}.txt`, published: iso(d), text: `Strike in Khan Yunis\n\nIsraeli warplanes struck a residential building in Khan Yunis on ${spelled(d)}, medics said.` });
    out.push({ document: `weekly-${k}.txt`, published: iso(next), text: `Khan Yunis\n\nAn Israeli air strike hit a home in Khan Yunis on ${WEEKDAYS[d.getUTCDay()]}, wounding ${k + 1} people, residents said.` });
  }
  return out;
}

async function eventsOf(reports: readonly Report[]): Promise<{ id: string; date: string | null; documents: string[] }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-war-'));
  const store = await openStore(join(dir, 'v.db'));
  // One report per batch: resolution is incremental, as when reports arrive over a month.
  for (const r of reports) {
    const path = join(dir, `${r.document}.jsonl`);
    writeFileSync(path, JSON.stringify({ document: r.document, text: r.text, published: r.published, language: 'en' }) + '\n');
    await ingest(store, [path]);
  }
  const events = (await store.events()).map((e) => ({ id: e.id, date: e.date, documents: e.sources.map((s) => s.document).sort() }));
  await store.close();
  return events.sort((a, b) => (a.id < b.id ? -1 : 1));
}

test('a month of daily strikes at one town, three reports a day: one event per day, in any order', async () => {
  const reports = month(30);
  const forward = await eventsOf(reports);
  assert.equal(forward.length, 30, forward.map((e) => `${e.date}:${e.documents.join('+')}`).join(' | '));
  for (const e of forward) {
    const k = Number(e.documents[0]!.replace(/\D/g, ''));
    assert.deepEqual(e.documents, [`daily-${k}.txt`, `weekly-${k}.txt`, `wire-${k}.txt`], `the reports of day ${k} are one event: ${forward.map((x) => `${x.date}:${x.documents.join('+')}`).join(' | ')}`);
    assert.equal(e.date, iso(day(k)));
  }
  assert.deepEqual(await eventsOf([...reports].reverse()), forward, 'the same events and ids in reverse order');
});

test('a report dated only by its week joins one day of the month or none, and never bridges two', async () => {
  const reports = month(6);
  const vague: Report = { document: 'roundup.txt', published: iso(day(4)), text: 'Khan Yunis\n\nAn Israeli air strike hit a house in Khan Yunis this week, the civil defence said.' };
  const events = await eventsOf([...reports, vague]);
  const holding = events.filter((e) => e.documents.includes('roundup.txt'));
  assert.equal(holding.length, 1);
  const days = new Set(holding[0]!.documents.filter((d) => d !== 'roundup.txt').map((d) => d.replace(/\D/g, '')));
  assert.ok(days.size <= 1, `the week's report joined reports of ${[...days].join(', ')}`);
  assert.ok(events.length === 6 || events.length === 7);
  assert.deepEqual(await eventsOf([vague, ...reports].reverse()), events);
});

test('an air strike and shelling of one town on one day are two events; two tellings of the air strike are one', async () => {
  const d = day(5);
  const events = await eventsOf([
    { document: 'air-a.txt', published: iso(d), text: `Khan Yunis\n\nOn ${spelled(d)}, Israeli warplanes struck a house in Khan Yunis, medics said.` },
    { document: 'air-b.txt', published: iso(d), text: `Khan Yunis\n\nAn Israeli air strike hit a home in Khan Yunis on ${spelled(d)}, residents said.` },
    { document: 'shells.txt', published: iso(d), text: `Khan Yunis\n\nOn ${spelled(d)}, Israeli artillery shelled the east of Khan Yunis, medics said.` },
  ]);
  assert.deepEqual(events.map((e) => e.documents.join('+')).sort(), ['air-a.txt+air-b.txt', 'shells.txt']);
});

test('strikes on one town one day with tolls far apart are two events, unless the larger toll is a later update', async () => {
  const d = day(5);
  const strike = (document: string, killed: number, published?: string): Report => ({
    document, ...(published ? { published } : {}),
    text: `Khan Yunis\n\nOn ${spelled(d)}, an Israeli air strike hit a house in Khan Yunis, killing ${killed} people, medics said.`,
  });
  const cases: [string, Report[], string[]][] = [
    ['no report dates, 3 and 14 killed: two strikes', [strike('a.txt', 3), strike('b.txt', 14)], ['a.txt', 'b.txt']],
    ['no report dates, 40 and 46 killed: outlets count differently', [strike('a.txt', 40), strike('b.txt', 46)], ['a.txt+b.txt']],
    ['3 killed, then 14 killed reported the next day: the toll rose', [strike('a.txt', 3, iso(d)), strike('b.txt', 14, iso(day(6)))], ['a.txt+b.txt']],
    ['14 killed, then 3 killed reported the next day: another strike', [strike('a.txt', 14, iso(d)), strike('b.txt', 3, iso(day(6)))], ['a.txt', 'b.txt']],
    ['a third telling with no toll does not bridge 3 and 14', [strike('a.txt', 3), strike('b.txt', 14), { document: 'c.txt', text: `Khan Yunis\n\nOn ${spelled(d)}, Israeli warplanes struck a house in Khan Yunis, medics said.` }], ['?']],
  ];
  for (const [what, reports, expected] of cases) {
    const events = await eventsOf(reports);
    const got = events.map((e) => e.documents.join('+')).sort();
    if (expected[0] === '?') {
      assert.equal(events.length, 2, `${what}: ${got.join(' | ')}`);
      assert.ok(!got.some((g) => g.includes('a.txt') && g.includes('b.txt')), `${what}: ${got.join(' | ')}`);
    } else assert.deepEqual(got, expected, what);
    assert.deepEqual(await eventsOf([...reports].reverse()), events, `${what}: the same in reverse order`);
  }
});
