// A compact index from name keys to the towns that bear them. 135,000 towns under 400,000 names
// held as JavaScript Maps, arrays and objects took 137 MB of heap; here they are a dozen typed
// arrays and one string (about 25 MB), which also serialise and load in milliseconds.
//
// Open addressing over a table of 2^k slots; each slot names its key by an offset into one string
// of all keys (so a probe compares strings exactly: no false hit from a hash collision) and points
// to a run of entry numbers ended by -1. Keys that start a longer name ("deir" of "deir ez zor")
// are marked as prefixes, so that a scan of a sentence can stop as soon as no name can follow.

export const IS_NAME = 1;
export const IS_PREFIX = 2;

export interface NameIndexData {
  readonly keys: string;
  readonly keyOffset: Int32Array;
  readonly keyLength: Uint16Array;
  readonly flags: Uint8Array;
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

  constructor(private readonly data: NameIndexData) {
    this.mask = data.keyOffset.length - 1;
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
    const all = new Set([...entriesByKey.keys(), ...prefixes]);
    let size = 1024;
    while (size < all.size * 2) size *= 2;
    const keyOffset = new Int32Array(size).fill(-1);
    const keyLength = new Uint16Array(size);
    const flags = new Uint8Array(size);
    const postingStart = new Int32Array(size).fill(-1);
    let postingCount = 0;
    for (const list of entriesByKey.values()) postingCount += list.length + 1;
    const postings = new Int32Array(postingCount);
    const parts: string[] = [];
    let offset = 0, used = 0;
    for (const key of all) {
      if (key.length > 0xffff) continue;
      let slot = hashOf(key) & (size - 1);
      while (keyOffset[slot] !== -1) slot = (slot + 1) & (size - 1);
      keyOffset[slot] = offset;
      keyLength[slot] = key.length;
      parts.push(key);
      offset += key.length;
      const list = entriesByKey.get(key);
      if (list?.length) {
        flags[slot]! |= IS_NAME;
        postingStart[slot] = used;
        for (const e of list) postings[used++] = e;
        postings[used++] = -1;
      }
      if (prefixes.has(key)) flags[slot]! |= IS_PREFIX;
    }
    return new NameIndex({ keys: parts.join(''), keyOffset, keyLength, flags, postingStart, postings: postings.subarray(0, used) });
  }

  get serialisable(): NameIndexData {
    return this.data;
  }

  get size(): number {
    let n = 0;
    for (const f of this.data.flags) if (f & IS_NAME) n++;
    return n;
  }

  private slotOf(key: string): number {
    const { keys, keyOffset, keyLength } = this.data;
    let slot = hashOf(key) & this.mask;
    for (;;) {
      const at = keyOffset[slot]!;
      if (at === -1) return -1;
      if (keyLength[slot] === key.length && keys.startsWith(key, at)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** IS_NAME when the key names entries, IS_PREFIX when longer names start with it; 0 if neither. */
  probe(key: string): number {
    const slot = this.slotOf(key);
    return slot < 0 ? 0 : this.data.flags[slot]!;
  }

  /** The entry numbers under a key, in the order they were given. */
  entries(key: string): number[] {
    const slot = this.slotOf(key);
    if (slot < 0) return [];
    const out: number[] = [];
    const { postings } = this.data;
    let at = this.data.postingStart[slot]!;
    if (at < 0) return out;
    while (postings[at] !== -1) out.push(postings[at++]!);
    return out;
  }
}
