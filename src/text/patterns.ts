// Builds matchers from word lists (lexicons are data; patterns are made from them).
import { fold } from './fold.ts';

const WORD = 'a-z0-9\\u00e0-\\u024f\\u0600-\\u06ff';
export const BEFORE = `(?<![${WORD}])`;
export const AFTER = `(?![${WORD}])`;
/** One character of a word, as BEFORE and AFTER read it. */
export const WORD_CHAR = new RegExp(`[${WORD}]`);

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A phrase of a lexicon becomes a regex source over folded text: spaces match any run of
 * spaces or hyphens, an apostrophe matches any apostrophe, and `{name}` inserts another
 * list as an alternation. Phrases already written as regexes start with `re:`.
 */
export function phraseSource(phrase: string, lists: Readonly<Record<string, readonly string[]>> = {}): string {
  if (phrase.startsWith('re:')) return expandLists(phrase.slice(3), lists);
  const folded = fold(phrase.trim());
  const parts = folded.split(/(\{[a-z_0-9]+\})/);
  return parts
    .map((part) => {
      const list = /^\{([a-z_0-9]+)\}$/.exec(part);
      if (list) return listSource(list[1]!, lists);
      // Hyphens and spaces are interchangeable in names ("al-Tanf", "al Tanf", "Al Tanf").
      return part
        .split(/(\s+|-|')/)
        .map((piece) => (/^\s+$/.test(piece) ? '[\\s-]+' : piece === '-' ? '[\\s-]?' : piece === "'" ? "'\\s*" : escapeRegex(piece)))
        .join('');
    })
    .join('');
}

function expandLists(source: string, lists: Readonly<Record<string, readonly string[]>>): string {
  return source.replace(/\{([a-z_][a-z_0-9]*)\}/g, (_, name: string) => listSource(name, lists));
}

function listSource(name: string, lists: Readonly<Record<string, readonly string[]>>): string {
  const list = lists[name];
  if (!list) throw new Error(`lexicon list {${name}} is not defined`);
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return alternation(sorted.map((p) => phraseSource(p, lists)));
}

/** One combined regex for a set of phrases, whole words only, global. */
export function wordsRegex(phrases: readonly string[], lists: Readonly<Record<string, readonly string[]>> = {}): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`${BEFORE}${alternation(sorted.map((p) => phraseSource(p, lists)))}${AFTER}`, 'g');
}

// ---------------------------------------------------------------------------------------------
// Alternations as prefix trees
//
// V8 tries the alternatives of `(?:a|b|c…)` one after the other at every position: a lexicon of a
// thousand names ("république démocratique du Congo", …) costs a thousand tries wherever a word
// starts. `alternation` writes the same alternation with the alternatives' shared beginnings
// factored out ("r(?:epublique[\s-]+(?:d…|f…)|…)"), so that a position is ruled out after a few
// characters. It is the same pattern, match for match: the regex engine takes the first alternative,
// in order, that matches (with what follows it), and the factoring never changes that choice —
//  • a beginning is shared only when it can match in one way alone: a literal character, or a
//    class repeated before a literal character the class does not hold ("[\s-]+d" swallows the
//    whole run of spaces, or fails);
//  • alternatives change places only with alternatives that cannot match at the same position (they
//    begin with other characters); any other alternative (empty, or opening with a group, a class, a
//    lookaround…) stays where it was, and nothing moves across it.
// Patterns with capturing groups or back-references are left as they are (factoring would renumber
// the groups), and so are sources this reader does not know.

/** A piece of an alternative: a literal character, or anything else (its source, and a repeated class's test). */
interface Piece {
  readonly text: string;
  /** The character a literal piece matches, and only it. */
  readonly ch?: string;
  /** A class repeated greedily (`[\s-]+`, `\s*`, `[\s-]?`): the class as a test of one character, and the quantifier. */
  readonly repeated?: { readonly test: RegExp; readonly q: string };
}

/** What an alternative begins with, when it is a beginning that matches in one way only. */
type Head =
  | { readonly kind: 'char'; readonly ch: string; readonly size: 1 }
  | { readonly kind: 'run'; readonly text: string; readonly test: RegExp; readonly q: string; readonly ch: string; readonly size: 2 };

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;
const classTests = new Map<string, RegExp>();

