// Scores the tokenizer against UD treebanks as the CoNLL 2018 shared task did: the raw text is
// rebuilt from the sentences' `# text` lines (joined by a space), tokenized, and gold and
// predicted tokens are aligned by character offsets counted over the non-whitespace characters
// (so spaces inside a token such as "10 800" do not matter). A token matches when its span is
// identical; words match inside matching tokens by the longest common subsequence of their
// lowercased forms (as the CoNLL 2018 script aligns multiword tokens); sentences match when
// their spans are identical.
//
//   node --import tsx src/syntax/eval-tokenize.ts [--errors N] fr:path.conllu en:path.conllu ...
// With no files: the French and English test sets under /work/shared/ud.
import { readConllu, surfaceTokens, type ConlluSentence } from './conllu.ts';
import { tokenize, type TokenizerLanguage } from './tokenize.ts';

export interface PRF { readonly precision: number; readonly recall: number; readonly f1: number; readonly gold: number; readonly predicted: number; readonly matched: number }

export interface TokenizationScore {
  readonly tokensF1: number;
  readonly wordsF1: number;
  readonly sentencesF1: number;
  readonly tokens: PRF;
  readonly words: PRF;
  readonly sentences: PRF;
  /** Characters of raw text tokenized per second (tokenize and split sentences, after one warm-up run). */
  readonly charsPerSecond: number;
  /** Gold and predicted tokens that did not match, in text order (at most `errors` of them). */
  readonly errors: readonly { readonly gold: string; readonly predicted: string; readonly context: string }[];
}

function prf(gold: number, predicted: number, matched: number): PRF {
  const precision = predicted ? matched / predicted : 0, recall = gold ? matched / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted, matched };
}

function lcs(a: readonly string[], b: readonly string[]): number {
  if (a.length === 1 && b.length === 1) return a[0] === b[0] ? 1 : 0;
  const dp: number[] = new Array((a.length + 1) * (b.length + 1)).fill(0);
  const w = b.length + 1;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i * w + j] = a[i - 1] === b[j - 1] ? dp[(i - 1) * w + j - 1]! + 1 : Math.max(dp[(i - 1) * w + j]!, dp[i * w + j - 1]!);
    }
  }
  return dp[a.length * w + b.length]!;
}

interface Unit { readonly start: number; readonly end: number; readonly words: readonly string[]; readonly form: string }

const WS = /\s/u;

