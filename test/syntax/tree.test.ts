// The tree helpers on sentences analysed by hand (UD), independent of any trained model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedSentence, Upos } from '../../src/syntax/types.ts';
import { children, clauseHead, coordinationGroup, governingVerb, isNegated, isPassive, relationPath, subtreeSpan } from '../../src/syntax/tree.ts';

/** A sentence from "form/UPOS/head/deprel[/Feat=Value]" items separated by spaces; offsets follow the forms. */
function sentence(spec: string): { text: string; s: ParsedSentence } {
  let text = '';
  const words = spec.split(' ').map((item, i) => {
    const [form, upos, head, deprel, feat] = item.split('/') as [string, Upos, string, string, string | undefined];
    if (text) text += ' ';
    const start = text.length;
    text += form.replace(/_/g, ' ');
    const feats: Record<string, string> = {};
    if (feat) { const [k, v] = feat.split('='); feats[k!] = v!; }
    return { id: i + 1, form: form.replace(/_/g, ' '), lemma: form.toLowerCase(), upos, feats, head: Number(head), deprel, start, end: text.length };
  });
  return { text, s: { start: 0, end: text.length, words } };
}

const passive = sentence('La/DET/2/det ville/NOUN/5/nsubj:pass a/AUX/5/aux été/AUX/5/aux:pass bombardée/VERB/0/root par/ADP/8/case l\'/DET/8/det armée/NOUN/5/obl:agent');
const negated = sentence("L'/DET/2/det attaque/NOUN/5/nsubj n'/ADV/5/advmod/Polarity=Neg a/AUX/5/aux fait/VERB/0/root aucune/DET/7/det victime/NOUN/5/obj");
const coordinated = sentence('Strikes/NOUN/2/nsubj hit/VERB/0/root Gao/PROPN/2/obj and/CCONJ/5/cc Menaka/PROPN/3/conj');
const subordinate = sentence('Hours/NOUN/4/obl:tmod after/SCONJ/4/mark militants/NOUN/4/nsubj downed/VERB/8/advcl a/DET/6/det drone/NOUN/4/obj the_army/NOUN/8/nsubj struck/VERB/0/root');

test('passive: the auxiliary of the passive and its subject', () => {
  const verb = passive.s.words[4]!;
  assert.equal(isPassive(passive.s, verb), true);
  assert.deepEqual(children(passive.s, verb, 'obl:agent').map((w) => w.form), ['armée']);
  assert.deepEqual(children(passive.s, verb, 'nsubj').map((w) => w.form), ['ville'], "'nsubj' matches nsubj:pass by its universal part");
  assert.equal(isPassive(coordinated.s, coordinated.s.words[1]!), false);
});

test('negation: a dependent marked Polarity=Neg', () => {
  assert.equal(isNegated(negated.s, negated.s.words[4]!), true);
  assert.equal(isNegated(passive.s, passive.s.words[4]!), false);
});

test('coordination: one group of conjuncts whichever is asked', () => {
  assert.deepEqual(coordinationGroup(coordinated.s, coordinated.s.words[2]!).map((w) => w.form), ['Gao', 'Menaka']);
  assert.deepEqual(coordinationGroup(coordinated.s, coordinated.s.words[4]!).map((w) => w.form), ['Gao', 'Menaka']);
});

test('clauses: a word of a subordinate clause belongs to its verb, the main clause to the root', () => {
  const w = subordinate.s.words;
  assert.equal(clauseHead(subordinate.s, w[5]!).form, 'downed');
  assert.equal(clauseHead(subordinate.s, w[6]!).form, 'struck');
  assert.equal(governingVerb(subordinate.s, w[5]!)!.form, 'downed');
});

test('subtree spans are offsets into the text', () => {
  const { start, end } = subtreeSpan(subordinate.s, subordinate.s.words[3]!);
  assert.equal(subordinate.text.slice(start, end), 'Hours after militants downed a drone');
});

test('the relation path between two words, as explain prints it', () => {
  assert.equal(relationPath(passive.s, passive.s.words[7]!, passive.s.words[4]!), 'armée obl:agent ← bombardée');
  assert.equal(relationPath(coordinated.s, coordinated.s.words[0]!, coordinated.s.words[4]!), 'Strikes nsubj ← hit → obj → conj → Menaka');
});
