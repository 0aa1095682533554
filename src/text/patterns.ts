// Builds matchers from word lists (lexicons are data; patterns are made from them).
import { fold } from './fold.ts';

const WORD = 'a-z0-9\\u00e0-\\u024f\\u0600-\\u06ff';
export const BEFORE = `(?<![${WORD}])`;
export const AFTER = `(?![${WORD}])`;

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
