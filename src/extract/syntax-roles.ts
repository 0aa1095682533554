// What the dependency parse says of a mention's part in an event: the side that is the subject of an
// active attack verb, the "by"-phrase of a passive or the possessor of an event noun acts; the object,
// the passive subject and the "against"/"on" phrase are targeted; the subject of a verb that undergoes
// ("came under attack", "a subi une attaque") is targeted, of a verb that carries out ("launched an
// attack", "a mené une attaque") acts. The words of each kind of verb and preposition are the
// language's lexicon (syntax_roles in lang/<language>/lexicon.json): data, not code.
import type { Span } from '../types.ts';
import { fold } from '../text/fold.ts';
import type { ParsedSentence, Word } from '../syntax/types.ts';
import { baseRelation, children, governingVerb, headOf, isPassive, relationPath, subtree, subtreeSpan } from '../syntax/tree.ts';

export interface SyntaxRoleLexicon {
  /** Lemmas of verbs whose subject undergoes the event named by their object or oblique ("come", "suffer", "subir"). */
  readonly undergo: ReadonlySet<string>;
  /** Prepositions that, with an "undergo" verb, introduce the event ("under" in "came under attack"); empty: any. */
  readonly undergoMarkers: ReadonlySet<string>;
  /** Lemmas of verbs whose subject carries out the event named by their object ("launch", "carry", "mener"). */
  readonly carryOut: ReadonlySet<string>;
  /** Prepositions of an author after an event noun or a passive ("by", "par"). */
  readonly agentMarkers: ReadonlySet<string>;
  /** Words that make a clause or a phrase the background of another event ("after", "following", "in response to",
   *  "après", "en représailles à"): conjunctions and prepositions, or the noun a phrase of response is headed by. */
  readonly backgroundMarkers: ReadonlySet<string>;
  /** Words that open a period ("since", "depuis"): a date inside their phrase is when the period began, not an event's day. */
  readonly periodMarkers: ReadonlySet<string>;
  /** Period markers that also tell where from ("depuis le Liban"): syntax_roles.origin_markers. */
  readonly originMarkers: ReadonlySet<string>;
  /** Nouns that name an attack ("attack", "raid", "frappe"): what a participle's by-phrase describes ("an attack claimed by X"). */
  readonly eventNouns: ReadonlySet<string>;
  /** Verbs and nouns of violating an agreement ("violate", "breach", "violation", "rompre"): an agreement they govern is broken, not made. */
  readonly breachWords: ReadonlySet<string>;
  /** Verbs whose subject, when it is a munition, tells a blow: it landed ("a missile hit a ship", "un obus a touché
   *  l'école") or was fired (a munition does not fire: "shells fired from the east…" is a reduced relative). */
  readonly munitionVerbs: ReadonlySet<string>;
  /** Relative pronouns that can be a clause's subject ("which", "who", "qui"), by form. */
  readonly relativePronouns: ReadonlySet<string>;
  /** Prepositions of the phrase a noun is "of" ("of", "de": "residents of X"), by lemma. */
  readonly genitiveMarkers: ReadonlySet<string>;
  /** The language's verbs of saying, as written (folded): "said", "annonce". */
  readonly reportingForms: ReadonlySet<string>;
  /** Prepositions that tell where a person comes from ("a soldier from Kidal"). */
  readonly provenanceMarkers: ReadonlySet<string>;
  /** Verbs that say who is at a place ("host", "station", "accueillir", "déployer"): in a clause describing a place, their
   *  subject or object is whom the place holds. */
  readonly hostVerbs: ReadonlySet<string>;
  /** Attack nouns whose "of"-phrase names who attacks ("l'attaque du Hezbollah", "les frappes de l'armée"): where the
   *  language reads a side in that phrase as the author, not the target (English does not: "the bombing of Hamas"). */
  readonly authorGenitiveNouns: ReadonlySet<string>;
  /** Nouns of an armed body ("armée", "junte"): in the of-phrase of an author-genitive noun, the author, as a name is. */
  readonly armedBodies: ReadonlySet<string>;
  /** Participles that say what a side is, not where ("armé", "masqué"), by lemma. */
  readonly attributiveParticiples: ReadonlySet<string>;
  /** Nouns of what is about an event, not the event (trial, anniversary, debate), folded: an event noun in their of- or
   *  on-phrase is a reference. */
  readonly referenceNouns: ReadonlySet<string>;
  /** Prepositions besides the genitive that tie an event to such a noun ("on", "sur"). */
  readonly referenceMarkers: ReadonlySet<string>;
  /** Conjunctions of a clause that tells another moment the main one happened at ("when", "lorsque"), by lemma. */
  readonly whenMarkers: ReadonlySet<string>;
}

/**
 * The clause or phrase that tells a trigger as the background of its sentence's event, if it is: inside a clause or a phrase
 * opened by a background marker ("hours after militants downed a drone, the army struck…", "in response
 * to attacks earlier that day", "en représailles aux frappes"), on its path to the root.
 */
