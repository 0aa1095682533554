import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, nameKey, shinSpellingKey } from '../../src/text/fold.ts';
import { splitSentences } from '../../src/text/sentences.ts';

test('fold keeps the length of the raw text, so offsets carry over', () => {
  for (const s of ['Aïn al-Assad', 'l’armée américaine\u00a0: « non »', 'Œuvre — İstanbul', 'عين الأسد', 'ÉTATS-UNIS']) {
    assert.equal(fold(s).length, s.length, s);
  }
  assert.equal(fold('L’Armée\u00a0Américaine'), "l'armee americaine");
  // Plain ASCII (the fast path) and mixed text fold alike.
  const rows: [string, string][] = [['Al-Shabaab`s FIGHTERS', "al-shabaab's fighters"], ['Kenya', 'kenya'], ['Al-Shabaab`s Élite', "al-shabaab's elite"], ['', '']];
  for (const [raw, folded] of rows) assert.equal(fold(raw), folded, raw);
});

test('nameKey makes spellings of one name meet', () => {
  const same: [string, string][] = [
    ['al-Shadadi', 'Al-Shaddadi'], ['Aïn al-Assad', 'Ain al-Asad'], ["d'Aïn al-Assad", 'Ain Asad'], ['Deir ez-Zor', 'Deir Ez Zor'],
  ];
  for (const [a, b] of same) assert.equal(nameKey(a), nameKey(b), `${a} ~ ${b}`);
  assert.notEqual(nameKey('Harir'), nameKey('Erbil'));
});

test('an Arabic name spelled the French way also has its English key; other names keep their "ch"', () => {
  assert.equal(nameKey('Tell ech Chaouk'), nameKey('Tell Chaouk'));
  assert.equal(shinSpellingKey('Aalma ech Chaab'), nameKey('Alma al-Shaab'));
  assert.equal(shinSpellingKey('Deir el Chaar'), nameKey('Deir al-Shaar'));
  for (const name of ['Chiga', 'Chaani', 'Chad', 'Ain al-Asad']) assert.equal(shinSpellingKey(name), null, name);
});

test('sentences split on end punctuation but not on abbreviations', () => {
  const raw = 'U.S. forces said on Tuesday that Gen. Smith left. A second sentence follows! And a third?';
  const s = splitSentences(raw, [{ start: 0, end: raw.length }]).map((x) => raw.slice(x.start, x.end));
  assert.deepEqual(s, ['U.S. forces said on Tuesday that Gen. Smith left.', 'A second sentence follows!', 'And a third?']);
});
