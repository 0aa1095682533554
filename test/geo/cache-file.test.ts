import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCacheFile, writeCacheFile } from '../../src/geo/cache-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cache-test-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const sample = () => ({
  towns: { lat: Float64Array.from([33.1, 36.5, -1.28]), country: Uint16Array.from([3, 3, 7]), id: Int32Array.from([98182, -1, 184745]) },
  index: { flags: new Uint8Array(100_001).fill(2), postings: new Int32Array(70_000).map((_, i) => i - 1) },
  names: ['Kirkouk', 'عين الأسد'],
  byKey: new Map<string, unknown>([['erbil', [{ id: 'geonames:95446', lat: 36.19 }]], ['empty', new Float32Array(0)]]),
  size: { cities: 3 },
});

test('cache file: typed arrays, maps, arrays and strings come back equal, each array with a buffer of its own', () => {
  const path = join(dir, 'round.v8');
  writeCacheFile(path, sample());
  const back = readCacheFile(path) as ReturnType<typeof sample>;
  assert.deepEqual(back, sample());
  for (const typed of [back.towns.lat, back.towns.country, back.towns.id, back.index.flags, back.index.postings]) {
    assert.equal(typed.buffer.byteLength, typed.byteLength);
  }
});

test('cache file: a truncated or foreign file is an error that names it, not a wrong index', () => {
  const truncated = join(dir, 'truncated.v8');
  writeCacheFile(truncated, sample());
  truncateSync(truncated, readFileSync(truncated).length - 16);
  assert.throws(() => readCacheFile(truncated), (e: Error) => e.message.includes(truncated) && /truncated/.test(e.message));
  const foreign = join(dir, 'foreign.v8');
  writeFileSync(foreign, 'not an index at all, just some text that is long enough');
  assert.throws(() => readCacheFile(foreign), (e: Error) => e.message.includes(foreign));
  const empty = join(dir, 'empty.v8');
  writeFileSync(empty, '');
  assert.throws(() => readCacheFile(empty), (e: Error) => e.message.includes(empty));
});