export function backgroundClause(s: ParsedSentence, trigger: Span, lex: SyntaxRoleLexicon): Span | null {
  const t = headWordIn(s, trigger);
  if (!t) return null;
  for (let x: Word | null = t, guard = 0; x && guard <= s.words.length; x = headOf(s, x), guard++) {
    const base = baseRelation(x.deprel);
    if (base === 'root') return null;
    if (!['advcl', 'obl', 'nmod', 'acl', 'parataxis'].includes(base)) continue;
    // "a week after | jihadists killed 30": a parser may hang the clause's marker on its subject.
    const subjectMarks = x.upos === 'VERB' ? children(s, x, 'nsubj', 'nsubj:pass').flatMap((n) => children(s, n, 'mark').filter((m) => m.start < n.start)) : [];
    if ([...children(s, x, 'mark', 'case'), ...subjectMarks].some((m) => lex.backgroundMarkers.has(m.lemma.toLowerCase())) || lex.backgroundMarkers.has(x.lemma.toLowerCase())
      // "following" read as the verb of a clause whose object is the event: the form is the marker.
      || (x.upos === 'VERB' && lex.backgroundMarkers.has(x.form.toLowerCase()))) {
      return subtreeSpan(s, x);
    }
    // "following US-UK airstrikes": a tagger may read the preposition as a participle modifying the noun; it is still
    // the marker when it opens the phrase (not "the following day").
    const span = subtreeSpan(s, x);
    const opener = children(s, x, 'amod', 'advmod').find((m) => m.start === span.start && lex.backgroundMarkers.has(m.form.toLowerCase()));
    if (opener) return span;
  }
  return null;
}

/**
 * Whether a date stands inside a phrase or clause that opens a period ("one of the biggest attacks since the
 * outbreak of the skirmishes … on Oct. 8", "depuis le début de la guerre, le 7 octobre"): on its path to the
 * root, a period marker, or a word it marks. Such a date is when the period began: background, not the day of
 * the sentence's event.
 */
export function inPeriodPhrase(s: ParsedSentence, date: Span, lex: SyntaxRoleLexicon): boolean {
  const d = headWordIn(s, date);
  if (!d) return false;
  const isMarker = (w: Word) => lex.periodMarkers.has(w.lemma.toLowerCase()) || lex.periodMarkers.has(w.form.toLowerCase());
  for (let x: Word | null = d, guard = 0; x && guard <= s.words.length; x = headOf(s, x), guard++) {
    if (isMarker(x)) break;
    const marker = children(s, x, 'mark', 'case').find(isMarker);
    if (marker) {
      // "tirées depuis le Liban vers le nord d'Israël jeudi": a marker that also tells where from, on a name outside the
      // date ("depuis le Liban"), tells where from, not since when; the date the parse hung inside that phrase is the
      // event's. "since Operation Protective Edge on 20 July 2014" stays a period: "since" tells no origin.
      const origin = lex.originMarkers.has(marker.lemma.toLowerCase()) || lex.originMarkers.has(marker.form.toLowerCase());
      return !(origin && x.upos === 'PROPN' && (x.end <= date.start || x.start >= date.end));
    }
    if (baseRelation(x.deprel) === 'root') return closesMarkedPhrase(s, date, isMarker);
  }
  return true;
}

/** Parts of speech of a noun phrase and its complements: a date after a marker with only these between closes the marker's phrase. */
const NOMINAL = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'ADP', 'NUM', 'CCONJ']);

/**
 * Whether a date closes the noun phrase a marker opens, whatever the parse attached it to ("depuis la fin de la trêve
 * le 1er décembre": only words of a noun phrase between, no verb, no punctuation).
 */
function closesMarkedPhrase(s: ParsedSentence, date: Span, isMarker: (w: Word) => boolean): boolean {
  const before = s.words.filter((w) => w.end <= date.start);
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i]!;
    if (isMarker(w)) return true;
    if (!NOMINAL.has(w.upos)) return false;
  }
  return false;
}

/**
 * Whether a trigger stands inside what a present participle or gerund adds to its clause, below that verb
 * ("…ont attaqué l'armée à Bourem, confortant les craintes de fin de l'accord de paix", "…struck the base,
 * raising fears of a wider war"): the aside tells a consequence or a comment, not an event of its own. The
 * participle itself ("…, killing five") is not inside its aside.
 */
export function inParticipleAside(s: ParsedSentence, trigger: Span): boolean {
  const t = headWordIn(s, trigger);
  if (!t) return false;
  for (let x: Word | null = headOf(s, t), guard = 0; x && guard <= s.words.length; x = headOf(s, x), guard++) {
    if (baseRelation(x.deprel) === 'root') return false;
    // A participle with a conjunction ("while trying to hold a demonstration", "en tentant de…") tells the
    // circumstances of the act, often the event itself: only a bare one is an aside.
    if (baseRelation(x.deprel) === 'advcl' && x.upos === 'VERB' && (x.feats.VerbForm === 'Ger' || (x.feats.VerbForm === 'Part' && x.feats.Tense === 'Pres'))) {
      return !children(s, x, 'mark').length;
    }
  }
  return false;
}

/**
 * Whether a span stands in a participle that describes a noun ("la manifestation – interdite par la mairie de Goma –"):
 * on its path up to the edge of `within` (the clause asked about), a verb attached to a noun as its adjective.
 */
