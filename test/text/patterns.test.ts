import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PatternSet, allMatches, wordsRegex } from '../../src/text/patterns.ts';
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
