// The part-of-speech tagger, morphological features and lemmas of the syntax layer.
//
// UPOS: a greedy left-to-right averaged perceptron (perceptron.ts) over the word, its lowercase
// form, prefixes and suffixes, its shape, the words around it, what tags the training data gave
// the word and its neighbours, and the two tags predicted before it.
//
// Features: once a sentence's tags are known, a second perceptron predicts one value (or none)
// for each of the keys in MORPH_KEYS, each key a range of its classes, conditioned on the
// predicted tags; a key (or value) never seen with a tag in training is not predicted for it.
//
// An external lexicon (lexicon-features.ts; English: Brill's), when given, adds the word's classes
// (the tags the lexicon allows) as features: English held-out UPOS 0.938 → 0.949 (words unseen in
// training 0.802 → 0.844). An optional second pass (twoPass) also reads the first pass's tags of
// the next words: +0.16 UPOS in English, +0.12 in French on held-out data, but no better parses.
//
// Lemmas: lemma.ts (an exception lexicon plus suffix-edit rules by part of speech).
//
// Everything the model needs is in one ModelFile of kind 'tagger': the vocabularies in `meta`,
// the two perceptrons' tables as typed arrays.
import type { ConlluSentence } from './conllu.ts';
import type { ModelFile } from './model-file.ts';
import { AveragedPerceptron, FrozenPerceptron, hashString, mix, mulberry32, shuffle } from './perceptron.ts';
import { Lemmatizer, englishIrregularKind, type LemmatizerData } from './lemma.ts';
import { UPOS_TAGS, type Feats, type Upos } from './types.ts';
import { Lexicon, type LexiconMeta } from './lexicon-features.ts';

export interface TaggedWord { readonly upos: Upos; readonly feats: Feats; readonly lemma: string }

/** The morphological features predicted (UD keys). Others in the treebanks are ignored. */
export const MORPH_KEYS = [
  'Tense', 'Mood', 'VerbForm', 'Voice', 'Number', 'Person', 'Polarity', 'Gender', 'PronType', 'Definite', 'NumType',
] as const;

const MODEL_VERSION = 1;
const N_TAGS = UPOS_TAGS.length;
const TAG_INDEX = new Map<string, number>(UPOS_TAGS.map((t, i) => [t, i]));
/** Tag indices for positions before the sentence. */
const START1 = N_TAGS, START2 = N_TAGS + 1, END1 = N_TAGS + 2, END2 = N_TAGS + 3;
/** Sentence padding on each side. */
const PAD = 3;

// Feature templates: a feature is mix(template, value...).
const enum T {
  Bias = 1, Word, Form, Suf1, Suf2, Suf3, Suf4, Pre1, Pre2, Pre3, Shape, Cap, AllCaps, Digit, Hyphen, FirstCap,
  P1, P2, P1P2, P1W, WM1, WM2, WP1, WP2, Suf3M1, Suf3P1, P1Suf3, AmbW, AmbM1, AmbP1, AmbP2, P1AmbP1, AmbWAmbP1, WWP1, Len,
  // morphology
  MU, MUW, MUSuf1, MUSuf2, MUSuf3, MUSuf4, MUSuf5, MUM1, MUP1, MUM1W, MUM2W, MUM3W, MUP1W, MUM1M2, MUShape, MUWM1, MUWM2, MUWP1, MUSufM1, MUSufP1, Irr, MUIrr, MUIrrM1,
  // the external lexicon (lexicon-features.ts), after the others: the ids above are those of models trained before it
  LexF, LexC, LexCP1, LexCM1, LexCP1W, LexCAmb, LexFSuf3,
  // the second pass (the first pass's tags to the right)
  N1, N1N2, P1N1, WN1, Suf3N1, LexCN1, F0, F0N1,
}

