// `npm run eval`: vigie on every evaluation set of ../shared that is present, as one table.
// Not part of `npm test`: it needs ../shared, which a fresh clone does not have.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { eventsOfCorpus, readGold } from '../src/eval/run.ts';
import { ratio, score } from '../src/eval/score.ts';
import { scoreCase2021 } from '../src/eval/case2021.ts';
import { toDays } from '../src/extract/dates.ts';
import type { EventRecord } from '../src/types.ts';

const shared = resolve(process.env.VIGIE_SHARED ?? join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared'));
const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(3));

const SETS = [
  { name: 'seeds', gold: 'gold/seeds.gold.json', corpus: 'corpus/seeds' },
  { name: 'dev', gold: 'gold/dev.gold.json', corpus: 'corpus/dev.jsonl' },
  { name: 'dev2', gold: 'gold/dev2.gold.json', corpus: 'corpus/dev2.jsonl' },
  { name: 'acled-kenya', gold: 'bench/acled-kenya/notes.gold.json', corpus: 'bench/acled-kenya/notes.jsonl' },
  { name: 'acled-mena', gold: 'bench/acled-mena/notes.gold.json', corpus: 'bench/acled-mena/notes.jsonl' },
];

/** The widest gap between the days an event's own reports give (those told to the day), and how many events span more than one day. */
function spread(events: readonly EventRecord[]): { max: number; over: number } {
  let max = 0, over = 0;
  for (const e of events) {
    const days = e.sources.flatMap((s) => (s.reported?.date && s.reported.date_precision === 'day' ? [toDays(s.reported.date)] : []));
    if (!days.length) continue;
    const width = Math.max(...days) - Math.min(...days);
    max = Math.max(max, width);
    if (width > 1) over++;
  }
  return { max, over };
}

if (!existsSync(shared)) {
  console.error(`no evaluation sets: ${shared} does not exist (set VIGIE_SHARED)`);
  process.exit(2);
}
const header = ['set', 'docs', 'P', 'R', 'F1', 'sub_type', 'date', 'actor1', 'actor2', 'weapons', 'killed', 'wounded', 'claim', 'geocode', 'doc_date', 'dedup_F1', 'spread', 'over1', 'seconds'];
const rows: string[][] = [];
for (const set of SETS) {
  const gold = join(shared, set.gold), corpus = join(shared, set.corpus);
  if (!existsSync(gold) || !existsSync(corpus)) continue;
  const t0 = performance.now();
  const { events, summary, published } = await eventsOfCorpus([corpus]);
  const s = score(readGold(gold), events, published);
  rows.push([set.name, String(summary.read), f3(s.precision), f3(s.recall), f3(s.f1), f3(ratio(s.fields.sub_event_type)), f3(ratio(s.fields.date)), f3(ratio(s.fields.actor1)),
    f3(ratio(s.fields.actor2)), f3(ratio(s.fields.weapons)), f3(ratio(s.fields.killed)), f3(ratio(s.fields.wounded)), f3(ratio(s.fields.claim_status)), f3(ratio(s.fields.geocode)), f3(ratio(s.publishedDates)),
    f3(s.dedup?.f1), String(spread(events).max), String(spread(events).over), ((performance.now() - t0) / 1000).toFixed(1)]);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const labels = join(shared, 'bench/case2021-task2/test_with_labels.tsv'), snippets = join(shared, 'bench/case2021-task2/snippets.jsonl');
if (existsSync(labels) && existsSync(snippets)) {
  const t0 = performance.now();
  const { events } = await eventsOfCorpus([snippets]);
  const c = scoreCase2021(readFileSync(labels, 'utf8'), events);
  console.log(`\ncase2021-task2 (25 ACLED types): snippets ${c.snippets}  accuracy ${f3(c.accuracy)}  weighted F1 ${f3(c.weightedF1)}  macro F1 ${f3(c.macroF1)}  (${((performance.now() - t0) / 1000).toFixed(1)} s; best system of 2021: weighted F1 0.839)`);
}
