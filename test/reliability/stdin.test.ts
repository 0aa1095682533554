// stdin streams as a file does (issue 27, item 2): JSON Lines of any length line by line, a pipe cut
// in the middle of a character loses only its last line, text is read with a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readSources, type SourceItem } from '../../src/ingest/sources.ts';
import { snapshot, tmp, vigie } from './helpers.ts';

function jsonl(n: number, pad: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(JSON.stringify({ document: `d${i}`, text: `Bulletin numéro ${i} : rien à signaler. ${'Le temps est calme. '.repeat(pad)}` }));
  return lines.join('\n') + '\n';
}

test('JSON Lines over 5 MB on stdin are stored line by line', () => {
  const input = jsonl(1100, 270);
  assert.ok(Buffer.byteLength(input) > 5 * 1024 * 1024);
  const db = join(tmp(), 'v.db');
  const r = vigie(['ingest', '-', '--db', db, '-w', '0'], input);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /read 1100 documents: 1100 stored/);
  assert.equal(snapshot(db).documents.length, 1100);
});

test('a pipe cut in the middle of a character loses only its last line, which is reported', () => {
  const whole = Buffer.from(jsonl(4, 2).trimEnd() + '\n' + JSON.stringify({ document: 'cut', text: 'Une frappe a touché la base. Été.' }));
  const at = whole.lastIndexOf(Buffer.from('É'));
  const cut = whole.subarray(0, at + 1); // the first byte of a two-byte character
  const db = join(tmp(), 'v.db');
  const r = vigie(['ingest', '-', '--db', db, '-w', '0'], cut);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /vigie: stdin:5: invalid UTF-8 \(the input ends inside this line\)/);
  assert.match(r.stderr, /4 stored/);
  assert.deepEqual(snapshot(db).documents.map((d) => d.split('|')[0]), ['d1', 'd2', 'd3', 'd4']);
});

test('text on stdin is one document, refused past 5 MB without reading the rest', () => {
  const db = join(tmp(), 'v.db');
  const r = vigie(['ingest', '-', '--db', db, '-w', '0'], 'Texte brut. '.repeat(600_000));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /vigie: stdin: too large \(over 5 MB, the limit of one document; reading stopped there\)/);
  const ok = vigie(['ingest', '-', '--db', db, '-w', '0'], 'Un texte court venu d\'un tube.');
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(snapshot(db).documents.map((d) => d.split('|')[0]), ['stdin']);
});

test('stdin given as a stream of small chunks: lines across chunks, a byte order mark, JSON detected after white space', async () => {
  const text = '\ufeff  \n' + jsonl(3, 1);
  const bytes = Buffer.from(text);
  async function* chunks() { for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7); }
  const items: SourceItem[] = [];
  for await (const item of readSources(['-'], chunks)) items.push(item);
  assert.deepEqual(items.map((i) => (i.kind === 'document' ? i.document.name : i.kind === 'error' ? i.reason : i.kind)), ['d1', 'd2', 'd3']);
});
