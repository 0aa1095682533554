// A corpus of any size made from the seed articles: variant k of a seed moves each day of the month
// and each small count it states by k, so that the variants tell different events on different days
// (and some the same: resolution has clusters to make). Deterministic: the same n, the same corpus.
import { writeFileSync } from 'node:fs';
import { seedTexts } from './helpers.ts';

export function variants(n: number): { document: string; text: string }[] {
  const seeds = seedTexts();
  const out: { document: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    const k = Math.floor(i / seeds.length);
    const text = k === 0 ? seed.text : seed.text.replace(/(?<![\d,.])\b([1-9]|1\d|2[0-8])\b(?![\d,.])/g, (d) => String(((Number(d) - 1 + k) % 28) + 1));
    out.push({ document: `v${String(k).padStart(4, '0')}_${seed.name}`, text: k === 0 ? text : `${text}\n\nVariante ${k}.` });
  }
  return out;
}

export function writeJsonl(path: string, docs: readonly { document: string; text: string }[]): void {
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}