/** Scores `tokenize` on the gold sentences (see the file's head for how). */
export function scoreTokenization(goldSentences: readonly ConlluSentence[], language: TokenizerLanguage, options: { errors?: number; join?: string; timingRuns?: number } = {}): TokenizationScore {
  const join = options.join ?? ' ';
  const raw = goldSentences.map((s) => s.text).join(join);
  // nw[i]: non-whitespace characters before offset i of the raw text.
  const nw = new Int32Array(raw.length + 1);
  let rawChars = '';
  {
    const parts: string[] = [];
    let k = 0;
    for (let i = 0; i < raw.length; i++) { nw[i] = k; if (!WS.test(raw[i]!)) { k++; parts.push(raw[i]!); } }
    nw[raw.length] = k;
    rawChars = parts.join('');
  }

  // Gold units, in non-whitespace offsets.
  const goldTokens: Unit[] = [], goldSentenceSpans: string[] = [];
  let pos = 0, goldChars = '';
  const goldParts: string[] = [];
  for (const s of goldSentences) {
    const first = pos;
    for (const t of surfaceTokens(s)) {
      const f = t.form.replace(/\s+/gu, '');
      goldParts.push(f);
      goldTokens.push({ start: pos, end: pos + f.length, words: t.words.map((w) => w.form.toLowerCase()), form: t.form });
      pos += f.length;
    }
    goldSentenceSpans.push(`${first}:${pos}`);
  }
  goldChars = goldParts.join('');
  if (goldChars !== rawChars) {
    let d = 0;
    while (d < goldChars.length && goldChars[d] === rawChars[d]) d++;
    throw new Error(`gold tokens and # text differ at non-space character ${d}: "${goldChars.slice(d - 20, d + 20)}" vs "${rawChars.slice(d - 20, d + 20)}"`);
  }

  // Timed as the best of timingRuns runs (the first one pays for compiling).
  let predicted = tokenize(raw, language), elapsed = Infinity;
  for (let run = 0; run < (options.timingRuns ?? 1); run++) {
    const t0 = performance.now();
    predicted = tokenize(raw, language);
    elapsed = Math.min(elapsed, (performance.now() - t0) / 1000);
  }
  const predTokens: Unit[] = [], predSentenceSpans = new Set<string>();
  for (const s of predicted) {
    for (const t of s.tokens) predTokens.push({ start: nw[t.start]!, end: nw[t.end]!, words: t.words.map((w) => w.toLowerCase()), form: t.form });
    predSentenceSpans.add(`${nw[s.start]}:${nw[s.end]}`);
  }

  // Merge-walk both token lists in offset order.
  let i = 0, j = 0, matchedTokens = 0, matchedWords = 0, goldWords = 0, predWords = 0;
  for (const t of goldTokens) goldWords += t.words.length;
  for (const t of predTokens) predWords += t.words.length;
  const errors: { gold: string; predicted: string; context: string }[] = [];
  const maxErrors = options.errors ?? 0;
  while (i < goldTokens.length && j < predTokens.length) {
    const g = goldTokens[i]!, p = predTokens[j]!;
    if (g.start === p.start && g.end === p.end) {
      matchedTokens++;
      matchedWords += lcs(g.words, p.words);
      if (errors.length < maxErrors && g.words.join(' ') !== p.words.join(' ')) errors.push({ gold: `${g.form} [${g.words.join(' ')}]`, predicted: `${p.form} [${p.words.join(' ')}]`, context: contextAt(rawChars, g.start) });
      i++; j++;
      continue;
    }
    // A mismatch: gather the gold and predicted tokens up to the next common boundary.
    const gs: string[] = [], ps: string[] = [];
    const at = Math.min(g.start, p.start);
    let ge = g.end, pe = p.end;
    gs.push(g.form); ps.push(p.form); i++; j++;
    while (ge !== pe) {
      if (ge < pe) { const x = goldTokens[i++]; if (!x) break; gs.push(x.form); ge = x.end; }
      else { const x = predTokens[j++]; if (!x) break; ps.push(x.form); pe = x.end; }
    }
    if (errors.length < maxErrors) errors.push({ gold: gs.join(' | '), predicted: ps.join(' | '), context: contextAt(rawChars, at) });
  }
  let matchedSentences = 0;
  for (const s of goldSentenceSpans) if (predSentenceSpans.has(s)) matchedSentences++;
  // Sentence boundaries missed (-) and invented (+), for the error listing.
  const goldEnds = new Set(goldSentenceSpans.map((s) => Number(s.split(':')[1])));
  const predEnds = new Set([...predSentenceSpans].map((s) => Number(s.split(':')[1])));
  const boundaryErrors: { gold: string; predicted: string; context: string }[] = [];
  for (const e of goldEnds) if (!predEnds.has(e) && boundaryErrors.length < maxErrors) boundaryErrors.push({ gold: 'boundary', predicted: 'none', context: contextAt(rawChars, e) });
  for (const e of predEnds) if (!goldEnds.has(e) && boundaryErrors.length < 2 * maxErrors) boundaryErrors.push({ gold: 'none', predicted: 'boundary', context: contextAt(rawChars, e) });
  errors.push(...boundaryErrors);
  const tokens = prf(goldTokens.length, predTokens.length, matchedTokens);
  const words = prf(goldWords, predWords, matchedWords);
  const sentences = prf(goldSentenceSpans.length, predSentenceSpans.size, matchedSentences);
  return { tokensF1: tokens.f1, wordsF1: words.f1, sentencesF1: sentences.f1, tokens, words, sentences, charsPerSecond: raw.length / Math.max(elapsed, 1e-9), errors };
}

function contextAt(chars: string, at: number): string {
  return chars.slice(Math.max(0, at - 25), at) + '⟦' + chars.slice(at, at + 25);
}

const DEFAULT_SETS = [
  'fr:/work/shared/ud/UD_French-GSD/fr_gsd-ud-test.conllu',
  'fr:/work/shared/ud/UD_French-PUD/fr_pud-ud-test.conllu',
  'en:/work/shared/ud/UD_English-PUD/en_pud-ud-test.conllu',
];

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const args = process.argv.slice(2);
  let maxErrors = 0;
  const sets: string[] = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--errors') maxErrors = Number(args[++k]);
    else sets.push(args[k]!);
  }
  const pct = (x: number) => (100 * x).toFixed(2);
  console.log('set                          tokens F1  words F1  sentences F1  chars/s');
  for (const spec of sets.length ? sets : DEFAULT_SETS) {
    const colon = spec.indexOf(':');
    const language = spec.slice(0, colon) as TokenizerLanguage, path = spec.slice(colon + 1);
    const score = scoreTokenization(readConllu(path), language, { errors: maxErrors, timingRuns: 5 });
    const name = path.split('/').pop()!.replace(/-ud|\.conllu/g, '');
    console.log(`${name.padEnd(28)} ${pct(score.tokensF1).padStart(9)} ${pct(score.wordsF1).padStart(9)} ${pct(score.sentencesF1).padStart(13)}  ${Math.round(score.charsPerSecond).toLocaleString('en')}`);
    for (const e of score.errors) console.log(`    gold ${e.gold}  ≠  ${e.predicted}    …${e.context}`);
  }
}
