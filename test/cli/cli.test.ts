// The command line as a user runs it: the real bin, a real SQLite file, files on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

function vigie(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'vigie-cli-'));
}

test('ingest the samples, re-ingest is a no-op, export all three formats', () => {
  const dir = tmp();
  const db = join(dir, 'v.db');
  const first = vigie(['ingest', SAMPLES, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /read 5 documents: 5 stored, 0 skipped/);
  const again = vigie(['ingest', SAMPLES, '--db', db]);
  assert.match(again.stderr, /read 5 documents: 0 stored, 5 skipped/);

  const out = join(dir, 'e.jsonl');
  assert.equal(vigie(['export', '--db', db, '--format', 'jsonl', '--out', out]).code, 0);
  const events = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(events.length >= 15, `${events.length} events`);
  const texts = Object.fromEntries(readdirSync(SAMPLES).map((f) => [f, readFileSync(join(SAMPLES, f), 'utf8')]));
  for (const e of events) {
    for (const s of e.sources) for (const v of s.evidence) assert.equal(texts[s.document]!.slice(v.start, v.end), v.text);
  }
  const ids = new Set(events.map((e) => e.id));
  assert.equal(ids.size, events.length);

  const csv = vigie(['export', '--db', db, '--format', 'csv']);
  assert.ok(csv.stdout.startsWith('event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1'));
  const geo = JSON.parse(vigie(['export', '--db', db, '--format', 'geojson']).stdout);
  assert.equal(geo.features.length, events.length);

  const table = vigie(['events', '--db', db]);
  assert.match(table.stdout, new RegExp(`${events.length} events`));
});

test('bad inputs are named, the batch goes on, the exit code says so, stored data is untouched', () => {
  const dir = tmp();
  const db = join(dir, 'v.db');
  assert.equal(vigie(['ingest', SAMPLES, '--db', db, '-q']).code, 0);
  const before = vigie(['export', '--db', db]).stdout;
  const bad = join(dir, 'bad');
  const fs = { bin: Buffer.from([0, 1, 2, 3, 0, 0]), latin: Buffer.from('caf\xe9 au lait', 'latin1') };
  spawnSync('mkdir', [bad]);
  writeFileSync(join(bad, 'binary.txt'), fs.bin);
  writeFileSync(join(bad, 'latin1.txt'), fs.latin);
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'lines.jsonl'), '{"document": "ok.txt", "text": "Le 3 mars 2024, une roquette est tombée sur la base d’Aïn al-Assad."}\nnot json\n');
  const r = vigie(['ingest', bad, join(dir, 'missing'), '--db', db]);
  assert.equal(r.code, 1);
  for (const name of ['binary.txt: binary', 'latin1.txt: invalid UTF-8', 'empty.txt: empty file', 'lines.jsonl:2: not JSON', 'missing: unreadable path']) assert.ok(r.stderr.includes(name), `${name} in ${r.stderr}`);
  assert.match(r.stderr, /1 stored/);
  const after = vigie(['export', '--db', db]).stdout;
  assert.ok(after.includes('ok.txt'));
  for (const line of before.trim().split('\n')) assert.ok(after.includes(line), 'earlier events kept as they were');
});

test('--workers takes a whole number of threads and refuses anything else, naming the value', () => {
  const db = join(tmp(), 'v.db');
  for (const bad of ['-1', 'two', '1.5']) {
    const r = vigie(['ingest', SAMPLES, '--db', db, '--workers', bad]);
    assert.notEqual(r.code, 0);
    assert.ok(r.stderr.includes(`'${bad}'`), r.stderr);
  }
  assert.equal(vigie(['ingest', SAMPLES, '--db', db, '-q', '--workers', '2']).code, 0);
  assert.ok(vigie(['export', '--db', db]).stdout.trim().split('\n').length >= 20);
});