interface TaggerMeta {
  version: number;
  language: 'fr' | 'en';
  upos: readonly string[];
  morphKeys: readonly string[];
  /** Per key: its values; class 0 of each key's range is "none". */
  morphValues: readonly (readonly string[])[];
  /** Per UPOS (in `upos` order): a string of '0'/'1' per morph class, whether allowed. */
  morphAllowed: readonly string[];
  /** Word (normalised) → bitmask of the tags it had in training (words seen at least twice). */
  ambiguity: Readonly<Record<string, number>>;
  uposModel: { nClasses: number; scale: number };
  /** The second pass, if trained with twoPass (its table: the arrays upos2.*). */
  uposModel2?: { nClasses: number; scale: number };
  morphModel: { nClasses: number; scale: number };
  lemmas: LemmatizerData;
  /** The external lexicon's classes (lexicon-features.ts); its tables are the arrays lex.*. */
  lexicon?: LexiconMeta;
  trainedOn: { sentences: number; words: number; epochs: number; seed: number };
}

/** The word as the features see it: lowercase, digits as 0. */
function normalise(form: string): string {
  const lower = form.toLowerCase();
  return /[0-9]/.test(lower) ? lower.replace(/[0-9]/g, '0') : lower;
}

function shapeOf(form: string): string {
  let out = '', last = '';
  for (let i = 0; i < form.length && out.length < 6; i++) {
    const ch = form[i]!;
    const c = ch >= '0' && ch <= '9' ? 'd' : ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const isUpper = (s: string): boolean => s !== s.toLowerCase() && s === s.toUpperCase();
const isCapitalised = (s: string): boolean => s.length > 0 && s[0] !== s[0]!.toLowerCase();

/** Per-sentence precomputed hashes, padded by PAD on each side; reused across sentences. */
class SentenceFeatures {
  cap = 0;
  word = new Uint32Array(0);
  form = new Uint32Array(0);
  suf = [new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)];
  pre = [new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)];
  shape = new Uint32Array(0);
  flags = new Uint8Array(0);
  amb = new Int32Array(0);
  len = new Uint8Array(0);
  /** English: englishIrregularKind of the word (past / participle of an irregular verb). */
  irr = new Uint8Array(0);
  /** The external lexicon's full and coarse class values (0: no lexicon). */
  lexF = new Uint32Array(0);
  lexC = new Uint32Array(0);
  n = 0;

  private ensure(size: number): void {
    if (size <= this.cap) return;
    const cap = Math.max(size, this.cap * 2, 64);
    this.cap = cap;
    this.word = new Uint32Array(cap);
    this.form = new Uint32Array(cap);
    this.suf = this.suf.map(() => new Uint32Array(cap));
    this.pre = this.pre.map(() => new Uint32Array(cap));
    this.shape = new Uint32Array(cap);
    this.flags = new Uint8Array(cap);
    this.amb = new Int32Array(cap);
    this.len = new Uint8Array(cap);
    this.irr = new Uint8Array(cap);
    this.lexF = new Uint32Array(cap);
    this.lexC = new Uint32Array(cap);
  }

  fill(forms: readonly string[], ambiguity: ReadonlyMap<string, number>, english: boolean, lexicon: Lexicon | null = null): void {
    const n = forms.length;
    this.n = n;
    this.ensure(n + 2 * PAD);
    const pads = [hashString('-START3-'), hashString('-START2-'), hashString('-START-')];
    const ends = [hashString('-END-'), hashString('-END2-'), hashString('-END3-')];
    for (let k = 0; k < PAD; k++) {
      for (const [j, h] of [[k, pads[k]!], [PAD + n + k, ends[k]!]] as const) {
        this.word[j] = h; this.form[j] = h; this.shape[j] = h;
        for (const a of this.suf) a[j] = h;
        for (const a of this.pre) a[j] = h;
        this.flags[j] = 0; this.amb[j] = -2; this.len[j] = 0; this.irr[j] = 0;
        this.lexF[j] = lexicon ? 2 : 0; this.lexC[j] = lexicon ? 2 : 0;
      }
    }
    for (let i = 0; i < n; i++) {
      const j = i + PAD;
      const f = forms[i]!;
      const w = normalise(f);
      this.word[j] = hashString(w);
      this.form[j] = hashString(f);
      for (let k = 0; k < 5; k++) this.suf[k]![j] = k < w.length ? hashString(w, w.length - k - 1) : this.word[j]!;
      for (let k = 0; k < 3; k++) this.pre[k]![j] = k < w.length ? hashString(w, 0, k + 1) : this.word[j]!;
      this.shape[j] = hashString(shapeOf(f));
      let flags = 0;
      if (isCapitalised(f)) flags |= 1;
      if (f.length > 1 && isUpper(f)) flags |= 2;
      if (/[0-9]/.test(f)) flags |= 4;
      if (f.includes('-')) flags |= 8;
      if (i === 0 && (flags & 1)) flags |= 16;
      this.flags[j] = flags;
      this.amb[j] = ambiguity.get(w) ?? -1;
      this.len[j] = Math.min(w.length, 10);
      this.irr[j] = english ? englishIrregularKind(w) : 0;
      if (lexicon) [this.lexF[j], this.lexC[j]] = lexicon.values(f);
      else this.lexF[j] = this.lexC[j] = 0;
    }
  }
}

