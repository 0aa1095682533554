// `npm run eval:syntax [-- --json]`: the tokenizer, tagger and parser on each test treebank of
// ../shared/ud (never trained on): tokenization F1 on the raw text; UPOS, UAS and LAS on gold
// tokenization (CoNLL 2018 definitions, punctuation included); tokens tagged and parsed per second.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { readConllu } from '../src/syntax/conllu.ts';
import { scoreTokenization } from '../src/syntax/eval-tokenize.ts';
import { scoreSyntax } from '../src/syntax/evaluate.ts';
import { TREEBANKS } from '../src/syntax/treebanks.ts';
import type { SyntaxLanguage } from '../src/syntax/parse.ts';

const shared = resolve(process.env.VIGIE_SHARED ?? join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared'));
const ud = join(shared, 'ud');
if (!existsSync(ud)) {
  console.error(`no treebanks: ${ud} does not exist (set VIGIE_SHARED)`);
  process.exit(2);
}
const json = process.argv.includes('--json');
const f3 = (x: number) => +x.toFixed(3);
for (const [language, plan] of Object.entries(TREEBANKS) as [SyntaxLanguage, (typeof TREEBANKS)[SyntaxLanguage]][]) {
  for (const { set, file } of plan.test) {
    const gold = readConllu(join(ud, file));
    const tok = scoreTokenization(gold, language);
    const s = scoreSyntax(gold, language);
    const row = {
      set, upos: f3(s.upos), uas: f3(s.uas), las: f3(s.las), tokens_f1: f3(tok.tokensF1), words_f1: f3(tok.wordsF1), sentences_f1: f3(tok.sentencesF1),
      las_subtypes: f3(s.lasFull), feats: f3(s.feats), lemma: f3(s.lemma), words: s.words, tokens_per_s: Math.round(s.tokensPerSecond),
    };
    if (json) console.log(JSON.stringify(row));
    else console.log(`${set.padEnd(12)} UPOS ${row.upos.toFixed(3)}  UAS ${row.uas.toFixed(3)}  LAS ${row.las.toFixed(3)}  tokens F1 ${row.tokens_f1.toFixed(3)}  words F1 ${row.words_f1.toFixed(3)}  sentences F1 ${row.sentences_f1.toFixed(3)}  (LAS with subtypes ${row.las_subtypes.toFixed(3)}, feats ${row.feats.toFixed(3)}, lemmas ${row.lemma.toFixed(3)}; ${row.words} words, ${row.tokens_per_s} tokens/s)`);
  }
}
