// Date mentions in a span of text, and their resolution against an anchor (the document's
// date). chrono finds most expressions; enumerations ("les 19 et 22 novembre") and relative
// words come from the language lexicon. What the text stated is kept apart from what was
// inferred (the year of "mardi 24 octobre", the day of "lundi").
import * as chrono from 'chrono-node';
import type { DatePrecision, Language, ResolvedDate, Span } from '../types.ts';
import { allMatches } from '../text/patterns.ts';
import type { LanguagePack } from './lang/index.ts';

export interface Stated {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly weekday?: number;
}

export interface DateMention extends Span {
  readonly stated: Stated;
  /** Days relative to the anchor ("hier" = -1), for words that state no calendar value. */
  readonly relativeDays?: number;
  /** How precise the relative day is: "last week" is a week (seven days back), "last month" a month; a day by default. */
  readonly relativePrecision?: 'week' | 'month';
  /** A day the calendar does not have ("35 décembre", "February 30, 2023"): the text states a date, but no real one. */
  readonly unreal?: true;
  readonly rule: string;
}

/** "12/11/2023", "2023-11-12", "12.11": a date written in figures. */
const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}/;

const PARSERS: Record<Language, chrono.Chrono> = { fr: chrono.fr.casual, en: chrono.en.casual };

/** Date mentions of a document's sentences, by span. */
export type DateMentionsOf = (span: Span) => readonly DateMention[];

/**
 * findDateMentions over one document, each span read once: the document's date (docdate) and the
 * extraction both read the date mentions of the same sentences, and chrono is the costliest stage of a
 * dated sentence.
 */
export function documentDateMentions(raw: string, folded: string, pack: LanguagePack): DateMentionsOf {
  const seen = new Map<string, readonly DateMention[]>();
  return (span) => {
    const key = `${span.start}:${span.end}`;
    let found = seen.get(key);
    if (!found) seen.set(key, (found = findDateMentions(raw, folded, span, pack)));
    return found;
  };
}