/** Writes the UPOS features of word i (0-based) given the two previous tags; returns their number. */
function uposFeatures(s: SentenceFeatures, i: number, p1: number, p2: number, out: Uint32Array): number {
  const j = i + PAD;
  const w = s.word[j]!;
  let n = 0;
  out[n++] = mix(T.Bias, 0);
  out[n++] = mix(T.Word, w);
  out[n++] = mix(T.Form, s.form[j]!);
  out[n++] = mix(mix(T.P1W, p1), w);
  out[n++] = mix(mix(T.WWP1, w), s.word[j + 1]!);
  out[n++] = mix(T.Suf1, s.suf[0]![j]!);
  out[n++] = mix(T.Suf2, s.suf[1]![j]!);
  out[n++] = mix(T.Suf3, s.suf[2]![j]!);
  out[n++] = mix(T.Suf4, s.suf[3]![j]!);
  out[n++] = mix(T.Pre1, s.pre[0]![j]!);
  out[n++] = mix(T.Pre2, s.pre[1]![j]!);
  out[n++] = mix(T.Pre3, s.pre[2]![j]!);
  out[n++] = mix(T.Shape, s.shape[j]!);
  const flags = s.flags[j]!;
  out[n++] = mix(T.Cap, flags & 17);
  out[n++] = mix(T.AllCaps, flags & 2);
  out[n++] = mix(T.Digit, flags & 4);
  out[n++] = mix(T.Hyphen, flags & 8);
  out[n++] = mix(T.Len, s.len[j]!);
  out[n++] = mix(T.P1, p1);
  out[n++] = mix(T.P2, p2);
  out[n++] = mix(mix(T.P1P2, p1), p2);
  out[n++] = mix(T.WM1, s.word[j - 1]!);
  out[n++] = mix(T.WM2, s.word[j - 2]!);
  out[n++] = mix(T.WP1, s.word[j + 1]!);
  out[n++] = mix(T.WP2, s.word[j + 2]!);
  out[n++] = mix(T.Suf3M1, s.suf[2]![j - 1]!);
  out[n++] = mix(T.Suf3P1, s.suf[2]![j + 1]!);
  out[n++] = mix(mix(T.P1Suf3, p1), s.suf[2]![j]!);
  if (s.irr[j]) out[n++] = mix(T.Irr, s.irr[j]!);
  const amb = s.amb[j]!, ambP1 = s.amb[j + 1]!;
  out[n++] = mix(T.AmbW, amb);
  out[n++] = mix(T.AmbP1, ambP1);
  out[n++] = mix(T.AmbP2, s.amb[j + 2]!);
  out[n++] = mix(mix(T.P1AmbP1, p1), ambP1);
  out[n++] = mix(mix(T.AmbWAmbP1, amb), ambP1);
  const lc = s.lexC[j]!;
  if (lc !== 0) {
    out[n++] = mix(T.LexF, s.lexF[j]!);
    out[n++] = mix(T.LexC, lc);
    out[n++] = mix(mix(T.LexCP1, p1), lc);
    out[n++] = mix(mix(T.LexCM1, lc), s.lexC[j - 1]!);
    out[n++] = mix(mix(T.LexCP1W, lc), s.lexC[j + 1]!);
    out[n++] = mix(mix(T.LexCAmb, lc), amb);
    out[n++] = mix(mix(T.LexFSuf3, s.lexF[j]!), s.suf[2]![j]!);
  }
  return n;
}

