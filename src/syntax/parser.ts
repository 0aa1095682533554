// The labelled dependency parser: transition-based (arc-hybrid, Kuhlmann et al. 2011), greedy,
// trained with the dynamic oracle of Goldberg & Nivre (2013) and error exploration after the first
// epoch. Two averaged perceptrons over hashed features (Zhang & Nivre 2011's templates, adapted
// to arc-hybrid: s0..s2, b0..b2, the children of s0, s1 and b0, distances, valencies, label sets,
// lemmas and a few morphological features): one chooses the transition (SHIFT, LEFT, RIGHT), the
// other the label of each arc as it is made, from the arc's head and dependent (complete by then:
// all its own dependents are attached) and the head's dependents so far.
//
// Every output is a tree: one word on the root, every word a head, no cycles — the transition
// system guarantees it (RIGHT from the root only when the buffer is empty and one word is left).
// Non-projective training trees are projectivised by lifting (training only); the output is
// projective. Labels keep UD's subtypes (nsubj:pass, obl:agent, …).
//
// Trained on the tags the tagger gives at run time (trainParser's `jackknife`: 5 folds, each
// tagged by a tagger trained on the other four). Measured on a tenth of the training data held
// out: coarse-POS features (NOUN/PROPN, VERB/AUX, ADP/SCONJ as one) +0.6-0.9 UAS with predicted
// tags; keeping only the 196,608 transition features of largest weights (and a quarter as many
// label features) costs nothing against the 0.6-0.9 million learnt, and makes each model 3.9 MB.
//
// English also reads an external lexicon (lexicon-features.ts: the tags Brill's lexicon allows a
// word) for s0, s1, b0, b1, and learns from each sentence twice, with jackknifed and with treebank
// tags (alsoGoldTags). On English held-out data (a tenth of EWT dev+test, the parser trained on the
// rest, tags predicted): 0.783/0.743 UAS/LAS; tagger with the lexicon 0.803/0.769; parser
// lexicon features 0.811/0.773; both tag copies 0.814/0.780.
//
// Deterministic: the training order and the exploration draw from a seeded PRNG; no Map order,
// no clock. Same data and options → the same bytes of model.
import type { ConlluSentence } from './conllu.ts';
import type { ModelArray, ModelFile } from './model-file.ts';
import { Lexicon, type LexiconMeta } from './lexicon-features.ts';

export interface ParserInput {
  readonly form: string;
  readonly lemma: string;
  readonly upos: string;
  readonly feats: Readonly<Record<string, string>>;
}

/** head 0 = root; words are 1-based. */
export interface Arc {
  readonly head: number;
  readonly deprel: string;
}

export type TaggerFunction = (forms: readonly string[]) => { upos: string; feats: Readonly<Record<string, string>>; lemma: string }[];

export interface TrainParserOptions {
  readonly language: 'fr' | 'en';
  /** Passes over the training data (default: 10 for French, 14 for English, as measured on held-out data). */
  readonly epochs?: number;
  /** Seed of the shuffling and the exploration (default 1). */
  readonly seed?: number;
  /**
   * Replaces the training sentences' UPOS, features and lemmas by what this tagger predicts from
   * their forms, so that the parser learns from the tags it will see at run time. (Jackknifing —
   * tags from taggers that did not see the sentence — is the caller's: pass sentences already
   * re-tagged and no tagger.)
   */
  readonly tagger?: TaggerFunction;
  /**
   * Jackknifing: the training sentences cut into `folds` (sentence i in fold i mod folds), each
   * fold tagged by a tagger that `train` builds from the other folds. The parser then learns from
   * tags as wrong as the run-time tagger's on unseen text. Not with `tagger`.
   */
  readonly jackknife?: { readonly folds: number; readonly train: (sentences: readonly ConlluSentence[]) => TaggerFunction };
  /** Probability of following the model's own (possibly wrong) transition after epoch 1 (default 0.9). */
  readonly explore?: number;
  /** Averaged weights below this (absolute) are dropped when the model is frozen (default 0.05 … see PRUNE). */
  readonly minWeight?: number;
  /** Called after each epoch with a way to freeze the weights so far into a parser (for tuning). */
  readonly onEpoch?: (epoch: number, freeze: (minWeight?: number, maxFeatures?: number) => Parser) => void;
  /** At most this many transition features are kept (those of largest weights), a quarter as many label features. */
  readonly maxFeatures?: number;
  /** An external lexicon whose word classes are features (lexicon-features.ts); kept in the model. */
  readonly lexicon?: Lexicon;
  /**
   * Also learn from each sentence with its treebank tags (after its predicted-tag copy): twice the
   * data, measured on English held-out data +0.2 UAS, +0.6 LAS over predicted tags alone.
   */
  readonly alsoGoldTags?: boolean;
}

const KIND = 'parser';
const FORMAT = 2;
const SHIFT = 0, LEFT = 1, RIGHT = 2;
const DEFAULT_MIN_WEIGHT = 0.5;
/** 3/4 of 2^18: the transition table fits 2^18 slots (2.6 MB). */
const DEFAULT_MAX_FEATURES = 196_608;
/** Forms and lemmas seen fewer times in training are read as their endings (1 measured best: 2 lost 0.3-0.4 UAS in French, tied in English). */
const MIN_COUNT = 1;

// ---------------------------------------------------------------------------------------------
// Hashing

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h) | 0;
}

/** A feature: template t with up to three values. Never 0 (0 marks an empty slot). */
function f(t: number, a: number, b = 0, c = 0): number {
  let x = Math.imul(t + 0x61c88647, 0x9e3779b1) ^ a;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca6b) ^ b;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) ^ c;
  x = Math.imul(x ^ (x >>> 16), 0x27d4eb2f);
  x ^= x >>> 15;
  return x || 1;
}

// ---------------------------------------------------------------------------------------------
// Words as numbers

const UPOS_IDS: Readonly<Record<string, number>> = Object.fromEntries(
  ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'].map((t, i) => [t, i + 3]),
);
const ROOT_VAL = 1, NONE_VAL = 2;

/** The form as a feature value: lowercased, digits as 0. */
function normForm(form: string): string {
  return form.toLowerCase().replace(/[0-9]/g, '0');
}