export function findDateMentions(raw: string, folded: string, span: Span, pack: LanguagePack): DateMention[] {
  const out: DateMention[] = [];
  const covered: Span[] = [];
  const text = folded.slice(span.start, span.end);

  // Enumerated days sharing one month: "les 19 et 22 novembre", "November 19 and 22".
  for (const re of enumerationPatterns(pack)) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const whole = { start: span.start + m.index, end: span.start + m.index + m[0].length };
      const g = m.groups ?? {};
      const month = pack.months.get((g.month ?? '').replace(/\.$/, ''));
      if (!month) continue;
      const year = g.year ? Number(g.year) : undefined;
      const days = (g.days ?? '').match(/\d{1,2}/g)?.map(Number) ?? [];
      for (const day of days) {
        if (day < 1 || day > 31) continue;
        const at = dayOffset(m[0], day, m.index + span.start);
        out.push({ start: at.start, end: at.end, stated: { day, month, ...(year ? { year } : {}) }, rule: `${pack.language}.date.enumeration` });
      }
      covered.push(whole);
    }
  }

  // Days the calendar does not have, and years no reader would take for the year ("le lundi 35 décembre 2023",
  // "December 35, 2023", "le 31 décembre 9999"): chrono skips the first (leaving "lundi" alone, a day of the
  // week before the report), reads "December 35" as the month of 2035, and "31 décembre" without its year.
  for (const re of unrealDatePatterns(pack)) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const hit = { start: span.start + m.index, end: span.start + m.index + m[0].length };
      if (overlaps(hit, covered)) continue;
      const g = m.groups!;
      const month = pack.months.get(g.month!.replace(/\.$/, ''));
      if (!month) continue;
      const day = Number(g.day), year = g.year ? Number(g.year) : undefined;
      const unreal = !validDay(year ?? 2000, month, day);
      if (!unreal && (year === undefined || (year >= 1900 && year <= 2100))) continue;
      const weekday = g.weekday ? pack.weekdays.get(g.weekday) : undefined;
      const stated = { ...(year !== undefined ? { year } : {}), month, day, ...(weekday !== undefined ? { weekday } : {}) };
      out.push({ ...trimMention(raw, hit), stated, ...(unreal ? { unreal: true as const } : {}), rule: `${pack.language}.date.${unreal ? 'unreal-day' : 'far-year'}` });
      covered.push(hit);
    }
  }

  // Relative day words.
  for (const [re, days, rule] of [
    [pack.dayBeforeYesterdayRe, -2, 'day-before-yesterday'],
    [pack.yesterdayRe, -1, 'yesterday'],
    [pack.todayRe, 0, 'today'],
  ] as const) {
    for (const m of allMatches(re, folded, span.start, span.end)) {
      if (overlaps(m, covered)) continue;
      // "aujourd'hui lundi": the weekday that follows is the same day, not another date.
      const after = /^[\s,]*(\p{L}+)/u.exec(folded.slice(m.end, m.end + 20));
      const weekday = after ? pack.weekdays.get(after[1]!) : undefined;
      const end = weekday !== undefined && after ? m.end + after[0].length : m.end;
      out.push({ start: m.start, end, stated: weekday !== undefined ? { weekday } : {}, relativeDays: days, rule: `${pack.language}.date.${rule}` });
      covered.push({ start: m.start, end });
    }
  }

  // "two days ago", "il y a trois jours": a count of days back; "last week", "la semaine dernière": the week before
  // (seven days back, at week precision); "last month", "le mois dernier": the month before.
  for (const m of allMatches(pack.daysAgoRe, folded, span.start, span.end)) {
    if (overlaps(m, covered)) continue;
    const count = /\d+/.exec(m.text)?.[0] ?? m.text.split(/\s+/).find((w) => pack.numbers.has(w));
    const n = count === undefined ? undefined : /^\d+$/.test(count) ? Number(count) : pack.numbers.get(count);
    if (n === undefined || n < 1 || n > 14) continue;
    out.push({ start: m.start, end: m.end, stated: {}, relativeDays: -n, rule: `${pack.language}.date.days-ago` });
    covered.push(m);
  }
  for (const [re, days, precision, rule] of [[pack.lastWeekRe, -7, 'week', 'last-week'], [pack.lastMonthRe, -30, 'month', 'last-month']] as const) {
    for (const m of allMatches(re, folded, span.start, span.end)) {
      if (overlaps(m, covered)) continue;
      out.push({ start: m.start, end: m.end, stated: {}, relativeDays: days, relativePrecision: precision, rule: `${pack.language}.date.${rule}` });
      covered.push(m);
    }
  }

  // Everything else through chrono (on the raw text: it knows accents and case). chrono is the
  // costliest stage per sentence, and only its matches with a month or weekday word or a numeric
  // date are kept (below): a span with neither cannot yield one, so chrono is not asked.
  if (!calendarWords(pack).test(text) && !NUMERIC_DATE.test(text)) return bareYears(raw, folded, span, pack, covered, out).sort((a, b) => a.start - b.start);
  const reference = new Date(Date.UTC(2000, 0, 1, 12));
  const results: { index: number; r: chrono.ParsedResult }[] = [];
  for (const r of PARSERS[pack.language].parse(raw.slice(span.start, span.end), { instant: reference, timezone: 0 })) {
    // chrono's English reads "afternoon of Thursday, 5 October" as a time of day alone, and the day it names is lost:
    // the words after the part of the day (the language's part_of_day_before_date) are read again on their own.
    const of = pack.partOfDayBeforeDateRe?.exec(folded.slice(span.start + r.index, span.start + r.index + r.text.length));
    if (of && !r.start.isCertain('day') && !r.start.isCertain('weekday') && calendarWords(pack).test(folded.slice(span.start + r.index + of[0].length, span.start + r.index + r.text.length))) {
      const from = span.start + r.index + of[0].length;
      for (const again of PARSERS[pack.language].parse(raw.slice(from, span.start + r.index + r.text.length), { instant: reference, timezone: 0 })) {
        results.push({ index: from - span.start + again.index, r: again });
      }
      continue;
    }
    results.push({ index: r.index, r });
  }
  for (const { index, r } of results) {
    const start = span.start + index;
    const hit = { start, end: start + r.text.length };
    if (overlaps(hit, covered)) continue;
    const stated: { year?: number; month?: number; day?: number; weekday?: number } = {};
    const year = certain(r, 'year'), month = certain(r, 'month'), day = certain(r, 'day'), weekday = certain(r, 'weekday');
    if (year !== undefined) stated.year = year;
    if (month !== undefined) stated.month = month;
    if (day !== undefined) stated.day = day;
    if (weekday !== undefined) stated.weekday = weekday;
    // chrono fills day/month/year for casual words ("ce soir") from the reference: those are
    // handled above; a match that states no calendar value is a time of day only.
    if (stated.month === undefined && stated.weekday === undefined && stated.year === undefined) continue;
    // Relative spans ("depuis 48 heures", "three weeks ago") state no calendar day: chrono computes one from its reference.
    const matchedText = folded.slice(hit.start, hit.end);
    if (!calendarWords(pack).test(matchedText) && !NUMERIC_DATE.test(matchedText)) continue;
    if (stated.day !== undefined && stated.month === undefined) continue;
    // A bare month name ("march", "mai") is too often a common word to date an event.
    if (stated.month !== undefined && stated.day === undefined && stated.year === undefined) continue;
    const trimmed = trimMention(raw, hit);
    out.push({ ...trimmed, stated, rule: `${pack.language}.date.chrono` });
    covered.push(hit);
  }
  return bareYears(raw, folded, span, pack, covered, out).sort((a, b) => a.start - b.start);
}