/**
 * The second pass's extra features of word i: the tags the first pass gave it and the next two
 * words (first: padded like the sentence), so that the right context's parts of speech count.
 */
function rightFeatures(s: SentenceFeatures, i: number, first: Int32Array, p1: number, out: Uint32Array, n: number): number {
  const j = i + PAD;
  const n1 = first[j + 1]!, n2 = first[j + 2]!, f0 = first[j]!;
  out[n++] = mix(T.N1, n1);
  out[n++] = mix(mix(T.N1N2, n1), n2);
  out[n++] = mix(mix(T.P1N1, p1), n1);
  out[n++] = mix(mix(T.WN1, s.word[j]!), n1);
  out[n++] = mix(mix(T.Suf3N1, s.suf[2]![j]!), n1);
  out[n++] = mix(mix(T.LexCN1, s.lexC[j]!), n1);
  out[n++] = mix(T.F0, f0);
  out[n++] = mix(mix(T.F0N1, f0), n1);
  return n;
}

/** Writes the morphology features of word i given all the sentence's tags (padded like s). */
function morphFeatures(s: SentenceFeatures, tags: Int32Array, i: number, out: Uint32Array): number {
  const j = i + PAD;
  const u = tags[j]!;
  let n = 0;
  out[n++] = mix(T.MU, u);
  out[n++] = mix(mix(T.MUW, u), s.word[j]!);
  out[n++] = mix(mix(T.MUSuf1, u), s.suf[0]![j]!);
  out[n++] = mix(mix(T.MUSuf2, u), s.suf[1]![j]!);
  out[n++] = mix(mix(T.MUSuf3, u), s.suf[2]![j]!);
  out[n++] = mix(mix(T.MUSuf4, u), s.suf[3]![j]!);
  out[n++] = mix(mix(T.MUSuf5, u), s.suf[4]![j]!);
  out[n++] = mix(mix(T.MUShape, u), s.shape[j]!);
  out[n++] = mix(mix(T.MUM1, u), tags[j - 1]!);
  out[n++] = mix(mix(T.MUP1, u), tags[j + 1]!);
  out[n++] = mix(mix(mix(T.MUM1M2, u), tags[j - 1]!), tags[j - 2]!);
  out[n++] = mix(mix(mix(T.MUM1W, u), tags[j - 1]!), s.word[j - 1]!);
  out[n++] = mix(mix(mix(T.MUM2W, u), tags[j - 2]!), s.word[j - 2]!);
  out[n++] = mix(mix(mix(T.MUM3W, u), tags[j - 3]!), s.word[j - 3]!);
  out[n++] = mix(mix(mix(T.MUP1W, u), tags[j + 1]!), s.word[j + 1]!);
  out[n++] = mix(mix(T.MUWM1, u), s.word[j - 1]!);
  out[n++] = mix(mix(T.MUWM2, u), s.word[j - 2]!);
  out[n++] = mix(mix(T.MUWP1, u), s.word[j + 1]!);
  out[n++] = mix(mix(mix(T.MUSufM1, u), tags[j - 1]!), s.suf[1]![j - 1]!);
  out[n++] = mix(mix(mix(T.MUSufP1, u), tags[j + 1]!), s.suf[1]![j + 1]!);
  if (s.irr[j]) {
    out[n++] = mix(mix(T.MUIrr, u), s.irr[j]!);
    out[n++] = mix(mix(mix(T.MUIrrM1, u), s.irr[j]!), s.word[j - 1]!);
  }
  return n;
}

