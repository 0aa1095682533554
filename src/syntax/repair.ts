// Repairs of the parser's output that the grammar of every language vigie reads requires, applied after
// the greedy parser has decided: a transition parser that commits early can leave a tree no grammar
// allows, and the extraction reads roles off that tree. Two repairs, both of a relative clause:
// - a relative pronoun is never the subject of the sentence's main verb. "The army, which has been fighting in Gaza
//   for months, struck a depot" is sometimes parsed with "fighting" as the root (its subject the relative "which")
//   and the sentence's real verb "struck" hung under it: the army then fights, and nothing strikes;
// - a clause has one subject: "Les rebelles, qui contrôlent la ville, ont attaqué un camp" parsed with "rebelles" a
//   second subject of "contrôlent", and that clause hung on "attaqué", which is left with none.
// Either way the relative clause goes back under its noun, and the verb after it gets that noun as its subject. A third
// repair does the same for a reduced relative (a bare participle) read as the root.

/** What the repair reads and changes of each word (heads 1-based, 0 the root). */
export interface RepairableWord {
  readonly form: string;
  readonly upos: string;
  readonly feats: Readonly<Record<string, string>>;
  head: number;
  deprel: string;
}

const SUBJECT = /^nsubj(?::|$)/;
/** How the real main verb may have been hung under the relative clause's verb. */
const MAIN_VERB_HUNG_AS = /^(?:parataxis|conj|ccomp|advcl|xcomp)(?::|$)/;
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** A comma or a dash, which opens or closes a clause set off in its sentence. */
function isClauseMark(w: RepairableWord): boolean {
  return w.upos === 'PUNCT' && /^[,\u2013\u2014-]$/.test(w.form);
}

/** The word of a 1-based id. */
function wordAt(words: RepairableWord[], id: number): RepairableWord {
  return words[id - 1]!;
}

/**
 * Repairs `words` in place; returns how many relative clauses were put back under their noun. A root is repaired
 * when its subject is a relative pronoun (PronType=Rel) that it follows, a noun stands before the pronoun (its
 * antecedent, after at most a comma), and a verb after the root hangs under it as parataxis, conj, ccomp, advcl or
 * xcomp past the end of the relative clause (the comma that closes it).
 */
export function repairRelativeRoot(words: RepairableWord[]): number {
  const n = words.length;
  const rootId = words.findIndex((w) => w.head === 0) + 1;
  if (rootId === 0) return 0;
  const root = wordAt(words, rootId);
  if (root.upos !== 'VERB' && root.upos !== 'AUX' && root.upos !== 'ADJ' && root.upos !== 'NOUN') return 0;
  // The relative pronoun: the root's subject, before it.
  let pronounId = 0;
  for (let i = 1; i < rootId; i++) {
    const w = wordAt(words, i);
    if (w.head === rootId && SUBJECT.test(w.deprel) && w.upos === 'PRON' && w.feats['PronType'] === 'Rel') { pronounId = i; break; }
  }
  if (!pronounId) return 0;
  const antecedentId = antecedentOf(words, pronounId, rootId);
  if (!antecedentId) return 0;
  // The real main verb: after the relative clause has closed on a comma, hung under the root.
  let closingComma = 0;
  for (let i = rootId + 1; i <= n; i++) if (isClauseMark(wordAt(words, i))) { closingComma = i; break; }
  if (!closingComma) return 0;
  // A finite verb, or one told with an auxiliary ("ont attaqué"): not a participle of the clause ("…, killing dozens,").
  let mainId = 0;
  for (let i = closingComma + 1; i <= n; i++) {
    const w = wordAt(words, i);
    if (w.head === rootId && w.upos === 'VERB' && MAIN_VERB_HUNG_AS.test(w.deprel) && tensed(words, i)) { mainId = i; break; }
  }
  if (!mainId) return 0;
  const main = wordAt(words, mainId);
  // What the root governed outside the relative clause is the main verb's: what comes before the antecedent's
  // phrase ("On Tuesday, the army, which …, struck") and what comes after the main verb (the final stop).
  const phraseStart = firstOfSubtree(words, antecedentId);
  // The clause ends at the last comma before the main verb (a participle of it may follow a comma of its own).
  let clauseEnd = closingComma;
  for (let i = closingComma + 1; i < mainId; i++) if (isClauseMark(wordAt(words, i))) clauseEnd = i;
  for (let i = 1; i <= n; i++) {
    if (i === mainId || i === antecedentId) continue;
    const w = wordAt(words, i);
    if (w.head === rootId && (i < phraseStart || i > clauseEnd)) w.head = mainId;
  }
  main.head = 0;
  main.deprel = 'root';
  underItsNoun(words, rootId, antecedentId, mainId);
  return 1;
}

/**
 * The noun a relative pronoun stands for: the word before it (a comma apart), up to the head of its phrase while
 * that head stands before the pronoun ("the Israeli army" → "army"; "the rebels of the M23" → "rebels"); 0 when that
 * word is not nominal.
 */
function antecedentOf(words: RepairableWord[], pronounId: number, clauseId: number): number {
  let before = pronounId - 1;
  if (before >= 1 && wordAt(words, before).upos === 'PUNCT') before--;
  if (before < 1) return 0;
  let id = before;
  for (let guard = 0; guard < words.length; guard++) {
    const h = wordAt(words, id).head;
    if (h === 0 || h === clauseId || h >= pronounId) break;
    id = h;
  }
  return NOMINAL.has(wordAt(words, id).upos) ? id : 0;
}

/**
 * The second repair: "Les rebelles, qui contrôlent la ville, ont attaqué un camp" parsed with "rebelles" as a second
 * subject of "contrôlent" (beside "qui"), and that clause hung on "attaqué", which is left with no subject. A clause
 * has one subject: the noun goes to the verb after the clause as its subject, and the clause under the noun.
 * Returns how many clauses were repaired.
 */
