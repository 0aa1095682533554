// Inputs that once misled ingest (issue 27, item 9 of the issue): UTF-16 refused as binary, the size
// of a huge JSON line misreported, a FIFO named directly read forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { readSources, type SourceItem } from '../../src/ingest/sources.ts';
import { tmp, vigie } from './helpers.ts';

async function collect(inputs: string[]): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readSources(inputs)) out.push(item);
  return out;
}

const ARTICLE = "Une frappe de drone a touché la base d'Aïn al-Assad, en Irak, le 3 janvier 2024.";

test('UTF-16 with a byte order mark is decoded (little- and big-endian); without one it is refused as UTF-16', async () => {
  const dir = tmp();
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  writeFileSync(join(dir, 'le.txt'), le);
  writeFileSync(join(dir, 'be.txt'), be);
  writeFileSync(join(dir, 'nobom.txt'), Buffer.from(ARTICLE, 'utf16le'));
  const items = await collect([join(dir, 'le.txt'), join(dir, 'be.txt'), join(dir, 'nobom.txt')]);
  assert.deepEqual(items.slice(0, 2), [
    { kind: 'document', document: { name: 'le.txt', text: ARTICLE } },
    { kind: 'document', document: { name: 'be.txt', text: ARTICLE } },
  ]);
  assert.equal(items[2]!.kind, 'error');
  assert.match(items[2]!.kind === 'error' ? items[2]!.reason : '', /^UTF-16 without a byte order mark/);
});

test('a 20 MB JSON line is reported with its real size, and the lines after it are read', async () => {
  const dir = tmp();
  const path = join(dir, 'huge.jsonl');
  const fd = openSync(path, 'w');
  writeSync(fd, '{"document": "huge", "text": "');
  const block = Buffer.alloc(1 << 20, 0x61);
  for (let i = 0; i < 20; i++) writeSync(fd, block);
  writeSync(fd, '"}\n' + JSON.stringify({ document: 'after', text: ARTICLE }) + '\n');
  closeSync(fd);
  const items = await collect([path]);
  const size = 20 * (1 << 20) + '{"document": "huge", "text": "'.length + 2;
  assert.deepEqual(items[0], { kind: 'error', input: `${path}:1`, reason: `line too large (${size.toLocaleString('en-US')} bytes; a line holds at most 10 MB)` });
  assert.equal(items[1]!.kind === 'document' && items[1]!.document.name, 'after');
});

test('a text file over 5 MB is refused with its size', async () => {
  const dir = tmp();
  const path = join(dir, 'big.txt');
  writeFileSync(path, Buffer.alloc(6 * 1024 * 1024 + 5, 0x61));
  assert.deepEqual(await collect([path]), [{ kind: 'error', input: path, reason: 'too large (6,291,461 bytes; the limit is 5 MB)' }]);
});

test('a FIFO named directly is refused at once, not read until a writer comes', () => {
  const dir = tmp();
  const fifo = join(dir, 'pipe.txt');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const r = vigie(['ingest', fifo, '--db', join(dir, 'v.db'), '-w', '0'], undefined, 60_000);
  assert.equal(r.timedOut, false, 'vigie blocked on the FIFO');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /vigie: .*pipe\.txt: not a regular file \(a FIFO\)/);
});
