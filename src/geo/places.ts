// Place mentions in a sentence and how each resolves: classifiers find what could be a
// place (token sequences the gazetteer knows, "village of X" for names it does not), then
// solvers keep what must be one (no city inside an actor's name, no person's surname, no
// town from another continent without a cue).
import { readFileSync } from 'node:fs';
import type { Place, Span } from '../types.ts';
import { fold, nameKey, tokenKey } from '../text/fold.ts';
import type { LanguagePack } from '../extract/lang/index.ts';
import type { GeoEntry, Gazetteer } from './gazetteer.ts';
import { IS_NAME, IS_PREFIX } from './name-index.ts';
import { kmBetween } from './distance.ts';
import { allMatches } from '../text/patterns.ts';
import { PLACE_DATELINE_AFTER } from '../text/dateline.ts';

export interface PlaceMention extends Span {
  readonly text: string;
  readonly entry: GeoEntry | null;
  /** Name as written, for places the gazetteer does not know. */
  readonly unknownName?: string;
  readonly place: Place;
  /** 1 site, 2 town, 3 region, 4 country, 5 a country named only as context: lower is more specific. */
  readonly rank: number;
  /** Named as a reference point: "près de X", "45 km au nord de X". */
  readonly near: boolean;
  /** Told as a place by the words around it ("in X", "X County", "X residents", "a X hospital"), not only by its size. */
  readonly cued?: boolean;
  /** Taken from inside a longer proper name ("said Omar Mahmood", "Mombasa Republican Council"): kept only when the
   *  document's countries allow it, so it is no witness of which countries those are. */
  readonly inLongerName?: boolean;
  readonly rule: string;
}

export interface PlaceContext {
  /** Country codes the document names, most named first. */
  readonly countries: readonly string[];
  /** The folded document, for sites that need a context word ("Green Zone" needs Baghdad). */
  readonly foldedDocument: string;
  /** Spans taken by actors and outlets: no place inside them. */
  readonly excluded: readonly Span[];
  /** Title-case text (headlines): only well-attested places. */
  readonly titleCase?: boolean;
}

