import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord, Place } from '../../src/types.ts';
import { cluster, daysToYearless, mentionKey, mergeMentions, type Mention } from '../../src/resolve/resolve.ts';
import { toDays } from '../../src/extract/dates.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';

const AIN_AL_ASAD: Place = { name: 'Ain al-Asad Air Base', admin1: 'Al Anbar', country: 'Iraq', country_code: 'IQ', lat: 33.7856, lon: 42.4412, geo_precision: 1 };
const ANBAR: Place = { name: 'Al Anbar', admin1: 'Al Anbar', country: 'Iraq', country_code: 'IQ', lat: 32.8, lon: 41.9, geo_precision: 3 };
// A site 20 km from Ain al-Asad.
const NEARBY: Place = { name: 'Al Baghdadi', admin1: 'Al Anbar', country: 'Iraq', country_code: 'IQ', lat: 33.9, lon: 42.6, geo_precision: 1 };

let n = 0;
function mention(document: string, over: Partial<EventRecord> = {}): Mention {
  const id = `m${++n}`;
  const record: EventRecord = {
    id, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', date: '2024-03-04', date_precision: 'day',
    actor1: null, actor2: 'Military Forces of the United States', location: AIN_AL_ASAD, weapons: ['drone'], killed: null, wounded: null,
    claim: { status: 'reported', by: null },
    sources: [{ document, outlet: null, cited: [], published: '2024-03-05', evidence: [{ start: 0, end: 5, text: 'Texte' }] }],
    notes: 'n', ...over,
  };
  return { id, document, record };
}

const sizes = (ms: Mention[]) => cluster(ms.map(mentionKey)).map((c) => c.members.length).sort();

test('French and English reports of one attack, a day apart in their dating, are one event', async () => {
  assert.deepEqual(sizes([mention('fr.txt'), mention('en.txt', { date: '2024-03-05' })]), [2]);
});

test('two reports of a day and the day after at one site are one event, though a third, dated only to the week of its report, could join either', async () => {
  // Reports a day apart link to each other first (reciprocal cheapest links); the report known to the week stays alone.
  const groups = cluster([mention('a.txt'), mention('b.txt', { date: '2024-03-05' }), mention('c.txt', { date: '2024-03-09', date_precision: 'week' })].map(mentionKey))
    .map((c) => c.members.map((k) => k.document).sort().join('+')).sort();
  assert.deepEqual(groups, ['a.txt+b.txt', 'c.txt']);
});

test('a report dated only by its month is an event of that month: not one of the weeks before it', async () => {
  const monthOnly = { date: '2024-04-01', date_precision: 'month' as const };
  assert.deepEqual(sizes([mention('a.txt', { date: '2024-03-13' }), mention('b.txt', monthOnly)]), [1, 1]);
  assert.deepEqual(sizes([mention('a.txt', { date: '2024-04-21' }), mention('b.txt', monthOnly)]), [2]);
});

test('two attacks on the same base on different days stay two events', async () => {
  assert.deepEqual(sizes([mention('a.txt'), mention('b.txt', { date: '2024-03-09' })]), [1, 1]);
});

test('the same day, two bases 20 km apart, are two events', async () => {
  assert.deepEqual(sizes([mention('a.txt'), mention('b.txt', { location: NEARBY })]), [1, 1]);
});

test('a province-level report and a site-level report of one attack are one event, at the site', async () => {
  const ms = [mention('site.txt'), mention('province.txt', { location: ANBAR })];
  const [c] = cluster(ms.map(mentionKey));
  assert.equal(c!.members.length, 2);
  assert.equal(mergeMentions(c!.id, ms).record.location?.name, 'Ain al-Asad Air Base');
});