/** The morphological features the parser reads, folded into one value. */
function morphOf(feats: Readonly<Record<string, string>>): string {
  const vf = feats['VerbForm'];
  return `${vf ?? ''}|${feats['Mood'] ?? ''}|${feats['Voice'] ?? ''}|${feats['PronType'] ?? ''}|${vf === 'Part' ? feats['Tense'] ?? '' : ''}`;
}

/** A sentence as the features read it: index 0 the root, 1..n the words, n+1 "none". */
interface Encoded {
  readonly n: number;
  readonly W: Int32Array;
  readonly P: Int32Array;
  readonly L: Int32Array;
  readonly M: Int32Array;
  /** word and POS together */
  readonly WP: Int32Array;
  /** POS and morphology together */
  readonly PM: Int32Array;
  /** the external lexicon's coarse class of the word (lexicon-features.ts); null without a lexicon */
  readonly X: Int32Array | null;
}

/** Is h in the sorted vocabulary? */
function known(vocab: Int32Array, h: number): boolean {
  let lo = 0, hi = vocab.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, v = vocab[mid]!;
    if (v === h) return true;
    if (v < h) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** A word the training data did not hold often enough stands for its last three letters. */
function unknownValue(s: string): number {
  return hashStr('\u0001' + s.slice(-3));
}

/**
 * The words as numbers. vocab (sorted hashes of forms and lemmas seen at least MIN_COUNT times in
 * training) turns rarer words into their endings, in training and at run time alike.
 */
function encode(words: readonly ParserInput[], vocab: Int32Array, lexicon: Lexicon | null): Encoded {
  const n = words.length;
  const W = new Int32Array(n + 2), P = new Int32Array(n + 2), L = new Int32Array(n + 2), M = new Int32Array(n + 2);
  const WP = new Int32Array(n + 2), PM = new Int32Array(n + 2);
  W[0] = P[0] = L[0] = M[0] = ROOT_VAL;
  W[n + 1] = P[n + 1] = L[n + 1] = M[n + 1] = NONE_VAL;
  for (let i = 1; i <= n; i++) {
    const w = words[i - 1]!;
    const form = normForm(w.form), lemma = w.lemma.toLowerCase();
    const wh = hashStr(form), lh = hashStr(lemma);
    W[i] = known(vocab, wh) ? wh : unknownValue(form);
    P[i] = UPOS_IDS[w.upos] ?? 20;
    L[i] = known(vocab, lh) ? lh : unknownValue(lemma);
    M[i] = hashStr(morphOf(w.feats));
  }
  for (let i = 0; i <= n + 1; i++) {
    WP[i] = f(1000, W[i]!, P[i]!);
    PM[i] = f(1001, P[i]!, M[i]!);
  }
  let X: Int32Array | null = null;
  if (lexicon) {
    X = new Int32Array(n + 2);
    X[0] = ROOT_VAL; X[n + 1] = NONE_VAL;
    for (let i = 1; i <= n; i++) X[i] = lexicon.values(words[i - 1]!.form)[1] | 0;
  }
  return { n, W, P, L, M, WP, PM, X };
}

// ---------------------------------------------------------------------------------------------
// The parser's state (arc-hybrid): a stack, the buffer (always a suffix of the sentence: b..n),
// the arcs so far and, per word, what the features read of its dependents.

class State {
  n = 0;
  NONE = 1;
  stack: Int32Array;
  sp = 0;
  b = 1;
  head: Int32Array;
  /** label id + 1 of the word's arc; 0 before it has one */
  lab: Int32Array;
  l1: Int32Array; l2: Int32Array; r1: Int32Array; r2: Int32Array;
  nl: Int32Array; nr: Int32Array;
  /** label sets of left and right dependents, universal relations as bits (two words each) */
  sl0: Int32Array; sl1: Int32Array; sr0: Int32Array; sr1: Int32Array;

  constructor(capacity: number) {
    const c = capacity + 2;
    this.stack = new Int32Array(c);
    this.head = new Int32Array(c); this.lab = new Int32Array(c);
    this.l1 = new Int32Array(c); this.l2 = new Int32Array(c); this.r1 = new Int32Array(c); this.r2 = new Int32Array(c);
    this.nl = new Int32Array(c); this.nr = new Int32Array(c);
    this.sl0 = new Int32Array(c); this.sl1 = new Int32Array(c); this.sr0 = new Int32Array(c); this.sr1 = new Int32Array(c);
  }

  reset(n: number): void {
    if (n + 2 > this.stack.length) Object.assign(this, new State(n * 2));
    this.n = n;
    const NONE = n + 1;
    this.NONE = NONE;
    this.head.fill(-1, 0, n + 2); this.lab.fill(0, 0, n + 2);
    this.l1.fill(NONE, 0, n + 2); this.l2.fill(NONE, 0, n + 2); this.r1.fill(NONE, 0, n + 2); this.r2.fill(NONE, 0, n + 2);
    this.nl.fill(0, 0, n + 2); this.nr.fill(0, 0, n + 2);
    this.sl0.fill(0, 0, n + 2); this.sl1.fill(0, 0, n + 2); this.sr0.fill(0, 0, n + 2); this.sr1.fill(0, 0, n + 2);
    this.stack[0] = 0;
    this.sp = 1;
    this.b = 1;
  }

  get terminal(): boolean {
    return this.sp === 1 && this.b > this.n;
  }

  canShift(): boolean { return this.b <= this.n; }
  canLeft(): boolean { return this.sp >= 2 && this.b <= this.n; }
  /** RIGHT from the root only as the very last transition: exactly one word on the root. */
  canRight(): boolean { return this.sp >= 3 || (this.sp === 2 && this.b > this.n); }

  /** Head and dependent of the arc a LEFT or RIGHT would make. */
  arcOf(t: number): [number, number] {
    const s0 = this.stack[this.sp - 1]!;
    return t === LEFT ? [this.b, s0] : [this.stack[this.sp - 2]!, s0];
  }

  apply(t: number, label: number, uni: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const d = this.stack[--this.sp]!;
    const h = t === LEFT ? this.b : this.stack[this.sp - 1]!;
    this.head[d] = h;
    this.lab[d] = label + 1;
    if (d < h) {
      this.l2[h] = this.l1[h]!; this.l1[h] = d; this.nl[h]!++;
      if (uni < 32) this.sl0[h]! |= 1 << uni; else this.sl1[h]! |= 1 << (uni - 32);
    } else {
      this.r2[h] = this.r1[h]!; this.r1[h] = d; this.nr[h]!++;
      if (uni < 32) this.sr0[h]! |= 1 << uni; else this.sr1[h]! |= 1 << (uni - 32);
    }
  }
}

function distBucket(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : 8;
}

/** The transition classifier's features; returns how many were written. */
function transitionFeatures(e: Encoded, s: State, o: Int32Array): number {
  const { W, P, L, WP, PM } = e;
  const NONE = s.NONE, sp = s.sp, st = s.stack;
  const s0 = sp >= 1 ? st[sp - 1]! : NONE, s1 = sp >= 2 ? st[sp - 2]! : NONE, s2 = sp >= 3 ? st[sp - 3]! : NONE;
  const b0 = s.b <= s.n ? s.b : NONE, b1 = s.b + 1 <= s.n ? s.b + 1 : NONE, b2 = s.b + 2 <= s.n ? s.b + 2 : NONE;
  const lab = s.lab, l1 = s.l1, l2 = s.l2, r1 = s.r1, r2 = s.r2;
  const s0l = l1[s0]!, s0l2 = l2[s0]!, s0r = r1[s0]!, s0r2 = r2[s0]!;
  const s1l = l1[s1]!, s1r = r1[s1]!, b0l = l1[b0]!, b0l2 = l2[b0]!;
  const wS0 = W[s0]!, pS0 = P[s0]!, wpS0 = WP[s0]!, wB0 = W[b0]!, pB0 = P[b0]!, wpB0 = WP[b0]!;
  const wS1 = W[s1]!, pS1 = P[s1]!, wpS1 = WP[s1]!, pB1 = P[b1]!, pB2 = P[b2]!, pS2 = P[s2]!;
  const pS0l = P[s0l]!, pS0r = P[s0r]!, pB0l = P[b0l]!;
  const d = s0 !== NONE && b0 !== NONE && s0 !== 0 ? distBucket(b0 - s0) : 0;
  const d1 = s1 !== NONE && s0 !== NONE && s1 !== 0 ? distBucket(s0 - s1) : 0;
  let k = 0;
  // single words
  o[k++] = f(1, wpS0); o[k++] = f(2, wS0); o[k++] = f(3, pS0); o[k++] = f(4, L[s0]!); o[k++] = f(5, PM[s0]!);
  o[k++] = f(6, wpB0); o[k++] = f(7, wB0); o[k++] = f(8, pB0); o[k++] = f(9, L[b0]!); o[k++] = f(10, PM[b0]!);
  o[k++] = f(11, WP[b1]!); o[k++] = f(12, W[b1]!); o[k++] = f(13, pB1);
  o[k++] = f(14, WP[b2]!); o[k++] = f(15, pB2);
  o[k++] = f(16, wpS1); o[k++] = f(17, wS1); o[k++] = f(18, pS1); o[k++] = f(19, L[s1]!); o[k++] = f(20, PM[s1]!);
  o[k++] = f(21, pS2); o[k++] = f(22, W[s2]!);
  // pairs s0-b0
  o[k++] = f(30, wpS0, wpB0); o[k++] = f(31, wpS0, wB0); o[k++] = f(32, wS0, wpB0); o[k++] = f(33, wpS0, pB0);
  o[k++] = f(34, pS0, wpB0); o[k++] = f(35, wS0, wB0); o[k++] = f(36, pS0, pB0); o[k++] = f(37, pB0, pB1);
  o[k++] = f(38, L[s0]!, L[b0]!); o[k++] = f(39, PM[s0]!, PM[b0]!);
  // pairs s1-s0, s1-b0
  o[k++] = f(40, wpS1, wpS0); o[k++] = f(41, wS1, wS0); o[k++] = f(42, pS1, pS0); o[k++] = f(43, wpS1, pS0);
  o[k++] = f(44, pS1, wpS0); o[k++] = f(45, L[s1]!, L[s0]!); o[k++] = f(46, PM[s1]!, PM[s0]!);
  o[k++] = f(47, pS1, pB0); o[k++] = f(48, wS1, wB0); o[k++] = f(49, wpS1, pB0); o[k++] = f(50, pS1, wpB0);
  // triples of POS
  o[k++] = f(60, pB0, pB1, pB2); o[k++] = f(61, pS0, pB0, pB1); o[k++] = f(62, pS1, pS0, pB0);
  o[k++] = f(63, pS0, pS0l, pB0); o[k++] = f(64, pS0, pS0r, pB0); o[k++] = f(65, pS0, pB0, pB0l);
  o[k++] = f(66, pS0, pS0l, P[s0l2]!); o[k++] = f(67, pS0, pS0r, P[s0r2]!); o[k++] = f(68, pB0, pB0l, P[b0l2]!);
  o[k++] = f(69, pS1, pS0, pS0l); o[k++] = f(70, pS1, pS0, pS0r); o[k++] = f(71, pS1, P[s1r]!, pS0);
  o[k++] = f(72, pS1, P[s1l]!, pS0); o[k++] = f(73, pS2, pS1, pS0); o[k++] = f(74, wS0, pB0, pB1);
  o[k++] = f(75, pS0, wB0, pB1); o[k++] = f(76, pS1, wS0, pB0); o[k++] = f(77, pS1, pS0, wB0);
  // distance
  o[k++] = f(80, wS0, d); o[k++] = f(81, pS0, d); o[k++] = f(82, wB0, d); o[k++] = f(83, pB0, d);
  o[k++] = f(84, wS0, wB0, d); o[k++] = f(85, pS0, pB0, d); o[k++] = f(86, pS1, pS0, d1); o[k++] = f(87, wS1, wS0, d1);
  // valency
  const nl = s.nl, nr = s.nr;
  o[k++] = f(90, wS0, nr[s0]!); o[k++] = f(91, pS0, nr[s0]!); o[k++] = f(92, wS0, nl[s0]!); o[k++] = f(93, pS0, nl[s0]!);
  o[k++] = f(94, wB0, nl[b0]!); o[k++] = f(95, pB0, nl[b0]!); o[k++] = f(96, pS1, nr[s1]!); o[k++] = f(97, pS1, nl[s1]!);
  // dependents
  o[k++] = f(100, W[s0l]!); o[k++] = f(101, pS0l); o[k++] = f(102, lab[s0l]!);
  o[k++] = f(103, W[s0r]!); o[k++] = f(104, pS0r); o[k++] = f(105, lab[s0r]!);
  o[k++] = f(106, P[s0l2]!); o[k++] = f(107, lab[s0l2]!); o[k++] = f(108, P[s0r2]!); o[k++] = f(109, lab[s0r2]!);
  o[k++] = f(110, W[b0l]!); o[k++] = f(111, pB0l); o[k++] = f(112, lab[b0l]!); o[k++] = f(113, P[b0l2]!); o[k++] = f(114, lab[b0l2]!);
  o[k++] = f(115, W[s1l]!); o[k++] = f(116, P[s1l]!); o[k++] = f(117, lab[s1l]!);
  o[k++] = f(118, W[s1r]!); o[k++] = f(119, P[s1r]!); o[k++] = f(120, lab[s1r]!);
  o[k++] = f(121, pS0, lab[s0l]!, lab[s0l2]!); o[k++] = f(122, pS0, lab[s0r]!, lab[s0r2]!); o[k++] = f(123, pB0, lab[b0l]!, lab[b0l2]!);
  o[k++] = f(124, pS1, lab[s1r]!, pS0); o[k++] = f(125, wS0, lab[s0r]!, pB0); o[k++] = f(126, wS0, lab[s0l]!, pB0);
  // label sets
  const sl0 = s.sl0, sl1 = s.sl1, sr0 = s.sr0, sr1 = s.sr1;
  o[k++] = f(130, wS0, sr0[s0]!, sr1[s0]!); o[k++] = f(131, pS0, sr0[s0]!, sr1[s0]!);
  o[k++] = f(132, wS0, sl0[s0]!, sl1[s0]!); o[k++] = f(133, pS0, sl0[s0]!, sl1[s0]!);
  o[k++] = f(134, wB0, sl0[b0]!, sl1[b0]!); o[k++] = f(135, pB0, sl0[b0]!, sl1[b0]!);
  o[k++] = f(136, pS1, sr0[s1]!, sr1[s1]!); o[k++] = f(137, pS1, sl0[s1]!, sl1[s1]!);
  // coarse POS: robust to the tagger's usual confusions (measured: +0.6-0.9 UAS with predicted tags)
  {
    const cS0 = COARSE[pS0]!, cB0 = COARSE[pB0]!, cS1 = COARSE[pS1]!, cB1 = COARSE[pB1]!;
    o[k++] = f(150, cS0, cB0); o[k++] = f(151, cS1, cS0, cB0); o[k++] = f(152, cS0, cB0, cB1);
    o[k++] = f(153, wS0, cB0); o[k++] = f(154, cS0, wB0); o[k++] = f(155, cS0, COARSE[pS0l]!, cB0);
    o[k++] = f(156, cS0, COARSE[pS0r]!, cB0); o[k++] = f(157, cS0, cB0, d);
  }
  // the external lexicon's classes of the words (what a dictionary allows them to be)
  const X = e.X;
  if (X) {
    const xS0 = X[s0]!, xB0 = X[b0]!;
    o[k++] = f(160, xS0); o[k++] = f(161, xB0); o[k++] = f(162, xS0, xB0); o[k++] = f(163, pS0, xB0);
    o[k++] = f(164, xS0, pB0); o[k++] = f(165, X[b1]!, pB0); o[k++] = f(166, X[s1]!, xS0);
  }
  return k;
}
const N_TRANSITION_FEATURES = 140;
/** Coarse classes of the POS values: the tagger's usual confusions (NOUN/PROPN, VERB/AUX, ADP/SCONJ) as one. */
const COARSE = (() => {
  const c = new Int32Array(32);
  for (let i = 0; i < 32; i++) c[i] = i;
  const id = (t: string) => UPOS_IDS[t]!;
  c[id('PROPN')] = id('NOUN'); c[id('AUX')] = id('VERB'); c[id('SCONJ')] = id('ADP');
  return c;
})();

/** The label classifier's features for the arc h → d. */
function labelFeatures(e: Encoded, s: State, h: number, d: number, o: Int32Array): number {
  const { W, P, L, M, PM } = e;
  const n = s.n, NONE = s.NONE;
  const dir = d < h ? 1 : 2;
  const hw = W[h]!, hp = P[h]!, hl = L[h]!, dw = W[d]!, dp = P[d]!, dl = L[d]!;
  const dist = distBucket(Math.abs(h - d)) * 4 + dir;
  const dl1 = s.l1[d]!, dl2 = s.l2[d]!, dr1 = s.r1[d]!, hl1 = s.l1[h]!, hr1 = s.r1[h]!;
  const lab = s.lab;
  const dPrev = d > 1 ? d - 1 : NONE, dNext = d < n ? d + 1 : NONE, hNext = h < n && h > 0 ? h + 1 : NONE;
  const hsl = f(9999, s.sl0[h]!, s.sl1[h]!), hsr = f(9998, s.sr0[h]!, s.sr1[h]!);
  const dsl = f(9997, s.sl0[d]!, s.sl1[d]!), dsr = f(9996, s.sr0[d]!, s.sr1[d]!);
  let k = 0;
  o[k++] = f(200, dw, dp); o[k++] = f(201, dl, dir); o[k++] = f(202, dp, dir); o[k++] = f(203, hp, dp, dir);
  o[k++] = f(204, hw, dp, dir); o[k++] = f(205, hp, dw, dir); o[k++] = f(206, hl, dl, dir); o[k++] = f(207, hp, dp, dist);
  o[k++] = f(208, PM[h]!, PM[d]!, dir); o[k++] = f(209, PM[d]!, dir); o[k++] = f(210, hl, dp, dir); o[k++] = f(211, M[h]!, dp, dir);
  o[k++] = f(212, dp, W[dl1]!, lab[dl1]!); o[k++] = f(213, dp, lab[dl1]!, lab[dl2]!); o[k++] = f(214, dp, W[dr1]!, lab[dr1]!);
  o[k++] = f(215, dp, dsl, dsr); o[k++] = f(216, hp, dir, hsl); o[k++] = f(217, hp, dir, hsr);
  o[k++] = f(218, PM[h]!, dir, hsl); o[k++] = f(219, hl, W[dl1]!, dir); o[k++] = f(220, hp, W[dl1]!, dir);
  o[k++] = f(221, hp, dp, lab[hl1]!); o[k++] = f(222, hp, dp, lab[hr1]!); o[k++] = f(223, hw, dw);
  o[k++] = f(224, dp, P[dPrev]!, P[dNext]!); o[k++] = f(225, hp, P[hNext]!, dir); o[k++] = f(226, dw, hp, dist);
  o[k++] = f(227, hp, dp, h === 0 ? 1 : d === 1 ? 2 : 3); o[k++] = f(228, dl, W[dl1]!); o[k++] = f(229, dp, W[dPrev]!);
  o[k++] = f(230, PM[d]!, W[dl1]!, hp); o[k++] = f(231, hp, M[d]!, dsl);
  return k;
}
const N_LABEL_FEATURES = 32;

// ---------------------------------------------------------------------------------------------
// Weights while training: an open-addressing table of feature hashes → dense rows of nClasses,
// averaged lazily (a timestamp per weight).

class TrainWeights {
  readonly C: number;
  private keys: Int32Array;
  private rowOf: Int32Array;
  private mask: number;
  nRows = 0;
  w: Float64Array;
  private tot: Float64Array;
  private stamp: Float64Array;
  clock = 0;

  constructor(C: number) {
    this.C = C;
    this.keys = new Int32Array(1 << 16);
    this.rowOf = new Int32Array(1 << 16);
    this.mask = (1 << 16) - 1;
    this.w = new Float64Array(4096 * C);
    this.tot = new Float64Array(4096 * C);
    this.stamp = new Float64Array(4096 * C);
  }

  find(key: number): number {
    const keys = this.keys, mask = this.mask;
    let i = key & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.rowOf[i]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  private add(key: number): number {
    if ((this.nRows + 1) * 2 > this.keys.length) this.growTable();
    let i = key & this.mask;
    while (this.keys[i] !== 0) i = (i + 1) & this.mask;
    this.keys[i] = key;
    const r = this.nRows++;
    this.rowOf[i] = r;
    if (this.nRows * this.C > this.w.length) {
      const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
      this.w = grow(this.w); this.tot = grow(this.tot); this.stamp = grow(this.stamp);
    }
    return r;
  }

  private growTable(): void {
    const oldKeys = this.keys, oldRows = this.rowOf;
    const cap = oldKeys.length * 2;
    this.keys = new Int32Array(cap);
    this.rowOf = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j]!;
      if (key === 0) continue;
      let i = key & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.rowOf[i] = oldRows[j]!;
    }
  }

  /** rows[i] = the row of feature i, or -1. */
  lookup(feats: Int32Array, n: number, rows: Int32Array): void {
    for (let i = 0; i < n; i++) rows[i] = this.find(feats[i]!);
  }

  score(rows: Int32Array, n: number, out: Float64Array): void {
    const C = this.C, w = this.w;
    out.fill(0, 0, C);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if (r < 0) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) out[c]! += w[base + c]!;
    }
  }

  update(feats: Int32Array, rows: Int32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    for (let i = 0; i < n; i++) {
      let r = rows[i]!;
      if (r < 0) r = rows[i] = this.add(feats[i]!);
      const base = r * this.C;
      this.bump(base + truth, 1);
      this.bump(base + guess, -1);
    }
  }

  private bump(k: number, v: number): void {
    this.tot[k]! += (this.clock - this.stamp[k]!) * this.w[k]!;
    this.stamp[k] = this.clock;
    this.w[k]! += v;
  }

  /** Averages, drops features whose weights are all below minWeight, quantises to Int16. */
  freeze(minWeight: number, maxFeatures: number, dense: boolean): FrozenWeights {
    const C = this.C, T = Math.max(1, this.clock);
    const entries: { key: number; row: number }[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) entries.push({ key: this.keys[i]!, row: this.rowOf[i]! });
    entries.sort((a, b) => a.key - b.key);
    const avg = new Float64Array(C);
    let kept: { key: number; w: Float64Array; size: number }[] = [];
    for (const { key, row } of entries) {
      let keep = false;
      for (let c = 0; c < C; c++) {
        const k = row * C + c;
        const a = (this.tot[k]! + (this.clock - this.stamp[k]!) * this.w[k]!) / T;
        avg[c] = Math.abs(a) < minWeight ? 0 : a;
        if (avg[c] !== 0) keep = true;
      }
      if (!keep) continue;
      const w = avg.slice();
      let size = 0;
      for (let c = 0; c < C; c++) size += Math.abs(w[c]!);
      kept.push({ key, w, size });
    }
    if (kept.length > maxFeatures) {
      // the features of largest weights (ties by key), back in key order
      kept = kept.sort((a, b) => b.size - a.size || a.key - b.key).slice(0, maxFeatures).sort((a, b) => a.key - b.key);
    }
    let maxAbs = 0;
    for (const { w } of kept) for (let c = 0; c < C; c++) if (Math.abs(w[c]!) > maxAbs) maxAbs = Math.abs(w[c]!);
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    let cap = 16;
    while (cap * 0.75 < kept.length) cap *= 2;
    const keys = new Int32Array(cap);
    const slotOf = new Int32Array(kept.length);
    kept.forEach((e, j) => {
      let i = e.key & (cap - 1);
      while (keys[i] !== 0) i = (i + 1) & (cap - 1);
      keys[i] = e.key;
      slotOf[j] = i;
    });
    if (dense) {
      const weights = new Int16Array(cap * C);
      kept.forEach((e, j) => { for (let c = 0; c < C; c++) weights[slotOf[j]! * C + c] = Math.round(e.w[c]! / scale); });
      return new FrozenWeights(C, scale, keys, weights, null, null);
    }
    const bySlot = new Int32Array(cap).fill(-1);
    kept.forEach((_, j) => { bySlot[slotOf[j]!] = j; });
    let nnz = 0;
    for (const e of kept) for (let c = 0; c < C; c++) if (e.w[c] !== 0) nnz++;
    const offsets = new Uint32Array(cap + 1), classes = new Uint8Array(nnz), weights = new Int16Array(nnz);
    let p = 0;
    for (let i = 0; i < cap; i++) {
      offsets[i] = p;
      const j = bySlot[i]!;
      if (j < 0) continue;
      const w = kept[j]!.w;
      for (let c = 0; c < C; c++) {
        if (w[c] === 0) continue;
        classes[p] = c;
        weights[p++] = Math.round(w[c]! / scale);
      }
    }
    offsets[cap] = p;
    return new FrozenWeights(C, scale, keys, weights, offsets, classes);
  }
}