/** The pieces of one alternative (no top-level `|`), or null when it holds what this reader leaves alone. */
function pieces(src: string): Piece[] | null {
  const out: Piece[] = [];
  let i = 0;
  while (i < src.length) {
    const start = i;
    const c = src[i]!;
    let atomEnd: number;
    let ch: string | undefined;
    let cls: string | undefined;
    if (c === '(') {
      if (src[i + 1] !== '?') return null; // a capturing group
      if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') return null; // a named group
      const close = groupEnd(src, i);
      if (close < 0) return null;
      atomEnd = close + 1;
    } else if (c === '[') {
      const close = classEnd(src, i);
      if (close < 0) return null;
      atomEnd = close + 1;
      cls = src.slice(i, atomEnd);
    } else if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined || /[0-9k]/.test(next)) return null; // back-references, octal escapes
      if (/[a-zA-Z]/.test(next)) {
        const long = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|[pP]\{[^}]*\})/.exec(src.slice(i));
        atomEnd = i + (long ? long[0].length : 2);
        if (next === 's' || next === 'S' || next === 'd' || next === 'D' || next === 'w' || next === 'W') cls = src.slice(i, atomEnd);
      } else {
        atomEnd = i + 2;
        ch = next; // an escaped punctuation character stands for itself
      }
    } else if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') {
      return null;
    } else if (c >= '\ud800' && c <= '\udfff') {
      return null; // half of a pair: left to the engine
    } else {
      atomEnd = i + 1;
      if (c !== '.' && c !== '^' && c !== '$') ch = c;
    }
    const q = QUANTIFIER.exec(src.slice(atomEnd))?.[0] ?? '';
    i = atomEnd + q.length;
    const text = src.slice(start, i);
    if (ch !== undefined && !q) out.push({ text, ch });
    else if (cls !== undefined && (q === '+' || q === '*' || q === '?')) {
      let test = classTests.get(cls);
      if (!test) classTests.set(cls, (test = new RegExp(`^${cls}$`)));
      out.push({ text, repeated: { test, q } });
    } else out.push({ text });
  }
  return out;
}

/** The index of the `)` closing the group opened at `open`, or -1. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') i++;
    else if (c === '[') { i = classEnd(src, i); if (i < 0) return -1; }
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the `]` closing the class opened at `open`, or -1. */
function classEnd(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') i++;
    else if (c === ']') return i;
  }
  return -1;
}

/** A source's top-level alternatives, or null when a piece of it is left alone. */
function alternativesOf(src: string): Piece[][] | null {
  const out: Piece[][] = [];
  let from = 0;
  for (let i = 0; i <= src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') { i = classEnd(src, i); if (i < 0) return null; continue; }
    if (c === '(') { i = groupEnd(src, i); if (i < 0) return null; continue; }
    if (c === '|' || c === undefined) {
      const p = pieces(src.slice(from, i));
      if (!p) return null;
      const only = p.length === 1 ? p[0]!.text : '';
      if (only.startsWith('(?:') && groupEnd(only, 0) === only.length - 1) {
        // An alternative that is a group and nothing else ("(?:a|b)"): its alternatives, in their place.
        const inner = alternativesOf(only.slice(3, -1));
        if (!inner) return null;
        out.push(...inner);
      } else out.push(p);
      from = i + 1;
    }
  }
  return out;
}

function headOf(alt: readonly Piece[]): Head | null {
  const [a, b] = alt;
  if (a?.ch !== undefined) return { kind: 'char', ch: a.ch, size: 1 };
  if (a?.repeated && b?.ch !== undefined && !a.repeated.test.test(b.ch)) return { kind: 'run', text: a.text, test: a.repeated.test, q: a.repeated.q, ch: b.ch, size: 2 };
  return null;
}

const sameHead = (a: Head, b: Head): boolean => a.kind === b.kind && a.ch === b.ch && (a.kind === 'char' || a.text === (b as typeof a).text);

/** Whether no text can be matched by both beginnings at one position. */
function exclusive(a: Head, b: Head): boolean {
  if (a.kind === 'char' && b.kind === 'char') return a.ch !== b.ch;
  if (a.kind === 'run' && b.kind === 'run') return a.text === b.text && a.ch !== b.ch;
  const [c, r] = (a.kind === 'char' ? [a, b] : [b, a]) as [Head & { kind: 'char' }, Head & { kind: 'run' }];
  return !r.test.test(c.ch) && (r.q === '+' || c.ch !== r.ch);
}

/** The alternatives, factored: the sources of the alternatives of the factored alternation. */
function factored(alts: readonly (readonly Piece[])[]): string[] {
  const out: string[] = [];
  let run: { head: Head; text: string; rests: (readonly Piece[])[] }[] = [];
  const flush = () => {
    for (const g of run) {
      const inner = factored(g.rests);
      // One alternative left (the rests share their beginning too): no group, "perm…" rather than "p(?:e(?:r(?:m…".
      out.push(inner.length === 1 ? g.text + inner[0] : `${g.text}(?:${inner.join('|')})`);
    }
    run = [];
  };
  for (const alt of alts) {
    const head = headOf(alt);
    if (!head) {
      flush();
      out.push(alt.map((p) => p.text).join(''));
      continue;
    }
    const rest = alt.slice(head.size);
    const same = run.find((g) => sameHead(g.head, head));
    if (same) { same.rests.push(rest); continue; }
    if (!run.every((g) => exclusive(g.head, head))) flush();
    run.push({ head, text: alt.slice(0, head.size).map((p) => p.text).join(''), rests: [rest] });
  }
  flush();
  return out;
}

