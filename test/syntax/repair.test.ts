// The repairs of the parser's output (src/syntax/repair.ts): a relative clause the greedy parser made the root goes
// back under its noun. Tables of trees written for this test (model-independent), then the path vigie runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairReducedRelativeRoot, repairRelativeAntecedent, repairRelativeRoot, repairTree, type RepairableWord } from '../../src/syntax/repair.ts';
import { analyseWords } from '../../src/syntax/parse.ts';

/** A word line: form, UPOS, PronType (or ''), head, relation. */
type Line = readonly [string, string, string, number, string];
const tree = (lines: readonly Line[]): RepairableWord[] =>
  lines.map(([form, upos, pronType, head, deprel]) => ({ form, upos, feats: pronType ? { PronType: pronType } : ({} as Record<string, string>), head, deprel }));
const heads = (words: readonly RepairableWord[]) => words.map((w) => `${w.head}:${w.deprel}`).join(' ');

const REPAIRED: readonly (readonly [string, readonly Line[], string])[] = [
  ['en: the real verb hung as parataxis; the final stop moves with it', [
    ['The', 'DET', '', 2, 'det'], ['army', 'NOUN', '', 6, 'nsubj'], [',', 'PUNCT', '', 6, 'punct'], ['which', 'PRON', 'Rel', 6, 'nsubj'],
    ['has', 'AUX', '', 6, 'aux'], ['fought', 'VERB', '', 0, 'root'], ['there', 'ADV', '', 6, 'advmod'], [',', 'PUNCT', '', 9, 'punct'],
    ['struck', 'VERB', '', 6, 'parataxis'], ['depots', 'NOUN', '', 9, 'obj'], ['.', 'PUNCT', '', 6, 'punct'],
  ], '2:det 9:nsubj 6:punct 6:nsubj 6:aux 2:acl:relcl 6:advmod 9:punct 0:root 9:obj 9:punct'],
  ['en: a fronted date and a noun that was no subject (nmod) go to the real verb', [
    ['Today', 'NOUN', '', 6, 'obl'], [',', 'PUNCT', '', 6, 'punct'], ['militants', 'NOUN', '', 6, 'nmod'], [',', 'PUNCT', '', 6, 'punct'],
    ['who', 'PRON', 'Rel', 6, 'nsubj'], ['hold', 'VERB', '', 0, 'root'], ['roads', 'NOUN', '', 6, 'obj'],
    [',', 'PUNCT', '', 9, 'punct'], ['attacked', 'VERB', '', 6, 'conj'], ['.', 'PUNCT', '', 6, 'punct'],
  ], '9:obl 9:punct 9:nsubj 6:punct 6:nsubj 3:acl:relcl 6:obj 9:punct 0:root 9:punct'],
  ['fr: "qui" and a verb coordinated after the clause', [
    ['Les', 'DET', '', 2, 'det'], ['rebelles', 'NOUN', '', 5, 'nsubj'], [',', 'PUNCT', '', 5, 'punct'], ['qui', 'PRON', 'Rel', 5, 'nsubj'],
    ['tiennent', 'VERB', '', 0, 'root'], ['la', 'DET', '', 7, 'det'], ['ville', 'NOUN', '', 5, 'obj'], [',', 'PUNCT', '', 10, 'punct'],
    ['ont', 'AUX', '', 10, 'aux'], ['attaqué', 'VERB', '', 5, 'conj'], ['.', 'PUNCT', '', 5, 'punct'],
  ], '2:det 10:nsubj 5:punct 5:nsubj 2:acl:relcl 7:det 5:obj 10:punct 10:aux 0:root 10:punct'],
];

for (const [name, lines, want] of REPAIRED) {
  test(`repair: ${name}`, () => {
    const words = tree(lines);
    assert.equal(repairRelativeRoot(words), 1);
    assert.equal(heads(words), want);
    assert.equal(words.filter((w) => w.head === 0).length, 1, 'one root');
  });
}

