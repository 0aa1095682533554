// Classifiers: what each sentence mentions (triggers, weapons, actors, casualties, claims,
// cited sources). Each mention keeps its span and the id of the rule that found it.
import type { ParsedSentence, Word } from '../syntax/types.ts';
import { victimsOnParse } from './syntax-victims.ts';
import { caseMarker, headWordIn } from './syntax-roles.ts';
import { baseRelation, children, headOf, subtree, subtreeSpan } from '../syntax/tree.ts';
import { readFileSync } from 'node:fs';
import type { Language, Span, Weapon } from '../types.ts';
import { fold } from '../text/fold.ts';
import { BEFORE, AFTER, WORD_CHAR, allMatches, alternation, hasMatch, phraseSource, type Match } from '../text/patterns.ts';
import type { LanguagePack, TriggerKind } from './lang/index.ts';

export interface TriggerMention extends Span {
  readonly kind: TriggerKind;
  readonly weapon: Weapon | null;
  readonly rule: string;
  /** Why it was set aside (threat, statistic, period), when it was. */
  readonly suppressedBy?: string;
}

/** A trigger found before the checks that may set it aside. */
export type TriggerFound = Omit<TriggerMention, 'suppressedBy'>;

/**
 * The sentence's triggers: those of the lexicon's patterns, and those `more` reads another way (off the parse) given
 * the patterns' own; each then checked for what sets it aside (a statistic, a period, a threat, a framing…).
 */
