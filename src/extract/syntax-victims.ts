// How many people a killing verb names as its victims, read off the dependency parse when no number
// stands next to the verb: "A national staffer of an INGO was killed" (the passive subject, one by its
// article however long the phrase), "Israeli forces shot and killed the assailant" (the object, one by
// its singular noun), "killing a fighter and a civilian" (two conjuncts), "Jacob Juma is shot dead" (a
// name is one person). A plural with no number ("killed the militants") is not a count: null.
import type { Span } from '../types.ts';
import type { ParsedSentence, Word } from '../syntax/types.ts';
import { baseRelation, children, headOf, isPassive } from '../syntax/tree.ts';
import { headWordIn } from './syntax-roles.ts';
import { fold } from '../text/fold.ts';

export interface VictimCount extends Span {
  readonly value: number;
  /** The relation the victims hold to the verb, for the trace: "nsubj:pass", "obj". */
  readonly relation: string;
}

/** Determiners that make a singular noun one person: an indefinite or a numeral "one" ("a", "an", "un",
 *  "une", "one"), and definite or possessive ones ("the", "his", "le", "son"): `Number=Sing` decides. */
const ONE = new Set(['a', 'an', 'one', 'un', 'une']);
/** Nouns of quantity: "an unspecified number of Palestinians", "un certain nombre de blessés" count no one. */
const QUANTITY = new Set(['number', 'amount', 'nombre', 'quantité', 'quantite']);

export interface DeathWords {
  readonly nouns: ReadonlySet<string>;
  /** Nouns of remains ("body", "corps"): their owner is one of the dead only when a person, not a name (the UN's "body"). */
  readonly remains: ReadonlySet<string>;
  readonly of: ReadonlySet<string>;
  readonly verbs: ReadonlySet<string>;
  /** Conjunctions that join two names of one victim rather than two victims ("a smuggler or Kolbar", "ou"). */
  readonly alternatives: ReadonlySet<string>;
  /** Lemmas of things a killing verb may take that are no one ("two drones were shot down", "deux drones ont été abattus"). */
  readonly things: ReadonlySet<string>;
  /** Nouns whose numeral is a rank, not a count ("number two", "numéro deux"): the lexicon's casualty.rank_before_number. */
  readonly ranks: ReadonlySet<string>;
  /** Nouns of a death toll ("toll", "bilan"), by lemma: their figure is the dead ("the toll rose to 30"). */
  readonly tolls: ReadonlySet<string>;
  /** Prepositions that give a toll its figure ("of", "to", "at"; "de", "à"), by lemma. */
  readonly tollMarkers: ReadonlySet<string>;
}

/**
 * The victims of the killing verb at `cue`: its passive subject, or its object when active, or the noun a
 * participle describes ("a man killed in…"); counted by their numeral, their article or their grammatical
 * number, summed over conjuncts. `numberOf` reads a numeral's value (the language's number words).
 */
export function victimsOnParse(s: ParsedSentence, cue: Span, numberOf: (word: string) => number | undefined,
  death: DeathWords = { nouns: new Set(), remains: new Set(), of: new Set(), verbs: new Set(), alternatives: new Set(), things: new Set(), ranks: new Set(), tolls: new Set(), tollMarkers: new Set() },
  dates: readonly Span[] = []): VictimCount | null {
  const verb = headWordIn(s, cue);
  if (!verb) return null;
  const lemma = verb.lemma.toLowerCase();
  if (verb.upos === 'NOUN' && death.tolls.has(lemma)) return tollFigure(s, verb, cue, numberOf, death, dates);
  // "announced the death of two fighters", "resulting in his death": the noun's "of" phrase or possessor.
  if (verb.upos === 'NOUN' && death.nouns.has(lemma)) {
    // "la mort à Erbil": only the phrase of "of"/"de" names who died.
    const of = children(s, verb, 'nmod').find((n) => children(s, n, 'case').some((c) => death.of.has(c.form.toLowerCase()))) ?? children(s, verb, 'nmod:poss')[0];
    // "the UN's human rights body", "the governing body of the African Union": a body owned by a name is an organ.
    if (of && death.remains.has(lemma) && of.upos === 'PROPN') return null;
    // A pronoun ("his death", "her body") points back to someone named before: the caller decides whether they are counted already.
    return of ? counted(s, of, cue, of.upos === 'PRON' ? 'possessive-pronoun' : of.deprel === 'nmod:poss' ? 'nmod-poss' : 'nmod', numberOf, death) : null;
  }
  // "the injured rioter succumbed to his wounds", "un blessé est décédé": the subject of a verb of dying.
  if (verb.upos === 'VERB' && death.verbs.has(lemma)) {
    const subject = children(s, verb, 'nsubj')[0];
    return subject ? counted(s, subject, cue, 'nsubj', numberOf, death) : null;
  }
  if (verb.upos !== 'VERB' && verb.upos !== 'ADJ') return null;
  // "des missiles se sont abattus sur la ville": a pronominal verb (fell), not a killing.
  if (children(s, verb).some((c) => baseRelation(c.deprel) === 'expl' || c.lemma.toLowerCase() === 'se')) return null;
  const relation = baseRelation(verb.deprel);
  let victim: Word | null = null, how = '';
  if (isPassive(s, verb)) {
    victim = children(s, verb, 'nsubj:pass')[0] ?? null;
    how = 'nsubj:pass';
  } else if (verb.upos === 'VERB') {
    victim = children(s, verb, 'obj')[0] ?? null;
    how = 'obj';
    // "a man killed in the raid": a participle describing its noun.
    if (!victim && relation === 'acl' && verb.feats.VerbForm === 'Part' && verb.feats.Tense !== 'Pres') {
      victim = headOf(s, verb);
      how = 'acl';
    }
  }
  if (!victim) ({ victim, how } = sharedVictim(s, verb) ?? { victim: null, how });
  if (!victim) return null;
  // A weapon, a vehicle or a building brought down or destroyed counts no victim; nor does a part of them ("l'un des
  // drones a été neutralisé", "one of the drones was shot down").
  const thing = (w: Word) => death.things.has(w.lemma.toLowerCase()) || death.things.has(w.form.toLowerCase().replace(/s$/, ''));
  if (thing(victim)) return null;
  if ((victim.upos === 'NUM' || victim.upos === 'PRON') && children(s, victim, 'nmod', 'obl').some(thing)) return null;
  return counted(s, victim, cue, how, numberOf, death);
}

