// Cleaning: marks the zones of a document by offsets (title, body, caption, teaser,
// navigation, share, source, dateline, byline, logo, boilerplate). The raw text is not touched.
import { readFileSync } from 'node:fs';
import type { CleanedDocument, Span, Zone, ZoneKind } from '../types.ts';
import { fold } from '../text/fold.ts';
import { phraseSource } from '../text/patterns.ts';
import { lineSpans } from '../text/sentences.ts';

interface CleanLexicon {
  teaser_starts: string[];
  sentence_openers: string[];
  share_lines: string[];
  navigation_words: string[];
  caption_credits: string[];
  caption_markers: string[];
  byline_starts: string[];
  source_line: string;
  dateline: string;
}

const lexicon = JSON.parse(readFileSync(new URL('./lexicon.json', import.meta.url), 'utf8')) as CleanLexicon;

const TEASER_START = `(?:${lexicon.teaser_starts.map((p) => phraseSource(p)).join('|')})`;
const TEASER = new RegExp(`^\\s*${TEASER_START}\\s*[:>»\\-]`);
// A teaser pasted inside a paragraph: "… à l'Iran. → Lire aussi : <titre> Le corps des Gardiens…".
const INLINE_TEASER = new RegExp(`(?:[→»>–-]\\s*)?\\b${TEASER_START}\\s*:`);
// Where a teaser's headline ends: a headline is written in sentence case, so a capitalised word that
// only opens sentences (an article, a pronoun), right after a lowercase word, starts the text again.
const SENTENCE_OPENER = new RegExp(`(?<=[\\p{Ll}\\d)"»”]\\s+)(?:${lexicon.sentence_openers.join('|')})(?=[\\s'’])`, 'u');
const SHARE = new RegExp(`^\\s*(?:${lexicon.share_lines.map((p) => phraseSource(p)).join('|')})\\s*$`);
const NAV_WORD = new RegExp(`^\\s*(?:${lexicon.navigation_words.map((p) => phraseSource(p)).join('|')})\\s*$`);
// A caption ends with a credit after its last sentence: "... 2016. ©Reuters", "... 2023. AP".
const CREDIT_END = new RegExp(`(?:[.)]\\s*|\\s[-/|]\\s*)(?:©\\s*)?(?:${lexicon.caption_credits.map((p) => phraseSource(p)).join('|')})\\s*\\.?\\s*$`);
// A photographer's credit in brackets at the end of a line: "… on October 13, 2023 (Christina Assi / AFP)", "[Henry Nicholls/AFP]".
const CREDIT_BRACKET_END = new RegExp(`[(\\[][^()\\[\\]]{1,60}/\\s*(?:${lexicon.caption_credits.map((p) => phraseSource(p)).join('|')})\\s*[)\\]]\\s*\\.?\\s*$`);
const CAPTION_MARKERS = [...lexicon.caption_markers.map((p) => new RegExp(phraseSource(p))), CREDIT_BRACKET_END];
/** A line that ends with its outlet in brackets after a dash or a bar, with no sentence before: "<title> - (France info)". */
const EMBEDDED_TITLE = /[^.!?:;]\s[-|]\s*\([^()]{2,30}\)$/;
// "Author: Chany Ninrew | Published: 3 hours ago", "By Jane Doe, Reuters", "Par Jean Dupont": who wrote the report and when,
// a name or a date right after the cue, on a line that is no sentence.
const BYLINE = new RegExp(`^\\s*(?:${[...lexicon.byline_starts].sort((a, b) => b.length - a.length).map((p) => phraseSource(p)).join('|')})\\s*:?\\s+(?=\\S)`);
const SOURCE_LINE = new RegExp(phraseSource(lexicon.source_line));
const DATELINE = new RegExp(phraseSource(lexicon.dateline));

// A line that a reader of web pages or feeds marked as page furniture (ingest/formats/blocks.ts):
// "[caption] …", "[navigation] Accueil | Monde". The page's structure said so; no cue is needed.
const FURNITURE_MARK = /^\[(caption|teaser|navigation|share|boilerplate)\] /;

/** How many documents of the same site contain a line; learnt from the corpus by the store. */
export type LineFrequency = (lineKey: string) => number;

export interface CleanOptions {
  /** Documents of the same site that must carry a line before it is boilerplate. */
  readonly boilerplateMinDocuments?: number;
  readonly lineFrequency?: LineFrequency;
  /** The text folded (fold of the whole text), when the caller has it: each line's folded text is then a slice of it. */
  readonly folded?: string;
}

/** The key under which a line is counted across documents of a site. */
export function lineKey(line: string): string | null {
  return lineKeyOfFolded(fold(line));
}

