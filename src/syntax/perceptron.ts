// A sparse averaged perceptron (Collins 2002; the averaging trick of Daumé's thesis / Honnibal's
// "A good part-of-speech tagger in about 200 lines of Python"), generic and reusable: the tagger
// and the parser both use it.
//
// Features are 32-bit hashes (see `hashString`, `mix`): a feature is whatever the caller hashed,
// never a string kept in memory. Classes are 0..nClasses-1; a caller that predicts several
// independent things at once (e.g. one value per morphological feature key) gives them disjoint
// ranges of classes and takes its own argmax per range — `update` only ever moves one true class
// up and one guessed class down.
//
// Training keeps dense rows (one per feature that was ever updated) in one growable Float64 pool,
// with a timestamp per weight so that averaging costs nothing per instance. `freeze` averages,
// prunes the tiny weights and turns the rest into a compact, read-only `FrozenPerceptron`: an
// open-addressing table of feature hashes whose slots point at sparse rows of (class, weight),
// weights quantised to Int16 with one scale. Everything is deterministic: same updates in the same
// order → the same bytes.
import type { ModelArray } from './model-file.ts';

// ---------------------------------------------------------------------------------------------
// Hashing

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of s[start, end), mixed. */
export function hashString(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines two hashes (order matters): feature = mix(templateId, valueHash), or more. Never 0. */
export function mix(a: number, b: number): number {
  const h = fmix((Math.imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
  return h === 0 ? 1 : h;
}

// ---------------------------------------------------------------------------------------------
// Training

/** The frozen table's load factor (linear probing). */
const LOAD = 0.7;

/** A hash's home slot in a table of `capacity` slots (any size): the high bits, scaled. */
function slotFor(h: number, capacity: number): number {
  return Math.floor((h / 4294967296) * capacity);
}

export class AveragedPerceptron {
  readonly nClasses: number;
  /** feature hash → row number. */
  private readonly rows = new Map<number, number>();
  private weights: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  private nRows = 0;
  /** Instances seen (the clock of the averaging). */
  private instances = 0;

  constructor(nClasses: number) {
    if (!Number.isInteger(nClasses) || nClasses < 1) throw new Error(`perceptron: bad number of classes ${nClasses}`);
    this.nClasses = nClasses;
    const cap = 1024 * nClasses;
    this.weights = new Float64Array(cap);
    this.totals = new Float64Array(cap);
    this.stamps = new Float64Array(cap);
  }

  /** Adds the current weights of the features to scores (scores is not cleared). */
  score(features: Uint32Array, n: number, scores: Float64Array | Float32Array): void {
    const C = this.nClasses, w = this.weights;
    for (let i = 0; i < n; i++) {
      const r = this.rows.get(features[i]!);
      if (r === undefined) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) scores[c]! += w[base + c]!;
    }
  }

  /** Moves on the averaging clock: call once per training instance, before its updates. */
  tick(): void {
    this.instances++;
  }

  /** One perceptron step: the truth's weights up, the guess's down (nothing if they agree). */
  update(features: Uint32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    for (let i = 0; i < n; i++) {
      const r = this.row(features[i]!) * this.nClasses;
      this.bump(r + truth, 1);
      this.bump(r + guess, -1);
    }
  }

  private bump(k: number, v: number): void {
    this.totals[k]! += (this.instances - this.stamps[k]!) * this.weights[k]!;
    this.stamps[k] = this.instances;
    this.weights[k]! += v;
  }

  private row(f: number): number {
    let r = this.rows.get(f);
    if (r !== undefined) return r;
    r = this.nRows++;
    this.rows.set(f, r);
    const need = this.nRows * this.nClasses;
    if (need > this.weights.length) {
      const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
      this.weights = grow(this.weights);
      this.totals = grow(this.totals);
      this.stamps = grow(this.stamps);
    }
    return r;
  }

  get featureCount(): number {
    return this.nRows;
  }

  /**
   * Averages the weights and packs them. Weights whose absolute averaged value is below
   * `minWeight` are dropped, and so are features left with no weight.
   */
  freeze(options: { minWeight?: number } = {}): FrozenPerceptron {
    const C = this.nClasses, T = Math.max(1, this.instances);
    const minWeight = options.minWeight ?? 0;
    // Features in increasing hash order: the table's layout does not depend on the Map's order.
    const feats = [...this.rows.keys()].sort((a, b) => a - b);
    const kept: { f: number; cls: number[]; w: number[] }[] = [];
    let maxAbs = 0;
    for (const f of feats) {
      const base = this.rows.get(f)! * C;
      const cls: number[] = [], w: number[] = [];
      for (let c = 0; c < C; c++) {
        const k = base + c;
        const total = this.totals[k]! + (this.instances - this.stamps[k]!) * this.weights[k]!;
        const avg = total / T;
        if (avg === 0 || Math.abs(avg) < minWeight) continue;
        cls.push(c);
        w.push(avg);
        if (Math.abs(avg) > maxAbs) maxAbs = Math.abs(avg);
      }
      if (cls.length > 0) kept.push({ f, cls, w });
    }
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const capacity = Math.max(16, Math.ceil(kept.length / LOAD));
    const keys = new Uint32Array(capacity);
    const slotOf = new Int32Array(kept.length);
    kept.forEach((k, i) => {
      let s = slotFor(k.f, capacity);
      while (keys[s] !== 0) if (++s === capacity) s = 0;
      keys[s] = k.f;
      slotOf[i] = s;
    });
    const bySlot = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < kept.length; i++) bySlot[slotOf[i]!] = i;
    let nnz = 0;
    for (const k of kept) nnz += k.cls.length;
    const offsets = new Uint32Array(capacity + 1);
    const classes = C <= 256 ? new Uint8Array(nnz) : new Uint16Array(nnz);
    const weights = new Int16Array(nnz);
    let p = 0;
    for (let s = 0; s < capacity; s++) {
      offsets[s] = p;
      const i = bySlot[s]!;
      if (i < 0) continue;
      const k = kept[i]!;
      for (let j = 0; j < k.cls.length; j++) {
        classes[p] = k.cls[j]!;
        weights[p] = Math.round(k.w[j]! / scale);
        p++;
      }
    }
    offsets[capacity] = p;
    return new FrozenPerceptron(C, scale, keys, offsets, classes, weights);
  }
}

// ---------------------------------------------------------------------------------------------
// Prediction

export class FrozenPerceptron {
  private readonly capacity: number;

  constructor(
    readonly nClasses: number,
    /** A weight is weights[i] * scale. */
    readonly scale: number,
    private readonly keys: Uint32Array,
    private readonly offsets: Uint32Array,
    private readonly classes: Uint8Array | Uint16Array,
    private readonly weights: Int16Array,
  ) {
    const cap = keys.length;
    if (cap === 0) throw new Error('perceptron: empty table');
    if (offsets.length !== cap + 1 || classes.length !== weights.length || offsets[cap] !== weights.length) {
      throw new Error('perceptron: inconsistent arrays');
    }
    this.capacity = cap;
  }

  /** Number of features kept. */
  get featureCount(): number {
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) n++;
    return n;
  }

  /** Adds the (integer, unscaled) weights of the features to scores; compare scores, or multiply by scale. */
  score(features: Uint32Array, n: number, scores: Float64Array | Float32Array | Int32Array): void {
    const keys = this.keys, capacity = this.capacity, offsets = this.offsets, classes = this.classes, weights = this.weights;
    for (let i = 0; i < n; i++) {
      const f = features[i]!;
      let s = Math.floor((f / 4294967296) * capacity);
      for (;;) {
        const k = keys[s]!;
        if (k === f) {
          const end = offsets[s + 1]!;
          for (let p = offsets[s]!; p < end; p++) scores[classes[p]!]! += weights[p]!;
          break;
        }
        if (k === 0) break;
        if (++s === capacity) s = 0;
      }
    }
  }

  /** The arrays to store, named `${prefix}.keys` etc. */
  toArrays(prefix: string): Record<string, ModelArray> {
    return {
      [`${prefix}.keys`]: this.keys,
      [`${prefix}.offsets`]: this.offsets,
      [`${prefix}.classes`]: this.classes,
      [`${prefix}.weights`]: this.weights,
    };
  }

  /** The scalars to store next to the arrays (in the model's JSON header). */
  toMeta(): { nClasses: number; scale: number } {
    return { nClasses: this.nClasses, scale: this.scale };
  }

  static fromArrays(arrays: Readonly<Record<string, ModelArray>>, prefix: string, meta: { nClasses: number; scale: number }): FrozenPerceptron {
    const get = <T extends ModelArray>(name: string, ...ctors: (new (n: number) => T)[]): T => {
      const a = arrays[`${prefix}.${name}`];
      if (!a || !ctors.some((c) => a instanceof c)) throw new Error(`perceptron: array ${prefix}.${name} missing or of the wrong type`);
      return a as T;
    };
    return new FrozenPerceptron(
      meta.nClasses,
      meta.scale,
      get('keys', Uint32Array),
      get('offsets', Uint32Array),
      get<Uint8Array | Uint16Array>('classes', Uint8Array, Uint16Array),
      get('weights', Int16Array),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Shuffling

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place with the given PRNG. */
export function shuffle<T>(a: T[], random: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}
