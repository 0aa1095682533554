// Extraction of the events of one document: an ordered configuration of stages, each with
// one method. Analysis (what each sentence mentions) comes first; candidates are built in
// reading order so that anaphora and date context can look back; solvers then merge and
// discard what cannot be an event.
import type { DatePrecision, ExtractedEvent, FieldTrace, Language, Place, ResolvedDate, Span, Weapon, Zone } from '../types.ts';
import { MAX_SENTENCE, splitSentences, type Sentence } from '../text/sentences.ts';
import { contentZones } from '../clean/zones.ts';
import { allMatches, hasMatch } from '../text/patterns.ts';
import { fold, nameKey } from '../text/fold.ts';
import { gazetteer, type Gazetteer } from '../geo/gazetteer.ts';
import { kmBetween } from '../geo/distance.ts';
import { DATELINE_AFTER, PLACE_DATELINE_AFTER } from '../text/dateline.ts';
import { DESCRIPTOR_TAIL, DIVISION_NOUN, PLACE_NOUN_WORD, codeOfCountryName, findPlaceMentions, liesIn, namesakeCountries, type PlaceMention } from '../geo/places.ts';
import { languagePack, type LanguagePack, type NoteLabel, type TriggerKind } from './lang/index.ts';
import { documentDateMentions, fromDays, isUnreal, precisionRank, resolveMention, toDays, type DateMention, type DateMentionsOf } from './dates.ts';
import {
  attributionSpans, findActors, findBareForces, findCasualties, findCitations, findClaimCues, findTriggers, findWeapons, framingSpans, gapBetween, longestOnly, wordNumber,
  type ActorMention, type BareForcesMention, type Casualties, type ClaimCues, type TriggerFound, type TriggerMention, type WeaponMention,
} from './mentions.ts';
import { parseSpan } from '../syntax/parse.ts';
import type { ParsedSentence } from '../syntax/types.ts';
import { affectedOf, backgroundClause, munitionVerbOf, brokenOnParse, headWordIn, inPeriodPhrase, isAgentOf, speakerOf, subjectOnParse, type SyntaxRoleLexicon, namesAgent, inAgentDescription, inParticipleAside, inNounParticiple, relativeClauseOf, relativeClauses, ofTheSubject, originOfSubject, whenClauseApart, coordinatedClauseOfItsOwn, betweenSubjectAndVerb, syntacticRole, type SyntacticReading } from './syntax-roles.ts';
import { baseRelation, children, headOf, isNegated, subtreeSpan } from '../syntax/tree.ts';
import { KIND_PRIORITY, bombingFromTheAir, chooseSubEventType, demonstrationFamily, eventTypeOf, joinDemonstration, type TypingInput } from './taxonomy.ts';

export interface ExtractInput {
  readonly raw: string;
  readonly folded: string;
  readonly language: Language;
  readonly zones: readonly Zone[];
  readonly published: ResolvedDate;
  /** Latest plausible date when the document has none (today). */
  readonly ceiling: string;
  /** The document's date mentions by sentence, when the caller read them already (processDocument). */
  readonly dateMentions?: DateMentionsOf;
}

/** The date a sentence gives its events, and the rule that found it; `implied` when it came from the
 *  story around the sentence rather than from the sentence itself (chrono's imply, not assign). */
interface SentenceDate {
  readonly iso: string | null;
  readonly precision: DatePrecision | null;
  readonly rule: string;
  readonly implied?: boolean;
}

/** What one sentence says. */
export interface SentenceAnalysis extends Sentence {
  readonly index: number;
  /** The relative clauses that describe a noun rather than tell the event (not holding its trigger). */
  readonly describing: readonly Span[];
  readonly zone: Zone['kind'];
  readonly triggers: readonly TriggerMention[];
  readonly primary: TriggerMention | null;
  readonly weapons: readonly WeaponMention[];
  readonly actors: readonly ActorMention[];
  readonly places: readonly PlaceMention[];
  /** The place a dateline opening the sentence names ("MOGADISHU, Somalia —"): where the report was filed. */
  readonly dateline: PlaceMention | null;
  readonly dates: readonly DateMention[];
  readonly casualties: Casualties;
  /** The tolls told inside one of the sentence's segments (the whole sentence's when it is one). */
  casualtiesIn(segment: Span): Casualties;
  readonly claims: ClaimCues;
  readonly cited: readonly string[];
  readonly sameDay: boolean;
  readonly background: boolean;
  /** Tells what had happened before the story ("avait annoncé", "had already struck"), outside reported speech
   *  ("a rapporté que deux bases avaient été attaquées": there the pluperfect only follows the report's tense). */
  readonly pastTense: boolean;
  readonly anaphoric: boolean;
  readonly continuation: boolean;
  /** The sentence's dependency parse, read when first asked (only sentences that tell an event with sides are). */
  readonly syntax: ParsedSentence;
}

/** An event under construction; frozen into an ExtractedEvent at the end. */
interface Candidate {
  kind: TriggerKind;
  subEventType: string;
  date: string | null;
  datePrecision: DatePrecision | null;
  /** "MM-DD" of a date told without a year in a document without a date; only while date is null. */
  dayWithoutYear: string | null;
  place: PlaceMention | null;
  countryCode: string | null;
  actor1: string | null;
  actor2: string | null;
  weapons: Set<Weapon>;
  killed: number | null;
  wounded: number | null;
  claimed: boolean;
  confirmed: boolean;
  denied: boolean;
  claimBy: string | null;
  confirmedBy: string | null;
  cited: Set<string>;
  /** The sentences that told it (at most MAX_EVIDENCE kept), and the rules behind its fields (addTrace bounds them). */
  evidence: Span[];
  trace: FieldTrace[];
  /** The indices of the sentences that told it, and the first and last of them. */
  sentences: Set<number>;
  first: number;
  last: number;
  fromTitle: boolean;
  /** Deaths or wounds told with no author or weapon in their sentence: a toll, which belongs to the event told near it. */
  bareToll: boolean;
  /** Its death toll is one the text states outright for it (Casualties.stated): other figures do not replace it. */
  statedKilled: boolean;
  /** The clauses ("sentence:verb") that told this event with other places coordinated ("on the base at X and another at Y"). */
  clauses: Set<string>;
  /** Told only in sentences of what had happened before ("avait annoncé", "had already struck"). */
  pastTense: boolean;
  /** Tells several events at once with no place that tells them apart ("deux attaques de drones distinctes en Irak"). */
  several: boolean;
  /** Told as what followed the event before it ("elle a été suivie par des bombardements"): another event than that one. */
  sequel: boolean;
  /** Told as some days before the story ("cinq jours plus tôt", "two days earlier"): not the story's event. */
  earlier: boolean;
  /** Told as a blow on another target than those before ("hit a second commercial ship"): a new event, whatever
   *  it shares with them. */
  distinct: boolean;
  /** Retells the blow a framing phrase gave as what another event answered ("in response to attacks on U.S. bases …
   *  Those attacks include the first use of a ballistic missile against Al-Asad"): not the answer itself. */
  answered: boolean;
  /** What its type was chosen from (victims, state author, strike noun), kept for a retelling that names a weapon. */
  typing: TypingInput;
  /** The rule that gave its current type when another telling's type replaced its own (typingRule). */
  typedBy?: string;
}

interface DocumentContext {
  readonly input: ExtractInput;
  readonly pack: LanguagePack;
  readonly gaz: Gazetteer;
  readonly countries: readonly string[];
  /** The state forces the document names with their state ("l'armée israélienne", "Kenyan police"), in order: whose
   *  "the army" or "police" named later is (ownedForces). */
  readonly stateForces: readonly ActorMention[];
  /** The label the note opens with ("Interception: On 29 January …"), and where it stands. */
  readonly label: { readonly label: NoteLabel; readonly span: Span } | null;
  sentences: SentenceAnalysis[];
}

interface Stage {
  readonly name: string;
  run(ctx: DocumentContext, events: Candidate[]): Candidate[];
}

/** The stages, in order. The order matters: analysis feeds candidates, candidates feed the solvers. */
export const STAGES: readonly Stage[] = [
  { name: 'analyse', run: (ctx, events) => { ctx.sentences = analyseSentences(ctx); return events; } },
  { name: 'candidates', run: (ctx) => buildCandidates(ctx) },
  { name: 'merge-same-event', run: (ctx, events) => mergeSameEvent(ctx, events) },
  // "L'attaque de Bourem" typed as an attack on no one armed, retold as "des groupes armés ont attaqué l'armée":
  // the event, told whole, has an armed target.
  { name: 'armed-target-retold', run: (_ctx, events) => events.map(armedTargetRetold) },
  // "Un avion américain a répondu à l'attaque mardi …" in a paragraph that names Iraq and no other country: a dated
  // event told without a place is in that country (an article names other countries' places in other paragraphs).
  { name: 'country-of-paragraph', run: (ctx, events) => events.map((e) => countryOfParagraph(ctx, e)) },
  // "des frappes sur deux installations … en Irak. … Les installations – près d'Al Anbar et de Jurf al Saqr – ont été
  // utilisées par …": the site a blow struck, named again with its places, places the blow (one event per place);
  // before the drop, which keeps what is placed to a town even without a day.
  { name: 'place-from-retold-site', run: (ctx, events) => events.flatMap((e) => placeFromRetoldSite(ctx, e)) },
  // A one-paragraph report (a wire snippet, a coder's note) is the event it tells; in an article,
  // what has neither a place nor a date is background.
  { name: 'drop-background', run: (ctx, events) => (isSingleParagraph(ctx) ? events : events.filter(isPlacedOrDated)) },
  // What is left with a place and no day is news the report tells further on ("Al-Tanf base was also targeted"):
  // dated by the report, at a week's precision, as the lead is; after the drop, so that it keeps no background.
  { name: 'dated-by-report', run: (ctx, events) => events.map((e) => datedByReport(ctx, e)) },
  { name: 'place-from-scene', run: (ctx, events) => events.map((e) => placeFromScene(ctx, e)) },
  // "ALMA AL-SHAAB, Lebanon — An Israeli shell landed …" with the event told in "south Lebanon": a village's dateline is
  // where the reporter stood, at the scene.
  { name: 'place-from-dateline', run: (ctx, events) => {
    const opening = openingDateline(ctx);
    return opening ? events.map((e) => placeFromDateline(e, opening)) : events;
  } },
  // "Mercredi, une nouvelle frappe a touché ce camp": another strike is by whoever struck before.
  { name: 'another-of-its-kind', run: (ctx, events) => events.map((e, i) => anotherOfItsKind(ctx, e, events.slice(0, i))) },
  // "Les 19 et 22 novembre, ils ont mené des attaques de drones contre la base d'al-Harir" after "la base d'al-Harir,
  // où sont stationnés les militaires américains": whom a site holds is struck by every blow at it the document tells.
  { name: 'site-holder', run: (ctx, events) => events.map((e) => siteHolder(ctx, e, events)) },
  // "La Résistance islamique avait déjà frappé la base d'al-Malikiyah" after its strikes on "les bases américaines" of
  // al-Omar and al-Tanf: an author's blow at an armed target it does not name is at the state its other blows struck.
  { name: 'author-target', run: (ctx, events) => events.map((e) => authorTarget(ctx, e, events)) },
  { name: 'actors-distinct', run: (_ctx, events) => events.map((e) => (e.actor1 && e.actor1 === e.actor2 ? { ...e, actor2: null } : e)) },
  // A demonstration no organisation is named for is its crowd's: ACLED's "Protesters (Country)", "Rioters (Country)".
  { name: 'crowd-side', run: (ctx, events) => events.map((e) => crowdSide(ctx, e)) },
  // "Interception: On 29 January, militants fired rockets …; the rockets were intercepted": a note that opens on a
  // label names the kind of the event it leads with, whatever its verbs tell on the way.
  { name: 'note-label', run: (ctx, events) => {
    const sentence = ctx.label && ctx.sentences.find((s, i) => labelledSentence(ctx.label!.span, s, ctx.sentences[i - 1] ?? null));
    return sentence ? events.map((e) => labelled(ctx.label!, sentence.index, e)) : events;
  } },
];

/** The label a note opens with, at the start of its first content zone, followed by a colon. */
function noteLabel(input: ExtractInput, pack: LanguagePack): DocumentContext['label'] {
  const zone = contentZones(input.zones)[0];
  if (!zone) return null;
  for (const label of pack.noteLabels) {
    label.re.lastIndex = zone.start;
    const m = label.re.exec(input.folded);
    if (!m) continue;
    // The match runs from the zone's start, spaces first, to the colon that ends it.
    return { label, span: { start: zone.start + m[0].length - m[0].trimStart().length, end: zone.start + m[0].length - 1 } };
  }
  return null;
}

/** The sentence a note's label heads: the first after it (the label stands outside every sentence). */
function labelledSentence(label: Span, s: Span, before: Span | null): boolean {
  // The colon ends the label: a sentence made of the label alone ends just after it.
  return s.start > label.end && (before === null || before.end <= label.end + 1);
}

/** The events told in the labelled sentence take the label's sub-event type. */
function labelled({ label, span }: NonNullable<DocumentContext['label']>, sentence: number, e: Candidate): Candidate {
  if (!e.sentences.has(sentence) || e.subEventType === label.subEventType) return e;
  const trace = [...e.trace];
  addTrace(trace, { field: 'sub_event_type', rule: label.id, span });
  return { ...e, subEventType: label.subEventType, trace };
}

/**
 * A blow at a site (a base, a camp: precision 1, a named entry) that names no target takes the state's forces
 * another event of the document names as struck at that very site, when they are not its author and no two
 * such events disagree on whom the site holds.
 */
function siteHolder(ctx: DocumentContext, e: Candidate, events: readonly Candidate[]): Candidate {
  // Only a blow: a protest or a taking of the site has no target the site's holders would be.
  if (e.actor2 || !e.place?.entry || e.place.rank !== 1 || !BLOW_KINDS.has(e.kind)) return e;
  const held = new Set(events.filter((o) => o !== e && o.actor2 && isStateActorName(o.actor2) && o.place?.entry === e.place!.entry).map((o) => o.actor2!));
  if (held.size !== 1) return e;
  const [holder] = held;
  if (holder === e.actor1) return e;
  const trace = [...e.trace];
  addTrace(trace, { field: 'actor2', rule: `${ctx.pack.language}.actor.site-holder` });
  return { ...e, actor2: holder!, trace };
}

/**
 * A blow by a named author at an armed target (a base, troops, positions) that names no side takes the state whose
 * forces the other blows of that author in the same country struck (those that name a side), when they name exactly
 * one such state.
 */
function authorTarget(ctx: DocumentContext, e: Candidate, events: readonly Candidate[]): Candidate {
  const country = e.place?.place.country_code;
  if (e.actor2 || !e.actor1 || !country || !e.typing.armedTarget || !BLOW_KINDS.has(e.kind)) return e;
  // Only the blows of that author in the same country: an army that strikes on two fronts strikes two states.
  const struck = new Set(events.filter((o) => o !== e && o.actor1 === e.actor1 && o.actor2 && BLOW_KINDS.has(o.kind) && o.place?.place.country_code === country)
    .map((o) => o.actor2!));
  if (struck.size !== 1) return e;
  const [state] = struck;
  if (!isStateActorName(state!) || state === e.actor1) return e;
  const trace = [...e.trace];
  addTrace(trace, { field: 'actor2', rule: `${ctx.pack.language}.actor.author-target` });
  return { ...e, actor2: state!, trace };
}

/** Attacks from afar or not, told as strikes: "another strike" after an air raid is one more of them. */
const STRIKE_KINDS: ReadonlySet<TriggerKind> = new Set(['attack', 'air', 'shelling']);

/**
 * An attack told as "another" or "a new" one of its kind ("une nouvelle frappe a touché ce camp", "another strike
 * hit the market") with no author of its own is by the author of the last event of that kind the document told
 * before it; its type is read again with that author (a state's strike with no weapon named is an air strike).
 */
function anotherOfItsKind(ctx: DocumentContext, e: Candidate, before: readonly Candidate[]): Candidate {
  if (e.actor1 || !STRIKE_KINDS.has(e.kind)) return e;
  const trigger = e.trace.find((t) => t.field === 'trigger' && t.span)?.span;
  if (!trigger || !ctx.pack.anotherBeforeRe.test(ctx.input.folded.slice(Math.max(0, trigger.start - 25), trigger.start))) return e;
  const previous = [...before].reverse().find((p) => STRIKE_KINDS.has(p.kind) && p.actor1 && p.actor1 !== e.actor2 && p.first < e.first);
  if (!previous) return e;
  const typed = chooseSubEventType({ ...e.typing, kind: e.kind, weapons: [...e.weapons], stateActor: isStateActorName(previous.actor1!) });
  const trace = [...e.trace];
  addTrace(trace, { field: 'actor1', rule: `${ctx.pack.language}.actor.another-of-its-kind`, span: trigger });
  addTrace(trace, { field: 'sub_event_type', rule: `${typed.rule}+another-of-its-kind` });
  return { ...e, actor1: previous.actor1, subEventType: typed.sub, trace };
}

/** The side a crowd makes when the text names no group behind it: protesters at a protest, rioters at a riot or a mob's violence. */
const CROWD_OF_TYPE: Readonly<Record<string, string>> = {
  'Peaceful protest': 'Protesters', 'Protest with intervention': 'Protesters', 'Violent demonstration': 'Rioters', 'Mob violence': 'Rioters',
};

function crowdSide(ctx: DocumentContext, e: Candidate): Candidate {
  const crowd = CROWD_OF_TYPE[e.subEventType];
  if (!crowd || e.actor1) return e;
  const country = e.place?.place.country ?? (e.countryCode ? ctx.gaz.countryName(e.countryCode) : null);
  return { ...e, actor1: country ? `${crowd} (${country})` : crowd };
}

export interface ExtractionResult {
  readonly events: readonly ExtractedEvent[];
  readonly sentences: readonly SentenceAnalysis[];
}

export function extractEvents(input: ExtractInput, options: { gazetteer?: Gazetteer } = {}): ExtractionResult {
  const pack = languagePack(input.language);
  const gaz = options.gazetteer ?? gazetteer();
  const ctx: DocumentContext = { input, pack, gaz, ...contextCountries(input, pack, gaz), label: noteLabel(input, pack), sentences: [] };
  let events: Candidate[] = [];
  for (const stage of STAGES) events = stage.run(ctx, events);
  return { events: events.sort((a, b) => a.evidence[0]!.start - b.evidence[0]!.start).map((c) => freeze(ctx, c)), sentences: ctx.sentences };
}

// ---- Analysis ----

/**
 * Countries the document is about, most named first: ranks ambiguous place names. A country is in
 * the context when the document names it (a country, a curated region or site, a nationality), when
 * two of its towns are named, or when it leads: a single town abroad ("Burma Market" in a Nairobi
 * story) does not put its own country in the context that then vouches for it. The state forces the document
 * names are read on the way (the actors this reading sets aside as no places).
 */
function contextCountries(input: ExtractInput, pack: LanguagePack, gaz: Gazetteer): { countries: string[]; stateForces: ActorMention[] } {
  const stateForces: ActorMention[] = [];
  const weight = new Map<string, number>();
  const support = new Map<string, { named: boolean; towns: Set<string>; population: number }>();
  const supportOf = (code: string) => {
    let x = support.get(code);
    if (!x) support.set(code, (x = { named: false, towns: new Set(), population: 0 }));
    return x;
  };
  const add = (code: string | null | undefined, w: number) => { if (code) weight.set(code, (weight.get(code) ?? 0) + w); };
  const foldedDocument = input.folded;
  for (const zone of contentZones(input.zones).flatMap((z) => zonePieces(input.raw, z))) {
    const actors = findActors(input.raw, input.folded, zone, pack, stateActorName);
    stateForces.push(...actors.filter((a) => a.kind === 'state'));
    for (const p of findPlaceMentions(input.raw, input.folded, zone, pack, gaz, { countries: [], foldedDocument, excluded: actors })) {
      if (p.inLongerName) continue;
      const code = p.place.country_code;
      if (p.entry?.kind !== 'city') {
        add(code, 1);
        if (code) supportOf(code).named = true;
      } else {
        // A town's name votes for the countries that have a town of that name: the country that
        // explains most of a document's names wins ("Embu, Kilifi, Watamu" is Kenya, not Brazil).
        // Half of the vote goes to the town taken, half to every town that bears the name as its own.
        add(code, 0.3);
        const countries = namesakeCountries(gaz, p);
        // Only a town's own name supports its country: "Boni" (an alternate of Bonn) says nothing of Germany.
        const ownName = nameKey(p.entry.name) === nameKey(p.text);
        for (const c of countries) {
          add(c, 0.3 / countries.size);
          // A town taken for its size alone ("Orange campaigns") weighs, but vouches for nothing.
          if ((c === code && !ownName) || !p.cued) continue;
          const x = supportOf(c);
          x.towns.add(nameKey(p.text));
          if (c === code) x.population = Math.max(x.population, p.entry.population);
        }
      }
    }
    for (const m of allMatches(pack.nationalityRe, input.folded, zone.start, zone.end)) {
      const country = pack.nationality.get(m.text);
      const code = country && country !== 'United States' ? codeOfCountryName(gaz, country) : null;
      add(code, 0.3);
      if (code) supportOf(code).named = true;
    }
  }
  // Equal votes: the country of the larger town leads ("Burma Market, Nairobi").
  const ranked = [...weight.entries()]
    .sort((a, b) => b[1] - a[1] || (support.get(b[0])?.population ?? 0) - (support.get(a[0])?.population ?? 0))
    .map(([c]) => c);
  const countries = ranked.filter((c, k) => {
    const x = support.get(c);
    return k === 0 || x?.named || (x?.towns.size ?? 0) >= 2 || (x?.population ?? 0) >= CONTEXT_CITY_POPULATION;
  });
  return { countries, stateForces };
}