/** lineKey of a line already folded. */
function lineKeyOfFolded(folded: string): string | null {
  const key = folded.replace(/\s+/g, ' ').trim();
  return key.length >= 20 ? key : null;
}

export function cleanDocument(raw: string, { boilerplateMinDocuments = 3, lineFrequency = () => 0, folded: foldedText }: CleanOptions = {}): CleanedDocument {
  const zones: Zone[] = [];
  let outletFromText: string | null = null;
  let header: string | null = null;
  let sawContent = false;
  let titleDone = false;

  // fold works code unit by code unit: a slice of the folded text is the folded slice.
  const foldedSpan = (span: Span) => (foldedText === undefined ? fold(raw.slice(span.start, span.end)) : foldedText.slice(span.start, span.end));
  const push = (span: Span, kind: ZoneKind, rule: string) => {
    let { start, end } = span;
    while (start < end && /\s/.test(raw[start]!)) start++;
    while (end > start && /\s/.test(raw[end - 1]!)) end--;
    if (end > start) zones.push({ start, end, kind, rule });
  };

  for (const line of lineSpans(raw)) {
    let span: Span = line;
    let text = raw.slice(span.start, span.end);
    if (!text.trim()) continue;
    let folded = foldedSpan(span);

    // A dateline may prefix the first sentence on the same line: " date 2023-12 La Résistance…"
    const dateline = DATELINE.exec(folded);
    if (dateline && !sawContent) {
      const cut = span.start + dateline[0].length;
      push({ start: span.start, end: cut }, 'dateline', 'zone.dateline');
      header ??= dateline[1] ?? null;
      span = { start: cut, end: span.end };
      text = raw.slice(span.start, span.end);
      folded = foldedSpan(span);
      if (!text.trim()) continue;
    }

    const kind = classifyLine(text, folded, sawContent, lineFrequency, boilerplateMinDocuments);
    if (kind.kind === 'source') {
      const m = SOURCE_LINE.exec(folded);
      if (m) outletFromText ??= text.slice(m.index + m[0].indexOf(m[2]!), m.index + m[0].indexOf(m[2]!) + m[2]!.length).trim();
    }
    let zoneKind = kind.kind;
    let rule = kind.rule;
    if (zoneKind === 'body') {
      const teaser = inlineTeaser(raw, span, folded);
      if (teaser) {
        push({ start: span.start, end: teaser.start }, 'body', rule);
        push(teaser, 'teaser', 'zone.teaser.inline');
        span = { start: teaser.end, end: span.end };
      }
    }
    if (zoneKind === 'body' && !titleDone && !sawContent && isTitleLike(text)) {
      zoneKind = 'title';
      rule = 'zone.title.first-unpunctuated-line';
    }
    if (zoneKind === 'body' || zoneKind === 'title') {
      sawContent = true;
      titleDone = true;
    }
    push(span, zoneKind, rule);
  }
  joinWrappedLines(raw, zones);
  // A title heads a body: a page of one line (a snippet, a note) is all body.
  if (!zones.some((z) => z.kind === 'body')) {
    const t = zones.findIndex((z) => z.kind === 'title');
    if (t >= 0) zones[t] = { ...zones[t]!, kind: 'body', rule: 'zone.body.single-line' };
  }
  return { zones, outletFromText, header };
}

/**
 * A text wrapped at a fixed width (a PDF's or an e-mail's copy) breaks its sentences at line ends: "…killed at least 29
 * individuals, including numerous children, in a\nrecent assault on the … camp". A body line that ends on no mark of a
 * sentence's end, followed on the very next line by a body line that opens on a lower-case letter, goes on the same
 * sentence: the two are one zone. A text that shows itself wrapped so (WRAPPED_EVIDENCE such joins) is wrapped at its
 * other line ends too, whatever the next line opens on ("near the Kachin\nIndependence Organisation").
 */
function joinWrappedLines(raw: string, zones: Zone[]): void {
  const open = (a: Zone, b: Zone) => a.kind === 'body' && b.kind === 'body' && /^[ \t]*\r?\n[ \t]*$/.test(raw.slice(a.end, b.start))
    && !SENTENCE_END.test(raw.slice(Math.max(a.start, a.end - 2), a.end));
  const lowerAfter = (b: Zone) => CONTINUATION_START.test(raw.slice(b.start, b.start + 2));
  // The line ends that may be joined, read once: the zones after each, last first (joining from the end keeps indices).
  const joints = zones.flatMap((b, i) => (i > 0 && open(zones[i - 1]!, b) ? [i] : [])).reverse();
  const wrapped = joints.filter((i) => lowerAfter(zones[i]!)).length >= WRAPPED_EVIDENCE;
  for (const i of joints) {
    const a = zones[i - 1]!, b = zones[i]!;
    if (!lowerAfter(b) && !wrapped) continue;
    zones.splice(i - 1, 2, { start: a.start, end: b.end, kind: 'body', rule: `${a.rule}+wrapped` });
  }
}

