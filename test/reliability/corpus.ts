// A corpus of any size made from the seed articles: variant k of a seed moves each day of the month
// and each small count it states by k, so that the variants tell different events on different days
// (and some the same: resolution has clusters to make). Deterministic: the same n, the same corpus.
// Each variant is published on a site of its own (its URL).
import { writeFileSync } from 'node:fs';
import { seedTexts } from './helpers.ts';

export function variants(n: number): { document: string; text: string; url: string }[] {
  const seeds = seedTexts();
  const out: { document: string; text: string; url: string }[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    const k = Math.floor(i / seeds.length);
    const text = k === 0 ? seed.text : seed.text.replace(/(?<![\d,.])\b([1-9]|1\d|2[0-8])\b(?![\d,.])/g, (d) => String(((Number(d) - 1 + k) % 28) + 1));
    // A site of its own for each variant: page boilerplate is learnt from the lines a site repeats, and
    // variants sharing a site would each be read according to how many of the others were stored
    // before it, so that two ingests interleaved could not equal one after the other.
    const document = `v${String(k).padStart(4, '0')}_${seed.name}`;
    out.push({ document, text: k === 0 ? text : `${text}\n\nVariante ${k}.`, url: `https://v${i}.vigie.test/${document}` });
  }
  return out;
}

export function writeJsonl(path: string, docs: readonly { document: string; text: string }[]): void {
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}