// From the review: a participle of the clause is no main verb; a word between the closing comma and the main verb is
// the main verb's; the subject is passive only when the main verb is.
test('repair: a participle inside the clause is passed over for the finite verb after it', () => {
  const words: RepairableWord[] = [
    ['The', 'DET', 2, 'det', {}], ['militia', 'NOUN', 5, 'nsubj:pass', {}], [',', 'PUNCT', 5, 'punct', {}], ['which', 'PRON', 5, 'nsubj:pass', { PronType: 'Rel' }],
    ['seized', 'VERB', 0, 'root', { VerbForm: 'Fin' }], ['it', 'PRON', 5, 'obj', {}], [',', 'PUNCT', 8, 'punct', {}], ['killing', 'VERB', 5, 'advcl', { VerbForm: 'Ger' }],
    ['dozens', 'NOUN', 8, 'obj', {}], [',', 'PUNCT', 11, 'punct', {}], ['attacked', 'VERB', 5, 'conj', { VerbForm: 'Fin' }], ['.', 'PUNCT', 5, 'punct', {}],
  ].map(([form, upos, head, deprel, feats]) => ({ form: form as string, upos: upos as string, head: head as number, deprel: deprel as string, feats: feats as Record<string, string> }));
  assert.equal(repairRelativeRoot(words), 1);
  assert.equal(heads(words), '2:det 11:nsubj 5:punct 5:nsubj:pass 2:acl:relcl 5:obj 8:punct 5:advcl 8:obj 11:punct 0:root 11:punct');
});
test('repair: a word between the closing comma and the main verb goes to the main verb', () => {
  const words = tree([
    ['The', 'DET', '', 2, 'det'], ['army', 'NOUN', '', 5, 'nsubj'], [',', 'PUNCT', '', 5, 'punct'], ['which', 'PRON', 'Rel', 5, 'nsubj'],
    ['fought', 'VERB', '', 0, 'root'], [',', 'PUNCT', '', 8, 'punct'], ['Tuesday', 'NOUN', '', 5, 'obl'], ['struck', 'VERB', '', 5, 'parataxis'],
  ]);
  assert.equal(repairRelativeRoot(words), 1);
  assert.equal(heads(words), '2:det 8:nsubj 5:punct 5:nsubj 2:acl:relcl 8:punct 8:obl 0:root');
});

// The noun read as a second subject of its relative clause, the clause hung on the main verb that is left with none.
const ANTECEDENT: readonly (readonly [string, readonly Line[], string])[] = [
  ['fr: "Les rebelles, qui tiennent la ville, ont attaqué"', [
    ['Les', 'DET', '', 2, 'det'], ['rebelles', 'NOUN', '', 5, 'nsubj'], [',', 'PUNCT', '', 5, 'punct'], ['qui', 'PRON', 'Rel', 5, 'nsubj'],
    ['tiennent', 'VERB', '', 10, 'acl:relcl'], ['la', 'DET', '', 7, 'det'], ['ville', 'NOUN', '', 5, 'obj'], [',', 'PUNCT', '', 10, 'punct'],
    ['ont', 'AUX', '', 10, 'aux'], ['attaqué', 'VERB', '', 0, 'root'],
  ], '2:det 10:nsubj 5:punct 5:nsubj 2:acl:relcl 7:det 5:obj 10:punct 10:aux 0:root'],
  ['en: a fronted adverb of the clause goes to the main verb', [
    ['Yesterday', 'NOUN', '', 4, 'obl'], ['troops', 'NOUN', '', 4, 'nsubj'], ['who', 'PRON', 'Rel', 4, 'nsubj'], ['patrolled', 'VERB', '', 5, 'advcl'],
    ['fired', 'VERB', '', 0, 'root'],
  ], '5:obl 5:nsubj 4:nsubj 2:acl:relcl 0:root'],
];
for (const [name, lines, want] of ANTECEDENT) {
  test(`repair antecedent: ${name}`, () => {
    const words = tree(lines);
    assert.equal(repairRelativeAntecedent(words), 1);
    assert.equal(heads(words), want);
  });
}

test('repair antecedent: a main verb with a subject of its own keeps it', () => {
  const words = tree([
    ['Rebels', 'NOUN', '', 3, 'nsubj'], ['who', 'PRON', 'Rel', 3, 'nsubj'], ['fled', 'VERB', '', 5, 'advcl'], ['police', 'NOUN', '', 5, 'nsubj'], ['said', 'VERB', '', 0, 'root'],
  ]);
  const before = heads(words);
  assert.equal(repairTree(words), 0);
  assert.equal(heads(words), before);
});