export function inNounParticiple(s: ParsedSentence, span: Span, within: Span): boolean {
  const w = headWordIn(s, span);
  if (!w) return false;
  for (let x: Word | null = headOf(s, w), guard = 0; x && guard <= s.words.length; x = headOf(s, x), guard++) {
    const base = baseRelation(x.deprel);
    // Only inside the clause asked about: a participle above it describes something else.
    if (base === 'root' || x.start < within.start || x.end > within.end) return false;
    // A passive participle (its by-phrase, or read as the noun's adjective): a clause attached to a noun ("attacks
    // that gripped parts of Pretoria", "a grenade exploded during …" as the parse may read it) tells where what it
    // describes happened.
    const passive = x.deprel === 'amod' || (x.deprel === 'acl' && children(s, x, 'obl:agent').length > 0);
    if (passive && x.upos === 'VERB' && headOf(s, x)?.upos === 'NOUN') return true;
  }
  return false;
}

export type SyntaxRole = 'agent' | 'target';

export interface SyntacticReading {
  readonly role: SyntaxRole;
  /** How the tree says it, for `vigie explain`: "nsubj ← frapper". */
  readonly path: string;
  /** The rule's id. */
  readonly rule: string;
}

/** The word of a span that heads it: the one whose head lies outside the span (the first such). */
export function headWordIn(s: ParsedSentence, span: Span): Word | null {
  const inside = s.words.filter((w) => w.start >= span.start && w.end <= span.end);
  if (!inside.length) {
    // A span inside one token (a name glued to a clitic): the token's word.
    return s.words.find((w) => w.start <= span.start && w.end >= span.end) ?? null;
  }
  const ids = new Set(inside.map((w) => w.id));
  return inside.find((w) => !ids.has(w.head)) ?? inside[0]!;
}

/** The preposition that opens a word's phrase: the phrase's first word when it is a preposition (the
 *  parser may hang it lower: "by Islamic State militants" with "by" under "State"), else a `case`
 *  dependent before the word. One after it opens another phrase ("militants near Deir ez-Zor"). */
export function caseMarker(s: ParsedSentence, w: Word): string | null {
  const first = subtree(s, w)[0];
  if (first && first.id !== w.id && first.deprel === 'case') return first.lemma.toLowerCase();
  const c = children(s, w, 'case').find((x) => x.id < w.id);
  return c ? c.lemma.toLowerCase() : null;
}

/** The ancestors of a word, nearest first. */
function ancestors(s: ParsedSentence, w: Word): Word[] {
  const out: Word[] = [];
  let x = headOf(s, w);
  for (let guard = 0; x && guard <= s.words.length; guard++) { out.push(x); x = headOf(s, x); }
  return out;
}

/** The child of `top` on the path down to `w` (w itself when top is its head). */
function branchUnder(s: ParsedSentence, top: Word, w: Word): Word {
  let x = w;
  for (let guard = 0; guard <= s.words.length; guard++) {
    const h = headOf(s, x);
    if (!h || h.id === top.id) return x;
    x = h;
  }
  return x;
}

/** Relations through which a side stays the phrase it heads ("the soldiers of the army": army is still the target). */
const WITHIN_PHRASE = new Set(['appos', 'conj', 'amod', 'compound', 'flat', 'det', 'nummod']);

/**
 * The part the tree gives a side (the span of its mention) in the event of a trigger (the span of its
 * word), or null when the tree says nothing: the side is not attached to the trigger's clause by a
 * relation that tells a part.
 */
