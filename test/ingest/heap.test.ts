import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { HeapPacer } from '../../src/ingest/heap.ts';

const used = () => v8.getHeapStatistics().used_heap_size;

test('heap pacer: collects once the heap has grown by its budget, and not before', () => {
  const pacer = new HeapPacer({ budgetBytes: 4 * 1024 * 1024 });
  assert.equal(pacer.check(), false);
  // Garbage: eight megabytes of strings that nothing keeps once the function returns.
  const made = (() => Array.from({ length: 80_000 }, (_, i) => `document ${i} `.repeat(8)).length)();
  assert.equal(made, 80_000);
  const before = used();
  assert.equal(pacer.check(), true);
  assert.ok(used() < before - 4 * 1024 * 1024, `used heap ${before} → ${used()}`);
  // Right after a collection the heap is at its new baseline.
  assert.equal(pacer.check(), false);
});