/** The earliest year read alone as a date: before it, a four-digit figure is more often a count than a year. */
const FIRST_BARE_YEAR = 1950;

/**
 * A year written alone ("in 2021", "since 2012", "the 2021 attack", "l'attentat de 2016", "en 2016"): a date of year
 * precision, after what names a day or a month (which covers its year). The words that may open it are the language's
 * (year_openers); a figure followed by a plural noun is a count ("in 2000 villages", "de 2000 personnes").
 */
function bareYears(raw: string, folded: string, span: Span, pack: LanguagePack, covered: Span[], out: DateMention[]): DateMention[] {
  const re = pack.bareYearRe;
  re.lastIndex = 0;
  const text = folded.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const year = Number(m.groups!.year);
    if (year < FIRST_BARE_YEAR || year > 2100) continue;
    const start = span.start + m.index + m[0].length - m.groups!.year!.length, hit = { start, end: start + 4 };
    if (overlaps(hit, covered)) continue;
    const next = /^\s+([a-z\u00e0-\u00ff'-]+)/.exec(folded.slice(hit.end, Math.min(span.end, hit.end + 30)))?.[1];
    if (next && /[sx]$/.test(next) && !pack.notCountedAfterYear.has(next)) continue;
    out.push({ ...hit, stated: { year }, rule: `${pack.language}.date.bare-year` });
    covered.push(hit);
  }
  return out;
}

/** A component chrono read in the text, not one it filled in from its reference. */
function certain(r: chrono.ParsedResult, k: chrono.Component): number | undefined {
  return r.start.isCertain(k) ? r.start.get(k) ?? undefined : undefined;
}

const calendarCache = new Map<string, RegExp>();
function calendarWords(pack: LanguagePack): RegExp {
  let re = calendarCache.get(pack.language);
  if (!re) {
    re = new RegExp(`(?<![a-z])(?:${pack.monthRe}|${[...pack.weekdays.keys()].join('|')})(?![a-z])`);
    calendarCache.set(pack.language, re);
  }
  return re;
}

function trimMention(raw: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;.]/.test(raw[start]!)) start++;
  while (end > start && /[\s,;.]/.test(raw[end - 1]!)) end--;
  return { start, end };
}

const enumerationCache = new Map<string, RegExp[]>();
function enumerationPatterns(pack: LanguagePack): RegExp[] {
  let patterns = enumerationCache.get(pack.language);
  if (!patterns) {
    patterns = buildEnumerationPatterns(pack);
    enumerationCache.set(pack.language, patterns);
  }
  return patterns;
}

