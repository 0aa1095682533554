// Many short strings held as two long ones. 172,000 town names as separate strings cost about 7 MB
// of heap and as many objects for every full garbage collection to mark; end to end they are one
// string and an offset each. V8 stores a string with no character past U+00FF in one byte per
// character, but a single Arabic name would make the whole string two bytes per character: names
// with such characters go to a second string, so the Latin ones keep the narrow form.

export interface StringTableData {
  /** Strings whose characters all fit in one byte, end to end. */
  readonly narrow: string;
  /** Strings with a character past U+00FF (Arabic script), end to end. */
  readonly wide: string;
  /** Where string i starts: in `narrow` when at[i] >= 0, at ~at[i] in `wide` otherwise. */
  readonly at: Int32Array;
  readonly length: Uint16Array;
}

const WIDE = /[^\u0000-\u00ff]/;

export class StringTable {
  constructor(readonly data: StringTableData) {}

  /** Strings longer than 65,535 characters are not names: they are stored empty. */
  static build(strings: readonly string[]): StringTable {
    const at = new Int32Array(strings.length);
    const length = new Uint16Array(strings.length);
    const narrow: string[] = [], wide: string[] = [];
    let narrowLength = 0, wideLength = 0;
    strings.forEach((s, i) => {
      if (s.length > 0xffff) s = '';
      length[i] = s.length;
      if (WIDE.test(s)) {
        at[i] = ~wideLength;
        wide.push(s);
        wideLength += s.length;
      } else {
        at[i] = narrowLength;
        narrow.push(s);
        narrowLength += s.length;
      }
    });
    return new StringTable({ narrow: oneByte(narrow.join('')), wide: wide.join(''), at, length });
  }

  get count(): number {
    return this.data.at.length;
  }

  get(i: number): string {
    const at = this.data.at[i]!, length = this.data.length[i]!;
    return at >= 0 ? this.data.narrow.slice(at, at + length) : this.data.wide.slice(~at, ~at + length);
  }

  /** Whether string i is `s`, without making a string of it. */
  equals(i: number, s: string): boolean {
    if (this.data.length[i] !== s.length) return false;
    const at = this.data.at[i]!;
    return at >= 0 ? this.data.narrow.startsWith(s, at) : this.data.wide.startsWith(s, ~at);
  }
}

/**
 * The same text in V8's one-byte form. A string keeps the form of the strings it was made from:
 * names that passed through normalize() or a two-byte line of the source file stay two bytes per
 * character even when every character fits in one, and so would the whole joined string.
 */
function oneByte(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('latin1');
}