export function syntacticRole(s: ParsedSentence, trigger: Span, side: Span, lex: SyntaxRoleLexicon, language: string): SyntacticReading | null {
  const a = headWordIn(s, side);
  let t = headWordIn(s, trigger);
  // A trigger written with its light verb ("came under attack", "a mené une attaque"): the event is the
  // noun, and the verb says how its subject takes part.
  if (t && (lex.undergo.has(t.lemma.toLowerCase()) || lex.carryOut.has(t.lemma.toLowerCase()))) {
    t = children(s, t, 'obj', 'obl').find((c) => c.start >= trigger.start && c.end <= trigger.end) ?? t;
  }
  // "an al-Shabaab suicide car bomb attack": a trigger that only qualifies an event noun is read as that noun.
  const qualified = t ? headOf(s, t) : null;
  if (t && qualified && qualified.upos === 'NOUN' && ['amod', 'compound'].includes(baseRelation(t.deprel)) && lex.eventNouns.has(qualified.lemma.toLowerCase())
    && qualified.start >= t.end) t = qualified;
  if (!t || !a || t.id === a.id) return null;
  const read = (role: SyntaxRole, rule: string): SyntacticReading => ({ role, rule: `${language}.syntax.${rule}`, path: relationPath(s, a, t) });
  const above = ancestors(s, a);
  if (participleAgent(s, a, t, lex)) return read('agent', 'participle-by-phrase');
  const author = eventNounAuthor(s, a, t, lex);
  if (author) return read('agent', author);
  if (occupant(s, a, t, lex)) return read('target', 'occupant');
  if (above.includes(t)) {
    const branch = branchUnder(s, t, a);
    // "was shot dead by police": the parser hangs the by-phrase on the resultative adjective; it is the passive verb's.
    if (branch.deprel === 'xcomp' && branch.upos === 'ADJ' && a.head === branch.id && isPassive(s, t) && isByPhrase(s, a, lex)) return read('agent', 'by-phrase');
    // Only through the phrase the side heads: "the commander of the unit that attacked" is not the trigger's.
    for (let x: Word | null = a; x && x.id !== branch.id; x = headOf(s, x)) {
      if (!WITHIN_PHRASE.has(baseRelation(x.deprel))) return null;
    }
    const rel = branch.deprel, base = baseRelation(rel), marker = caseMarker(s, branch);
    // A "passive" subject of a verb whose only auxiliary is a tense one ("a", "has") is the parser's slip on an
    // active perfect ("l'armée de l'air a frappé le centre"): a passive takes "être"/"be". A headline's bare
    // participle ("Bases attacked by drones") has no auxiliary at all and stays passive.
    if (rel === 'nsubj:pass' || rel === 'csubj:pass') {
      const auxiliaries = children(s, t, 'aux');
      const slip = auxiliaries.length > 0 && !auxiliaries.some((c) => c.deprel === 'aux:pass');
      return slip ? read('agent', 'subject') : read('target', 'passive-subject');
    }
    if (base === 'nsubj') {
      if (isPassive(s, t)) return read('target', 'passive-subject');
      // "la base a été la cible de drones", "the convoy was the target of": the subject of an event noun
      // made a predicate by a copula is what the event befell.
      if (children(s, t, 'cop').length) return read('target', 'copular-subject');
      return read('agent', 'subject');
    }
    if (rel === 'obl:agent' || (marker && lex.agentMarkers.has(marker) && ['obl', 'nmod', 'obj', 'iobj'].includes(base))) return read('agent', 'by-phrase');
    if (base === 'obj' || base === 'iobj') return read('target', 'object');
    // An "against"/"contre" phrase is not read off the tree: where a prepositional phrase attaches is what a
    // greedy parser gets wrong most ("an attack in Syria against US forces from the coalition against IS"
    // attaches IS to the attack); the cue of the preposition before the side (targetPrepositionRe) decides.
    // "a US drone strike", "la frappe israélienne", "Israel's strike": the side named on the event noun acts.
    if ((base === 'amod' || rel === 'nmod:poss' || base === 'compound') && t.upos === 'NOUN') return read('agent', 'event-noun-modifier');
    return null;
  }
  // "Le ministère a indiqué avoir frappé Kramatorsk", "the group claimed to have struck": the trigger is the
  // infinitive complement of a verb whose subject it shares (UD's xcomp: a controlled subject).
  const governor = headOf(s, t);
  // A finite verb or one with a subject of its own is no controlled complement ("police estimated 100,000 people took to the streets").
  if (governor && baseRelation(t.deprel) === 'xcomp' && !isPassive(s, t) && t.feats.VerbForm !== 'Fin' && !children(s, t, 'nsubj').length && !children(s, governor, 'obj').length) {
    const subject = children(s, governor, 'nsubj').find((x) => x.id === a.id || ancestors(s, a).includes(x));
    if (subject && subject.deprel !== 'nsubj:pass') return read('agent', 'controller');
  }
  // "The army said it killed 25 militants", "l'armée a annoncé qu'elle avait tué…": a clause under the side's own verb
  // of saying whose subject is a personal pronoun of the third person tells the speaker's own act ("its patrol struck
  // an explosive device" is not: the patrol may be what was struck).
  if (governor && ['ccomp', 'parataxis'].includes(baseRelation(t.deprel)) && !isPassive(s, t)) {
    const speaker = children(s, governor, 'nsubj').find((x) => x.id === a.id || ancestors(s, a).includes(x));
    const subject = children(s, t, 'nsubj')[0];
    const thirdPerson = (w: Word) => w.upos === 'PRON' && w.feats['PronType'] === 'Prs' && w.feats['Person'] === '3';
    if (speaker && subject && thirdPerson(subject) && lex.reportingForms.has(fold(governor.form.toLowerCase()))) return read('agent', 'own-act.controller');
  }
  // The trigger is the object or oblique of a light verb whose subject is the side: "X came under attack",
  // "X launched an attack", "X a subi une attaque", "X a mené une attaque".
  const light = headOf(s, t);
  if (light && (light.upos === 'VERB' || light.upos === 'AUX') && ['obj', 'obl'].includes(baseRelation(t.deprel))) {
    const subject = children(s, light, 'nsubj').find((x) => x.id === a.id || ancestors(s, a).includes(x));
    if (subject && subject.deprel !== 'nsubj:pass') {
      const marker = caseMarker(s, t);
      if (lex.undergo.has(light.lemma.toLowerCase()) && (!lex.undergoMarkers.size || baseRelation(t.deprel) === 'obj' || (marker && lex.undergoMarkers.has(marker)))) {
        return read('target', 'undergoes');
      }
      if (lex.carryOut.has(light.lemma.toLowerCase()) && baseRelation(t.deprel) === 'obj') return read('agent', 'carries-out');
    }
  }
  // The same light verb in the passive: "trois raids ont été menés par l'US Air Force", "the attack was carried out
  // by militants": its by-phrase carried the event out.
  if (light && t.deprel === 'nsubj:pass' && lex.carryOut.has(light.lemma.toLowerCase())) {
    const top = phraseTop(s, a);
    if (top && headOf(s, top)?.id === light.id && isByPhrase(s, top, lex)) return read('agent', 'carried-out-by');
  }
  return null;
}