/**
 * The figure a death toll gives: its own ("a death toll of 30", "un bilan de 30") or, when the toll is its clause's
 * subject, the figure its verb takes ("the toll rose to 30", "has reached 30", "le bilan s'est alourdi à 30"). A figure
 * that counts a casualty word of its own ("un bilan de 30 morts") is that word's toll, not read here.
 */
function tollFigure(s: ParsedSentence, toll: Word, cue: Span, numberOf: (word: string) => number | undefined, death: DeathWords,
  dates: readonly Span[]): VictimCount | null {
  // "le bilan de l'attentat du 5 mars", "the toll of the 2021 attack": a day or a year is no figure.
  const inDate = (w: Word) => dates.some((d) => w.start < d.end && d.start < w.end);
  const figureOf = (w: Word, marked: boolean): number | null => {
    if (inDate(w)) return null;
    const marker = children(s, w, 'case')[0];
    if (marked ? !marker || !death.tollMarkers.has(marker.lemma.toLowerCase()) : marker) return null;
    if (w.upos === 'NUM') return numeralValue(w, numberOf);
    // "climbed to 30 people": a noun of people counted by its numeral.
    const numeral = children(s, w, 'nummod')[0];
    if (!numeral || inDate(numeral)) return null;
    return !death.tolls.has(w.lemma.toLowerCase()) ? numeralValue(numeral, numberOf) : null;
  };
  const found = (w: Word, value: number | null): VictimCount | null =>
    value === null || value <= 0 ? null : { value, start: Math.min(cue.start, w.start), end: Math.max(cue.end, w.end), relation: 'toll' };
  for (const c of children(s, toll, 'nummod')) if (c.upos === 'NUM' && !inDate(c)) return found(c, numeralValue(c, numberOf));
  for (const c of children(s, toll, 'nmod')) { const v = found(c, figureOf(c, true)); if (v) return v; }
  const verb = baseRelation(toll.deprel) === 'nsubj' ? headOf(s, toll) : null;
  if (!verb || verb.upos !== 'VERB') return null;
  for (const c of children(s, verb, 'obl', 'obj', 'nmod')) {
    if (c.start < toll.end) continue;
    const v = found(c, figureOf(c, baseRelation(c.deprel) !== 'obj'));
    if (v) return v;
  }
  return null;
}

/**
 * The victim a killing verb shares with the verb it is coordinated with, when it has none of its own. UD
 * attaches a shared argument to the first conjunct only: "the driver is shot and killed" (the first verb's
 * subject: passive, or a participle read as an adjective after "is"), "a mob lynches and burns a thief"
 * (the object after the last conjunct, attached to it).
 */