export function findTriggers(folded: string, span: Span, pack: LanguagePack,
  { more = () => [], raw, parse }: { more?: (found: readonly TriggerFound[]) => readonly TriggerFound[]; raw?: string; parse?: () => ParsedSentence } = {}): TriggerMention[] {
  const matches = pack.triggerSet.allMatches(folded, span.start, span.end);
  const patterned: TriggerFound[] = pack.triggers.flatMap((t, k) => matches[k]!.map((m) => ({ start: m.start, end: m.end, kind: t.kind, weapon: t.weapon, rule: t.id })));
  const found = [...patterned, ...more(patterned)];
  // A sentence with no trigger (a third of an article's) is not searched for what would suppress one.
  if (!found.length) return [];
  const out: TriggerMention[] = [];
  const text = folded.slice(span.start, span.end);
  const daysOfMonth = text.match(daysOfMonthRe(pack))?.length ?? 0;
  const namesDay = hasMatch(pack.weekdayRe, text) || daysOfMonth > 0;
  // A day beside the one a period starts from: a weekday, or a second day of a month.
  const ownDay = hasMatch(pack.weekdayRe, text) || daysOfMonth > 1;
  const suppressors = [
    ...allMatches(pack.statisticRe, folded, span.start, span.end).map((m) => ({ ...m, why: 'statistic' })),
    // "A total of 51 people were killed in the strike on X on 5 October": a total told with its day is one event's toll,
    // not a sum over a period ("a total of 835 operations from June 19 to June 28").
    ...allMatches(pack.periodRe, folded, span.start, span.end).filter((m) => !(namesDay && daysOfMonth <= 1 && TOTAL_CUE.test(m.text)))
      .filter((m) => !spatialOrigin(folded, raw, m, pack))
      // "since morning", "depuis l'aube": a period of the day itself tells one event going on, not a summary.
      .filter((m) => !pack.dayPartAfterPeriodRe.test(folded.slice(m.end, m.end + 30))).map((m) => ({ ...m, why: 'period' })),
    // "pour soutenir les récentes attaques contre les bases": a campaign; "recent Israeli strikes killed five people on
    // 5 March" tells its own toll and day, and is an event.
    ...campaignCues(folded, span, pack, namesDay || /\d/.test(text)).map((m) => ({ ...m, why: 'period' })),
    // "15 fatalities split across 5 events": a toll shared out, not a group that splits.
    ...allMatches(pack.tollDistributedRe, folded, span.start, span.end).map((m) => ({ ...m, why: 'statistic' })),
  ];
  const frequencies = allMatches(pack.frequencyRe, folded, span.start, span.end);
  const framings = framingSpans(folded, span, pack, parse);
  const threats = allMatches(pack.threatRe, folded, span.start, span.end);
  const futures = allMatches(pack.threatAfterRe, folded, span.start, span.end);
  const demands = allMatches(pack.demandRe, folded, span.start, span.end);
  // A period or statistic that opens the sentence ("Depuis l'assassinat…", "Au cours des deux derniers mois…") frames all of it.
  const opening = suppressors.find((s) => s.start - span.start <= 3);
  // A period ("since", "depuis") in a sentence that names no day is a summary of many events, not one.
  // A period inside a relative clause set off by commas before the trigger describes the clause's noun, not the act
  // told after it ("The RSF, who have besieged the city since May, shelled a market").
  // Only for an act told on a day ("…, shelled a market on Sunday"), and only when no act stands before the clause: "Les
  // attaques, qui se sont multipliées depuis janvier, ont tué 300 civils" sums up the attacks the clause describes.
  const aside = (s: Span, m: Span) => namesDay && inRelativeAsideBefore(folded, span, s, m, pack) && !found.some((t) => t.end <= folded.lastIndexOf(',', s.start));
  const reaching = (m: Span) => suppressors.filter((s) => !aside(s, m));
  const undatedPeriod = (m: Span) => !namesDay && reaching(m).some((s) => s.why === 'period' && /^(?:since|depuis|au cours d|over the (?:past|last)|so far|to date|in total|au total)/.test(folded.slice(s.start, s.end)));
  {
    for (const m of found) {
      let suppressedBy: string | undefined = opening && sameClause(folded, opening.end, m.start) ? `${pack.language}.suppress.${opening.why}-opening`
        : undatedPeriodRule(undatedPeriod(m), pack.language);
      for (const s of suppressedBy ? [] : reaching(m)) {
        // A statistic or period phrase that covers the trigger or stands just before it in its clause.
        if ((s.start <= m.start && s.end >= m.start) || (s.end <= m.start && m.start - s.end <= 30 && sameClause(folded, s.end, m.start))) {
          suppressedBy = `${pack.language}.suppress.${s.why}`;
          break;
        }
      }
      if (!suppressedBy && framings.some((f) => m.start >= f.start && m.start < f.end)) suppressedBy = `${pack.language}.suppress.framing`;
      // "More than 30,000 people have been killed in Gaza since October 7", "ont été tuées depuis le 7 octobre": what has
      // happened from a date up to now is a running total over many events, not one; unless the sentence gives a day of
      // its own ("were killed on Monday, the deadliest since October 7").
      if (!suppressedBy && !ownDay && (pack.perfectBeforeRe.test(folded.slice(Math.max(span.start, m.start - 25), m.start)) || pack.perfectStartRe.test(folded.slice(m.start, m.end)))
        && pack.sinceAfterRe.test(folded.slice(m.end, span.end))) suppressedBy = `${pack.language}.suppress.running-total`;
      if (!suppressedBy && frequencies.some((f) => !aside(f, m) && gapBetween(f, m) <= 40 && sameClause(folded, Math.min(f.start, m.end), Math.max(f.start, m.end)))) {
        suppressedBy = `${pack.language}.suppress.frequency`;
      }
      if (!suppressedBy) {
        // "whether the pirates who abducted seven sailors…": a relative clause between the cue and the trigger tells
        // what its noun did, outside the doubt or the threat.
        const threat = threats.find((s) => s.end <= m.start + 1 && m.start - s.end <= 60 && sameClause(folded, s.end, m.start) && !relativeBetween(folded, s.end, m.start, pack));
        if (threat) suppressedBy = `${pack.language}.suppress.threat`;
        // "calling for an immediate ceasefire": the trigger is what is asked for, a few words after the call.
        else if (demands.some((d) => d.end <= m.start && m.start - d.end <= DEMAND_REACH && !/[,;:.]/.test(folded.slice(d.end, m.start)))) suppressedBy = `${pack.language}.suppress.demand`;
        else if (futures.some((f) => f.start >= m.end && f.start - m.end <= 50 && sameClause(folded, m.end, f.start))) suppressedBy = `${pack.language}.suppress.future`;
      }
      // "Le procès de l'attentat de Bamako s'est ouvert", "the trial of the 2016 attack", "a debate on the attack": an
      // event named as what a trial, an anniversary or a debate is about is a reference, not news.
      if (!suppressedBy && parse && referencedEvent(parse(), m, pack)) suppressedBy = `${pack.language}.suppress.reference`;
      // "A storm killed three people", "tués par la foudre", "died in floods": deaths of nature, no one's act.
      if (!suppressedBy && m.kind === 'killing' && parse && naturalCause(parse(), m, pack)) suppressedBy = `${pack.language}.suppress.natural-hazard`;
      out.push({ ...m, ...(suppressedBy ? { suppressedBy } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether an event noun is the of- or on-phrase of a noun of reference (a trial, an anniversary, a debate). */
function referencedEvent(s: ParsedSentence, trigger: Span, pack: LanguagePack): boolean {
  const event = headWordIn(s, trigger);
  if (!event || event.upos !== 'NOUN' || baseRelation(event.deprel) !== 'nmod') return false;
  const lex = pack.syntaxRoles;
  const marker = caseMarker(s, event);
  if (marker === null || !(lex.genitiveMarkers.has(marker) || lex.referenceMarkers.has(marker))) return false;
  const head = headOf(s, event);
  if (!head || head.upos !== 'NOUN' || !lex.referenceNouns.has(fold(head.lemma.toLowerCase()))) return false;
  // An event the phrase dates or tells ("le débat sur l'attaque de dimanche, qui a coûté la vie à 20 soldats", "the
  // film of the massacre … on Saturday") is news told through the reference.
  const inside = subtree(s, event);
  const dated = inside.some((w) => pack.weekdays.has(fold(w.form.toLowerCase())) || pack.months.has(fold(w.form.toLowerCase())));
  const told = inside.some((w) => w.id !== event.id && baseRelation(w.deprel) === 'acl');
  return !dated && !told;
}

/** Whether a killing word's subject, agent or cause ("in floods", "par la foudre") is a natural hazard or an accident. */
function naturalCause(s: ParsedSentence, trigger: Span, pack: LanguagePack): boolean {
  const verb = headWordIn(s, trigger);
  if (!verb || verb.upos !== 'VERB') return false;
  const named = (w: Word) => pack.naturalHazards.has(fold(w.lemma.toLowerCase())) || pack.naturalHazards.has(fold(w.form.toLowerCase()));
  // "A storm of gunfire", "the rain of missiles": a hazard's noun with an of-phrase is a figure of speech.
  // (Only an of-phrase of weapons or violence: "the earthquake of February 6", "les inondations du fleuve" are nature's.)
  const figurative = (w: Word) => children(s, w, 'nmod').some((x) => pack.figurativeOf.has(fold(x.lemma.toLowerCase()))
    && pack.syntaxRoles.genitiveMarkers.has(caseMarker(s, x) ?? ''));
  // "Storm Daniel": the hazard's noun may be a word of the name.
  const hazard = (w: Word) => (named(w) || children(s, w, 'compound', 'flat', 'appos').some(named)
    || (baseRelation(w.deprel) === 'flat' && !!headOf(s, w) && named(headOf(s, w)!))) && !figurative(w);
  // A headline's "Floods killed 12" / "Gunmen killed 12" may be read as a noun the participle describes: that noun is
  // the subject, and so is the noun a relative pronoun stands for ("Floods that killed 40", "les inondations, qui ont tué").
  const described = baseRelation(verb.deprel) === 'acl' ? headOf(s, verb) : null;
  let subject = children(s, verb).find((w) => w.deprel === 'nsubj') ?? described ?? undefined;
  if (subject && subject.upos === 'PRON' && described) subject = described;
  // A verb with a subject of its own that is no hazard tells someone's act, whatever the weather ("Gunmen killed 12
  // villagers during a storm").
  if (subject && !hazard(subject)) return false;
  const phrases = [...children(s, verb, 'nsubj', 'obl', 'nmod'), ...(described ? [described] : [])];
  // The phrase's head, or a word the parse hung on it ("par la foudre mardi": "foudre" read as an adjective of "mardi").
  return phrases.some((p) => hazard(p) || children(s, p, 'amod', 'compound', 'flat').some(hazard));
}

/**
 * "tirés depuis la rive gauche", "lancés depuis le Yémen": a word of a period that also tells where from (the language's
 * origin_or_period words) names an origin when a place follows it: a noun of place, or a name (capitalised, no month).
 */
function spatialOrigin(folded: string, raw: string | undefined, m: Span & { text: string }, pack: LanguagePack): boolean {
  if (!pack.originOrPeriod.has(m.text)) return false;
  const after = folded.slice(m.end, m.end + 40);
  if (pack.originPlaceNounRe.test(after)) return true;
  if (raw === undefined) return false;
  const from = m.end + (pack.leadingArticleRe.exec(after)?.[0].length ?? 0);
  const name = /^\p{Lu}[\p{L}'’-]*/u.exec(raw.slice(from, from + 40))?.[0];
  return !!name && !pack.months.has(fold(name)) && !pack.weekdays.has(fold(name));
}

/** Whether a cue lies inside a relative clause that a comma opens before it and another closes before the trigger:
 *  ", who have besieged the city since May, | shelled", ", qui contrôlent la ville depuis des mois, | ont attaqué". */
function inRelativeAsideBefore(folded: string, sentence: Span, cue: Span, trigger: Span, pack: LanguagePack): boolean {
  if (cue.end > trigger.start) return false;
  const opening = folded.lastIndexOf(',', cue.start);
  if (opening < sentence.start) return false;
  const closing = folded.indexOf(',', cue.end);
  return closing >= 0 && closing < trigger.start && pack.relativeStartRe.test(folded.slice(opening + 1, opening + 17));
}

/** The text before a munition's phrase leaves it the clause's subject: nothing or a comma before its article ("A Russian
 *  missile hit"); not the object of a verb or of "with" ("Ukraine fired a US missile", "a frappé avec des missiles
 *  américains"). */
function munitionIsSubject(pack: LanguagePack, before: string): boolean {
  if (!pack.articleEndRe.test(before)) return false;
  const rest = before.replace(/\S+\s*$/, '').trimEnd();
  return rest === '' || /[,;:]$/.test(rest);
}

/** Whether a word names a munition fired from afar (a missile, a rocket, a shell, a drone), not a mine or a bomb left behind. */
function firedFromAfar(pack: LanguagePack, word: string): boolean {
  return word !== '' && pack.munitions.some(({ weapon, re }) => weapon !== 'ied' && hasMatch(re, word));
}

/** A trigger that opens a relative clause between two points: "… the group of pirates who | abducted", with at most
 *  an auxiliary or an adverb between ("who had abducted"); not a verb further on ("the soldiers who were deployed
 *  there attacked"), which is the main clause's. */
function relativeBetween(folded: string, from: number, to: number, pack: LanguagePack): boolean {
  for (let i = folded.indexOf(' ', from); i >= 0 && i < to; i = folded.indexOf(' ', i + 1)) {
    const pronoun = pack.relativeStartRe.exec(folded.slice(i, i + 16));
    if (pronoun && folded.slice(i + pronoun[0].length, to).split(/\s+/).filter(Boolean).length <= RELATIVE_REACH) return true;
  }
  return false;
}

/** How many words may stand between a relative pronoun and the verb of its clause ("who | had already | abducted"). */
const RELATIVE_REACH = 2;

/** How far after a call its object may begin: a determiner and an adjective or two ("for an immediate, lasting"). */
const DEMAND_REACH = 25;

/** A framing phrase runs to its comma: "En réponse aux frappes israéliennes sur Gaza, le groupe a tiré…", and on
 *  through a relative clause that hangs on its last noun, to the end of the clause ("… dans la bande de Gaza, où
 *  plus de 10 800 Palestiniens, pour la plupart des femmes, ont été tués"). */
export function framingSpans(folded: string, span: Span, pack: LanguagePack, parse?: () => ParsedSentence): Span[] {
  return allMatches(pack.framingRe, folded, span.start, span.end).map((f) => {
    const bounded = framedTo(folded, span, f, pack);
    // "Militants based in Somalia killed three people in Garissa", "a ship owned by an Israeli firm was hit": a participle
    // that describes a noun frames its own phrase only, which the tree bounds; the verb after it is the sentence's.
    if (!parse || !pack.descriptiveFraming.has(f.text)) return bounded;
    const s = parse(), w = headWordIn(s, f);
    if (!w || !['acl', 'amod'].includes(baseRelation(w.deprel))) return bounded;
    return { start: f.start, end: Math.min(bounded.end, Math.max(f.end, subtreeSpan(s, w).end)) };
  });
}

/** How far a framing cue reaches with no parse: to its comma (through a relative clause opened after it), or 60
 *  characters. */
function framedTo(folded: string, span: Span, f: Span, pack: LanguagePack): Span {
  const comma = folded.slice(f.end, span.end).search(/[,;:]/);
  if (comma < 0) return { start: f.start, end: Math.min(span.end, f.end + 60) };
  const end = f.end + comma;
  if (folded[end] !== ',' || !pack.relativeStartRe.test(folded.slice(end + 1, end + 16))) return { start: f.start, end };
  const stop = folded.slice(end, span.end).search(/[;:]/);
  return { start: f.start, end: stop < 0 ? span.end : end + stop };
}

/** "according to the health ministry of the Hamas government, which has run Gaza since 2007, | the bombing …", "selon
 *  l'armée malienne, | …", "…, according to the Houthis.": an attribution runs to its comma (or the sentence's end), and
 *  on through a relative clause set off after its last noun, to that clause's own comma. */
export function attributionSpans(folded: string, span: Span, pack: LanguagePack): Span[] {
  const stop = (from: number) => {
    const k = folded.slice(from, span.end).search(/[,;:]/);
    return k < 0 ? span.end : from + k;
  };
  return allMatches(pack.sideAsSourceRe, folded, span.start, span.end)
    // "selon toute vraisemblance", "selon lesquelles", "according to which": no one is cited.
    .filter((cue) => !pack.notAttributionAfterRe.test(folded.slice(cue.end, cue.end + 16)))
    .map((cue) => {
      let end = stop(cue.end);
      // With no comma to close it, an attribution that no comma sets off before it either (", according to the army.") is
      // its cue and the noun after it: "According to the army al-Shabaab fighters attacked …".
      if (end === span.end && !/,\s*$/.test(folded.slice(Math.max(span.start, cue.start - 3), cue.start))) {
        const rest = folded.slice(cue.end, span.end);
        const article = pack.leadingArticleRe.exec(rest)?.[0].length ?? 0;
        return { start: cue.start, end: cue.end + article + (/^[^\s,.;:]*/.exec(rest.slice(article))?.[0].length ?? 0) };
      }
      while (end < span.end && folded[end] === ',' && pack.relativeStartRe.test(folded.slice(end + 1, end + 17))) end = stop(end + 1);
      return { start: cue.start, end };
    });
}

/** The cues of a sum ("in total", "a total of", "au total"): a summary, unless the sentence names its day. */
const TOTAL_CUE = /\btotal\b/;

function undatedPeriodRule(undatedPeriod: boolean, language: string): string | undefined {
  return undatedPeriod ? `${language}.suppress.undated-period-summary` : undefined;
}

/** The characters between two spans (0 when they overlap). */
export function gapBetween(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}

function sameClause(folded: string, from: number, to: number): boolean {
  return !/[.;!?]|\s-\s/.test(folded.slice(from, to));
}

export interface WeaponMention extends Span {
  readonly weapon: Weapon;
  readonly rule: string;
}

export function findWeapons(folded: string, span: Span, pack: LanguagePack): WeaponMention[] {
  const out: WeaponMention[] = [];
  const matches = pack.weaponSet.allMatches(folded, span.start, span.end);
  for (const [k, { weapon }] of pack.weapons.entries()) {
    for (const m of matches[k]!) out.push({ start: m.start, end: m.end, weapon, rule: `${pack.language}.weapon.${weapon}` });
  }
  // A longer, more specific weapon covers a shorter one: "missile balistique" is not also "missile".
  const kept = longestOnly(out);
  // "drones chargés d'explosifs", "explosive-laden drones": the explosive is what the drone carried.
  return kept.filter((w) => w.weapon !== 'explosive' || !kept.some((c) => CARRIERS.has(c.weapon)
    && ((c.end <= w.start && w.start - c.end <= PAYLOAD_GAP && pack.payloadAfterCarrierRe.test(folded.slice(c.end, w.start)))
      || (w.end <= c.start && c.start - w.end <= PAYLOAD_GAP && pack.payloadBeforeCarrierRe.test(folded.slice(w.end, c.start))))));
}

/** Weapons that carry an explosive charge to their target. */
const CARRIERS: ReadonlySet<Weapon> = new Set(['drone', 'missile', 'ballistic_missile', 'rocket']);
/** How far a payload stands from the weapon that carries it ("drones | chargés d' | explosifs"). */
const PAYLOAD_GAP = 25;

/** The spans no longer span covers: "missile balistique" is not also "missile", "mortar shells" not also "shells". */
export function longestOnly<T extends Span>(spans: readonly T[]): T[] {
  return spans.filter((w) => !spans.some((o) => o !== w && o.start <= w.start && o.end >= w.end && o.end - o.start > w.end - w.start));
}

// ---- Actors ----

interface ActorRow {
  canonical: string; kind: string; fr?: string[]; en?: string[]; ar?: string[];
  /** Aliases that name this side only in a document about one of these countries ("FDS": the SDF in Syria, a Sahel
   *  state's defence and security forces elsewhere). */
  context_aliases?: Record<string, string[]>;
}
interface ActorData { actors: ActorRow[]; state_nouns: Record<string, Record<string, string[]>> }

export interface ActorMention extends Span {
  readonly canonical: string;
  readonly kind: string;
  /** How it was found: an alias, a nationality on a military noun, a nationality on an attack noun. */
  readonly via: 'alias' | 'military-noun' | 'attack-noun' | 'police-noun';
  readonly rule: string;
  /** The countries a document must be about for the alias to name this side (ActorRow.context_aliases). */
  readonly onlyIn?: readonly string[];
}

const actorData = JSON.parse(readFileSync(new URL('./actors.json', import.meta.url), 'utf8')) as ActorData;
const aliasMatchers = new Map<Language, { re: RegExp; byKey: Map<string, ActorRow>; longest: number }>();

function aliasMatcher(language: Language) {
  let m = aliasMatchers.get(language);
  if (!m) {
    const byKey = new Map<string, ActorRow>();
    const phrases: string[] = [];
    for (const a of actorData.actors) {
      for (const alias of [...(a[language] ?? []), ...(a.ar ?? [])]) {
        const key = normalizeAlias(alias);
        if (!byKey.has(key)) byKey.set(key, a);
        phrases.push(alias);
      }
    }
    // Short all-caps aliases (IS, EI, PMF) must be matched with their case, on the raw text.
    const sources = [...new Set(phrases)].sort((a, b) => b.length - a.length).map((p) => phraseSource(p));
    // The longest an alias may run in a text: its length, each space written as a run of spaces or hyphens.
    const longest = Math.max(0, ...phrases.map((p) => 2 * p.length));
    m = { re: new RegExp(`${BEFORE}${alternation(sources)}${AFTER}`, 'g'), byKey, longest };
    aliasMatchers.set(language, m);
  }
  return m;
}

const policeMatchers = new Map<Language, RegExp>();

/** Police nouns of a language ("police", "gendarmes"): state forces that are police, not army. */
function policeRe(language: Language): RegExp {
  let re = policeMatchers.get(language);
  if (!re) {
    re = new RegExp(`${BEFORE}(?:${(actorData.state_nouns.police?.[language] ?? []).map((p) => phraseSource(p)).join('|')})${AFTER}`);
    policeMatchers.set(language, re);
  }
  return re;
}

const dayOfMonthMatchers = new Map<Language, RegExp>();

/** A day of a month, "12 march" or "march 12": a sentence that names one dates its event. */
/** Every day of a month a text names ("5 October", "October 5"), global: read with String.match only. */
function daysOfMonthRe(pack: LanguagePack): RegExp {
  let re = dayOfMonthMatchers.get(pack.language);
  if (!re) {
    re = new RegExp(`\\d{1,2}(?:er|st|nd|rd|th)? (?:${pack.monthRe})|(?:${pack.monthRe}) \\d{1,2}(?!\\d)`, 'g');
    dayOfMonthMatchers.set(pack.language, re);
  }
  return re;
}

function normalizeAlias(s: string): string {
  return fold(s).replace(/[\s'-]+/g, ' ').replace(/^(?:l |the )/, '').trim();
}

/** A campaign's cues ("les récentes attaques"), unless the sentence names a day or a count of more than one (a toll's:
 *  "five", "cinq"; "un centre", "a base" count nothing). The count is looked for only where a cue stands. */
function campaignCues(folded: string, span: Span, pack: LanguagePack, dayOrDigit: boolean): Match[] {
  if (dayOrDigit) return [];
  const cues = allMatches(pack.campaignRe, folded, span.start, span.end);
  if (!cues.length || allMatches(pack.numberRe, folded, span.start, span.end).some((m) => (pack.numbers.get(m.text) ?? 0) > 1)) return [];
  return cues;
}

/** "pro-" just before a name: a side that sides with it ("pro-Hezbollah", "pro-iraniennes", "pro-Russian"). */
const PRO_BEFORE = /(?:^|[^a-z])pro-\s?$/;

/** "le groupe État islamique au Sahel": an alias that starts inside a match, at a word, and runs past it is the longer
 *  name ("État islamique au Sahel" inside "groupe État islamique"), which the leftmost match alone would cut. */
function longerAliases(matcher: { re: RegExp; longest: number }, folded: string, span: Span, matches: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const m of matches) {
    let kept = m;
    // Each word start inside the match, tried on a window of the longest alias's length past it: bounded work.
    for (let p = m.start + 1; p < m.end; p++) {
      if (WORD_CHAR.test(folded[p - 1] ?? '') || !WORD_CHAR.test(folded[p] ?? '')) continue;
      const x = allMatches(matcher.re, folded, p, Math.min(span.end, p + matcher.longest))[0];
      if (x && x.start === p && x.end > kept.end) kept = x;
    }
    if (out.some((o) => kept.start < o.end)) continue;
    out.push(kept);
  }
  return out;
}

export function findActors(raw: string, folded: string, span: Span, pack: LanguagePack, countryActor: (country: string, police: boolean) => string): ActorMention[] {
  const out: ActorMention[] = [];
  const matcher = aliasMatcher(pack.language);
  const { re, byKey } = matcher;
  for (const m of longerAliases(matcher, folded, span, allMatches(re, folded, span.start, span.end))) {
    const row = byKey.get(normalizeAlias(m.text));
    if (!row) continue;
    const rawText = raw.slice(m.start, m.end);
    // Acronyms of two or three letters must be written in capitals ("EI", "IS"), not "ei"/"is".
    if (/^[a-z]{2,3}$/i.test(rawText.replace(/[.\s]/g, '')) && rawText !== rawText.toUpperCase()) continue;
    // "pro-Hezbollah fighters": those who side with a group are not the group.
    if (PRO_BEFORE.test(folded.slice(Math.max(span.start, m.start - 5), m.start))) continue;
    const onlyIn = row.context_aliases?.[rawText];
    out.push({ start: m.start, end: m.end, canonical: row.canonical, kind: row.kind, via: 'alias', rule: `${pack.language}.actor.alias`, ...(onlyIn ? { onlyIn } : {}) });
  }
  // State forces written through a nationality: "forces américaines", "US troops", "frappe aérienne américaine".
  const police = policeRe(pack.language);
  // "sur le territoire syrien", "on Iraqi soil": the country's ground, not its forces.
  const territories = allMatches(pack.nationalTerritoryRe, folded, span.start, span.end);
  for (const nat of allMatches(pack.nationalityRe, folded, span.start, span.end)) {
    const country = pack.nationality.get(nat.text.replace(/\s+/g, ' '));
    if (!country || territories.some((t) => t.start <= nat.start && nat.end <= t.end)) continue;
    if (out.some((o) => nat.start < o.end && o.start < nat.end)) continue;
    const before = folded.slice(Math.max(span.start, nat.start - 45), nat.start);
    const after = folded.slice(nat.end, Math.min(span.end, nat.end + 30));
    // "Turkey-backed opposition forces", "Iran-aligned militias", "pro-Iranian militias": forces a state backs are not its own.
    if (pack.backedAfterRe.test(after) || PRO_BEFORE.test(before)) continue;
    const lastWords = (s: string, n: number) => s.split(/\s+/).filter(Boolean).slice(-n).join(' ');
    const firstWords = (s: string, n: number) => s.split(/\s+/).filter(Boolean).slice(0, n).join(' ');
    // French puts the nationality after its noun ("frappe aérienne américaine"), English before ("US strikes").
    const near = pack.language === 'fr' ? lastWords(before, 4) : firstWords(after, 3);
    const closest = pack.language === 'fr' ? lastWords(before, 2) : firstWords(after, 2);
    const far = pack.language === 'fr' ? firstWords(after, 2) : lastWords(before, 2);
    let via: ActorMention['via'] | null = null;
    // A state, or its forces, as the subject of an attack verb: the attack is that state's.
    const countryAsSubject = pack.stateSubjectAfterRe.test(after);
    if (police.test(near) || police.test(far)) via = 'police-noun';
    else if (countryAsSubject) via = 'attack-noun';
    // "frappe de drone israélienne": the attack noun and its bare complement are one noun, whose nationality it is.
    else if (allMatches(pack.attackNounClassifierRe, near).some((m) => m.end === near.length)) via = 'attack-noun';
    else if (hasMatch(pack.milNounRe, closest)) via = 'military-noun';
    else if (hasMatch(pack.attackNounRe, closest)) via = 'attack-noun';
    // "A Russian missile hit Kharkiv", "un missile russe a frappé": a munition fired from afar, the subject of its clause, is
    // the nationality's blow ("Iranian-made drones" are not: a hyphen makes the nationality the maker's; nor "Ukraine
    // fired US missiles", whose munition is the object). A mine or a bomb left behind is no one's in particular.
    else if (!/^-/.test(after) && (pack.language === 'fr'
      ? firedFromAfar(pack, lastWords(before, 1)) && munitionIsSubject(pack, before.replace(/\S+\s*$/, ''))
      : firedFromAfar(pack, firstWords(after, 1)) && munitionIsSubject(pack, before))) via = 'attack-noun';
    else if (hasMatch(pack.milNounRe, near) || hasMatch(pack.milNounRe, far) || pack.milNounAfterRe.test(after)) via = 'military-noun';
    if (!via) continue;
    out.push({ start: nat.start, end: nat.end, canonical: countryActor(country, via === 'police-noun'), kind: 'state', via, rule: `${pack.language}.actor.nationality.${via}` });
  }
  // A state written by its name where others write a nationality: "the Sudan army", "Burma's military", "l'armée du
  // Mali". Only its forces' own noun right next to it makes it a side: "troops in Ukraine", "the
  // Ukraine war", "Sudan rebel forces" name a place or a topic.
  for (const m of allMatches(pack.countryNameRe, folded, span.start, span.end)) {
    const country = pack.countryNames.get(m.text.replace(/\s+/g, ' '));
    if (!country || out.some((o) => m.start < o.end && o.start < m.end)) continue;
    const after = folded.slice(m.end, Math.min(span.end, m.end + 30));
    const before = folded.slice(Math.max(span.start, m.start - 45), m.start);
    const noun = nounOpening(after.replace(/^\s*'\s*s(?![a-z])/, ''), pack) ?? nounClosing(before, pack);
    // A name before a verb is too often a place the verb's true subject acts from ("Hezbollah forces in Lebanon fired").
    if (!noun) continue;
    const via: ActorMention['via'] = police.test(noun) ? 'police-noun' : 'military-noun';
    out.push({ start: m.start, end: m.end, canonical: countryActor(country, via === 'police-noun'), kind: 'state', via, rule: `${pack.language}.actor.country-name.${via}` });
  }
  return out.sort((a, b) => a.start - b.start);
}


/** The forces' noun (military or police) a text opens with: "army killed", "police said". */
function nounOpening(text: string, pack: LanguagePack): string | null {
  const m = /^\s+([^\s,;:.()]+)(?:\s+([^\s,;:.()]+))?/.exec(text);
  if (!m) return null;
  for (const words of [m[1]!, m[2] ? `${m[1]} ${m[2]}` : null]) {
    if (words && (fullMatch(pack.milNounRe, words) || fullMatch(policeRe(pack.language), words))) return words;
  }
  return null;
}

/** The forces' noun and the word of belonging a text ends with: "l'armée du", "the forces of". */
function nounClosing(text: string, pack: LanguagePack): string | null {
  const of = pack.ofCountryBeforeRe.exec(text);
  if (!of) return null;
  const head = text.slice(0, of.index).trimEnd().split(/\s+/).slice(-2);
  for (const words of [head.at(-1), head.length === 2 ? head.join(' ') : undefined]) {
    const bare = words === undefined ? undefined : ` ${words}`.replace(pack.leadingArticleRe, '');
    if (bare && (fullMatch(pack.milNounRe, bare) || fullMatch(policeRe(pack.language), bare))) return bare;
  }
  return null;
}

const wholeForms = new WeakMap<RegExp, RegExp>();

/** Whether a words pattern matches the whole of a short text. */
function fullMatch(re: RegExp, text: string): boolean {
  let whole = wholeForms.get(re);
  if (!whole) {
    whole = new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, ''));
    wholeForms.set(re, whole);
  }
  return whole.test(text);
}

/** A state's forces named without their state: "the army", "l'armée de l'air", "police". Whose they are is the
 *  document's to say (see the pipeline): these spans only say that a state's army or police acts here. One next
 *  to a named side ("the Sudanese army" is not matched; "l'armée soudanaise", "Hamas security forces" are
 *  skipped) is that side's. */
export interface BareForcesMention extends Span {
  readonly police: boolean;
  /** A government's own forces ("government troops"): the country where they act, never a foreign army named before. */
  readonly home: boolean;
}

export function findBareForces(raw: string, folded: string, span: Span, pack: LanguagePack, named: readonly Span[]): BareForcesMention[] {
  const out: BareForcesMention[] = [];
  for (const [re, police, home] of [[pack.homeForcesRe, false, true], [pack.bareArmyRe, false, false], [pack.barePoliceRe, true, false]] as const) {
    for (const m of allMatches(re, folded, span.start, span.end)) {
      if (out.some((o) => m.start < o.end && o.start < m.end)) continue;
      // A side named right before or after ("Hamas security forces", "l'armée soudanaise", "Israeli police").
      if (named.some((n) => (m.start < n.end && n.start < m.end) || (n.end <= m.start && /^[\s'-]*(?:\S+\s+)?$/.test(folded.slice(n.end, m.start)) && m.start - n.end <= 12)
        || (n.start >= m.end && /^\s*$/.test(folded.slice(m.end, n.start))))) continue;
      // "the military base", "the police station": a modifier of another noun names no side.
      const next = /^\s+([^\s,.;:()]+)/.exec(folded.slice(m.end, m.end + 30))?.[1];
      if (next && (hasMatch(pack.milNounRe, next) || hasMatch(pack.armedTargetRe, next))) continue;
      // "Al-Shabaab police", "the Houthi army": a capitalised name before the noun is its owner.
      const owner = /(\p{Lu}[\p{L}'-]*)\s+$/u.exec(raw.slice(Math.max(span.start, m.start - 30), m.start))?.[1];
      // A count opening the sentence ("Three police officers were killed") owns nothing.
      if (owner && !pack.weekdays.has(fold(owner)) && !pack.months.has(fold(owner)) && wordNumber(fold(owner), pack) === undefined && !/^\p{Lu}/u.test(raw.slice(m.start, m.end))) continue;
      out.push({ start: m.start, end: m.end, police, home });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---- Casualties ----

export interface Casualties {
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly spans: readonly Span[];
  readonly rules: readonly string[];
  /** The text says outright what this event's death toll is: given to it ("3 fatalities coded to this
   *  event") or stated as its total ("The total fatalities were 27"). Such a toll replaces the figures
   *  read elsewhere for the event, rather than competing with them. */
  readonly stated: 'assigned' | 'total' | null;
}

// A unit or a thing after a number makes it a measure or a count of things, not a toll ("2 houses … inflicting 23 fatalities"); whole words only ("and" is not "an", a year).
// So does a part of things ("one of the drones … was neutralized", "l'un des drones").
const UNIT_AFTER = /^[\s-]*(?:(?:of\s+(?:the|these|those|its|their)|des|de\s+ces|de\s+leurs|de|d'|of)\s*)?(?:km|kilometres?|kilometers?|miles?|%|pour cent|percent|heures?|hours?|jours?|days?|ans?|annees?|years?|year-old|semaines?|weeks?|mois|months?|minutes?|h\b|gmt|am\b|pm\b|roquettes?|rockets?|missiles?|drones?|obus|shells?|bombes?|bombs?|attaques?|attacks?|strikes?|frappes?|fois|times|metres?|meters?|dollars?|euros?|m\b|houses?|homes?|buildings?|vehicles?|cars?|tents?|tanks?|trucks?|villages?|maisons?|batiments?|immeubles?|vehicules?|voitures?|tentes?|chars?|camions?)(?![a-z0-9])/;


export function findCasualties(folded: string, span: Span, pack: LanguagePack, dateSpans: readonly Span[], background: readonly Span[] = [],
  parse?: () => ParsedSentence): Casualties {
  let killed: number | null = null;
  let wounded: number | null = null;
  const spans: Span[] = [];
  const rules: string[] = [];
  const noneAll = allMatches(pack.noCasualtiesRe, folded, span.start, span.end);
  const noKilled = allMatches(pack.noKilledRe, folded, span.start, span.end);
  const noWounded = allMatches(pack.noWoundedRe, folded, span.start, span.end);
  const cues = [
    ...allMatches(pack.killedRe, folded, span.start, span.end).map((m) => ({ ...m, what: 'killed' as const, forward: false })),
    ...allMatches(pack.killedActiveRe, folded, span.start, span.end).map((m) => ({ ...m, what: 'killed' as const, forward: true })),
    ...allMatches(pack.woundedRe, folded, span.start, span.end).map((m) => ({ ...m, what: 'wounded' as const, forward: false })),
    // "the death toll rose to 30", "le bilan s'est alourdi à 30": a toll's noun, whose figure only the parse reads.
    ...(parse ? allMatches(pack.tollNounRe, folded, span.start, span.end).map((m) => ({ ...m, what: 'killed' as const, forward: false, toll: true })) : []),
  ].sort((a, b) => a.start - b.start)
    // "ont tué" holds "tue": the active verb counts once, forward; "death toll" holds "death": the toll counts.
    .filter((c, _, all) => c.forward || !all.some((o) => (o.forward || ('toll' in o && !('toll' in c))) && o !== c && o.start <= c.start && c.end <= o.end))
    // A toll inside a framing clause is the background's ("in retaliation for the war on Gaza, where 10,800 were killed").
    .filter((c) => !background.some((b) => c.start >= b.start && c.start < b.end))
    // "one of the injured rioters succumbed", "l'un des blessés est décédé": the wounded named as a group are the
    // subject's set, not a toll of their own.
    .filter((c) => !(c.what === 'wounded' && pack.groupOfBeforeRe.test(folded.slice(Math.max(span.start, c.start - 20), c.start))));
  const negated = [...noneAll, ...noKilled, ...noWounded];
  // "killed 12 people, bringing to 40 the number killed this week", "ce qui porte à 40 le nombre de morts": a running
  // tally after the sentence's toll adds up other events; alone in its sentence, it is the event's toll brought up to date.
  const tallied = (from: number): boolean => {
    if (killed === null || !pack.tallyBeforeRe.test(folded.slice(Math.max(span.start, from - 70), from))) return false;
    spans.push({ start: from, end: from });
    rules.push(`${pack.language}.casualty.killed.tally`);
    return true;
  };
  // The last toll of each kind, and whether the next one of that kind is a part of it.
  const last: Partial<Record<'killed' | 'wounded', { end: number; whole: boolean }>> = {};
  let counted = span.start;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    if (negated.some((n) => cue.start >= n.start && cue.start < n.end + 2)) continue;
    // A number another cue counted is not this one's ("killing a fighter and a civilian, while injuring others").
    const floor = Math.max(span.start, i > 0 ? cues[i - 1]!.end : span.start, counted);
    // "killing five militants" counts forward; "two soldiers were killed" backward; "shot dead two protesters" forward.
    const gerund = /(?:ing|ant)$/.test(cue.text);
    // "threatened to lynch him", "tried to kill two women": a verb of aim tells what was wanted, not done.
    if (cue.forward && pack.intentBeforeRe.test(folded.slice(Math.max(span.start, cue.start - 20), cue.start))) continue;
    // "sentenced three men to death", "condamnés à mort": a penalty, no one's death yet.
    if (pack.penaltyBeforeRe.test(folded.slice(Math.max(span.start, cue.start - 60), cue.start))) continue;
    // "accused of killing a teacher", "for allegedly shooting and killing a youth": an act the sentence names, not its toll.
    if (gerund && pack.gerundAsObjectRe.test(folded.slice(Math.max(span.start, cue.start - 60), cue.start))) continue;
    // "a mob lynched two thieves", "a gang killed a trader": a past form with an object and no auxiliary is
    // active; its number is the victims' after it, not the authors' before it ("a mob").
    // "a fait 14 morts le 12 mars": a determiner that opens a date opens no object; with no count after the date, the
    // count before the word is its own ("a lynché le 12 mars deux voleurs" still counts after it).
    if ('toll' in cue) {
      const figure = victimCount(parse!(), cue, pack, dateSpans);
      if (!figure) continue;
      // "un bilan de 30 morts": the figure of a casualty word is that word's toll.
      if (cues.some((o) => !('toll' in o) && o.start >= figure.end && o.start - figure.end <= 12)) continue;
      if (tallied(figure.start)) continue;
      // A toll beside the sentence's own ("killed 12 people; the death toll in Gaza has risen to 30,717") or one that
      // sums a period or a whole war ("the overall toll", "the toll since October 7", "le bilan de l'année") is a total
      // over many events, not this one's.
      if (killed !== null || pack.tollAggregateRe.test(folded.slice(Math.max(span.start, cue.start - 25), figure.end))) {
        spans.push({ start: Math.min(figure.start, cue.start), end: Math.max(figure.end, cue.end) });
        rules.push(`${pack.language}.casualty.killed.toll-figure.total`);
        continue;
      }
      killed = (killed ?? 0) + figure.value;
      counted = Math.max(counted, figure.end);
      spans.push({ start: Math.min(figure.start, cue.start), end: Math.max(figure.end, cue.end) });
      rules.push(`${pack.language}.casualty.killed.toll-figure`);
      continue;
    }
    const dateAfter = dateSpans.some((d) => d.start >= cue.end && d.start - cue.end <= 5);
    const activePast = !cue.forward && !gerund && pack.objectStartRe.test(folded.slice(cue.end, Math.min(span.end, cue.end + 30)))
      && !pack.passiveBeforeRe.test(folded.slice(Math.max(floor, cue.start - 30), cue.start));
    const near = cue.forward || activePast
      // The number before an active verb counts its authors ("two officers shoot and kill a woman").
      ? countAfter(folded, cue.end, span.end, pack, dateSpans) ?? singleObject(folded, cue.end, span.end, pack)
      : gerund
      ? countAfter(folded, cue.end, span.end, pack, dateSpans) ?? singleObject(folded, cue.end, span.end, pack)
        // "a market in Idlib, killing…": the article of a noun before a gerund is not its victims' count.
        ?? countBefore(folded, floor, cue.start, pack, dateSpans, { articles: false })
      : countBefore(folded, floor, cue.start, pack, dateSpans) ?? countAfter(folded, cue.end, span.end, pack, dateSpans);
    // No number next to the verb: the victims the parse gives it ("A national staffer of an INGO was killed").
    // A count followed by a conjunction may be the first of a list the parse sums ("killing a journalist and 3
    // members of his family"): the parse's count, when it covers the first.
    const listed = near && parse && (cue.forward || activePast || gerund) && pack.victimListAfterRe.test(folded.slice(near.end, Math.min(span.end, near.end + 40)))
      ? victimCount(parse(), cue, pack) : null;
    const parsed = (listed && near && listed.value > near.value && listed.end >= near.end ? listed : near) ?? (parse ? victimCount(parse(), cue, pack) : null)
      ?? (activePast && dateAfter ? countBefore(folded, floor, cue.start, pack, dateSpans) : null);
    if (parsed === null) continue;
    // "was killed and his body dumped", "killed …, resulting in his death", "shot dead …; the man's body was taken to the
    // mortuary": a pronoun's victim, or the remains of one, is a victim already counted.
    if ((parsed.rule === 'victim-possessive-pronoun' || pack.remainsNouns.has(cue.text)) && (cue.what === 'killed' ? killed : wounded) !== null) continue;
    // "killing the deputy chairman, alongside 6 other members", "was killed along with another man": those who died
    // with the victims counted, before the next cue of the sentence.
    const nextCue = cues[i + 1]?.start ?? span.end;
    const companions = companionsAfter(folded, parsed.end, nextCue, pack, dateSpans);
    const count = companions ? { ...parsed, value: parsed.value + companions.value, end: companions.end, rule: `${parsed.rule}+companions` } : parsed;
    counted = Math.max(counted, count.end);
    const previous = last[cue.what];
    const partOfPrevious = previous !== undefined && count.start >= previous.end &&
      (previous.whole || pack.subsetBetweenRe.test(folded.slice(previous.end, count.start)));
    last[cue.what] = { end: Math.max(count.end, cue.end), whole: pack.subsetBeforeRe.test(folded.slice(Math.max(span.start, count.start - 20), count.start)) };
    if (partOfPrevious) continue;
    // "1 000 000 000 000 000 morts": a figure no single event reaches is a statistic (a war's, a famine's), not a toll.
    if (count.value + ((cue.what === 'killed' ? killed : wounded) ?? 0) >= MAX_TOLL) {
      spans.push({ start: Math.min(count.start, cue.start), end: Math.max(count.end, cue.end) });
      rules.push(`${pack.language}.casualty.${cue.what}.statistic`);
      continue;
    }
    if (cue.what === 'killed' && tallied(count.start)) continue;
    // "23,489 fatalities up to 10 January", "killed 40 since 7 October": a toll counted up to or from a
    // date is a running total over many events (a ministry's count, a campaign's), not this event's.
    const tollEnd = Math.max(count.end, cue.end);
    if (dateSpans.some((d) => d.start >= tollEnd && d.start - tollEnd <= RUNNING_TOTAL_REACH && pack.runningTotalRe.test(folded.slice(tollEnd, d.start)))) {
      spans.push({ start: Math.min(count.start, cue.start), end: tollEnd });
      rules.push(`${pack.language}.casualty.${cue.what}.running-total`);
      continue;
    }
    if (cue.what === 'killed') killed = (killed ?? 0) + count.value;
    else wounded = (wounded ?? 0) + count.value;
    spans.push({ start: Math.min(count.start, cue.start), end: Math.max(count.end, cue.end) });
    rules.push(`${pack.language}.casualty.${cue.what}.${count.rule}`);
  }
  for (const n of noneAll) {
    spans.push(n);
    rules.push(`${pack.language}.casualty.none`);
    killed ??= 0;
    wounded ??= 0;
  }
  for (const n of noKilled) { killed ??= 0; spans.push(n); rules.push(`${pack.language}.casualty.none-killed`); }
  for (const n of noWounded) { wounded ??= 0; spans.push(n); rules.push(`${pack.language}.casualty.none-wounded`); }

  // A figure shared out among several events ("142 fatalities not attributed to specific events split across
  // 3 events") is none of them; a toll given to this event, or stated as its total, is its toll whatever
  // else the sentence counts. Given beats shared: "15 fatalities split across 5 events, 3 coded to this event".
  const distributed = hasMatch(pack.tollDistributedRe, folded, span.start, span.end);
  const assigned = statedToll(pack.tollAssignedRes, folded, span);
  const total = assigned || distributed ? null : statedToll(pack.tollTotalRes, folded, span);
  const stated = assigned ?? total;
  if (stated || (distributed && killed !== null)) {
    // The killed figures read above give way: keep the wounded ones and the reported zeros.
    const kept = rules.flatMap((rule, k) => (rule.startsWith(`${pack.language}.casualty.killed.`) ? [] : [k]));
    const keptSpans = kept.map((k) => spans[k]!), keptRules = kept.map((k) => rules[k]!);
    spans.splice(0, spans.length, ...keptSpans);
    rules.splice(0, rules.length, ...keptRules);
    killed = stated ? stated.value : null;
    spans.push(stated ?? { start: span.start, end: span.end });
    rules.push(`${pack.language}.casualty.killed.${assigned ? 'assigned' : total ? 'stated-total' : 'distributed'}`);
  }
  return { killed, wounded, spans, rules, stated: assigned ? 'assigned' : total ? 'total' : null };
}

/** The first figure one of `patterns` states in the sentence (its number in group `n`), if a count of people. */
function statedToll(patterns: readonly RegExp[], folded: string, span: Span): (Span & { value: number }) | null {
  const slice = folded.slice(span.start, span.end);
  for (const re of patterns) {
    re.lastIndex = 0;
    const m = re.exec(slice);
    re.lastIndex = 0;
    const digits = m?.groups?.n?.replace(/[\s,.\u00a0\u202f]/g, '');
    if (!m || !digits || !/^\d{1,6}$/.test(digits) || Number(digits) >= MAX_TOLL) continue;
    return { start: span.start + m.index, end: span.start + m.index + m[0].length, value: Number(digits) };
  }
  return null;
}

interface Count extends Span { readonly value: number; readonly rule: string }

/**
 * Who died with the victims just counted, told after them by a companion join ("alongside", "along with", "ainsi
 * que"): a number ("alongside 6 other members"), or one person by an article or a possessive ("along with another
 * man", "his companion"). A thing ("along with their cattle", "a vehicle") is no one.
 */
function companionsAfter(folded: string, from: number, to: number, pack: LanguagePack, dateSpans: readonly Span[]): Count | null {
  const join = pack.companionAfterRe.exec(folded.slice(from, Math.min(to, from + 80)));
  if (!join) return null;
  const at = from + join[0].length;
  if (at >= to) return null;
  // A number, with or without an article or a possessive before it ("6 other members", "une dizaine de ses proches",
  // "his two sons").
  const number = countAfter(folded, at - 1, to, pack, dateSpans);
  if (number) return { value: number.value, start: from, end: number.end, rule: 'companions' };
  const single = pack.companionSingleRe.exec(folded.slice(at, Math.min(to, at + 40)));
  if (!single) return null;
  const first = at + single[0].indexOf(single[1]!);
  const counted = countAfter(folded, first - 1, to, pack, dateSpans);
  if (counted) return { value: counted.value, start: from, end: counted.end, rule: 'companions' };
  // "an unspecified number of fighters", "a dozen": a quantity, no one person.
  if (LARGE_NUMBER_NOUN.test(folded.slice(first, first + 40))) return null;
  const [noun, next] = [single[1]!, single[2]];
  // "un de ses gardes", "one of his guards": one of a group is one person.
  if (/^(?:de|d'|of)$/.test(noun)) return { value: 1, start: from, end: first + noun.length, rule: 'companion' };
  // The first word is the noun or its adjective ("a young girl"): a thing or a plural there is no one person; the
  // second word is the noun after an adjective ("an armoured vehicle") or already the rest of the clause ("his wife as
  // she slept"), where only a thing says something.
  const thing = (w: string) => pack.deathWords.things.has(w) || pack.deathWords.things.has(w.replace(/s$/, ''));
  if (thing(noun) || (/s$/.test(noun) && !/ss$/.test(noun)) || (next !== undefined && thing(next))) return null;
  return { value: 1, start: from, end: first + single[1]!.length, rule: 'companion' };
}

/** The victims the parse gives a killing verb, as a count of this reader's kind (rule "victim-<relation>"). */
function victimCount(parsed: ParsedSentence, cue: Span, pack: LanguagePack, dates: readonly Span[] = []): Count | null {
  const v = victimsOnParse(parsed, cue, (word) => wordNumber(word, pack), pack.deathWords, dates);
  return v && v.value > 0 ? { value: v.value, start: v.start, end: v.end, rule: `victim-${v.relation.replace(':', '-')}` } : null;
}

/** How far after a toll the date of a running total may begin (a few words: "up to and including"). */
const RUNNING_TOTAL_REACH = 50;

/** The least figure that is not one event's toll: a count of people killed or wounded in one event stays below it. */
export const MAX_TOLL = 1_000_000;

/**
 * "kill a woman", "ont tué un soldat": one victim, named by an indefinite article right after the verb;
 * "killing a fighter and a civilian", "tuant un soldat et un civil": one per indefinite noun phrase of a
 * list right after it (a short phrase each: "a Hezbollah fighter").
 */
function singleObject(folded: string, from: number, to: number, pack: LanguagePack): Count | null {
  const window = folded.slice(from, Math.min(to, from + 120));
  const m = /^\s+(?:a|an|un|une)\s/.exec(window);
  if (!m) return null;
  // "killed a million people", "tué un millier de personnes": a number, not one victim.
  if (LARGE_NUMBER_NOUN.test(window.slice(m[0].length, m[0].length + 24))) return null;
  let value = 1, end = m[0].trimEnd().length;
  const more = /^\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,2}?(\s*,\s*|\s+(?:and|et)\s+)(?:a|an|un|une)\s/;
  // Phrases joined by commas are a list only when "and" closes it: "a man, a woman and a child"; "an
  // official, a community watch officer" is one victim named twice (an apposition).
  let listed = 1, pending = 0;
  for (let at = end, next = more.exec(window.slice(at)); next && !LARGE_NUMBER_NOUN.test(window.slice(at + next[0].length, at + next[0].length + 24)); next = more.exec(window.slice(at))) {
    at += next[0].trimEnd().length;
    pending++;
    if (next[1]!.includes(',')) continue;
    listed += pending;
    pending = 0;
    end = at;
  }
  // "a chief and his son", "un chef coutumier et son fils": a possessive and a noun of kin or escort after the joiner
  // names one more ("and his weapon was taken", "and his family" do not).
  const joined = /^\s+[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,2}?\s+(?:and|et)\s+/.exec(window.slice(end));
  const kin = joined ? pack.companionKinRe.exec(window.slice(end + joined[0].length)) : null;
  if (joined && kin && pending === 0) {
    listed++;
    end += joined[0].length + kin[0].length;
  }
  value = listed;
  return { value, start: from, end: from + end, rule: value === 1 ? 'article-after' : 'articles-after' };
}

const TOKEN = /[a-z0-9\u00e0-\u024f'-]+|[,;:.()]/g;

// "killing an unspecified number of civilians", "un nombre indéterminé de": an amount untold, not one victim.
const LARGE_NUMBER_NOUN = /^(?:hundreds?|thousands?|millions?|billions?|dozens?|score|centaines?|milliers?|millions?|milliards?|dizaines?|(?:douz|quinz|vingt|trent|quarant|cinquant|soixant)aines?|(?:(?:unspecified|unknown|undetermined|indeterminate|unconfirmed|large|small|growing)\s+)?number\s+of|nombre\b|certain\s+nombre)\b/;

/**
 * Is tokens[i] a part of a decimal number ("0,5", "1.5", "2,75")? A separator glued between two runs of digits
 * makes a decimal unless what follows it is a group of three digits ("10,800", "10.800": a thousands separator).
 * A toll is a count of people: a decimal is never one.
 */
function isDecimalAt(tokens: readonly Tok[], i: number): boolean {
  const glued = (a: Tok | undefined, b: Tok | undefined) => !!a && !!b && a.end === b.start;
  const digits = (t: Tok | undefined) => !!t && /^\d+$/.test(t.text);
  const separator = (t: Tok | undefined) => !!t && (t.text === ',' || t.text === '.');
  if (!digits(tokens[i])) return false;
  const [p1, p2] = [tokens[i - 1], tokens[i - 2]];
  if (separator(p1) && digits(p2) && glued(p2, p1) && glued(p1, tokens[i]) && !/^\d{3}$/.test(tokens[i]!.text)) return true;
  const [n1, n2] = [tokens[i + 1], tokens[i + 2]];
  return separator(n1) && digits(n2) && glued(tokens[i], n1) && glued(n1, n2) && !/^\d{3}$/.test(n2!.text);
}

/** Numbers of the noun phrases just before a casualty word, summed over "et"/"and"/",". */
function countBefore(folded: string, floor: number, cueStart: number, pack: LanguagePack, dateSpans: readonly Span[], { articles = true }: { articles?: boolean } = {}): Count | null {
  const from = Math.max(floor, cueStart - 160);
  const window = folded.slice(from, cueStart);
  const tokens = [...window.matchAll(TOKEN)].map((m) => ({ text: m[0], start: from + m.index!, end: from + m.index! + m[0].length }));
  let total = 0;
  let found = false;
  let first = cueStart;
  let gap = 0;
  // "Twelve people, including a child, were killed": the number before "including"/"dont" is the whole of
  // the one after it, not another group to add.
  let wholeBefore = false;
  let lastValue = 0, lastFirstIndex = -1;
  for (let i = tokens.length - 1; i >= 0 && gap <= 14; i--) {
    const t = tokens[i]!;
    if (t.text === '.' || t.text === ';' || t.text === ':') break;
    // "0,5 mort": a decimal is no count, and what is before it is not the count of this word.
    if (isDecimalAt(tokens, i)) break;
    let value = numberAt(tokens, i, pack);
    // "a"/"an" count one only close to the casualty word ("a man was killed"), not "a Hamas post … killing".
    if (value !== null && value.value === 1 && /^(?:a|an|un|une)$/.test(t.text) && (!articles || tokens.length - i > 6)) { gap++; continue; }
    // "As a result, a militiaman was killed": a preposition's "a" opens its object, not a count of victims.
    if (value !== null && /^(?:a|an|un|une)$/.test(t.text) && i > 0 && pack.prepositionBeforeArticle.has(tokens[i - 1]!.text)) { gap++; continue; }
    // "the number two of the movement", "Hamas's No. 2": a rank names one person, not as many as its number.
    if (value !== null && rankBefore(tokens, value.firstIndex, pack)) value = { value: 1, firstIndex: value.firstIndex };
    if (value !== null && !dateSpans.some((d) => t.start >= d.start && t.start < d.end) && !UNIT_AFTER.test(folded.slice(t.end, t.end + 30))) {
      // "between 10 and 15 people", "entre 20 et 30 assaillants": a range (the opener, a number, the joiner, the number
      // just read), whose lower bound is the count told for sure; it replaces the upper bound, not the other groups.
      const rangeStart = found && value.firstIndex > 0 && pack.rangeOpeners.has(tokens[value.firstIndex - 1]!.text)
        && /^(?:and|et)$/.test(tokens[i + 1]?.text ?? '') && i + 2 === lastFirstIndex;
      total = wholeBefore ? value.value : rangeStart ? total - lastValue + value.value : total + value.value;
      lastValue = value.value;
      lastFirstIndex = value.firstIndex;
      found = true;
      first = tokens[value.firstIndex]!.start;
      i = value.firstIndex;
      // Another number only when joined by "et"/"and"/"," within a few words.
      let j = i - 1;
      let joined = false;
      while (j >= 0 && i - j <= 5) {
        const w = tokens[j]!.text;
        if (w === 'et' || w === 'and' || w === ',') { joined = true; break; }
        if (numberAt(tokens, j, pack) !== null) break;
        j--;
      }
      if (!joined) break;
      // "the death toll stood at 51, with six injured", "51 morts, avec six blessés": a preposition after the
      // joiner makes the number it opens a complement of the first count, not another group of the same word
      // ("and at least 3": an approximation's own words do not count as one).
      const between = folded.slice(tokens[j]!.end, tokens[i]!.start).replace(pack.approximateRe, ' ');
      if (between.split(/[^\p{L}]+/u).some((w) => pack.prepositionBeforeArticle.has(w))) break;
      wholeBefore = pack.subsetBetweenRe.test(folded.slice(tokens[Math.max(j, 0)]!.start, tokens[i]!.start));
      // "29 people, including 11 minors, and leaving 57 others injured": a verb after the joiner opens another clause.
      if (!wholeBefore && !pack.listCountOpeners.test(between)) break;
      gap = 0;
      continue;
    }
    gap++;
  }
  return found ? { value: total, start: first, end: cueStart, rule: 'number-before' } : null;
}

/** Is the number at tokens[k] a rank: after a rank word ("number", "numéro"), or its abbreviation and a full stop ("No. 2")? */
function rankBefore(tokens: readonly Tok[], k: number, pack: LanguagePack): boolean {
  const prev = tokens[k - 1]?.text;
  if (prev === undefined) return false;
  if (pack.deathWords.ranks.has(prev)) return true;
  return prev === '.' && pack.deathWords.ranks.has(tokens[k - 2]?.text ?? '');
}

/** "killing 6 civilians", "tuant cinq personnes", "shot dead two protesters": the number right after the verb. */
function countAfter(folded: string, from: number, to: number, pack: LanguagePack, dateSpans: readonly Span[]): Count | null {
  // An approximation right after the verb ("killing at least 12", "tuant plus de vingt") belongs to the count.
  const approximation = allMatches(pack.approximateRe, folded, from, Math.min(to, from + 50))[0];
  const at = approximation && !folded.slice(from, approximation.start).trim() ? approximation.end : from;
  const window = folded.slice(at, Math.min(to, at + 50));
  const tokens = [...window.matchAll(TOKEN)].map((m) => ({ text: m[0], start: at + m.index!, end: at + m.index! + m[0].length }));
  // "killed between 10 and 15 people": the range's lower bound.
  const from0 = tokens.length > 1 && pack.rangeOpeners.has(tokens[0]!.text) ? 1 : 0;
  const value = tokens.length > from0 && !isDecimalAt(tokens, from0) ? numberForward(tokens, from0, pack) : null;
  if (!value || dateSpans.some((d) => tokens[from0]!.start >= d.start && tokens[from0]!.start < d.end)) return null;
  // "tuant un nombre indéterminé de civils": an article before a quantity noun counts no one.
  // A number word that takes the article ("une quinzaine", "a dozen") is a count.
  if (value.lastIndex === from0 && /^(?:a|an|un|une)$/.test(tokens[from0]!.text) && LARGE_NUMBER_NOUN.test(folded.slice(tokens[from0]!.end).trimStart().slice(0, 24))) return null;
  const last = tokens[value.lastIndex]!;
  if (UNIT_AFTER.test(folded.slice(last.end, last.end + 30))) return null;
  return { value: value.value, start: from, end: last.end, rule: 'number-after' };
}

interface Tok { text: string; start: number; end: number }

/** The group of digits before tokens[k] that continues its number: "10 800", "10,800", "10.800" (a separator and no
 *  space, or a single space), or -1. */
function previousGroup(tokens: readonly Tok[], k: number): number {
  const prev = tokens[k - 1];
  if (!prev) return -1;
  if (/^\d{1,3}$/.test(prev.text) && tokens[k]!.start - prev.end === 1) return k - 1;
  const before = tokens[k - 2];
  if ((prev.text === ',' || prev.text === '.') && prev.end === tokens[k]!.start && before && before.end === prev.start && /^\d{1,3}$/.test(before.text)) return k - 2;
  return -1;
}

/** The group of three digits after tokens[k] that continues its number, or -1. */
function nextGroup(tokens: readonly Tok[], k: number): number {
  const next = tokens[k + 1];
  if (!next) return -1;
  if (/^\d{3}$/.test(next.text) && next.start - tokens[k]!.end === 1) return k + 1;
  const after = tokens[k + 2];
  if ((next.text === ',' || next.text === '.') && next.start === tokens[k]!.end && after && after.start === next.end && /^\d{3}$/.test(after.text)) return k + 2;
  return -1;
}

/** A number written in groups of three ("10 800 Palestinians", "1,200 people") ending at tokens[i]. */
function groupedNumber(tokens: readonly Tok[], i: number): { value: number; firstIndex: number } | null {
  if (!/^\d{3}$/.test(tokens[i]!.text)) return null;
  let first = i;
  let digits = tokens[i]!.text;
  for (let k = previousGroup(tokens, first); k >= 0; k = previousGroup(tokens, first)) {
    digits = tokens[k]!.text + digits;
    first = k;
    if (!/^\d{3}$/.test(tokens[k]!.text)) break;
  }
  return first === i ? null : { value: Number(digits), firstIndex: first };
}

/** The number ending at token i (digits, "10 800", "vingt-deux", "a dozen"), reading backwards. */
function numberAt(tokens: readonly Tok[], i: number, pack: LanguagePack): { value: number; firstIndex: number } | null {
  const t = tokens[i]!.text;
  const grouped = groupedNumber(tokens, i);
  if (grouped) return grouped;
  if (/^\d{1,5}$/.test(t)) {
    if (/^(?:19|20)\d\d$/.test(t)) return null;
    return { value: Number(t), firstIndex: i };
  }
  // Two-word numbers first ("a dozen", "une dizaine").
  if (i > 0) {
    const two = `${tokens[i - 1]!.text} ${t}`;
    const v2 = pack.numbers.get(two);
    if (v2 !== undefined) return { value: v2, firstIndex: i - 1 };
  }
  const v = wordNumber(t, pack);
  if (v === undefined || v === 0) return null;
  return { value: v, firstIndex: i };
}

function numberForward(tokens: readonly Tok[], i: number, pack: LanguagePack): { value: number; lastIndex: number } | null {
  const t = tokens[i]!.text;
  // "killing 1,200 people", "tuant 10 800 personnes": the whole number, read group by group.
  if (/^\d{1,3}$/.test(t)) {
    let last = i;
    let digits = t;
    for (let k = nextGroup(tokens, last); k >= 0; k = nextGroup(tokens, last)) {
      digits += tokens[k]!.text;
      last = k;
    }
    if (last > i) return { value: Number(digits), lastIndex: last };
  }
  if (/^\d{1,5}$/.test(t) && !/^(?:19|20)\d\d$/.test(t)) return { value: Number(t), lastIndex: i };
  const next = tokens[i + 1]?.text;
  if (next) {
    const v2 = pack.numbers.get(`${t} ${next}`);
    if (v2 !== undefined) return { value: v2, lastIndex: i + 1 };
  }
  const v = wordNumber(t, pack);
  // An indefinite article ("a", "un") is one victim only as singleObject reads it, with the list it may open.
  return v !== undefined && v > 0 && !/^(?:a|an|un|une)$/.test(t) ? { value: v, lastIndex: i } : null;
}

/** The value of one number word ("five", "cinq", "vingt-deux"), if it is one. */
export function wordNumber(word: string, pack: LanguagePack): number | undefined {
  return pack.numbers.get(word) ?? compoundNumber(word, pack);
}

/** "vingt-deux", "twenty-two", "soixante-dix-sept": sums of number words joined by hyphens. */
function compoundNumber(word: string, pack: LanguagePack): number | undefined {
  if (!word.includes('-')) return undefined;
  let total = 0;
  for (const part of word.split('-')) {
    if (part === 'et') continue;
    const v = pack.numbers.get(part);
    if (v === undefined) return undefined;
    total = v === 100 && total > 0 ? total * 100 : total + v;
  }
  return total || undefined;
}

// ---- Claims and cited sources ----

export interface ClaimCues {
  readonly claimed: readonly Span[];
  readonly confirmed: readonly Span[];
  readonly denied: readonly Span[];
  readonly negated: readonly Span[];
}

/** Two cues of one clause: overlapping, or near with no contrast (the language's contrast_joins) or semicolon between. */
function sameClauseAs(folded: string, a: Span, b: Span, pack: LanguagePack): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return second.start - first.end <= SAME_CLAUSE_REACH && !folded.slice(first.end, second.start).includes(';') && !hasMatch(pack.contrastRe, folded, first.end, second.start);
}

/** How far apart two cues of one clause may stand ("the Pentagon | , asked about the strike, | could not confirm"). */
const SAME_CLAUSE_REACH = 120;

export function findClaimCues(folded: string, span: Span, pack: LanguagePack): ClaimCues {
  const negated = allMatches(pack.negatedClaimRe, folded, span.start, span.end);
  const unconfirmed = allMatches(pack.negatedConfirmationRe, folded, span.start, span.end);
  const claimed = allMatches(pack.claimedRe, folded, span.start, span.end).filter((c) => !negated.some((n) => c.start < n.end && n.start < c.end));
  return {
    claimed,
    // "Security sources confirmed that drones targeted the base", "Sabereen News … a confirmé l'attaque": a confirmation
    // with no office behind it reports.
    // "The Pentagon could not confirm", "« aucun rapport qui confirme », a déclaré un responsable américain": a clause
    // that says a confirmation is missing confirms nothing, by its verb or by its speaker; a confirmation the sentence
    // sets against it ("confirmed the strike but could not confirm reports of injuries") stands.
    confirmed: allMatches(pack.confirmedRe, folded, span.start, span.end)
      .filter((c) => !pack.unofficialSourceBeforeRe.test(folded.slice(Math.max(span.start, c.start - 160), c.start)))
      .filter((c) => !unconfirmed.some((n) => sameClauseAs(folded, c, n, pack))),
    denied: allMatches(pack.deniedRe, folded, span.start, span.end),
    negated,
  };
}

interface OutletRow { name: string; aliases: string[]; hosts: string[] }
const outletData = JSON.parse(readFileSync(new URL('./outlets.json', import.meta.url), 'utf8')) as { outlets: OutletRow[]; generic_names: string[] };
let outletRe: RegExp | undefined;
const outletByAlias = new Map<string, string>();

function outletMatcher(): RegExp {
  if (!outletRe) {
    const phrases: string[] = [];
    for (const o of outletData.outlets) for (const a of o.aliases) { outletByAlias.set(normalizeAlias(a), o.name); phrases.push(a); }
    outletRe = new RegExp(`${BEFORE}${alternation([...new Set(phrases)].sort((a, b) => b.length - a.length).map((p) => phraseSource(p)))}${AFTER}`, 'g');
  }
  return outletRe;
}

/** Whom a sentence cites: known outlets and agencies, and "une source de sécurité irakienne". */
export function findCitations(raw: string, folded: string, span: Span, pack: LanguagePack): { names: string[]; spans: Span[] } {
  const names: string[] = [];
  const spans: Span[] = [];
  for (const m of allMatches(outletMatcher(), folded, span.start, span.end)) {
    const rawText = raw.slice(m.start, m.end);
    if (rawText.length <= 3 && rawText !== rawText.toUpperCase()) continue;
    const name = outletByAlias.get(normalizeAlias(m.text));
    if (name && !names.includes(name)) { names.push(name); spans.push(m); }
  }
  for (const cue of allMatches(pack.citationRe, folded, span.start, span.end)) {
    const after = folded.slice(cue.end, Math.min(span.end, cue.end + 80));
    const phrase = /^\s*(?:(?:a|an|the|une|des|un|l'|le|la|les|de|d')\s*){0,2}(?:[a-z\u00e0-\u024f'-]+\s+){0,2}?(?:source|sources|responsable|responsables|official|officials|temoin|temoins|witness|witnesses|porte-parole|spokesman|spokesperson)(?:\s+[a-z\u00e0-\u024f'-]+){0,4}/.exec(after);
    if (!phrase) continue;
    let text = raw.slice(cue.end, cue.end + phrase[0].length).trim().replace(/\s+(?:a|ont|said|told|qui|who|that|que|,).*$/i, '');
    text = text.replace(/[,.;:]+$/, '');
    if (text && !names.includes(text)) { names.push(text); spans.push({ start: cue.end, end: cue.end + phrase[0].length }); }
  }
  return { names, spans };
}

/** The outlet a page names ("SOURCE: FRENCH PRESS TV") or a URL's host belongs to. */
export function outletFor(named: string | null, url: string | null): string | null {
  outletMatcher();
  if (named) {
    const key = normalizeAlias(named);
    if (outletData.generic_names.some((g) => normalizeAlias(g) === key)) return null;
    const known = outletByAlias.get(key);
    if (known) return known;
  }
  if (url) {
    let host: string, path: string;
    try { const u = new URL(url); host = u.hostname.replace(/^www\./, ''); path = u.pathname; } catch { return named; }
    let best: { name: string; len: number } | null = null;
    for (const o of outletData.outlets) {
      for (const h of o.hosts) {
        const [hh, hp = ''] = h.replace(/^www\./, '').split(/\/(.*)/s);
        if ((host === hh || host.endsWith(`.${hh}`)) && path.startsWith(`/${hp}`.replace(/\/$/, '')) && h.length > (best?.len ?? 0)) best = { name: o.name, len: h.length };
      }
    }
    if (best) return best.name;
    if (!named) return host;
  }
  return named;
}
