import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PatternSet, allMatches, alternation, wordsRegex } from '../../src/text/patterns.ts';
import { languagePack } from '../../src/extract/lang/index.ts';
import { fold } from '../../src/text/fold.ts';

// A pattern set must give, for each pattern, exactly what a pass of that pattern alone gives.
function samePerPattern(set: PatternSet, text: string, from = 0, to = text.length): void {
  const together = set.allMatches(text, from, to);
  set.patterns.forEach((re, k) => assert.deepEqual(together[k], allMatches(re, text, from, to), `/${re.source.slice(0, 60)}/ on "${text}"`));
}

test('a pattern set finds what each of its patterns finds alone, overlaps and all', () => {
  const set = new PatternSet([wordsRegex(['shot dead', 'shot']), wordsRegex(['dead', 'shot dead two']), wordsRegex(['re:(?<=,\\s)killing']), wordsRegex(['police'])]);
  const rows = [
    'police shot dead two men, killing one',
    'shot shot dead dead',
    'killing, killing',
    'nothing to see here',
    '',
    'policemen were shot',
  ];
  for (const text of rows) samePerPattern(set, text);
  // A span inside a text: the boundaries are the span's.
  samePerPattern(set, 'xshot dead, killing two', 1, 22);
});

test('a pattern set of patterns that are not whole words, and an empty set', () => {
  samePerPattern(new PatternSet([/a+/g, /ab/g, /b(?=c)/g]), 'aabcab bc');
  assert.deepEqual(new PatternSet([]).allMatches('anything'), []);
  assert.throws(() => new PatternSet([/(a)\1/g]), /back-references/);
  assert.throws(() => new PatternSet([/a/g, /b/gi]), /share their flags/);
});

test('a language\'s trigger and weapon sets match each rule alone, over a union longer than one regex holds', () => {
  for (const language of ['en', 'fr'] as const) {
    const pack = languagePack(language);
    const texts = language === 'en'
      ? ['On 3 March, gunmen shot dead two police officers and set a car ablaze in Lamu; a drone strike hit a base, killing four.',
        'Protesters barricaded the road with burning tyres before police fired tear gas; five were arrested.']
      : ["Une frappe de drone a visé la base d'Aïn al-Assad, tuant deux soldats, et des roquettes ont été tirées.",
        'Des manifestants ont incendié des pneus; la police a arrêté dix personnes après des affrontements.'];
    for (const raw of texts) {
      const text = fold(raw);
      samePerPattern(pack.triggerSet, text);
      samePerPattern(pack.weaponSet, text);
      assert.ok(pack.triggerSet.allMatches(text).some((m) => m.length > 0), raw);
    }
  }
});

// alternation() writes an alternation as a prefix tree: it must choose, at every position, the
// alternative the plain alternation chooses (the first in order that matches with what follows).
test('a factored alternation matches what the plain one matches, alternative for alternative', () => {
  const lists = [
    ['ab', 'a', 'abc'],
    ['a', 'ab', 'abc'],
    ['air[\\s-]+strike', 'air[\\s-]+raid', 'air', 'air[\\s-]?strikes'],
    ["l'\\s*armee", "l'\\s*armee[\\s-]+de[\\s-]+l'\\s*air", 'la[\\s-]+police'],
    ['drones?', 'drone[\\s-]+strike', '(?:us|u\\.s\\.) strikes?', 'us', ''],
    ['(?:a|ab)c', 'abd', '(?<=x )ab', 'a.c', 'a\\sc'],
  ];
  const texts = ['abc ab a abcd', 'air strike air-raid air  strikes airstrikes air', "l'armee de l'air, l' armee, la police",
    'us strikes, u.s. strike, drones drone strike', 'abd ac abc x ab a-c a c'];
  for (const sources of lists) {
    const plain = new RegExp(`(?<![a-z])(?:${sources.join('|')})(?![a-z])`, 'g');
    const factored = new RegExp(`(?<![a-z])${alternation(sources)}(?![a-z])`, 'g');
    for (const text of texts) assert.deepEqual(allMatches(factored, text), allMatches(plain, text), `${factored.source} on "${text}"`);
  }
  // Shared beginnings are written once.
  assert.equal(alternation(['ab', 'ac', 'b']), '(?:a(?:b|c)|b)');
  // Capturing groups would be renumbered: left as they are.
  assert.equal(alternation(['(a)b', 'ac']), '(?:(a)b|ac)');
});
