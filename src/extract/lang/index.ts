// A language pack: the lexicon of one language (data, src/lang/<code>/lexicon.json) compiled
// once into matchers. Adding a language is adding its folder and one line in src/lang/index.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { countryName } from '../../geo/country-names.ts';
import type { Weapon } from '../../types.ts';
import { LANGUAGES, languageFile, type Language } from '../../lang/index.ts';
import { fold } from '../../text/fold.ts';
import { AFTER, BEFORE, PatternSet, alternation, phraseSource, wordsRegex } from '../../text/patterns.ts';
import type { SyntaxRoleLexicon } from '../syntax-roles.ts';
import type { DeathWords } from '../syntax-victims.ts';
import { eventTypeOf } from '../taxonomy.ts';

export type TriggerKind =
  | 'air' | 'shelling' | 'ied' | 'suicide' | 'grenade' | 'explosion' | 'attack' | 'shootdown' | 'clash' | 'ambush'
  | 'seizure' | 'deployment' | 'crash' | 'protest' | 'riot' | 'mob' | 'arrest' | 'abduction' | 'sexual'
  | 'killing' | 'territory' | 'agreement' | 'looting' | 'chemical' | 'hq' | 'change' | 'transfer';

interface RawLexicon {
  lists: Record<string, string[]>;
  numbers: Record<string, number>;
  approximate: string[];
  triggers: { id: string; kind: TriggerKind; weapon?: Weapon; phrases: string[] }[];
  weapon_words: Partial<Record<Weapon, string[]>>;
  civilian_targets: string[];
  civilian_places: string[];
  armed_targets: string[];
  /** "five suspects", "a suspected carjacker": whom state forces kill as suspects they fight (ACLED's armed clash). */
  suspect_victims: string[];
  state_forces: string[];
  troop_nouns: string[];
  /** The other side withdrawing or handing ground over: a territory taken so is a non-violent transfer. */
  handover_cues: string[];
  pushed_back: string[];
  topic_before: string[];
  riot_topic_before: string[];
  same_author: string[];
  event_anaphora: string[];
  /** "a second commercial ship", "une deuxième base": an ordinal that makes a blow's object another than those told before. */
  distinct_target: string[];
  sequel_before: string[];
  /** Nouns of a blow's target site that a later sentence names again with its place ("two facilities … the facilities, near X"). */
  retold_site_nouns: string[];
  /** The determiners that make such a noun the one told before ("les", "ces", "the"). */
  retold_site_determiners: string[];
  convoy: string[];
  locative: string[];
  /** Verbs whose object is the place they fall on when it names one ("attacked Gao", "ont visé mardi Ansongo"). */
  place_object_verbs: string[];
  country_locative: string[];
  /** "sur le territoire syrien", "on Iraqi soil": a nationality that names a country's ground, not one of its sides. */
  national_territory: string[];
  /** "Ce qui a donné lieu à …", "Which led to …": a sentence that opens on the one before it, as its relative clause. */
  sentence_relative: string[];
  destination_locative: string[];
  relation_before: string[];
  opposed_before: string[];
  sides_between: string[];
  reporting_verbs: string[];
  reporting_auxiliaries: string[];
  people_after: string[];
  inhabitants: string[];
  place_nouns_after: string[];
  road_nouns: string[];
  institutions_after: string[];
  object_determiners: string[];
  return_fire: string[];
  negation_before: string[];
  strike_nouns: string[];
  several_events: string[];
  clause_joins: string[];
  /** "…, and the second …", "…, et le second …": joins whose second clause takes up the blow counted before, its kind elided. */
  elliptical_joins: string[];
  earlier_cues: string[];
  reported_speech: string[];
  participle_by: string[];
  /** What makes a killing a crowd's justice ("suspected witches", "justice populaire"): ACLED's mob violence. */
  mob_cues: string[];
  crowd_assault: string[];
  /** A crowd facing forces that raid, storm or search its place: it resists an operation, it demonstrates nothing. */
  crowd_resists_operation: string[];
  /** Labels a note opens with ("Interception:", "Property destruction:"): the kind of event the note tells. */
  note_labels: { id: string; kind: TriggerKind; sub_event_type: string; labels: string[] }[];
  crowd_sides: string[];
  armed_sides: string[];
  clash_words: string[];
  victim_clause_end: string[];
  setting_before: string[];
  passive_auxiliaries: string[];
  relative_pronouns: string[];
  place_article: string;
  state_subject: { auxiliaries: string[]; verbs: string[] };
  protest_intervention: string[];
  protest_excessive: string[];
  riot_cues: string[];
  casualty: { killed: string[]; killed_active: string[]; wounded: string[]; none: string[]; none_killed_only: string[]; none_wounded_only: string[]; subset_between: string[]; list_joins: string[]; companion_joins: string[]; companion_singles: string[]; companion_kin: string[]; list_count_openers: string[]; range_openers: string[]; intent_before: string[]; penalty_before: string[]; subset_before: string[]; running_total_before_date: string[]; rank_before_number: string[]; perfect_before_trigger: string[]; since_after_trigger: string[]; death_nouns: string[]; remains_nouns: string[]; death_of: string[]; death_verbs: string[]; alternative_joins: string[]; not_victims: string[]; toll_assigned: string[]; toll_total: string[]; toll_distributed: string[]; toll_nouns: string[]; toll_markers: string[]; toll_aggregate: string[]; tally_before: string[]; preposition_before_article: string[]; preposition_before_gerund: string[] };
  claims: { claimed: string[]; confirmed: string[]; denied: string[]; negated_claim: string[]; generic_objects: string[]; negated_confirmation: string[]; unofficial_sources: string[] };
  citations: string[];
  part_of_day_before_date: string[];
  same_day: string[];
  today: string[];
  /** Nouns of natural hazards and accidents (folded): a killing they cause is no one's act. */
  natural_hazards: string[];
  /** What a hazard's noun is a figure for, in its of-phrase ("a storm of gunfire", "une pluie de balles"), folded. */
  figurative_of: string[];
  /** "two days ago", "il y a trois jours" (a count of days, group-free); "last week"; "last month". */
  days_ago: string[];
  last_week: string[];
  last_month: string[];
  /** Words after which a lone four-digit figure is a year ("in 2021", "the 2021 attack", "en 2016"), and words ending in s or x after one that are not a counted plural ("en 2016 les jihadistes"). */
  bare_year: { openers: string[]; function_words: string[] };
  yesterday: string[];
  day_before_yesterday: string[];
  background_time: string[];
  period_cues: string[];
  /** "les récentes attaques", "recent strikes": a campaign, when the sentence gives no day and no number of its own. */
  campaign_cues: string[];
  frequency_cues: string[];
  framing_cues: string[];
  descriptive_framing_cues: string[];
  /** Framing cues of a setting that goes on where the event does ("amid artillery fire in Khan Yunis"). */
  setting_cues: string[];
  statistic_cues: string[];
  threat_cues: string[];
  demand_cues: string[];
  threat_after: string[];
  anaphora: string[];
  continuation_subject: string[];
  impersonal: string[];
  near: string[];
  region_directions: Record<string, string>;
  region_pattern: string;
  nationality: Record<string, string>;
  /** Where the rest of the language's nationality words come from: its code in world-countries' demonyms, and the
   *  plural ending its nouns take ("maliens"). The words of `nationality` come first. */
  nationality_from: { world_countries: string; plural?: string };
  target_prepositions: string[];
  agent_prepositions: string[];
  /** Nouns of munitions by weapon: the subject of a verb of impact or firing is a blow (syntax_roles.munition_verbs). */
  /** "drones chargés d'explosifs", "drones laden with explosives": words between a weapon that carries and its payload. */
  payload_after_carrier: string[];
  /** "explosive-laden drones": words between a payload and the weapon that carries it. */
  payload_before_carrier: string[];
  munition_nouns: Partial<Record<Weapon, string[]>>;
  /** Words of a period that also tell where from ("depuis"), and the nouns of place that make them an origin. */
  /** The language's articles, which may stand between a preposition and its noun. */
  articles: string[];
  /** Ranks and offices a person is named by before the group they belong to ("Colonel Naw Bu of the KIA"). */
  member_titles: string[];
  /** Words that give a group's name after its noun ("a group calling itself X", "un groupe baptisé X"). */
  naming_words: string[];
  /** Determiners that point back ("those attacks", "ces attaques"). */
  demonstratives: string[];
  /** Words that set one clause against another ("but", "mais"): what one says does not carry over to the other. */
  contrast_joins: string[];
  /** A claim verb whose subject follows it ("ce qu'a revendiqué X"): the side right after is who claims. */
  claim_subject_after: string[];
  /** Words after which a side is who the text cites ("selon les Gardiens de la révolution", "according to the Houthis"):
   *  an event's author cited for it is the author's own claim. */
  side_as_source_after: string[];
  /** What after an attribution's words makes them none: "selon toute vraisemblance", "according to which". */
  not_attribution_after: string[];
  /** Words of vengeance as a blow's purpose ("pour venger l'assassinat", "to avenge"): a state that tells a blow with
   *  that purpose in its own statement tells of its own blow. Not "in retaliation for", "en représailles à": a state
   *  that was struck reports its attacker's stated motive so. */
  claim_motives: string[];
  origin_or_period: string[];
  /** Parts of a day after a period's word ("since morning", "depuis l'aube"): the period lies within the day. */
  day_parts_after_period: string[];
  /** An origin ("from") and a side's hold on it ("-controlled", "-held"): who holds where a munition came from fired it. */
  origin_before: string[];
  controlled_after: string[];
  origin_place_nouns: string[];
  syntax_roles: { undergo: string[]; undergo_markers: string[]; carry_out: string[]; agent_markers: string[]; background_markers: string[]; period_markers: string[]; origin_markers: string[]; event_nouns: string[]; breach_words: string[]; relative_subjects: string[]; munition_verbs: string[]; genitive_markers: string[]; provenance_markers: string[]; author_genitive_nouns: string[]; armed_bodies: string[]; attributive_participles: string[]; reference_nouns: string[]; reference_markers: string[]; host_verbs: string[]; when_markers: string[] };
}

