import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, type SourceItem } from '../../src/ingest/sources.ts';

async function collect(inputs: string[], stdin?: string): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readSources(inputs, async () => Buffer.from(stdin ?? ''))) out.push(item);
  return out;
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'vigie-src-'));
}

test('a folder is read recursively, in name order, .txt and .jsonl only', async () => {
  const dir = folder();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.txt'), 'Second article.');
  writeFileSync(join(dir, 'a.txt'), 'First article.');
  writeFileSync(join(dir, 'sub', 'c.txt'), 'Nested article.');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
  const items = await collect([dir]);
  assert.deepEqual(items.map((i) => (i.kind === 'document' ? i.document.name : i.kind === 'error' ? i.input : i.kind)), ['a.txt', 'b.txt', 'c.txt']);
});

test('JSON Lines documents keep their metadata', async () => {
  const dir = folder();
  const path = join(dir, 'docs.jsonl');
  writeFileSync(path, [
    JSON.stringify({ document: 'one.txt', text: 'Un texte.', url: 'https://example.org/2024/01/02/x', published: '2024-01-02', language: 'fr', outlet: 'Example' }),
    '',
    JSON.stringify({ document: 'two.txt', text: 'Another text.' }),
  ].join('\n'));
  const items = await collect([path]);
  assert.equal(items.length, 2);
  assert.deepEqual(items[0], { kind: 'document', document: { name: 'one.txt', text: 'Un texte.', url: 'https://example.org/2024/01/02/x', published: '2024-01-02', language: 'fr', outlet: 'Example' } });
});

test('each kind of bad input is reported with its name and reason, and the rest goes on', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '   \n\n  ');
  writeFileSync(join(dir, 'good.txt'), 'A good article.');
  const jsonl = join(dir, 'mixed.jsonl');
  writeFileSync(jsonl, ['{"document": "ok.txt", "text": "Fine."}', '{not json', '[1, 2]', '{"text": "no name"}', '{"document": "x", "text": 3}', '{"document": "d", "text": "t", "published": "yesterday"}'].join('\n'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  // A kind of file no format reads: named, it is reported; in a folder, left alone.
  writeFileSync(join(dir, 'page.doc'), 'Une attaque');
  const items = await collect([dir, join(dir, 'missing.txt'), join(dir, 'page.doc')]);
  const errors = Object.fromEntries(items.filter((i) => i.kind === 'error').map((i) => [i.kind === 'error' ? i.input.replace(`${dir}/`, '') : '', i.kind === 'error' ? i.reason : '']));
  assert.match(errors['binary.txt']!, /binary/);
  assert.match(errors['latin1.txt']!, /invalid UTF-8 at byte 3/);
  assert.match(errors['empty.txt']!, /empty/);
  assert.match(errors['blank.txt']!, /empty/);
  assert.match(errors['mixed.jsonl:2']!, /not JSON/);
  assert.match(errors['mixed.jsonl:3']!, /not a JSON object/);
  assert.match(errors['mixed.jsonl:4']!, /missing "document"/);
  assert.match(errors['mixed.jsonl:5']!, /missing "text"/);
  assert.match(errors['mixed.jsonl:6']!, /ISO date/);
  assert.match(Object.entries(errors).find(([k]) => k.endsWith('missing.txt'))![1], /unreadable path \(ENOENT\)/);
  assert.match(errors['dangling.txt']!, /unreadable file \(ENOENT\)/);
  assert.match(Object.entries(errors).find(([k]) => k.endsWith('page.doc'))![1], /unsupported file type \(\.doc\)/);
  const names = items.filter((i) => i.kind === 'document').map((i) => (i.kind === 'document' ? i.document.name : ''));
  assert.deepEqual(names, ['good.txt', 'ok.txt']);
});

test('JSON Lines are read line by line: a broken line is named by its number, the others are read', async () => {
  const dir = folder();
  const path = join(dir, 'big.jsonl');
  const good = (i: number) => Buffer.from(`${JSON.stringify({ document: `d${i}.txt`, text: `Texte ${i} ${'x'.repeat(2000)}` })}\n`);
  const parts = [good(1), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), ...Array.from({ length: 3000 }, (_, i) => good(i + 2))];
  writeFileSync(path, Buffer.concat(parts));
  const items = await collect([path]);
  assert.equal(items.filter((i) => i.kind === 'document').length, 3001);
  const [error] = items.filter((i) => i.kind === 'error');
  assert.deepEqual(error, { kind: 'error', input: `${path}:2`, reason: 'invalid UTF-8' });
  const blank = join(dir, 'blank.jsonl');
  writeFileSync(blank, '\n\n  \n');
  assert.deepEqual(await collect([blank]), [{ kind: 'error', input: blank, reason: 'empty file' }]);
});

test('stdin is one text document, or JSON Lines when it starts with an object', async () => {
  assert.deepEqual(await collect(['-'], 'Plain text from a pipe.'), [{ kind: 'document', document: { name: 'stdin', text: 'Plain text from a pipe.' } }]);
  const lines = await collect(['-'], '{"document": "p.txt", "text": "Piped."}\n');
  assert.equal(lines[0]?.kind === 'document' && lines[0].document.name, 'p.txt');
  const empty = await collect(['-'], '');
  assert.equal(empty[0]?.kind, 'error');
});
