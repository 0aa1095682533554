// A few hundred seeded mutations of the seed articles per run (scripts/fuzz.ts makes them; `npm run
// fuzz` is the long run), ingested in batches into a real database, beside the inputs that once
// broke ingest as regression rows: no batch aborts, every document is stored or rejected with its
// name and a reason, and every stored record keeps the contract (evidence is the text at its offsets,
// ids unique, real days, tolls below a million). VIGIE_FUZZ_SEED picks another seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { mutants } from '../../scripts/fuzz.ts';
import { tmp } from './helpers.ts';

const SEED = Number(process.env.VIGIE_FUZZ_SEED ?? 2027);
const N = 300;

/** Inputs of issue 27 that once aborted a batch, blew up, or gave an impossible record. */
const REGRESSIONS: Record<string, string | Buffer> = {
  'twin-events.txt': 'a tué Erbil. a tué Erbil. jours plus tôt,',
  'repeated-1000.txt': 'attaque de drone à Erbil. '.repeat(1000),
  'huge-toll.txt': "Le 3 mars 2024, une frappe de drone a fait 1 000 000 000 000 000 morts à Erbil, selon l'armée.",
  'half-a-death.txt': 'Le 3 mars 2024, une frappe de drone a fait 0,5 mort à Erbil.',
  'impossible-day.txt': 'Le lundi 35 décembre 2023, une frappe de drone a touché Erbil.',
  'far-year.txt': 'Le 31 décembre 9999, une frappe de drone a touché Erbil.',
  'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Le 3 mars 2024, une frappe de drone a touché la base d'Aïn al-Assad.", 'utf16le')]),
  'escape\u001b[2J\r\nname.txt': "Le 3 mars 2024, une roquette est tombée sur la base d'Aïn al-Assad.",
};

const realDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d && d >= '1900-01-01' && d <= '2100-12-31';

test(`${N} mutants of the seeds (seed ${SEED}) and the regression rows: no batch aborts, each document stored or named, every record keeps the contract`, async () => {
  const dir = tmp();
  const folder = join(dir, 'in');
  mkdirSync(folder);
  const all = mutants(N, SEED);
  for (const m of all) writeFileSync(join(folder, m.name), m.bytes);
  for (const [name, text] of Object.entries(REGRESSIONS)) writeFileSync(join(folder, name), text);
  const store = await openStore(join(dir, 'fuzz.db'));
  try {
    const summary = await ingest(store, [folder], { batchSize: 100 });
    const files = N + Object.keys(REGRESSIONS).length;
    // Every file was either read (then stored, or skipped as a copy) or rejected with its name.
    assert.equal(summary.read + summary.failures.filter((f) => !/:\d+$/.test(f.input)).length, files);
    assert.equal(summary.stored + summary.skipped + summary.failures.filter((f) => f.reason.startsWith('not stored') || f.reason.startsWith('processing failed')).length, summary.read);
    for (const f of summary.failures) {
      assert.ok(f.input.startsWith(folder), `a failure names its document: ${f.input}`);
      assert.doesNotMatch(f.reason, /^(not stored|processing failed)/, `${f.input}: ${f.reason}`);
    }
    // The regression rows are all stored.
    for (const name of Object.keys(REGRESSIONS)) assert.ok((await store.document(name)), `${JSON.stringify(name)} is stored`);
    const texts = new Map((await store.documents()).map((d) => [d.info.name, d.text]));
    const events = (await store.events());
    assert.equal(new Set(events.map((e) => e.id)).size, events.length);
    assert.equal((await store.unresolvedMentionKeys()).length, 0);
    for (const e of events) {
      if (e.date !== null) assert.ok(realDay(e.date), `${e.id}: date ${e.date}`);
      for (const k of [e.killed, e.wounded]) if (k !== null) assert.ok(Number.isInteger(k) && k >= 0 && k < 1_000_000, `${e.id}: toll ${k}`);
      for (const s of e.sources) {
        const text = texts.get(s.document);
        assert.ok(text !== undefined, `${e.id}: source ${s.document} is stored`);
        for (const v of s.evidence) assert.equal(text.slice(v.start, v.end), v.text, `${e.id}: evidence ${v.start}-${v.end} of ${s.document}`);
      }
    }
  } finally {
    await store.close();
  }
});
