import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/language/detect.ts';

const CASES: [string, string][] = [
  ['Les forces de sécurité ont annoncé mardi que deux roquettes étaient tombées près de la base, sans faire de victimes selon un responsable local.', 'fr'],
  ['Security forces said on Tuesday that two rockets landed near the base without causing casualties, according to a local official.', 'en'],
  ['Drones hit the base.', 'en'],
  ['Un drone a frappé la base.', 'fr'],
  ['Las fuerzas de seguridad anunciaron el martes que dos cohetes cayeron cerca de la base militar sin causar víctimas, según un funcionario local de la provincia.', 'es'],
];

for (const [text, language] of CASES) {
  test(`language of "${text.slice(0, 30)}…" is ${language}`, () => assert.equal(detectLanguage(text).language, language));
}

test('declared metadata wins', () => {
  assert.deepEqual(detectLanguage('Whatever text', 'fr'), { language: 'fr', rule: 'language.metadata' });
});