/**
 * Whether a side is whom a place holds, told in a clause that describes the place or the scene: "the base, which hosts
 * American troops", "where US troops are stationed", "où sont déployées des troupes américaines". Whoever a struck
 * place holds is struck with it, not the author.
 */
function occupant(s: ParsedSentence, a: Word, t: Word, lex: SyntaxRoleLexicon): boolean {
  const top = phraseTop(s, a);
  const verb = top ? headOf(s, top) : null;
  if (!top || !verb || verb.id === t.id || !lex.hostVerbs.has(verb.lemma.toLowerCase())) return false;
  if (!['nsubj', 'obj', 'obl'].includes(baseRelation(top.deprel))) return false;
  // Only a clause that describes (a relative or a "where" clause), never the sentence's own verb.
  return ['acl', 'advcl'].includes(baseRelation(verb.deprel)) && !ancestors(s, t).includes(verb);
}

/**
 * The word at the top of the phrase a side heads: up from it through the relations that keep it the same phrase
 * (WITHIN_PHRASE, and whatever else `alsoWithin` admits); null when the tree ends first.
 */
function phraseTop(s: ParsedSentence, a: Word, alsoWithin: (w: Word) => boolean = () => false): Word | null {
  let x = a;
  for (let guard = 0; guard <= s.words.length && (WITHIN_PHRASE.has(baseRelation(x.deprel)) || alsoWithin(x)); guard++) {
    const h = headOf(s, x);
    if (!h) return null;
    x = h;
  }
  return x;
}

/**
 * The author an event noun names, wherever the noun stands in the trigger's clause: the trigger itself ("l'attaque du
 * Kataëb Hezbollah") or its phrase ("killed in an Islamic State attack", "tués dans une attaque de l'EI"). A side that
 * modifies the noun ("an ADF attack", "Israel's strike") acts; so does one in the of-phrase of a noun that names its
 * author there (authorGenitiveNouns: "frappe", "attaque") when it is a name or an armed body ("frappe de drone de
 * l'armée malienne": the body may hang on the weapon's bare complement). A common noun of people there ("l'attaque des
 * soldats") may be either side, and a by-phrase on the noun makes the of-phrase its target. Returns the rule's name.
 */
function eventNounAuthor(s: ParsedSentence, a: Word, t: Word, lex: SyntaxRoleLexicon): string | null {
  const isEventNoun = (w: Word | null): boolean => !!w && w.upos === 'NOUN' && lex.eventNouns.has(w.lemma.toLowerCase());
  // The phrase the side heads, up to the word it qualifies.
  let top = a;
  for (let guard = 0; guard <= s.words.length; guard++) {
    const h = headOf(s, top);
    if (!h || isEventNoun(h) || !['amod', 'flat', 'conj', 'appos'].includes(baseRelation(top.deprel))) break;
    top = h;
  }
  let noun = headOf(s, top);
  const base = baseRelation(top.deprel), marker = caseMarker(s, top);
  const genitive = base === 'nmod' && marker !== null && lex.genitiveMarkers.has(marker);
  // "frappe de drone de l'armée": past one bare complement of the noun (no determiner: its kind, not a phrase of its own).
  if (genitive && noun && !isEventNoun(noun) && noun.upos === 'NOUN' && !children(s, noun, 'det').length && baseRelation(noun.deprel) === 'nmod') noun = headOf(s, noun);
  if (!noun || !isEventNoun(noun)) return null;
  // The noun is the trigger, or a phrase of the trigger's own clause.
  if (noun.id !== t.id && !(noun.head === t.id && ['obl', 'nmod', 'nsubj', 'obj'].includes(baseRelation(noun.deprel)))) return null;
  if (base === 'amod' || top.deprel === 'nmod:poss' || base === 'compound') return noun.id === t.id ? null : 'event-noun-modifier';
  if (!genitive || !lex.authorGenitiveNouns.has(noun.lemma.toLowerCase())) return null;
  if (children(s, noun, 'nmod', 'obl').some((c) => c.id !== top.id && isByPhrase(s, c, lex))) return null;
  const named = top.upos === 'PROPN' || a.upos === 'PROPN' || /^\p{Lu}/u.test(top.form);
  return named || lex.armedBodies.has(top.lemma.toLowerCase()) ? 'event-noun-genitive' : null;
}

/** Whether a phrase is a by-phrase of its head: obl:agent, or an obl/nmod opened by an agent marker ("by", "par"). */
function isByPhrase(s: ParsedSentence, x: Word, lex: SyntaxRoleLexicon): boolean {
  const marker = caseMarker(s, x);
  return x.deprel === 'obl:agent' || (marker !== null && lex.agentMarkers.has(marker) && ['obl', 'nmod'].includes(baseRelation(x.deprel)));
}

/** Whether a side is the by-phrase (obl:agent, or an agent marker's phrase) of the word a span stands on ("claimed by the Houthis"). */
export function isAgentOf(s: ParsedSentence, word: Span, side: Span, lex: SyntaxRoleLexicon): boolean {
  const w = headWordIn(s, word), a = headWordIn(s, side);
  if (!w || !a || w.id === a.id) return false;
  // Through the phrase the side heads, and a name set after its noun without a preposition ("le groupe terroriste Shebab").
  const x = phraseTop(s, a, (y) => baseRelation(y.deprel) === 'nmod' && caseMarker(s, y) === null);
  return !!x && headOf(s, x)?.id === w.id && isByPhrase(s, x, lex);
}