test('stdin is a document source', () => {
  const db = join(tmp(), 'v.db');
  const r = vigie(['ingest', '-', '--db', db], 'Headline\n\nOn March 3, 2024, two rockets hit Ain al-Asad air base, officials said.');
  assert.equal(r.code, 0, r.stderr);
  const [e] = vigie(['export', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(e.sources[0].document, 'stdin');
  assert.equal(e.date, '2024-03-03');
});

test('explain shows zones, events and rule ids', () => {
  const db = join(tmp(), 'v.db');
  vigie(['ingest', SAMPLES, '--db', db, '-q']);
  const r = vigie(['explain', '002_ade475924e1c9f94.txt', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /## zones/);
  assert.match(r.stdout, /teaser/);
  assert.match(r.stdout, /fr\.trigger\./);
  const missing = vigie(['explain', 'nope.txt', '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.txt: no such document/);
});

test('show lists an event with its sources, evidence and disagreements', () => {
  const dir = tmp();
  const db = join(dir, 'v.db');
  vigie(['ingest', SAMPLES, '--db', db, '-q']);
  const [first] = vigie(['export', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const r = vigie(['show', first.id, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`# ${first.id}`));
  assert.match(r.stdout, /## sources \(\d+\)/);
  assert.match(r.stdout, /## disagreements/);
  const json = JSON.parse(vigie(['show', first.id, '--db', db, '--json']).stdout);
  assert.equal(json.record.id, first.id);
  assert.ok(Array.isArray(json.disagreements));
  const missing = vigie(['show', 'evt_nope', '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /evt_nope: no such event/);
});

test('eval scores a corpus against a gold file', () => {
  const dir = tmp();
  const gold = join(dir, 'gold.json');
  writeFileSync(gold, JSON.stringify({ documents: [{ document: 'g.txt', events: [{ id: 'g-1', required: true, sub_event_type: ['Air/drone strike'], date: '2024-03-04', date_tolerance_days: 0,
    location: { name: 'Ain al-Asad Air Base', country_code: 'IQ', lat: 33.786, lon: 42.441, tolerance_km: 30 }, actor1: ['Islamic Resistance in Iraq'], claim_status: ['claimed'] }] }] }));
  const doc = join(dir, 'g.txt');
  writeFileSync(doc, 'Titre\n\nLa Résistance islamique en Irak a revendiqué lundi 4 mars 2024 une attaque de drones contre la base d’Aïn al-Assad.');
  const r = vigie(['eval', gold, doc]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /events: P 1\.000 {2}R 1\.000 {2}F1 1\.000/);
  assert.match(r.stdout, /sub_event_type 1\.000 {2}date 1\.000 {2}actor1 1\.000/);
  // A document's date is scored even when the document holds no event to carry it.
  const quiet = join(dir, 'h.txt');
  writeFileSync(quiet, 'date 2024-03-05\n\nLe texte parle de diplomatie.');
  writeFileSync(gold, JSON.stringify({ documents: [{ document: 'h.txt', published: '2024-03-05', events: [] }] }));
  const dated = vigie(['eval', gold, quiet]);
  assert.equal(dated.code, 0, dated.stderr);
  assert.match(dated.stdout, /document dates: 1\.000/);
  const bad = vigie(['eval', doc, doc]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /not a readable JSON gold file/);
});

test('places explains how a name resolves', () => {
  const r = vigie(['places', 'Samarra', '--country', 'IQ']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /key "samara"/);
  assert.match(r.stdout, /chosen: Samarra \(IQ\), precision 1/);
  const none = vigie(['places', 'Qwxzvbn']);
  assert.match(none.stdout, /no candidate in the gazetteer/);
  assert.equal(vigie(['places', 'Erbil', '--lang', 'de']).code, 1);
});

test('a database path that is not a database is refused by name', () => {
  const dir = tmp();
  const fake = join(dir, 'fake.db');
  writeFileSync(fake, 'plain text, not a database, long enough to fill a header');
  const r = vigie(['events', '--db', fake]);
  assert.equal(r.code, 1);
  assert.ok(r.stderr.includes(fake));
});