/** How many lines going on in lower case show a text wrapped at a fixed width. */
const WRAPPED_EVIDENCE = 3;

/** What ends a sentence or a heading at a line's end: a full stop, a colon, a closing quote or bracket. */
const SENTENCE_END = /[.!?:;…"”»)\]]\s*$/u;
/** A line that can only go on the sentence before it: a lower-case letter first. */
const CONTINUATION_START = /^\p{Ll}/u;

function classifyLine(text: string, folded: string, sawContent: boolean, lineFrequency: LineFrequency, minDocs: number): { kind: ZoneKind; rule: string } {
  const trimmed = folded.trim();
  const marked = FURNITURE_MARK.exec(text);
  if (marked) return { kind: marked[1] as ZoneKind, rule: `zone.page.${marked[1]}` };
  if (TEASER.test(folded)) return { kind: 'teaser', rule: 'zone.teaser.cue' };
  if (SHARE.test(folded)) return { kind: 'share', rule: 'zone.share.cue' };
  if (SOURCE_LINE.test(folded)) return { kind: 'source', rule: 'zone.source.line' };
  if (isByline(text, folded)) return { kind: 'byline', rule: 'zone.byline.cue' };
  if (NAV_WORD.test(folded)) return { kind: 'navigation', rule: 'zone.navigation.word' };
  if (isNavigationBar(text)) return { kind: 'navigation', rule: 'zone.navigation.separators' };
  if (!sawContent && trimmed.length <= 12 && !/[.!?]$/.test(trimmed) && trimmed.split(/\s+/).length <= 2) {
    return { kind: 'logo', rule: 'zone.logo.short-leading-line' };
  }
  if (CREDIT_END.test(folded) || CAPTION_MARKERS.some((re) => re.test(folded))) return { kind: 'caption', rule: 'zone.caption.credit' };
  // "Guerre entre Israël et le Hamas : bombardement d'un camp de réfugiés à Gaza - (France info)": the title of an embedded
  // video or article, its outlet in brackets after a dash, amid the text (at the top, the same form is the page's title).
  if (sawContent && trimmed.length <= 200 && EMBEDDED_TITLE.test(trimmed)) return { kind: 'teaser', rule: 'zone.teaser.embedded-title' };
  const key = lineKeyOfFolded(folded);
  if (key && lineFrequency(key) >= minDocs) return { kind: 'boilerplate', rule: 'zone.boilerplate.repeated-across-site' };
  return { kind: 'body', rule: 'zone.body' };
}

/** A short line, no sentence, that opens with a byline cue followed by a name or a date (capitalised or a digit). */
function isByline(text: string, folded: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 120 || /[.!?]$/.test(trimmed)) return false;
  const cue = BYLINE.exec(folded);
  return !!cue && /^[\p{Lu}\d]/u.test(text.slice(cue[0].length));
}

/** A teaser inside a body line, from its cue to the end of its headline (or of the line). */
function inlineTeaser(raw: string, line: Span, folded: string): Span | null {
  const cue = INLINE_TEASER.exec(folded);
  // At the start of the line the whole line is the teaser (classifyLine); here, after some text.
  if (!cue || cue.index === 0 || !/[.!?»”"]$/.test(raw.slice(line.start, line.start + cue.index).trimEnd())) return null;
  const from = line.start + cue.index + cue[0].length;
  const after = raw.slice(from, line.end);
  const opener = SENTENCE_OPENER.exec(after);
  return { start: line.start + cue.index, end: opener ? from + opener.index : line.end };
}

function isNavigationBar(text: string): boolean {
  const items = text.split(/\s+[/|»›•·>]\s+|\s*\|\s*/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 3) return false;
  const avg = items.reduce((n, s) => n + s.length, 0) / items.length;
  return avg <= 28 && !/[.!?]["»”]?$/.test(text.trim());
}

function isTitleLike(text: string): boolean {
  const t = text.trim();
  return t.length >= 8 && t.length <= 220 && !/[.!?:;,]["»”’)]?$/.test(t);
}

/** Zones that feed extraction. */
export function contentZones(zones: readonly Zone[]): Zone[] {
  return zones.filter((z) => z.kind === 'body' || z.kind === 'title');
}
