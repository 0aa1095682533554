// The bundled sample corpus through every stage: properties any article of the genre must keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { processDocument } from '../src/process/document.ts';
import { lineKey } from '../src/clean/zones.ts';
import { lineSpans } from '../src/text/sentences.ts';

const SAMPLES = fileURLToPath(new URL('../samples/seeds', import.meta.url));
const docs = readdirSync(SAMPLES).sort().map((f) => ({ name: f, text: readFileSync(join(SAMPLES, f), 'utf8') }));
const counts = new Map<string, number>();
for (const d of docs) for (const k of new Set(lineSpans(d.text).map((l) => lineKey(d.text.slice(l.start, l.end))).filter(Boolean))) counts.set(k!, (counts.get(k!) ?? 0) + 1);
const processed = docs.map((d) => processDocument(d, { lineFrequency: (k) => counts.get(k) ?? 0, ceiling: '2026-11-20' }));

test('every sample is French, dated, and has events', () => {
  for (const p of processed) {
    assert.equal(p.info.language, 'fr', p.info.name);
    assert.ok(p.info.published.iso, `${p.info.name} has a date`);
    assert.ok(p.events.length > 0, `${p.info.name} has events`);
  }
});

test('evidence comes only from the title and body, never captions, teasers or boilerplate', () => {
  for (const p of processed) {
    const content = p.cleaned.zones.filter((z) => z.kind === 'title' || z.kind === 'body');
    for (const e of p.events) for (const v of e.evidence) assert.ok(content.some((z) => v.start >= z.start && v.end <= z.end), `${p.info.name} ${v.start}-${v.end}`);
  }
});

test('a line repeated across the site (a photo caption on every page) never feeds extraction', () => {
  const repeated = [...counts.entries()].filter(([, n]) => n >= 3).map(([k]) => k);
  assert.ok(repeated.length > 0);
  for (const p of processed) {
    for (const z of p.cleaned.zones) {
      const key = lineKey(docs.find((d) => d.name === p.info.name)!.text.slice(z.start, z.end));
      if (key && repeated.includes(key)) assert.ok(!['body', 'title'].includes(z.kind), `${p.info.name}: ${z.kind}`);
    }
  }
});

test('every event names its type, place and the rules behind it', () => {
  for (const p of processed) {
    for (const e of p.events) {
      assert.ok(e.location, e.notes);
      assert.ok(e.trace.some((t) => t.field === 'trigger'), e.notes);
      assert.ok(e.trace.some((t) => t.field === 'sub_event_type'), e.notes);
      assert.ok(e.notes.length > 20);
    }
  }
});