/**
 * Whether the parse makes an agreement the thing broken: the subject or object of a breach verb, or the complement of
 * a breach noun ("as months of ceasefire is violated", "a violation of the ceasefire", "la trêve a été rompue"). Such a
 * sentence tells fighting or its background, not an agreement made. (An agreement that ends, "the truce collapsed", is
 * left to the agreement's trigger: CASE 2021's coders label such a report an agreement.)
 */
export function brokenOnParse(s: ParsedSentence, trigger: Span, lex: SyntaxRoleLexicon): boolean {
  const w = headWordIn(s, trigger);
  if (!w) return false;
  // By lemma, or by form where the lemmatiser misses an irregular participle ("rompue").
  const breach = (x: Word) => lex.breachWords.has(x.lemma.toLowerCase()) || lex.breachWords.has(x.form.toLowerCase());
  // Through a noun of quantity or time it stands under ("months of ceasefire").
  for (let x: Word | null = w, steps = 0; x && steps < 2; x = headOf(s, x), steps++) {
    const h = headOf(s, x);
    if (!h) return false;
    const rel = baseRelation(x.deprel);
    if (breach(h) && ['nsubj', 'obj', 'nmod', 'obl'].includes(rel)) return true;
    if (rel !== 'nmod') return false;
  }
  return false;
}

/**
 * Whether a side is the active subject of the verb a trigger stands on, or of the verb that verb is coordinated with
 * (a shared subject: "US forces engaged a one-way attack drone a few kilometers from the base, and successfully
 * shot it down").
 */
export function subjectOnParse(s: ParsedSentence, trigger: Span, side: Span): boolean {
  const v = headWordIn(s, trigger), a = headWordIn(s, side);
  const x = a && phraseTop(s, a);
  if (!v || !x || x.deprel !== 'nsubj') return false;
  const verb = headOf(s, x);
  if (!verb || isPassive(s, verb)) return false;
  if (verb.id === v.id) return true;
  // The trigger's verb coordinated with the subject's, and no subject of its own.
  return baseRelation(v.deprel) === 'conj' && headOf(s, v)?.id === verb.id && !children(s, v, 'nsubj', 'nsubj:pass').length;
}

/** Who speaks a cue ("in a statement", "dans un communiqué"): the subject of the verb the cue hangs on ("…, the
 *  International Organization for Migration said in a statement"), or null when the parse gives none. */
export function speakerOf(s: ParsedSentence, cue: Span): Word | null {
  let v = headWordIn(s, cue);
  for (let guard = 0; v && v.upos !== 'VERB' && guard <= s.words.length; guard++) v = headOf(s, v);
  if (!v) return null;
  return children(s, v, 'nsubj')[0] ?? null;
}

/**
 * Whether a side is the by-phrase of a participle that describes the event or what delivered it: "hit by a
 * missile fired by the Houthis", "in an attack claimed by the Houthis", "touché par un drone lancé par les
 * rebelles". The participle hangs on the trigger, on its by-phrase (the weapon or agent), or on an attack noun
 * of its clause; not on its subject or object ("a ship operated by X was hit": X owns the target).
 */
function participleAgent(s: ParsedSentence, a: Word, t: Word, lex: SyntaxRoleLexicon): boolean {
  const x = phraseTop(s, a);
  if (!x || !isByPhrase(s, x, lex)) return false;
  const participle = headOf(s, x);
  if (!participle || baseRelation(participle.deprel) !== 'acl' || participle.upos !== 'VERB' || participle.feats.VerbForm !== 'Part') return false;
  const described = headOf(s, participle);
  // After what it describes: a participle before the verb describes its subject ("rioters, protected by forces, attacked"), whatever the parse hung it on.
  if (!described || participle.start < t.start) return false;
  // The trigger itself: a verb ("was hit, fired by"), or a noun that names an attack, not its actors ("rioters, protected by forces").
  if (described.id === t.id) return t.upos === 'VERB' || lex.eventNouns.has(t.lemma.toLowerCase());
  // An attack noun of the trigger's clause, also through the adverb of a locution ("lors d'une attaque revendiquée par").
  const up = headOf(s, described);
  if (lex.eventNouns.has(described.lemma.toLowerCase())) return up?.id === t.id || (!!up && up.upos === 'ADV' && headOf(s, up)?.id === t.id);
  // The weapon or the agent of a passive trigger ("hit by a missile fired by").
  return up?.id === t.id && isByPhrase(s, described, lex);
}

/**
 * Whether a span (a place's) lies in an adjective or a clause that describes the side that acts — the
 * subject of an active trigger verb or the by-phrase of a passive: "militias loyal to Moscow struck a
 * depot in Kupiansk", "Russian forces based in Belgorod shelled…", "des forces basées à Belgorod". Such a
 * place says who acts, not where. A place that names the side itself ("youth in Oyugis rioted",
 * "Mombasa residents") is where they acted, and is kept.
 */
