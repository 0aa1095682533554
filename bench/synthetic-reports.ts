// Reports of one town struck every day, twenty a day (air strikes and shelling, calendar dates and
// weekdays, tolls), made without extraction: the bench's way to fill a database of any size quickly.
import { createHash } from 'node:crypto';
import type { NewDocument } from '../src/store/store.ts';
import type { EventRecord } from '../src/types.ts';

export const PER_DAY = 20;
const DAY0 = Date.UTC(2020, 0, 1);

const iso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);

export function placeReport(i: number): NewDocument {
  const day = Math.floor(i / PER_DAY);
  const kind = i % 3 === 0 ? 'Shelling/artillery/missile attack' : 'Air/drone strike';
  const weekday = i % 4 === 3; // told by its weekday, published the day after
  const published = iso(weekday ? day + 1 : day);
  const name = `place-${i}.txt`;
  const id = `evt_${createHash('sha256').update(`place|${i}`).digest('hex').slice(0, 20)}`;
  const location = { name: 'Khan Yunis', admin1: 'Khan Yunis', country: 'Palestine', country_code: 'PS', lat: 31.34 + (i % 7) * 0.002, lon: 34.30 + (i % 5) * 0.002, geo_precision: 2 as const };
  const record: EventRecord = {
    id, event_type: 'Explosions/Remote violence', sub_event_type: kind, date: iso(day), date_precision: 'day',
    actor1: 'Military Forces of Israel', actor2: 'Civilians (Palestine)', location, weapons: [], killed: i % 5 === 0 ? (i % 11) + 1 : null, wounded: null,
    claim: { status: 'reported', by: null },
    sources: [{ document: name, outlet: `outlet-${i % 9}`, cited: [], published, evidence: [] }],
    notes: '',
  } as unknown as EventRecord;
  return {
    info: { name, url: null, outlet: `outlet-${i % 9}`, language: 'en', languageRule: 'bench', published: { iso: published, precision: 'day', rule: 'bench' } as never, hash: id },
    text: `${kind} in Khan Yunis, report ${i}.`, zones: [], note: null,
    events: [{ record, trace: null, dayStated: !weekday }],
  };
}