/** A label a note opens with, and the event it names. */
export interface NoteLabel {
  readonly id: string;
  readonly kind: TriggerKind;
  readonly subEventType: string;
  /** Sticky: tried where the note's text starts, spaces before the label allowed. */
  readonly re: RegExp;
}

export interface CompiledTrigger {
  readonly id: string;
  readonly kind: TriggerKind;
  readonly weapon: Weapon | null;
  readonly re: RegExp;
}

export interface LanguagePack {
  readonly language: Language;
  /** The verbs and prepositions that tell a side's part on the dependency parse. */
  readonly syntaxRoles: SyntaxRoleLexicon;
  readonly months: ReadonlyMap<string, number>;
  readonly weekdays: ReadonlyMap<string, number>;
  readonly monthRe: string;
  readonly numbers: ReadonlyMap<string, number>;
  readonly numberRe: RegExp;
  readonly approximateRe: RegExp;
  readonly triggers: readonly CompiledTrigger[];
  /** The triggers' patterns as one set, in the same order: one pass over a sentence finds them all. */
  readonly triggerSet: PatternSet;
  readonly weapons: readonly { readonly weapon: Weapon; readonly re: RegExp }[];
  /** An explosive carried by a drone or a missile is its payload, not a weapon of its own: the words that tie them. */
  readonly payloadAfterCarrierRe: RegExp;
  readonly payloadBeforeCarrierRe: RegExp;
  readonly weaponSet: PatternSet;
  /** Munitions by weapon, and all of them as one pattern (a sentence without one is not parsed for them). */
  readonly munitions: readonly { readonly weapon: Weapon; readonly re: RegExp }[];
  readonly munitionRe: RegExp;
  readonly originOrPeriod: ReadonlySet<string>;
  readonly dayPartAfterPeriodRe: RegExp;
  readonly originBeforeRe: RegExp;
  /** Spaces and an article, if any, at the start of what follows a word. */
  /** A person named by rank or office and the group they belong to ("Colonel Naw Bu of the", "a commander of"), the
   *  group's acronym in a bracket after its name included ("… of the Kachin Independence Army (| KIA)"). */
  readonly titledMemberBeforeRe: RegExp;
  /** From a claim cue to a side its by-phrase names by a noun and a naming word: "claimed by a group calling itself ",
   *  "revendiquée par un groupe baptisé " (the preposition of agent required: "claimed the attack on a group called X" names the target). */
  readonly claimantNamedRe: RegExp;
  /** Text ending right before a noun that a demonstrative (and at most one word) opens: "those ", "ces dernières ". */
  readonly demonstrativeBeforeRe: RegExp;
  /** Text ending right before a side that makes it the subject of a claim verb before it ("ce qu'a revendiqué "). */
  readonly claimSubjectBeforeRe: RegExp;
  /** Text ending right before a side cited as the source ("selon les ", "according to the "). */
  readonly sideAsSourceBeforeRe: RegExp;
  /** The words that open an attribution of what follows to a side ("according to", "selon"), anywhere. */
  readonly sideAsSourceRe: RegExp;
  /** What after those words makes them no attribution ("selon toute vraisemblance", "selon lesquelles"). */
  readonly notAttributionAfterRe: RegExp;
  readonly claimMotiveRe: RegExp;
  readonly leadingArticleRe: RegExp;
  /** A text that ends on an article, or that is empty (a phrase that opens its span): "A Russian missile". */
  readonly articleEndRe: RegExp;
  readonly controlledAfterRe: RegExp;
  /** A noun of place right after an origin-or-period word (its article first). */
  readonly originPlaceNounRe: RegExp;
  readonly civilianRe: RegExp;
  /** Places where civilians are: an attack on them is an attack on civilians, a killing near them is not. */
  readonly civilianPlaceRe: RegExp;
  /** Who can be on the receiving end of a battle rather than of an attack on civilians. */
  readonly armedTargetRe: RegExp;
  /** Suspects as victims: an armed side when state forces kill them. */
  readonly suspectVictimRe: RegExp;
  /** A state's forces named without their country ("the army", "government forces", "l'armée"). */
  readonly stateForcesRe: RegExp;
  /** Fighters, troops, units (not equipment): what is moved or raised in a change to a group's activity. */
  readonly troopNounRe: RegExp;
  readonly handoverRe: RegExp;
  /** Armed groups "pushed back", "repoussés": the state regains ground. */
  readonly pushedBackRe: RegExp;
  /** "protest against (gun violence)": the words before a cue that make it the protest's topic. */
  readonly topicBeforeRe: RegExp;
  /** Before a riot's word, what makes it the topic or the setting of a protest, never its conduct ("against violence", "a new round of violence"). */
  readonly riotTopicBeforeRe: RegExp;
  /** "also", "également": the same author goes on. */
  readonly sameAuthorRe: RegExp;
  /** "the incident", "cette attaque": a noun that can only point back to an event just told. */
  readonly eventAnaphoraRe: RegExp;
  /** "was followed by", "suivie par": what stands after tells the next event, not the one before told again. */
  readonly sequelBeforeRe: RegExp;
  /** "a second commercial ship", "une deuxième base": an ordinal that makes a blow's object another than those told before. */
  readonly distinctTargetRe: RegExp;
  /** A target site's noun ("installations", "facilities"). */
  readonly siteNounRe: RegExp;
  /** The noun told before: a determiner, then the noun (given as the folded text that named the site). */
  retoldSiteRe(noun: string): RegExp;
  /** A list's joiner anywhere in a text ("and", "et"). */
  readonly listJoinRe: RegExp;
  /** A period marker (syntax_roles.period_markers: "since", "depuis") as a word: a date after one may open a period. */
  readonly periodMarkerRe: RegExp;
  readonly convoyRe: RegExp;
  /** A preposition that puts the name after it on the map ("à Erbil", "in Kilifi"), at the end of a text. */
  readonly locativeBeforeRe: RegExp;
  /** A verb whose object is a place, right before a name (a day may stand between: "ont visé mardi Ansongo"). */
  readonly placeObjectVerbBeforeRe: RegExp;
  /** The same for a country, which needs a real locative ("in Syria"), not "Iran's" or "Iran-backed". */
  readonly countryLocativeBeforeRe: RegExp;
  /** A nationality naming a country's ground ("le territoire syrien", "Iraqi airspace"): the country is a place there. */
  readonly nationalTerritoryRe: RegExp;
  /** "toward(s) X", "vers X": where something goes, a place of the event's but not the scene of a paragraph. */
  readonly destinationBeforeRe: RegExp;
  /** "affiliée à", "backed by": a relation to a country, not a location in it, at the end of a text. */
  readonly relationBeforeRe: RegExp;
  /** "a coalition combating", "pour contrer": the side named next is who the described party fights, not a side of this event. */
  readonly opposedBeforeRe: RegExp;
  /** After an actor: a reporting verb ("a déclaré", "said"), perhaps after a few words: the actor speaks. */
  readonly reportingAfterRe: RegExp;
  readonly reportingBeforeRe: RegExp;
  /** After "également"/"also": a reporting verb ("a également fait savoir"): who speaks again, not who acts again. */
  readonly reportingNextRe: RegExp;
  /** The reporting verbs as words (folded): a verb of the parse that reports what its clause tells. */
  readonly reportingVerbWords: ReadonlySet<string>;
  /** "clashes between" (and "clashes between X and"): the names next are the sides, not places. */
  readonly sidesBetweenRe: RegExp;
  /** "Pokot raiders", "la communauté": a noun after a name that makes it a people, not a place. */
  readonly peopleAfter: ReadonlySet<string>;
  /** "Limuru residents": people who live at a place, named before them, which names it as a place ("les habitants de Limuru" is a locative "de"; the French list is empty). */
  readonly inhabitantsAfter: ReadonlySet<string>;
  /** "a Nairobi suburb", "Ngara estate": a noun after a name that says the name is where something is (French puts it before: "le quartier de X", so its list is empty). */
  readonly placeNounsAfter: ReadonlySet<string>;
  /** "Maseno University", "Garissa High School": an institution named after the town it stands in (French names it after: "l'université de Garissa", so its list is empty). */
  readonly institutionsAfter: ReadonlySet<string>;
  /** "the Nairobi-Mombasa highway", "la route Nairobi-Mombasa": towns that name a road's ends, not where on it. */
  readonly roadAfterRe: RegExp;
  readonly roadBeforeRe: RegExp;
  /** Right after a verb: the start of its object ("two", "a", "les"), which makes the name before the verb its agent. */
  readonly objectStartRe: RegExp;
  /** Fire returned or exchanged, an attack repelled: the victims' side fought back. */
  readonly returnFireRe: RegExp;
  /** "no reports of violence", "non-violent", "sans heurts": a negation a few words before a cue, at the end of a text. */
  readonly negatedBeforeRe: RegExp;
  /** "strikes", "frappes": an attack word that says the blow came from afar. */
  readonly strikeNounRe: RegExp;
  /** "deux attaques de drones distinctes", "two separate attacks": a telling of several events at once. */
  readonly severalEventsRe: RegExp;
  /** "…, and the second …", "…, et le second …": a join whose second clause takes up the blow counted before. */
  readonly ellipticalJoinRe: RegExp;
  /** "tandis que", "whereas" (and the elliptical joins): joins two clauses that each tell what happened. */
  readonly clauseJoinRe: RegExp;
  /** "cinq jours plus tôt", "two days earlier": a count of days or weeks back, its number first. */
  readonly earlierRe: RegExp;
  /** "que", "that": what follows is reported speech, whose tenses follow the report's. */
  readonly reportedSpeechRe: RegExp;
  /** "Attacked By", "visées par": a participle with its agent, a passive even without its auxiliary (headlines). */
  readonly participleByRe: RegExp;
  /** A crowd's justice told with a killing ("suspected witches burned to death"). */
  readonly mobCueRe: RegExp;
  /** "rioters attacked two warders", "threw stones at the convoy": a crowd's violence against people. */
  readonly crowdAssaultRe: RegExp;
  readonly crowdResistsOperationRe: RegExp;
  readonly noteLabels: readonly NoteLabel[];
  /** Crowds that fight without being organised armed groups ("students", "supporters", "les manifestants"): a fight of theirs is a riot. */
  readonly crowdSideRe: RegExp;
  /** Organised or communal armed sides ("bandits", "militias", "herders", "des hommes armés"): a fight of theirs stays a battle. */
  readonly armedSideRe: RegExp;
  /** "clashed", "s'affrontent": the words of a fight inside a riot's phrase. */
  readonly clashWordRe: RegExp;
  /** "suspected of", "who", "qui": where a relative clause starts after a verb's victims; who it names is no victim. */
  readonly victimClauseEndRe: RegExp;
  /** "during", "amid", "lors des": a preposition that makes the fighting named after it the setting of another act. */
  readonly settingBeforeRe: RegExp;
  /** "ethnic", "post-election", "intercommunautaires": words that name a kind of conflict rather than one fight. */
  readonly conflictKindRe: RegExp;
  /** "were", "had been", "ont été": an auxiliary of the passive, anywhere. */
  readonly passiveAuxiliaryRe: RegExp;
  /** A span that opens with one ("were attacked"): a trigger told in the passive. */
  readonly passiveStartRe: RegExp;
  /** One just before a past form, perhaps with an adverb between ("were reportedly killed"). */
  readonly passiveBeforeRe: RegExp;
  /** "where", "which", "où", "dont" opening a clause: it speaks of the noun before it. */
  readonly relativeStartRe: RegExp;
  /** A relative pronoun after a comma (", which", ", qui"): the sentence may hold a clause that describes a noun. */
  readonly relativeAfterCommaRe: RegExp;
  /** After a nationality: its military nouns, perhaps an auxiliary and an adverb, and an attack verb ("Israel has allegedly bombed", "US jets hit", "les Etats-Unis ont mené"). */
  readonly stateSubjectAfterRe: RegExp;
  readonly protestInterventionRe: RegExp;
  readonly protestExcessiveRe: RegExp;
  /** Violence by the demonstrators themselves: a protest that is a riot. */
  readonly riotCueRe: RegExp;
  readonly killedRe: RegExp;
  /** "gunmen kill two civilians", "ont tué deux soldats": an active verb, whose number follows it (the one before counts its authors). */
  readonly killedActiveRe: RegExp;
  readonly woundedRe: RegExp;
  readonly noCasualtiesRe: RegExp;
  readonly noKilledRe: RegExp;
  readonly noWoundedRe: RegExp;
  /** Between two tolls of one kind, a part of the first ("30 blessés, dont 5 graves", "including three children"). */
  readonly subsetBetweenRe: RegExp;
  /** A conjunction and a count a few words after a count: the first of a list of victims ("a journalist and 3 members"). */
  readonly victimListAfterRe: RegExp;
  /** "have been killed", "ont été tuées": a perfect before a trigger (what has happened up to now). */
  readonly perfectBeforeRe: RegExp;
  /** The same perfect opening a trigger's own words ("ont ete tuees": the French trigger holds its auxiliary). */
  readonly perfectStartRe: RegExp;
  /** " in Gaza since October 7", " depuis le 7 octobre": the start of a period after a trigger, before its date. */
  readonly sinceAfterRe: RegExp;
  /** "killing the commander, alongside 6 other members": who died with the victims counted, after them in their clause. */
  readonly companionAfterRe: RegExp;
  /** "along with another man", "ainsi qu'un autre": one more victim, named by an article or a possessive. */
  readonly companionSingleRe: RegExp;
  /** "and his son", "et son fils": a possessive and a noun of kin or escort, one more victim in a list. */
  readonly companionKinRe: RegExp;
  /** A part of the day before the date it qualifies, at the start of a text ("the afternoon of "): the date reader may lose the day. */
  readonly partOfDayBeforeDateRe: RegExp | null;
  /** Before a toll whose part the next toll tells ("of the 29 people injured, 26 …", "parmi les 29 blessés"). */
  readonly subsetBeforeRe: RegExp;
  /** Nouns of a death toll ("death toll", "bilan"): a cue whose figure the parse reads. */
  readonly tollNounRe: RegExp;
  /** Words that make a toll a total over a period or a war ("overall", "since", "depuis", "au total"). */
  readonly tollAggregateRe: RegExp;
  /** What opens a running tally right before its figure ("bringing to", "raising the toll to", "ce qui porte à"). */
  readonly tallyBeforeRe: RegExp;
  /** A sentence passed before a word of death ("sentenced three men to", "condamnés à"): a penalty, not a toll. */
  readonly penaltyBeforeRe: RegExp;
  /** A word that, after a toll and before a date, makes the toll a running total ("23,000 killed since 7 October"). */
  readonly runningTotalRe: RegExp;
  /** A toll the text gives this very event ("3 fatalities coded to this event"): one regex per phrase, its number in group `n`. */
  readonly tollAssignedRes: readonly RegExp[];
  /** A stated total of the event's deaths ("The total fatalities were 27"), its number in group `n`. */
  readonly tollTotalRes: readonly RegExp[];
  /** A figure shared out among several events ("split across 3 events"): none of them is this event's toll. */
  readonly tollDistributedRe: RegExp;
  /** Lemmas whose victims the parse counts beside the killing verbs: nouns of a death ("the death of two
   *  fighters", "his death", the victims after one of `of`) and verbs whose subject dies ("the injured man succumbed"). */
  readonly deathWords: DeathWords;
  /** Words before an indefinite article that make its phrase a preposition's object, not a count of victims ("as a result"). */
  readonly prepositionBeforeArticle: ReadonlySet<string>;
  /** What may stand between a list's joiner and its next count ("and another 3"): any other word ("and left 57") ends the list. */
  readonly listCountOpeners: RegExp;
  /** The words that open a range of two numbers ("between 10 and 15", "entre 20 et 30"): not two groups to add. */
  readonly rangeOpeners: ReadonlySet<string>;
  /** "body", "corps": remains, which may be of a victim the sentence has counted already. */
  readonly remainsNouns: ReadonlySet<string>;
  /** What makes a killing verb an aim, not a toll: "forced their way in to lynch two women", "pour tuer". */
  readonly intentBeforeRe: RegExp;
  /** Ends with a preposition whose object is the gerund after it: an act named, not this event's toll ("accused of killing a teacher"). */
  readonly gerundAsObjectRe: RegExp;
  readonly claimedRe: RegExp;
  readonly confirmedRe: RegExp;
  /** "security sources confirmed", "une chaîne … a confirmé": who confirms without any office; their word is a report. */
  readonly unofficialSourceBeforeRe: RegExp;
  readonly deniedRe: RegExp;
  readonly negatedClaimRe: RegExp;
  /** "did not confirm", "could not independently confirm", "n'a pas confirmé", "aucun rapport qui confirme". */
  readonly negatedConfirmationRe: RegExp;
  /** "but", "mais" (contrast_joins): a clause set against the one before. */
  readonly contrastRe: RegExp;
  readonly citationRe: RegExp;
  readonly sameDayRe: RegExp;
  readonly todayRe: RegExp;
  readonly naturalHazards: ReadonlySet<string>;
  readonly figurativeOf: ReadonlySet<string>;
  readonly daysAgoRe: RegExp;
  readonly lastWeekRe: RegExp;
  readonly lastMonthRe: RegExp;
  /** A year written alone after one of the language's openers (group `year`). */
  readonly bareYearRe: RegExp;
  /** Words ending in s or x that may follow a year without making it a count ("en 2016 les jihadistes"). */
  readonly notCountedAfterYear: ReadonlySet<string>;
  readonly yesterdayRe: RegExp;
  readonly dayBeforeYesterdayRe: RegExp;
  readonly backgroundTimeRe: RegExp;
  /** A campaign's cue ("recent attacks"): a period only in a sentence with no day and no number (campaign_cues). */
  readonly campaignRe: RegExp;
  readonly periodRe: RegExp;
  /** "des dizaines de fois", "repeatedly": many events told as one, before or after the verb. */
  readonly frequencyRe: RegExp;
  /** What a group claims as a habit, in the plural ("attacks", "ce type d'attaques"): no one event's claim. */
  readonly genericClaimObjectRe: RegExp;
  /** "En réponse aux…", "amid…": a motive or context phrase, up to its comma; what it names is background. */
  readonly framingRe: RegExp;
  /** Framing cues that are a participle describing a noun ("based in", "owned by"), folded: with a parse, they frame
   *  their own phrase only (framingRe matches them too). */
  readonly descriptiveFraming: ReadonlySet<string>;
  readonly settingRe: RegExp;
  readonly statisticRe: RegExp;
  readonly threatRe: RegExp;
  /** A call for the event, not the event ("calling for a ceasefire", "réclament une trêve"): right before its trigger. */
  readonly demandRe: RegExp;
  /** Future tense after a trigger: "les opérations … se poursuivront". */
  readonly threatAfterRe: RegExp;
  readonly anaphoraRe: RegExp;
  readonly continuationRe: RegExp;
  /** A sentence opening on the whole sentence before it ("Ce qui …", "Which …"). */
  readonly sentenceRelativeRe: RegExp;
  /** "Il est à noter que", "It is worth noting": an impersonal opening, not a pronoun that continues a subject. */
  readonly impersonalRe: RegExp;
  readonly nearRe: RegExp;
  readonly regionRe: RegExp;
  readonly regionDirections: ReadonlyMap<string, string>;
  readonly nationality: ReadonlyMap<string, string>;
  readonly nationalityRe: RegExp;
  /** A state written by its name ("Sudan", "Birmanie"), a side only right next to its forces' noun or as the subject of an attack verb. */
  readonly countryNames: ReadonlyMap<string, string>;
  readonly countryNameRe: RegExp;
  readonly milNounRe: RegExp;
  /** What makes a nationality before it a state's military organ ("ministère russe | de la Défense"). */
  readonly milNounAfterRe: RegExp;
  /** A state's army or police named without its state ("the army", "l'armée de l'air", "police"): whose it is, the document says. */
  readonly bareArmyRe: RegExp;
  readonly barePoliceRe: RegExp;
  /** A government's own forces ("government troops", "les forces de sécurité"): those of the country where they act. */
  readonly homeForcesRe: RegExp;
  /** What makes the noun after it a group named as a whole ("one of the", "l'un des"): "of the injured" is no toll. */
  readonly groupOfBeforeRe: RegExp;
  /** Before a trigger, what makes it one more of its kind ("une nouvelle frappe", "another strike"). */
  readonly anotherBeforeRe: RegExp;
  /** A state's officials, who speak of events rather than act in them ("officials", "un responsable", "porte-parole"). */
  readonly officialNounRe: RegExp;
  /** What opens the clause a bare toll is the result of ("after", "following", "après"), and a lapse of time
   *  before it that makes the clause another event ("two days after"). */
  readonly tollCauseRe: RegExp;
  readonly lapseBeforeRe: RegExp;
  /** After a nationality, words that make it a sponsor, not the side ("-backed", "-aligned"). */
  readonly backedAfterRe: RegExp;
  /** What joins forces to the state written after them: "of", "du", "de la". */
  readonly ofCountryAfterRe: RegExp;
  /** "l'armée du | Mali", "the forces of | Sudan": the words that tie a state's forces to its name after them. */
  readonly ofCountryBeforeRe: RegExp;
  readonly attackNounRe: RegExp;
  /** An attack noun with a bare noun of what it is done with ("frappe de drone", "tirs d'artillerie"): a nationality
   *  right after it is the attack's, as it is after the noun alone ("frappe de drone israélienne"). */
  readonly attackNounClassifierRe: RegExp;
  /** How a killing was done, right after its verb ("par balles", "à coups de machette"): no agent's by-phrase. */
  readonly instrumentRe: RegExp;
  readonly targetPrepositionRe: RegExp;
  readonly agentPrepositionRe: RegExp;
  /** Right after a participle: its agent phrase ("… by military officers", "… par des militaires"), up to four words. */
  readonly agentAfterRe: RegExp;
  readonly weekdayRe: RegExp;
}