test('two villages the gazetteer lacks, each set at the point of their district town, are two places: the same day, two events', async () => {
  // Each keeps its own name at the town's point, at the precision of an area; the town itself is a third place.
  const TOWN: Place = { name: 'Ayn Tarma', admin1: 'Rif Dimashq', country: 'Syria', country_code: 'SY', lat: 33.5, lon: 36.35, geo_precision: 1 };
  const at = (name: string): Place => ({ ...TOWN, name, geo_precision: 3 });
  const shelling = { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', weapons: ['artillery'] } as const;
  assert.deepEqual(sizes([mention('a.txt', { ...shelling, location: at('Kafr Batna West') }), mention('b.txt', { ...shelling, location: at('Saqba North') })]), [1, 1]);
  assert.deepEqual(sizes([mention('a.txt', { ...shelling, location: at('Kafr Batna West') }), mention('b.txt', { ...shelling, location: TOWN })]), [1, 1]);
  // The same unknown village told by two reports is one event.
  assert.deepEqual(sizes([mention('a.txt', { ...shelling, location: at('Kafr Batna West') }), mention('b.txt', { ...shelling, location: at('Kafr Batna West') })]), [2]);
});

test('an exchange of fire and a strike from the air at one place on one day are two events; a bomb that opens a gunfight is one', async () => {
  const clash = { event_type: 'Battles', sub_event_type: 'Armed clash', weapons: ['small_arms'] } as const;
  const shelling = { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', weapons: ['artillery'] } as const;
  const suicide = { event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', weapons: ['ied'] } as const;
  assert.deepEqual(sizes([mention('a.txt', { ...clash, weapons: [...clash.weapons] }), mention('b.txt')]), [1, 1]);
  assert.deepEqual(sizes([mention('a.txt', { ...clash, weapons: [...clash.weapons] }), mention('b.txt', { ...shelling, weapons: [...shelling.weapons] })]), [1, 1]);
  assert.deepEqual(sizes([mention('a.txt', { ...clash, weapons: [...clash.weapons] }), mention('b.txt', { ...suicide, weapons: [...suicide.weapons] })]), [2]);
});

test('an arrest, an interception and a demolition the same day in one city are three events; two reports of one arrest are one', async () => {
  const strategic = (sub_event_type: string, actor1: string | null) => ({ event_type: 'Strategic developments', sub_event_type, actor1, actor2: null, weapons: [] }) as Partial<EventRecord>;
  assert.deepEqual(sizes([mention('a.txt', strategic('Disrupted weapons use', null)), mention('b.txt', strategic('Arrests', 'Hamas')),
    mention('c.txt', strategic('Looting/property destruction', 'Military Forces of Israel'))]), [1, 1, 1]);
  assert.deepEqual(sizes([mention('a.txt', strategic('Arrests', 'Hamas')), mention('b.txt', strategic('Arrests', null))]), [2]);
});

test('contradicting authors are not merged', async () => {
  assert.deepEqual(sizes([mention('a.txt', { actor1: 'Hezbollah' }), mention('b.txt', { actor1: 'Hamas' })]), [1, 1]);
});

test('two events of one document never end up in one event through a third report', async () => {
  const ms = [mention('a.txt', { date: '2024-03-04' }), mention('a.txt', { date: '2024-03-05', sub_event_type: 'Shelling/artillery/missile attack', event_type: 'Explosions/Remote violence' }), mention('b.txt', { date: '2024-03-05' })];
  assert.deepEqual(sizes(ms), [1, 2]);
});

test('clusters and ids do not depend on the order of the mentions', async () => {
  const ms = [mention('a.txt'), mention('b.txt', { date: '2024-03-05' }), mention('c.txt', { date: '2024-03-10' }), mention('d.txt', { location: ANBAR })];
  const ids = (list: Mention[]) => cluster(list.map(mentionKey)).map((c) => `${c.id}:${c.members.map((m) => m.id).sort().join(',')}`).sort();
  assert.deepEqual(ids([...ms].reverse()), ids(ms));
  assert.deepEqual(ids([ms[2]!, ms[0]!, ms[3]!, ms[1]!]), ids(ms));
});

test('a later report of a known event adds a source without changing the event id', async () => {
  const first = [mention('early.txt', { sources: [{ document: 'early.txt', outlet: null, cited: [], published: '2024-03-04', evidence: [{ start: 0, end: 1, text: 'x' }] }] })];
  const [before] = cluster(first.map(mentionKey));
  const later = mention('late.txt', { sources: [{ document: 'late.txt', outlet: null, cited: [], published: '2024-03-06', evidence: [{ start: 0, end: 1, text: 'y' }] }] });
  const [after] = cluster([...first, later].map(mentionKey));
  assert.equal(after!.members.length, 2);
  assert.equal(after!.id, before!.id);
});

test('merged fields: most specific date, number given by more sources, strongest claim; disagreements are listed', async () => {
  const ms = [
    mention('a.txt', { killed: 3, claim: { status: 'claimed', by: 'Hezbollah' }, actor1: 'Hezbollah' }),
    mention('b.txt', { killed: 3, claim: { status: 'confirmed', by: null } }),
    mention('c.txt', { killed: 0, date: '2024-03-01', date_precision: 'week', claim: { status: 'denied', by: null } }),
  ];
  const { record, disagreements } = mergeMentions('evt_x', ms);
  assert.equal(record.killed, 3);
  assert.equal(record.date, '2024-03-04');
  assert.equal(record.date_precision, 'day');
  assert.equal(record.claim.status, 'confirmed');
  assert.equal(record.actor1, 'Hezbollah');
  assert.equal(record.sources.length, 3);
  const fields = disagreements.map((d) => d.field);
  assert.ok(fields.includes('killed'));
  assert.ok(fields.includes('claim'));
  const killed = disagreements.find((d) => d.field === 'killed')!;
  assert.deepEqual(killed.values.map((v) => [v.value, v.documents.length]), [[3, 2], [0, 1]]);
});

const SYRIA: Place = { name: 'Syria', admin1: null, country: 'Syria', country_code: 'SY', lat: null, lon: null, geo_precision: null };
const TANF: Place = { name: 'Al-Tanf', admin1: 'Homs', country: 'Syria', country_code: 'SY', lat: 33.5, lon: 38.62, geo_precision: 1 };
const unpublished = (document: string) => [{ document, outlet: null, cited: [], published: null, evidence: [{ start: 0, end: 1, text: 'x' }] }];

test('a report placed only in a country joins an event of that country only when it tells the same kind of event', async () => {
  const base = { location: TANF, date: '2024-03-04' };
  const drone = [mention('site.txt', base), mention('country.txt', { location: SYRIA, date: '2024-03-05' })];
  assert.deepEqual(sizes(drone), [2]);
  const rockets = [mention('site.txt', base), mention('country.txt', { location: SYRIA, date: '2024-03-05', sub_event_type: 'Shelling/artillery/missile attack', weapons: ['rocket'] })];
  assert.deepEqual(sizes(rockets), [1, 1]);
});

test('a report of several attacks at once ("two separate drone attacks in Iraq") joins none of them', async () => {
  const IRAQ: Place = { name: 'Iraq', admin1: null, country: 'Iraq', country_code: 'IQ', lat: null, lon: null, geo_precision: null };
  const told = mention('two.txt', { location: IRAQ });
  assert.deepEqual(sizes([mention('site.txt'), told]), [2]);
  assert.deepEqual(sizes([mention('site.txt'), { ...told, tellsSeveral: true }]), [1, 1]);
  // Nor a province's report of them.
  assert.deepEqual(sizes([mention('site.txt'), { ...mention('anbar.txt', { location: ANBAR }), tellsSeveral: true }]), [1, 1]);
});

test('an undated report joins an event of the days just before its report, not one a week earlier at the same site', async () => {
  const event = mention('dated.txt', { date: '2024-03-04' });
  const undatedReported = (document: string, published: string) =>
    mention(document, { date: null, date_precision: null, sources: [{ document, outlet: null, cited: [], published, evidence: [{ start: 0, end: 5, text: 'Texte' }] }] });
  assert.deepEqual(sizes([event, undatedReported('next-day.txt', '2024-03-05')]), [2]);
  assert.deepEqual(sizes([event, undatedReported('week-later.txt', '2024-03-10')]), [1, 1]);
});

test('an undated, unpublished report that gives a day and month without a year joins the event of that day at its site', async () => {
  const events = [mention('oct18.txt', { location: TANF, date: '2023-10-18' }), mention('oct23.txt', { location: TANF, date: '2023-10-23' })];
  const undated = { ...mention('rt.txt', { location: TANF, date: null, date_precision: null, sources: unpublished('rt.txt') }), dayWithoutYear: '10-23' };
  const clusters = cluster([...events, undated].map(mentionKey));
  const joined = clusters.find((c) => c.members.some((m) => m.document === 'rt.txt'))!;
  assert.deepEqual(joined.members.map((m) => m.document).sort(), ['oct23.txt', 'rt.txt']);
  // Without the day and month, two events at that site could be the one: it stays apart.
  const bare = mention('rt2.txt', { location: TANF, date: null, date_precision: null, sources: unpublished('rt2.txt') });
  assert.deepEqual(sizes([...events, bare]), [1, 1, 1]);
  // A day and month that fits neither event keeps it apart too.
  assert.deepEqual(sizes([...events, { ...bare, dayWithoutYear: '11-02' }]), [1, 1, 1]);
});

test('undated, unpublished reports that say only where and what: one joins the one event there, several that compete stay apart', async () => {
  const event = mention('dated.txt', { location: TANF, date: '2023-10-23' });
  const bare = (document: string) => mention(document, { location: TANF, date: null, date_precision: null, sources: unpublished(document) });
  assert.deepEqual(sizes([event, bare('one.txt')]), [2]);
  // Two such reports of drone strikes at one base: the kind recurs there, and neither can be told to be this strike.
  assert.deepEqual(sizes([event, bare('one.txt'), bare('two.txt')]), [1, 1, 1]);
  // A report that gives the day and month is not a competitor: it says which strike it tells.
  assert.deepEqual(sizes([event, bare('one.txt'), { ...bare('dayed.txt'), dayWithoutYear: '10-23' }]), [3]);
});

test('two reports placed only in one region, on days that agree, of one kind, with a side in common, are one event', async () => {
  const EAST_SYRIA: Place = { name: 'eastern Syria', admin1: null, country: 'Syria', country_code: 'SY', lat: 35.34, lon: 40.43, geo_precision: 3 };
  const region = (document: string, over: Partial<EventRecord> = {}) =>
    mention(document, { location: EAST_SYRIA, date: '2023-11-08', actor1: null, actor2: 'Islamic Revolutionary Guard Corps', weapons: ['aircraft'], ...over });
  assert.deepEqual(sizes([region('a.txt'), region('b.txt', { actor1: 'Military Forces of the United States', date: '2023-11-09' })]), [2]);
  // No side in common, another kind of event, days apart, or two tellings of one document: apart.
  assert.deepEqual(sizes([region('a.txt', { actor2: null }), region('b.txt', { actor1: 'Military Forces of the United States' })]), [1, 1]);
  assert.deepEqual(sizes([region('a.txt'), region('b.txt', { sub_event_type: 'Shelling/artillery/missile attack' })]), [1, 1]);
  assert.deepEqual(sizes([region('a.txt'), region('b.txt', { date: '2023-11-15' })]), [1, 1]);
  assert.deepEqual(sizes([region('a.txt'), region('a.txt', { date: '2023-11-09' })]), [1, 1]);
  // A precise event that they fit takes them instead.
  const site = mention('site.txt', { location: { name: 'Al Mayadin', admin1: 'Deir ez-Zor', country: 'Syria', country_code: 'SY', lat: 35.02, lon: 40.45, geo_precision: 1 }, date: '2023-11-08', actor2: 'Islamic Revolutionary Guard Corps' });
  assert.deepEqual(sizes([site, region('a.txt'), region('b.txt')]), [3]);
});

test('a report placed only in a country joins the one regional report of that day, kind and author; with two candidates it stays alone', async () => {
  const GULF: Place = { name: 'Gulf of Aden', admin1: null, country: 'Yemen', country_code: 'YE', lat: 12.5, lon: 47.5, geo_precision: 3 };
  const RED_SEA: Place = { name: 'southern Red Sea', admin1: null, country: 'Yemen', country_code: 'YE', lat: 14.5, lon: 42.5, geo_precision: 3 };
  const YEMEN: Place = { name: 'Yemen', admin1: null, country: 'Yemen', country_code: 'YE', lat: null, lon: null, geo_precision: null };
  const houthi = (document: string, location: Place, over: Partial<EventRecord> = {}) => mention(document, {
    location, date: '2024-01-15', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack',
    actor1: 'Ansar Allah', actor2: null, weapons: ['ballistic_missile'], ...over,
  });
  assert.deepEqual(sizes([houthi('gulf.txt', GULF), houthi('yemen.txt', YEMEN)]), [2]);
  // Another author, another kind, or another day: apart.
  assert.deepEqual(sizes([houthi('gulf.txt', GULF), houthi('yemen.txt', YEMEN, { actor1: null })]), [1, 1]);
  assert.deepEqual(sizes([houthi('gulf.txt', GULF), houthi('yemen.txt', YEMEN, { sub_event_type: 'Air/drone strike', weapons: ['drone'] })]), [1, 1]);
  assert.deepEqual(sizes([houthi('gulf.txt', GULF), houthi('yemen.txt', YEMEN, { date: '2024-01-19' })]), [1, 1]);
  // Two attacks that day in two seas: the country-level report could be either.
  assert.deepEqual(sizes([houthi('gulf.txt', GULF), houthi('red.txt', RED_SEA), houthi('yemen.txt', YEMEN)]), [1, 1, 1]);
});

test('the contest between undated reports is judged on the events as they end up, and a province\'s middle is not a site', async () => {
  const place = (lat: number, precision: 1 | 2 | 3, admin1 = 'Baghdad'): Place => ({ name: 'p', admin1, country: 'Iraq', country_code: 'IQ', lat, lon: 44.0, geo_precision: precision });
  const anchor = mention('anchor.txt', { location: place(33.0, 1) });
  // A report dated to the month, "near" a town 22 km north, joins the event in phase 2 and brings it within 10 km of that town.
  const near = mention('near.txt', { location: place(33.2, 2), date_precision: 'month' });
  const undated = (document: string, precision: 1 | 2 | 3 = 1) => mention(document, { location: place(33.21, precision), date: null, date_precision: null, sources: unpublished(document) });
  assert.deepEqual(sizes([anchor, near, undated('u1.txt')]), [3]);
  assert.deepEqual(sizes([anchor, near, undated('u1.txt'), undated('u2.txt')]), [1, 1, 2]);
  // An event known there only by a province-level report is no site for an undated report.
  const province = mention('province.txt', { location: place(33.2, 3) });
  assert.deepEqual(sizes([province, undated('u1.txt')]), [1, 1]);
});

test('a report placed only in a province does not join an event in the next province', async () => {
  const town = mention('town.txt', { location: { name: 'Eldoret', admin1: 'Uasin Gishu', country: 'Kenya', country_code: 'KE', lat: 0.52, lon: 35.27, geo_precision: 1 }, sub_event_type: 'Peaceful protest', event_type: 'Protests' });
  const county = (admin1: string) => mention('county.txt', { location: { name: admin1, admin1, country: 'Kenya', country_code: 'KE', lat: -0.11, lon: 34.80, geo_precision: 3 }, sub_event_type: 'Peaceful protest', event_type: 'Protests' });
  assert.deepEqual(sizes([town, county('Kisumu')]), [1, 1]);
  // Within 150 km and the same province: one event.
  assert.deepEqual(sizes([town, county('Uasin Gishu')]), [2]);
});

// Through ingest and a real database: reports written for this test, in both languages.
const REPORTS: Record<string, string> = {
  'fr.txt': 'Titre\n\nLa Résistance islamique en Irak a revendiqué lundi 4 mars 2024 une attaque de drones contre la base d’Aïn al-Assad.',
  'en.txt': 'Headline\n\nThe Islamic Resistance in Iraq claimed a drone attack on US forces at Ain al-Asad air base on March 4, 2024.',
  'other.txt': 'Headline\n\nRockets hit Harir air base on March 9, 2024, officials said.',
  'tanf.txt': 'Headline\n\nA drone attack targeted US forces at al-Tanf garrison on March 12, 2024, officials said.',
  'tanf-undated.txt': 'Headline\n\nA drone attack targeted US forces at al-Tanf garrison, officials said.',
  'tanf-undated-2.txt': 'Headline\n\nDrones struck the al-Tanf base where US troops are stationed, a security source said.',
  'asad.txt': 'Headline\n\nOn Wednesday March 13, 2024, two one-way drones headed for the al-Asad air base were shot down, officials said.',
  'iraq-one.txt': 'Headline\n\nUS forces in Iraq were targeted by a drone attack on Wednesday March 13, 2024, officials said.',
  'iraq-two.txt': 'Headline\n\nUS forces in Iraq were targeted in two separate drone attacks on Wednesday March 13, 2024, officials said.',
};

async function ingestInOrder(names: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-resolve-'));
  const store = await openStore(join(dir, 'v.db'));
  for (const name of names) {
    const path = join(dir, name);
    writeFileSync(path, REPORTS[name]!);
    await ingest(store, [path]);
  }
  const events = (await store.events()).map((e) => `${e.id}:${e.sources.map((s) => s.document).sort().join('+')}`).sort();
  // Ingesting again changes nothing.
  for (const name of names) await ingest(store, [join(dir, name)]);
  assert.deepEqual((await store.events()).map((e) => `${e.id}:${e.sources.map((s) => s.document).sort().join('+')}`).sort(), events);
  await store.close();
  return events;
}

test('ingest in any order gives the same events and ids, and re-ingest is idempotent', async () => {
  const a = await ingestInOrder(['fr.txt', 'en.txt', 'other.txt']);
  const b = await ingestInOrder(['other.txt', 'en.txt', 'fr.txt']);
  assert.deepEqual(a, b);
  assert.ok(a.some((e) => e.endsWith(':en.txt+fr.txt')), a.join(' | '));
});

test('undated reports are resolved the same whether they arrive before or after the dated report and each other', async () => {
  const docs = (events: string[]) => events.map((e) => e.split(':')[1]);
  const one = await ingestInOrder(['tanf-undated.txt', 'tanf.txt']);
  assert.deepEqual(one, await ingestInOrder(['tanf.txt', 'tanf-undated.txt']));
  assert.deepEqual(docs(one), ['tanf-undated.txt+tanf.txt']);
  const two = await ingestInOrder(['tanf-undated.txt', 'tanf.txt', 'tanf-undated-2.txt']);
  assert.deepEqual(two, await ingestInOrder(['tanf-undated-2.txt', 'tanf.txt', 'tanf-undated.txt']));
  assert.deepEqual(two, await ingestInOrder(['tanf.txt', 'tanf-undated-2.txt', 'tanf-undated.txt']));
  assert.deepEqual(docs(two).sort(), ['tanf-undated-2.txt', 'tanf-undated.txt', 'tanf.txt']);
});

test('through the store, a report of one attack in the country joins the attack at the base; a report of two does not', async () => {
  const docs = (events: string[]) => events.map((e) => e.split(':')[1]).sort();
  assert.deepEqual(docs(await ingestInOrder(['asad.txt', 'iraq-one.txt'])), ['asad.txt+iraq-one.txt']);
  assert.deepEqual(docs(await ingestInOrder(['iraq-two.txt', 'asad.txt'])), ['asad.txt', 'iraq-two.txt']);
});

test('days from a day to the nearest date of a day and month told without a year', async () => {
  const rows: [string, string, number][] = [
    ['03-12', '2019-03-14', 2],
    ['12-31', '2020-01-01', 1], // the year before
    ['01-02', '2019-12-30', 3], // the year after
    ['02-29', '2021-03-01', 366], // only 2020 has one
    ['02-29', '2024-02-28', 1],
  ];
  for (const [monthDay, day, days] of rows) assert.equal(daysToYearless(monthDay, toDays(day)), days, `${monthDay} from ${day}`);
});

test('a report with no date joins the event 29.9 km due north of it, not the one 30.1 km away (a town\'s reach), the latitudes alone telling most apart', async () => {
  // Due north, the distance is the latitudes' difference: where a bound from latitude alone meets the distance.
  const north = (km: number): Place => ({ ...AIN_AL_ASAD, name: 'Town', geo_precision: 2, lat: AIN_AL_ASAD.lat! + km / ((12742 / 2) * (Math.PI / 180)) });
  for (const [km, expected] of [[29.9, [2]], [30.1, [1, 1]], [29.999, [2]], [30.001, [1, 1]], [500, [1, 1]]] as const) {
    assert.deepEqual(sizes([mention('site.txt'), mention('town.txt', { date: null, date_precision: null, location: north(km) })]), expected, `${km} km`);
  }
});

test('among three hundred events of a region, a report placed only in the province, one with no date and one placed only in the country each join the one event that fits', async () => {
  // A grid of strikes 5.5 km apart, three days apart: none is another's (phase 1), and each loose
  // report below fits exactly one of them. Resolution finds those among the events around by their
  // extent and their days rather than by a look at every event: the answer must be what a look at
  // every one gives.
  const site = (i: number): Place => ({ ...AIN_AL_ASAD, name: `Site ${i}`, lat: 33 + (i % 20) * 0.05, lon: 42 + Math.floor(i / 20) * 0.05 });
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10);
  const events = Array.from({ length: 300 }, (_, i) => mention(`strike-${i}.txt`, {
    date: day(i), location: site(i), ...(i === 77 ? { sub_event_type: 'Shelling/artillery/missile attack', weapons: ['artillery'] } : {}),
  }));
  const province = mention('province.txt', { date: day(150), location: { ...ANBAR, lat: site(150).lat! + 0.3, lon: site(150).lon! } });
  const undated = mention('undated.txt', {
    date: null, date_precision: null, sub_event_type: 'Shelling/artillery/missile attack', weapons: ['artillery'],
    location: { ...site(77), name: 'Town', geo_precision: 2, lat: site(77).lat! + 0.02 }, sources: [{ document: 'undated.txt', outlet: null, cited: [], published: null, evidence: [] }],
  });
  const country: Place = { name: 'Iraq', admin1: null, country: 'Iraq', country_code: 'IQ', lat: null, lon: null, geo_precision: null };
  const national = mention('national.txt', { date: day(200), location: country });
  const all = [...events, province, undated, national];
  for (const order of [all, [...all].reverse()]) {
    const clusters = cluster(order.map(mentionKey));
    assert.equal(clusters.length, 300);
    const withIt = (m: Mention) => clusters.find((c) => c.members.some((k) => k.id === m.id))!.members.map((k) => k.document).sort();
    assert.deepEqual(withIt(province), ['province.txt', 'strike-150.txt']);
    assert.deepEqual(withIt(undated), ['strike-77.txt', 'undated.txt']);
    assert.deepEqual(withIt(national), ['national.txt', 'strike-200.txt']);
  }
});

test('three places in a line, 25 km apart, struck the same day: no event holds two places 50 km apart', async () => {
  // Each neighbour pair is within the reach of places known to a district (30 km); the two ends are not.
  // Links taken one by one would make one event of a front's villages.
  const town = (name: string, lat: number): Place => ({ name, admin1: 'Kharkiv', country: 'Ukraine', country_code: 'UA', lat, lon: 36.3, geo_precision: 2 });
  const [a, b, c] = [town('North', 49.5), town('Middle', 49.5 + 25 / 111.2), town('South', 49.5 + 50 / 111.2)];
  const ms = [mention('a.txt', { location: a }), mention('b.txt', { location: b }), mention('c.txt', { location: c })];
  const groups = cluster(ms.map(mentionKey)).map((g) => g.members.map((k) => k.document).sort());
  assert.ok(groups.every((g) => !(g.includes('a.txt') && g.includes('c.txt'))), JSON.stringify(groups));
  assert.deepEqual(groups.map((g) => g.length).sort(), [1, 2]);
});

test('two towns the gazetteer knows, 8 km apart, struck the same day, are two events; a base and the town 4 km off it are one', async () => {
  const at = (name: string, lat: number): Place => ({ name, admin1: 'Gaza Strip', country: 'Palestine', country_code: 'PS', lat, lon: 34.35, geo_precision: 1 });
  assert.deepEqual(sizes([mention('a.txt', { location: at('Town A', 31.4) }), mention('b.txt', { location: at('Town B', 31.4 + 8 / 111.2) })]), [1, 1]);
  assert.deepEqual(sizes([mention('a.txt', { location: at('Town A', 31.4) }), mention('b.txt', { location: at('Town A', 31.4) })]), [2]);
  assert.deepEqual(sizes([mention('a.txt', { location: at('A Base', 31.4) }), mention('b.txt', { location: at('Town A', 31.4 + 4 / 111.2) })]), [2]);
});

test('a village the gazetteer lacks, set at the point of its district, is not the town the district knows by another name', async () => {
  const TOWN: Place = { name: 'Deir al-Balah', admin1: 'Deir al-Balah', country: 'Palestine', country_code: 'PS', lat: 31.417, lon: 34.35, geo_precision: 1 };
  const DISTRICT: Place = { ...TOWN, geo_precision: 3 };
  const village: Place = { ...TOWN, name: 'Small Village', geo_precision: 3, lat: 31.41, lon: 34.36 };
  // The village (an area's point, its own name) and the town: two places, the same day.
  assert.deepEqual(sizes([mention('a.txt', { location: TOWN }), mention('b.txt', { location: village })]), [1, 1]);
  // The district itself named at precision 3 may be the town's event.
  assert.deepEqual(sizes([mention('a.txt', { location: TOWN }), mention('b.txt', { location: DISTRICT })]), [2]);
});

test('two neighbourhoods of a town, each with its own death toll, struck the same day, are two events; one place with a risen toll stays one', async () => {
  const TOWN: Place = { name: 'Khan Yunis', admin1: 'Khan Yunis', country: 'Palestine', country_code: 'PS', lat: 31.34, lon: 34.31, geo_precision: 1 };
  const QUARTER: Place = { ...TOWN, name: 'Hamad City', lat: 31.36, lon: 34.28, geo_precision: 1 };
  const strike = { actor1: 'Military Forces of Israel', actor2: null, weapons: ['aircraft'] } as const;
  assert.deepEqual(sizes([mention('a.txt', { ...strike, location: TOWN, killed: 4 }), mention('b.txt', { ...strike, location: QUARTER, killed: 7 })]), [1, 1]);
  // Different names, one toll, or one toll unknown: a district for its town, told twice.
  assert.deepEqual(sizes([mention('a.txt', { ...strike, location: TOWN, killed: 4 }), mention('b.txt', { ...strike, location: QUARTER, killed: 4 })]), [2]);
  assert.deepEqual(sizes([mention('a.txt', { ...strike, location: TOWN, killed: 4 }), mention('b.txt', { ...strike, location: QUARTER })]), [2]);
  // A later report with a higher toll is an update.
  const later = mention('b.txt', { ...strike, location: QUARTER, killed: 7 });
  const updated = { ...later, record: { ...later.record, sources: [{ ...later.record.sources[0]!, published: '2024-03-07' }] } };
  assert.deepEqual(sizes([mention('a.txt', { ...strike, location: TOWN, killed: 4 }), updated]), [2]);
});

test('a village told without a day joins no event that holds another village set at the same area point', async () => {
  const TOWN: Place = { name: 'Marjayoun', admin1: 'Nabatieh', country: 'Lebanon', country_code: 'LB', lat: 33.36, lon: 35.59, geo_precision: 1 };
  const at = (name: string): Place => ({ ...TOWN, name, geo_precision: 3 });
  const NEAR: Place = { ...TOWN, name: 'Blida', lat: 33.38, lon: 35.56, geo_precision: 1 };
  const shelling = { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Israel', actor2: null, weapons: ['artillery'] } as const;
  assert.deepEqual(sizes([mention('a.txt', { ...shelling, location: NEAR }), mention('b.txt', { ...shelling, location: at('Blida') }),
    mention('c.txt', { ...shelling, location: at('Yaroun'), date: null, date_precision: null })]), [1, 2]);
});

test('two villages the gazetteer lacks, set at the points of two districts 4 km apart, struck the same day, are two events', async () => {
  const village = (name: string, lat: number, lon: number): Place => ({ name, admin1: 'Nabatieh', country: 'Lebanon', country_code: 'LB', lat, lon, geo_precision: 3 });
  const shelling = { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Israel', actor2: null, weapons: ['artillery'] } as const;
  const unknown = (m: Mention): Mention => ({ ...m, placeUnknown: true });
  assert.deepEqual(sizes([unknown(mention('a.txt', { ...shelling, location: village('Yaroun', 33.12, 35.43) })),
    unknown(mention('b.txt', { ...shelling, location: village('Blida', 33.14, 35.46) }))]), [1, 1]);
  // The same village told by two reports stays one event.
  assert.deepEqual(sizes([unknown(mention('a.txt', { ...shelling, location: village('Yaroun', 33.12, 35.43) })),
    unknown(mention('b.txt', { ...shelling, location: village('Yaroun', 33.12, 35.43) }))]), [2]);
});
