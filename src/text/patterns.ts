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
  return `(?:${sorted.map((p) => phraseSource(p, lists)).join('|')})`;
}

/** One combined regex for a set of phrases, whole words only, global. */
export function wordsRegex(phrases: readonly string[], lists: Readonly<Record<string, readonly string[]>> = {}): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`${BEFORE}(?:${sorted.map((p) => phraseSource(p, lists)).join('|')})${AFTER}`, 'g');
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
    this.unions = chunks.filter((c) => c.length).map((c) => new RegExp(`${head}(?=(?:${c.join('|')})${tail})`, `${flags}g`));
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