function buildEnumerationPatterns(pack: LanguagePack): RegExp[] {
  const M = pack.monthRe;
  if (pack.language === 'fr') {
    return [new RegExp(`(?<days>\\d{1,2}(?:er)?(?:\\s*,\\s*\\d{1,2}(?:er)?)*\\s+(?:et|ou)\\s+\\d{1,2}(?:er)?)\\s+(?<month>${M})(?:\\s+(?<year>\\d{4}))?(?![a-z])`, 'g')];
  }
  return [
    new RegExp(`(?<month>${M})\\s+(?<days>\\d{1,2}(?:st|nd|rd|th)?(?:\\s*,\\s*\\d{1,2}(?:st|nd|rd|th)?)*,?\\s+(?:and|or)\\s+\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year>\\d{4}))?(?![a-z])`, 'g'),
    new RegExp(`(?<days>\\d{1,2}(?:st|nd|rd|th)?(?:\\s*,\\s*\\d{1,2}(?:st|nd|rd|th)?)*,?\\s+(?:and|or)\\s+\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>${M})(?:,?\\s+(?<year>\\d{4}))?(?![a-z])`, 'g'),
  ];
}

const unrealCache = new Map<string, RegExp[]>();
/** A day and a month in words, with the weekday before and the year after when there are: "lundi 35 decembre 2023", "December 35, 2023". */
function unrealDatePatterns(pack: LanguagePack): RegExp[] {
  let patterns = unrealCache.get(pack.language);
  if (patterns) return patterns;
  const M = `(?<month>${pack.monthRe})`, W = `(?:(?<weekday>${[...pack.weekdays.keys()].join('|')}),?\\s+)?`;
  const year = '(?:,?\\s+(?<year>\\d{4,6}))?(?!\\d)';
  patterns = pack.language === 'fr'
    ? [new RegExp(`(?<![a-z\\d])${W}(?<day>\\d{1,2})(?:er)?\\s+${M}(?![a-z])(?:\\s+(?<year>\\d{4,6}))?(?!\\d)`, 'g')]
    : [
      new RegExp(`(?<![a-z\\d])${W}${M}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![a-z\\d])${year}`, 'g'),
      new RegExp(`(?<![a-z\\d])${W}(?:the\\s+)?(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${M}(?![a-z])${year}`, 'g'),
    ];
  unrealCache.set(pack.language, patterns);
  return patterns;
}

function dayOffset(matched: string, day: number, base: number): Span {
  const re = new RegExp(`(?<!\\d)0?${day}(?!\\d)`);
  const m = re.exec(matched);
  return m ? { start: base + m.index, end: base + m.index + m[0].length } : { start: base, end: base + matched.length };
}

function overlaps(s: Span, spans: readonly Span[]): boolean {
  return spans.some((o) => s.start < o.end && o.start < s.end);
}

// ---- Resolution ----

const DAY_MS = 86_400_000;

export function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function toDays(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Days since 1970 of a calendar day given in numbers (month 1–12). */
export function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The year of a day counted from 1970. */
export function yearOfDay(days: number): number {
  return new Date(days * DAY_MS).getUTCFullYear();
}

export function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The calendar day a mention points at. `anchor` is the document's date (possibly only a
 * month); `ceiling` is the latest plausible date when no anchor is known (today).
 */
/** The earliest year a date of the text is taken for; the latest is a year after the document's (or today's). */
export const MIN_YEAR = 1900;

/** A resolution that found the text's date unreal (no such day, an implausible year). */
export function isUnreal(r: ResolvedDate): boolean {
  return r.iso === null && r.rule.endsWith(':invalid');
}