const PACK_FILES = Object.fromEntries(LANGUAGES.map((l) => [l, languageFile(l, 'lexicon.json')])) as Record<Language, URL>;

const packs = new Map<Language, LanguagePack>();

let vocabularies: ReadonlyMap<Language, ReadonlySet<string>> | undefined;

/**
 * Each language's event vocabulary: the words of its lexicon's phrases (folded, four letters or
 * more) that no other language's lexicon uses. A telegraphic line with no function words ("Doctors
 * protest over pay in Nairobi") still speaks the language of its verbs and nouns.
 */
export function eventVocabularies(): ReadonlyMap<Language, ReadonlySet<string>> {
  if (!vocabularies) {
    const words = new Map<Language, Set<string>>();
    for (const language of Object.keys(PACK_FILES) as Language[]) {
      const { about: _about, ...lexicon } = JSON.parse(readFileSync(PACK_FILES[language], 'utf8')) as Record<string, unknown>;
      const set = new Set<string>();
      const walk = (x: unknown): void => {
        if (typeof x === 'string') {
          // In a regex phrase, the runs of letters are its words (group names and list references aside).
          const text = x.startsWith('re:') ? x.slice(3).replace(/\(\?<[a-z_]+>|\{[a-z_0-9]+\}|\\[a-zA-Z]/g, ' ') : x;
          for (const w of fold(text).match(/[a-z\u00e0-\u024f]{4,}/g) ?? []) set.add(w);
        } else if (Array.isArray(x)) x.forEach(walk);
        // Ids, kinds and weapons are vigie's own English names, not the language's words.
        else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (k !== 'id' && k !== 'kind' && k !== 'weapon') walk(v);
      };
      walk(lexicon);
      words.set(language, set);
    }
    const exclusive = new Map<Language, ReadonlySet<string>>();
    for (const [language, set] of words) {
      exclusive.set(language, new Set([...set].filter((w) => ![...words].some(([other, o]) => other !== language && o.has(w)))));
    }
    vocabularies = exclusive;
  }
  return vocabularies;
}

export function languagePack(language: Language): LanguagePack {
  let pack = packs.get(language);
  if (!pack) {
    pack = compile(language, JSON.parse(readFileSync(PACK_FILES[language], 'utf8')) as RawLexicon);
    packs.set(language, pack);
  }
  return pack;
}

interface WorldCountry {
  cca2: string; independent: boolean | null; demonyms?: Record<string, { f: string; m: string }>;
  name: { common: string }; altSpellings: string[]; translations: Record<string, { common: string; official: string }>;
}
const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[];

/** Folded nationality word → country name: the lexicon's own words, then every independent state's demonyms
 *  (world-countries), in both genders and, where the language has one, the plural. A demonym two states share
 *  ("Congolese", "Dominican") says neither unless the lexicon decides it; dependencies and disputed
 *  territories are left out, since their "forces" are not a state's. */
function nationalityWords(lex: RawLexicon): Map<string, string> {
  const byWord = new Map<string, Set<string>>();
  const plural = lex.nationality_from.plural ?? '';
  for (const c of worldCountries) {
    if (c.independent !== true) continue;
    const d = c.demonyms?.[lex.nationality_from.world_countries];
    if (!d) continue;
    for (const w of [d.m, d.f].flatMap((x) => x.split(/[,/]/))) {
      const word = fold(w.trim());
      if (!word) continue;
      for (const form of plural && !/[sx]$/.test(word) ? [word, word + plural] : [word]) {
        const codes = byWord.get(form) ?? new Set<string>();
        codes.add(c.cca2);
        byWord.set(form, codes);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [word, codes] of byWord) {
    const name = codes.size === 1 ? countryName([...codes][0]!) : null;
    if (name) out.set(word, name);
  }
  for (const [k, v] of Object.entries(lex.nationality)) out.set(fold(k), v);
  return out;
}

/** Folded country name → the analysts' name, for states written by their name where others write a nationality
 *  ("the Sudan army", "Burma army", "l'armée du Mali"): every independent state's common name, the spellings
 *  world-countries gives as alternatives (Burma, Ivory Coast) in English, its translated names in other languages.
 *  Codes, names with a comma and names a nationality word already covers are left out. */
function countryNameWords(lex: RawLexicon, nationality: ReadonlyMap<string, string>): Map<string, string> {
  const code = lex.nationality_from.world_countries;
  const out = new Map<string, string>();
  for (const c of worldCountries) {
    if (c.independent !== true) continue;
    const name = countryName(c.cca2);
    if (!name) continue;
    const spellings = code === 'eng' ? [c.name.common, name, ...c.altSpellings] : [c.translations[code]?.common ?? '', c.translations[code]?.official ?? ''];
    for (const spelling of spellings) {
      const word = fold(spelling.trim());
      if (word.length < 4 || /[,()]/.test(word) || !/^[a-z' -]+$/.test(word) || nationality.has(word)) continue;
      if (!out.has(word)) out.set(word, name);
    }
  }
  return out;
}

function compile(language: Language, lex: RawLexicon): LanguagePack {
  // The nationality words are a list too, for cues that name a state's officials ("{nationality} officials said").
  const nationality = nationalityWords(lex);
  const countryNames = countryNameWords(lex, nationality);
  // The words that count people ("five", "a dozen", "at least"), for cues that must tell a count from a crowd.
  const L: Record<string, string[]> = { ...lex.lists, nationality: [...nationality.keys()], count_word: [...Object.keys(lex.numbers), ...lex.approximate] };
  const words = (phrases: readonly string[]) => wordsRegex(phrases, L);
  // One group matching any of a list's phrases; one that never matches when the language lists none.
  const anyOf = (phrases: readonly string[] | undefined) => (phrases?.length ? alternation(phrases.map((p) => phraseSource(p, L))) : '(?!)');
  const monthNames = L.month ?? [];
  const months = new Map<string, number>();
  // Month lists are written full name first, then its abbreviations.
  let monthIndex = 0;
  for (const m of monthNames) {
    const full = MONTH_NUMBER[language]?.[m];
    if (full) monthIndex = full;
    months.set(fold(m), full ?? monthIndex);
  }
  const weekdays = new Map<string, number>();
  (L.weekday ?? []).forEach((w, i) => weekdays.set(fold(w), (i + 1) % 7)); // lists start on Monday
  const numbers = new Map(Object.entries(lex.numbers).map(([k, v]) => [fold(k), v] as const));
  const triggers = lex.triggers.map((t) => ({ id: t.id, kind: t.kind, weapon: t.weapon ?? null, re: words(t.phrases) }));
  const weapons = Object.entries(lex.weapon_words).map(([weapon, phrases]) => ({ weapon: weapon as Weapon, re: words(phrases ?? []) }));
  const munitions = Object.entries(lex.munition_nouns).map(([weapon, phrases]) => ({ weapon: weapon as Weapon, re: words(phrases ?? []) }));
  const lemmas = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const r = lex.syntax_roles;
  // The verbs of saying as written (folded): read by the clause tests on the text and by the roles on the parse.
  const reportingVerbWords = new Set(lex.reporting_verbs.filter((v) => !v.startsWith('re:')).map((v) => fold(v)));
  const syntaxRoles: SyntaxRoleLexicon = {
    reportingForms: reportingVerbWords,
    undergo: lemmas(r.undergo), undergoMarkers: lemmas(r.undergo_markers), carryOut: lemmas(r.carry_out), agentMarkers: lemmas(r.agent_markers),
    backgroundMarkers: lemmas(r.background_markers), periodMarkers: lemmas(r.period_markers), originMarkers: lemmas(r.origin_markers), eventNouns: lemmas(r.event_nouns), breachWords: lemmas(r.breach_words), munitionVerbs: lemmas(r.munition_verbs), genitiveMarkers: lemmas(r.genitive_markers), provenanceMarkers: lemmas(r.provenance_markers), authorGenitiveNouns: lemmas(r.author_genitive_nouns), armedBodies: lemmas(r.armed_bodies), attributiveParticiples: lemmas(r.attributive_participles), referenceNouns: new Set(r.reference_nouns.map((w) => fold(w))), referenceMarkers: lemmas(r.reference_markers), relativePronouns: lemmas(r.relative_subjects), hostVerbs: lemmas(r.host_verbs), whenMarkers: lemmas(r.when_markers),
  };
  return {
    language,
    syntaxRoles,
    munitions,
    munitionRe: words(Object.values(lex.munition_nouns).flat() as string[]),
    originOrPeriod: new Set(lex.origin_or_period.map((w) => fold(w))),
    dayPartAfterPeriodRe: new RegExp(`^\\s+${anyOf(lex.day_parts_after_period)}\\b`),
    originBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.origin_before)}\\s+(?:${anyOf(lex.articles)}\\s*)?$`),
    controlledAfterRe: new RegExp(`^${anyOf(lex.controlled_after)}\\b`),
    leadingArticleRe: new RegExp(`^\\s+(?:${anyOf(lex.articles)}\\s*)?`),
    articleEndRe: new RegExp(`^\\s*$|(?:^|\\s)(?:${anyOf(lex.articles)})\\s*$`),
    titledMemberBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.member_titles)}\\.?\\s+(?:[^\\s,;:]+\\s+){0,3}${anyOf(L.of_country)}\\s*(?:${anyOf(lex.articles)}\\s+)?(?:[^\\s,;:()]+\\s+){0,4}\\(?$`),
    claimantNamedRe: new RegExp(`(?:^|\\s)(?:${lex.agent_prepositions.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,.;:]+\\s+){0,3}${anyOf(lex.naming_words)}\\s*["«“]?\\s*(?:${anyOf(lex.articles)}\\s*)?$`),
    claimSubjectBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.claim_subject_after)}\\s+(?:${anyOf(lex.articles)}\\s*)?$`),
    sideAsSourceBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.side_as_source_after)}\\s+(?:${anyOf(lex.articles)}\\s*)?$`),
    sideAsSourceRe: words(lex.side_as_source_after),
    notAttributionAfterRe: new RegExp(`^\\s*(?:${lex.not_attribution_after.map((p) => phraseSource(p, L)).join('|')})(?![a-z])`),
    claimMotiveRe: words(lex.claim_motives),
    demonstrativeBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.demonstratives)}\\s+(?:[^\\s,;:]+\\s+)?$`),
    originPlaceNounRe: new RegExp(`^\\s+(?:${anyOf(lex.articles)}\\s*)?${anyOf(lex.origin_place_nouns)}\\b`),
    months,
    weekdays,
    monthRe: `(?:${[...months.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`,
    numbers,
    numberRe: words([...numbers.keys()].map((k) => k)),
    approximateRe: words(lex.approximate),
    triggers,
    triggerSet: new PatternSet(triggers.map((t) => t.re)),
    weapons,
    weaponSet: new PatternSet(weapons.map((w) => w.re)),
    payloadAfterCarrierRe: new RegExp(`^\\s*(?:${anyOf(lex.payload_after_carrier)})\\s*(?:des\\s+|de\\s+|d'\\s*)?$`),
    payloadBeforeCarrierRe: new RegExp(`^\\s*(?:${anyOf(lex.payload_before_carrier)})\\s*$`),
    civilianRe: words(lex.civilian_targets),
    civilianPlaceRe: words(lex.civilian_places),
    armedTargetRe: words(lex.armed_targets),
    suspectVictimRe: words(lex.suspect_victims),
    stateForcesRe: words(lex.state_forces),
    troopNounRe: words(lex.troop_nouns),
    handoverRe: words(lex.handover_cues),
    pushedBackRe: words(lex.pushed_back),
    riotTopicBeforeRe: new RegExp(`${BEFORE}(?:${lex.riot_topic_before.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,;.]+\\s+){0,3}$`),
    topicBeforeRe: new RegExp(`${BEFORE}(?:${lex.topic_before.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,;.]+\\s+){0,3}$`),
    sameAuthorRe: words(lex.same_author),
    eventAnaphoraRe: words(lex.event_anaphora),
    sequelBeforeRe: words(lex.sequel_before),
    distinctTargetRe: words(lex.distinct_target),
    siteNounRe: words(lex.retold_site_nouns),
    // The noun as the text wrote it ("quartier-general" for "quartier general"); "l'" takes its noun with no space.
    retoldSiteRe: (noun: string) => new RegExp(`(?:^|[\\s(«"'’-])(?:${lex.retold_site_determiners.map((d) => `${phraseSource(d, L)}${d.endsWith("'") ? '' : '\\s+'}`).join('|')})${phraseSource(noun, L)}(?![a-z])`, 'g'),
    listJoinRe: new RegExp(`(?:^|\\s)${anyOf(lex.casualty.list_joins)}\\s`),
    periodMarkerRe: words(lex.syntax_roles.period_markers),
    convoyRe: words(lex.convoy),
    locativeBeforeRe: endingWith(lex.locative, lex.place_article, L),
    placeObjectVerbBeforeRe: new RegExp(`(?:^|\\s)(?:${lex.place_object_verbs.map((p) => phraseSource(p, L)).join('|')})(?:\\s+(?:${(L.weekday ?? []).map((w) => fold(w)).join('|')}))?\\s*(?:${phraseSource(lex.place_article, L)})?$`),
    countryLocativeBeforeRe: endingWith(lex.country_locative, lex.place_article, L),
    nationalTerritoryRe: words(lex.national_territory),
    destinationBeforeRe: endingWith(lex.destination_locative, lex.place_article, L),
    stateSubjectAfterRe: new RegExp(`^\\s*(?:'\\s*s\\s+)?(?:(?:${(L.mil_noun ?? []).map((p) => phraseSource(p, L)).join('|')})\\s+){0,2}(?:(?:${lex.state_subject.auxiliaries.map((p) => phraseSource(p, L)).join('|')})\\s+(?:\\S+\\s+)?)?(?:${lex.state_subject.verbs.map((p) => phraseSource(p, L)).join('|')})${AFTER}`),
    relationBeforeRe: new RegExp(`(?:${lex.relation_before.map((p) => phraseSource(p, L)).join('|')})\\s*(?:${phraseSource(lex.place_article, L)})?$`),
    opposedBeforeRe: endingWith(lex.opposed_before, lex.place_article, L),
    // The side after an inverted reporting verb ("…, a annoncé la police", "…, said the army") is the source.
    reportingBeforeRe: new RegExp(`(?:^|\\s)${lex.reporting_auxiliaries.length ? `(?:${anyOf(lex.reporting_auxiliaries)}\\s+)?` : ''}${anyOf(lex.reporting_verbs)}\\s+(?:(?!${anyOf(L.complementizer)}\\b)[^\\s,;:]+\\s+){0,2}$`),
    reportingAfterRe: new RegExp(`^\\s*(?:\\S+\\s+){0,3}${lex.reporting_auxiliaries.length ? `(?:${lex.reporting_auxiliaries.map((p) => phraseSource(p, L)).join('|')})\\s+` : ''}(?:${lex.reporting_verbs.map((p) => phraseSource(p, L)).join('|')})`),
    reportingVerbWords,
    reportingNextRe: new RegExp(`^\\s*(?:\\S+\\s+)?(?:${lex.reporting_verbs.map((p) => phraseSource(p, L)).join('|')})${AFTER}`),
    sidesBetweenRe: new RegExp(`(?:${lex.sides_between.map((p) => phraseSource(p, L)).join('|')})\\s+(?:${phraseSource(lex.place_article, L)})?(?:\\S+\\s+(?:and|et)\\s+(?:${phraseSource(lex.place_article, L)})?)?$`),
    peopleAfter: new Set(lex.people_after),
    inhabitantsAfter: new Set(lex.inhabitants),
    placeNounsAfter: new Set(lex.place_nouns_after),
    institutionsAfter: new Set(lex.institutions_after),
    roadAfterRe: new RegExp(`^(?:\\s*-\\s*(?:[^\\s,.;()-]+\\s+){0,2}?[^\\s,.;()-]+)?\\s+(?:${lex.road_nouns.map((p) => phraseSource(p, L)).join('|')})${AFTER}`),
    roadBeforeRe: new RegExp(`${BEFORE}(?:${lex.road_nouns.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,.;()-]+\\s*-\\s*)?$`),
    returnFireRe: words(lex.return_fire),
    strikeNounRe: words(lex.strike_nouns),
    severalEventsRe: words(lex.several_events),
    clauseJoinRe: words([...lex.clause_joins, ...lex.elliptical_joins]),
    ellipticalJoinRe: words(lex.elliptical_joins),
    earlierRe: words(lex.earlier_cues),
    reportedSpeechRe: words(lex.reported_speech),
    participleByRe: words(lex.participle_by),
    crowdAssaultRe: words(lex.crowd_assault),
    mobCueRe: words(lex.mob_cues),
    crowdResistsOperationRe: words(lex.crowd_resists_operation),
    noteLabels: lex.note_labels.map((l) => {
      try { eventTypeOf(l.sub_event_type); } catch { throw new Error(`${language} lexicon: note label ${l.id} names an unknown sub-event type "${l.sub_event_type}"`); }
      return { id: l.id, kind: l.kind, subEventType: l.sub_event_type, re: new RegExp(`\\s*${anyOf(l.labels)}[ \\t]*:(?=\\s)`, 'y') };
    }),
    crowdSideRe: words(lex.crowd_sides),
    armedSideRe: words(lex.armed_sides),
    clashWordRe: words(lex.clash_words),
    victimClauseEndRe: words(lex.victim_clause_end),
    settingBeforeRe: new RegExp(`${BEFORE}(?:${lex.setting_before.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,.;:]+\\s+){0,3}$`),
    conflictKindRe: words(L.conflict_kind ?? []),
    passiveAuxiliaryRe: words(lex.passive_auxiliaries),
    passiveStartRe: new RegExp(`^(?:${lex.passive_auxiliaries.map((p) => phraseSource(p, L)).join('|')})\\s`),
    passiveBeforeRe: new RegExp(`${BEFORE}(?:${lex.passive_auxiliaries.map((p) => phraseSource(p, L)).join('|')})\\s+(?:\\S+\\s+)?$`),
    relativeAfterCommaRe: new RegExp(`,\\s*(?:${lex.relative_pronouns.map((p) => phraseSource(p, L)).join('|')})\\s`),
    relativeStartRe: new RegExp(`^\\s*(?:${lex.relative_pronouns.map((p) => phraseSource(p, L)).join('|')})\\s`),
    negatedBeforeRe: new RegExp(`${BEFORE}(?:${lex.negation_before.map((p) => phraseSource(p, L)).join('|')})(?:[\\s-]+|(?<='))(?:[^\\s,.;:]+\\s+){0,3}$`),
    objectStartRe: new RegExp(`^\\s+(?:\\d|(?:${[...lex.object_determiners, ...numbers.keys()].map((p) => phraseSource(p, L)).join('|')})${AFTER})`),
    protestInterventionRe: words(lex.protest_intervention),
    protestExcessiveRe: words(lex.protest_excessive),
    riotCueRe: words(lex.riot_cues),
    killedRe: words(lex.casualty.killed),
    killedActiveRe: words(lex.casualty.killed_active),
    woundedRe: words(lex.casualty.wounded),
    noCasualtiesRe: words(lex.casualty.none),
    noKilledRe: words(lex.casualty.none_killed_only),
    noWoundedRe: words(lex.casualty.none_wounded_only),
    subsetBetweenRe: new RegExp(`(?:^|\\W)(?:${lex.casualty.subset_between.map((p) => phraseSource(p, L)).join('|')})\\W`),
    victimListAfterRe: new RegExp(`^(?:\\s+[^\\s,.;:]+){0,4}?\\s+(?:${lex.casualty.list_joins.map((p) => phraseSource(p, L)).join('|')})\\s+(?:\\d|(?:${[...numbers.keys()].map((p) => phraseSource(p, L)).join('|')})${AFTER})`),
    perfectBeforeRe: new RegExp(`(?:^|\\s)(?:${lex.casualty.perfect_before_trigger.map((p) => phraseSource(p, L)).join('|')})\\s*$`),
    perfectStartRe: new RegExp(`^(?:${lex.casualty.perfect_before_trigger.map((p) => phraseSource(p, L)).join('|')})\\s`),
    // Within the trigger's own phrase: no comma or relative pronoun before "since" ("le camp de Tessit, encerclé depuis août").
    sinceAfterRe: new RegExp(`^(?:(?!(?:^|\\s)(?:${lex.relative_pronouns.map((p) => phraseSource(p, L)).join('|')})\\s)[^.;:!?,]){0,50}?(?:^|\\s)(?:${lex.casualty.since_after_trigger.map((p) => phraseSource(p, L)).join('|')})\\s+(?:the\\s+|le\\s+|l'\\s*)?(?:\\d{1,4}(?!\\d|[.,]\\d)|(?:${[...months.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?(?![a-z]))`),
    companionAfterRe: new RegExp(`^(?:\\s*(?!(?:${[...lex.casualty.list_joins, ...lex.casualty.alternative_joins].map((p) => phraseSource(p, L)).join('|')})(?![a-z]))[^\\s,.;:]+){0,5}?\\s*,?\\s+(?:${lex.casualty.companion_joins.map((p) => phraseSource(p, L)).join('|')})(?:\\s+|(?<='))`),
    companionKinRe: new RegExp(`^(?:his|her|son|sa)\\s+(?:${lex.casualty.companion_kin.map((p) => phraseSource(p, L)).join('|')})(?![a-z])(?!\\s+(?:was|were|has|had|is|a|ont|est|etait|fut)\\s)`),
    companionSingleRe: new RegExp(`^(?:${lex.casualty.companion_singles.map((p) => phraseSource(p, L)).join('|')})\\s+([^\\s,.;:]+)(?:\\s+([^\\s,.;:]+))?`),
    partOfDayBeforeDateRe: lex.part_of_day_before_date.length ? new RegExp(`^(?:${lex.part_of_day_before_date.map((p) => phraseSource(p, L)).join('|')})\\s+`) : null,
    subsetBeforeRe: endingWith(lex.casualty.subset_before, '', L),
    prepositionBeforeArticle: new Set(lex.casualty.preposition_before_article),
    listCountOpeners: new RegExp(`^(?:\\s*(?:${anyOf(lex.casualty.list_count_openers)}))*\\s*$`),
    rangeOpeners: new Set(lex.casualty.range_openers),
    remainsNouns: new Set(lex.casualty.remains_nouns.map((w) => fold(w))),
    intentBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.casualty.intent_before)}\\s*$`),
    penaltyBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.casualty.penalty_before)}\\s*$`),
    gerundAsObjectRe: lex.casualty.preposition_before_gerund.length
      ? new RegExp(`(?:^|[^a-z])(?:${lex.casualty.preposition_before_gerund.map((p) => phraseSource(p, L)).join('|')})\\s+(?:(?:[a-z]+ly|[a-z]+ing|and|or)\\s+){0,3}$`)
      : /(?!)/,
    runningTotalRe: new RegExp(`^[\\s,]*(?:[^\\s,.;:]+\\s+){0,4}?(?:${lex.casualty.running_total_before_date.map((p) => phraseSource(p, L)).join('|')})\\s+(?:(?:le|the|of)\\s+)?$`),
    tollAssignedRes: lex.casualty.toll_assigned.map((p) => new RegExp(`${BEFORE}${phraseSource(p, L)}${AFTER}`, 'g')),
    tollTotalRes: lex.casualty.toll_total.map((p) => new RegExp(`${BEFORE}${phraseSource(p, L)}${AFTER}`, 'g')),
    tollDistributedRe: words(lex.casualty.toll_distributed),
    deathWords: { nouns: new Set(lex.casualty.death_nouns), remains: new Set(lex.casualty.remains_nouns), of: new Set(lex.casualty.death_of), verbs: new Set(lex.casualty.death_verbs), alternatives: new Set(lex.casualty.alternative_joins), things: new Set(lex.casualty.not_victims), ranks: new Set(lex.casualty.rank_before_number.map((w) => fold(w))), tolls: new Set(lex.casualty.toll_nouns), tollMarkers: new Set(lex.casualty.toll_markers) },
    tollNounRe: words(lex.casualty.toll_nouns),
    tollAggregateRe: words(lex.casualty.toll_aggregate),
    tallyBeforeRe: endingWith(lex.casualty.tally_before, '', L),
    claimedRe: words(lex.claims.claimed),
    confirmedRe: words(lex.claims.confirmed),
    // The source's own words (an apposition: "une chaîne … associée aux Unités…,") up to the verb; a clause of its own
    // ("sources reported that the Pentagon confirmed") gives the confirmation to that clause's subject.
    unofficialSourceBeforeRe: new RegExp(`(?:^|\\s)${anyOf(lex.claims.unofficial_sources)}(?:\\s+(?!${anyOf(L.complementizer)}\\b|${anyOf(lex.reporting_verbs)}\\b)[^\\s,;:.]+){0,12}\\s*,?\\s*$`),
    deniedRe: words(lex.claims.denied),
    negatedClaimRe: words(lex.claims.negated_claim),
    genericClaimObjectRe: words(lex.claims.generic_objects),
    negatedConfirmationRe: words(lex.claims.negated_confirmation),
    contrastRe: words(lex.contrast_joins),
    citationRe: words(lex.citations),
    sameDayRe: words(lex.same_day),
    todayRe: words(lex.today),
    naturalHazards: new Set(lex.natural_hazards.map((w) => fold(w))),
    figurativeOf: new Set(lex.figurative_of.map((w) => fold(w))),
    daysAgoRe: words(lex.days_ago),
    lastWeekRe: words(lex.last_week),
    lastMonthRe: words(lex.last_month),
    bareYearRe: new RegExp(`(?:^|[\\s(])(?:${lex.bare_year.openers.map((p) => phraseSource(p, L)).join('|')})\\s*(?<year>\\d{4})(?![\\d/-]|[.,]\\d|\\s\\d)`, 'g'),
    notCountedAfterYear: new Set(lex.bare_year.function_words),
    yesterdayRe: words(lex.yesterday),
    dayBeforeYesterdayRe: words(lex.day_before_yesterday),
    backgroundTimeRe: words(lex.background_time),
    periodRe: words(lex.period_cues),
    campaignRe: words(lex.campaign_cues),
    frequencyRe: words(lex.frequency_cues),
    framingRe: words([...lex.framing_cues, ...lex.descriptive_framing_cues]),
    descriptiveFraming: new Set(lex.descriptive_framing_cues.map((p) => fold(p))),
    settingRe: words(lex.setting_cues),
    statisticRe: words(lex.statistic_cues),
    threatRe: words(lex.threat_cues),
    demandRe: words(lex.demand_cues),
    threatAfterRe: words(lex.threat_after),
    anaphoraRe: words(lex.anaphora),
    sentenceRelativeRe: new RegExp(`^\\s*(?:${anyOf(lex.sentence_relative)})\\b`),
    continuationRe: new RegExp(lex.continuation_subject.map((p) => phraseSource(p, L)).join('|')),
    impersonalRe: new RegExp(lex.impersonal.map((p) => phraseSource(p, L)).join('|')),
    nearRe: new RegExp(`(?:${lex.near.map((p) => phraseSource(p, L)).join('|')})\\s*$`),
    regionRe: new RegExp(phraseSource(lex.region_pattern, L), 'g'),
    regionDirections: new Map(Object.entries(lex.region_directions).map(([k, v]) => [fold(k), v] as const)),
    nationality,
    nationalityRe: words([...nationality.keys()]),
    countryNames,
    countryNameRe: words([...countryNames.keys()]),
    milNounRe: words(L.mil_noun ?? []),
    milNounAfterRe: new RegExp(`^\\s*${anyOf(L.mil_noun_after)}(?![a-z])`),
    bareArmyRe: words(L.bare_army ?? []),
    ofCountryAfterRe: new RegExp(`^\\s*${anyOf(L.of_country)}\\s*`),
    ofCountryBeforeRe: new RegExp(`(?:^|\\s)${anyOf(L.of_country)}\\s*$`),
    barePoliceRe: words(L.bare_police ?? []),
    homeForcesRe: words(L.home_forces ?? []),
    groupOfBeforeRe: new RegExp(`(?:^|[^a-z])${anyOf(L.group_of)}\\s+$`),
    anotherBeforeRe: new RegExp(`(?:^|[^a-z])${anyOf(L.another)}\\s+(?:\\S+\\s+)?$`),
    officialNounRe: words(L.official_nouns ?? []),
    tollCauseRe: new RegExp(`^${anyOf(L.toll_cause)}(?![a-z])`),
    lapseBeforeRe: new RegExp(`${anyOf(L.lapse)}\\s+${anyOf(L.toll_cause)}(?![a-z])`),
    backedAfterRe: new RegExp(`^[\\s-]*${anyOf(L.backed_after)}(?![a-z])`),
    attackNounRe: words(L.attack_noun ?? []),
    attackNounClassifierRe: words(L.attack_noun_classifier ?? []),
    instrumentRe: new RegExp(`^${anyOf(L.instrument)}(?![a-z])`),
    // Whole words, in the actor's own clause: "station" holds no "on", and "On 6 March 2024, X" does not make X a target.
    targetPrepositionRe: new RegExp(`${BEFORE}(?:${lex.target_prepositions.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,.;:]+\\s+){0,4}$`),
    agentPrepositionRe: new RegExp(`${BEFORE}(?:${lex.agent_prepositions.map((p) => phraseSource(p, L)).join('|')})\\s+(?:[^\\s,.;:]+\\s+){0,3}$`),
    agentAfterRe: new RegExp(`^\\s+(?:${lex.agent_prepositions.map((p) => phraseSource(p, L)).join('|')})\\s+[^,.;:()]{1,50}`),
    weekdayRe: words(L.weekday ?? []),
  };
}

/** A text that ends with one of the phrases as a word, then perhaps an article: what stands before a name. */
function endingWith(phrases: readonly string[], article: string, lists: Readonly<Record<string, readonly string[]>>): RegExp {
  return new RegExp(`(?:^|\\s)(?:${phrases.map((p) => phraseSource(p, lists)).join('|')})\\s*(?:${phraseSource(article, lists)})?$`);
}

const MONTH_NUMBER: Partial<Record<Language, Record<string, number>>> = {
  fr: { janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12 },
  en: { january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12 },
};