// ---------------------------------------------------------------------------------------------
// Weights at run time: feature hashes in an open-addressing table (slot = hash mod capacity);
// per slot either a dense row of C Int16 weights, or a sparse row (offsets, classes, weights).

class FrozenWeights {
  constructor(
    readonly C: number,
    readonly scale: number,
    readonly keys: Int32Array,
    readonly weights: Int16Array,
    readonly offsets: Uint32Array | null,
    readonly classes: Uint8Array | null,
  ) {
    if (C > 256) throw new Error('parser: more than 256 classes');
    if (keys.length & (keys.length - 1)) throw new Error('parser: weight table size is not a power of two');
    if (offsets ? offsets.length !== keys.length + 1 || offsets[keys.length] !== weights.length || classes?.length !== weights.length
      : weights.length !== keys.length * C) throw new Error('parser: inconsistent weight arrays');
  }

  get featureCount(): number {
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) n++;
    return n;
  }

  get byteLength(): number {
    return this.keys.byteLength + this.weights.byteLength + (this.offsets?.byteLength ?? 0) + (this.classes?.byteLength ?? 0);
  }

  score(feats: Int32Array, n: number, out: Int32Array): void {
    const keys = this.keys, mask = keys.length - 1, C = this.C, weights = this.weights, offsets = this.offsets, classes = this.classes;
    out.fill(0, 0, C);
    for (let j = 0; j < n; j++) {
      const key = feats[j]!;
      let i = key & mask;
      for (;;) {
        const k = keys[i]!;
        if (k === key) {
          if (offsets === null) {
            const base = i * C;
            for (let c = 0; c < C; c++) out[c]! += weights[base + c]!;
          } else {
            const end = offsets[i + 1]!;
            for (let p = offsets[i]!; p < end; p++) out[classes![p]!]! += weights[p]!;
          }
          break;
        }
        if (k === 0) break;
        i = (i + 1) & mask;
      }
    }
  }

  toArrays(prefix: string): Record<string, ModelArray> {
    const a: Record<string, ModelArray> = { [`${prefix}.keys`]: this.keys, [`${prefix}.weights`]: this.weights };
    if (this.offsets) a[`${prefix}.offsets`] = this.offsets;
    if (this.classes) a[`${prefix}.classes`] = this.classes;
    return a;
  }

  static fromArrays(arrays: Readonly<Record<string, ModelArray>>, prefix: string, C: number, scale: number, dense: boolean): FrozenWeights {
    const get = <T extends ModelArray>(name: string, ctor: new (n: number) => T): T => {
      const a = arrays[`${prefix}.${name}`];
      if (!(a instanceof ctor)) throw new Error(`parser model: array ${prefix}.${name} missing or of the wrong type`);
      return a as T;
    };
    return new FrozenWeights(C, scale, get('keys', Int32Array), get('weights', Int16Array),
      dense ? null : get('offsets', Uint32Array), dense ? null : get('classes', Uint8Array));
  }
}

