// A compact index from name keys to the towns that bear them. 135,000 towns under 400,000 names
// held as JavaScript Maps, arrays and objects took 137 MB of heap; here they are a few typed arrays
// and a string table (about 17 MB), which also serialise and load in milliseconds.
//
// Open addressing over a table of 2^k slots, at most two thirds full; each slot holds a key's number
// (-1 for none), and the key's text, flags and run of entry numbers (ended by -1) are found by that
// number, so a probe compares strings exactly: no false hit from a hash collision. Keys that start
// a longer name ("deir" of "deir ez zor") are marked as prefixes, so that a scan of a sentence can
// stop as soon as no name can follow.
import { StringTable, type StringTableData } from './string-table.ts';

export const IS_NAME = 1;
export const IS_PREFIX = 2;

export interface NameIndexData {
  readonly keys: StringTableData;
  /** Key number per slot, -1 for an empty slot. */
  readonly slots: Int32Array;
  /** IS_NAME | IS_PREFIX per key. */
  readonly flags: Uint8Array;
  /** Where each key's entry numbers start in postings, -1 for a key that is only a prefix. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
}

function hashOf(key: string): number {
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class NameIndex {
  private readonly mask: number;
  private readonly keys: StringTable;

  constructor(private readonly data: NameIndexData) {
    this.mask = data.slots.length - 1;
    this.keys = new StringTable(data.keys);
  }

  /** Builds the index from each key's entry numbers (in the order they are to be returned). */
  static build(entriesByKey: ReadonlyMap<string, readonly number[]>): NameIndex {
    const prefixes = new Set<string>();
    for (const key of entriesByKey.keys()) {
      let at = key.indexOf(' ');
      while (at > 0) {
        prefixes.add(key.slice(0, at));
        at = key.indexOf(' ', at + 1);
      }
    }
    const all = [...new Set([...entriesByKey.keys(), ...prefixes])].filter((key) => key.length <= 0xffff);
    let size = 1024;
    while (size * 2 < all.length * 3) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    const flags = new Uint8Array(all.length);
    const postingStart = new Int32Array(all.length).fill(-1);
    let postingCount = 0;
    for (const list of entriesByKey.values()) postingCount += list.length + 1;
    const postings = new Int32Array(postingCount);
    let used = 0;
    all.forEach((key, k) => {
      let slot = hashOf(key) & (size - 1);
      while (slots[slot] !== -1) slot = (slot + 1) & (size - 1);
      slots[slot] = k;
      const list = entriesByKey.get(key);
      if (list?.length) {
        flags[k]! |= IS_NAME;
        postingStart[k] = used;
        for (const e of list) postings[used++] = e;
        postings[used++] = -1;
      }
      if (prefixes.has(key)) flags[k]! |= IS_PREFIX;
    });
    return new NameIndex({ keys: StringTable.build(all).data, slots, flags, postingStart, postings: postings.subarray(0, used) });
  }

  get serialisable(): NameIndexData {
    return this.data;
  }

  get size(): number {
    let n = 0;
    for (const f of this.data.flags) if (f & IS_NAME) n++;
    return n;
  }

  /** The key's number, -1 when it is not in the index. */
  private keyNumber(key: string): number {
    const { slots } = this.data;
    let slot = hashOf(key) & this.mask;
    for (;;) {
      const k = slots[slot]!;
      if (k === -1 || this.keys.equals(k, key)) return k;
      slot = (slot + 1) & this.mask;
    }
  }

  /** IS_NAME when the key names entries, IS_PREFIX when longer names start with it; 0 if neither. */
  probe(key: string): number {
    const k = this.keyNumber(key);
    return k < 0 ? 0 : this.data.flags[k]!;
  }

  /** The entry numbers under a key, in the order they were given. */
  entries(key: string): number[] {
    const k = this.keyNumber(key);
    const out: number[] = [];
    if (k < 0) return out;
    const { postings } = this.data;
    let at = this.data.postingStart[k]!;
    if (at < 0) return out;
    while (postings[at] !== -1) out.push(postings[at++]!);
    return out;
  }
}