interface MorphLayout {
  keys: readonly string[];
  values: readonly (readonly string[])[];
  /** First class of each key's range; starts[keys.length] = nClasses. */
  starts: Int32Array;
  nClasses: number;
}

function layoutOf(keys: readonly string[], values: readonly (readonly string[])[]): MorphLayout {
  const starts = new Int32Array(keys.length + 1);
  let c = 0;
  keys.forEach((_, k) => { starts[k] = c; c += 1 + values[k]!.length; });
  starts[keys.length] = c;
  return { keys, values, starts, nClasses: c };
}

/** The gold morph classes of a word: one class per key (the key's "none" if absent). */
function goldMorph(layout: MorphLayout, feats: Readonly<Record<string, string>>, out: Int32Array): void {
  layout.keys.forEach((key, k) => {
    const v = feats[key];
    const idx = v === undefined ? -1 : layout.values[k]!.indexOf(v);
    out[k] = layout.starts[k]! + (idx < 0 ? 0 : 1 + idx);
  });
}

const MAX_FEATURES = 64;

export interface TrainOptions {
  epochs?: number; seed?: number; language: 'fr' | 'en'; minWeight?: number;
  /** An external lexicon whose classes are features (lexicon-features.ts); kept in the model. */
  lexicon?: Lexicon;
  /** A second left-to-right pass that also reads the first pass's tags of the next words. */
  twoPass?: boolean;
}

