// The syntax layer's entry: text → sentences of syntactic words with their tag, features, lemma,
// head and relation, each word carrying the exact offsets of its surface token. The models of a
// language are read once per process, when first asked for, and shared by every document.
import { fileURLToPath } from 'node:url';
import { languageFile } from '../lang/index.ts';
import { readModel } from './model-file.ts';
import { Tagger } from './tagger.ts';
import { Parser } from './parser.ts';
import { repairTree, type RepairableWord } from './repair.ts';
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
  const forms: string[] = [];
  const spans: { start: number; end: number }[] = [];
  for (const t of sentence.tokens) {
    for (const w of t.words) {
      forms.push(w);
      spans.push({ start: t.start, end: t.end });
    }
  }
  if (!forms.length) return { start: sentence.start, end: sentence.end, words: [] };
  const analysed = analyseWords(forms, language);
  const words: Word[] = forms.map((form, i) => ({ id: i + 1, form, ...analysed[i]!, start: spans[i]!.start, end: spans[i]!.end }));
  return { start: sentence.start, end: sentence.end, words };
}

/** The tag, features, lemma, head and relation of each word of a sentence (heads 1-based, 0 the root). */
export function analyseWords(forms: readonly string[], language: SyntaxLanguage): Omit<Word, 'id' | 'form' | 'start' | 'end'>[] {
  const { tagger, parser } = syntaxModels(language);
  // The models read the apostrophe the treebanks mostly write ("n'", "l'"); the words keep the text's own ("n’").
  const seen = forms.map((f) => f.replace(/[\u2019\u2018\u02bc]/g, "'"));
  // Quotation marks around a word or two (« neutralisé », "terrorists") mark the words as someone's, not their part
  // in the sentence: the treebanks hardly quote a verb, and a quoted one is read as an adjective. The models read the
  // sentence without them; each is then attached, as UD does, to the quoted words' head.
  const quoted = scareQuotes(seen);
  const kept = seen.map((_, i) => i).filter((i) => !quoted.has(i));
  const tags = tagger.tag(kept.map((i) => seen[i]!));
  const arcs = parser.parse(kept.map((i, k) => ({ form: seen[i]!, lemma: tags[k]!.lemma, upos: tags[k]!.upos, feats: tags[k]!.feats })));
  // The tree as the parser left it, then the repairs no grammar of ours allows it to skip (repair.ts).
  const tree: RepairableWord[] = kept.map((i, k) => ({ form: seen[i]!, upos: tags[k]!.upos, feats: tags[k]!.feats, head: arcs[k]!.head, deprel: arcs[k]!.deprel }));
  repairTree(tree);
  const idOf = new Int32Array(kept.length + 1);
  kept.forEach((i, k) => { idOf[k + 1] = i + 1; });
  const out: Omit<Word, 'id' | 'form' | 'start' | 'end'>[] = new Array(forms.length);
  kept.forEach((i, k) => {
    out[i] = { lemma: tags[k]!.lemma, upos: tags[k]!.upos as Upos, feats: tags[k]!.feats, head: idOf[tree[k]!.head]!, deprel: tree[k]!.deprel };
  });
  for (const [i, inside] of quoted) {
    // The quoted words' head: the first of them whose own head lies outside them.
    const head = inside.find((w) => !inside.includes(out[w]!.head - 1)) ?? inside[0]!;
    out[i] = { lemma: forms[i]!, upos: 'PUNCT', feats: {}, head: head + 1, deprel: 'punct' };
  }
  return out;
}

const OPENING_QUOTES = new Set(['«', '"', '“', '„']);
const CLOSING_QUOTES = new Set(['»', '"', '”', '“']);
/** At most this many words between quotation marks set aside: a longer quotation is a statement, parsed as written. */
const MAX_QUOTED_WORDS = 3;

/** The quotation marks that enclose one to three words (no punctuation between), each with the indices of the words it encloses. */
function scareQuotes(forms: readonly string[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  // A straight quote both opens and closes: after an odd number of them, the next one closes a quotation.
  let straight = 0;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    if (!OPENING_QUOTES.has(form)) continue;
    if (form === '"' && straight++ % 2 === 1) continue;
    let j = i + 1;
    while (j < forms.length && j - i - 1 <= MAX_QUOTED_WORDS && /[\p{L}\p{N}]/u.test(forms[j]!)) j++;
    const inside = Array.from({ length: j - i - 1 }, (_, k) => i + 1 + k);
    if (j < forms.length && inside.length >= 1 && inside.length <= MAX_QUOTED_WORDS && CLOSING_QUOTES.has(forms[j]!)) {
      out.set(i, inside);
      out.set(j, inside);
      if (forms[j] === '"') straight++;
      i = j;
    }
  }
  return out;
}

/** Parses a text (or the part of it in `range`): its sentences, each word with offsets into `text`. */
export function parse(text: string, language: SyntaxLanguage, range?: { start: number; end: number }): ParsedSentence[] {
  return tokenize(text, language, range).map((s) => parseTokens(s, language));
}

/** Parses one span the caller already knows to be a sentence (the extraction's own sentence split). */
export function parseSpan(text: string, start: number, end: number, language: SyntaxLanguage): ParsedSentence {
  return parseTokens({ start, end, tokens: tokenizeSentence(text, start, end, language) }, language);
}
