// What one hostile document may cost (issue 27, item 2): a text that repeats one sentence N times must
// cost time linear in N, and give events whose evidence and traces are bounded, whatever N.
// The cost is compared between two sizes in one run (a ratio), never against a wall-clock limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractedEvent } from '../../src/types.ts';
import { processDocument } from '../../src/process/document.ts';
import { MAX_EVIDENCE, MAX_TRACE_PER_FIELD } from '../../src/extract/pipeline.ts';
import { MAX_SENTENCE, splitSentences } from '../../src/text/sentences.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';

// The input: no capital after the period, so that no sentence ever ends.
const RUN_ON = 'attaque de drone à Erbil. ';
// The same told as sentences, and as paragraphs.
const SENTENCES = 'Attaque de drone à Erbil. ';
const PARAGRAPHS = 'Une attaque de drone a frappé Erbil.\n\n';

function extract(text: string): readonly ExtractedEvent[] {
  return processDocument({ name: 'repeated.txt', text, published: '2024-03-14' }, { ceiling: '2026-11-20' }).events;
}

/** The least CPU time of a few runs: the least disturbed by the other work of the machine. */
function cpuMs(f: () => void, runs = 3): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = process.cpuUsage();
    f();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

/** The trace entries of one field, beyond the first of each rule: what the bound holds. */
function assertBounded(e: ExtractedEvent): void {
  assert.ok(e.evidence.length <= MAX_EVIDENCE, `${e.evidence.length} evidence spans`);
  for (const s of e.evidence) assert.ok(s.end - s.start <= MAX_SENTENCE, `an evidence span of ${s.end - s.start} characters`);
  const byField = new Map<string, FieldCount>();
  for (const t of e.trace) {
    const x = byField.get(t.field) ?? { entries: 0, rules: new Set<string>() };
    x.entries++;
    x.rules.add(t.rule);
    byField.set(t.field, x);
  }
  for (const [field, x] of byField) assert.ok(x.entries <= MAX_TRACE_PER_FIELD + x.rules.size, `${x.entries} trace entries for ${field}`);
  const keys = e.trace.map((t) => `${t.field} ${t.rule} ${t.span?.start} ${t.span?.end}`);
  assert.equal(new Set(keys).size, keys.length, 'no trace entry twice');
}
interface FieldCount { entries: number; rules: Set<string> }

test('a sentence repeated 2,000 times gives one event with bounded evidence and trace', async () => {
  for (const unit of [RUN_ON, SENTENCES, PARAGRAPHS]) {
    const events = extract(unit.repeat(2000));
    assert.equal(events.length, 1, JSON.stringify(unit));
    const [e] = events;
    assert.equal(e!.location?.name, 'Erbil');
    assert.deepEqual(e!.weapons, ['drone']);
    assertBounded(e!);
    // The record of 2,000 copies weighs what a few dozen sentences weigh (it was 19 MB at 400 copies).
    assert.ok(JSON.stringify(e).length < 100_000, `${JSON.stringify(e).length} characters`);
  }
});

// 8 times the text costs about 8 times the time when the cost is linear, 64 times when it is quadratic (as it was
// before issue 27). The bound sits between the two, far from both: on a shared machine the ratio of a linear cost
// was measured up to ×12.5 (the small run is short, its noise large); a quadratic cost exceeds ×20 by far.
test('the cost of a repeated sentence grows linearly: 8 times the text, less than 20 times the time (64 if quadratic)', async () => {
  for (const unit of [RUN_ON, SENTENCES]) {
    extract(unit.repeat(50)); // compiles what the first document compiles
    const small = cpuMs(() => extract(unit.repeat(250)), 5);
    const large = cpuMs(() => extract(unit.repeat(2000)), 3);
    assert.ok(large / small < 20, `${JSON.stringify(unit)}: 250 copies ${small.toFixed(0)} ms, 2,000 copies ${large.toFixed(0)} ms (×${(large / small).toFixed(1)})`);
  }
});

test('a run-on text is cut into sentences of bounded length, at an end mark where there is one', async () => {
  const text = RUN_ON.repeat(400);
  const sentences = splitSentences(text, [{ start: 0, end: text.length }]);
  assert.ok(sentences.length >= Math.ceil(text.length / MAX_SENTENCE), `${sentences.length} sentences`);
  for (const s of sentences) {
    assert.ok(s.end - s.start <= MAX_SENTENCE);
    assert.ok(text.slice(s.start, s.end).endsWith('Erbil.'), text.slice(s.end - 10, s.end));
  }
  // Without any space, the cut falls at the bound, never inside a character outside the BMP.
  const glued = '𝔸'.repeat(MAX_SENTENCE);
  for (const s of splitSentences(glued, [{ start: 0, end: glued.length }])) {
    assert.ok(s.end - s.start <= MAX_SENTENCE);
    assert.equal(s.start % 2, 0, 'a piece starts on a whole character');
  }
});

test('ingested, 4,000 copies store one event with a bounded trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-limits-'));
  const file = join(dir, 'repeated.txt');
  writeFileSync(file, RUN_ON.repeat(4000));
  const store = await openStore(join(dir, 'v.db'));
  try {
    const summary = await ingest(store, [file], { workers: 0, ceiling: '2026-11-20' });
    assert.equal(summary.failures.length, 0, JSON.stringify(summary.failures));
    const events = (await store.events());
    assert.equal(events.length, 1);
    const traces = (await store.eventTrace(events[0]!.id));
    assert.equal(traces.length, 1);
    assert.ok(JSON.stringify(traces[0]!.trace).length < 20_000, `${JSON.stringify(traces[0]!.trace).length} characters of trace`);
    assert.ok(events[0]!.sources[0]!.evidence.length <= MAX_EVIDENCE);
  } finally {
    await store.close();
  }
});
