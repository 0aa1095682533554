// The document's own date: from metadata, else the URL, else a header/dateline, else
// inferred from the text (a full date, "mardi 24 octobre" and its weekday, a lead's "lundi"
// after the latest dated fact). A coarse date (a month from the URL or header) is refined by
// the text when the text agrees with it.
import type { CleanedDocument, ResolvedDate, Span, Zone } from '../types.ts';
import type { LanguagePack } from '../extract/lang/index.ts';
import { MIN_YEAR, documentDateMentions, findDateMentions, fromDays, isoDay, resolveMention, toDays, validDay, type DateMention, type DateMentionsOf } from '../extract/dates.ts';
import { splitSentences } from '../text/sentences.ts';
import { AFTER, BEFORE, escapeRegex } from '../text/patterns.ts';
import { DATELINE_NAME } from '../text/dateline.ts';

export interface DocumentDateInput {
  readonly raw: string;
  readonly folded: string;
  readonly cleaned: CleanedDocument;
  readonly published?: string | null;
  readonly url?: string | null;
  readonly pack: LanguagePack | null;
  /** The latest date a document can carry when nothing else bounds it (today). */
  readonly ceiling: string;
  /** The document's date mentions by sentence, shared with the extraction (default: read here). */
  readonly dateMentions?: DateMentionsOf;
}

export function documentDate(input: DocumentDateInput): ResolvedDate {
  const fromMeta = parseIsoish(input.published ?? null, 'docdate.metadata', input.ceiling);
  if (fromMeta?.precision === 'day') return fromMeta;
  // A published date that is no real day ("2023-02-31") or of no plausible year is not the document's: the
  // other sources tell it, and the rule says the metadata was set aside.
  if (input.published?.trim() && !fromMeta) {
    const found = documentDate({ ...input, published: null });
    return { ...found, rule: `${found.rule}+metadata-invalid` };
  }
  const fromUrl = input.url ? dateFromUrl(input.url) : null;
  if (fromUrl?.precision === 'day') return fromUrl;
  const fromHeader = input.cleaned.header ? parseHeader(input.cleaned.header, input.pack?.language ?? 'en', input.ceiling) : null;
  if (fromHeader?.precision === 'day') return fromHeader;
  const coarse = fromMeta ?? fromUrl ?? fromHeader;
  if (!input.pack) return coarse ?? { iso: null, precision: null, rule: 'docdate.none', stated: {} };
  const fromText = dateFromText(input, coarse);
  return fromText ?? coarse ?? { iso: null, precision: null, rule: 'docdate.none', stated: {} };
}

/** A date written YYYY[-MM[-DD]]: null unless it is a real calendar day (month, year) from MIN_YEAR to a year after `ceiling`. */
function parseIsoish(value: string | null, rule: string, ceiling?: string): ResolvedDate | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]), mo = m[2] ? Number(m[2]) : undefined, d = m[3] ? Number(m[3]) : undefined;
  if (y < MIN_YEAR || (ceiling && y > Number(ceiling.slice(0, 4)) + 1)) return null;
  if (mo !== undefined && (mo < 1 || mo > 12)) return null;
  if (d !== undefined && (mo === undefined || !validDay(y, mo, d))) return null;
  if (d !== undefined && mo !== undefined) return { iso: isoDay(y, mo, d), precision: 'day', rule, stated: { year: y, month: mo, day: d } };
  if (mo !== undefined) return { iso: isoDay(y, mo, 1), precision: 'month', rule, stated: { year: y, month: mo } };
  return { iso: isoDay(y, 1, 1), precision: 'year', rule, stated: { year: y } };
}

export function dateFromUrl(url: string): ResolvedDate | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const patterns: [RegExp, string][] = [
    [/\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[^\d])/, 'docdate.url.y-m-d'],
    [/[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/, 'docdate.url.iso'],
    [/\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/, 'docdate.url.ymd'],
  ];
  for (const [re, rule] of patterns) {
    const m = re.exec(path);
    if (m) {
      const r = parseIsoish(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, rule);
      if (r && validCalendarDay(r.iso!)) return r;
    }
  }
  // Some sites put the publication time in the path as Unix seconds: "/1699508478-les-etats-unis-…".
  const epoch = /(?:^|[/_-])(1[0-9]{9})(?=[/_.-]|$)/.exec(path);
  if (epoch) {
    const iso = new Date(Number(epoch[1]) * 1000).toISOString().slice(0, 10);
    if (iso >= '2001-09-09') return { iso, precision: 'day', rule: 'docdate.url.epoch-seconds', stated: {} };
  }
  const month = /\/((?:19|20)\d{2})\/(\d{2})(?:\/|$)/.exec(path);
  return month ? parseIsoish(`${month[1]}-${month[2]}`, 'docdate.url.y-m') : null;
}

