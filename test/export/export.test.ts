import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../../src/types.ts';
import { ACLED_COLUMNS, csvLines } from '../../src/export/csv.ts';
import { geojsonChunks } from '../../src/export/geojson.ts';
import { jsonlLines } from '../../src/export/jsonl.ts';
import { collect } from '../helpers/collect.ts';

const EVENT: EventRecord = {
  id: 'evt_1', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', date: '2024-01-15', date_precision: 'day',
  actor1: 'Ansar Allah', actor2: null,
  location: { name: 'Gulf of Aden', admin1: null, country: 'Yemen', country_code: 'YE', lat: 12.5, lon: 47.5, geo_precision: 3 },
  weapons: ['ballistic_missile'], killed: null, wounded: 0, claim: { status: 'claimed', by: 'Ansar Allah' },
  sources: [{ document: 'a.txt', outlet: 'Example, "News"', cited: ['AP'], published: '2024-01-16', evidence: [{ start: 3, end: 9, text: 'missile' }] }],
  notes: 'A note, with "quotes"\nand a line break.',
};

test('jsonl writes every field of the contract, in order', async () => {
  const [line] = await collect(jsonlLines([EVENT]));
  const parsed = JSON.parse(line!);
  assert.deepEqual(Object.keys(parsed), ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes', 'review']);
  assert.deepEqual(Object.keys(parsed.location), ['name', 'admin1', 'country', 'country_code', 'lat', 'lon', 'geo_precision']);
});

test('csv starts with ACLED columns in ACLED order and quotes what needs it', async () => {
  const [header, row] = await collect(csvLines([EVENT]));
  assert.deepEqual(header!.trim().split(',').slice(0, ACLED_COLUMNS.length), [...ACLED_COLUMNS]);
  assert.ok(row!.includes('"Example, ""News"""'));
  assert.ok(row!.includes('"A note, with ""quotes""\nand a line break."'));
  const cols = header!.trim().split(',');
  const fields = parseCsvRow(row!);
  assert.equal(fields[cols.indexOf('fatalities')], '0');
  assert.equal(fields[cols.indexOf('killed_reported')], '');
  assert.equal(fields[cols.indexOf('iso')], '887');
  assert.equal(fields[cols.indexOf('time_precision')], '1');
  assert.equal(fields[cols.indexOf('disorder_type')], 'Political violence');
});

test('geojson is a FeatureCollection; no coordinates means a null geometry, not a made-up point', async () => {
  const unplaced = { ...EVENT, id: 'evt_2', location: { ...EVENT.location!, lat: null, lon: null } };
  const fc = JSON.parse((await collect(geojsonChunks([EVENT, unplaced]))).join(''));
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features[0].geometry, { type: 'Point', coordinates: [47.5, 12.5] });
  assert.equal(fc.features[1].geometry, null);
  assert.equal(fc.features[0].properties.id, 'evt_1');
});

function parseCsvRow(row: string): string[] {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else if (c !== '\n') cur += c;
  }
  out.push(cur);
  return out;
}