/**
 * `(?:s1|s2|…)` for the given sources, written as a prefix tree: the same pattern, match for match,
 * and much faster on long lists (see above). Without the `i` flag only (a literal is one character).
 */
export function alternation(sources: readonly string[]): string {
  const alts: Piece[][] = [];
  for (const s of sources) {
    const a = alternativesOf(s);
    if (!a) return `(?:${sources.join('|')})`;
    alts.push(...a);
  }
  return `(?:${factored(alts).join('|')})`;
}

export interface Match {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Whether the pattern matches anywhere in folded[from, to): stops at the first match. */
export function hasMatch(re: RegExp, folded: string, from = 0, to = folded.length): boolean {
  const slice = folded.slice(from, to);
  if (!re.global) return (re.exec(slice)?.[0].length ?? 0) > 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    if (m[0].length) { re.lastIndex = 0; return true; }
    re.lastIndex++;
  }
  re.lastIndex = 0;
  return false;
}

export function allMatches(re: RegExp, folded: string, from = 0, to = folded.length): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  const slice = folded.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * Many patterns over one text in one pass, with the matches allMatches() gives for each. A lexicon has
 * dozens of patterns (one per trigger rule, one per weapon) and most find nothing in a sentence: one
 * zero-width union of them all (a lookahead) finds every position where any can start, and each
 * pattern is then tried only there, anchored (sticky). A pattern's leftmost match at or after a
 * position starts where the union stopped, so the matches are exactly those of a pass per pattern.
 */
export class PatternSet {
  private readonly unions: readonly RegExp[];
  private readonly anchored: readonly RegExp[];

  constructor(readonly patterns: readonly RegExp[]) {
    const flags = (patterns[0]?.flags ?? '').replace(/[gy]/g, '');
    for (const re of patterns) {
      // Joined in one source, a back-reference would point at another pattern's group.
      if (/\\[1-9]|\\k</.test(re.source)) throw new Error(`a pattern set cannot hold back-references: /${re.source}/`);
      if (re.flags.replace(/[gy]/g, '') !== flags) throw new Error('the patterns of a set must share their flags');
    }
    // Whole-word patterns share their word boundaries: outside the lookahead, the boundary before
    // rules out most positions at once.
    const sources = patterns.map((re) => re.source);
    const shared = sources.length > 0 && sources.every((x) => x.startsWith(BEFORE) && x.endsWith(AFTER));
    const inner = shared ? sources.map((x) => x.slice(BEFORE.length, x.length - AFTER.length)) : sources;
    const [head, tail] = shared ? [BEFORE, AFTER] : ['', ''];
    // V8 optimises a pattern only below 20 KB of source (kRegExpTooLargeToOptimize): past that, several unions.
    const chunks: string[][] = [[]];
    let size = 0;
    for (const x of inner) {
      if (size + x.length > UNION_SOURCE_LIMIT && chunks[chunks.length - 1]!.length) { chunks.push([]); size = 0; }
      chunks[chunks.length - 1]!.push(`(?:${x})`);
      size += x.length + 5;
    }
    this.unions = chunks.filter((c) => c.length).map((c) => new RegExp(`${head}(?=${flags.includes('i') ? `(?:${c.join('|')})` : alternation(c)}${tail})`, `${flags}g`));
    this.anchored = patterns.map((re) => new RegExp(re.source, `${flags}y`));
  }

  /** For each pattern, in order, its matches in folded[from, to) (as allMatches on that pattern). */
  allMatches(folded: string, from = 0, to = folded.length): Match[][] {
    const slice = folded.slice(from, to);
    let starts: number[] = [];
    for (const union of this.unions) {
      union.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = union.exec(slice))) {
        starts.push(m.index);
        union.lastIndex = m.index + 1; // a zero-width match: the next start is one further
      }
    }
    if (this.unions.length > 1) starts = [...new Set(starts)].sort((a, b) => a - b);
    return this.anchored.map((re) => {
      const out: Match[] = [];
      let next = 0;
      for (const p of starts) {
        if (p < next) continue;
        re.lastIndex = p;
        const hit = re.exec(slice);
        if (!hit || hit[0].length === 0) continue;
        out.push({ start: from + p, end: from + p + hit[0].length, text: hit[0] });
        next = p + hit[0].length;
      }
      return out;
    });
  }
}

/** Source length of one union of a PatternSet, under V8's limit for optimised patterns (20 KB). */
const UNION_SOURCE_LIMIT = 16_000;
