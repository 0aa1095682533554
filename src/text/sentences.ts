// Sentence and paragraph segmentation by offsets into the raw text.
import type { Span } from '../types.ts';

export interface Sentence extends Span {
  /** Index of the paragraph (blank-line or line separated block) the sentence sits in. */
  readonly paragraph: number;
}

// Tokens before a period that do not end a sentence (both languages).
const ABBREVIATIONS = new Set([
  'u.s', 'u.k', 'u.n', 'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'st', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'm', 'mme', 'av',
  'approx', 'est', 'inc', 'corp', 'co', 'p', 'a.m', 'p.m', 'j.-c', 'ap', 'rep', 'sen', 'gov', 'adm', 'brig',
]);

/** How far back the word before an end mark is read: longer than any abbreviation. */
const WORD_TAIL = 64;

/**
 * The longest sentence kept whole. The longest of every evaluation set is about 820 characters; what
 * runs longer is no sentence a writer meant ("attaque de drone à Erbil. attaque de drone à Erbil. …"
 * never starts a new one with a capital) and is cut into pieces of at most this length, so that the
 * work per sentence (its mentions, each place's event, each event's evidence) is bounded and the work
 * per document linear in its length.
 */
export const MAX_SENTENCE = 2000;

/** Splits the spans into sentences; each span is one paragraph (a line of text). */
export function splitSentences(raw: string, paragraphs: readonly Span[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    let start = p.start;
    // An end mark before a space and a capital; or glued to the next sentence by a lost space
    // ("drones.Deux drones"), when a lowercase word ends before it and a capitalised word starts after.
    // (The lookbehind follows the mark it guards, so that the scan starts only at marks.)
    const endRe = /[.!?]+["»”’)]*(?=\s+["«“(]?[\p{Lu}\d])|[.!?](?<=\p{Ll}{3}[.!?])(?=\p{Lu}\p{Ll}{2})/gu;
    const text = raw.slice(p.start, p.end);
    let m: RegExpExecArray | null;
    while ((m = endRe.exec(text))) {
      const dot = p.start + m.index;
      // The word before the mark, read from a bounded tail: a run of letters ending at the mark, matched
      // from every start of a whole sentence, cost the square of its length. No abbreviation is near 64 long.
      const before = raw.slice(Math.max(start, dot - WORD_TAIL), dot).match(/([\p{L}.-]+)$/u)?.[1]?.toLowerCase() ?? '';
      // Single capital letters ("J. Smith") and known abbreviations do not close a sentence.
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before) || /\.\p{L}$/u.test(before))) continue;
      const end = dot + m[0].length;
      pushTrimmed(raw, start, end, paragraph, out);
      start = end;
    }
    pushTrimmed(raw, start, p.end, paragraph, out);
  });
  return out;
}

function pushTrimmed(raw: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  while (end > start && /\s/.test(raw[end - 1]!)) end--;
  for (;;) {
    while (start < end && /\s/.test(raw[start]!)) start++;
    if (end - start <= MAX_SENTENCE) break;
    const cut = cutBefore(raw, start, start + MAX_SENTENCE);
    let pieceEnd = cut;
    while (pieceEnd > start && /\s/.test(raw[pieceEnd - 1]!)) pieceEnd--;
    if (pieceEnd > start) out.push({ start, end: pieceEnd, paragraph });
    start = cut;
  }
  if (end > start) out.push({ start, end, paragraph });
}

/** Where to cut an overlong sentence before `limit`: after the last end mark or semicolon followed by a space in
 *  its second half, else at its last space, else at the limit (never inside a surrogate pair). */
function cutBefore(raw: string, start: number, limit: number): number {
  const floor = start + (limit - start) / 2;
  let space = -1;
  for (let i = limit - 1; i > floor; i--) {
    if (!/\s/.test(raw[i]!)) continue;
    if (/[.!?;]/.test(raw[i - 1]!)) return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  const low = raw.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

/** Lines of a text as spans (without the line break), blank lines included. */
export function lineSpans(raw: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n') {
      let end = i;
      if (end > start && raw[end - 1] === '\r') end--;
      spans.push({ start, end });
      start = i + 1;
    }
  }
  return spans;
}