export function resolveMention(mention: DateMention, anchor: ResolvedDate | null, ceiling: string): ResolvedDate {
  const { stated } = mention;
  const base = { stated, span: { start: mention.start, end: mention.end } };
  const anchorDay = anchor?.iso && anchor.precision === 'day' ? anchor.iso : null;
  const limitYear = Number((anchor?.iso ?? ceiling).slice(0, 4));
  // No real day, or a year no report of the news is about: no date rather than a wrong one.
  if (mention.unreal) return { ...base, iso: null, precision: null, rule: `${mention.rule}:invalid` };
  if (stated.year !== undefined && (stated.year < MIN_YEAR || stated.year > limitYear + 1)) return { ...base, iso: null, precision: null, rule: `${mention.rule}:invalid` };

  if (mention.relativeDays !== undefined) {
    if (anchorDay && mention.relativePrecision === 'month') {
      // "last month": the calendar month before the anchor's, its first day at month precision.
      const y = Number(anchorDay.slice(0, 4)), m = Number(anchorDay.slice(5, 7));
      return { ...base, iso: m === 1 ? isoDay(y - 1, 12, 1) : isoDay(y, m - 1, 1), precision: 'month', rule: `${mention.rule}+anchor` };
    }
    if (anchorDay) return { ...base, iso: fromDays(toDays(anchorDay) + mention.relativeDays), precision: mention.relativePrecision ?? 'day', rule: `${mention.rule}+anchor` };
    if (anchor?.iso) return { ...base, iso: anchor.iso, precision: anchor.precision, rule: `${mention.rule}+anchor-${anchor.precision}` };
    return { ...base, iso: null, precision: null, rule: `${mention.rule}:no-anchor` };
  }

  if (stated.day !== undefined && stated.month !== undefined) {
    if (stated.year !== undefined) {
      if (!validDay(stated.year, stated.month, stated.day)) return { ...base, iso: null, precision: null, rule: `${mention.rule}:invalid` };
      return { ...base, iso: isoDay(stated.year, stated.month, stated.day), precision: 'day', rule: mention.rule };
    }
    if (stated.weekday !== undefined) {
      // The most recent year, not after the document's context, in which the day falls on that weekday.
      for (let y = limitYear; y > limitYear - 30; y--) {
        if (validDay(y, stated.month, stated.day) && weekdayOf(y, stated.month, stated.day) === stated.weekday) {
          const iso = isoDay(y, stated.month, stated.day);
          if (anchor?.iso && anchor.precision === 'day' && iso > fromDays(toDays(anchor.iso) + 7)) continue;
          return { ...base, iso, precision: 'day', rule: `${mention.rule}+weekday-year` };
        }
      }
      return { ...base, iso: null, precision: null, rule: `${mention.rule}:weekday-mismatch` };
    }
    if (!anchor?.iso) return { ...base, iso: null, precision: null, rule: `${mention.rule}:no-year` };
    // News reports the past: a day-month later than a week after the anchor is last year's.
    let y = Number(anchor.iso.slice(0, 4));
    let iso = isoDay(y, stated.month, stated.day);
    if (toDays(iso) > toDays(anchor.iso) + (anchor.precision === 'day' ? 7 : 40)) iso = isoDay(--y, stated.month, stated.day);
    if (!validDay(y, stated.month, stated.day)) return { ...base, iso: null, precision: null, rule: `${mention.rule}:invalid` };
    return { ...base, iso, precision: 'day', rule: `${mention.rule}+anchor-year` };
  }

  if (stated.weekday !== undefined) {
    if (anchorDay) {
      const back = (weekdayOf(+anchorDay.slice(0, 4), +anchorDay.slice(5, 7), +anchorDay.slice(8, 10)) - stated.weekday + 7) % 7;
      return { ...base, iso: fromDays(toDays(anchorDay) - back), precision: 'day', rule: `${mention.rule}+weekday-before-anchor` };
    }
    if (anchor?.iso) return { ...base, iso: anchor.iso, precision: anchor.precision, rule: `${mention.rule}+weekday-in-anchor-${anchor.precision}` };
    return { ...base, iso: null, precision: null, rule: `${mention.rule}:weekday-no-anchor` };
  }

  if (stated.month !== undefined && stated.year !== undefined) {
    return { ...base, iso: isoDay(stated.year, stated.month, 1), precision: 'month', rule: mention.rule };
  }
  if (stated.year !== undefined) return { ...base, iso: isoDay(stated.year, 1, 1), precision: 'year', rule: mention.rule };
  return { ...base, iso: null, precision: null, rule: `${mention.rule}:unresolved` };
}

export function precisionRank(p: DatePrecision | null): number {
  return p === 'day' ? 0 : p === 'week' ? 1 : p === 'month' ? 2 : p === 'year' ? 3 : 4;
}