export function repairRelativeAntecedent(words: RepairableWord[]): number {
  let repaired = 0;
  for (let pronounId = 1; pronounId <= words.length; pronounId++) {
    const pronoun = wordAt(words, pronounId);
    if (pronoun.upos !== 'PRON' || pronoun.feats['PronType'] !== 'Rel' || !SUBJECT.test(pronoun.deprel)) continue;
    const clauseId = pronoun.head;
    if (clauseId <= pronounId) continue;
    const clause = wordAt(words, clauseId);
    const mainId = clause.head;
    if (mainId <= clauseId) continue;
    const main = wordAt(words, mainId);
    if (main.upos !== 'VERB') continue;
    const antecedentId = antecedentOf(words, pronounId, clauseId);
    if (!antecedentId || wordAt(words, antecedentId).head !== clauseId) continue;
    // The verb after the clause must lack a subject of its own.
    if (words.some((w, i) => w.head === mainId && i + 1 !== clauseId && SUBJECT.test(w.deprel))) continue;
    const phraseStart = firstOfSubtree(words, antecedentId);
    for (let i = 1; i < phraseStart; i++) if (wordAt(words, i).head === clauseId) wordAt(words, i).head = mainId;
    underItsNoun(words, clauseId, antecedentId, mainId);
    repaired++;
  }
  return repaired;
}

/**
 * The third repair: "Militants based in Somalia killed three people" parsed with the participle "based" as the root
 * (its subject "Militants") and the sentence's finite verb "killed" hung under it. A past participle with no auxiliary
 * is no main verb when a finite verb with no subject of its own follows it: it is a reduced relative describing its
 * subject, which is the finite verb's. Returns how many were repaired (0 or 1).
 */
export function repairReducedRelativeRoot(words: RepairableWord[]): number {
  const rootId = words.findIndex((w) => w.head === 0) + 1;
  if (rootId === 0) return 0;
  const root = wordAt(words, rootId);
  if (root.upos !== 'VERB' || root.feats['VerbForm'] !== 'Part' || root.feats['Tense'] === 'Pres') return 0;
  if (words.some((w) => w.head === rootId && /^(?:aux|cop)(?::|$)/.test(w.deprel))) return 0;
  let subjectId = 0;
  for (let i = 1; i < rootId; i++) if (wordAt(words, i).head === rootId && SUBJECT.test(wordAt(words, i).deprel)) subjectId = i;
  if (!subjectId || !NOMINAL.has(wordAt(words, subjectId).upos)) return 0;
  // The finite verb after the participle's phrase, with no subject of its own.
  let mainId = 0;
  for (let i = rootId + 1; i <= words.length; i++) {
    const w = wordAt(words, i);
    if (w.head === rootId && w.upos === 'VERB' && w.feats['VerbForm'] === 'Fin' && MAIN_VERB_HUNG_AS_PARTICIPLE.test(w.deprel)
      && !words.some((x) => x.head === i && SUBJECT.test(x.deprel))) { mainId = i; break; }
  }
  if (!mainId) return 0;
  // What the participle governed after the main verb, and its final punctuation, are the main verb's.
  for (let i = mainId + 1; i <= words.length; i++) if (wordAt(words, i).head === rootId) wordAt(words, i).head = mainId;
  const main = wordAt(words, mainId);
  main.head = 0;
  main.deprel = 'root';
  const subject = wordAt(words, subjectId);
  subject.head = mainId;
  subject.deprel = 'nsubj';
  root.head = subjectId;
  root.deprel = 'acl';
  return 1;
}

/** How a finite main verb may have been hung under a participle read as the root. */
const MAIN_VERB_HUNG_AS_PARTICIPLE = /^(?:acl|parataxis|conj|ccomp|advcl|xcomp|dep)(?::|$)/;

/** Every repair, in order; returns how many were made. */
export function repairTree(words: RepairableWord[]): number {
  return repairRelativeRoot(words) + repairRelativeAntecedent(words) + repairReducedRelativeRoot(words);
}

/** The relative clause of `clauseId` under its noun, and the noun the subject of the main verb. */
function underItsNoun(words: RepairableWord[], clauseId: number, antecedentId: number, mainId: number): void {
  const clause = wordAt(words, clauseId), antecedent = wordAt(words, antecedentId);
  clause.head = antecedentId;
  clause.deprel = 'acl:relcl';
  antecedent.head = mainId;
  antecedent.deprel = subjectOf(words, mainId);
}

/** A verb that can head a clause of its own: finite, or told with an auxiliary. */
function tensed(words: RepairableWord[], id: number): boolean {
  const w = wordAt(words, id);
  const form = w.feats['VerbForm'];
  return form === undefined || form === 'Fin' || words.some((x) => x.head === id && /^aux(?::|$)/.test(x.deprel));
}

/** The subject relation a verb gives: passive when it has a passive auxiliary ("was attacked"), else active. */
function subjectOf(words: RepairableWord[], verbId: number): string {
  return words.some((x) => x.head === verbId && x.deprel === 'aux:pass') ? 'nsubj:pass' : 'nsubj';
}

/** The lowest id in a word's subtree. */
function firstOfSubtree(words: RepairableWord[], id: number): number {
  let first = id;
  for (let i = 1; i <= words.length; i++) {
    // i is in the subtree when its head chain reaches id.
    let x = i;
    for (let guard = 0; guard <= words.length && x !== 0; guard++) {
      if (x === id) { first = Math.min(first, i); break; }
      x = words[x - 1]!.head;
    }
  }
  return first;
}