export function inAgentDescription(s: ParsedSentence, trigger: Span, span: Span, lex: SyntaxRoleLexicon): boolean {
  const t = headWordIn(s, trigger), w = headWordIn(s, span);
  if (!t || !w || t.id === w.id || !ancestors(s, w).includes(t)) return false;
  const branch = branchUnder(s, t, w);
  if (!((branch.deprel === 'nsubj' && !isPassive(s, t)) || branch.deprel === 'obl:agent')) return false;
  for (let x: Word | null = w; x && x.id !== branch.id; x = headOf(s, x)) {
    const base = baseRelation(x.deprel);
    // "des hommes armés à Kidal": a participle that only says what the side is (armed, masked) describes no place of
    // theirs; the place the parse hangs on it is the event's ("des soldats basés à Bamako" is where they are).
    if (base === 'acl' && lex.attributiveParticiples.has(x.lemma.toLowerCase())) continue;
    if (base === 'amod' || base === 'acl') return true;
  }
  return false;
}

/**
 * Whether a place is what the subject is "of", between the subject and the verb ("residents of the eastern districts
 * of Al Hudaydah held a demonstration in Bajil", "les habitants de X ont manifesté à Y"): where a crowd comes
 * from, not where it acts. The caller keeps it when no other place is told.
 */
export function ofTheSubject(s: ParsedSentence, trigger: Span, span: Span, lex: SyntaxRoleLexicon): boolean {
  let w = headWordIn(s, span);
  if (!w || !betweenSubjectAndVerb(s, trigger, span)) return false;
  // "workers of the Mombasa port": the name modifies the noun the "of" opens.
  for (let guard = 0; w && ['compound', 'flat', 'amod'].includes(baseRelation(w.deprel)) && guard < 4; guard++) w = headOf(s, w);
  if (!w) return false;
  const marker = caseMarker(s, w);
  return marker !== null && lex.genitiveMarkers.has(marker);
}

/**
 * Whether a place tells where the subject of the trigger's verb comes from, in either voice ("A soldier from Kidal was
 * killed in Gao", "Fighters from Kidal ambushed a convoy near Gao"): the place hangs, by a preposition of provenance, on
 * that subject. Not a genitive: "la base d'al-Tanf a été ciblée" names the target's place. The caller keeps it when no
 * other place is told.
 */
export function originOfSubject(s: ParsedSentence, trigger: Span, span: Span, lex: SyntaxRoleLexicon): boolean {
  const t = headWordIn(s, trigger);
  let w = headWordIn(s, span);
  if (!t || !w) return false;
  for (let guard = 0; w && ['compound', 'flat', 'amod'].includes(baseRelation(w.deprel)) && guard < 4; guard++) w = headOf(s, w);
  if (!w || baseRelation(w.deprel) !== 'nmod') return false;
  const marker = caseMarker(s, w);
  if (marker === null || !lex.provenanceMarkers.has(marker)) return false;
  const holder = headOf(s, w);
  return !!holder && holder.head === t.id && /^nsubj(?::|$)/.test(holder.deprel) && (holder.upos === 'NOUN' || holder.upos === 'PROPN');
}

/**
 * Whether a span (a place's) stands between the subject of the trigger verb and the verb: "Hezbollah
 * forces in Lebanon fired rockets toward Adamit", "les forces du Hezbollah au Liban ont tiré". In these
 * languages a phrase there tells where the subject is, whatever the parser attached it to (a sentence's
 * own setting comes before its subject: "In Lebanon, …"). The caller keeps it when no other place is told.
 */
export function betweenSubjectAndVerb(s: ParsedSentence, trigger: Span, span: Span): boolean {
  const t = headWordIn(s, trigger), w = headWordIn(s, span);
  if (!t || !w || t.upos !== 'VERB' || isPassive(s, t)) return false;
  const subject = children(s, t, 'nsubj')[0];
  if (!subject || !(subject.start < w.start && w.end <= t.start)) return false;
  // "Hezbollah, in Lebanon, fired": a comma sets the phrase apart as the sentence's own.
  return !s.words.some((x) => x.start > subject.end && x.end <= t.start && x.upos === 'PUNCT');
}

/**
 * The head of what a trigger verb acts on: its object, or the subject of its passive ("drones were
 * intercepted", "30 terroristes ont été neutralisés"); null when the tree gives none. Whether a thing
 * shot down was a weapon or people is read here: "neutraliser" and "take out" are said of both.
 */
export function affectedOf(s: ParsedSentence, trigger: Span): Word | null {
  const t = headWordIn(s, trigger);
  if (!t) return null;
  const done = children(s, t, 'obj')[0] ?? children(s, t, 'nsubj:pass')[0];
  if (done) return done;
  // A participle on its noun: "les drones interceptés", "drones shot down over the base".
  return ['amod', 'acl'].includes(baseRelation(t.deprel)) && t.feats.VerbForm === 'Part' ? headOf(s, t) : null;
}

/** Whether the tree names who does what a trigger verb tells: an active subject, or the by-phrase of a passive.
 *  "Five people were killed", "one dead and several injured" name none: they tell a toll. */
export function namesAgent(s: ParsedSentence, trigger: Span): boolean {
  const t = headWordIn(s, trigger);
  if (!t) return false;
  if (children(s, t, 'obl:agent').length) return true;
  return !isPassive(s, t) && children(s, t, 'nsubj').some((c) => c.deprel !== 'nsubj:pass');
}

/**
 * The verb a munition is the subject of, when it is a verb of impact ("shells fired from the east hit a school",
 * "a missile from a Houthi-controlled part of Yemen hit a ship", "un missile tiré depuis le Yémen a touché un navire"):
 * the blow is an event however many words part the weapon from its verb. Null when the tree says otherwise.
 */