/** The longest stretch of a zone whose places are read at once for the document's countries. */
const ZONE_PIECE = 4 * MAX_SENTENCE;

/**
 * A zone as stretches of whole sentences of at most ZONE_PIECE characters (the zone itself when it is no
 * longer). A paragraph is read at once; a single "paragraph" of a megabyte (a page with no line breaks)
 * would make each name there be compared with every place of it.
 */
function zonePieces(raw: string, zone: Zone): Zone[] {
  if (zone.end - zone.start <= ZONE_PIECE) return [zone];
  const out: Zone[] = [];
  let start = -1, end = -1;
  for (const s of splitSentences(raw, [zone])) {
    if (start >= 0 && s.end - start <= ZONE_PIECE) { end = s.end; continue; }
    if (start >= 0) out.push({ ...zone, start, end });
    start = s.start;
    end = s.end;
  }
  if (start >= 0) out.push({ ...zone, start, end });
  return out;
}

/** A city this large names its country on its own ("a Gaza hospital"): its name is known for that country. */
const CONTEXT_CITY_POPULATION = 100_000;

/** What leads a sentence only when it tells no deaths or wounds: theft, arrests, and abductions (ACLED codes an
 *  abduction whose victim is killed as the attack it ends in). */
const YIELD_TO_VIOLENCE: ReadonlySet<TriggerKind> = new Set(['looting', 'arrest', 'abduction']);
/** Acts whose toll a killing verb with no author of its own tells ("raided …; 14 people were killed"). */
const ACTS_WITH_TOLL: ReadonlySet<TriggerKind> = new Set(['attack', 'ambush', 'clash']);

/** The acts a conflict can be the setting of (a toll "killed in ethnic clashes" is the clashes' own). */
const SETTING_OF_KINDS: ReadonlySet<TriggerKind> = new Set(['attack', 'ambush', 'abduction', 'sexual']);

/** "during ethnic clashes", "in communal violence", "lors des violences intercommunautaires": a kind of conflict after a preposition of setting. */
function isConflictSetting(folded: string, pack: LanguagePack, t: TriggerMention, s: Span): boolean {
  const window = Math.max(s.start, t.start - 40);
  const m = pack.settingBeforeRe.exec(folded.slice(window, t.start));
  return m !== null && hasMatch(pack.conflictKindRe, folded, window + m.index, t.end);
}

/** What sets a trigger aside as part of a summary of many events rather than one: a period, a statistic, a frequency. */
const SUMMARY_SUPPRESSIONS = /\.suppress\.(?:(?:undated-)?period|statistic|frequency|continues-summary)/;

/** "The army, which has been fighting in Gaza, struck…": a clause set off by a comma, a bracket or a dash adds to its noun.
 *  A clause with no such mark tells which people are meant ("traders who import goods in the area of Mombasa held a
 *  protest"), and where they are is where they act. */