export function trainTagger(train: readonly ConlluSentence[], options?: TrainOptions): ModelFile {
  const epochs = options?.epochs ?? 8;
  const seed = options?.seed ?? 1;
  const language = options?.language ?? 'fr';
  const lexicon = options?.lexicon ?? null;
  const sentences = train.filter((s) => s.words.length > 0);
  // Morphology vocabulary and which classes each tag allows.
  const valueSets = MORPH_KEYS.map(() => new Set<string>());
  for (const s of sentences) for (const w of s.words) MORPH_KEYS.forEach((k, i) => { const v = w.feats[k]; if (v !== undefined) valueSets[i]!.add(v); });
  const layout = layoutOf(MORPH_KEYS, valueSets.map((v) => [...v].sort()));
  const allowed = UPOS_TAGS.map(() => new Uint8Array(layout.nClasses));
  const gold = new Int32Array(MORPH_KEYS.length);
  for (const s of sentences) {
    for (const w of s.words) {
      const t = TAG_INDEX.get(w.upos);
      if (t === undefined) continue;
      goldMorph(layout, w.feats, gold);
      for (const c of gold) allowed[t]![c] = 1;
    }
  }
  // Ambiguity classes: words seen at least twice, with the tags that make ≥ 5% of their uses.
  const tagCounts = new Map<string, Uint32Array>();
  for (const s of sentences) {
    for (const w of s.words) {
      const t = TAG_INDEX.get(w.upos);
      if (t === undefined) continue;
      const key = normalise(w.form);
      let c = tagCounts.get(key);
      if (!c) tagCounts.set(key, (c = new Uint32Array(N_TAGS)));
      c[t]!++;
    }
  }
  const ambiguity = new Map<string, number>();
  for (const key of [...tagCounts.keys()].sort()) {
    const c = tagCounts.get(key)!;
    let total = 0;
    for (const x of c) total += x;
    if (total < 2) continue;
    let mask = 0;
    c.forEach((x, t) => { if (x / total >= 0.05) mask |= 1 << t; });
    ambiguity.set(key, mask);
  }

  const minWeight = options?.minWeight ?? 0;
  const lemmatizer = Lemmatizer.train(sentences, language);
  const upos = new AveragedPerceptron(N_TAGS);
  const upos2 = options?.twoPass ? new AveragedPerceptron(N_TAGS) : null;
  let first = new Int32Array(0);
  const morph = new AveragedPerceptron(layout.nClasses);
  const sf = new SentenceFeatures();
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(Math.max(N_TAGS, layout.nClasses));
  const random = mulberry32(seed);
  const order = sentences.map((_, i) => i);
  let tags = new Int32Array(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const si of order) {
      const s = sentences[si]!;
      const n = s.words.length;
      sf.fill(s.words.map((w) => w.form), ambiguity, language === 'en', lexicon);
      if (tags.length < n + 2 * PAD) tags = new Int32Array(n + 2 * PAD + 16);
      if (first.length < n + 2 * PAD) first = new Int32Array(n + 2 * PAD + 16);
      let p1: number = START1, p2: number = START2;
      for (let i = 0; i < n; i++) {
        const truth = TAG_INDEX.get(s.words[i]!.upos) ?? TAG_INDEX.get('X')!;
        const nf = uposFeatures(sf, i, p1, p2, feats);
        scores.fill(0, 0, N_TAGS);
        upos.score(feats, nf, scores);
        let guess = 0;
        for (let c = 1; c < N_TAGS; c++) if (scores[c]! > scores[guess]!) guess = c;
        upos.tick();
        upos.update(feats, nf, truth, guess);
        p2 = p1;
        p1 = guess;
        if (upos2) first[PAD + i] = guess;
      }
      if (upos2) {
        for (let k = 0; k < PAD; k++) first[PAD + n + k] = k === 0 ? END1 : END2;
        p1 = START1; p2 = START2;
        for (let i = 0; i < n; i++) {
          const truth = TAG_INDEX.get(s.words[i]!.upos) ?? TAG_INDEX.get('X')!;
          const nf = rightFeatures(sf, i, first, p1, feats, uposFeatures(sf, i, p1, p2, feats));
          scores.fill(0, 0, N_TAGS);
          upos2.score(feats, nf, scores);
          let guess = 0;
          for (let c = 1; c < N_TAGS; c++) if (scores[c]! > scores[guess]!) guess = c;
          upos2.tick();
          upos2.update(feats, nf, truth, guess);
          p2 = p1;
          p1 = guess;
        }
      }
      // Morphology is trained on the gold tags.
      tags.fill(START2, 0, PAD);
      tags[PAD - 1] = START1;
      for (let i = 0; i < n; i++) tags[PAD + i] = TAG_INDEX.get(s.words[i]!.upos) ?? TAG_INDEX.get('X')!;
      for (let k = 0; k < PAD; k++) tags[PAD + n + k] = k === 0 ? END1 : END2;
      for (let i = 0; i < n; i++) {
        const nf = morphFeatures(sf, tags, i, feats);
        goldMorph(layout, s.words[i]!.feats, gold);
        scores.fill(0, 0, layout.nClasses);
        morph.score(feats, nf, scores);
        morph.tick();
        const allow = allowed[tags[PAD + i]!]!;
        for (let k = 0; k < layout.keys.length; k++) {
          const a = layout.starts[k]!, b = layout.starts[k + 1]!;
          let guess = -1;
          for (let c = a; c < b; c++) if (allow[c] && (guess < 0 || scores[c]! > scores[guess]!)) guess = c;
          if (guess >= 0) morph.update(feats, nf, gold[k]!, guess);
        }
      }
    }
  }
  const fu = upos.freeze({ minWeight });
  const fu2 = upos2 ? upos2.freeze({ minWeight }) : null;
  const fm = morph.freeze({ minWeight });
  let words = 0;
  for (const s of sentences) words += s.words.length;
  const meta: TaggerMeta = {
    version: MODEL_VERSION,
    language,
    upos: [...UPOS_TAGS],
    morphKeys: [...layout.keys],
    morphValues: layout.values,
    morphAllowed: allowed.map((a) => Array.from(a).join('')),
    ambiguity: Object.fromEntries(ambiguity),
    uposModel: fu.toMeta(),
    ...(fu2 ? { uposModel2: fu2.toMeta() } : {}),
    morphModel: fm.toMeta(),
    lemmas: lemmatizer.toData(),
    ...(lexicon ? { lexicon: lexicon.meta } : {}),
    trainedOn: { sentences: sentences.length, words, epochs, seed },
  };
  return { kind: 'tagger', meta, arrays: { ...fu.toArrays('upos'), ...fm.toArrays('morph'), ...(lexicon ? lexicon.toArrays('lex') : {}), ...(fu2 ? fu2.toArrays('upos2') : {}) } };
}