export function munitionVerbOf(s: ParsedSentence, weapon: Span, lex: SyntaxRoleLexicon): Word | null {
  const w = headWordIn(s, weapon);
  if (!w || w.upos !== 'NOUN') return null;
  // The munition heads the subject, or is the first of its conjuncts ("rockets and mortar shells hit").
  const subject = baseRelation(w.deprel) === 'conj' ? headOf(s, w) : w;
  if (!subject || subject.deprel !== 'nsubj') return null;
  const verb = headOf(s, subject);
  if (!verb || verb.upos !== 'VERB' || !lex.munitionVerbs.has(verb.lemma.toLowerCase())) return null;
  return verb;
}

/**
 * The relative clause a trigger stands in ("the Israeli army, which has been fighting in Gaza for months, struck a
 * school"), or null: the clause describes a noun of the sentence; what it tells is not, as such, the sentence's news.
 */
export function relativeClauseOf(s: ParsedSentence, trigger: Span, lex: SyntaxRoleLexicon): Span | null {
  const t = headWordIn(s, trigger);
  for (let x: Word | null = t, guard = 0; x && guard <= s.words.length; x = headOf(s, x), guard++) {
    if (isRelativeClauseHead(s, x, lex)) return subtreeSpan(s, x);
    if (baseRelation(x.deprel) === 'root') return null;
  }
  return null;
}

/** The relation says so, or the clause's subject is a relative pronoun (a greedy parser may hang the clause elsewhere). */
function isRelativeClauseHead(s: ParsedSentence, x: Word, lex: SyntaxRoleLexicon): boolean {
  return x.deprel === 'acl:relcl' || (x.upos === 'VERB' && children(s, x, 'nsubj', 'nsubj:pass').some((c) => lex.relativePronouns.has(c.form.toLowerCase())));
}

/** The spans of the sentence's relative clauses: what they tell describes a noun, it is not the sentence's event. */
export function relativeClauses(s: ParsedSentence, lex: SyntaxRoleLexicon): Span[] {
  return s.words.filter((x) => isRelativeClauseHead(s, x, lex)).map((x) => subtreeSpan(s, x));
}

/**
 * The clause of another moment that holds the word of `inner` and not the word of `outer`, if there is one: an
 * adverbial clause opened by one of the language's "when" words ("a gunship that was in the air when the fighters
 * fired …"). Coordinated verbs ("carried out airstrikes and fired shells") and clauses of the same moment ("while
 * artillery shelled …", "which was accompanied by shelling") are none.
 */
export function whenClauseApart(s: ParsedSentence, inner: Span, outer: Span, lex: SyntaxRoleLexicon): Span | null {
  const i = headWordIn(s, inner), o = headWordIn(s, outer);
  if (!i || !o) return null;
  for (let x: Word | null = i, guard = 0; x && x.id !== o.id && guard <= s.words.length; x = headOf(s, x), guard++) {
    if (baseRelation(x.deprel) !== 'advcl') continue;
    // UD English attaches "when" as advmod, French "lorsque" as mark.
    if (!children(s, x, 'mark', 'advmod').some((m) => lex.whenMarkers.has(m.lemma.toLowerCase()))) return null;
    return subtree(s, x).some((w) => w.id === o.id) ? null : subtreeSpan(s, x);
  }
  return null;
}

/** The verb a word's clause is told by: the word itself when a verb, else the verb that governs it. */
function clauseVerb(s: ParsedSentence, w: Word): Word | null {
  return w.upos === 'VERB' ? w : governingVerb(s, w);
}

/**
 * "Hamas fired rockets at Sderot, and the army responded with air strikes", "les FSR ont attaqué El Fasher, et
 * l'armée a répliqué par des frappes": the clause of `later` when it is a verb coordinated with the verb of `first`
 * and has a subject of its own (another side replies): its span, from its subject (or the conjunction before it),
 * and the span of that subject. Null when the later verb shares the first's subject ("attacked the village and
 * killed 12"), or is not coordinated with it.
 */
export function coordinatedClauseOfItsOwn(s: ParsedSentence, later: Span, first: Span): { clause: Span; subject: Span } | null {
  const l = headWordIn(s, later), f = headWordIn(s, first);
  if (!l || !f) return null;
  const v2 = clauseVerb(s, l), v1 = clauseVerb(s, f);
  if (!v2 || !v1) return null;
  // A greedy parser may label the second verb advcl: its "and" still coordinates it.
  const coordinated = v2.deprel === 'conj' || (baseRelation(v2.deprel) === 'advcl' && children(s, v2, 'cc').length > 0);
  if (v2.id === v1.id || !coordinated || v2.head !== v1.id) return null;
  const subject = children(s, v2, 'nsubj')[0];
  const firstSubject = children(s, v1, 'nsubj')[0];
  if (!subject || !firstSubject || subject.lemma.toLowerCase() === firstSubject.lemma.toLowerCase()) return null;
  const span = subtreeSpan(s, v2);
  const opener = children(s, v2, 'cc')[0];
  const start = Math.min(span.start, opener?.start ?? span.start, subtreeSpan(s, subject).start);
  return { clause: { start, end: span.end }, subject: subtreeSpan(s, subject) };
}
