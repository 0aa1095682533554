// Scores the tagger and parser on a treebank as the CoNLL 2018 shared task does, on gold
// tokenization: UPOS accuracy, UAS (the head) and LAS (the head and the universal part of the
// relation, 'nsubj:pass' counted as 'nsubj'), punctuation included; also LAS with subtypes, the
// features the rules read, lemmas, and the speed of tagging and parsing together. The words go through the path
// vigie runs (parse.ts analyseWords: the text's apostrophes read as the treebanks', quotation marks around a word
// or two set aside), so the figures are those of the extraction's parses.
import type { ConlluSentence } from './conllu.ts';
import { baseRelation } from './tree.ts';
import { analyseWords, type SyntaxLanguage } from './parse.ts';
import { MORPH_KEYS } from './tagger.ts';

export interface SyntaxScore {
  readonly words: number;
  readonly upos: number;
  readonly feats: number;
  readonly lemma: number;
  readonly uas: number;
  readonly las: number;
  /** LAS where the whole relation, subtype included, must match. */
  readonly lasFull: number;
  readonly tokensPerSecond: number;
}

export function scoreSyntax(gold: readonly ConlluSentence[], language: SyntaxLanguage): SyntaxScore {
  let words = 0, upos = 0, feats = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
  // Warm the code paths once, outside the timing (a fresh process compiles as it goes).
  for (const s of gold.slice(0, 50)) analyseWords(s.words.map((w) => w.form), language);
  const t0 = performance.now();
  const predicted = gold.map((s) => analyseWords(s.words.map((w) => w.form), language));
  const seconds = (performance.now() - t0) / 1000;
  gold.forEach((s, k) => {
    const analysed = predicted[k]!;
    s.words.forEach((w, i) => {
      words++;
      const t = analysed[i]!, a = t;
      if (t.upos === w.upos) upos++;
      if (MORPH_KEYS.every((key) => (t.feats[key] ?? '') === (w.feats[key] ?? ''))) feats++;
      if (t.lemma === w.lemma) lemma++;
      if (a.head === w.head) {
        uas++;
        if (baseRelation(a.deprel) === baseRelation(w.deprel)) las++;
        if (a.deprel === w.deprel) lasFull++;
      }
    });
  });
  const r = (x: number) => (words ? x / words : 0);
  return { words, upos: r(upos), feats: r(feats), lemma: r(lemma), uas: r(uas), las: r(las), lasFull: r(lasFull), tokensPerSecond: words / seconds };
}