const MAX_TOKENS = 6;
/** A noun of an administrative division, folded: "province de X", "Narok County", "Mtwapa, comté de Mombasa". */
// "oblast", "raion": the divisions of Ukraine and Russia, written so in English and French news.
export const DIVISION_NOUN = '(?:province|gouvernorat|governorate|region|wilaya|county|comte|district|departement|prefecture|etat|state|oblast|raion|rayon)';
const PROVINCE_BEFORE = new RegExp(`${DIVISION_NOUN}\\s+(?:\\S+\\s+)?(?:de\\s+|d'\\s*|du\\s+|of\\s+)?(?:la\\s+|l'\\s*)?$`);
const PROVINCE_AFTER = /^\s*(?:province|governorate|county|region|district|oblast|raion|rayon)\b/;
export const PLACE_NOUN_WORD = '(?:village|localite|hameau|bourg|ville|town|village|hamlet|city|locality|quartier|neighbourhood|neighborhood|camp)';
// The word between noun and name is an adjective ("le village syrien d'al-Khazra"), never a bracket or a list:
// in "Ed Dhayra town (South, Tyr)" the noun closes the name before it.
const UNKNOWN_PLACE_NOUN = new RegExp(`${PLACE_NOUN_WORD}\\s+(?:[^\\s(),;:.]+\\s+)?(?:de\\s+|d'\\s*|du\\s+|of\\s+)?$`);
/** Whether a text holds a noun that can introduce a name (the test before looking for names after one). */
const UNKNOWN_PLACE_NOUN_WORD = new RegExp(PLACE_NOUN_WORD);
export const DESCRIPTOR_TAIL = /(?:(?:la|le|les|l'|du|des|de|d'|the|a|an)\s*)?(?:(?:base|bases|ville|village|localite|camp|region|zone|secteur|aeroport|champ|route|town|city|area|airport|field|road|district|province|village|base aerienne|base militaire|air base|military base|outpost|avant-poste)\s+)(?:\S+\s+){0,3}?(?:de\s+|d'\s*|du\s+|of\s+)?$/;

export function findPlaceMentions(raw: string, folded: string, span: Span, pack: LanguagePack, gaz: Gazetteer, ctx: PlaceContext): PlaceMention[] {
  const out = scanKnownNames(raw, folded, span, pack, gaz, ctx, tokensIn(raw, span));
  out.push(...nationalTerritories(raw, folded, span, pack, gaz, out));
  // Names the gazetteer does not know, introduced by a place noun: "le village syrien d'al-Khazra".
  if (UNKNOWN_PLACE_NOUN_WORD.test(folded.slice(span.start, span.end))) collectIntroducedNames(raw, folded, span, pack, gaz, ctx, out);
  out.sort((a, b) => a.start - b.start);
  namesakesInListedArea(folded, gaz, out);
  placeUnknownNames(raw, folded, span, pack, ctx, out);
  return applyDirections(raw, folded, span, pack, gaz, ctx, out);
}

/**
 * "Al Yamun (Jenin, West Bank)": a town followed by the wider area it lies in, of another country than the town read,
 * is that area's namesake of the town when the gazetteer knows one there (Janin, West Bank, and not Jenin, Poland).
 */
function namesakesInListedArea(folded: string, gaz: Gazetteer, out: PlaceMention[]): void {
  for (let k = 0; k + 1 < out.length; k++) {
    const town = out[k]!, area = out[k + 1]!;
    const country = area.entry?.kind === 'country';
    if (town.entry?.kind !== 'city' || (area.entry?.kind !== 'region' && !country) || (!country && area.place.lat === null)) continue;
    if (!area.place.country_code || area.place.country_code === town.place.country_code) continue;
    if (!/^\s*,\s*$/.test(folded.slice(town.end, area.start))) continue;
    // In a country, its largest town of the name ("Tripoli, Lebanon"); in a region, one that lies in it.
    const namesake = gaz.lookup(nameKey(town.text)).filter((e) => e.kind === 'city' && e.country_code === area.place.country_code
      && (country || liesIn({ name: e.name, admin1: e.admin1, country: null, country_code: e.country_code, lat: e.lat, lon: e.lon, geo_precision: 1 }, area.place)))
      .sort((a, b) => b.population - a.population)[0];
    if (!namesake) continue;
    out[k] = { ...town, entry: namesake, place: toPlace(namesake, gaz, town.near), rule: `${town.rule}.in-listed-area` };
  }
}

/** A text's word tokens, where the next capitalised one is from each, and (once read) each one's key for the gazetteer. */
interface TextTokens {
  readonly raw: string;
  readonly tokens: readonly Span[];
  /** The index of the first capitalised token at or after each token (the count of tokens when none). */
  readonly nextCapital: readonly number[];
  readonly keys: (string | undefined)[];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

function tokenize(raw: string, span: Span): TextTokens {
  const tokens: Span[] = [];
  const text = raw.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) tokens.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  const nextCapital = new Array<number>(tokens.length + 1);
  nextCapital[tokens.length] = tokens.length;
  for (let j = tokens.length - 1; j >= 0; j--) {
    CAPITAL_AT.lastIndex = tokens[j]!.start;
    nextCapital[j] = CAPITAL_AT.test(raw) ? j : nextCapital[j + 1]!;
  }
  return { raw, tokens, nextCapital, keys: new Array<string | undefined>(tokens.length) };
}

/**
 * The last document's tokens. Place mentions are read zone by zone (the document's countries) and
 * then sentence by sentence, and a span's tokens are the document's tokens inside it: the document
 * is split into words, and each word's key read, once.
 */
let documentTokens: TextTokens | null = null;

/** A span's tokens: `tokens` are theirs, numbered from 0; `first` is the number of the first in `text`. */
interface SpanTokens {
  readonly text: TextTokens;
  readonly first: number;
  readonly tokens: readonly Span[];
}

/** The tokens inside a span, the document's when no token is cut by the span's edge (otherwise the span's own). */
function tokensIn(raw: string, span: Span): SpanTokens {
  if (documentTokens?.raw !== raw) documentTokens = tokenize(raw, { start: 0, end: raw.length });
  const doc = documentTokens;
  const lo = firstEndingAfter(doc.tokens, span.start);
  const hi = firstEndingAfter(doc.tokens, span.end);
  if ((lo < doc.tokens.length && doc.tokens[lo]!.start < span.start) || (hi < doc.tokens.length && doc.tokens[hi]!.start < span.end)) {
    const own = tokenize(raw, span);
    return { text: own, first: 0, tokens: own.tokens };
  }
  return { text: doc, first: lo, tokens: doc.tokens.slice(lo, hi) };
}

/** The index of the first token that ends after an offset (tokens are in text order), or their count. */
function firstEndingAfter(tokens: readonly Span[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The names the gazetteer knows in a span's tokens, each resolved in its context; the longest that resolves wins. */
function scanKnownNames(raw: string, folded: string, span: Span, pack: LanguagePack, gaz: Gazetteer, ctx: PlaceContext, { text, first, tokens }: SpanTokens): PlaceMention[] {
  const out: PlaceMention[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < tokens.length; ) {
    const window = Math.min(MAX_TOKENS, tokens.length - i);
    // Every name taken has a capitalised word: a run of lowercase words is passed over without a
    // probe (and without the key of each of its words).
    if (text.nextCapital[first + i]! - first >= i + window) {
      i++;
      continue;
    }
    // The token sequences from here that the gazetteer names, found by extending a key one token
    // at a time while it is still the start of some name: most words start none and cost one probe.
    lengths.length = 0;
    let sequence = '', flags = 0;
    for (let n = 1; n <= window; n++) {
      const k = keyAt(text, first + i + n - 1);
      if (k) {
        sequence = sequence ? `${sequence} ${k}` : k;
        flags = gaz.probe(sequence);
      } else if (!sequence) continue; // articles before the name ("al-", "the")
      // A name ends on a word of its own, not on an article after it ("Idlib as well as Aleppo" is "Idlib").
      if (k && flags & IS_NAME) lengths.push(n);
      // An article after a name keeps its key: the longer sequence names the same place.
      // Not across punctuation: "in Lamu. The officers…" ends the name at the full stop.
      if (!(flags & IS_PREFIX) && !(i + n < tokens.length && !keyAt(text, first + i + n) && /^[\s-]*$/.test(raw.slice(tokens[i + n - 1]!.end, tokens[i + n]!.start)))) break;
    }
    let taken = 0;
    for (let l = lengths.length - 1; l >= 0 && !taken; l--) {
      const n = lengths[l]!;
      const hit = { start: tokens[i]!.start, end: tokens[i + n - 1]!.end };
      if (overlapsAny(hit, ctx.excluded)) continue;
      const words = tokens.slice(i, i + n).map((t) => raw.slice(t.start, t.end));
      // A name starts after its article or elision: "l’Irak" is "Irak", "de la Syrie" is "Syrie".
      // "as well as Aleppo": an article that is also a word of the text, written in lower case, is that word.
      if (LEADING_FUNCTION_WORDS.has(words[0]!.toLowerCase()) || ARTICLES_THAT_ARE_WORDS.has(words[0]!)) continue;
      if (!words.some(isCapitalized)) continue;
      // The key of the words joined: nameKey of the span, built from each word's memoised key.
      const key = text.keys.slice(first + i, first + i + n).filter(Boolean).join(' '); // each read by the probes above
      if (!key) continue;
      const mention = resolveTokens(raw, folded, span, hit, key, words, i === 0, tokens, i, pack, gaz, ctx);
      if (mention) {
        out.push(mention);
        taken = n;
      }
    }
    i += taken || 1;
  }
  return out;
}

/** "sur le territoire syrien", "on Iraqi soil": the country whose ground a nationality names, as a place of the sentence. */
function nationalTerritories(raw: string, folded: string, span: Span, pack: LanguagePack, gaz: Gazetteer, known: readonly PlaceMention[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const phrase of allMatches(pack.nationalTerritoryRe, folded, span.start, span.end)) {
    const nat = allMatches(pack.nationalityRe, folded, phrase.start, phrase.end)[0];
    const country = nat ? pack.nationality.get(nat.text.replace(/\s+/g, ' ')) : undefined;
    const entry = country ? countryEntry(gaz, country) : undefined;
    if (!nat || !entry || known.some((k) => k.start < phrase.end && phrase.start < k.end)) continue;
    out.push({ start: nat.start, end: nat.end, text: raw.slice(nat.start, nat.end), entry, place: toPlace(entry, gaz, false), rank: 4, near: false, cued: true, rule: 'geo.country.territory' });
  }
  return out;
}

/** Names after a place noun ("le village syrien d'al-Khazra"); called only when the span holds such a noun. */
function collectIntroducedNames(raw: string, folded: string, span: Span, pack: LanguagePack, gaz: Gazetteer, ctx: PlaceContext, out: PlaceMention[]): void {
  let m: RegExpExecArray | null;
  const nameRe = new RegExp(`(?:(?:al|el|as|ad|ash|an|ar|at|az)-)?(?:[\\p{Lu}][\\p{L}'’-]*)(?:\\s+(?:[\\p{Lu}][\\p{L}'’-]*|al-[\\p{L}'’-]+|(?:${NAME_PARTICLES})\\s+[\\p{Lu}][\\p{L}'’-]*))*`, 'gu');
  const body = raw.slice(span.start, span.end);
  while ((m = nameRe.exec(body))) {
    const start = span.start + m.index;
    const name = m[0];
    const before = folded.slice(Math.max(span.start, start - 40), start);
    if (!UNKNOWN_PLACE_NOUN.test(before)) continue;
    // "the village on Monday": a day or a month after a place noun says when, it names nothing.
    const first = fold(name.split(/\s+/)[0]!);
    if (pack.weekdays.has(first) || pack.months.has(first)) continue;
    const hit = { start, end: start + name.length };
    if (overlapsAny(hit, out) || overlapsAny(hit, ctx.excluded)) continue;
    const nat = [...before.matchAll(pack.nationalityRe)].map((x) => pack.nationality.get(x[0]!)).find(Boolean);
    // Its country: the nationality that qualifies it ("le village syrien de…"), else that of the nearest place the
    // sentence names that the gazetteer knows ("près de la localité de Tair Harfa, … près de la ville de Tyr"), else
    // the document's.
    const code = nat ? codeOfCountryName(gaz, nat) : nearestKnownCountry(out, start, ctx) ?? ctx.countries[0] ?? null;
    out.push({
      start: hit.start, end: hit.end, text: name, entry: null, unknownName: name, rank: 2, near: false, rule: 'geo.unknown-named-place',
      place: { name: name.replace(/^d['’]/, ''), admin1: null, country: code ? gaz.countryName(code) : null, country_code: code, lat: null, lon: null, geo_precision: null },
    });
  }
}

/** The country of the place the gazetteer knows nearest a position in the sentence, among the document's countries. */
function nearestKnownCountry(out: readonly PlaceMention[], at: number, ctx: PlaceContext): string | undefined {
  return out.filter((p) => p.entry && p.place.country_code && ctx.countries.includes(p.place.country_code))
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]?.place.country_code ?? undefined;
}

/**
 * A place the gazetteer does not know, tied to one it knows: "Damase in Garissa county", "in Likoni,
 * Mombasa", "Kiguchwa (Isiolo)", "Olepolos Village in Narok North". It keeps its own name and takes
 * the area's point at precision 3: where it is, as near as vigie can tell, and never a made-up point.
 * A name the text does not introduce as a place ("village of X") must follow a locative ("in", "à")
 * or be followed by a place noun ("X estate", "X location").
 */
function placeUnknownNames(raw: string, folded: string, span: Span, pack: LanguagePack, ctx: PlaceContext, out: PlaceMention[]): void {
  // Most sentences name no known area: nothing can be tied to one.
  if (!out.some(isKnownArea)) return;
  // Names the text introduced as places ("le village de X"): the area after them, if any.
  // A town abroad that the text places in an area of another country ("Ngara estate, Nairobi") is a
  // namesake the gazetteer does not know: the text's own tie wins.
  for (let k = 0; k < out.length; k++) {
    const m = out[k]!;
    const townAbroad = m.entry?.kind === 'city';
    if (m.entry && !townAbroad) continue;
    if (!m.entry && m.place.lat !== null) continue;
    const noun = townAbroad ? placeNounAfter(folded, pack, m.end) : 0;
    const area = areaAfter(folded, out, m.end + noun, noun > 0);
    if (!area || (townAbroad && area.entry?.kind === 'country')) continue;
    // "Pisky, Donetsk Oblast" when the gazetteer knows only the Pisky of two other provinces: a namesake it does not
    // know, in the province the text names.
    const elsewhere = townAbroad && area.place.country_code === m.place.country_code && area.entry?.kind === 'region' && outside(m, area);
    if (townAbroad && area.place.country_code === m.place.country_code && !elsewhere) continue;
    out[k] = locate(townAbroad ? { ...m, entry: null, unknownName: m.text, rule: elsewhere ? 'geo.town-elsewhere' : 'geo.town-abroad', place: { ...m.place, name: m.text } } : m, area);
  }
  const nameRe = new RegExp(`(?:[\\p{Lu}][\\p{L}'’]*(?:-[\\p{L}'’]+)*)(?:\\s+(?:${NAME_PARTICLES}\\s+)?[\\p{Lu}][\\p{L}'’]*(?:-[\\p{L}'’]+)*){0,2}`, 'gu');
  const body = raw.slice(span.start, span.end);
  const common = commonWords(pack.language);
  const added: PlaceMention[] = [];
  let m: RegExpExecArray | null;
  while ((m = nameRe.exec(body))) {
    const start = span.start + m.index, end = start + m[0].length;
    const hit = { start, end };
    if (overlapsAny(hit, out) || overlapsAny(hit, ctx.excluded)) continue;
    const words = m[0].split(/\s+/);
    const first = fold(words[0]!);
    if (words.length === 1 && (common.has(first) || pack.months.has(first) || pack.weekdays.has(first) || pack.nationality.has(first) || ARTICLE_WORDS.has(first))) continue;
    if (words.some((w) => common.has(fold(w)) && !PLACE_WORDS.has(fold(w)))) continue;
    const before = folded.slice(Math.max(span.start, start - 30), start);
    const noun = placeNounAfter(folded, pack, end);
    // "Aitaroun (Al Nabatieh, Bint Jbeil)": a bracket that holds a known area says the name is a place in it.
    const bracketed = BRACKET_AFTER_NAME.test(folded.slice(end + noun, end + noun + 3));
    if (!pack.countryLocativeBeforeRe.test(before) && !noun && !bracketed) continue;
    const area = areaAfter(folded, out, end + noun, noun > 0);
    if (!area) continue;
    const name = m[0];
    added.push(locate({
      start: hit.start, end: hit.end, text: name, entry: null, unknownName: name, rank: 2, near: false, rule: 'geo.unknown-after-locative',
      place: { name, admin1: null, country: null, country_code: null, lat: null, lon: null, geo_precision: null },
    }, area));
  }
  if (added.length) {
    out.push(...added);
    out.sort((a, b) => a.start - b.start);
  }
}

function isKnownArea(p: PlaceMention): boolean {
  return p.entry !== null && p.rank <= 3 && p.place.lat !== null;
}

/** The length of a noun of place after a name ("Ngara estate", "Likia location"), from the language's lexicon; 0 when none. */
function placeNounAfter(folded: string, pack: LanguagePack, end: number): number {
  const m = /^\s+([\p{L}-]+)/u.exec(folded.slice(end, end + 30));
  return m && pack.placeNounsAfter.has(m[1]!) ? m[0].length : 0;
}

/** The known area an unknown name is tied to, just after it. After a place noun, "of" ties too: "the Lexington area of Nairobi". */
function areaAfter(folded: string, out: readonly PlaceMention[], end: number, afterNoun: boolean): PlaceMention | undefined {
  const area = out.find((p) => p.start >= end && p.start - end <= 40 && isKnownArea(p));
  if (!area) return undefined;
  const gap = folded.slice(end, area.start);
  if (!(QUALIFIER_AFTER_UNKNOWN.test(gap) || (afterNoun && OF_AFTER_PLACE_NOUN.test(gap)))) return undefined;
  // "Aita ech Chaab (Al Nabatieh, Bint Jbeil)": a list of areas names the province and then the district, or the
  // other way round; the most specific the gazetteer knows is the nearest point.
  let best = area;
  for (let last = area; ;) {
    const next = out.find((p) => p.start >= last.end && /^\s*,\s*$/.test(folded.slice(last.end, p.start)) && isKnownArea(p));
    if (!next) break;
    // Only areas of one country, one inside the other: "(Kisumu, Nyanza)" is Kenya's Nyanza, not Rwanda's town.
    const nested = next.place.country_code === area.place.country_code && (liesIn(next.place, area.place) || liesIn(area.place, next.place));
    if (nested && specificity(next) < specificity(best)) best = next;
    last = next;
  }
  return best;
}

/** How little of an area a mention names, lower is smaller: its rank, and a town named like its province ("Al
 *  Nabatieh", "Taizz") counts as the province it stands for in a list of areas. */
function specificity(p: PlaceMention): number {
  const namedLikeProvince = p.entry?.kind === 'city' && !!p.place.admin1
    && nameKey(p.place.admin1).split(' ').some((w) => w.length > 3 && nameKey(p.text).split(' ').includes(w));
  return p.rank + (namedLikeProvince ? 1 : 0);
}

/** Whether a town lies outside a division of its country: another first-level division, and far from its point. */
function outside(town: PlaceMention, division: PlaceMention): boolean {
  const t = town.place, d = division.place;
  if (t.lat === null || t.lon === null || d.lat === null || d.lon === null || !t.admin1 || !d.admin1) return false;
  return !liesIn(t, d);
}

/** Whether a place lies in a division: its province, or near enough to the division's point when the
 *  provinces are named otherwise (or not at all). Both points must be known. */
export function liesIn(place: Place, division: Place): boolean {
  return (!!place.admin1 && !!division.admin1 && nameKey(place.admin1) === nameKey(division.admin1))
    || kmBetween(place.lat!, place.lon!, division.lat!, division.lon!) <= DIVISION_REACH_KM;
}
/** How far a town may lie from a division's point and still be in it when its province's name is spelt otherwise. */
const DIVISION_REACH_KM = 150;

/** An unknown name located in the area it is tied to: the area's point, at the precision of an area (3). */
function locate(m: PlaceMention, area: PlaceMention): PlaceMention {
  return { ...m, rule: `${m.rule}.in-known-area`, place: { ...area.place, name: m.place.name, geo_precision: 3 } };
}

function overlapsAny(x: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (x.start < s.end && s.start < x.end) return true;
  return false;
}

// What ties an unknown place to the area after it: ", ", " (", " in (the) (county of) ", ", near "; in a bracket, the
// area may follow a wider one the gazetteer does not know ("X town (South, Tyr)": province, then district).
const QUALIFIER_AFTER_UNKNOWN = new RegExp(`^(?:\\s*\\(\\s*[^\\s(),;:.][^(),;:.]{0,24},\\s*|\\s*[,(]\\s*(?:(?:in|dans|near|pres de|pres d')\\s+)?|\\s+(?:in|dans|a|au|en|near|pres de|pres d')\\s*)(?:the\\s+|la\\s+|le\\s+|l'\\s*)?(?:${DIVISION_NOUN}\\s+(?:of\\s+|de\\s+|d'\\s*|du\\s+)?)?$`);
/** ", a town …", ", une localité …": an apposition that opens on a place noun (an adjective may stand before it). */
const PLACE_APPOSITION_AFTER = new RegExp(`^\\s*,\\s*(?:a|an|the|une?|la|le|l')\\s*(?:[^\\s,;:.()]+\\s+)?${PLACE_NOUN_WORD}\\b`);
const OF_AFTER_PLACE_NOUN = /^\s+(?:of|de|du|d')\s*(?:the\s+|la\s+|le\s+|l'\s*)?$/;

function resolveTokens(raw: string, folded: string, sentence: Span, hit: Span, key: string, words: string[], sentenceInitial: boolean,
  tokens: readonly Span[], index: number, pack: LanguagePack, gaz: Gazetteer, ctx: PlaceContext): PlaceMention | null {
  const before = folded.slice(Math.max(sentence.start, hit.start - 60), hit.start);
  const after = folded.slice(hit.end, Math.min(sentence.end, hit.end + 25));
  let candidates = gaz.lookup(key).filter((e) => !e.requiresContext || e.requiresContext.some((w) => ctx.foldedDocument.includes(fold(w))));
  const provinceCue = PROVINCE_BEFORE.test(before) || PROVINCE_AFTER.test(after);
  // "ALMA AL-SHAAB, Lebanon —": a dateline says the name is a place, as a locative does.
  const dateline = sentenceInitial && PLACE_DATELINE_AFTER.test(after);
  // "Narok County", "province de X" with no such division known: the town it is named after stands
  // for it, at the precision of a region (3), never as the town itself.
  let namedAfterTown = false;
  if (provinceCue) {
    const regions = gaz.regionNamed(key);
    if (regions.length) candidates = [...regions, ...candidates];
    else namedAfterTown = candidates.some((e) => e.kind === 'city');
  }
  if (!candidates.length || NOT_PLACES.has(key)) return null;
  // "au nord-est de Bourem", "north-east of Bourem": a side of the place after it, not a division named "Nord-Est".
  if (pack.regionDirections.has(fold(raw.slice(hit.start, hit.end)).trim()) && /^\s*(?:de|d'|du|des|of)\b/.test(after)) return null;
  // "4 p.m. Sanaa time", "heure de Bagdad": a time zone, not where it happened.
  if (/^\s*(?:time|local time|standard time)\b/.test(after) || /heure (?:de |d')\s*$/.test(before)) return null;

  const single = words.filter((w) => !ARTICLE_WORDS.has(w.toLowerCase())).length <= 1;
  // Acronyms, designations and numbers ("AC-130", "F-15", "IDF") are not town names.
  if (words.some((w) => /\d/.test(w)) || (single && /^\p{Lu}{1,4}$/u.test(words.find((w) => !ARTICLE_WORDS.has(w.toLowerCase())) ?? ''))) {
    candidates = candidates.filter((e) => e.kind === 'site' || e.kind === 'region');
    if (!candidates.length) return null;
  }
  const foldedWord = fold(words.filter((w) => !ARTICLE_WORDS.has(w.toLowerCase())).join(' '));
  // A common word of the language (weekday, month, cue) is not a place.
  if (single && (pack.weekdays.has(foldedWord) || pack.months.has(foldedWord) || pack.nationality.has(foldedWord) || commonWords(pack.language).has(foldedWord))) return null;
  // A capitalised word before the name: a person ("Ilhan Omar", "Hadi al-Ameri").
  // Neighbours are words of the same name only when a space joins them ("Ilhan Omar"), not a hyphen ("Isiolo-Garissa").
  const prev = index > 0 && gapIs(raw, tokens, index - 1, index, SPACE_GAP) ? raw.slice(tokens[index - 1]!.start, tokens[index - 1]!.end) : '';
  const prevPrev = index > 1 && gapIs(raw, tokens, index - 2, index - 1, SPACE_GAP) ? raw.slice(tokens[index - 2]!.start, tokens[index - 2]!.end) : '';
  // "le bateau Tombouctou", "the tanker Marlin Luanda": a ship's name, not the town it is named after.
  if (VESSEL_WORDS.has(fold(prev))) return null;
  // "Lake Victoria", "Mount Kenya", "lac Tchad": a natural feature, not the town that shares its name.
  if (FEATURE_WORDS.has(fold(prev))) {
    candidates = candidates.filter((e) => e.kind !== 'city');
    if (!candidates.length) return null;
  }
  // "In Bondo town": a capitalised preposition or other common word opening the sentence is no first name.
  // In a headline every word is capitalised and none of this can be told.
  const personLike = (isNameWord(prev, pack, ctx) && !ARTICLE_WORDS.has(prev.toLowerCase()) && !PLACE_WORDS.has(fold(prev))) ||
    (ARTICLE_WORDS.has(prev.toLowerCase()) && isCapitalized(prevPrev) && !PLACE_WORDS.has(fold(prevPrev)) && !pack.regionDirections.has(fold(prevPrev)));
  // Part of a longer proper name: "Gibraltar Eagle" (a ship), "Kenya Police", "Washington Post".
  const next = tokens[index + words.length];
  const nextWord = next && gapIs(raw, tokens, index + words.length - 1, index + words.length, JOIN_GAP) ? raw.slice(next.start, next.end) : '';
  // "Jurf al Saqr", "Tell el-Hawa": an Arabic article and a capitalised word carry the name on.
  const afterNext = tokens[index + words.length + 1];
  const carriedOn = ARABIC_ARTICLES.has(nextWord.toLowerCase()) && afterNext !== undefined && gapIs(raw, tokens, index + words.length, index + words.length + 1, JOIN_GAP) &&
    isCapitalized(raw.slice(afterNext.start, afterNext.end));
  // "Maseno University", "Garissa High School": an institution stands in the town it is named after.
  const institution = pack.institutionsAfter.has(fold(nextWord)) ||
    (isCapitalized(nextWord) && next !== undefined && pack.institutionsAfter.has(fold(wordAt(raw, tokens, index + words.length + 1))));
  // "clashes in Moyale Monday", "à Gao mardi": a day or a month after a name tells when, it does not carry the name on.
  const timeWord = pack.weekdays.has(fold(nextWord)) || pack.months.has(fold(nextWord));
  const inLongerName = single && !ctx.titleCase && !institution && !timeWord && !pack.inhabitantsAfter.has(fold(nextWord)) && ((isCapitalized(nextWord) && !PLACE_WORDS.has(fold(nextWord)) && !ARTICLE_WORDS.has(nextWord.toLowerCase())) || carriedOn);
  if (inLongerName) {
    // Only a curated site or region is known well enough to be named inside a longer name ("Mombasa
    // Republican Council", "Virginia Nyaiko", "Lagos Road" are not Mombasa, Virginia or Lagos).
    // A curated name abroad is no part of a local name either: "Omar Jilo" in a Kenyan story is not Syria's al-Omar.
    candidates = candidates.filter((e) => (e.kind === 'site' || e.kind === 'region') && !e.needsCue &&
      (ctx.countries.length === 0 || ctx.countries.includes(e.country_code)));
    if (!candidates.length) return null;
  }
  // "Pokot raiders", "the Turkana community", "clashes between Maasai and Kikuyu": peoples and sides.
  if (pack.peopleAfter.has(fold(nextWord)) || pack.sidesBetweenRe.test(before)) return null;
  // "Limuru residents": said of a place as plainly as "in Limuru" ("residents of Limuru" is a locative already).
  // "Ed Dhayra town (South, Tyr)", "Kiguchwa (Isiolo)": a bracket after a name holds where that name lies.
  const bracketed = BRACKETED_AREA_BEFORE.test(raw.slice(Math.max(sentence.start, hit.start - 60), hit.start));
  // "Gunmen attacked Gao", "ont visé mardi Ansongo": the object of a blow or a taking, when it names a place, is where
  // the blow fell — said as plainly as "in Gao"; but not of a town abroad ("struck the Abu Helo school" in Gaza is no
  // town of India): that still takes a preposition of place.
  const spelledLocative = pack.locativeBeforeRe.test(before) || bracketed || pack.inhabitantsAfter.has(fold(nextWord)) || pack.placeNounsAfter.has(fold(nextWord));
  const locative = spelledLocative || pack.placeObjectVerbBeforeRe.test(before);
  // Short names ("Voi", "Ede") need a locative and must not open the sentence.
  if (single && key.length <= 3 && (!locative || sentenceInitial)) candidates = candidates.filter((e) => e.kind !== 'city');
  // A division known only from GeoNames' list needs "in" or a division word: "Pokot raiders" are people.
  if (!locative && !provinceCue) candidates = candidates.filter((e) => !e.needsCue);
  if (!candidates.length) return null;

  // "the town of X", "le village de X": the text itself says X is a place.
  const introduced = UNKNOWN_PLACE_NOUN.test(before);
  // "Djibo, a town 30 km south of the border", "Boni, une localité du centre": an apposition that names it a place is a
  // cue of place for a town abroad named by its own name (an alternate abroad still needs the noun before it).
  const apposedPlace = PLACE_APPOSITION_AFTER.test(after);
  // "the Bari-ujeed region" is neither Bari, Italy, nor Somalia's Bari: a name glued to a lower-case word is part of
  // another name ("Iran-backed" still names a country, for the document's context).
  if (GLUED_WORD_AFTER.test(raw.slice(hit.end, hit.end + 3))) candidates = candidates.filter((e) => e.kind === 'country');
  if (!candidates.length) return null;
  // The name as the text writes it (an apostrophe inside a word is part of it: "Fada N'Gourma"), not its tokens joined.
  const written = spelling(raw.slice(hit.start, hit.end));
  // Arabic-script text names towns by their alternates: it has no other way to.
  const arabicScript = /\p{Script=Arabic}/u.test(written);
  const scored = candidates
    .map((e) => {
      const form = nameForm(e, written, key);
      return { e, form, score: score(e, ctx, provinceCue, locative, form) };
    })
    .filter(({ e, form }) => {
      // A one-word name after a capitalised word is a person's name, whatever else it could be.
      if (personLike && (e.kind === 'city' || single)) return false;
      // A one-word name opening a sentence, abroad and with no division word: any capitalised word.
      const openingAbroad = sentenceInitial && single && !provinceCue && !ctx.countries.includes(e.country_code);
      // A division known only from GeoNames' list is not taken there: "Lamu residents" is not the Maldives' Laamu.
      if (e.kind === 'region' && e.needsCue && openingAbroad && ctx.countries.length > 0) return false;
      if (e.kind !== 'city') return true;
      // A town abroad named otherwise than by its own name ("Christian", an alternate of a Kansas town;
      // "Maasai", a respelling of Masai, Malaysia) must be a large city, and an alternate is never taken
      // abroad when the document names other countries: such names are mostly words.
      // Unless the text introduces it as a town ("the town of Kupiansk", GeoNames' Kupjansk): then a town of size is that town.
      // Nor need a name in the bracket that says where a place lies ("Aitaroun (Bint Jbeil)"): the bracket says it is an
      // area, and the notes that write so name their districts by the spellings of their coders, not GeoNames'.
      // Only when the place before the bracket is one the gazetteer does not know: a known town ("Mombasa (Chaani, Mvita)")
      // needs no area, and its bracket's wards are no reason to take a namesake's alternate abroad.
      const areaInBracket = bracketed && ctx.countries.length === 0 && written !== written.toUpperCase() && bracketOwnerUnknown(raw, sentence, hit, gaz, pack);
      if (form !== 'exact' && !arabicScript && !ctx.countries.includes(e.country_code) && !(introduced && e.population >= ABROAD_MIN_POPULATION) && !areaInBracket &&
        (ctx.countries.length > 0 ? form === 'alternate' : e.population < OTHER_NAME_MIN_POPULATION)) return false;
      if (ctx.titleCase) return e.population >= 50_000 || ctx.countries.includes(e.country_code);
      // A capitalised word opening a sentence is any word ("Street traders"), unless a division word makes it a place ("Gatundu County residents").
      // Nor is a respelling abroad there, whatever its size: "Running battles" is not Runing, China.
      if (openingAbroad && (e.population < 100_000 || form !== 'exact')) return false;
      // A town abroad, unknown to the document's context, needs a locative cue and a size.
      if (!ctx.countries.includes(e.country_code) && ctx.countries.length > 0) return (spelledLocative || introduced || (apposedPlace && form === 'exact')) && e.population >= ABROAD_MIN_POPULATION;
      return locative || provinceCue || dateline || e.population >= 15_000;
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.e;
  if (!best) return null;
  // "the Nairobi-Mombasa highway", "la route Nairobi-Mombasa": a road's ends, joined by a hyphen, say only near what it happened.
  const hyphenBefore = /-\s*$/.test(before), hyphenAfter = /^\s*-/.test(after);
  const roadEnd = (hyphenBefore || hyphenAfter) && (pack.roadAfterRe.test(after) || pack.roadBeforeRe.test(before));
  const near = roadEnd || isNear(before, pack);
  // A country names where something happened only after a locative ("in Syria", "en Syrie"), not in "Iran-backed" or "Iran's".
  // "affiliée à l'Iran", "Iran-backed", "proche de la Syrie": a relation, not a location.
  const countryLocative = pack.countryLocativeBeforeRe.test(before) && !pack.relationBeforeRe.test(before);
  if (best.kind === 'country' && !countryLocative) {
    return { start: hit.start, end: hit.end, text: raw.slice(hit.start, hit.end), entry: best, rank: 5, near: false, rule: 'geo.country.context-only', place: toPlace(best, gaz, false) };
  }
  // "militias loyal to Moscow", "proches de Téhéran": a capital named for its government, not where anything happened.
  if (pack.relationBeforeRe.test(before)) {
    return { start: hit.start, end: hit.end, text: raw.slice(hit.start, hit.end), entry: best, rank: 5, near: false, rule: `geo.${best.kind}.relation-only`, place: toPlace(best, gaz, false) };
  }
  const rank = best.kind === 'country' ? 4 : best.kind === 'region' || best.precision === 3 ? 3 : best.kind === 'city' ? 2 : 1;
  if (namedAfterTown && best.kind === 'city') {
    return {
      start: hit.start, end: hit.end, text: raw.slice(hit.start, hit.end), entry: best, rank: 3, near: false, cued: true, rule: 'geo.city.stands-for-its-division',
      place: { ...toPlace(best, gaz, false), geo_precision: 3 },
    };
  }
  return {
    start: hit.start, end: hit.end, text: raw.slice(hit.start, hit.end), entry: best, rank, near, cued: locative || provinceCue || institution,
    ...(inLongerName ? { inLongerName: true } : {}),
    rule: `geo.${best.kind}${provinceCue && best.kind === 'region' ? '.province-cue' : ''}${roadEnd ? '.road-end' : near ? '.near' : ''}`,
    place: toPlace(best, gaz, near),
  };
}

// Functions of module scope rather than closures in resolveTokens, which runs for every candidate name:
// a closure is an allocation per call, and tsx's transform names each one (esbuild's keepNames).
const SPACE_GAP = /^ $/;
/** The opening of a bracket after a capitalised name or a place noun, and the wider areas listed first in it. */
const BRACKETED_AREA_BEFORE = /(?:[\p{Lu}][\p{L}'’-]*|town|village|city|camp|district|ville|localité)\s+\(\s*(?:[^\s(),;:.][^(),;:.]{0,24},\s*)?$/u;
const JOIN_GAP = /^[ -]$/;
/** Lower-case particles inside Arabic and Berber place names written with spaces ("Rab el Thalathine", "Aita ech
 *  Chaab", "Bint Jbeil" has none): a name goes on across them. Not "et"/"en"/"an": French and English words. */
const NAME_PARTICLES = '(?:al|el|ech|esh|ash|ad|ed|ar|er|at|az|ez|as|ibn|bin|bint|abu|umm|ould|ag)';
/** A bracket right after a name, about to name an area. */
const BRACKET_AFTER_NAME = /^\s?\(/;
/** The name a bracket follows ("Rachaya al Foukhar (Hasbeiya)", "Aitaroun (Al Nabatieh, Bint Jbeil)"). */
const BRACKET_OWNER = new RegExp(`([\\p{Lu}][\\p{L}'’-]*(?:\\s+(?:${NAME_PARTICLES}\\s+)?[\\p{Lu}][\\p{L}'’-]*){0,3})\\s*\\(\\s*(?:[^\\s(),;:.][^(),;:.]{0,24},\\s*)?$`, 'u');

/** Whether the name before the bracket that holds a mention is unknown to the gazetteer (no bracket owner: false). */
function bracketOwnerUnknown(raw: string, sentence: Span, hit: Span, gaz: Gazetteer, pack: LanguagePack): boolean {
  const owner = BRACKET_OWNER.exec(raw.slice(Math.max(sentence.start, hit.start - 60), hit.start))?.[1];
  if (!owner) return false;
  // The capitalised words before the name may take in a word of the language opening the sentence ("In Mombasa
  // (Chaani, Mvita)"): the owner starts after it.
  const words = owner.split(/\s+/);
  const common = commonWords(pack.language);
  while (words.length > 1 && (common.has(fold(words[0]!)) || ARTICLE_WORDS.has(words[0]!.toLowerCase()))) words.shift();
  const key = nameKey(words.join(' '));
  return !!key && gaz.lookup(key).length === 0;
}
const GLUED_WORD_AFTER = /^-\p{Ll}{2}/u;

/** Whether what stands between tokens a and b is exactly a gap of this form. */
function gapIs(raw: string, tokens: readonly Span[], a: number, b: number, gap: RegExp): boolean {
  return gap.test(raw.slice(tokens[a]!.end, tokens[b]!.start));
}

/** Neighbours are words of the same name only when a space joins them ("Ilhan Omar"): a capitalised word that is no common word. */
function isNameWord(w: string, pack: LanguagePack, ctx: PlaceContext): boolean {
  return isCapitalized(w) && (ctx.titleCase === true || !commonWords(pack.language).has(fold(w)));
}

export interface NameExplanation {
  readonly key: string;
  readonly candidates: readonly { readonly entry: GeoEntry; readonly score: number }[];
  /** Divisions named like it, taken only after "province de", "X County"… */
  readonly divisions: readonly GeoEntry[];
  readonly chosen: PlaceMention | null;
}

/** How a name resolves (`vigie places`): every candidate with its score, and the one taken in a plain sentence. */
export function explainName(name: string, gaz: Gazetteer, pack: LanguagePack, countries: readonly string[] = []): NameExplanation {
  const key = nameKey(name);
  const ctx: PlaceContext = { countries, foldedDocument: fold(name), excluded: [] };
  const candidates = gaz.lookup(key)
    .map((entry) => ({ entry, score: score(entry, ctx, false, true, nameForm(entry, spelling(name), key)) }))
    .sort((a, b) => b.score - a.score);
  // The name as a sentence would give it: after a locative preposition.
  const sentence = `${pack.language === 'fr' ? 'à' : 'in'} ${name}`;
  const chosen = findPlaceMentions(sentence, fold(sentence), { start: 0, end: sentence.length }, pack, gaz, ctx)[0] ?? null;
  return { key, candidates, divisions: gaz.regionNamed(key), chosen };
}

/**
 * The towns that bear a name as their own (not as one of their alternates): each is as likely a
 * reading of the name as the one chosen, so each votes for its country in a document's context.
 */
export function namesakeCountries(gaz: Gazetteer, mention: PlaceMention): ReadonlySet<string> {
  const key = nameKey(mention.text);
  const written = spelling(mention.text);
  const own = gaz.lookup(key).filter((e) => e.kind === 'city' && nameForm(e, written, key) !== 'alternate');
  return new Set((own.length ? own : mention.entry ? [mention.entry] : []).map((e) => e.country_code));
}

/** How a town is named by the text: its own name as written, its own name spelled otherwise ("Kisi" for "Kisii"), or one of its alternates. */
type NameForm = 'exact' | 'key' | 'alternate';

function nameForm(e: GeoEntry, written: string, key: string): NameForm {
  // Curated names (sites, regions, countries, aliases.json) are each chosen for what they name.
  if (e.kind !== 'city') return 'exact';
  if (spelling(e.name) === written) return 'exact';
  return nameKey(e.name) !== key ? 'alternate' : 'key';
}

/** The name as written, folded, with punctuation as spaces: "El Wak" and "el-Wak" alike, "Kisii" and "Kisi" apart;
 *  an apostrophe inside a word is a transliteration's mark of a glottal sound that most writers leave out ("Ma'rib", "Marib"). */
function spelling(text: string): string {
  return fold(text).replace(/(?<=\p{L})['’ʿʾ`](?=\p{L})/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// A town named by its own name is preferred to one that merely lists the name among its alternates:
// the bonus of an exact name is worth a thousandfold population, a respelling a thirtyfold one.
const FORM_SCORE: Record<NameForm, number> = { exact: 3, key: 1.5, alternate: 0 };
/** A town abroad, outside the countries the document names, is taken with a locative cue from this size. */
const ABROAD_MIN_POPULATION = 20_000;
/** A town abroad named otherwise than by its own name, in a document that names no country, is taken from this size: a city known by many names. */
const OTHER_NAME_MIN_POPULATION = 50_000;

function score(e: GeoEntry, ctx: PlaceContext, provinceCue: boolean, locative: boolean, form: NameForm): number {
  // A division from GeoNames' list without a division word ranks below towns: "in Gaza" is the town
  // (or the curated region) before Mozambique's Gaza province; "in Turkana", with no such town, is the county.
  const kindScore = e.kind === 'site' ? 40 : e.kind === 'region' ? (provinceCue ? 50 : e.cityNamedAlike ? 5 : e.needsCue ? 8 : 30) : e.kind === 'country' ? 20 : 10;
  const contextIndex = ctx.countries.indexOf(e.country_code);
  const context = contextIndex < 0 ? 0 : 20 - Math.min(contextIndex, 10);
  return kindScore + context + Math.log10(e.population + 1) + (locative ? 1 : 0) + FORM_SCORE[form];
}

function isNear(before: string, pack: LanguagePack): boolean {
  const trimmed = before.replace(DESCRIPTOR_TAIL, '');
  return pack.nearRe.test(trimmed) || pack.nearRe.test(before);
}

export function toPlace(e: GeoEntry, gaz: Gazetteer, near: boolean): Place {
  const precision: 1 | 2 | 3 | null = e.kind === 'country' ? null : e.precision === 3 || e.kind === 'region' ? 3 : near ? 2 : 1;
  return {
    name: displayName(e.name), admin1: e.admin1 === null ? null : displayName(e.admin1), country: gaz.countryName(e.country_code), country_code: e.country_code,
    lat: e.lat, lon: e.lon, geo_precision: precision,
  };
}

/** A gazetteer name as a reader writes it: GeoNames' ASCII names mark an ʿayn with a backtick ("`Afrin", "Ma`arrat
 *  an Nu`man"), which no writer uses; it goes at the start of a word and becomes an apostrophe inside one. */
function displayName(name: string): string {
  return name.replace(/(^|[\s-])`/g, '$1').replace(/`/g, "'");
}

/** "dans le sud-est de l'Irak", "in eastern Syria": a part of a country, at precision 3. */
function applyDirections(raw: string, folded: string, span: Span, pack: LanguagePack, gaz: Gazetteer, ctx: PlaceContext, mentions: PlaceMention[]): PlaceMention[] {
  const out = [...mentions];
  const re = pack.regionRe;
  re.lastIndex = 0;
  const text = folded.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const dir = pack.regionDirections.get(m[1]!);
    if (!dir) continue;
    const end = span.start + m.index + m[0].length;
    const rest = folded.slice(end, end + 40);
    let code: string | null = null;
    let target: PlaceMention | undefined;
    if (/^\s*(?:du |le |of the |the )?(?:pays|country)\b/.test(rest) || /du pays\s*$/.test(m[0])) {
      // "dans l'ouest du pays": the country of the place just named, else the document's.
      const named = [...out].reverse().find((p) => p.end <= span.start + m!.index && p.place.country_code);
      code = named?.place.country_code ?? ctx.countries[0] ?? null;
    }
    else {
      target = out.find((p) => p.start >= end && p.start <= end + 4 && p.entry?.kind === 'country');
      code = target?.entry?.country_code ?? null;
    }
    if (!code) continue;
    const shape = gaz.countryShape(code);
    if (!shape) continue;
    const point = shape.directions[dir];
    if (!point) continue;
    const lat = round(point[0]), lon = round(point[1]);
    const start = span.start + m.index;
    const stop = target ? target.end : end;
    const country = gaz.countryName(code);
    const mention: PlaceMention = {
      start, end: stop, text: raw.slice(start, stop), entry: null, rank: 3, near: false, rule: `geo.direction.${dir}`,
      place: { name: `${DIRECTION_NAMES[dir]} ${country}`, admin1: null, country, country_code: code, lat, lon, geo_precision: 3 },
    };
    if (target) out.splice(out.indexOf(target), 1, mention);
    else out.push(mention);
  }
  return out.sort((a, b) => a.start - b.start);
}

const DIRECTION_NAMES: Record<string, string> = {
  N: 'northern', S: 'southern', E: 'eastern', W: 'western', NE: 'north-eastern', NW: 'north-western', SE: 'south-eastern', SW: 'south-western', C: 'central',
};

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function wordAt(raw: string, tokens: readonly Span[], i: number): string {
  const t = tokens[i];
  return t ? raw.slice(t.start, t.end) : '';
}

/** A capitalised word starts at lastIndex (isCapitalized on the text, without cutting the word out). */
const CAPITAL_AT = /[\p{Lu}\p{Script=Arabic}]/uy;

/** The key of token j, read once per document. */
function keyAt(text: TextTokens, j: number): string {
  let k = text.keys[j];
  if (k === undefined) text.keys[j] = k = tokenKey(text.raw.slice(text.tokens[j]!.start, text.tokens[j]!.end));
  return k;
}

function isCapitalized(word: string): boolean {
  return /^[\p{Lu}\p{Script=Arabic}]/u.test(word);
}

export function codeOfCountryName(gaz: Gazetteer, name: string): string | null {
  return countryEntry(gaz, name)?.country_code ?? null;
}

/** The gazetteer's entry of a country, by one of its names. */
function countryEntry(gaz: Gazetteer, name: string): GeoEntry | undefined {
  return gaz.lookup(nameKey(name)).find((e) => e.kind === 'country');
}

interface NotPlaces { institutions: string[]; common_words: Record<string, string[]>; feature_words: string[]; vessel_words: string[] }
const notPlaces = JSON.parse(readFileSync(new URL('./data/not-places.json', import.meta.url), 'utf8')) as NotPlaces;
const NOT_PLACES = new Set(notPlaces.institutions.map(nameKey));
const FEATURE_WORDS = new Set(notPlaces.feature_words.map(fold));
const VESSEL_WORDS = new Set(notPlaces.vessel_words.map(fold));
const commonByLanguage = new Map<string, Set<string>>();
function commonWords(language: string): Set<string> {
  let set = commonByLanguage.get(language);
  if (!set) {
    set = new Set([...(notPlaces.common_words.any ?? []), ...(notPlaces.common_words[language] ?? [])].map((w) => fold(w)));
    commonByLanguage.set(language, set);
  }
  return set;
}

const LEADING_FUNCTION_WORDS = new Set(['l', 'd', 'le', 'la', 'les', 'the', 'de', 'du', 'des', 'a', 'au', 'aux', 'en', 'of', 'in', 'at']);
const ARABIC_ARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'ar', 'an', 'at', 'az', 'ed', 'es', 'ez']);
/** Arabic articles that are English words too ("as well as", "an attack"): in lower case with a space after, the word. */
const ARTICLES_THAT_ARE_WORDS = new Set(['as', 'an']);
const ARTICLE_WORDS = new Set([...ARABIC_ARTICLES, 'the', 'l', 'd', 'de', 'du', 'la', 'le']);
const PLACE_WORDS = new Set(['province', 'county', 'district', 'region', 'ward', 'division', 'governorate', 'oblast', 'raion', 'rayon', 'state', 'sub', 'subcounty', 'constituency', 'location', 'estate', 'market', 'area', 'base', 'camp', 'ville', 'village', 'city', 'town', 'mont', 'mount', 'lac', 'lake', 'port', 'cap', 'cape', 'saint', 'san', 'sainte', 'santa', 'fort', 'bir', 'tell', 'tal', 'deir', 'ain', 'ein', 'beit', 'kafr', 'jabal', 'jebel', 'wadi', 'ras', 'abu', 'umm', 'north', 'south', 'east', 'west', 'new', 'upper', 'lower', 'greater']);
