import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/language/detect.ts';
import { eventVocabularies } from '../../src/extract/lang/index.ts';

const CASES: [string, string][] = [
  ['Les forces de sécurité ont annoncé mardi que deux roquettes étaient tombées près de la base, sans faire de victimes selon un responsable local.', 'fr'],
  ['Security forces said on Tuesday that two rockets landed near the base without causing casualties, according to a local official.', 'en'],
  ['Drones hit the base.', 'en'],
  ['Un drone a frappé la base.', 'fr'],
  // An acronym in capitals is no function word: "UN" is not the French article; a headline in capitals still counts.
  ['A UN convoy came under fire near Bunia on Tuesday, wounding two peacekeepers.', 'en'],
  ['UN DRONE A FRAPPÉ LA BASE DE LA MONUSCO PRÈS DE BUNIA.', 'fr'],
  ['Las fuerzas de seguridad anunciaron el martes que dos cohetes cayeron cerca de la base militar sin causar víctimas, según un funcionario local de la provincia.', 'es'],
  ['As forças de segurança anunciaram na terça-feira que dois foguetes caíram perto da base militar, sem causar vítimas, segundo um funcionário local.', 'pt'],
  ['Die Sicherheitskräfte teilten am Dienstag mit, dass zwei Raketen in der Nähe des Stützpunkts eingeschlagen seien, ohne Opfer zu verursachen.', 'de'],
  ['قالت قوات الأمن يوم الثلاثاء إن صاروخين سقطا قرب القاعدة دون وقوع إصابات', 'ar'],
  // Telegraphic lines, too short for trigram statistics: function words and event vocabulary tell.
  ['14 May. A man is killed over witchcraft claims in a village near the market.', 'en'],
  ['Police officers protest over unpaid salaries.', 'en'],
  ['Armed militia attacks herders in a remote village', 'en'],
  ['Des manifestants dispersés par la police à Bamako', 'fr'],
  ['Un soldat tué dans une embuscade près de Gao', 'fr'],
];

for (const [text, language] of CASES) {
  test(`language of "${text.slice(0, 30)}…" is ${language}`, () => assert.equal(detectLanguage(text, null, eventVocabularies()).language, language));
}

test('a short English line is not French for its article "a"', () => {
  assert.equal(detectLanguage('A vigilante mob at the market lynched a thief.', null, eventVocabularies()).language, 'en');
});

test('declared metadata wins', () => {
  assert.deepEqual(detectLanguage('Whatever text', 'fr'), { language: 'fr', rule: 'language.metadata' });
});