function parseHeader(header: string, language: string, ceiling: string): ResolvedDate | null {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(header);
  if (slash) {
    // Day first in French pages, month first in English ones.
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    const [d, mo] = language === 'en' && a <= 12 ? [b, a] : [a, b];
    return parseIsoish(`${slash[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 'docdate.header', ceiling);
  }
  return parseIsoish(header, 'docdate.header', ceiling);
}

function validCalendarDay(iso: string): boolean {
  return fromDays(toDays(iso)) === iso;
}

function dateFromText(input: DocumentDateInput, coarse: ResolvedDate | null): ResolvedDate | null {
  const pack = input.pack!;
  const { raw, folded } = input;
  const zones = input.cleaned.zones;
  const content = zones.filter((z) => z.kind === 'title' || z.kind === 'body' || z.kind === 'dateline' || z.kind === 'byline');
  // The lead: the first paragraphs of the body, where a report tells its news and its day.
  const leadZones = zones.filter((z) => z.kind === 'body').slice(0, 3);
  const mentions: { m: DateMention; zone: Zone }[] = [];
  const dateMentions = input.dateMentions ?? documentDateMentions(raw, folded, pack);
  // Sentence by sentence, as the extraction reads them: each sentence is read once for both.
  for (const zone of content) {
    for (const m of splitSentences(raw, [zone]).flatMap((s) => dateMentions(s))) {
      // "since October 8", "depuis le 7 octobre": the start of a period, not the day of the news.
      if (/(?:since|depuis|from|des le|as of)\s+(?:le\s+|the\s+)?$/.test(folded.slice(Math.max(zone.start, m.start - 15), m.start))) continue;
      mentions.push({ m, zone });
    }
  }

  // Full dates the text states or implies by weekday, bounded by the coarse date when there is one.
  const dated: ResolvedDate[] = [];
  for (const { m } of mentions) {
    if (m.stated.day === undefined || m.stated.month === undefined) continue;
    if (m.stated.year === undefined && m.stated.weekday === undefined && !coarse) continue;
    const r = resolveMention(m, coarse, input.ceiling);
    if (!r.iso || r.precision !== 'day') continue;
    if (coarse?.iso && !withinCoarse(r.iso, coarse)) continue;
    if (r.iso > input.ceiling) continue;
    dated.push(r);
  }
  const leadWeekday = mentions.find(({ m, zone }) => leadZones.includes(zone) && isBareWeekday(m))?.m.stated.weekday;
  // "les accrochages … durant toute la journée d'hier": a lead that tells its news as yesterday's.
  const leadYesterday = mentions.some(({ m, zone }) => leadZones.includes(zone) && m.relativeDays === -1);

  if (dated.length) {
    const latest = dated.reduce((a, b) => (b.iso! > a.iso! ? b : a));
    // A report is dated on or after every day it names: a caption date that the body corroborates
    // (its weekday, its year) and that is later than every date of the text is the report's.
    if (leadWeekday !== undefined) {
      const corroborated = captionDate(input, leadWeekday);
      if (corroborated?.iso && corroborated.iso > latest.iso!) return corroborated;
    }
    // The lead's weekday ("a rapporté lundi") names the day of the news, on or after the latest dated fact.
    if (leadWeekday !== undefined) {
      for (let k = 0; k <= 6; k++) {
        const iso = fromDays(toDays(latest.iso!) + k);
        if (new Date(`${iso}T00:00:00Z`).getUTCDay() === leadWeekday) {
          return { ...latest, iso, rule: k === 0 ? `docdate.text.latest-date` : 'docdate.text.lead-weekday-after-latest-date' };
        }
      }
    }
    // A report that tells its news as yesterday's is of the day after it: the day after the latest dated fact.
    if (leadWeekday === undefined && leadYesterday) {
      const iso = fromDays(toDays(latest.iso!) + 1);
      if (iso <= input.ceiling) return { ...latest, iso, rule: 'docdate.text.lead-yesterday-after-latest-date' };
    }
    return { ...latest, rule: 'docdate.text.latest-date' };
  }

  // A day and month with no year, and the lead's weekday: the most recent year where they agree.
  if (leadWeekday !== undefined) {
    const dayMonth = mentions.find(({ m, zone }) => (zone === leadZones[0] || zone.kind === 'dateline') && m.stated.day !== undefined && m.stated.month !== undefined && m.stated.year === undefined);
    if (dayMonth) {
      // "mardi 31 octobre": a day that states its own weekday keeps it; the lead's bare weekday ("Mercredi, …")
      // may be another day's.
      const own = dayMonth.m.stated.weekday;
      const found = resolveMention({ ...dayMonth.m, stated: { ...dayMonth.m.stated, weekday: own ?? leadWeekday } }, coarse, input.ceiling);
      // "depuis l'attaque … le 7 octobre dernier" in a report of "2023-11": a day outside the header's month is not the report's.
      const r = found.iso && coarse?.iso && !withinCoarse(found.iso, coarse) ? { ...found, iso: null } : found;
      if (r.iso && own !== undefined && own !== leadWeekday) {
        // Its year found, the report is of the first day after it with the lead's weekday, as above.
        for (let k = 1; k <= 6; k++) {
          const iso = fromDays(toDays(r.iso) + k);
          if (new Date(`${iso}T00:00:00Z`).getUTCDay() === leadWeekday && iso <= input.ceiling) return { ...r, iso, rule: 'docdate.text.lead-weekday-after-latest-date' };
        }
      }
      if (r.iso) return { ...r, rule: 'docdate.text.day-month-with-lead-weekday' };
    }
    // A caption's full date, corroborated by the body's weekday and a year the body names.
    const corroborated = captionDate(input, leadWeekday);
    if (corroborated) return corroborated;
    if (coarse?.precision === 'month') return { ...coarse, rule: `${coarse.rule}+lead-weekday` };
  }
  return null;
}

function isBareWeekday(m: DateMention): boolean {
  return m.stated.weekday !== undefined && m.stated.day === undefined && m.relativeDays === undefined;
}

function withinCoarse(iso: string, coarse: ResolvedDate): boolean {
  if (!coarse.iso) return true;
  if (coarse.precision === 'month') return iso.slice(0, 7) === coarse.iso.slice(0, 7);
  if (coarse.precision === 'year') return iso.slice(0, 4) === coarse.iso.slice(0, 4);
  return true;
}

/** The place a dateline in the lead opens with ("ALMA Al-SHAAB, Lebanon —", "GAO (AFP) -"), folded; null when none. */
function datelinePlace(input: DocumentDateInput): string | null {
  for (const zone of input.cleaned.zones.filter((z) => z.kind === 'body' || z.kind === 'dateline').slice(0, 3)) {
    const name = DATELINE_NAME.exec(input.folded.slice(zone.start, Math.min(zone.end, zone.start + 80)))?.[1];
    if (name) return name;
  }
  return null;
}

function captionDate(input: DocumentDateInput, weekday: number): ResolvedDate | null {
  const pack = input.pack!;
  const bodyText = input.cleaned.zones.filter((z) => z.kind === 'body').map((z) => input.raw.slice(z.start, z.end)).join(' ');
  const years = new Set(bodyText.match(/\b(?:19|20)\d{2}\b/g) ?? []);
  // A caption that names the place the report is filed from shows the story's scene, not an archive picture.
  const place = datelinePlace(input);
  const placeRe = place === null ? null : new RegExp(`${BEFORE}${escapeRegex(place)}${AFTER}`);
  for (const zone of input.cleaned.zones.filter((z) => z.kind === 'caption')) {
    const ofTheScene = placeRe !== null && placeRe.test(input.folded.slice(zone.start, zone.end));
    for (const m of findDateMentions(input.raw, input.folded, zone as Span, pack)) {
      if (m.stated.year === undefined || m.stated.month === undefined || m.stated.day === undefined) continue;
      if (!years.has(String(m.stated.year)) && !ofTheScene) continue;
      const iso = isoDay(m.stated.year, m.stated.month, m.stated.day);
      if (new Date(`${iso}T00:00:00Z`).getUTCDay() === weekday) {
        const rule = years.has(String(m.stated.year)) ? 'docdate.caption-corroborated-by-weekday-and-year' : 'docdate.caption-corroborated-by-weekday-and-dateline';
        return { iso, precision: 'day', rule, stated: m.stated, span: { start: m.start, end: m.end } };
      }
    }
  }
  return null;
}