// A bare participle read as the root, the finite verb hung under it: the participle describes the subject.
type FeatLine = readonly [string, string, Record<string, string>, number, string];
const featTree = (lines: readonly FeatLine[]): RepairableWord[] => lines.map(([form, upos, feats, head, deprel]) => ({ form, upos, feats, head, deprel }));
const PART = { VerbForm: 'Part', Tense: 'Past' }, FIN = { VerbForm: 'Fin', Tense: 'Past' };
const REDUCED: readonly (readonly [string, readonly FeatLine[], string | null])[] = [
  ['en: "Militants based in Somalia killed three people."', [
    ['Militants', 'NOUN', {}, 2, 'nsubj'], ['based', 'VERB', PART, 0, 'root'], ['in', 'ADP', {}, 4, 'case'], ['Somalia', 'PROPN', {}, 2, 'obl'],
    ['killed', 'VERB', FIN, 2, 'acl'], ['three', 'NUM', {}, 7, 'nummod'], ['people', 'NOUN', {}, 5, 'obj'], ['.', 'PUNCT', {}, 2, 'punct'],
  ], '5:nsubj 1:acl 4:case 2:obl 0:root 7:nummod 5:obj 5:punct'],
  ['fr: "Des soldats basés à Gao ont attaqué" (the finite verb is the auxiliary\'s: no repair without a finite verb)', [
    ['soldats', 'NOUN', {}, 2, 'nsubj'], ['basés', 'VERB', PART, 0, 'root'], ['à', 'ADP', {}, 4, 'case'], ['Gao', 'PROPN', {}, 2, 'obl'],
    ['ont', 'AUX', { VerbForm: 'Fin' }, 6, 'aux'], ['attaqué', 'VERB', PART, 2, 'conj'],
  ], null],
  ['en: a passive with its auxiliary is a main verb', [
    ['Militants', 'NOUN', {}, 3, 'nsubj:pass'], ['were', 'AUX', FIN, 3, 'aux:pass'], ['based', 'VERB', PART, 0, 'root'], ['in', 'ADP', {}, 5, 'case'],
    ['Somalia', 'PROPN', {}, 3, 'obl'], ['said', 'VERB', FIN, 3, 'parataxis'],
  ], null],
  ['en: the finite verb has a subject of its own', [
    ['Militants', 'NOUN', {}, 2, 'nsubj'], ['trained', 'VERB', PART, 0, 'root'], ['there', 'ADV', {}, 2, 'advmod'], ['officials', 'NOUN', {}, 5, 'nsubj'],
    ['said', 'VERB', FIN, 2, 'parataxis'],
  ], null],
];
for (const [name, lines, want] of REDUCED) {
  test(`repair of a reduced relative: ${name}`, () => {
    const words = featTree(lines);
    const before = heads(words);
    assert.equal(repairReducedRelativeRoot(words), want ? 1 : 0);
    assert.equal(heads(words), want ?? before);
  });
}

// Trees the grammar allows, or that give the repair nothing to stand on: left as they are.
const LEFT_ALONE: readonly (readonly [string, readonly Line[]])[] = [
  ['a relative clause already under its noun', [
    ['Rebels', 'NOUN', '', 5, 'nsubj'], [',', 'PUNCT', '', 4, 'punct'], ['who', 'PRON', 'Rel', 4, 'nsubj'], ['fled', 'VERB', '', 1, 'acl:relcl'],
    ['returned', 'VERB', '', 0, 'root'],
  ]],
  ['a question: the pronoun is interrogative', [
    ['Who', 'PRON', 'Int', 2, 'nsubj'], ['attacked', 'VERB', '', 0, 'root'], [',', 'PUNCT', '', 4, 'punct'], ['asked', 'VERB', '', 2, 'parataxis'],
  ]],
  ['no noun before the pronoun', [
    ['Which', 'PRON', 'Rel', 2, 'nsubj'], ['burned', 'VERB', '', 0, 'root'], [',', 'PUNCT', '', 4, 'punct'], ['fled', 'VERB', '', 2, 'parataxis'],
  ]],
  ['no verb after the clause closes', [
    ['Troops', 'NOUN', '', 4, 'nsubj'], [',', 'PUNCT', '', 4, 'punct'], ['who', 'PRON', 'Rel', 4, 'nsubj'], ['fought', 'VERB', '', 0, 'root'],
    [',', 'PUNCT', '', 6, 'punct'], ['tired', 'ADJ', '', 4, 'conj'],
  ]],
];
for (const [name, lines] of LEFT_ALONE) {
  test(`repair leaves alone: ${name}`, () => {
    const words = tree(lines);
    const before = heads(words);
    assert.equal(repairRelativeRoot(words), 0);
    assert.equal(heads(words), before);
  });
}

// Through the path vigie runs: whichever way the committed model reads these, the main verb is the root.
const PARSED: readonly (readonly ['en' | 'fr', string, string, string])[] = [
  ['en', 'The Israeli army , which has been fighting in Gaza for months , struck a depot in Tyre on Tuesday .', 'struck', 'army'],
  ['en', 'Al-Shabaab militants , who control much of the countryside , attacked a base near Mogadishu .', 'attacked', 'militants'],
  ['fr', 'Les rebelles , qui contrôlent la ville depuis des mois , ont attaqué un camp .', 'attaqué', 'rebelles'],
  ['en', 'Militants based in Somalia killed three people in Garissa on Tuesday .', 'killed', 'Militants'],
];
for (const [lang, sentence, verb, subject] of PARSED) {
  test(`repair, parsed (${lang}): ${sentence}`, () => {
    const forms = sentence.split(' ');
    const words = analyseWords(forms, lang);
    const v = forms.indexOf(verb), s = forms.indexOf(subject);
    assert.equal(words[v]!.head, 0, `${verb} is the root`);
    assert.equal(words[s]!.head, v + 1, `${subject} depends on ${verb}`);
    assert.match(words[s]!.deprel, /^nsubj/);
  });
}