export class Tagger {
  readonly language: 'fr' | 'en';
  private readonly upos: FrozenPerceptron;
  private readonly upos2: FrozenPerceptron | null;
  private readonly morph: FrozenPerceptron;
  private readonly layout: MorphLayout;
  private readonly allowed: Uint8Array[];
  private readonly hasMorph: boolean[];
  private readonly ambiguity: Map<string, number>;
  private readonly lemmatizer: Lemmatizer;
  private readonly lexicon: Lexicon | null;
  private readonly sf = new SentenceFeatures();
  private readonly feats = new Uint32Array(MAX_FEATURES);
  private readonly scores: Float64Array;
  private tags = new Int32Array(64);
  private first = new Int32Array(64);
  /** Interned feature objects: the same combination of values is one frozen object. */
  private readonly featsCache = new Map<string, Feats>();

  private constructor(meta: TaggerMeta, arrays: ModelFile['arrays']) {
    this.language = meta.language;
    this.upos = FrozenPerceptron.fromArrays(arrays, 'upos', meta.uposModel);
    this.upos2 = meta.uposModel2 ? FrozenPerceptron.fromArrays(arrays, 'upos2', meta.uposModel2) : null;
    this.morph = FrozenPerceptron.fromArrays(arrays, 'morph', meta.morphModel);
    this.layout = layoutOf(meta.morphKeys, meta.morphValues);
    if (this.upos.nClasses !== N_TAGS || this.morph.nClasses !== this.layout.nClasses) throw new Error('the class counts do not match the vocabularies');
    this.allowed = meta.morphAllowed.map((s) => Uint8Array.from(s, (ch) => (ch === '1' ? 1 : 0)));
    if (this.allowed.length !== N_TAGS || this.allowed.some((a) => a.length !== this.layout.nClasses)) throw new Error('bad morphAllowed');
    // A tag with nothing but "none" allowed for every key has no features to predict.
    this.hasMorph = this.allowed.map((a) => {
      for (let k = 0; k < this.layout.keys.length; k++) {
        for (let c = this.layout.starts[k]! + 1; c < this.layout.starts[k + 1]!; c++) if (a[c]) return true;
      }
      return false;
    });
    this.ambiguity = new Map(Object.entries(meta.ambiguity));
    this.lemmatizer = Lemmatizer.fromData(meta.lemmas, meta.language);
    this.lexicon = meta.lexicon ? Lexicon.fromArrays(arrays, 'lex', meta.lexicon) : null;
    this.scores = new Float64Array(Math.max(N_TAGS, this.layout.nClasses));
  }

  static fromModel(model: ModelFile): Tagger {
    if (model.kind !== 'tagger') throw new Error(`tagger: the model is a ${model.kind} model, not a tagger`);
    const meta = model.meta as TaggerMeta;
    if (!meta || meta.version !== MODEL_VERSION) throw new Error(`tagger: model version ${meta?.version}, this vigie reads ${MODEL_VERSION}`);
    if (meta.upos.join(' ') !== UPOS_TAGS.join(' ')) throw new Error('tagger: the model was trained with another tag set');
    try {
      return new Tagger(meta, model.arrays);
    } catch (e) {
      throw new Error(`tagger: bad model (${(e as Error).message})`);
    }
  }