function setOff(folded: string, clause: Span): boolean {
  return /[,(\u2013\u2014-]\s*$/.test(folded.slice(Math.max(0, clause.start - 4), clause.start)) || /^[,(\u2013\u2014-]/.test(folded.slice(clause.start, clause.start + 1));
}

function analyseSentences(ctx: DocumentContext): SentenceAnalysis[] {
  const { input, pack } = ctx;
  const zones = contentZones(input.zones);
  // A note's label is no part of its first sentence: "Interception:" read as the clause's head would bend its parse.
  const label = ctx.label?.span;
  const sentences = splitSentences(input.raw, zones).map((s) => {
    if (!label || s.start > label.start || s.end <= label.end + 1) return s;
    const start = label.end + 1 + /^\s*/.exec(input.raw.slice(label.end + 1, s.end))![0].length;
    return start < s.end ? { ...s, start } : s;
  });
  const dateMentions = input.dateMentions ?? documentDateMentions(input.raw, input.folded, pack);
  // A sentence's paragraph is the index of its zone (splitSentences reads one zone per paragraph).
  const zoneOf = (s: Sentence) => {
    const own = zones[s.paragraph];
    return own && s.start >= own.start && s.end <= own.end ? own : zones.find((z) => s.start >= z.start && s.end <= z.end);
  };
  const out: AnalysedSentence[] = [];
  for (const [index, s] of sentences.entries()) out.push(new AnalysedSentence(ctx, s, index, zoneOf(s)?.kind ?? 'body', dateMentions(s), out[index - 1] ?? null));
  return out;
}

/**
 * What one sentence says. What every sentence is asked (its triggers, dates, and the cues that date
 * the story) is read at once; the rest (places, actors, weapons, tolls, claims) when first asked.
 * A sentence that tells no event (113 of the 247 sentences of the corpus's articles) is asked for its
 * places only when an event is told next to it: the place scan is the costliest part of a sentence. Each part is a function of the
 * sentence and of the document's context (its countries, fixed before analysis), so when a part is
 * read does not change what it holds.
 */
class AnalysedSentence implements SentenceAnalysis {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly triggers: readonly TriggerMention[];
  readonly primary: TriggerMention | null;
  readonly sameDay: boolean;
  readonly background: boolean;
  readonly anaphoric: boolean;
  readonly continuation: boolean;
  private readonly past: readonly Span[];
  /** The label of the note, when this sentence is the one it heads. */
  private readonly label: NoteLabel | null;
  private framedSpans: readonly Span[] | undefined = undefined;
  private casualtiesRead: Casualties | undefined = undefined;
  private mentioned: { readonly actors: readonly ActorMention[]; readonly places: readonly PlaceMention[]; readonly cited: readonly string[] } | undefined = undefined;
  private weaponsRead: readonly WeaponMention[] | undefined = undefined;
  private claimsRead: ClaimCues | undefined = undefined;
  private parsed: ParsedSentence | undefined = undefined;
  private eventEnd: number | undefined = undefined;
  private describingSpans: readonly Span[] | undefined = undefined;
  private mentionsRead: { readonly actors: readonly ActorMention[]; readonly kept: readonly PlaceMention[]; readonly cited: readonly string[]; readonly dateline: PlaceMention | null } | undefined = undefined;

  // The finders are given the sentence as split (one object shape for every span they read), not this object.
  constructor(private readonly ctx: DocumentContext, private readonly sentence: Sentence, readonly index: number, readonly zone: Zone['kind'], readonly dates: readonly DateMention[],
    before: AnalysedSentence | null) {
    const { input: { folded }, pack } = ctx;
    const s = sentence;
    this.start = s.start;
    this.end = s.end;
    this.paragraph = s.paragraph;
    const triggers = findTriggers(folded, s, pack, { more: (found) => weaponSubjectTriggers(ctx, s, found, () => this.syntax), raw: ctx.input.raw, parse: () => this.syntax });
    // "Depuis le 17 octobre, les bases ont été visées à plus de soixante reprises. Ce qui a donné lieu à trois raids …":
    // a sentence that opens on a summary as its relative clause goes on summing up.
    // A sentence that gives a day of its own tells that day's event ("Which is why on 5 March, jets struck …").
    const summing = before && before.paragraph === s.paragraph && pack.sentenceRelativeRe.test(folded.slice(s.start, s.end))
      && !dates.some((d) => d.stated.day !== undefined || d.relativeDays !== undefined)
      && before.triggers.length > 0 && before.triggers.every((t) => t.suppressedBy && SUMMARY_SUPPRESSIONS.test(t.suppressedBy));
    const told = summing ? triggers.map((t) => (t.suppressedBy ? t : { ...t, suppressedBy: `${pack.language}.suppress.continues-summary` })) : triggers;
    // The note's label, for the sentence it heads: it leads that sentence when no word of it does (leadingTrigger).
    this.label = ctx.label && labelledSentence(ctx.label.span, s, before) ? ctx.label.label : null;
    this.triggers = told;
    this.primary = this.leadingTrigger();
    this.sameDay = hasMatch(pack.sameDayRe, folded, s.start, s.end);
    this.past = allMatches(pack.backgroundTimeRe, folded, s.start, s.end);
    this.background = this.past.length > 0;
    this.anaphoric = hasMatch(pack.anaphoraRe, folded, s.start, s.end);
    const sentenceText = folded.slice(s.start, s.end);
    this.continuation = pack.continuationRe.test(sentenceText) && !pack.impersonalRe.test(sentenceText);
  }

  /** The label's trigger, on the act the sentence tells: its first verb with a subject ("Property destruction: On 10
   *  January, forces demolished a house"), around which its sides are read. A sentence with no verb, no date and no
   *  place tells no act ("Agreement: terms of use"). */
  private labelTrigger(): TriggerMention | null {
    if (!this.label) return null;
    const verbs = this.syntax.words.filter((w) => w.upos === 'VERB');
    // Without a verb, its first word, when the sentence dates or places something ("Arrests: 21 March. …").
    const act = verbs.find((w) => children(this.syntax, w, 'nsubj', 'nsubj:pass').length > 0) ?? verbs[0]
      ?? (this.dates.length || this.places.length ? this.syntax.words.find((w) => w.upos !== 'PUNCT') : undefined);
    // "Interception: militants did not fire any rockets": a denied act is no event, whatever the label.
    if (!act || (act.upos === 'VERB' && isNegated(this.syntax, act))) return null;
    return { start: act.start, end: act.end, kind: this.label.kind, weapon: null, rule: this.label.id };
  }

  private leadingTrigger(): TriggerMention | null {
    const { input: { folded }, pack } = this.ctx;
    // A note's label leads a sentence whose words lead nothing: a coder's note tells the event its label names, so what
    // reads as background or a frequency in an article ("raided a town on several occasions") does not outweigh it;
    // a negated act ("did not fire") does.
    const candidates = this.triggers.filter((t) => !t.suppressedBy);
    if (!candidates.length) return this.labelTrigger();
    // "n'avaient visé aucun objectif", "did not strike": a negated act is not told as happening.
    const active = candidates.filter((t) => !negatedOnParse(this.syntax, t) && !compoundModifierOnParse(this.syntax, t)
      && !(t.kind === 'agreement' && brokenOnParse(this.syntax, t, pack.syntaxRoles)));
    if (!active.length) return null;
    // Theft, arrests or abductions told with deaths or wounds ("killed two herders and stole their cattle", "the
    // officer was later arrested", "abducted and killed a trader"): the violence is the event; they lead only a sentence without a toll.
    const { casualties } = this;
    const violence = ((casualties.killed ?? 0) > 0 || (casualties.wounded ?? 0) > 0) && active.some((o) => o.kind === 'killing');
    // "Raiders attacked a teacher during ethnic clashes": fighting named by its kind after "during" is the setting of
    // the act the sentence tells, which leads.
    const settings = new Set(active.some((o) => SETTING_OF_KINDS.has(o.kind))
      ? active.filter((t) => t.kind === 'clash' && isConflictSetting(folded, pack, t, this.sentence)) : []);
    // "Hours after militants downed a drone, the army struck…", "en représailles aux frappes": a trigger the parse
    // puts in a clause of background does not lead while another is told in the sentence's own clause, unless that
    // clause names a place of its own ("a day after an airstrike on the village of X killed five").
    const inBackground = (t: TriggerMention) => {
      if (inParticipleAside(this.syntax, t)) return true;
      // "the army, which has been fighting for months, struck…": a relative clause describes its noun, unless it dates
      // what it tells ("the command centre that was hit by an IDF strike last night": an event of its own). A year alone
      // ("which were driven out of Goma in 2013") dates the noun's history, not news.
      const relative = relativeClauseOf(this.syntax, t, pack.syntaxRoles);
      if (relative && !this.dates.some((d) => d.start >= relative.start && d.end <= relative.end && !d.rule.endsWith('.bare-year'))) return true;
      const clause = backgroundClause(this.syntax, t, pack.syntaxRoles);
      // A country is no place of the clause's own: "following US-UK airstrikes on Yemen" is still background. A toll is
      // ("following a night of shelling that killed a soldier"): the clause tells an event of its own.
      // A place inside a participle that describes one of the clause's nouns ("la manifestation – interdite par la
      // mairie de Goma – ne débute") is that noun's, not the clause's own.
      return clause !== null && !this.places.some((p) => p.rank <= 3 && p.start >= clause.start && p.end <= clause.end && !inNounParticiple(this.syntax, p, clause))
        && !active.some((o) => o !== t && o.kind === 'killing' && o.start >= clause.start && o.end <= clause.end);
    };
    const background = new Set(new Set(active.map((t) => t.kind)).size > 1 ? active.filter(inBackground) : []);
    // "One dead and several injured after two groups of herders clashed", "five killed following clashes": a
    // clause that tells only a toll, with no one doing it, has its cause in the clause of "after" — unless a lapse
    // of time parts them ("two days after the clashes").
    const foreground = active.filter((t) => !background.has(t));
    if (foreground.length && foreground.every((t) => t.kind === 'killing' && !namesAgent(this.syntax, t))) {
      for (const t of background) {
        const clause = backgroundClause(this.syntax, t, pack.syntaxRoles);
        if (clause && pack.tollCauseRe.test(folded.slice(clause.start, clause.end)) && !pack.lapseBeforeRe.test(folded.slice(Math.max(this.start, clause.start - 30), clause.start + 12))) background.delete(t);
      }
    }
    // "Israeli troops raided the camp; the ministry said 14 people were killed": a toll a speaker reports, naming no one
    // who killed, is the toll of the act told with its author, which leads.
    const authoredAct = active.find((t) => ACTS_WITH_TOLL.has(t.kind) && !background.has(t) && namesAgent(this.syntax, t));
    const tollOnly = (t: TriggerMention) => !!authoredAct && t.kind === 'killing' && !namesAgent(this.syntax, t) && reportedOnParse(this.syntax, t, pack);
    const rank = (t: TriggerMention) => (background.has(t) && background.size < active.length ? 2 * KIND_PRIORITY.length : 0)
      + (violence && YIELD_TO_VIOLENCE.has(t.kind) ? KIND_PRIORITY.indexOf('killing') + 0.5
        : settings.has(t) ? KIND_PRIORITY.length
        : tollOnly(t) ? KIND_PRIORITY.indexOf(authoredAct!.kind) + 0.5
        : KIND_PRIORITY.indexOf(t.kind));
    return [...active].sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0] ?? null;
  }

  private get framed(): readonly Span[] {
    return (this.framedSpans ??= framingSpans(this.ctx.input.folded, this.sentence, this.ctx.pack, () => this.syntax));
  }

  get casualties(): Casualties {
    return (this.casualtiesRead ??= findCasualties(this.ctx.input.folded, this.sentence, this.ctx.pack, this.dates, this.framed, () => this.syntax));
  }

  /** The tolls told inside one segment of the sentence, a blow of several it tells apart ("le premier, qui a fait
   *  trois morts, …, et le second … tuant quatre personnes"). */
  casualtiesIn(segment: Span): Casualties {
    if (segment.start <= this.sentence.start && segment.end >= this.sentence.end) return this.casualties;
    return findCasualties(this.ctx.input.folded, segment, this.ctx.pack, this.dates, this.framed, () => this.syntax);
  }

  /** "…avoir ciblé deux bases, en réponse au meurtre du général … dans un raid américain à Bagdad":
   *  what follows a background cue after the event's verb belongs to the background. */
  private inEvent(m: Span): boolean {
    this.eventEnd ??= this.primary ? backgroundTail(this.ctx.input.folded, this.ctx.pack, this.primary, this.sentence) : this.end;
    return m.start < this.eventEnd && !this.inFraming(m);
  }

  /** Whether a mention starts inside a framing phrase ("in response to …", "amid …"). */
  private inFraming(m: Span): boolean {
    return this.framed.some((f) => m.start >= f.start && m.start < f.end);
  }

  /** A place inside a relative clause that describes a noun ("which has been fighting in Gaza") is not the event's. */
  private inDescription(m: Span): boolean {
    return this.describing.some((f) => m.start >= f.start && m.end <= f.end && setOff(this.ctx.input.folded, f));
  }

  /** "the Israeli army, which has been fighting in Gaza for months, struck…": the relative clauses that do not hold the
   *  event's trigger describe a noun; their places are not the event's, nor their auxiliaries its verb's (their sides may
   *  be: "the base, which hosts US troops, was attacked"). Parsed only when a relative pronoun follows a comma. */
  get describing(): readonly Span[] {
    if (this.describingSpans) return this.describingSpans;
    const { input: { folded }, pack } = this.ctx;
    const primary = this.primary;
    const cue = primary && hasMatch(pack.relativeAfterCommaRe, folded, this.start, this.end);
    return (this.describingSpans = cue ? relativeClauses(this.syntax, pack.syntaxRoles).filter((c) => !(c.start <= primary!.start && c.end >= primary!.end)) : []);
  }

  /** "clashed with troops amid artillery fire in Khan Yunis": a setting goes on where the event does, so an event
   *  that names no place of its own is at the setting's place (a setting cue is a framing cue of the language). */
  private inSetting(m: Span): boolean {
    const { input: { folded }, pack } = this.ctx;
    if (!this.primary || m.start < this.primary.end) return false;
    return this.framed.some((f) => m.start >= f.start && m.start < f.end && allMatches(pack.settingRe, folded, f.start, f.end).some((c) => c.start === f.start));
  }

  private get mentions() {
    if (this.mentioned) return this.mentioned;
    const { actors, kept, cited } = this.mentionsRead ??= this.readMentions();
    // Asked while the leading trigger is being chosen (a background clause's own places): no event yet, so only what
    // a framing sets aside is left out, and nothing is kept for later.
    if (this.primary === undefined) {
      return { actors: actors.filter((m) => !this.inFraming(m)), places: kept.filter((m) => !this.inFraming(m)), cited };
    }
    const own = kept.filter((m) => this.inEvent(m) && !this.inDescription(m));
    return (this.mentioned = { actors: actors.filter((m) => this.inEvent(m)), places: own.length ? own : kept.filter((m) => this.inSetting(m)), cited });
  }

  /** The sentence's sides, places (but the dateline's) and citations, before any is judged the event's. */
  private readMentions(): { readonly actors: readonly ActorMention[]; readonly kept: readonly PlaceMention[]; readonly cited: readonly string[]; readonly dateline: PlaceMention | null } {
    const { input, pack, gaz, countries } = this.ctx;
    // An alias another country's story gives another sense ("les FDS" in Burkina Faso) is left to the bare forces.
    const named = findActors(input.raw, input.folded, this.sentence, pack, stateActorName).filter((a) => !a.onlyIn || a.onlyIn.some((c) => countries.includes(c)));
    const citations = findCitations(input.raw, input.folded, this.sentence, pack);
    const bare = findBareForces(input.raw, input.folded, this.sentence, pack, named);
    const places = findPlaceMentions(input.raw, input.folded, this.sentence, pack, gaz, {
      countries, foldedDocument: input.folded, excluded: [...named, ...bare, ...citations.spans], titleCase: this.zone === 'title' && isTitleCase(input.raw.slice(this.start, this.end)),
    });
    // "According to the health ministry of the Hamas government, which has run Gaza since 2007, the bombing of the camp
    // killed 50": who a report is attributed to is its source, not a side of the event; the places of the attribution
    // are the event's only when the sentence names no other.
    const attributions = attributionSpans(input.folded, this.sentence, pack);
    const attributed = (m: Span) => attributions.some((a) => m.start >= a.start && m.end <= a.end);
    const sides = [...named, ...ownedForces(this.ctx, bare, places)].sort((a, b) => a.start - b.start);
    const actors = sides.filter((a) => !attributed(a));
    // "Mogadishu, Somalia — The army on Sunday foiled an attack on a base in central Somalia", "BEYROUTH (Reuters) - Sept
    // personnes ont été tuées … près de la frontière": the dateline names where the report was filed, not the event's place.
    const dateline = places.find((m) => m.start - this.start <= 1 && PLACE_DATELINE_AFTER.test(input.folded.slice(m.end, m.end + 60)));
    const undated = dateline ? places.filter((m) => m !== dateline) : places;
    const unattributed = undated.filter((m) => !attributed(m));
    const kept = unattributed.length ? unattributed : undated;
    // "selon les Gardiens de la révolution", "according to the Houthis": a side the text cites is cited as outlets are.
    const citedSides = named.filter((a) => attributed(a) || pack.sideAsSourceBeforeRe.test(input.folded.slice(Math.max(this.start, a.start - 40), a.start))).map((a) => a.canonical);
    return { actors, kept, cited: [...new Set([...citations.names, ...citedSides])], dateline: dateline ?? null };
  }

  get dateline(): PlaceMention | null { return (this.mentionsRead ??= this.readMentions()).dateline; }
  get actors(): readonly ActorMention[] { return this.mentions.actors; }
  get places(): readonly PlaceMention[] { return this.mentions.places; }
  get cited(): readonly string[] { return this.mentions.cited; }

  get weapons(): readonly WeaponMention[] {
    return (this.weaponsRead ??= findWeapons(this.ctx.input.folded, this.sentence, this.ctx.pack)
      .filter((w) => this.inEvent(w) && !this.triggers.some((t) => t.suppressedBy && w.start >= t.start - 40 && w.end <= t.end + 40)));
  }

  get syntax(): ParsedSentence {
    return (this.parsed ??= parseSpan(this.ctx.input.raw, this.start, this.end, this.ctx.pack.language));
  }

  get claims(): ClaimCues {
    return (this.claimsRead ??= findClaimCues(this.ctx.input.folded, this.sentence, this.ctx.pack));
  }

  get pastTense(): boolean {
    const { input: { folded }, pack } = this.ctx;
    return this.past.some((m) => !hasMatch(pack.reportedSpeechRe, folded, this.start, m.start));
  }
}


/** Kinds of violent event: a munition in a sentence that tells one of them is that event's weapon. */
const VIOLENT_KINDS: ReadonlySet<TriggerKind> = new Set(['suicide', 'chemical', 'ied', 'air', 'shelling', 'grenade', 'mob', 'riot', 'clash', 'ambush', 'killing', 'explosion', 'attack', 'shootdown', 'territory']);
/** Violence that falls on a side: not a crowd's, a downing or a taking of ground. */
const BLOW_KINDS: ReadonlySet<TriggerKind> = new Set([...VIOLENT_KINDS].filter((k) => !['mob', 'riot', 'shootdown', 'territory'].includes(k)));

/** Munitions that land from afar, and the kind of event their blow is. */
const MUNITION_KINDS: ReadonlyMap<Weapon, TriggerKind> = new Map([
  ['missile', 'shelling'], ['ballistic_missile', 'shelling'], ['rocket', 'shelling'], ['mortar', 'shelling'], ['artillery', 'shelling'], ['drone', 'air'], ['ied', 'ied'],
]);

/**
 * "Shells fired from the east hit a school", "a missile from a Houthi-controlled part of Yemen hit a ship": a munition
 * the parse makes the subject of a verb of impact is a blow, however far from its verb (the lexicon's patterns reach a
 * few words). Parsed only when the sentence names a munition that no pattern's trigger already covers.
 */
function weaponSubjectTriggers(ctx: DocumentContext, s: Span, found: readonly TriggerFound[], parse: () => ParsedSentence): TriggerFound[] {
  const { input: { folded }, pack } = ctx;
  // Only where the patterns found no violent event: a munition in a sentence that tells one is its weapon, not another blow.
  if (found.some((t) => VIOLENT_KINDS.has(t.kind)) || !hasMatch(pack.munitionRe, folded, s.start, s.end)) return [];
  // The longest name of a munition covers a shorter one ("mortar shells" is not also "shells").
  const named = longestOnly(pack.munitions.flatMap(({ weapon, re }) => allMatches(re, folded, s.start, s.end).map((m) => ({ ...m, weapon }))))
    .filter((w) => !found.some((t) => t.start <= w.start && t.end >= w.end));
  const out: TriggerFound[] = [];
  for (const w of named) {
    const verb = munitionVerbOf(parse(), w, pack.syntaxRoles);
    if (!verb || verb.start < w.end || found.some((t) => t.start < verb.end && verb.start < t.end)) continue;
    out.push({ start: w.start, end: verb.end, kind: MUNITION_KINDS.get(w.weapon) ?? 'shelling', weapon: w.weapon, rule: `${pack.language}.trigger.munition-subject` });
  }
  return out;
}

function backgroundTail(folded: string, pack: LanguagePack, primary: TriggerMention, s: Span): number {
  const cue = [...allMatches(pack.framingRe, folded, primary.end, s.end), ...allMatches(pack.periodRe, folded, primary.end, s.end).filter((m) => !/^(?:depuis|since)$/.test(m.text))]
    .sort((a, b) => a.start - b.start)[0];
  return cue?.start ?? s.end;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7;
}

/**
 * Whose "the army", "l'armée de l'air" or "police" is: the state written after it ("the army of Niger", "l'armée du
 * Burkina Faso"); else, unless they are a government's own ("government troops"), the last forces of the same kind
 * the document named with their state before it ("l'armée
 * israélienne a frappé … l'armée a ensuite"); else the country of the sentence's place, or of the document
 * (a state's police and army act at home unless the text said otherwise).
 */
function ownedForces(ctx: DocumentContext, bare: readonly BareForcesMention[], places: readonly PlaceMention[]): ActorMention[] {
  const { input, pack, gaz } = ctx;
  return bare.flatMap((b): ActorMention[] => {
    const mention = (country: string, how: string): ActorMention[] => [{
      start: b.start, end: b.end, canonical: stateActorName(country, b.police), kind: 'state', via: b.police ? 'police-noun' : 'military-noun', rule: `${pack.language}.actor.bare-forces.${how}`,
    }];
    const of = pack.ofCountryAfterRe.exec(input.folded.slice(b.end, b.end + 60));
    if (of) {
      const words = input.raw.slice(b.end + of[0].length, b.end + 60).split(/[\s,.;:()]+/);
      for (let n = Math.min(4, words.length); n >= 1; n--) {
        const code = codeOfCountryName(gaz, words.slice(0, n).join(' '));
        const name = code ? gaz.countryName(code) : null;
        if (name) return mention(name, 'of-country');
      }
    }
    const before = b.home ? undefined : ctx.stateForces.filter((a) => a.end <= b.start && a.canonical.startsWith('Police ') === b.police).at(-1);
    if (before) return [{ start: b.start, end: b.end, canonical: before.canonical, kind: 'state', via: before.via, rule: `${pack.language}.actor.bare-forces.named-before` }];
    // The sentence's place nearest them, when the document is about its country ("police in London" in a report on Gaza).
    const here = places.filter((p) => p.place.country_code && ctx.countries.includes(p.place.country_code))
      .sort((x, y) => gapBetween(x, b) - gapBetween(y, b))[0]?.place.country_code;
    const [code, how] = here ? [here, 'country-of-place'] : [ctx.countries[0], 'country-of-document'];
    const name = code ? gaz.countryName(code) : null;
    return name ? mention(name, how) : [];
  });
}

/** Forces found as "the army", "police" and given their state by the document (ownedForces): no side named by the text. */
function isBareForces(a: ActorMention): boolean {
  return a.rule.includes('.bare-forces.');
}

/** Whether a canonical actor is a state's forces, as stateActorName() writes them. */
function isStateActorName(actor: string): boolean {
  return /^(?:Military|Police) Forces of /.test(actor);
}

/** "Military Forces of the United States", "Police Forces of Kenya". */
export function stateActorName(country: string, police: boolean): string {
  const the = /^(United|Democratic Republic|Central African|Netherlands|Philippines)/.test(country) ? 'the ' : '';
  return `${police ? 'Police' : 'Military'} Forces of ${the}${country}`;
}

// ---- Candidates ----

const REPORTING_BEFORE_DATE = /(?:annonce|annoncee|declare|rapporte|indique|affirme|precise|confirme|said|announced|reported|told|confirmed|stated|publie|publiee|published)\s+(?:\S+\s+){0,2}$/;
const SINCE_BEFORE_DATE = /(?:depuis|since|until|jusqu'au|jusqu'a|d'ici|by)\s+(?:le\s+|the\s+)?$/;

function buildCandidates(ctx: DocumentContext): Candidate[] {
  const { input, pack } = ctx;
  const events: Candidate[] = [];
  let lastDate: { iso: string | null; precision: DatePrecision | null } | null = null;
  const paragraphDate = new Map<number, { iso: string; precision: DatePrecision | null }>();

  for (const s of ctx.sentences) {
    const dates = sentenceDates(ctx, s);
    const yearless = input.published.iso ? null : dayWithoutYear(ctx, s);
    const previous = events[events.length - 1];
    // The day of the story so far: the latest dated event of the last few sentences.
    const recent = recentDated(events, s.index);
    // Date of the sentence: its own, a same-day cue, background (none), its paragraph's, a continuation's.
    let date: SentenceDate[] = dates;
    if (!date.length) {
      // "le lundi 35 décembre 2023", "le 31 décembre 9999": the text states a day, but no real one; the story's day is not it either.
      if (statesUnrealDate(ctx, s)) date = [{ iso: null, precision: null, rule: `${pack.language}.date.unreal` }];
      else if (s.sameDay && (previous?.date || lastDate?.iso)) {
        const src = previous?.date ? { iso: previous.date, precision: previous.datePrecision } : lastDate!;
        date = [{ ...src, rule: `${pack.language}.date.same-day-as-previous` }];
      } else if (s.continuation && recent) {
        // "Il a souligné qu'un drone était tombé": the speaker goes on about the same day; the pluperfect is reported speech.
        date = [{ iso: recent.date, precision: recent.datePrecision, rule: `${pack.language}.date.continuation` }];
      } else if (s.background) date = [{ iso: null, precision: null, rule: `${pack.language}.date.background-tense` }];
      else if (paragraphDate.has(s.paragraph)) date = [{ ...paragraphDate.get(s.paragraph)!, rule: `${pack.language}.date.paragraph-context` }];
      else if ((s.continuation || s.anaphoric) && previous?.date) date = [{ iso: previous.date, precision: previous.datePrecision, rule: `${pack.language}.date.continuation` }];
      // The lead of a news report tells the latest news: without a day of its own, it is dated by the
      // report, and says so with a week's precision rather than passing the report's day off as the event's.
      // A report whose first paragraphs set the scene tells its news in the first event it reads, a paragraph or two on.
      else if ((s.paragraph <= leadParagraph(ctx) || (!events.length && s.paragraph <= leadParagraph(ctx) + 2)) && s.primary && input.published.precision === 'day' && input.published.iso) {
        date = [{ iso: input.published.iso, precision: 'week', rule: s.paragraph <= leadParagraph(ctx) ? 'date.lead-dated-by-report' : 'date.first-event-dated-by-report' }];
      } else date = [{ iso: null, precision: null, rule: 'date.none-in-text' }];
      date = date.map((d) => ({ ...d, implied: true }));
    }
    const firstDated = dates.find((d) => d.iso);
    if (firstDated?.iso) {
      lastDate = firstDated;
      paragraphDate.set(s.paragraph, { iso: firstDated.iso, precision: firstDated.precision });
    }

    // Places are read last in these tests: a sentence that is not next to an event is never asked for its places.
    if (!s.primary) {
      // "No injuries were reported." right after the event tells its toll.
      // A toll stated for the event ("3 fatalities coded to this event", "The total fatalities were 27") is its toll, a
      // few sentences on too; a total that names a place of its own may be another place's.
      const stated = previous && s.casualties.stated && !previous.statedKilled && s.index - previous.last <= 3 && (s.casualties.stated === 'assigned' || !s.places.length);
      if (previous && stated) {
        takeKilled(previous, s.casualties.killed, true, (mine) => mine);
        previous.wounded ??= s.casualties.wounded;
        addSentence(previous, s);
        s.casualties.rules.forEach((rule, k) => addTrace(previous.trace, { field: 'casualties', rule: `${rule}+stated`, span: s.casualties.spans[k]! }));
      } else if (previous && previous.last === s.index - 1 && (s.casualties.killed !== null || s.casualties.wounded !== null) && !s.places.length) {
        previous.killed ??= s.casualties.killed;
        previous.wounded ??= s.casualties.wounded;
        addSentence(previous, s);
        s.casualties.rules.forEach((rule, k) => addTrace(previous.trace, { field: 'casualties', rule: `${rule}+next-sentence`, span: s.casualties.spans[k]! }));
      }
      // "…, killing two officers. Al-Shabaab claimed responsibility.": a claim right after the event, with no act of its
      // own, is the event's; its claimant is the side it names (a group, not a state), or the event's author.
      if (previous && s.index - previous.last <= 1 && s.claims.claimed.length && !s.claims.negated.length && !s.claims.denied.length && !habitualClaim(s, pack, input.folded)) {
        const claimant = s.actors.find((a) => a.kind !== 'state' && a.canonical !== previous.actor2 && a.start < s.claims.claimed[0]!.start);
        const by = claimant?.canonical ?? (previous.actor1 && !isStateActorName(previous.actor1) ? previous.actor1 : null);
        if (by && (!previous.actor1 || previous.actor1 === by)) {
          if (!previous.actor1) {
            previous.actor1 = by;
            addTrace(previous.trace, { field: 'actor1', rule: `${claimant!.rule}+claim`, span: claimant! });
          }
          previous.claimed = true;
          previous.claimBy ??= by;
          addSentence(previous, s);
          addTrace(previous.trace, { field: 'claim', rule: `${pack.language}.claim.claimed+next-sentence`, span: s.claims.claimed[0]! });
        }
      }
      // A continuation that only names a place refines the previous event: "Elle visait … près de Kirkouk".
      if (previous && (s.continuation || s.anaphoric) && s.index - previous.last <= 1 && s.places.length) {
        const best = choosePlaces(input.raw, input.folded, s.places)[0];
        if (best && (!previous.place || rankOf(best) < rankOf(previous.place))) {
          previous.place = best;
          addSentence(previous, s);
          addTrace(previous.trace, { field: 'location', rule: `${best.rule}+continuation`, span: best });
        }
      }
      continue;
    }
    // "l'État islamique, qui s'est emparé du territoire des deux pays en 2014", "In 2021, jihadists killed 100 villagers":
    // a sentence dated by a year alone, before the report's year, tells history, not news.
    const published = input.published.iso;
    if (published && dates.length && dates.every((d) => d.precision === 'year' && d.iso !== null && d.iso.slice(0, 4) < published.slice(0, 4))) continue;

    const places = choosePlaces(input.raw, input.folded, placesOfEvent(s, pack, input.folded));
    const roles = assignRoles(ctx, s);
    const noPlace = places.length === 0;
    // No place of its own but pointing back ("cette attaque", "ils"), or naming "the incident" just told: the previous event, told again.
    // "Elle a été suivie par des bombardements", "it was followed by clashes": the trigger after is the next event.
    const sequel = hasMatch(pack.sequelBeforeRe, input.folded, Math.max(s.start, s.primary!.start - 40), s.primary!.start);
    const retelling = previous && !sequel && (noPlace ? s.anaphoric || s.continuation : s.anaphoric && hasMatch(pack.eventAnaphoraRe, input.folded, s.start, s.primary!.end + 20) && s.index - previous.last <= 1);
    if (previous && retelling && s.index - previous.last <= 3) {
      if (!noPlace && places[0] && (!previous.place || rankOf(places[0]) < rankOf(previous.place)) && placeCompatible(previous, { ...previous, place: places[0] })) previous.place = places[0];
      absorb(ctx, previous, s, roles, date[0]!);
      if (!previous.date) previous.dayWithoutYear ??= yearless;
      continue;
    }
    // "Four suspects have been arrested", "The bandits then stole 16 cows": arrests or theft told just after a
    // violent event of the paragraph, with no place or day of their own, are what followed it, not events of their own.
    // (Arrests told with a demonstration are its intervention: the merge of demonstrations types them.)
    const last = previous?.last;
    if (previous && last !== undefined && noPlace && !dates.length && AFTERMATH_KINDS.has(s.primary!.kind) && !AFTERMATH_KINDS.has(previous.kind)
      && AFTERMATH_OF_TYPES.has(eventTypeOf(previous.subEventType))
      && s.index - last <= 2 && ctx.sentences[last]!.paragraph === s.paragraph) {
      absorb(ctx, previous, s, roles, date[0]!);
      addTrace(previous.trace, { field: 'sub_event_type', rule: `${pack.language}.aftermath.${s.primary!.kind}` });
      continue;
    }
    // "une attaque de drone sur al-Tanf et une attaque de missile sur Conoco": one event per verb and its places.
    const eventPlaces = placesOfEvent(s, pack, input.folded);
    const segments = triggerSegments(input.raw, input.folded, s, eventPlaces, pack) ?? replyClause(ctx, s, eventPlaces);
    const targets: Target[] = segments ??
      (noPlace ? [null] : places).map((place) => ({ place, trigger: s.primary!, segment: spanOf(s), ownToll: false }));
    // "Al Mayadeen a rapporté une attaque de drone sur al-Tanf et une attaque de missile sur Conoco": blows a sentence
    // lists, each with its verb or noun and its place, are told of one moment unless one names a day of its own.
    const listed = !!segments && new Set(targets.map((t) => t.trigger)).size > 1;
    for (const d of date) {
      for (const { place, trigger, segment, ownToll, reply } of targets) {
        const c = newCandidate(ctx, s, place, d, segments ? assignRoles(ctx, s, trigger, segment) : roles, trigger, segment, ownToll, !!reply);
        // The side a reply's clause names as its subject replies ("and the army responded with air strikes").
        if (reply?.author && !c.actor1 && c.actor2 !== reply.author.canonical) {
          c.actor1 = reply.author.canonical;
          addTrace(c.trace, { field: 'actor1', rule: `${pack.language}.actor.reply-subject`, span: reply.author });
        }
        c.sequel = sequel;
        const framed = answeredBlow(ctx, s, trigger);
        if (framed) {
          c.answered = true;
          addTrace(c.trace, { field: 'sub_event_type', rule: `${pack.language}.answered-blow`, span: framed.trigger });
          if (!c.actor2 && framed.actor2 && framed.actor2.canonical !== c.actor1) {
            c.actor2 = framed.actor2.canonical;
            addTrace(c.trace, { field: 'actor2', rule: `${pack.language}.actor.answered-blow`, span: framed.actor2 });
          }
        }
        if (targets.filter((t) => t.trigger === trigger).length > 1) c.clauses.add(`${s.index}:${trigger.start}`);
        if (listed) c.clauses.add(`${s.index}:listed`);
        if (!c.date && yearless) {
          c.dayWithoutYear = yearless;
          addTrace(c.trace, { field: 'date', rule: `${pack.language}.date.day-without-year` });
        }
        if (!c.actor1 && (s.continuation || sameAuthorCue(input.folded, s, pack)) && previous?.actor1 && previous.actor1 !== c.actor2 && s.index - previous.last <= 2) {
          c.actor1 = previous.actor1;
          addTrace(c.trace, { field: 'actor1', rule: `${pack.language}.actor.continuation-subject` });
        }
        events.push(c);
      }
    }
  }
  return events;
}

/** Whether a verb of reporting governs the trigger's clause ("the ministry said 14 people were killed"). */
function reportedOnParse(parsed: ParsedSentence, trigger: Span, pack: LanguagePack): boolean {
  let w = headWordIn(parsed, trigger);
  for (let guard = 0; w && guard <= parsed.words.length; guard++) {
    w = headOf(parsed, w);
    if (w && w.upos === 'VERB' && pack.reportingVerbWords.has(fold(w.form))) return true;
  }
  return false;
}

/** Whether the parse negates the verb a trigger stands on ("ne … pas", "not", "never"). */
function negatedOnParse(parsed: ParsedSentence, trigger: Span): boolean {
  const verb = headWordIn(parsed, trigger);
  // A word with an auxiliary is a predicate whatever its tag ("did not strike" tagged as a noun).
  if (verb === null) return false;
  // "there had been no attack", "aucune attaque n'a visé la base": an event noun under a negative determiner.
  if ((verb.upos === 'NOUN' || verb.upos === 'PROPN') && children(parsed, verb, 'det').some((d) => d.feats['PronType'] === 'Neg')) return true;
  return (verb.upos === 'VERB' || children(parsed, verb, 'aux').length > 0) && isNegated(parsed, verb);
}

/**
 * "Al-Shabaab-held areas", "rebel-held towns", "Israeli-occupied", "army-backed": a participle glued by a hyphen to
 * the word before it is half of a compound adjective that describes a noun; it tells no act.
 */
function compoundModifierOnParse(parsed: ParsedSentence, trigger: Span): boolean {
  const word = headWordIn(parsed, trigger);
  if (!word || word.feats.VerbForm !== 'Part' || word.start !== trigger.start) return false;
  const hyphen = parsed.words.find((w) => w.end === word.start);
  return !!hyphen && /^[-‐‑]$/.test(hyphen.form) && parsed.words.some((w) => w.end === hyphen.start && /\p{L}$/u.test(w.form));
}

/** Kinds of violence done from afar: where their author is, is not where they strike. */
const REMOTE_KINDS: ReadonlySet<TriggerKind> = new Set(['air', 'shelling']);

/** A sentence's places but those the parse puts in what describes the side that acts ("militias loyal to
 *  Moscow struck a depot in Kupiansk"), when another place is left; parsed only for sentences of two places or more. */
function placesOfEvent(s: SentenceAnalysis, pack: LanguagePack, folded: string): readonly PlaceMention[] {
  if (s.places.length < 2 || !s.primary) return s.places;
  const trigger = s.primary;
  // Where the side that fires from afar is ("forces in Lebanon fired … toward Adamit") is not where it
  // struck, when the sentence tells that too. A crowd, a militia or an army acting in person acts where it
  // is ("youth in Oyugis rioted at the rally of the Homa Bay governor").
  // Where a crowd is "of" ("residents of X held a demonstration in Y") is where it comes from, whatever its kind.
  const placedAfter = s.places.some((p) => p.start >= trigger.end);
  const toldAfter = REMOTE_KINDS.has(trigger.kind) && placedAfter;
  const kept = s.places.filter((p) => !inAgentDescription(s.syntax, trigger, p, pack.syntaxRoles) && !(toldAfter && (betweenSubjectAndVerb(s.syntax, trigger, p) || besideSide(s, folded, trigger, p)))
    && !(placedAfter && ofTheSubject(s.syntax, trigger, p, pack.syntaxRoles)) && !originOfSubject(s.syntax, trigger, p, pack.syntaxRoles));
  return kept.length ? kept : s.places;
}

/** "Hamas militants in Gaza fired a rocket toward Sderot": a place right after a side and right before the verb says
 *  where the side is, whatever the parse made of the phrase (it may hang the side elsewhere). */
function besideSide(s: SentenceAnalysis, folded: string, trigger: Span, p: PlaceMention): boolean {
  if (p.end > trigger.start || trigger.start - p.end > BESIDE_REACH || /[,;:.]/.test(folded.slice(p.end, trigger.start))) return false;
  return s.actors.some((a) => a.end <= p.start && p.start - a.end <= BESIDE_REACH && !/[,;:.]/.test(folded.slice(a.end, p.start)));
}

/** How many characters may part a side, the place it is in and the verb ("militants | in | Gaza | fired"). */
const BESIDE_REACH = 25;

/** The paragraph of the first body sentence: the lead. */
function leadParagraph(ctx: DocumentContext): number {
  return ctx.sentences.find((x) => x.zone === 'body')?.paragraph ?? 0;
}

/** A sentence's date mentions, each resolved against the document's date; "depuis le 18 octobre" is a period's start, not an event's day. */
function resolvedDates(ctx: DocumentContext, s: SentenceAnalysis) {
  const { input, pack } = ctx;
  return s.dates
    .filter((m) => !SINCE_BEFORE_DATE.test(input.folded.slice(Math.max(s.start, m.start - 25), m.start)))
    // Parsed only when a period marker stands before the date in its sentence.
    .filter((m) => !(hasMatch(pack.periodMarkerRe, input.folded, s.start, m.start) && inPeriodPhrase(s.syntax, m, pack.syntaxRoles)))
    // A year alone dates the event only when the tree ties it to the event's own word or verb.
    .filter((m) => !m.rule.endsWith('.bare-year') || yearDatesTrigger(s, m))
    .map((m) => ({ m, r: resolveMention(m, input.published.iso ? input.published : null, input.ceiling) }));
}

/**
 * Whether a year written alone dates the sentence's event: "In 2021, jihadists killed…", "the 2021 attack killed…",
 * "l'attentat de 2016 a tué…" (the year on the trigger's verb or on the trigger itself, as the phrase of either).
 * A year on another noun or in another clause describes that ("the RSF, formed in 2013, attacked", "the 2015 peace
 * deal", "at the end of 2023", "a camp of 2000 displaced").
 */
function yearDatesTrigger(s: SentenceAnalysis, m: Span): boolean {
  if (!s.primary) return false;
  const year = headWordIn(s.syntax, m), trigger = headWordIn(s.syntax, s.primary);
  if (!year || !trigger) return false;
  // The year's phrase: the year itself, or the noun it is the number of ("in the year 2021" is rare; "en 2016").
  const head = headOf(s.syntax, year);
  if (!head) return false;
  const verb = trigger.upos === 'VERB' ? trigger : headOf(s.syntax, trigger);
  if (head.id === trigger.id || (verb !== null && head.id === verb.id && ['obl', 'nmod', 'advmod', 'obj'].includes(baseRelation(year.deprel)))) return true;
  // "The 2021 attack killed 100 villagers": the year of an event noun that is the trigger verb's own subject or phrase.
  return s.triggers.some((t) => head.start >= t.start && head.end <= t.end) && (head.head === trigger.id || (verb !== null && head.head === verb.id));
}

function sentenceDates(ctx: DocumentContext, s: SentenceAnalysis): SentenceDate[] {
  const { input } = ctx;
  const resolved = resolvedDates(ctx, s);
  const enumerated = resolved.filter(({ m }) => m.rule.endsWith('.enumeration'));
  let chosen = enumerated.length ? enumerated : resolved;
  // "M23 rebels, which were driven out of Goma in 2013, attacked a convoy on Monday": a year alone dates the sentence
  // only when nothing finer does.
  if (chosen.length > 1 && chosen.some(({ r }) => r.precision !== 'year')) chosen = chosen.filter(({ r }) => r.precision !== 'year');
  // "A ceasefire agreed last month collapsed on Monday", "\"We buried them two days ago\", … killed on Saturday": a span
  // counted back from the report yields to a day the sentence states.
  const countedBack = (m: DateMention) => /\.date\.(?:days-ago|last-week|last-month)$/.test(m.rule);
  // (A day that only says when a speaker spoke, "Police said on Monday that … last week", is no day of the event.)
  const statesEventDay = ({ m }: { m: DateMention }) => !countedBack(m) && !REPORTING_BEFORE_DATE.test(input.folded.slice(Math.max(s.start, m.start - 30), m.start));
  if (chosen.length > 1 && chosen.some(statesEventDay)) chosen = chosen.filter(({ m }) => !countedBack(m));
  if (!enumerated.length && chosen.length > 1) {
    // "a annoncé jeudi que … mercredi": the reporting day is not the event's.
    const notReporting = chosen.filter(({ m }) => !REPORTING_BEFORE_DATE.test(input.folded.slice(Math.max(s.start, m.start - 30), m.start)));
    if (notReporting.length) chosen = notReporting;
    chosen = chosen.slice(0, 1);
  }
  const seen = new Set<string>();
  return chosen
    .filter(({ r }) => r.iso && r.iso <= input.ceiling)
    .filter(({ r }) => (seen.has(r.iso!) ? false : (seen.add(r.iso!), true)))
    .map(({ m, r }) => {
      // "ont annoncé jeudi", "said on Thursday": the day of the report, the event is at most a few days before.
      const reported = r.precision === 'day' && ((m.stated.day === undefined && REPORTING_BEFORE_DATE.test(input.folded.slice(Math.max(s.start, m.start - 30), m.start)))
        // A dateline: "19 octobre (Reuters) –", "BEIRUT, Nov 3 (AFP) -".
        || (m.start - s.start <= 30 && DATELINE_AFTER.test(input.folded.slice(m.end, m.end + 30))));
      return reported ? { iso: r.iso, precision: 'week' as const, rule: `${r.rule}+reporting-day` } : { iso: r.iso, precision: r.precision, rule: r.rule };
    });
}

/** Does the sentence state a date that the calendar does not have, or a year no news is about? */
function statesUnrealDate(ctx: DocumentContext, s: SentenceAnalysis): boolean {
  return s.dates.length > 0 && resolvedDates(ctx, s).some(({ r }) => isUnreal(r));
}

/** "le 23 octobre" where neither the text nor the document tells the year (resolution's "no-year"): its "MM-DD". */
function dayWithoutYear(ctx: DocumentContext, s: SentenceAnalysis): string | null {
  const found = resolvedDates(ctx, s).find(({ r }) => r.rule.endsWith(':no-year'));
  if (!found) return null;
  const { month, day } = found.r.stated;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// "à Rukban et à al-Tanf", "at Harir and at Erbil airport", "Samarra, Tikrit": a short filler after a conjunction.
// A French elided article may end the gap: "et dans la ville d'Aldor".
const COORDINATION = /^\s*(?:,\s*)?(?:(?:et|and|ou|or|as well as|ainsi que)\s+(?:[^\s,.;]+\s+){0,5}|,\s*(?:[^\s,.;]+\s+){0,2})(?:[dl]')?$/;

const CONJUNCTION_GAP = /^\s*(?:,\s*)?(?:et|and|ainsi que|as well as)\s/;
/** The brackets of a list's item: no part of what joins two items. */
const BRACKETS = /\s*\([^()]*\)/g;
/** From a place to a name inside the bracket opened after it (a place noun may stand between: "Bajil city ("). */
const BRACKET_OF_PLACE = /^(?:\s+[a-z'-]+)?\s*\([^()]*$/;
/** What may stand in such a bracket before a name: other names and commas ("(Bajil, "), not words ("(coordinates for "). */
const BRACKET_OF_NAMES = /^(?:\s*\p{Lu}[^,()]{0,40},)*\s*$/u;
const BETWEEN_BEFORE = /\b(?:between|entre)\s+(?:\S+\s+){0,3}$/;
/** "dans le secteur de Gourma-Rharous, entre Tombouctou et Gao", "near Kupiansk, between Kharkiv and Izium": after a place
 *  and a comma, the two ends a "between" names are reference points of that place, not places of the event. */
const BETWEEN_AFTER_PLACE = /^\s*,\s*(?:between|entre)\s+(?:(?:the|les?|la|l')\s+)?(?:(?:towns?|cities|villes?|localites?|of|de|d')\s+)*$/;

/** The places a sentence's event happened at: the most specific, and those coordinated with it. */
function choosePlaces(raw: string, folded: string, all: readonly PlaceMention[]): PlaceMention[] {
  // "Bajil city (Bajil, Al Hudaydah)", "Aitaroun (Al Nabatieh, Bint Jbeil)": a bracket opened right after a place
  // says where that place lies; the places in it are not others.
  const bracketed = all.filter((m) => m.rank <= 4 && !all.some((p) => p.end <= m.start && m.start - p.end <= 60 && BRACKET_OF_PLACE.test(folded.slice(p.end, m.start))
    && BRACKET_OF_NAMES.test(raw.slice(p.end, m.start).replace(/^[^(]*\(/, ''))));
  const referenceEnds = new Set<PlaceMention>();
  for (const m of bracketed) {
    const before = bracketed.filter((p) => p.end <= m.start).at(-1);
    if (!before) continue;
    const gap = folded.slice(before.end, m.start);
    if (BETWEEN_AFTER_PLACE.test(gap) || (referenceEnds.has(before) && CONJUNCTION_GAP.test(gap))) referenceEnds.add(m);
  }
  const mentions = bracketed.filter((m) => !referenceEnds.has(m));
  if (!mentions.length) return [];
  // "in Raya area of Balambala sub-county, Garissa county", "Marti, Samburu": a division that the text gives as where a
  // town lies, in another country than the town read, says the town is a namesake of that division's own.
  const placedAbroad = (m: PlaceMention) => m.rank <= 2 && mentions.some((b) => b.rank === 3 && b.start >= m.end && b.start - m.end <= 60 &&
    !!b.place.country_code && b.place.country_code !== m.place.country_code && WHERE_IT_LIES_GAP.test(folded.slice(m.end, b.start)));
  const abroad = new Set(mentions.filter(placedAbroad));
  if (abroad.size) return choosePlaces(raw, folded, all.filter((m) => !abroad.has(m)));
  // A plain place that only says where a "near" one lies ("near Bandiagara, in central Mali") is no place of its own.
  const hasPlain = mentions.some((m) => !m.near && m.rank <= 3 && !mentions.some((n) => n.near && n.end <= m.start && qualifies(folded, n, m)));
  const eff = (m: PlaceMention) => m.rank + (m.near && hasPlain ? 1.5 : 0);
  const best = mentions.reduce((a, b) => (eff(b) < eff(a) ? b : a));
  const group = [best];
  const i = mentions.indexOf(best);
  const coordinated = (a: PlaceMention, b: PlaceMention) => {
    // "Al Khabt (coded to Al Mirwah), Al Mahwait, Ar Rujum": the bracket after a listed place belongs to it; what
    // joins it to the next is what is left.
    const gap = folded.slice(a.end, b.start).replace(BRACKETS, '');
    if (!COORDINATION.test(gap) || gap.length > 45 || (a.rank === 4) !== (b.rank === 4)) return false;
    // "the road between Maseno and Busia", "entre Lafey et Elwak": the two ends of one place.
    if (BETWEEN_BEFORE.test(folded.slice(Math.max(0, a.start - 40), a.start))) return false;
    // Places of different kinds are two places when a conjunction joins them ("near Al Anbar and Jurf
    // al Saqr") and neither lies in the other; after a bare comma, only places of like kinds are.
    if (Math.abs(a.rank - b.rank) <= 1) return true;
    return CONJUNCTION_GAP.test(gap) && !encloses(a, b) && !encloses(b, a);
  };
  for (let j = i - 1; j >= 0 && coordinated(mentions[j]!, mentions[j + 1]!); j--) {
    // "near Bandiagara, in central Mali": the place after the comma says where the one before lies; the one before is
    // the place (taken in its stead when it was the one chosen), and the list stops there.
    if (qualifies(folded, mentions[j]!, mentions[j + 1]!)) {
      if (group[0] === mentions[j + 1]) group[0] = mentions[j]!;
      else break;
      continue;
    }
    group.unshift(mentions[j]!);
  }
  for (let j = i + 1; j < mentions.length && coordinated(mentions[j - 1]!, mentions[j]!); j++) {
    // "Mtwapa, Mombasa county", "Baragoi, Samburu": the division after a comma says where the town is. (Going on with the
    // list after it, "in Malindi, in Kilifi county, and in Mombasa", was measured: ACLED Kenya +2 false events.)
    if (qualifies(folded, group[group.length - 1]!, mentions[j]!)) break;
    group.push(mentions[j]!);
  }
  // Several regions of one sentence ("à l'est et au nord-est de la Syrie") are one vague place.
  const distinct = group.filter((m, k) => group.findIndex((o) => o.place.name === m.place.name) === k);
  return distinct.every((m) => m.rank >= 3) ? distinct.slice(0, 1) : distinct;
}

// What may part a town from the division the text places it in: a comma, "area of", "in the", the name of a
// smaller division ("area of Balambala sub-county, "), never a conjunction or a clause. The division and place
// nouns are places.ts's own.
const WHERE_IT_LIES_GAP = new RegExp(`^(?:\\s*(?:area|(?:sub-?)?${DIVISION_NOUN}|${PLACE_NOUN_WORD}))?\\s*(?:,|\\bof\\b|\\bin\\b|\\bde\\b|\\bdu\\b|\\bd'|\\bdans\\b)\\s*(?:(?:the|la|le|l')\\s+)?(?:[^\\s,.;:()]+\\s+){0,3}(?:(?:sub-?)?${DIVISION_NOUN}\\s*,\\s*)?$`);

// ", " or ", dans le comté de ", ", Mombasa county": what separates a place from the division it is in.
// ", Mombasa county", ", in the district of", ", in Ituri": what may stand between a place and the division it lies in.
const QUALIFIER_GAP = new RegExp(`^\\s*,\\s*(?:(?:dans\\s+|in\\s+|en\\s+)?(?:le\\s+|la\\s+|l'\\s*|the\\s+)?(?:${DIVISION_NOUN}\\s+(?:de\\s+|d'\\s*|du\\s+|of\\s+)?)?)?$`);

// (A country's possessive may open the division: "in Burkina Faso's Centre-Nord region".)
const NEAR_QUALIFIER_GAP = new RegExp(`^\\s+(?:in|dans|en)\\s+(?:le\\s+|la\\s+|l'\\s*|the\\s+)?(?:[^\\s,.;:]+(?:\\s+[^\\s,.;:]+)?'s\\s+)?(?:${DIVISION_NOUN}\\s+(?:de\\s+|d'\\s*|du\\s+|of\\s+)?)?$`);

/** Is b, right after a comma, where a is rather than a second place: its division, or a reference point ("Jurf al Saqr, south of Baghdad")? */
function qualifies(folded: string, a: PlaceMention, b: PlaceMention): boolean {
  const gap = folded.slice(a.end, b.start);
  // A bare ", in X" qualifies only with a division for X (not a town near by), and not in a list of places
  // (", in Kilifi and in Malindi").
  if (/^\s*,\s*(?:in|dans|en)\s+(?:le\s+|la\s+|l'\s*|the\s+)?$/.test(gap)
    // (A comma after the division and a date or anything else is no list: "in Tyre, in southern Lebanon, on Tuesday".)
    && (b.rank !== 3 || b.entry?.kind === 'city' || /^\s*(?:,?\s*(?:and|et)\s(?!then\b|puis\b|later\b|ensuite\b|also\b|aussi\b)|,\s*(?:in|dans|en|a|au)\s)/.test(folded.slice(b.end, b.end + 14)))) return false;
  if (b.near && /^\s*,/.test(gap) && !CONJUNCTION_GAP.test(gap)) return true;
  // "near Damboa in Borno state", "près de Boni dans la région de Mopti": a division right after a place near which the
  // event was, with no comma, says where that place lies.
  if (a.near && b.rank === 3 && b.entry?.kind !== 'city' && NEAR_QUALIFIER_GAP.test(gap) && encloses(b, a)) return true;
  return QUALIFIER_GAP.test(gap) && encloses(b, a);
}

/** Is b a division, or a town that names its division (Kilifi in Kilifi county), around a? */
function encloses(b: PlaceMention, a: PlaceMention): boolean {
  const pa = a.place, pb = b.place;
  if (!pa.country_code || pa.country_code !== pb.country_code || pa.lat === null || pb.lat === null) return false;
  // A part of the country ("dans le nord-est de la Syrie") holds the town the writer places in it; its point is only its middle.
  if (b.rule.startsWith('geo.direction.')) return a.rank < b.rank;
  const division = b.rank === 3 || (b.entry?.kind === 'city' && pb.admin1 !== null && nameKey(pb.admin1) === nameKey(pb.name));
  if (!division || b.rank < a.rank) return false;
  return liesIn(pa, pb);
}

function rankOf(p: PlaceMention): number {
  return p.rank + (p.near ? 0.5 : 0);
}

interface Roles {
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  confirmer: ActorMention | null;
  /** What the parse said of each side's part, for the trace. */
  readings: ReadonlyMap<ActorMention, SyntacticReading>;
}

/** The weight of the parse's reading of a side's part against the cues of position and preposition:
 *  more than any one cue, so that a subject of an active verb or the object of a passive decides. */
const SYNTAX_WEIGHT = 6;


/** "X also struck", "a également frappé": the author of the previous event acts again ("a également fait savoir" is someone speaking again). */
function sameAuthorCue(folded: string, s: Span, pack: LanguagePack): boolean {
  return allMatches(pack.sameAuthorRe, folded, s.start, s.end).some((m) => !pack.reportingNextRe.test(folded.slice(m.end, m.end + 40)));
}

const SOURCE_BEFORE = /(?:selon|d'apres|citant|according to|citing|quoted by|porte-parole du|porte-parole de l'|spokesman for|spokesperson for|spokesman of|responsable du|official of)\s+(?:[^\s,;:]+\s+){0,2}$/;

/** An actor right after another verb of the sentence, with only a determiner or a count between ("raid an al
 *  Shabaab hideout", "attack police officers; kill one"): that verb's object. */
function objectOfEarlierVerb(folded: string, s: SentenceAnalysis, trigger: TriggerMention, a: Span): boolean {
  return s.triggers.some((t) => t !== trigger && !t.suppressedBy && t.end <= a.start && a.start - t.end <= 30
    && /^\s+(?:[^\s,;.:]+\s+){0,2}$/.test(folded.slice(t.end, a.start)) && !/\b(?:by|par|of|de|du|des|d')\s/.test(folded.slice(t.end, a.start)));
}

/** "Al-Shabaab frequently claims attacks in the region", "l'EI revendique régulièrement ce type d'attaques": a claim
 *  told in the present with no auxiliary, or with a word of frequency, is a habit of the group, not a claim of this event. */
function habitualClaim(s: SentenceAnalysis, pack: LanguagePack, folded: string): boolean {
  const cue = s.claims.claimed[0]!;
  if (hasMatch(pack.frequencyRe, folded, s.start, s.end) || hasMatch(pack.genericClaimObjectRe, folded, cue.start, s.end)) return true;
  const verb = headWordIn(s.syntax, cue);
  return !!verb && verb.upos === 'VERB' && verb.feats.Tense === 'Pres' && verb.feats.VerbForm !== 'Part' && !children(s.syntax, verb, 'aux').length;
}

/** Whether a side is whom the sentence's toll counts: the passive subject or the object of a verb its casualty cue names. */
function tollVictims(s: SentenceAnalysis, a: Span): boolean {
  const w = headWordIn(s.syntax, a);
  const verb = w ? headOf(s.syntax, w) : null;
  if (!w || !verb || !['nsubj:pass', 'obj'].includes(w.deprel)) return false;
  return s.casualties.spans.some((span) => verb.start >= span.start && verb.end <= span.end);
}

/** Who acted and who was targeted, from each actor mention's position and cues. */
function assignRoles(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention = s.primary!, segment: Span = s): Roles {
  const { folded } = ctx.input;
  const pack = ctx.pack;
  const scored: { a: ActorMention; agent: number; target: number }[] = [];
  const readings = new Map<ActorMention, SyntacticReading>();
  let confirmer: ActorMention | null = null;
  // Whether the confirmer is a group's officer speaking ("Colonel X of the KIA has told"): a source, never the author.
  let confirmerTitled = false;
  // A sentence cut into segments, one verb each ("… ont été tirés sur la base, pour venger l'assassinat du
  // général, tué dans un raid américain"): the sides of one verb are named in its segment.
  for (const a of s.actors.filter((x) => x.start >= segment.start && x.end <= segment.end)) {
    // An actor of a phrase set aside ("l'escalade des attaques de la Résistance") plays no part in this event; one named
    // before such a phrase is not in it ("between Palestinian militants and IDF troops amid artillery fire").
    const nearest = [...s.triggers].sort((x, y) => gapBetween(x, a) - gapBetween(y, a))[0];
    if (nearest?.suppressedBy && nearest.start < a.end && gapBetween(nearest, a) < gapBetween(trigger, a)) continue;
    const before = folded.slice(Math.max(s.start, a.start - 40), a.start);
    const after = folded.slice(a.end, Math.min(s.end, a.end + 40));
    // "a base of the coalition combating ISIS": ISIS is whom the base's owners fight, not a side of this
    // attack. In a battle, whom a side fights is the other side; and the fighting word may be the event's own verb.
    const opposed = trigger.kind === 'clash' ? null : before.match(pack.opposedBeforeRe);
    if (opposed && !(trigger.end > a.start - (before.length - opposed.index!) && trigger.start < a.start)) continue;
    let agent = 0, target = 0;
    // Who tells of the blow in its own words ("X a annoncé dans un communiqué que des missiles ont été tirés sur…").
    let claimsIt = false;
    const reading = syntacticRole(s.syntax, trigger, a, pack.syntaxRoles, pack.language);
    // "The Pentagon said U.S. jets struck…": a side after a reporting verb that the parse makes the event verb's own
    // subject is who acted, not a speaker put after its verb ("…, said US officials").
    const subjectOfEvent = reading?.role === 'agent' && reading.rule.endsWith('.subject') && !SOURCE_BEFORE.test(before);
    // The victims a toll counts are no speakers ("killing 14 soldiers, US officials said").
    const tollVictim = tollVictims(s, a);
    if (!subjectOfEvent && (SOURCE_BEFORE.test(before) || pack.reportingBeforeRe.test(before) || (pack.reportingAfterRe.test(after) && a.via !== 'attack-noun' && !tollVictim))) {
      // A state speaking ("le Pentagone a annoncé") is a source; an armed group speaking of its attack claims it.
      // "Les Gardiens de la révolution ont annoncé avoir ciblé…", "the IDF said it struck…": a state claiming its own act.
      // "a indiqué avoir frappé": the parse says the speaker is the one who struck.
      const tellsOwnAct = reading?.rule.endsWith('.controller') ?? false;
      const claimsOwnAct = (s.claims.claimed.some((c) => c.start >= a.end && c.start - a.end <= 60) || tellsOwnAct) && !SOURCE_BEFORE.test(before);
      // "Colonel Naw Bu of the Kachin Independence Army has told": a group's officer telling of an attack he does not
      // claim is a source, as a state's is.
      const titled = pack.titledMemberBeforeRe.test(before) && !claimsOwnAct;
      if ((a.kind === 'state' && !claimsOwnAct) || titled || SOURCE_BEFORE.test(before)) {
        if (!confirmer) { confirmer = a; confirmerTitled = titled; }
        continue;
      }
      agent += 3;
      // An armed group's statement of a blow is its claim; a state's is its claim only with vengeance as the blow's
      // purpose ("pour venger l'assassinat"): "le Pentagone a annoncé dans un communiqué que des missiles ont été tirés
      // sur la base (en représailles à …)" tells of a blow it took.
      claimsIt = claimsOwnAct && (a.kind !== 'state' || hasMatch(pack.claimMotiveRe, folded, trigger.end, segment.end));
    }
    if (a.via === 'attack-noun') agent += 5;
    // "a missile from a Houthi-controlled part of Yemen", "shells fired from Russian-held territory": whoever holds the
    // ground a blow from afar (a shelling, a strike) came from struck it.
    if (REMOTE_KINDS.has(trigger.kind) && pack.controlledAfterRe.test(after) && pack.originBeforeRe.test(before)) agent += SYNTAX_WEIGHT;
    if (pack.agentPrepositionRe.test(before) && a.start >= trigger.end && a.start - trigger.end <= 60) agent += 4;
    if (pack.targetPrepositionRe.test(before)) target += 4;
    const claimAfter = s.claims.claimed.some((c) => c.start >= a.end && c.start - a.end <= 90);
    if (claimAfter && a.kind !== 'state') agent += 3;
    // "The attack on the base was claimed by X", "l'attaque … a été revendiquée par X": the claim's by-phrase is
    // its author, whatever the parse makes of X beside the event noun.
    const claimant = a.kind !== 'state' && !s.claims.negated.length && s.claims.claimed.some((c) => claimsBy(s, c, a, pack, folded));
    if (claimant) agent += 2 * SYNTAX_WEIGHT;
    if (a.end <= trigger.start) {
      // The passive of the blow its claim tells is the munition's, not the claimant's ("… ont été tirés sur la base").
      if (claimsIt) agent += 2;
      else if (passiveBetween(folded, pack, a.end, trigger.start, s.describing) || hasMatch(pack.passiveAuxiliaryRe, folded, trigger.start, trigger.end)
        // A headline drops the auxiliary: "U.S. Bases In Syria, Iraq Attacked By Drones" is passive all the same.
        || hasMatch(pack.participleByRe, folded, trigger.start, trigger.end)) target += 3;
      // "Police raid an al Shabaab hideout, kill two": the object of an earlier verb of the sentence is its target.
      else if (objectOfEarlierVerb(folded, s, trigger, a)) target += 3;
      else agent += 2;
    } else {
      target += a.via === 'military-noun' ? 2 : 1;
      // "attaques de la Résistance", "frappes de missiles et de drones de la Résistance": the genitive is the author.
      // A verb's counted object is not an author: "kill four members of al Shabaab".
      const counted = /\d/.test(folded.slice(trigger.end, a.start)) || hasMatch(pack.numberRe, folded, trigger.end, a.start);
      if (/^\s*(?:\S+\s+){0,6}?(?:de la|du|des|de l'|d'|by|of the|of)\s*$/.test(folded.slice(trigger.end, a.start)) && a.start - trigger.end <= 45 && a.kind !== 'state' && !counted) agent += 3;
    }
    if (a.via === 'military-noun') target += 1;
    // Forces not named by their state are a side only where the tree makes them one (subject, object, by-phrase):
    // "killed after security forces opened fire" is told by another verb.
    // The victims a toll counts are struck all the same ("three police officers were killed when their vehicle hit a
    // roadside bomb", "gunmen killed five army soldiers in an attack"): the forces are then the target.
    if (!reading && isBareForces(a)) {
      if (!tollVictim) continue;
      target += SYNTAX_WEIGHT;
    }
    if (reading) {
      if (reading.role === 'agent') agent += SYNTAX_WEIGHT;
      else target += SYNTAX_WEIGHT;
      readings.set(a, reading);
    }
    scored.push({ a, agent, target });
  }
  // One actor, one role; several mentions of one actor add up.
  const byActor = new Map<string, { a: ActorMention; agent: number; target: number }>();
  for (const x of scored) {
    const prev = byActor.get(x.a.canonical);
    if (prev) { prev.agent += x.agent; prev.target += x.target; } else byActor.set(x.a.canonical, { ...x });
  }
  const all = [...byActor.values()];
  let agents = all.filter((x) => x.agent > x.target).sort((a, b) => b.agent - a.agent);
  let targets = all.filter((x) => x.agent <= x.target).sort((a, b) => b.target - a.target);
  // Two sides read as acting and none as acted on: the second is the target, unless the parse makes both the
  // verb's agents ("Wagner's fighters and Malian soldiers executed dozens of civilians": allies, coordinated).
  if (!targets.length && agents.length > 1) {
    // A fight's coordinated subjects are its two sides ("Al-Shabaab and Kenyan soldiers clashed").
    const bothAgents = (x: { a: ActorMention }) => trigger.kind !== 'clash' && readings.get(x.a)?.role === 'agent' && readings.get(agents[0]!.a)?.role === 'agent';
    targets = agents.slice(1).filter((x) => !bothAgents(x));
    agents = agents.slice(0, 1);
  }
  // Fighting between two sides ("des affrontements ont opposé X à Y"): the first named acts.
  if (!agents.length && targets.length > 1 && trigger.kind === 'clash') {
    const [first, ...rest] = [...targets].sort((a, b) => a.a.start - b.a.start);
    agents = [first!];
    targets = rest;
  }
  let actor1 = agents[0]?.a ?? null;
  let actor2 = targets.find((t) => t.a.canonical !== actor1?.canonical)?.a ?? null;
  // "… ont été tirés sur la base, selon les Gardiens de la révolution": a named side that tells of an
  // attack it is not the target of is telling of its own.
  // A state's spokesman telling of an attack with no other side named is as likely telling of an attack on it.
  // Forces not named by their state ("police said") are only a source.
  // A state's officials ("US officials said", "un responsable américain") comment; its forces or organs telling of an
  // attack on another side ("the Israeli army said", "selon les Gardiens de la révolution") tell of their own.
  const officials = (a: ActorMention) => hasMatch(pack.officialNounRe, folded, Math.max(s.start, a.start - 25), Math.min(s.end, a.end + 20));
  if (!actor1 && confirmer && !confirmerTitled && confirmer.canonical !== actor2?.canonical && (confirmer.kind !== 'state' || (actor2 && !officials(confirmer)))
    && !isBareForces(confirmer)) {
    actor1 = confirmer;
    confirmer = null;
  }
  // "US forces shot down two drones", "drones … were shot down by American forces": who shoots down is the one attacked.
  const shootdown = s.triggers.find((t) => t.kind === 'shootdown' && !t.suppressedBy);
  // On the parse too: the subject of the shooting down, or of the verb it is coordinated with ("US forces engaged a
  // drone a few kilometers from the base, and shot it down"), however far from it.
  const defends = (a: ActorMention) => isDefender(folded, a, shootdown!) || subjectOnParse(s.syntax, shootdown!, a);
  if (shootdown && actor1 && defends(actor1) && !shotDownPeople(s, folded, shootdown, pack)) {
    if (!actor2 || actor2.canonical === actor1.canonical) actor2 = actor1;
    actor1 = agents.find((x) => x.a.canonical !== actor2!.canonical && !defends(x.a))?.a ?? null;
  }
  return { actor1, actor2, confirmer, readings };
}

/** A passive auxiliary between a side and its verb, outside the relative clauses that describe a noun ("the army, which
 *  has been fighting for months, struck…" is active). */
function passiveBetween(folded: string, pack: LanguagePack, from: number, to: number, describing: readonly Span[]): boolean {
  return allMatches(pack.passiveAuxiliaryRe, folded, from, to).some((m) => !describing.some((d) => m.start >= d.start && m.end <= d.end));
}

/** "L'armée a neutralisé 20 terroristes", "troops took out five fighters": what the verb acts on, read off the
 *  parse, is people (a fighter or a civilian noun heads it or its "of"-phrase: "une vingtaine de terroristes"),
 *  so the one who shoots down attacks rather than defends. An aircraft, a munition or an "aerial target" does not. */
function shotDownPeople(s: SentenceAnalysis, folded: string, shootdown: TriggerMention, pack: LanguagePack): boolean {
  const affected = affectedOf(s.syntax, shootdown);
  if (!affected) return false;
  // The words from the affected phrase's head to the verb, or from the verb to it: the tree may hang a
  // quantity's noun elsewhere ("une vingtaine | de terroristes").
  const [from, to] = affected.start < shootdown.start ? [affected.start, shootdown.start] : [shootdown.end, Math.max(affected.end, subtreeSpan(s.syntax, affected).end)];
  return hasMatch(pack.armedTargetRe, folded, from, to) || hasMatch(pack.civilianRe, folded, from, to);
}

function isDefender(folded: string, a: ActorMention, shootdown: TriggerMention): boolean {
  if (a.end <= shootdown.start) return shootdown.start - a.end <= 60 && !/[.;]/.test(folded.slice(a.end, shootdown.start));
  return a.start - shootdown.end <= 25 && /^\s*(?:by|par|,)?\s*(?:\S+\s+){0,2}$/.test(folded.slice(shootdown.end, a.start));
}

/** The sentence tells the other side withdrawing or handing the ground over, and no violence of any kind ("entered
 *  without fighting": the fighting word inside the cue tells there was none). */
function handedOver(ctx: DocumentContext, s: SentenceAnalysis): boolean {
  const { input: { folded }, pack } = ctx;
  const cues = allMatches(pack.handoverRe, folded, s.start, s.end);
  if (!cues.length || hasMatch(pack.pushedBackRe, folded, s.start, s.end)) return false;
  return !violenceTold(s, cues);
}

/** Whether a sentence tells violence other than a taking of ground, outside the spans `besides` (a cue that holds a
 *  fighting word only to deny it: "without fighting"). */
function violenceTold(s: SentenceAnalysis, besides: readonly Span[] = []): boolean {
  return s.triggers.some((t) => VIOLENT_KINDS.has(t.kind) && t.kind !== 'territory' && !t.suppressedBy && !besides.some((c) => t.start < c.end && c.start < t.end));
}

/** "Militants have taken control of X. The militants seized the area following the withdrawal of Y forces": the next
 *  sentence of the paragraph retells the taking (at no place of its own, or at the same one) and says it was handed
 *  over, with no fighting told. */
function retoldHandedOver(ctx: DocumentContext, s: SentenceAnalysis): boolean {
  const next = ctx.sentences[s.index + 1];
  if (!next || next.paragraph !== s.paragraph || !next.triggers.some((t) => t.kind === 'territory' && !t.suppressedBy)) return false;
  const samePlace = !next.places.length || next.places.some((p) => !!p.entry && s.places.some((q) => q.entry === p.entry));
  return samePlace && handedOver(ctx, next) && !violenceTold(s);
}

/** What may follow a violent event and belong to it: the arrest of suspects, the theft of cattle. */
const AFTERMATH_KINDS: ReadonlySet<TriggerKind> = new Set(['arrest', 'looting']);
/** The violent events (ACLED's event types) that arrests or theft told after them may belong to. */
const AFTERMATH_OF_TYPES: ReadonlySet<string> = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

const DEMONSTRATION_KINDS: ReadonlySet<TriggerKind> = new Set(['protest', 'riot', 'mob']);

/** The sentences of s's paragraph from `before` sentences before it to `after` after it (a slice, not a scan of the document). */
function sentencesAround(ctx: DocumentContext, s: SentenceAnalysis, before: number, after: number): SentenceAnalysis[] {
  return ctx.sentences.slice(Math.max(0, s.index - before), s.index + after + 1).filter((o) => o.paragraph === s.paragraph);
}

/** The sentence and the next two of its paragraph: where what happened in an event is often told. */
function sentenceAndNext(ctx: DocumentContext, s: SentenceAnalysis): SentenceAnalysis[] {
  return sentencesAround(ctx, s, 0, 2);
}

/** What the police and the crowd did: told in the sentence, or in a next one that is not another event. */
function aroundHas(ctx: DocumentContext, s: SentenceAnalysis, re: RegExp, crowdsOnly = false): boolean {
  const { folded } = ctx.input;
  // A later sentence of the demonstration with no place of its own ("Students stoned vehicles") tells more of it.
  return sentenceAndNext(ctx, s).some((o) => (o === s || !o.primary || o.primary.kind === 'arrest' || o.primary.kind === 'riot' || (!o.places.length && DEMONSTRATION_KINDS.has(o.primary.kind)))
    && allMatches(re, folded, o.start, o.end).some((m) => {
      const from = Math.max(o.start, m.start - 40);
      const before = folded.slice(from, m.start);
      // "protest against gun violence" names the topic; "no reports of violence", "non-violent" deny it. A topic
      // is the protest's: its preposition follows a protest word ("residents (coordinates for Kabirer) barricaded" is no topic).
      const topic = ctx.pack.topicBeforeRe.exec(before);
      const topical = topic !== null && o.triggers.some((t) => t.kind === 'protest' && t.end <= from + topic.index && from + topic.index - t.end <= 60);
      // "against police violence", "amid a new round of violence": the protest's topic or its setting, whatever stands between.
      // "a man was burnt by military officers", "a road damaged by heavy rains": a passive cue whose agent is
      // not a crowd tells what was done to the crowd or its grievance, not what the crowd did.
      if (crowdsOnly) {
        const agent = ctx.pack.agentAfterRe.exec(folded.slice(m.end, Math.min(o.end, m.end + 60)));
        if (agent && !hasMatch(ctx.pack.crowdSideRe, agent[0])) return false;
      }
      return !topical && !ctx.pack.riotTopicBeforeRe.test(before) && !ctx.pack.negatedBeforeRe.test(before);
    }));
}

/** "The police fired back", "une fusillade s'en est suivie": the sentence or the next two of its paragraph tell of fire returned. */
function returnFireAround(ctx: DocumentContext, s: SentenceAnalysis): boolean {
  // A later sentence with a place of its own may be another event; one without tells more of this one.
  return sentenceAndNext(ctx, s).some((o) => (o === s || !o.places.length) && hasMatch(ctx.pack.returnFireRe, ctx.input.folded, o.start, o.end));
}

/** Who is on the receiving end of the event: civilians, armed men, or places where civilians are. */
interface TargetSides {
  readonly civilian: boolean;
  readonly armed: boolean;
  readonly civilianPlace: boolean;
}

function targetSides(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention): TargetSides {
  const { pack } = ctx;
  const civilian = victimHits(ctx, s, trigger, pack.civilianRe);
  const armed = victimHits(ctx, s, trigger, pack.armedTargetRe);
  // "a police officer": the longer name says who it is; the "officer" inside it is not a civilian.
  const inside = (h: Span, others: readonly Span[]) => others.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start);
  // "a police officer … wounding the officer": the head noun of an armed victim named again is that victim.
  const { folded } = ctx.input;
  const heads = new Set(armed.map((a) => folded.slice(a.start, a.end).split(/\s+/).pop()!));
  const retold = (h: Span) => armed.some((a) => a.end <= h.start) && heads.has(folded.slice(h.start, h.end));
  // "an al Shabaab suspect", "two Hamas members": the armed group named before the noun says who the victim is.
  const ofArmedGroup = (h: Span) => s.actors.some((a) => a.kind === 'armed_group' && a.end <= h.start && h.start - a.end <= 2);
  return {
    civilian: civilian.some((h) => !inside(h, armed) && !retold(h) && !ofArmedGroup(h)),
    armed: armed.some((h) => !inside(h, civilian)),
    civilianPlace: victimHits(ctx, s, trigger, pack.civilianPlaceRe).length > 0,
  };
}

/** Who fights in a fight: crowds ("supporters of two candidates", "residents … with police", "des jeunes"),
 *  organised or communal armed sides ("militants", "herders", "des hommes armés", a named armed group). */
function fightSides(ctx: DocumentContext, s: SentenceAnalysis, segment: Span): { crowd: boolean; armed: boolean } {
  const { pack, input } = ctx;
  return {
    crowd: hasMatch(pack.crowdSideRe, input.folded, segment.start, segment.end),
    armed: hasMatch(pack.armedSideRe, input.folded, s.start, s.end) || s.actors.some((a) => a.kind === 'armed_group'),
  };
}

/** A fight of crowds, with no armed side and no gunfire: "residents engaged police in running battles". */
function crowdFight(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention, segment: Span): boolean {
  if (trigger.kind !== 'clash' || hasMatch(ctx.pack.returnFireRe, ctx.input.folded, trigger.start, trigger.end)) return false;
  const sides = fightSides(ctx, s, segment);
  return sides.crowd && !sides.armed;
}

/** "Militants clashed with police": a clash with the police told by a riot's words, fought by armed men and no crowd. */
function armedFight(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention, segment: Span): boolean {
  if (trigger.kind !== 'riot' || !hasMatch(ctx.pack.clashWordRe, ctx.input.folded, trigger.start, trigger.end)) return false;
  const sides = fightSides(ctx, s, segment);
  return sides.armed && !sides.crowd;
}

function isVictim(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention, span: Span): boolean {
  return victimsAmong(ctx, s, trigger, [span]).length > 0;
}

/** The names of the sentence that are victims of its trigger: told after it, or as the subject of a passive toll. */
function victimHits(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention, re: RegExp): Span[] {
  return victimsAmong(ctx, s, trigger, allMatches(re, ctx.input.folded, s.start, s.end));
}

/** A by-phrase ending right before a name, a few words between ("killed by an unknown armed militia", "par des hommes"). */
const AGENT_BEFORE_NAME = /(?:\bby|\bpar|de la part d[eu']?)\s+(?:\S+\s+){0,3}$/;

function victimsAmong(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention, names: readonly Span[]): Span[] {
  const { folded } = ctx.input;
  const { pack } = ctx;
  // "killed by an unknown armed militia": who acts is not a victim; "…, an Ethiopian official said", "selon des
  // habitants": who tells of it neither.
  // "tué par balles deux civils": an instrument is how, not who.
  const agentBefore = (before: string) => {
    const m = AGENT_BEFORE_NAME.exec(before);
    return m !== null && !pack.instrumentRe.test(before.slice(m.index));
  };
  const hits = names.filter((h) => !agentBefore(folded.slice(Math.max(s.start, h.start - 40), h.start))
    && !pack.reportingNextRe.test(folded.slice(h.end, Math.min(s.end, h.end + 40))) && !SOURCE_BEFORE.test(folded.slice(Math.max(s.start, h.start - 40), h.start)));
  const cues = [...allMatches(pack.killedRe, folded, s.start, s.end), ...allMatches(pack.woundedRe, folded, s.start, s.end)];
  // "The home of a councillor was attacked": the subject of a passive verb is what the verb fell on, whether the
  // trigger holds its auxiliary or follows it ("a police officer was shot", "un policier a été blessé").
  const passive = pack.passiveStartRe.test(folded.slice(trigger.start, trigger.end))
    || pack.passiveBeforeRe.test(folded.slice(Math.max(s.start, trigger.start - 30), trigger.start));
  // "Al Shabaab attacked police officers and killed one": the victims of the first verb are the event's.
  const from = Math.min(trigger.start, ...s.triggers.filter((t) => !t.suppressedBy && t.start < trigger.start && trigger.start - t.end <= 60).map((t) => t.start));
  // "shot dead six gang members suspected of raping a woman": who a relative clause speaks of is no victim.
  const clauseEnd = allMatches(pack.victimClauseEndRe, folded, trigger.end, s.end)[0]?.start ?? s.end;
  return hits.filter((h) => (h.start >= from && h.start < clauseEnd) || cues.some((c) => c.start >= h.end && c.start - h.end <= 40 && !actsOn(ctx, h, c))
    || (passive && h.end <= trigger.start && trigger.start - h.end <= 80 && !/[.;:]/.test(folded.slice(h.end, trigger.start))));
}

/** "Police killed two men", "des hommes armés ont tué deux soldats": the name before an active verb with an object is who acts. */
function actsOn(ctx: DocumentContext, subject: Span, verb: Span): boolean {
  const { folded } = ctx.input;
  if (hasMatch(ctx.pack.passiveAuxiliaryRe, folded, subject.end, verb.start)) return false;
  return ctx.pack.objectStartRe.test(folded.slice(verb.end, verb.end + 30));
}

/** Kinds that say a blow fell and not how. */
const GENERIC_KINDS: ReadonlySet<TriggerKind> = new Set(['attack', 'explosion', 'killing']);

/** Several verbs of distinct kinds, each with its own places after it: the segments of the sentence, one per event. */
function triggerSegments(raw: string, folded: string, s: SentenceAnalysis, places: readonly PlaceMention[], pack: LanguagePack): Target[] | null {
  let heads: TriggerMention[] = [];
  for (const t of s.triggers) {
    if (t.suppressedBy || t.kind === 'attack' || t.kind === 'explosion' || t.kind === 'shootdown') continue;
    if (heads.some((h) => t.start < h.end && h.start < t.end)) continue;
    heads.push(t);
  }
  // "a visé la base X, tandis que cinq missiles sont tombés sur Y", "le premier … près de X, et le second près de Y,
  // a visé un véhicule": clauses joined by "while" or by an ordinal that takes up the blows counted tell a blow each,
  // whatever their verbs; the first verb of each clause leads it, and the clause's places are its own, even before it.
  let clauseStarts: number[] | null = null;
  if (heads.length < 2) {
    const joins = allMatches(pack.clauseJoinRe, folded, s.start, s.end);
    const bounds = [s.start, ...joins.map((j) => j.start), s.end];
    const firsts = bounds.slice(1).map((end, k) => s.triggers.find((t) => !t.suppressedBy && t.kind !== 'shootdown' && t.start >= bounds[k]! && t.start < end));
    if (!joins.length || firsts.some((t) => !t)) return null;
    const elliptical = new Set(allMatches(pack.ellipticalJoinRe, folded, s.start, s.end).map((e) => e.start));
    // "Le premier bombardement …, et le second … a visé un véhicule": the second clause's blow is of the kind counted
    // before it, which its verb does not say.
    heads = (firsts as TriggerMention[]).map((t, k) => k > 0 && GENERIC_KINDS.has(t.kind) && !GENERIC_KINDS.has(firsts[0]!.kind) && elliptical.has(joins[k - 1]!.start)
      ? { ...t, kind: firsts[0]!.kind, weapon: t.weapon ?? firsts[0]!.weapon, rule: `${t.rule}+elided-kind` } : t);
    clauseStarts = bounds.slice(0, -1);
  }
  if (heads.length < 2) return null;
  heads.sort((a, b) => a.start - b.start);
  const out: Target[] = [];
  heads.forEach((t, i) => {
    const segment = { start: clauseStarts?.[i] ?? (i === 0 ? s.start : t.start), end: clauseStarts?.[i + 1] ?? heads[i + 1]?.start ?? s.end };
    const from = clauseStarts?.[i] ?? t.start;
    // A clause tells its own toll; a segment cut at a verb may leave the toll to a killing verb of its own
    // ("five people were killed when jets struck X and artillery shelled Y"): the sentence's toll stands.
    for (const place of choosePlaces(raw, folded, places.filter((p) => p.start >= from && p.start < segment.end))) out.push({ place, trigger: t, segment, ownToll: clauseStarts !== null });
  });
  const placed = new Set(out.map((o) => o.trigger));
  if (placed.size >= 2) return out;
  // "The U.S. strike followed another strike by a gunship that was in the air when the fighters fired two missiles at
  // Al-Asad Air Base": a blow of another kind whose clause alone holds the sentence's place is the blow told there;
  // the first names none of its own (it was told before, or has no place to tell). Verbs joined by "and" or "while" share their place.
  const [only] = placed;
  const first = heads[0]!;
  if (!only || only === first || clauseStarts !== null || only.kind === first.kind || !BLOW_KINDS.has(only.kind) || !BLOW_KINDS.has(first.kind)
    || only.kind === 'killing' || first.kind === 'killing') return null;
  const clause = whenClauseApart(s.syntax, only, first, pack.syntaxRoles);
  // The clause's own subject ("when the militia fired …") stands before its verb: the blow's segment opens with the clause.
  return clause ? out.map((o) => ({ ...o, segment: { start: Math.min(o.segment.start, clause.start), end: o.segment.end } })) : null;
}

/** One event a sentence tells: its place, its trigger, the part of the sentence that tells it, whether that part tells
 *  its own toll, and, for a blow and the reply to it (replyClause), the side that replies. */
interface Target {
  readonly place: PlaceMention | null;
  readonly trigger: TriggerMention;
  readonly segment: Span;
  readonly ownToll: boolean;
  readonly reply?: { readonly author: ActorMention | null };
}

/**
 * "Hamas fired rockets at Sderot, and the Israeli army responded with air strikes", "les FSR ont attaqué El Fasher, et
 * l'armée a répliqué par des frappes aériennes": a blow from afar told by a verb coordinated with the first blow's, with
 * a subject of its own that is another side, is that side's reply: an event of its own, at the places its clause names
 * (none, when it names none: where a reply struck is not where the blow it answers fell). The first blow keeps the
 * clause before it, its own kind and its own sides. A verb that shares the first's subject ("attacked the village and
 * killed 12") tells the same event.
 */
function replyClause(ctx: DocumentContext, s: SentenceAnalysis, places: readonly PlaceMention[]): Target[] | null {
  const triggers = s.triggers.filter((t) => !t.suppressedBy && t.kind !== 'shootdown').sort((a, b) => a.start - b.start);
  const first = triggers[0];
  if (!first || !BLOW_KINDS.has(first.kind)) return null;
  for (const later of triggers.slice(1)) {
    if (!REMOTE_KINDS.has(later.kind) || later.kind === first.kind || later.start < first.end) continue;
    const reply = coordinatedClauseOfItsOwn(s.syntax, later, first);
    if (!reply || reply.clause.start <= first.end) continue;
    const side = s.actors.find((a) => a.start >= reply.subject.start && a.end <= reply.subject.end);
    const firstSide = s.actors.find((a) => a.end <= first.start);
    if (!side || (firstSide && firstSide.canonical === side.canonical)) continue;
    const head = { start: s.start, end: reply.clause.start };
    const own = (p: PlaceMention, span: Span) => p.start >= span.start && p.start < span.end;
    const firstPlaces = choosePlaces(ctx.input.raw, ctx.input.folded, places.filter((p) => own(p, head)));
    const replyPlaces = choosePlaces(ctx.input.raw, ctx.input.folded, places.filter((p) => own(p, reply.clause)));
    return [
      ...(firstPlaces.length ? firstPlaces : [null]).map((place) => ({ place, trigger: first, segment: head, ownToll: true, reply: { author: null } })),
      ...(replyPlaces.length ? replyPlaces : [null]).map((place) => ({ place, trigger: later, segment: { start: reply.clause.start, end: s.end }, ownToll: true, reply: { author: side } })),
    ];
  }
  return null;
}

/**
 * An event's toll: the sentence's, but for a clause of another moment that tells a killing of its own ("…near Kaya on
 * Tuesday, a week after jihadists killed 30 civilians in Barsalogho"): that toll is the earlier event's.
 */
function tollApartFromBackground(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention): Casualties {
  for (const other of s.triggers) {
    if (other === trigger || other.kind !== 'killing' || (other.start < trigger.end && trigger.start < other.end)) continue;
    const clause = backgroundClause(s.syntax, other, ctx.pack.syntaxRoles);
    if (!clause || (clause.start <= trigger.start && clause.end >= trigger.end)) continue;
    const rest = clause.start >= trigger.end ? { start: s.start, end: clause.start } : clause.end <= trigger.start ? { start: clause.end, end: s.end } : null;
    // Only when the rest tells a toll of its own: otherwise the parse may have put the event's own toll in that clause
    // ("Protesters blocked roads after police shot dead three demonstrators").
    const own = rest && s.casualtiesIn(rest);
    if (own && own.killed !== null) return own;
  }
  return s.casualties;
}

function newCandidate(ctx: DocumentContext, s: SentenceAnalysis, place: PlaceMention | null, date: SentenceDate, roles: Roles,
  trigger: TriggerMention = s.primary!, segment: Span = s, ownToll = false, ownWeapons = false): Candidate {
  const { pack, input } = ctx;
  // The weapons of the event are those told with its verb; others in the sentence may belong to a reply or a recall
  // (a blow and the reply to it, each in its clause, keep only their own).
  const near = s.weapons.filter((w) => w.start >= segment.start && w.end <= segment.end && gapBetween(w, trigger) <= 80);
  const weapons = new Set<Weapon>((near.length || ownWeapons ? near : s.weapons).map((w) => w.weapon));
  if (trigger.weapon) weapons.add(trigger.weapon);
  // "Les bases ont été attaquées" names no weapon; the sentences around it often do ("… deux drones ont été abattus").
  const typingWeapons = weapons.size ? [...weapons]
    : sentencesAround(ctx, s, 2, 2).filter((o) => !ownWeapons || o.index !== s.index).flatMap((o) => o.weapons.map((w) => w.weapon));
  const sides = targetSides(ctx, s, trigger);
  const casualties = ownToll ? s.casualtiesIn(segment) : tollApartFromBackground(ctx, s, trigger);

  // For a killing, the group named as its target must stand where victims stand ("two al Shabaab suspects were shot dead").
  // "Police shot dead five suspected carjackers": suspects state forces kill are a side they fight, not bystanders.
  // The state must be the author: its forces before the verb ("police shot dead") or its by-phrase ("killed by police"),
  // and the victims suspects only (not "five civilians in a suspected reprisal").
  const suspects = trigger.kind === 'killing' ? victimHits(ctx, s, trigger, pack.suspectVictimRe) : [];
  const agentPhrase = roles.actor1 ? null : pack.agentAfterRe.exec(input.folded.slice(trigger.end, s.end))?.[0];
  const stateAuthor = roles.actor1 ? roles.actor1.kind === 'state'
    : hasMatch(pack.stateForcesRe, input.folded, s.start, trigger.start) || (!!agentPhrase && hasMatch(pack.stateForcesRe, agentPhrase));
  const otherCivilians = suspects.length > 0 && victimHits(ctx, s, trigger, pack.civilianRe).some((h) => !suspects.some((x) => x.start <= h.start && h.end <= x.end));
  const stateKilledSuspects = suspects.length > 0 && stateAuthor && !otherCivilians;
  const armedTarget = (!!roles.actor2 && (trigger.kind !== 'killing' || isVictim(ctx, s, trigger, roles.actor2))) || sides.armed || stateKilledSuspects;
  const civilianTarget = !stateKilledSuspects && (sides.civilian || (trigger.kind !== 'killing' && sides.civilianPlace));
  const stateForcesTold = hasMatch(pack.stateForcesRe, input.folded, s.start, s.end);
  const typing: TypingInput = {
    kind: trigger.kind,
    weapons: typingWeapons,
    civilianTarget,
    armedTarget,
    // "ont mené des frappes", "US strikes": a strike, not an attack of any kind.
    strikeNoun: trigger.kind === 'attack' && hasMatch(pack.strikeNounRe, input.folded, trigger.start, trigger.end),
    convoy: hasMatch(pack.convoyRe, input.folded, s.start, s.end),
    // What the police and the crowd did is often told in the next sentence: the paragraph around the protest counts.
    protestIntervention: aroundHas(ctx, s, pack.protestInterventionRe),
    protestExcessive: aroundHas(ctx, s, pack.protestExcessiveRe),
    riotCue: aroundHas(ctx, s, pack.riotCueRe, true),
    returnFire: returnFireAround(ctx, s),
    troopsMoved: hasMatch(pack.troopNounRe, input.folded, s.start, s.end),
    territoryLost: hasMatch(pack.pushedBackRe, input.folded, s.start, s.end),
    handedOver: trigger.kind === 'territory' && (handedOver(ctx, s) || retoldHandedOver(ctx, s)),
    stateActor: roles.actor1 ? roles.actor1.kind === 'state' : hasMatch(pack.stateForcesRe, input.folded, s.start, s.primary!.start),
    crowdAssault: hasMatch(pack.crowdAssaultRe, input.folded, segment.start, segment.end),
    // Written in lower case: "the province of Witch Yaga" is a name.
    mobCue: allMatches(pack.mobCueRe, input.folded, s.start, s.end).some((m) => /\p{Ll}/u.test(input.raw[m.start] ?? '')),
    resistsOperation: hasMatch(pack.crowdResistsOperationRe, input.folded, s.start, s.end),
    demonstration: sentencesAround(ctx, s, 1, 1).some((o) => o.triggers.some((t) => t.kind === 'protest' && !t.suppressedBy)),
    crowdSides: crowdFight(ctx, s, trigger, segment),
    stateForcesTold,
    crowdsAmongThemselves: (trigger.kind === 'mob' || trigger.kind === 'clash') && !stateForcesTold && hasMatch(pack.clashWordRe, input.folded, trigger.start, trigger.end),
    armedSides: armedFight(ctx, s, trigger, segment),
  };
  const typed = chooseSubEventType(typing);
  // "… où un tir de drone tuait le général, cinq jours plus tôt": days before the day the story is at.
  const shift = earlierShift(ctx, segment);
  if (shift && date.iso && date.implied) {
    date = shift.days === null ? { iso: null, precision: null, rule: `${pack.language}.date.earlier-unknown` }
      : { iso: fromDays(toDays(date.iso) - shift.days), precision: date.precision, rule: `${date.rule}+${pack.language}.date.days-earlier` };
  }
  const trace: FieldTrace[] = [
    { field: 'trigger', rule: trigger.rule, span: trigger },
    { field: 'sub_event_type', rule: typed.rule },
    { field: 'date', rule: date.rule },
  ];
  if (place) trace.push({ field: 'location', rule: place.rule, span: place });
  for (const field of ['actor1', 'actor2'] as const) {
    const a = roles[field];
    if (!a) continue;
    trace.push({ field, rule: a.rule, span: a });
    const reading = roles.readings.get(a);
    if (reading) trace.push({ field, rule: `${reading.rule} (${reading.path})`, span: a });
  }
  for (const w of s.weapons) addTrace(trace, { field: 'weapons', rule: w.rule, span: w });
  casualties.rules.forEach((rule, k) => addTrace(trace, { field: 'casualties', rule, span: casualties.spans[k]! }));
  const claimed = claimedBy(s, roles, pack, ctx.input.folded);
  if (claimed) trace.push({ field: 'claim', rule: `${pack.language}.claim.claimed`, span: s.claims.claimed[0]! });
  if (s.claims.confirmed.length) trace.push({ field: 'claim', rule: `${pack.language}.claim.confirmed`, span: s.claims.confirmed[0]! });
  const country = place?.place.country_code ?? sentenceCountry(ctx, s);
  return {
    kind: trigger.kind,
    subEventType: typed.sub,
    date: date.iso,
    datePrecision: date.iso ? date.precision : null,
    dayWithoutYear: null,
    clauses: new Set(),
    pastTense: s.pastTense,
    earlier: shift !== null,
    sequel: false,
    answered: false,
    distinct: distinctObject(ctx, trigger, segment),
    several: (!place || place.rank >= 3) && hasMatch(pack.severalEventsRe, input.folded, Math.max(segment.start, trigger.start - 30), clauseEnd(input.folded, trigger.end, segment.end)),
    place,
    countryCode: country,
    actor1: roles.actor1?.canonical ?? null,
    actor2: roles.actor2?.canonical ?? civilianSide(typed.sub, sides.civilian, place),
    weapons,
    killed: casualties.killed,
    wounded: casualties.wounded,
    statedKilled: casualties.stated !== null,
    claimed,
    confirmed: s.claims.confirmed.length > 0,
    denied: s.claims.denied.length > 0,
    claimBy: claimed ? roles.actor1?.canonical ?? null : null,
    confirmedBy: roles.confirmer?.canonical ?? confirmingState(ctx, s),
    cited: new Set(s.cited),
    evidence: [spanOf(s)],
    trace,
    sentences: new Set([s.index]),
    first: s.index,
    last: s.index,
    fromTitle: s.zone === 'title',
    typing,
    // A toll by gunfire ("shot dead") belongs to the event near it; one told with a bomb or a drone may be another strike.
    // Forces the text does not name by their state ("police shot one dead") make no side of their own either.
    bareToll: trigger.kind === 'killing' && (!roles.actor1 || isBareForces(roles.actor1)) && [...weapons].every((w) => w === 'small_arms') && (casualties.killed !== null || casualties.wounded !== null),
  };
}

/** The kinds of event whose victims, when they are civilians and no armed side is named as the target,
 *  are a side of their own (ACLED's "Civilians (Country)"): violence done to people, not fighting. */
const CIVILIAN_SIDE_TYPES: ReadonlySet<string> = new Set([
  'Attack', 'Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade',
  'Abduction/forced disappearance', 'Sexual violence', 'Excessive force against protesters',
]);

/** The state whose officials the confirmation cue names ("des responsables américains", "a US official"), if it names one. */
function confirmingState(ctx: DocumentContext, s: SentenceAnalysis): string | null {
  const cue = s.claims.confirmed[0];
  if (!cue) return null;
  const { pack, input } = ctx;
  const nat = allMatches(pack.nationalityRe, input.folded, cue.start, cue.end)[0];
  const country = nat ? pack.nationality.get(nat.text.replace(/\s+/g, ' ')) : undefined;
  return country ? stateActorName(country, false) : null;
}

function civilianSide(subEventType: string, civilianTarget: boolean, place: PlaceMention | null): string | null {
  if (!civilianTarget || !CIVILIAN_SIDE_TYPES.has(subEventType)) return null;
  const country = place?.place.country;
  return country ? `Civilians (${country})` : 'Civilians';
}

/**
 * The blow a framing phrase of the two sentences before set aside as what an event answered ("in response to attacks
 * on U.S. bases"), when this trigger retells it: the same word, after a demonstrative ("Those attacks include…",
 * "Ces attaques…") or with the same phrase after it ("attacks on U.S. bases included…"). With the side it named as
 * struck.
 */
function answeredBlow(ctx: DocumentContext, s: SentenceAnalysis, trigger: TriggerMention): { trigger: TriggerMention; actor2: ActorMention | null } | null {
  const { raw, folded } = ctx.input;
  const word = (t: Span) => folded.slice(t.start, t.end).split(/\s+/)[0]!;
  const after = (t: Span) => folded.slice(t.end, t.end + 24).split(/[,;.]/)[0]!.trim();
  const demonstrative = ctx.pack.demonstrativeBeforeRe.test(folded.slice(Math.max(s.start, trigger.start - 40), trigger.start));
  for (const p of ctx.sentences.slice(Math.max(0, s.index - 2), s.index)) {
    const framed = p.triggers.find((t) => t.suppressedBy === `${ctx.pack.language}.suppress.framing` && word(t) === word(trigger));
    if (!framed) continue;
    if (!demonstrative && (after(framed).length < 6 || after(framed) !== after(trigger))) continue;
    // The side the framed blow fell on: named right after it, behind a preposition of target ("attacks on American bases").
    const reach = { start: framed.end, end: Math.min(p.end, framed.end + 60) };
    const struck = findActors(raw, folded, reach, ctx.pack, stateActorName)
      .find((a) => a.kind === 'state' && ctx.pack.targetPrepositionRe.test(folded.slice(Math.max(framed.start, a.start - 40), a.start)));
    return { trigger: framed, actor2: struck ?? null };
  }
  return null;
}

/** "cinq jours plus tôt", "two weeks earlier" in a segment: how many days back (null when the number is not read). */
function earlierShift(ctx: DocumentContext, segment: Span): { days: number | null } | null {
  const m = allMatches(ctx.pack.earlierRe, ctx.input.folded, segment.start, segment.end)[0];
  if (!m) return null;
  const [count, unit] = m.text.split(/\s+/);
  const n = /^\d+$/.test(count!) ? Number(count) : wordNumber(count!, ctx.pack);
  return { days: n === undefined ? null : /^(?:semaine|week)/.test(unit!) ? n * 7 : n };
}

/** Whether side `a`, after claim cue `c`, is who claims: its by-phrase ("claimed by X", "revendiquée par X"), a side
 *  named after that phrase's noun ("claimed by a group calling itself X", "par un groupe baptisé X"), or its subject
 *  put after it ("ce qu'a revendiqué X"). */
function claimsBy(s: SentenceAnalysis, c: Span, a: Span, pack: LanguagePack, folded: string): boolean {
  return c.end <= a.start && (isAgentOf(s.syntax, c, a, pack.syntaxRoles) || subjectOnParse(s.syntax, c, a)
    || (a.start - c.end <= 60 && pack.claimantNamedRe.test(folded.slice(c.start, a.start)))
    || (a.start - c.end <= 12 && pack.claimSubjectBeforeRe.test(folded.slice(Math.max(s.start, a.start - 80), a.start))));
}

function claimedBy(s: SentenceAnalysis, roles: Roles, pack: LanguagePack, folded: string): boolean {
  if (!s.claims.claimed.length || s.claims.negated.length) return false;
  const a1 = roles.actor1;
  // "…, the International Organization for Migration said in a statement": a statement another names itself the
  // speaker of is no claim of the author's (a name the parse makes the subject of the cue's verb, outside the author's
  // mentions).
  const own = a1 ? s.claims.claimed.filter((c) => !spokenByAnother(s, c, a1)) : s.claims.claimed;
  // The claim is the author's own word: its author precedes the claim verb, or the sentence continues its subject.
  return (!!a1 && a1.kind !== 'state' && own.some((c) => c.start >= a1.start)) || (!a1 && s.continuation) ||
    (!!a1 && a1.kind === 'state' && own.some((c) => c.start >= a1.start) && !s.claims.confirmed.length) ||
    // "an attack claimed by the Houthis", "un attentat, qui a été revendiqué par les Shebab": the author is the claim's by-phrase.
    (!!a1 && a1.kind !== 'state' && s.claims.claimed.some((c) => claimsBy(s, c, a1, pack, folded)));
}

/** The speaker of a claim cue is a name (capitalised inside the sentence: "the International Organization for
 *  Migration") or another side ("the Israeli military"), and none of the author's mentions ("the group" may be it). */
function spokenByAnother(s: SentenceAnalysis, cue: Span, author: ActorMention): boolean {
  const speaker = speakerOf(s.syntax, cue);
  if (!speaker) return false;
  const within = (x: Span) => speaker.start >= x.start && speaker.end <= x.end;
  if (s.actors.some((x) => x.canonical === author.canonical && within(x))) return false;
  return (speaker.start > s.start && /^\p{Lu}/u.test(speaker.form)) || s.actors.some((x) => x.canonical !== author.canonical && within(x));
}

function sentenceCountry(ctx: DocumentContext, s: SentenceAnalysis): string | null {
  const country = s.places.find((p) => (p.entry?.kind === 'country' && p.rank === 4) || p.unknownName);
  return country?.place.country_code ?? null;
}

/** A sentence that retells the previous event adds its evidence and what it says new. */
function absorb(ctx: DocumentContext, target: Candidate, s: SentenceAnalysis, roles: Roles, date: SentenceDate): void {
  addSentence(target, s);
  if (!target.actor1 && roles.actor1 && roles.actor1.canonical !== target.actor2) {
    target.actor1 = roles.actor1.canonical;
    addTrace(target.trace, { field: 'actor1', rule: `${roles.actor1.rule}+anaphora`, span: roles.actor1 });
  }
  if (!target.actor2 && roles.actor2 && roles.actor2.canonical !== target.actor1) {
    target.actor2 = roles.actor2.canonical;
    addTrace(target.trace, { field: 'actor2', rule: `${roles.actor2.rule}+anaphora`, span: roles.actor2 });
  }
  if (!target.date && date.iso) { target.date = date.iso; target.datePrecision = date.precision; addTrace(target.trace, { field: 'date', rule: `${date.rule}+anaphora` }); }
  for (const w of s.weapons) target.weapons.add(w.weapon);
  if (s.primary?.weapon) target.weapons.add(s.primary.weapon);
  takeKilled(target, s.casualties.killed, s.casualties.stated !== null, (mine, other) => mine ?? other);
  target.wounded ??= s.casualties.wounded;
  const claimed = claimedBy(s, { ...roles, actor1: roles.actor1 ?? null }, ctx.pack, ctx.input.folded);
  if (claimed || (s.claims.claimed.length && !s.claims.negated.length && roles.actor1 && roles.actor1.canonical === target.actor1)) {
    target.claimed = true;
    target.claimBy ??= roles.actor1?.canonical ?? target.actor1;
    addTrace(target.trace, { field: 'claim', rule: `${ctx.pack.language}.claim.claimed+anaphora`, span: s.claims.claimed[0]! });
  }
  if (s.claims.confirmed.length) { target.confirmed = true; target.confirmedBy ??= roles.confirmer?.canonical ?? confirmingState(ctx, s); }
  if (s.claims.denied.length) target.denied = true;
  for (const c of s.cited) target.cited.add(c);
  // "Au cours de l'opération … ont été saisis" keeps the operation's type; a retold strike may name its weapon now.
  // A killing retold with the weapon that struck from afar ("a journalist killed …; the group was hit by Israeli
  // artillery") is that blow: its victims are a shelling's or an air strike's.
  if (target.kind === 'attack' || target.kind === 'explosion' || (target.kind === 'killing' && FROM_AFAR_WEAPONS.some((w) => target.weapons.has(w)))) {
    const typed = chooseSubEventType({ ...target.typing, kind: target.kind, weapons: [...target.weapons], convoy: false });
    target.subEventType = typed.sub;
  }
}

function spanOf(s: Span): Span {
  return { start: s.start, end: s.end };
}

// ---- Bounds ----
// A document that tells one event a thousand times (a page repeated, a feed pasted in a loop) must cost what
// its length costs: each event keeps the first MAX_EVIDENCE sentences that told it, and for each field the
// first MAX_TRACE_PER_FIELD rules with their spans, plus the first span of every other rule (rules are a
// finite set: what set a field is never lost). The sentences it was told in are counted, not capped.

/** The evidence spans one document gives an event, at most. */
export const MAX_EVIDENCE = 32;
/** The trace entries of one field of an event, at most, beyond one per distinct rule. */
export const MAX_TRACE_PER_FIELD = 8;

/** Adds a rule to a trace unless the same rule with the same span is there, or the field holds its share and the rule is there already. */
function addTrace(trace: FieldTrace[], entry: FieldTrace): void {
  let inField = 0, sameRule = false;
  for (const t of trace) {
    if (t.field !== entry.field) continue;
    inField++;
    if (t.rule !== entry.rule) continue;
    if (t.span?.start === entry.span?.start && t.span?.end === entry.span?.end) return;
    sameRule = true;
  }
  if (sameRule && inField >= MAX_TRACE_PER_FIELD) return;
  trace.push(entry);
}

function addEvidence(c: Candidate, span: Span): void {
  if (c.evidence.length >= MAX_EVIDENCE || c.evidence.some((o) => o.start === span.start && o.end === span.end)) return;
  c.evidence.push(span);
}

/** A sentence told again of an event: its evidence, and where the event now ends. */
function addSentence(c: Candidate, s: SentenceAnalysis): void {
  addEvidence(c, spanOf(s));
  c.sentences.add(s.index);
  c.first = Math.min(c.first, s.index);
  c.last = Math.max(c.last, s.index);
}

function shareSentence(a: Candidate, b: Candidate): boolean {
  const [small, large] = a.sentences.size <= b.sentences.size ? [a.sentences, b.sentences] : [b.sentences, a.sentences];
  for (const i of small) if (large.has(i)) return true;
  return false;
}

/** The latest dated event told in the three sentences before sentence `index`. Events are built in reading order
 *  and only the last one is told again, so their last sentences never decrease: the scan stops at the first one too old. */
function recentDated(events: readonly Candidate[], index: number): Candidate | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (index - e.last > 3) return undefined;
    if (e.date) return e;
  }
  return undefined;
}

/** The sentences of the paragraph of sentence `index`, in order: a paragraph's sentences are contiguous. */
function paragraphOf(ctx: DocumentContext, index: number): SentenceAnalysis[] {
  const all = ctx.sentences, paragraph = all[index]!.paragraph;
  let from = index, to = index + 1;
  while (from > 0 && all[from - 1]!.paragraph === paragraph) from--;
  while (to < all.length && all[to]!.paragraph === paragraph) to++;
  return all.slice(from, to);
}

// ---- Solvers ----

/** How far from its point an area (a province, a part of a country) is taken to reach. */
const VAGUE_AREA_KM = 150;

function placeCompatible(a: Candidate, b: Candidate): 'same' | 'contains' | false {
  if (!a.place || !b.place) {
    const ca = a.place?.place.country_code ?? a.countryCode, cb = b.place?.place.country_code ?? b.countryCode;
    return !ca || !cb || ca === cb ? 'contains' : false;
  }
  const pa = a.place.place, pb = b.place.place;
  if (a.place.entry && a.place.entry === b.place.entry) return 'same';
  if (pa.name === pb.name && pa.country_code === pb.country_code) return 'same';
  if (pa.lat !== null && pb.lat !== null && pa.lon !== null && pb.lon !== null) {
    const d = kmBetween(pa.lat, pa.lon, pb.lat, pb.lon);
    if (d <= 12) return 'same';
    const vague = (p: Place) => p.geo_precision === 3 || p.geo_precision === null;
    // An area reaches 150 km from its point, a large one as far as its data says ("the Gulf of Aden" and "southern Yemen").
    const reach = (m: PlaceMention) => (vague(m.place) ? m.entry?.extentKm ?? VAGUE_AREA_KM : 0);
    if ((vague(pa) || vague(pb)) && d <= Math.max(reach(a.place), reach(b.place)) && pa.country_code === pb.country_code) return 'contains';
    return false;
  }
  return pa.country_code === pb.country_code ? 'contains' : false;
}


/** One event per kind, place and day: retellings of one event in one document become one. */
function mergeSameEvent(ctx: DocumentContext, events: Candidate[]): Candidate[] {
  // Twice: tellings joined by their neighbours may then name a place that joins an earlier telling (a lead's "dans
  // l'est de la Syrie" and, further down, a placeless retelling followed by "près d'Abou Kamal").
  const out = joinTellings(joinTellings(events));
  // "un raid de l'armée de l'air … Le bombardement, survenu samedi…": a bombing whose tellings name aircraft and no
  // gun or rocket fell from the air, whichever telling gave the event its kind.
  // Only the weapons its tellings name count, not those of the sentences around a telling that named none.
  for (const c of out) {
    if (c.kind !== 'shelling' || c.subEventType !== 'Shelling/artillery/missile attack' || !bombingFromTheAir(c.weapons)) continue;
    c.subEventType = 'Air/drone strike';
    addTrace(c.trace, { field: 'sub_event_type', rule: 'type.shelling.aircraft-told' });
  }
  // One verb with coordinated places tells one moment: "des missiles ont été tirés sur la base X et une
  // autre base à Y", where X is the event dated earlier, dates Y with it.
  for (const c of out) {
    if (c.date || !c.clauses.size) continue;
    const dated = out.find((o) => o !== c && o.date && [...c.clauses].some((k) => o.clauses.has(k)));
    if (!dated) continue;
    c.date = dated.date;
    c.datePrecision = dated.datePrecision;
    c.dayWithoutYear = null;
    addTrace(c.trace, { field: 'date', rule: `${ctx.pack.language}.date.coordinated-with-dated` });
    if (!c.actor1 && dated.actor1 && dated.actor1 !== c.actor2) {
      c.actor1 = dated.actor1;
      addTrace(c.trace, { field: 'actor1', rule: `${ctx.pack.language}.actor.coordinated-with-dated` });
    }
  }
  return out;
}

/** Each telling joins the first earlier one of the same event, in text order. */
function joinTellings(events: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const e of events) {
    // Of the earlier tellings it may be, the one whose toll it repeats at the very same place ("le bombardement du camp
    // de Jabaliya a fait plus de 50 morts" retells Tuesday's 50 dead there, not Wednesday's strike told just before).
    const candidates = out.filter((o) => sameEvent(o, e));
    const into = candidates.find((o) => tollsAgree(o, e) && !!o.place?.entry && o.place.entry === e.place?.entry) ?? candidates[0];
    if (into) mergeInto(into, e);
    else out.push(e);
  }
  return out;
}

function sameEvent(a: Candidate, b: Candidate): boolean {
  const place = placeCompatible(a, b);
  if (!place) return false;
  // What the text places days before the story is not the story's event, told again.
  if (a.earlier !== b.earlier) return false;
  // What followed an event ("suivie par des bombardements") is not that event, unless told at its very place.
  if ((a.sequel || b.sequel) && place !== 'same') return false;
  // The blow an event answered, retold, is not that answer ("U.S. jets struck … in response to attacks on U.S. bases.
  // Those attacks include … a ballistic missile against Al-Asad"), unless told at its very place.
  if (a.answered !== b.answered && place !== 'same') return false;
  // "About three hours later, a missile hit a second commercial ship": another blow than those told before.
  if (b.distinct && !shareSentence(a, b)) return false;
  // Events a sentence tells apart (two bases, two days, two verbs) stay apart.
  if (place !== 'same' && shareSentence(a, b)) return false;
  const gap = b.first - a.last;
  const near = gap <= 3 || a.fromTitle || b.fromTitle;
  // An undated toll at the very place of an event the document tells ("80 people were killed in the attack on the base") is its toll.
  if ((a.bareToll || b.bareToll) && place === 'same' && (!a.date || !b.date)) return true;
  // What a sentence says had happened before, on a day of its own, is not the news dated around the report.
  if (a.date && b.date && a.date !== b.date && (!weekCompatible(a, b) || a.pastTense || b.pastTense)) return false;
  if (a.dayWithoutYear && b.dayWithoutYear && a.dayWithoutYear !== b.dayWithoutYear) return false;
  // A retelling with no date of its own at the very place of an event of the same kind is that event told again,
  // however far down the story ("Chanting …, the protesters moved through London" under the lead's march in London).
  // A strike retold as a bombing or shelling with the very toll it took is that strike too.
  const retold = place === 'same' && (!a.date || !b.date) && !a.pastTense && !b.pastTense
    && (a.kind === b.kind || (STRIKE_KINDS.has(a.kind) && STRIKE_KINDS.has(b.kind) && tollsAgree(a, b)));
  if ((!a.date || !b.date || a.datePrecision !== b.datePrecision) && a.date !== b.date && !near && !retold) return false;
  // An attack told without its weapon ("ont ciblé deux bases") has no firm type: it may be any retelling.
  const sameType = eventTypeOf(a.subEventType) === eventTypeOf(b.subEventType) || isUntyped(a) || isUntyped(b)
    || (demonstrationFamily(a.subEventType) && demonstrationFamily(b.subEventType) && (!a.place || !b.place || place === 'same'));
  const adjacent = gap <= 2 && !a.fromTitle && !b.fromTitle;
  if (adjacent && arrestOfDemonstration(a, b) && (!a.place || !b.place || place === 'same')) return true;
  const sameActors = !!a.actor1 && a.actor1 === b.actor1 && !!a.actor2 && a.actor2 === b.actor2;
  // "Nine people were killed in Deir ez-Zor" after the strike there: the toll of the event, whatever its type.
  const toll = near && (a.bareToll || b.bareToll);
  if (!sameType && !(sameActors && adjacent) && !toll) return false;
  // In a fight, who is named first is the writer's choice: a retelling that names the other side first ("PIJ militants
  // exchanged fire with IDF troops. IDF claimed that it killed 15 militants") is the same fight.
  if (a.actor1 && b.actor1 && a.actor1 !== b.actor1 && !sidesOfOneFight(a, b)) return false;
  // Far apart in the text, an area and a place inside it are one event when they share the day, or when neither is
  // dated and the two tell the same author striking the same side the same way ("frappes dans l'est de la Syrie
  // contre les Gardiens" in the lead, "près d'Abou Kamal" further down).
  const undatedSameBlow = !a.date && !b.date && !a.dayWithoutYear && !b.dayWithoutYear && sameActors && a.subEventType === b.subEventType
    && !!a.place && !!b.place && (a.place.place.geo_precision === 3) !== (b.place.place.geo_precision === 3);
  if (place === 'contains' && !near && !(a.date && a.date === b.date && sameType) && !undatedSameBlow) return false;
  // Two places of the same precision that are not the same place are two events.
  if (place === 'contains' && a.place && b.place && a.place.rank === b.place.rank && a.place.rank < 3) return false;
  return true;
}

/** Two tellings that give the same death toll (some deaths, not none). */
function tollsAgree(a: Candidate, b: Candidate): boolean {
  return a.killed !== null && a.killed > 0 && a.killed === b.killed;
}

/** Two tellings of a fight (both battles) that name its sides the other way round: each one's author is the other's
 *  second side (or that side is left unnamed), and at least one of them is named in both. */
function sidesOfOneFight(a: Candidate, b: Candidate): boolean {
  return eventTypeOf(a.subEventType) === 'Battles' && eventTypeOf(b.subEventType) === 'Battles'
    && (a.actor1 === b.actor2 || !b.actor2) && (b.actor1 === a.actor2 || !a.actor2) && (a.actor1 === b.actor2 || b.actor1 === a.actor2);
}

/** A date known only as "around the report" (week) and a day in the week before it may be one event. */
function weekCompatible(a: Candidate, b: Candidate): boolean {
  // Two dates known to the week, a few days apart, are compatible.
  if (a.datePrecision === 'week' && b.datePrecision === 'week') return Math.abs(toDays(a.date!) - toDays(b.date!)) <= 7;
  const [week, day] = a.datePrecision === 'week' ? [a, b] : b.datePrecision === 'week' ? [b, a] : [null, null];
  if (!week || !day || day.datePrecision !== 'day') return false;
  return day.date! <= week.date! && day.date! >= fromDays(toDays(week.date!) - 7);
}

/** A riot typed a violent demonstration only because nothing told it was a mob. */
function riotByDefault(c: Candidate): boolean {
  return c.subEventType === 'Violent demonstration' && typingRule(c) === 'type.riot';
}

/** The rule that typed an event: its first telling's, or that of the telling whose type a merge took. */
function typingRule(c: Candidate): string | undefined {
  return c.typedBy ?? c.trace.find((t) => t.field === 'sub_event_type')?.rule;
}

/** One is a demonstration, the other arrests told with it. */
function arrestOfDemonstration(a: Candidate, b: Candidate): boolean {
  return (demonstrationFamily(a.subEventType) && b.subEventType === 'Arrests') || (a.subEventType === 'Arrests' && demonstrationFamily(b.subEventType));
}

/** Attack typings that say only that nothing more was read: "La frappe a causé…" with no author or target. */
const DEFAULT_TYPINGS: ReadonlySet<string> = new Set(['type.attack.no-armed-target', 'type.attack.default']);

/** Sides that bear no arms: civilians, and the crowds a protest or a riot makes (CROWD_OF_TYPE). */
function unarmedSide(actor: string): boolean {
  return actor.startsWith('Civilians') || Object.values(CROWD_OF_TYPE).some((crowd) => actor.startsWith(crowd));
}

/** An attack typed for want of an armed target whose tellings, joined, name an armed side as its target: typed again
 *  with that target, by the same choice as every telling (chooseSubEventType). */
function armedTargetRetold(e: Candidate): Candidate {
  if (e.subEventType !== 'Attack' || typingRule(e) !== 'type.attack.no-armed-target' || e.typing.civilianTarget || !e.actor2 || unarmedSide(e.actor2)) return e;
  const typed = chooseSubEventType({ ...e.typing, kind: e.kind, weapons: [...e.weapons], armedTarget: true });
  if (typed.sub === e.subEventType) return e;
  return { ...e, subEventType: typed.sub, trace: [...e.trace, { field: 'sub_event_type', rule: `${typed.rule}+armed-target-retold` }] };
}

/** One telling typed only by default, another of the same kind by what it read (a state's strike): the latter's type. */
function typedByDefault(into: Candidate, e: Candidate): boolean {
  return into.kind === e.kind && isUntyped(into) && isUntyped(e) && DEFAULT_TYPINGS.has(typingRule(into) ?? '') && !DEFAULT_TYPINGS.has(typingRule(e) ?? '');
}

function isUntyped(c: Candidate): boolean {
  return (c.kind === 'attack' || c.kind === 'explosion') && c.weapons.size === 0;
}

/** Weapons that strike from afar: a killing told with one is that blow's. */
const FROM_AFAR_WEAPONS: readonly Weapon[] = ['artillery', 'aircraft', 'drone', 'missile', 'ballistic_missile', 'rocket', 'mortar'];

function mergeInto(into: Candidate, e: Candidate): void {
  // Whether the event so far is a bare toll, before what the other telling adds to it.
  const tollInto = into.bareToll && !e.bareToll;
  // A toll told after the event belongs to it and keeps its type ("A gunbattle ensued. Four others wounded.").
  const tollOfInto = e.bareToll && !into.bareToll;
  // The more precise place; between two areas, a named one (the Gulf of Aden) before a part of a country ("southern Yemen").
  // A district the text places in a town ("le quartier de Dar al-Salam à Omdourman": a name the gazetteer lacks, set at
  // the town's point) is finer than a town of the same rank another telling named ("la capitale Khartoum").
  const district = (p: PlaceMention) => !p.entry && !!p.unknownName && p.place.lat !== null;
  if (!into.place || (e.place && (rankOf(e.place) < rankOf(into.place)
    || (rankOf(e.place) === rankOf(into.place) && ((!into.place.entry && !!e.place.entry) || (district(e.place) && into.place.entry?.kind === 'city')))))) into.place = e.place;
  if (e.date && (!into.date || precisionRank(e.datePrecision) < precisionRank(into.datePrecision))) { into.date = e.date; into.datePrecision = e.datePrecision; }
  into.dayWithoutYear ??= e.dayWithoutYear;
  into.countryCode ??= e.countryCode;
  // A side one telling gives as the target is not the author by another's reading (police who disperse
  // "the rioters" they clashed with), nor the reverse.
  if (!into.actor1 && e.actor1 !== into.actor2) into.actor1 = e.actor1;
  if (!into.actor2 && e.actor2 !== into.actor1) into.actor2 = e.actor2;
  // A fight told the other way round ("PIJ militants exchanged fire …; the IDF claimed it killed 3 militants"): the
  // other telling's author is this one's other side.
  if (!into.actor2 && into.actor1 && e.actor1 && e.actor1 !== into.actor1 && sidesOfOneFight(into, e)) into.actor2 = e.actor1;
  // A specific type (drone strike) beats a generic one (an explosion heard) told of the same event.
  if (arrestOfDemonstration(into, e)) {
    // Arrests told with a demonstration are the police's intervention in it, not an event of their own.
    const demo = demonstrationFamily(into.subEventType) ? into : e;
    addTrace(into.trace, { field: 'sub_event_type', rule: 'type.demonstration.arrests' });
    into.kind = demo.kind;
    // Arrests add the police to a protest; a riot stays what it was (a mob whose members are arrested is no demonstration).
    into.subEventType = eventTypeOf(demo.subEventType) === 'Riots' ? demo.subEventType : joinDemonstration(demo.subEventType, 'Protest with intervention');
  } else if (demonstrationFamily(into.subEventType) && demonstrationFamily(e.subEventType) && into.subEventType !== e.subEventType) {
    // A crowd resisting a raid, retold as "the rioters", is no demonstration: a riot typed for want of a cause does not outweigh it.
    const mobRetold = [into, e].some((c) => typingRule(c) === 'type.riot.resisting-operation') && [into, e].every((c) => c.subEventType === 'Mob violence' || riotByDefault(c));
    // "Supporters of two rival candidates clashed at a rally": crowds fighting each other at a demonstration are a mob.
    const rivalCrowds = [into, e].some((c) => c.subEventType === 'Mob violence' && c.typing.crowdsAmongThemselves);
    const joined = mobRetold || rivalCrowds ? 'Mob violence' : joinDemonstration(into.subEventType, e.subEventType);
    addTrace(into.trace, { field: 'sub_event_type', rule: 'type.demonstration.joined' });
    if (joined === e.subEventType) into.kind = e.kind;
    into.subEventType = joined;
  } else if ((into.kind === 'attack' && e.kind === 'crash') || (into.kind === 'crash' && e.kind === 'attack')) {
    // "L'attaque … a été revendiquée. Un drone est tombé à l'intérieur de la base": the munition that fell is what the
    // attack was made with, not an accident of its own; the attack is typed by it.
    const attack = into.kind === 'attack' ? into : e;
    const typed = chooseSubEventType({ ...attack.typing, kind: 'attack', weapons: [...new Set([...into.weapons, ...e.weapons])], convoy: false });
    addTrace(into.trace, { field: 'sub_event_type', rule: `${typed.rule}+munition-fell` });
    into.kind = 'attack';
    into.subEventType = typed.sub;
  } else if (!tollOfInto && ((KIND_PRIORITY.indexOf(e.kind) < KIND_PRIORITY.indexOf(into.kind) && eventTypeOf(e.subEventType) === eventTypeOf(into.subEventType)) || (isUntyped(into) && !isUntyped(e))
    || typedByDefault(into, e) || tollInto)) {
    const by = typingRule(e);
    into.kind = e.kind;
    into.subEventType = e.subEventType;
    into.typedBy = by;
  }
  for (const w of e.weapons) into.weapons.add(w);
  // A toll stated for the event beats the figures of its other tellings. A toll told of several events at once
  // ("seven killed in two separate strikes") is none of them: the one told of this event replaces it.
  if (into.several && !e.several) {
    into.killed = null; into.wounded = null; into.statedKilled = false;
  }
  if (!e.several || into.several) {
    takeKilled(into, e.killed, e.statedKilled, maxNullable);
    into.wounded = maxNullable(into.wounded, e.wounded);
  }
  into.claimed ||= e.claimed;
  into.confirmed ||= e.confirmed;
  into.denied ||= e.denied;
  into.claimBy ??= e.claimBy;
  into.confirmedBy ??= e.confirmedBy;
  for (const c of e.cited) into.cited.add(c);
  for (const span of e.evidence) addEvidence(into, span);
  for (const t of e.trace) addTrace(into.trace, t);
  for (const i of e.sentences) into.sentences.add(i);
  into.first = Math.min(into.first, e.first);
  into.last = Math.max(into.last, e.last);
  into.fromTitle &&= e.fromTitle;
  into.bareToll &&= e.bareToll;
  for (const k of e.clauses) into.clauses.add(k);
  into.pastTense &&= e.pastTense;
  into.several &&= e.several;
  into.earlier &&= e.earlier;
  into.answered &&= e.answered;
}

/** Gives an event another telling's death toll: one stated for the event ("3 fatalities coded to this event")
 *  replaces the figures read before it and is not replaced; otherwise `combine` joins the two figures. */
function takeKilled(c: Candidate, killed: number | null, stated: boolean, combine: (mine: number | null, other: number | null) => number | null): void {
  if (c.statedKilled) return;
  if (stated) {
    c.killed = killed;
    c.statedKilled = true;
  } else c.killed = combine(c.killed, killed);
}

function maxNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function isSingleParagraph(ctx: DocumentContext): boolean {
  return ctx.sentences.length > 0 && ctx.sentences.every((x) => x.paragraph === ctx.sentences[0]!.paragraph);
}

/** Background without a place and a date is not an event; a country alone needs a date. */
function isPlacedOrDated(e: Candidate): boolean {
  if (e.place && e.place.rank <= 3) return true;
  return !!e.date && !!(e.place || e.countryCode);
}

/**
 * An event of a dated report that no sentence dates, and that no tense, cue or earlier day set apart from the
 * news (its every date rule is none-in-text), is of the report's week, the precision saying it was not told.
 */
function datedByReport(ctx: DocumentContext, e: Candidate): Candidate {
  const { published } = ctx.input;
  if (e.date || e.dayWithoutYear || !(e.place || e.countryCode) || published.precision !== 'day' || !published.iso) return e;
  const rules = e.trace.filter((t) => t.field === 'date').map((t) => t.rule);
  if (!rules.length || rules.some((r) => r !== 'date.none-in-text')) return e;
  return { ...e, date: published.iso, datePrecision: 'week', trace: [...e.trace, { field: 'date', rule: 'date.later-event-dated-by-report' }] };
}

/** A dated event with no place, in an article's paragraph that names a country and no place of another, is in it. */
function countryOfParagraph(ctx: DocumentContext, e: Candidate): Candidate {
  if (e.place || e.countryCode || !e.date || isSingleParagraph(ctx)) return e;
  // Every place of the paragraph counts: a Syrian town beside "Iraq" makes two countries.
  const paragraph = paragraphOf(ctx, e.first);
  const countries = new Set(paragraph.flatMap((s) => s.places.filter((p) => p.rank <= 4).map((p) => p.place.country_code)));
  const [country] = countries;
  if (countries.size !== 1 || !country || !paragraph.some((s) => s.places.some((p) => p.rank === 4))) return e;
  return { ...e, countryCode: country, trace: [...e.trace, { field: 'location', rule: 'geo.country.of-paragraph' }] };
}

/** How many sentences after an event's last one a sentence may name its target site again. */
const RETOLD_SITE_REACH = 4;

/**
 * An event placed no closer than a country, whose trigger's clause names its target site ("des
 * frappes … sur deux installations … en Irak"), takes the places of a later sentence of the body that names that
 * site again with a determiner ("Les installations – un centre … près d'Al Anbar et de Jurf al Saqr –") and tells
 * no event of its own: one event per town or site that noun phrase gives, in the event's country.
 */
function placeFromRetoldSite(ctx: DocumentContext, e: Candidate): Candidate[] {
  // A country or no place at all: a region already says where, and a town more.
  if (e.place && e.place.rank <= 3) return [e];
  const { pack, input } = ctx;
  // The site the blow struck: a site noun after one of its triggers, before the clause ends at a comma or a stop
  // ("… a lancé des frappes … sur deux installations utilisées par le groupe, …"; not "…, a spokesman at the base said").
  const told = e.trace.flatMap((t) => {
    const own = t.field === 'trigger' && t.span ? ctx.sentences.find((s) => s.start <= t.span!.start && t.span!.end <= s.end) : undefined;
    if (!own) return [];
    const clauseEnd = t.span!.end + (/[,;:.]/.exec(input.folded.slice(t.span!.end, own.end))?.index ?? own.end - t.span!.end);
    return allMatches(pack.siteNounRe, input.folded, t.span!.end, clauseEnd).slice(0, 1).map((noun) => ({ noun, index: own.index }));
  })[0];
  if (!told) return [e];
  const retold = pack.retoldSiteRe(told.noun.text);
  const country = e.countryCode ?? e.place?.place.country_code ?? null;
  // The sentences after the one that named the site, up to a few past the event's last: those that tell no event.
  for (const s of ctx.sentences.slice(told.index + 1, e.last + 1 + RETOLD_SITE_REACH)) {
    if (s.zone !== 'body' || s.primary || e.sentences.has(s.index)) continue;
    retold.lastIndex = 0;
    const named = retold.exec(input.folded.slice(s.start, s.end));
    if (!named) continue;
    // Only the places the noun phrase gives, between the noun and the sentence's verb ("The facilities, near Al Qaim,
    // were used …"; not "… were run by the militia, whose leader lives in Mosul").
    const from = s.start + named.index + named[0].length;
    // (A word of letters: the tagger may read a dash as a verb.)
    const verb = s.syntax.words.find((w) => w.start >= from && (w.upos === 'VERB' || w.upos === 'AUX') && w.feats.VerbForm === 'Fin' && /\p{L}/u.test(w.form));
    const upTo = verb?.start ?? s.end;
    const sites = choosePlaces(input.raw, input.folded, s.places.filter((p) => p.start >= from && p.end <= upTo && p.rank <= 2 && p.place.lat !== null
      && (!country || p.place.country_code === country)));
    if (!sites.length) continue;
    return sites.map((place, k) => {
      const clone: Candidate = {
        ...e,
        place,
        countryCode: place.place.country_code ?? e.countryCode,
        // A toll told for the blow is not told for each site: the first named keeps it, so that none is counted twice.
        killed: k === 0 ? e.killed : null,
        wounded: k === 0 ? e.wounded : null,
        weapons: new Set(e.weapons),
        cited: new Set(e.cited),
        sentences: new Set(e.sentences),
        clauses: new Set(e.clauses),
        evidence: [...e.evidence],
        trace: [...e.trace.filter((t) => t.field !== 'location'), { field: 'location', rule: `${place.rule}+retold-site`, span: place }],
      };
      addEvidence(clone, spanOf(s));
      return clone;
    });
  }
  return [e];
}

/**
 * An event told without a place happened where its paragraph is set: "Police raided houses in
 * Kisumu. … Of the 29 people injured, …". The scene is the place of the nearest sentence of the
 * paragraph that names one, earlier sentences first (the story goes forward from where it is set).
 * A paragraph that names places in other countries than the event's is no single scene.
 */
function placeFromScene(ctx: DocumentContext, e: Candidate): Candidate {
  if (e.place && e.place.rank <= 3) return e;
  const own = e.first;
  const inParagraph = paragraphOf(ctx, own).filter((s) => s.zone === 'body');
  const placed = inParagraph.map((s) => ({ s, place: choosePlaces(ctx.input.raw, ctx.input.folded, s.places).find((p) => p.rank <= 3 && p.place.lat !== null && isScene(ctx, s, p)) }))
    .filter((x): x is { s: SentenceAnalysis; place: PlaceMention } => x.place !== undefined);
  if (!placed.length) return e;
  const country = e.countryCode;
  if (placed.some((x) => country && x.place.place.country_code !== country)) return e;
  const before = placed.filter((x) => x.s.index < own).pop();
  const after = placed.find((x) => x.s.index > e.last);
  const scene = before ?? after;
  if (!scene) return e;
  const rule = `${scene.place.rule}+scene`;
  return {
    ...e,
    place: scene.place,
    countryCode: scene.place.place.country_code ?? e.countryCode,
    trace: [...e.trace.filter((t) => t.field !== 'location'), { field: 'location', rule, span: scene.place }],
  };
}

/** How many of a body's first sentences may open with its dateline (after a standfirst and a caption's sentence). */
const DATELINE_SENTENCES = 3;

/** A dateline's form: its place in capitals, or followed by its country or region (", Lebanon") or its agency ("(AFP)"). */
function datelineWritten(ctx: DocumentContext, place: PlaceMention): boolean {
  const written = ctx.input.raw.slice(place.start, place.end);
  return written === written.toUpperCase() || /^\s*[,(]/.test(ctx.input.folded.slice(place.end, place.end + 3));
}

/** Towns of fewer people than this are no bureau: a report filed from one was filed from the scene. */
const DATELINE_VILLAGE_POPULATION = 50_000;

/** The village a report is filed from, and the last sentence of the lead it places: the dateline opens the story, in one
 *  of its first sentences (a standfirst may come before it), written as a dateline is ("ALMA AL-SHAAB, Lebanon —",
 *  "Baidoa, Somalia —", "GAO (AFP) -"), not a name set off by a dash further down ("Kfar Kila - a village a few hundred
 *  metres from the border - …"). A city's dateline (a bureau: "BEIRUT (Reuters)") says nothing of where things happened. */
interface OpeningDateline {
  readonly village: PlaceMention;
  /** The index of the last sentence of the dateline's paragraph. */
  readonly leadEnd: number;
}

function openingDateline(ctx: DocumentContext): OpeningDateline | null {
  const opening = ctx.sentences.filter((s) => s.zone === 'body').slice(0, DATELINE_SENTENCES).find((s) => s.dateline && datelineWritten(ctx, s.dateline));
  const village = opening?.dateline;
  if (!opening || !village || village.entry?.kind !== 'city' || village.entry.population >= DATELINE_VILLAGE_POPULATION || village.place.lat === null) return null;
  return { village, leadEnd: paragraphOf(ctx, opening.index).at(-1)!.index };
}

/** An event of the lead (first told in the dateline's paragraph or before it, not one the story turns to later:
 *  "Elsewhere in Lebanon, …") placed only in a country or an area, in a report filed from a village of that country
 *  within the area's reach, is at that village. */
function placeFromDateline(e: Candidate, { village, leadEnd }: OpeningDateline): Candidate {
  if (!e.place || e.place.rank <= 2 || e.first > leadEnd || village.place.lat === null || village.place.lon === null) return e;
  const area = e.place.place;
  if (area.country_code !== village.place.country_code) return e;
  if (area.lat !== null && area.lon !== null && kmBetween(area.lat, area.lon, village.place.lat, village.place.lon) > (e.place.entry?.extentKm ?? VAGUE_AREA_KM)) return e;
  return {
    ...e,
    place: village,
    trace: [...e.trace.filter((t) => t.field !== 'location'), { field: 'location', rule: `${village.rule}+dateline`, span: village }],
  };
}

/** Is a place told as where things happen ("in Kisumu", "at the market in X"), not as a destination, an origin or a road's end? */
function isScene(ctx: DocumentContext, s: SentenceAnalysis, p: PlaceMention): boolean {
  if (p.rule.includes('.road-end')) return false;
  const before = ctx.input.folded.slice(Math.max(s.start, p.start - 60), p.start);
  if (ctx.pack.destinationBeforeRe.test(before)) return false;
  return ctx.pack.countryLocativeBeforeRe.test(before) || ctx.pack.countryLocativeBeforeRe.test(before.replace(DESCRIPTOR_TAIL, ''));
}

// ---- Output ----

function freeze(ctx: DocumentContext, c: Candidate): ExtractedEvent {
  const { raw } = ctx.input;
  const location: Place | null = c.place?.place ?? (c.countryCode
    ? { name: ctx.gaz.countryName(c.countryCode) ?? c.countryCode, admin1: null, country: ctx.gaz.countryName(c.countryCode), country_code: c.countryCode, lat: null, lon: null, geo_precision: null }
    : null);
  // A confirmation is a side's: officials of a state that is neither side of an unclaimed event nor the
  // government where it happened ("US officials said" of a bombing in Damascus) are a source, not a confirmation.
  const home = c.countryCode ? stateActorName(ctx.gaz.countryName(c.countryCode) ?? c.countryCode, false) : null;
  const thirdParty = c.confirmedBy !== null && c.actor1 === null && c.actor2 !== null && c.confirmedBy !== c.actor2 && c.confirmedBy !== home;
  // An author the text cites for its own act ("…, selon les Gardiens de la révolution") claims it.
  const authorCited = !c.claimed && c.actor1 !== null && c.cited.has(c.actor1) && !c.denied;
  const claimed = c.claimed || authorCited;
  const status = c.confirmed && !thirdParty ? 'confirmed' : claimed ? 'claimed' : c.denied ? 'denied' : 'reported';
  const by = status === 'claimed' ? c.claimBy ?? c.actor1 : status === 'confirmed' ? c.confirmedBy : null;
  const evidence = [...new Map(c.evidence.map((s) => [`${s.start}:${s.end}`, s])).values()]
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ start: s.start, end: s.end, text: raw.slice(s.start, s.end) }));
  // "missiles" told of an event another sentence (or the same) calls ballistic missiles are those: the specific name holds.
  const weapons = WEAPON_ORDER.filter((w) => c.weapons.has(w) && ![...c.weapons].some((x) => GENERIC_OF[x] === w));
  const event = {
    event_type: eventTypeOf(c.subEventType),
    sub_event_type: c.subEventType,
    date: c.date,
    date_precision: c.date ? c.datePrecision : null,
    actor1: c.actor1,
    actor2: c.actor2 === c.actor1 ? null : c.actor2,
    location,
    weapons,
    killed: c.killed,
    wounded: c.wounded,
    claim: { status, by } as const,
    cited: [...c.cited],
    evidence,
    trace: authorCited && status === 'claimed' ? [...c.trace, { field: 'claim', rule: `${ctx.pack.language}.claim.author-cited` }] : c.trace,
  };
  return { ...event, notes: noteFor(event), day_without_year: c.date ? null : c.dayWithoutYear, ...(c.several ? { tells_several: true } : {}) };
}

/** "hit a second commercial ship": the blow's first object is counted as another than those told before. One
 *  after a conjunction is the second of the same telling ("fired at the Ain al-Asad base and a second base"). */
function distinctObject(ctx: DocumentContext, trigger: Span, segment: Span): boolean {
  const { folded } = ctx.input;
  const end = Math.min(clauseEnd(folded, trigger.end, segment.end), trigger.end + DISTINCT_AFTER);
  const cue = allMatches(ctx.pack.distinctTargetRe, folded, trigger.end, end)[0];
  return !!cue && !ctx.pack.listJoinRe.test(folded.slice(trigger.end, cue.start));
}

/** How far after its trigger a blow's object may begin ("hit | a second ship"). */
const DISTINCT_AFTER = 40;

/** Where the clause a position stands in ends: its next comma, semicolon, colon or full stop ("tuées mardi dans deux
 *  frappes distinctes près de la frontière, rapportent…"), or the span's end. */
function clauseEnd(folded: string, from: number, to: number): number {
  const m = /[,;:.]/.exec(folded.slice(from, to));
  return m ? from + m.index : to;
}

/** A weapon's generic name, dropped beside it: a ballistic missile is a missile. */
const GENERIC_OF: Partial<Record<Weapon, Weapon>> = { ballistic_missile: 'missile' };
const WEAPON_ORDER: readonly Weapon[] = ['drone', 'rocket', 'missile', 'ballistic_missile', 'mortar', 'rpg', 'ied', 'aircraft', 'artillery', 'small_arms', 'explosive', 'unknown'];

export function noteFor(e: Omit<ExtractedEvent, 'notes'>): string {
  const where = e.location ? `${e.location.geo_precision === 2 ? 'near ' : 'at '}${e.location.name}${e.location.country && e.location.country !== e.location.name ? ` (${e.location.country})` : ''}` : 'at an unnamed place';
  const when = e.date ? (e.date_precision === 'day' ? `on ${e.date}` : `in ${e.date_precision} of ${e.date}`) : 'on an unstated date';
  const who = e.actor1 ? ` by ${e.actor1}` : '';
  const whom = e.actor2 ? ` against ${e.actor2}` : '';
  const toll = [e.killed !== null ? `${e.killed} killed` : '', e.wounded !== null ? `${e.wounded} wounded` : ''].filter(Boolean).join(', ');
  const claim = e.claim.status === 'claimed' ? `; claimed${e.claim.by ? ` by ${e.claim.by}` : ''}` : `; ${e.claim.status}`;
  return `${e.sub_event_type}${who}${whom} ${where} ${when}${e.weapons.length ? ` (${e.weapons.join(', ')})` : ''}${toll ? `; ${toll}` : ''}${claim}.`;
}
