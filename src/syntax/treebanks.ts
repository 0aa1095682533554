// Which treebanks of ../shared/ud a language's models learn from and are tested on
// (../shared/ud/README.md fixes the split: the test sets are never trained or tuned on).
import { join } from 'node:path';
import type { SyntaxLanguage } from './parse.ts';

export interface TreebankPlan {
  readonly train: readonly string[];
  readonly test: readonly { readonly set: string; readonly file: string }[];
}

export const TREEBANKS: Readonly<Record<SyntaxLanguage, TreebankPlan>> = {
  fr: {
    train: [
      'UD_French-Sequoia/fr_sequoia-ud-train.conllu', 'UD_French-Sequoia/fr_sequoia-ud-dev.conllu',
      'UD_French-Sequoia/fr_sequoia-ud-test.conllu', 'UD_French-GSD/fr_gsd-ud-dev.conllu',
    ],
    test: [
      { set: 'fr_gsd-test', file: 'UD_French-GSD/fr_gsd-ud-test.conllu' },
      { set: 'fr_pud', file: 'UD_French-PUD/fr_pud-ud-test.conllu' },
    ],
  },
  en: {
    train: ['UD_English-EWT/en_ewt-ud-dev.conllu', 'UD_English-EWT/en_ewt-ud-test.conllu'],
    test: [{ set: 'en_pud', file: 'UD_English-PUD/en_pud-ud-test.conllu' }],
  },
};

export const treebankPath = (ud: string, file: string) => join(ud, file);
