// `npm run train:syntax [-- --lang fr|en]`: trains each language's tagger, then its parser on the
// tags that tagger predicts, from the treebanks of ../shared/ud (src/syntax/treebanks.ts), and
// writes src/lang/<language>/syntax/{tagger,parser}.bin. Deterministic: fixed seeds, the same
// treebanks give byte-identical files.
//
// The parser learns from jackknifed tags: the training sentences in 5 folds, each tagged by a
// tagger trained (same options) on the other four. English models also read an external lexicon,
// Brill's (npm package `brill`, MIT licence), as features (src/syntax/lexicon-features.ts), and the
// English parser also learns from the treebank's own tags.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { readConllu } from '../src/syntax/conllu.ts';
import { writeModel, encodeModel } from '../src/syntax/model-file.ts';
import { trainTagger, Tagger } from '../src/syntax/tagger.ts';
import { trainParser } from '../src/syntax/parser.ts';
import { modelPath, type SyntaxLanguage } from '../src/syntax/parse.ts';
import { TREEBANKS } from '../src/syntax/treebanks.ts';
import { Lexicon } from '../src/syntax/lexicon-features.ts';
import { brill } from 'brill';
import { createHash } from 'node:crypto';

const shared = resolve(process.env.VIGIE_SHARED ?? join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared'));
const ud = join(shared, 'ud');
if (!existsSync(ud)) {
  console.error(`no treebanks: ${ud} does not exist (set VIGIE_SHARED)`);
  process.exit(2);
}
const langArg = process.argv.indexOf('--lang');
const languages = (langArg > 0 ? [process.argv[langArg + 1]] : Object.keys(TREEBANKS)) as SyntaxLanguage[];
const SEED = 1;

for (const language of languages) {
  const plan = TREEBANKS[language];
  if (!plan) throw new Error(`--lang ${language}: no treebanks for it`);
  const train = plan.train.flatMap((f) => readConllu(join(ud, f)));
  const t0 = performance.now();
  // English (50k words of web text to learn from): the lexicon, and the parser learning from both
  // predicted and treebank tags, each measured on held-out data (a tenth of the training data).
  // (The tagger's twoPass: +0.16 UPOS there, but no better parses, and slower: not used.)
  const english = language === 'en';
  const lexicon = english ? Lexicon.build(brill) : undefined;
  const taggerOptions = { language, seed: SEED, lexicon };
  const taggerModel = trainTagger(train, taggerOptions);
  writeModel(modelPath(language, 'tagger'), taggerModel);
  const t1 = performance.now();
  const parserModel = trainParser(train, {
    language, seed: SEED, lexicon, alsoGoldTags: english,
    jackknife: {
      folds: 5,
      train: (sentences) => {
        const tagger = Tagger.fromModel(trainTagger(sentences, taggerOptions));
        return (forms) => tagger.tag(forms);
      },
    },
  });
  writeModel(modelPath(language, 'parser'), parserModel);
  const t2 = performance.now();
  const sha = (m: Parameters<typeof encodeModel>[0]) => createHash('sha256').update(encodeModel(m)).digest('hex').slice(0, 12);
  console.log(`${language}: ${train.length} sentences, ${train.reduce((n, s) => n + s.words.length, 0)} words; tagger ${((t1 - t0) / 1000).toFixed(0)} s (sha256 ${sha(taggerModel)}), parser ${((t2 - t1) / 1000).toFixed(0)} s (sha256 ${sha(parserModel)})`);
}