  /** Only the part-of-speech tags (indices into UPOS_TAGS), padded: tags[PAD + i]. */
  private tagUpos(forms: readonly string[]): Int32Array {
    const n = forms.length;
    const sf = this.sf, feats = this.feats, scores = this.scores;
    sf.fill(forms, this.ambiguity, this.language === 'en', this.lexicon);
    if (this.tags.length < n + 2 * PAD) this.tags = new Int32Array(n + 2 * PAD + 64);
    const tags = this.tags;
    tags.fill(START2, 0, PAD);
    tags[PAD - 1] = START1;
    let p1: number = START1, p2: number = START2;
    for (let i = 0; i < n; i++) {
      const nf = uposFeatures(sf, i, p1, p2, feats);
      scores.fill(0, 0, N_TAGS);
      this.upos.score(feats, nf, scores);
      let guess = 0;
      for (let c = 1; c < N_TAGS; c++) if (scores[c]! > scores[guess]!) guess = c;
      tags[PAD + i] = guess;
      p2 = p1;
      p1 = guess;
    }
    for (let k = 0; k < PAD; k++) tags[PAD + n + k] = k === 0 ? END1 : END2;
    const upos2 = this.upos2;
    if (upos2) {
      if (this.first.length < tags.length) this.first = new Int32Array(tags.length);
      const first = this.first;
      first.set(tags);
      p1 = START1; p2 = START2;
      for (let i = 0; i < n; i++) {
        const nf = rightFeatures(sf, i, first, p1, feats, uposFeatures(sf, i, p1, p2, feats));
        scores.fill(0, 0, N_TAGS);
        upos2.score(feats, nf, scores);
        let guess = 0;
        for (let c = 1; c < N_TAGS; c++) if (scores[c]! > scores[guess]!) guess = c;
        tags[PAD + i] = guess;
        p2 = p1;
        p1 = guess;
      }
    }
    return tags;
  }

  tag(forms: readonly string[]): TaggedWord[] {
    const n = forms.length;
    if (n === 0) return [];
    const tags = this.tagUpos(forms);
    const out: TaggedWord[] = new Array(n);
    const { feats, scores, layout } = this;
    const K = layout.keys.length;
    const chosen: number[] = new Array(K);
    for (let i = 0; i < n; i++) {
      const t = tags[PAD + i]!;
      const allow = this.allowed[t]!;
      let key = '';
      if (this.hasMorph[t]) {
        const nf = morphFeatures(this.sf, tags, i, feats);
        scores.fill(0, 0, layout.nClasses);
        this.morph.score(feats, nf, scores);
      }
      for (let k = 0; k < K; k++) {
        const a = layout.starts[k]!, b = layout.starts[k + 1]!;
        let guess = -1;
        if (this.hasMorph[t]) for (let c = a; c < b; c++) if (allow[c] && (guess < 0 || scores[c]! > scores[guess]!)) guess = c;
        chosen[k] = guess < 0 ? 0 : guess - a;
        if (guess > a) key += k + '=' + (guess - a) + '|';
      }
      let f = this.featsCache.get(key);
      if (f === undefined) {
        const obj: Record<string, string> = {};
        for (let k = 0; k < K; k++) if (chosen[k]! > 0) obj[layout.keys[k]!] = layout.values[k]![chosen[k]! - 1]!;
        f = Object.freeze(obj);
        this.featsCache.set(key, f);
      }
      const upos = UPOS_TAGS[t]!;
      out[i] = { upos, feats: f, lemma: this.lemmatizer.lemma(forms[i]!, upos) };
    }
    return out;
  }
}