// ---------------------------------------------------------------------------------------------
// Labels

/** The universal part of a relation: "nsubj:pass" → "nsubj". */
function universal(label: string): string {
  const i = label.indexOf(':');
  return i < 0 ? label : label.slice(0, i);
}

interface LabelSet {
  readonly labels: readonly string[];
  /** per label, the id of its universal part (for label sets), < 64 */
  readonly uni: Int32Array;
  readonly root: number;
}

function labelSet(labels: readonly string[]): LabelSet {
  const unis = [...new Set(labels.map(universal))].sort();
  if (unis.length > 64) throw new Error('parser: more than 64 universal relations');
  const uni = new Int32Array(labels.map((l) => unis.indexOf(universal(l))));
  const root = labels.indexOf('root');
  if (root < 0) throw new Error('parser: the training data has no root relation');
  return { labels, uni, root };
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Meta {
  readonly format: number;
  readonly language: string;
  readonly labels: readonly string[];
  readonly transitions: { readonly scale: number };
  readonly arcLabels: { readonly scale: number };
  readonly training?: unknown;
  readonly lexicon?: LexiconMeta;
}

function vocabOf(arrays: Readonly<Record<string, ModelArray>>): Int32Array {
  const v = arrays['vocab'];
  if (!(v instanceof Int32Array)) throw new Error('parser model: array vocab missing or of the wrong type');
  return v;
}

export class Parser {
  readonly language: string;
  private readonly labelSet: LabelSet;
  private readonly state = new State(64);
  private readonly feats = new Int32Array(Math.max(N_TRANSITION_FEATURES, N_LABEL_FEATURES));
  private readonly scores: Int32Array;

  /** Use Parser.fromModel (or trainParser). */
  constructor(
    language: string,
    labels: readonly string[],
    private readonly transitions: FrozenWeights,
    private readonly arcLabels: FrozenWeights,
    private readonly vocab: Int32Array,
    private readonly training: unknown,
    private readonly lexicon: Lexicon | null = null,
  ) {
    for (let i = 1; i < vocab.length; i++) if (vocab[i - 1]! >= vocab[i]!) throw new Error('parser: the vocabulary is not sorted');
    this.language = language;
    this.labelSet = labelSet(labels);
    this.scores = new Int32Array(Math.max(3, labels.length));
  }

  static fromModel(m: ModelFile): Parser {
    if (m.kind !== KIND) throw new Error(`parser: the model holds a ${m.kind}, not a parser`);
    const meta = m.meta as Meta;
    if (meta.format !== FORMAT) throw new Error(`parser: model format ${meta.format}, this vigie reads ${FORMAT}`);
    return new Parser(
      meta.language,
      meta.labels,
      FrozenWeights.fromArrays(m.arrays, 't', 3, meta.transitions.scale, true),
      FrozenWeights.fromArrays(m.arrays, 'l', meta.labels.length, meta.arcLabels.scale, false),
      vocabOf(m.arrays),
      meta.training,
      meta.lexicon ? Lexicon.fromArrays(m.arrays, 'x', meta.lexicon) : null,
    );
  }

  toModel(): ModelFile {
    const meta: Meta = {
      format: FORMAT,
      language: this.language,
      labels: this.labelSet.labels,
      transitions: { scale: this.transitions.scale },
      arcLabels: { scale: this.arcLabels.scale },
      training: this.training,
      ...(this.lexicon ? { lexicon: this.lexicon.meta } : {}),
    };
    return {
      kind: KIND, meta,
      arrays: { ...this.transitions.toArrays('t'), ...this.arcLabels.toArrays('l'), vocab: this.vocab, ...(this.lexicon ? this.lexicon.toArrays('x') : {}) },
    };
  }

  /** The relations the model can give, with their subtypes. */
  get labels(): readonly string[] {
    return this.labelSet.labels;
  }

  /** Sizes, for reports. */
  get stats(): { transitionFeatures: number; labelFeatures: number; vocabulary: number; bytes: number } {
    return {
      transitionFeatures: this.transitions.featureCount, labelFeatures: this.arcLabels.featureCount, vocabulary: this.vocab.length,
      bytes: this.transitions.byteLength + this.arcLabels.byteLength + this.vocab.byteLength,
    };
  }

  parse(words: readonly ParserInput[]): Arc[] {
    const n = words.length;
    if (n === 0) return [];
    const e = encode(words, this.vocab, this.lexicon);
    const s = this.state;
    s.reset(n);
    const feats = this.feats, scores = this.scores, ls = this.labelSet, L = ls.labels.length;
    while (!s.terminal) {
      const k = transitionFeatures(e, s, feats);
      this.transitions.score(feats, k, scores);
      let best = -1, bestScore = -Infinity;
      if (s.canShift()) { best = SHIFT; bestScore = scores[SHIFT]!; }
      if (s.canLeft() && scores[LEFT]! > bestScore) { best = LEFT; bestScore = scores[LEFT]!; }
      if (s.canRight() && scores[RIGHT]! > bestScore) { best = RIGHT; bestScore = scores[RIGHT]!; }
      if (best === SHIFT) { s.apply(SHIFT, 0, 0); continue; }
      const d = s.stack[s.sp - 1]!, h = best === LEFT ? s.b : s.stack[s.sp - 2]!;
      let label = ls.root;
      if (h !== 0) {
        const kl = labelFeatures(e, s, h, d, feats);
        this.arcLabels.score(feats, kl, scores);
        let bl = -Infinity;
        for (let c = 0; c < L; c++) if (c !== ls.root && scores[c]! > bl) { bl = scores[c]!; label = c; }
      }
      s.apply(best, label, ls.uni[label]!);
    }
    const out: Arc[] = new Array(n);
    for (let i = 1; i <= n; i++) out[i - 1] = { head: s.head[i]!, deprel: ls.labels[s.lab[i]! - 1]! };
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Training

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lifts non-projective arcs (the shortest first) to the head's head until the tree is projective.
 * heads: 1-based words, heads[0] unused; returns a new array.
 */
export function projectivise(heads: readonly number[]): number[] {
  const h = heads.slice();
  const n = h.length - 1;
  const dominates = (a: number, x: number): boolean => {
    for (let y = x, steps = 0; y !== 0 && steps <= n; y = h[y]!, steps++) if (y === a) return true;
    return a === 0;
  };
  for (;;) {
    let worst = -1, worstLen = Infinity;
    for (let d = 1; d <= n; d++) {
      const hd = h[d]!;
      if (hd === 0) continue;
      const lo = Math.min(hd, d), hi = Math.max(hd, d);
      if (hi - lo >= worstLen) continue;
      for (let k = lo + 1; k < hi; k++) {
        if (!dominates(hd, k)) { worst = d; worstLen = hi - lo; break; }
      }
    }
    if (worst < 0) return h;
    h[worst] = h[h[worst]!]!;
  }
}

/** The dynamic oracle's cost of each transition (arc-hybrid, Goldberg & Nivre 2013): gold arcs it makes unreachable. */
function costs(s: State, gold: Int32Array, out: Int32Array): void {
  const n = s.n, b = s.b, sp = s.sp, st = s.stack;
  const s0 = sp >= 2 ? st[sp - 1]! : -1, s1 = sp >= 3 ? st[sp - 2]! : sp >= 2 ? 0 : -1;
  // dependents of s0 still in the buffer
  let s0DepsInBuffer = 0;
  if (s0 > 0) for (let d = b; d <= n; d++) if (gold[d] === s0) s0DepsInBuffer++;
  if (s0 > 0 && b <= n) {
    const hd = gold[s0]!;
    out[LEFT] = s0DepsInBuffer + (hd !== b && (hd === s1 || hd > b) ? 1 : 0);
  }
  if (s0 > 0) {
    const hd = gold[s0]!;
    out[RIGHT] = s0DepsInBuffer + (hd >= b && hd <= n ? 1 : 0);
  }
  if (b <= n) {
    const hb = gold[b]!;
    let c = 0;
    const top = st[sp - 1]!;
    for (let i = 0; i < sp; i++) {
      const x = st[i]!;
      if (x !== top && hb === x) c++;
      if (x > 0 && gold[x] === b) c++;
    }
    out[SHIFT] = c;
  }
}

interface TrainSentence {
  readonly e: Encoded;
  readonly gold: Int32Array;
  readonly goldLabel: Int32Array;
}

export function trainParser(train: readonly ConlluSentence[], options: TrainParserOptions): ModelFile {
  const epochs = options.epochs ?? (options.language === 'fr' ? 10 : 14);
  const explore = options.explore ?? 0.9;
  const minWeight = options.minWeight ?? DEFAULT_MIN_WEIGHT;
  const maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const random = prng(options.seed ?? 1);
  const lexicon = options.lexicon ?? null;

  const labels = [...new Set(train.flatMap((s) => s.words.map((w) => w.deprel)))].filter((l) => l !== '_').sort();
  const ls = labelSet(labels);
  const labelId = new Map(labels.map((l, i) => [l, i]));
  if (options.tagger && options.jackknife) throw new Error('trainParser: give a tagger or a jackknife, not both');
  const withTags = (sent: ConlluSentence, tagger: TaggerFunction): ParserInput[] => {
    const tags = tagger(sent.words.map((w) => w.form));
    return sent.words.map((w, i) => ({ form: w.form, ...tags[i]! }));
  };
  const tagged: (readonly ParserInput[])[] = train.map((sent) => (options.tagger ? withTags(sent, options.tagger) : sent.words));
  if (options.jackknife) {
    const K = options.jackknife.folds;
    if (!Number.isInteger(K) || K < 2) throw new Error(`trainParser: jackknife folds ${K}, at least 2`);
    for (let k = 0; k < K; k++) {
      const tagger = options.jackknife.train(train.filter((_, i) => i % K !== k));
      for (let i = k; i < train.length; i += K) tagged[i] = withTags(train[i]!, tagger);
    }
  }
  const sources: ConlluSentence[] = [...train];
  if (options.alsoGoldTags) {
    for (const sent of train) { sources.push(sent); tagged.push(sent.words); }
  }
  const counts = new Map<number, number>();
  for (const words of tagged) {
    for (const w of words) {
      for (const h of new Set([hashStr(normForm(w.form)), hashStr(w.lemma.toLowerCase())])) counts.set(h, (counts.get(h) ?? 0) + 1);
    }
  }
  const vocab = Int32Array.from([...counts].filter(([, c]) => c >= MIN_COUNT).map(([h]) => h)).sort();
  const data: TrainSentence[] = [];
  let maxN = 1, projectivised = 0;
  for (let si = 0; si < sources.length; si++) {
    const sent = sources[si]!, words = tagged[si]!;
    const n = sent.words.length;
    const heads = projectivise([0, ...sent.words.map((w) => w.head)]);
    if (heads.some((h, i) => i > 0 && h !== sent.words[i - 1]!.head)) projectivised++;
    const gold = new Int32Array(n + 2).fill(-1);
    const goldLabel = new Int32Array(n + 2).fill(-1);
    for (let i = 1; i <= n; i++) {
      gold[i] = heads[i]!;
      goldLabel[i] = labelId.get(sent.words[i - 1]!.deprel) ?? -1;
    }
    data.push({ e: encode(words, vocab, lexicon), gold, goldLabel });
    maxN = Math.max(maxN, n);
  }

  const tw = new TrainWeights(3), lw = new TrainWeights(labels.length);
  const s = new State(maxN);
  const feats = new Int32Array(N_TRANSITION_FEATURES), rows = new Int32Array(N_TRANSITION_FEATURES);
  const lfeats = new Int32Array(N_LABEL_FEATURES), lrows = new Int32Array(N_LABEL_FEATURES);
  const scores = new Float64Array(3), lscores = new Float64Array(labels.length);
  const cost = new Int32Array(3);
  const order = data.map((_, i) => i);
  const L = labels.length;

  const freeze = (mw = minWeight, mf = maxFeatures): Parser => new Parser(options.language, labels, tw.freeze(mw, mf, true), lw.freeze(mw, mf >> 2, false), vocab, {
    sentences: train.length, words: train.reduce((a, x) => a + x.words.length, 0), projectivised, epochs, explore, minWeight: mw, maxFeatures: mf, seed: options.seed ?? 1,
    taggedBy: options.jackknife ? `jackknife, ${options.jackknife.folds} folds` : options.tagger ? 'tagger' : 'given tags',
    ...(lexicon ? { lexicon: `${lexicon.size} words` } : {}),
    ...(options.alsoGoldTags ? { alsoGoldTags: true } : {}),
  }, lexicon);

  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!; order[i] = order[j]!; order[j] = t;
    }
    for (const idx of order) {
      const { e, gold, goldLabel } = data[idx]!;
      s.reset(e.n);
      while (!s.terminal) {
        const k = transitionFeatures(e, s, feats);
        tw.lookup(feats, k, rows);
        tw.score(rows, k, scores);
        const allowed = [s.canShift(), s.canLeft(), s.canRight()];
        cost[0] = cost[1] = cost[2] = 1 << 20;
        costs(s, gold, cost);
        let pred = -1, minCost = Infinity;
        for (let t = 0; t < 3; t++) {
          if (!allowed[t]) continue;
          if (pred < 0 || scores[t]! > scores[pred]!) pred = t;
          if (cost[t]! < minCost) minCost = cost[t]!;
        }
        let best = -1;
        for (let t = 0; t < 3; t++) if (allowed[t] && cost[t] === minCost && (best < 0 || scores[t]! > scores[best]!)) best = t;
        tw.clock++;
        if (cost[pred]! > minCost) tw.update(feats, rows, k, best, pred);
        const next = cost[pred]! === minCost || (epoch > 1 && random() < explore) ? pred : best;
        if (next === SHIFT) { s.apply(SHIFT, 0, 0); continue; }
        const [h, d] = s.arcOf(next);
        let label = ls.root;
        if (h !== 0) {
          const kl = labelFeatures(e, s, h, d, lfeats);
          lw.lookup(lfeats, kl, lrows);
          lw.score(lrows, kl, lscores);
          let bl = -Infinity;
          for (let c = 0; c < L; c++) if (c !== ls.root && lscores[c]! > bl) { bl = lscores[c]!; label = c; }
          const g = goldLabel[d]!;
          lw.clock++;
          if (g >= 0 && g !== ls.root && g !== label) lw.update(lfeats, lrows, kl, g, label);
        }
        s.apply(next, label, ls.uni[label]!);
      }
    }
    if (options.onEpoch) options.onEpoch(epoch, freeze);
  }
  return freeze().toModel();
}