function sharedVictim(s: ParsedSentence, verb: Word): { victim: Word; how: string } | null {
  const own = (w: Word) => children(s, w, 'nsubj', 'nsubj:pass', 'obj');
  if (own(verb).length) return null;
  const passiveForm = verb.feats.VerbForm === 'Part' && verb.feats.Tense !== 'Pres';
  // The verb is a later conjunct: its subject is the first's, when both tell what was done to it.
  if (verb.deprel === 'conj') {
    const first = headOf(s, verb);
    if (first && (first.upos === 'VERB' || first.upos === 'ADJ')) {
      const pass = children(s, first, 'nsubj:pass')[0];
      if (pass && (passiveForm || isPassive(s, verb))) return { victim: pass, how: 'nsubj:pass' };
      const copular = first.upos === 'ADJ' && children(s, first, 'cop').length > 0;
      const subject = children(s, first, 'nsubj')[0];
      if (copular && subject && passiveForm) return { victim: subject, how: 'nsubj:pass' };
    }
    return null;
  }
  // The verb is the first conjunct, active: the object its next conjunct holds.
  if (verb.upos !== 'VERB' || passiveForm || isPassive(s, verb)) return null;
  const next = children(s, verb, 'conj').find((c) => c.upos === 'VERB' && !children(s, c, 'nsubj', 'nsubj:pass').length);
  const object = next ? children(s, next, 'obj')[0] : undefined;
  return object ? { victim: object, how: 'obj' } : null;
}

/** The victims headed by `victim`, summed over its conjuncts, or null when one of them is not counted. */
function counted(s: ParsedSentence, victim: Word, cue: Span, how: string, numberOf: (word: string) => number | undefined,
  death: DeathWords): VictimCount | null {
  let value = 0, end = victim.end;
  // "a smuggler or Kolbar": two names of one victim, counted once.
  const conjuncts = children(s, victim, 'conj').filter((c) => !children(s, c, 'cc').some((cc) => death.alternatives.has(cc.lemma.toLowerCase())));
  for (const w of [victim, ...conjuncts]) {
    const n = countOf(s, w, numberOf, BARE_VICTIM_RELATIONS.has(how), death.ranks);
    if (n === null) return null;
    value += n;
    end = Math.max(end, w.end);
  }
  return { value, start: Math.min(victim.start, cue.start), end: Math.max(end, cue.end), relation: how };
}

/** The value of a numeral, in digits ("10,800", "10 800") or in words; null for a decimal ("0.5", "2,75") or a word that is no number. */
function numeralValue(w: Word, numberOf: (word: string) => number | undefined): number | null {
  if (/[.,]/.test(w.form) && !/^\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+$/.test(w.form)) return null;
  const digits = w.form.replace(/[\s,.\u00a0\u202f]/g, '');
  const v = /^\d{1,6}$/.test(digits) ? Number(digits) : numberOf(w.form.toLowerCase());
  return v === undefined ? null : v;
}

/** One noun phrase's count of people, or null when the phrase does not say how many. */
/** The relations whose noun may go without an article and still be one victim: a headline's subject or object. */
const BARE_VICTIM_RELATIONS: ReadonlySet<string> = new Set(['obj', 'nsubj:pass', 'nsubj', 'acl']);

function countOf(s: ParsedSentence, head: Word, numberOf: (word: string) => number | undefined, bare: boolean, ranks: ReadonlySet<string>): number | null {
  // "the number two of the movement", "le numéro deux": a rank names one person.
  if ((ranks.has(head.lemma.toLowerCase()) || ranks.has(fold(head.lemma))) && head.feats.Number !== 'Plur' && children(s, head, 'nummod', 'appos').some((c) => c.upos === 'NUM')) return 1;
  const numeral = children(s, head, 'nummod')[0];
  if (numeral) return numeralValue(numeral, numberOf);
  // "the death of 6", "one of the injured": a numeral standing for the people.
  if (head.upos === 'NUM') return numeralValue(head, numberOf);
  // "the bodies of…", "dozens of civilians": a plural, or a quantity noun, says no number.
  if (QUANTITY.has(head.lemma.toLowerCase())) return null;
  // "une dizaine de terroristes", "a dozen civilians": a noun of number counts its people.
  if (head.upos === 'NOUN' && head.feats.Number !== 'Plur') {
    const article = children(s, head, 'det')[0];
    const approximate = numberOf(head.form.toLowerCase()) ?? (article ? numberOf(`${article.form.toLowerCase()} ${head.form.toLowerCase()}`) : undefined);
    if (approximate !== undefined && approximate > 1) return approximate;
  }
  if (head.feats.Number === 'Plur') return null;
  if (head.upos === 'PROPN') return 1;
  // "he was killed" is one person; "it was neutralized" is a thing (a drone, a missile), no victim.
  if (head.upos === 'PRON') return head.feats.Number === 'Sing' && head.feats.Person === '3' && head.feats.Gender !== 'Neut' ? 1 : null;
  if (head.upos !== 'NOUN' || head.feats.Number !== 'Sing') return null;
  const det = children(s, head, 'det', 'det:poss', 'nmod:poss')[0];
  // "Suspected Al Shabaab attackers kill soldier", "Student shot dead": a headline drops the article of its one
  // victim; a noun of another phrase without one is no person ("le corps d'armée").
  if (!det) return bare ? 1 : null;
  return ONE.has(det.form.toLowerCase()) || det.feats.Definite === 'Def' || det.feats.Poss === 'Yes' || baseRelation(det.deprel) === 'nmod' ? 1 : null;
}
