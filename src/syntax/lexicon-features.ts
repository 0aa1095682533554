// An external word lexicon as features: for each word, the tags a dictionary allows it (its
// "ambiguity class"), so that the tagger and parser know something of the many words the small
// training treebank never saw (a fifth of English PUD's words are not in EWT dev+test).
//
// English: the lexicon of Eric Brill's tagger as shipped by the npm package `brill` (MIT licence,
// © Titus Wormer; about 89,500 words, each with its Penn Treebank tags, the most frequent first).
// It is read only when training (scripts/train-syntax.ts); the models keep a compact copy — a
// sorted table of 32-bit word hashes and one class number each — so nothing is loaded at run time.
//
// A word's class is looked up as written, then lowercased, then capitalised ("BAGHDAD" →
// "Baghdad"); how it matched is part of the class value the features read.
import type { ModelArray } from './model-file.ts';
import { hashString, mix } from './perceptron.ts';

/** Penn Treebank tags folded into a few bits (the coarse class is the OR of its tags' bits). */
const PENN_BIT: Readonly<Record<string, number>> = {
  NN: 0, NNS: 0, NNP: 1, NNPS: 1, VB: 2, VBP: 2, VBD: 3, VBN: 4, VBG: 5, VBZ: 6, MD: 7,
  JJ: 8, JJR: 8, JJS: 8, RB: 9, RBR: 9, RBS: 9, IN: 10, DT: 11, PDT: 11, WDT: 11,
  PRP: 12, 'PRP$': 12, WP: 12, 'WP$': 12, EX: 12, CC: 13, CD: 14, RP: 15, TO: 16, UH: 17, POS: 18,
  SYM: 19, $: 19, '#': 19, WRB: 20, FW: 21, LS: 21,
};
const PUNCT_BIT = 22;

export interface LexiconMeta {
  /** Each class: its tags, space-separated, in the lexicon's order. */
  readonly classes: readonly string[];
}

export class Lexicon {
  /** Per class: a hash of its ordered tags, and the bits of its coarse tags. */
  private readonly classHash: Uint32Array;
  private readonly classMask: Uint32Array;

  constructor(
    readonly meta: LexiconMeta,
    /** Sorted hashes of the words. */
    private readonly keys: Uint32Array,
    /** The class of each word (index into meta.classes). */
    private readonly cls: Uint16Array,
  ) {
    if (keys.length !== cls.length) throw new Error('lexicon: inconsistent arrays');
    for (let i = 1; i < keys.length; i++) if (keys[i - 1]! >= keys[i]!) throw new Error('lexicon: keys not sorted');
    this.classHash = Uint32Array.from(meta.classes, (c) => hashString(c));
    this.classMask = Uint32Array.from(meta.classes, (c) => {
      let m = 0;
      for (const t of c.split(' ')) m |= 1 << (PENN_BIT[t] ?? PUNCT_BIT);
      return m;
    });
    for (const c of cls) if (c >= meta.classes.length) throw new Error('lexicon: class out of range');
  }

  /** From word → tags (e.g. brill's `brill` object). Deterministic whatever the object's order. */
  static build(entries: Readonly<Record<string, readonly string[]>>): Lexicon {
    const byHash = new Map<number, string>();
    const words = Object.keys(entries).sort();
    const classOf = new Map<string, number>();
    const classes: string[] = [];
    const pairs: [number, number][] = [];
    for (const w of words) {
      const tags = (entries[w] ?? []).flatMap((t) => (typeof t === 'string' ? t.split('|') : [])).filter((t, i, a) => t && a.indexOf(t) === i);
      if (!tags.length) continue;
      const h = hashString(w);
      if (byHash.has(h)) continue; // a hash collision: the first word (in sorted order) keeps it
      byHash.set(h, w);
      const c = tags.join(' ');
      let id = classOf.get(c);
      if (id === undefined) { id = classes.length; classes.push(c); classOf.set(c, id); }
      pairs.push([h, id]);
    }
    if (classes.length > 65535) throw new Error('lexicon: too many classes');
    pairs.sort((a, b) => a[0] - b[0]);
    return new Lexicon({ classes }, Uint32Array.from(pairs, (p) => p[0]), Uint16Array.from(pairs, (p) => p[1]));
  }

  get size(): number {
    return this.keys.length;
  }

  private find(s: string): number {
    const h = hashString(s), keys = this.keys;
    let lo = 0, hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, v = keys[mid]!;
      if (v === h) return this.cls[mid]!;
      if (v < h) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  /** The word's class, -1 if the lexicon does not have it; `how` ← 1 as written, 2 lowercased, 3 capitalised. */
  classOf(form: string): { id: number; how: number } {
    let id = this.find(form);
    if (id >= 0) return { id, how: 1 };
    const lower = form.toLowerCase();
    if (lower !== form && (id = this.find(lower)) >= 0) return { id, how: 2 };
    const cap = form.length > 1 ? form[0]!.toUpperCase() + lower.slice(1) : form;
    if (cap !== form && (id = this.find(cap)) >= 0) return { id, how: 3 };
    return { id: -1, how: 0 };
  }

  /**
   * The two feature values of a word: its full class (ordered tags and how it matched) and its
   * coarse class (the bits of its tags). Both 1 for a word the lexicon lacks.
   */
  values(form: string): [full: number, coarse: number] {
    const { id, how } = this.classOf(form);
    if (id < 0) return [1, 1];
    return [mix(this.classHash[id]!, how), mix(0x5bd1e995, this.classMask[id]!)];
  }

  toArrays(prefix: string): Record<string, ModelArray> {
    return { [`${prefix}.keys`]: this.keys, [`${prefix}.cls`]: this.cls };
  }

  static fromArrays(arrays: Readonly<Record<string, ModelArray>>, prefix: string, meta: LexiconMeta): Lexicon {
    const keys = arrays[`${prefix}.keys`], cls = arrays[`${prefix}.cls`];
    if (!(keys instanceof Uint32Array) || !(cls instanceof Uint16Array)) throw new Error(`lexicon: arrays ${prefix}.keys/.cls missing or of the wrong type`);
    return new Lexicon(meta, keys, cls);
  }
}
