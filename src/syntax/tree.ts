// Questions the extraction asks of a parsed sentence: a word's dependents by relation, the clause
// it belongs to, its coordination group, its subtree's span, whether a verb is passive or negated,
// the verb that governs a noun, the path of relations between two words. Each is a function of the
// sentence: no state, no language (the relations and features are UD's).
import type { ParsedSentence, Word } from './types.ts';

/** The universal part of a relation: 'nsubj:pass' → 'nsubj'. */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/** A relation matches a wanted one: exactly ('obl:agent'), or by its universal part ('obl' matches 'obl:mod'). */
function relationIs(deprel: string, wanted: string): boolean {
  return deprel === wanted || (!wanted.includes(':') && baseRelation(deprel) === wanted);
}

export function wordById(s: ParsedSentence, id: number): Word | null {
  return id >= 1 && id <= s.words.length ? s.words[id - 1]! : null;
}

export function headOf(s: ParsedSentence, w: Word): Word | null {
  return wordById(s, w.head);
}

/** A word's dependents, in order, optionally only those of some relations. */
export function children(s: ParsedSentence, w: Word, ...relations: string[]): Word[] {
  return s.words.filter((c) => c.head === w.id && (!relations.length || relations.some((r) => relationIs(c.deprel, r))));
}

/** The words of a word's subtree (itself included), in order. */
export function subtree(s: ParsedSentence, w: Word): Word[] {
  const inside = new Set<number>([w.id]);
  // Heads precede or follow their dependents: grow until nothing more joins (a tree has no cycles).
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of s.words) if (!inside.has(c.id) && inside.has(c.head)) { inside.add(c.id); grew = true; }
  }
  return s.words.filter((c) => inside.has(c.id));
}

/** The text span a subtree covers (offsets into the parsed text). */
export function subtreeSpan(s: ParsedSentence, w: Word): { start: number; end: number } {
  let start = w.start, end = w.end;
  for (const c of subtree(s, w)) { start = Math.min(start, c.start); end = Math.max(end, c.end); }
  return { start, end };
}

/** Relations that open a clause of their own. */
const CLAUSE_RELATIONS = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis']);

/** The head of the clause a word belongs to: the nearest word on its path to the root (itself included)
 *  attached by a clausal relation, or a verb coordinated with one. */
export function clauseHead(s: ParsedSentence, w: Word): Word {
  let x: Word = w;
  for (let guard = 0; guard <= s.words.length; guard++) {
    const rel = baseRelation(x.deprel);
    if (CLAUSE_RELATIONS.has(rel)) return x;
    if (rel === 'conj' && (x.upos === 'VERB' || x.upos === 'AUX')) return x;
    const h = headOf(s, x);
    if (!h) return x;
    x = h;
  }
  return x;
}

/** The words coordinated with a word ("à Gao et à Ménaka", "X, Y and Z"): the first conjunct and every
 *  `conj` of it, in order. */
export function coordinationGroup(s: ParsedSentence, w: Word): Word[] {
  let first = w;
  while (baseRelation(first.deprel) === 'conj') {
    const h = headOf(s, first);
    if (!h) break;
    first = h;
  }
  return [first, ...children(s, first, 'conj')];
}

/** Auxiliaries and subjects that mark a passive ("a été bombardée", "was struck", "came under attack" is
 *  not syntactic: the lexicon says it). */
export function isPassive(s: ParsedSentence, verb: Word): boolean {
  // By structure, not by the tagger's Voice: a participle tagged Voice=Pass in an active sentence
  // ("US forces conducted strikes") would make its subject the target.
  return s.words.some((c) => c.head === verb.id && (c.deprel === 'nsubj:pass' || c.deprel === 'aux:pass' || c.deprel === 'csubj:pass'));
}

/** A negated predicate: a dependent marked Polarity=Neg ("ne … pas", "not", "never"), or a negated determiner
 *  of its object ("no casualties", "aucune victime"). */
export function isNegated(s: ParsedSentence, verb: Word): boolean {
  return s.words.some((c) => c.head === verb.id && c.feats.Polarity === 'Neg' && (baseRelation(c.deprel) === 'advmod' || c.deprel === 'advmod:neg' || baseRelation(c.deprel) === 'aux' || c.upos === 'PART' || c.upos === 'ADV'));
}

/** The verb (or predicate) that governs a word: the first VERB on its path to the root. */
export function governingVerb(s: ParsedSentence, w: Word): Word | null {
  let x = headOf(s, w);
  for (let guard = 0; x && guard <= s.words.length; guard++) {
    if (x.upos === 'VERB') return x;
    x = headOf(s, x);
  }
  return null;
}

/** The relation path from one word to another through their lowest common ancestor, written as
 *  `vigie explain` shows it: "nsubj ← frapper → obl:à → Erbil" (dependents' relations, the lemmas of heads). */
export function relationPath(s: ParsedSentence, from: Word, to: Word): string {
  const up = (w: Word): Word[] => {
    const path = [w];
    let x = headOf(s, w);
    for (let guard = 0; x && guard <= s.words.length; guard++) { path.push(x); x = headOf(s, x); }
    return path;
  };
  const a = up(from), b = up(to);
  const common = a.find((x) => b.includes(x));
  if (!common) return `${from.form} … ${to.form}`;
  const rise = a.slice(0, a.indexOf(common)), fall = b.slice(0, b.indexOf(common)).reverse();
  const parts: string[] = [];
  for (const w of rise) parts.push(`${w === from ? `${w.form} ` : ''}${relationWithCase(s, w)} ←`);
  parts.push(common.lemma);
  for (const w of fall) parts.push(`→ ${relationWithCase(s, w)}${w === to ? ` → ${w.form}` : ''}`);
  return parts.join(' ');
}

/** "obl:à": a nominal relation with the preposition that marks it, as the path shows it. */
function relationWithCase(s: ParsedSentence, w: Word): string {
  const marker = children(s, w, 'case')[0];
  return marker && !w.deprel.includes(':') ? `${w.deprel}:${marker.form.toLowerCase()}` : w.deprel;
}
