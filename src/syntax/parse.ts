// The syntax layer's entry: text → sentences of syntactic words with their tag, features, lemma,
// head and relation, each word carrying the exact offsets of its surface token. The models of a
// language are read once per process, when first asked for, and shared by every document.
import { fileURLToPath } from 'node:url';
import { languageFile } from '../lang/index.ts';
import { readModel } from './model-file.ts';
import { Tagger } from './tagger.ts';
import { Parser } from './parser.ts';
import { tokenize, tokenizeSentence, type TokenizerLanguage } from './tokenize.ts';
import type { ParsedSentence, TokenizedSentence, Upos, Word } from './types.ts';

export type SyntaxLanguage = TokenizerLanguage;

/** Where a language's trained models live: src/lang/<language>/syntax/. */
export function modelPath(language: SyntaxLanguage, kind: 'tagger' | 'parser'): string {
  return fileURLToPath(languageFile(language, `syntax/${kind}.bin`));
}

interface Models { readonly tagger: Tagger; readonly parser: Parser }
const loaded = new Map<SyntaxLanguage, Models>();

/** A language's tagger and parser, read on first use. A missing or corrupt file throws an error naming it. */
export function syntaxModels(language: SyntaxLanguage): Models {
  let m = loaded.get(language);
  if (!m) {
    m = {
      tagger: Tagger.fromModel(readModel(modelPath(language, 'tagger'), 'tagger')),
      parser: Parser.fromModel(readModel(modelPath(language, 'parser'), 'parser')),
    };
    loaded.set(language, m);
  }
  return m;
}

/** One tokenized sentence through the tagger and the parser. */
export function parseTokens(sentence: TokenizedSentence, language: SyntaxLanguage): ParsedSentence {
  const { tagger, parser } = syntaxModels(language);
  const forms: string[] = [];
  const spans: { start: number; end: number }[] = [];
  for (const t of sentence.tokens) {
    for (const w of t.words) {
      forms.push(w);
      spans.push({ start: t.start, end: t.end });
    }
  }
  if (!forms.length) return { start: sentence.start, end: sentence.end, words: [] };
  // The models read the apostrophe the treebanks mostly write ("n'", "l'"); the words keep the text's own ("n’").
  const seen = forms.map((f) => f.replace(/[\u2019\u2018\u02bc]/g, "'"));
  const tags = tagger.tag(seen);
  const arcs = parser.parse(seen.map((form, i) => ({ form, lemma: tags[i]!.lemma, upos: tags[i]!.upos, feats: tags[i]!.feats })));
  const words: Word[] = forms.map((form, i) => ({
    id: i + 1, form, lemma: tags[i]!.lemma, upos: tags[i]!.upos as Upos, feats: tags[i]!.feats,
    head: arcs[i]!.head, deprel: arcs[i]!.deprel, start: spans[i]!.start, end: spans[i]!.end,
  }));
  return { start: sentence.start, end: sentence.end, words };
}

/** Parses a text (or the part of it in `range`): its sentences, each word with offsets into `text`. */
export function parse(text: string, language: SyntaxLanguage, range?: { start: number; end: number }): ParsedSentence[] {
  return tokenize(text, language, range).map((s) => parseTokens(s, language));
}

/** Parses one span the caller already knows to be a sentence (the extraction's own sentence split). */
export function parseSpan(text: string, start: number, end: number, language: SyntaxLanguage): ParsedSentence {
  return parseTokens({ start, end, tokens: tokenizeSentence(text, start, end, language) }, language);
}
