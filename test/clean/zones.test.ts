import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument, lineKey } from '../../src/clean/zones.ts';
import type { ZoneKind } from '../../src/types.ts';
import { fold } from '../../src/text/fold.ts';

function kinds(raw: string, lineFrequency?: (k: string) => number): [ZoneKind, string][] {
  const options = lineFrequency ? { lineFrequency } : {};
  const cleaned = cleanDocument(raw, options);
  // The text folded by the caller (processDocument gives it) cuts the same zones as folding each line.
  assert.deepEqual(cleanDocument(raw, { ...options, folded: fold(raw) }), cleaned);
  return cleaned.zones.map((z) => [z.kind, raw.slice(z.start, z.end)]);
}

// [line, expected zone] per language: each line stands after a title and a first body line.
const LINES: [string, ZoneKind][] = [
  ['À lire aussi : La base visée par trois roquettes', 'teaser'],
  ['A lire:\u00a0Irak : un drone abattu près de la frontière', 'teaser'],
  ['Lire aussi : Le chef du parti appelle au calme', 'teaser'],
  ['Read more: Drones strike a convoy near the border', 'teaser'],
  ['Lire plus: Syrie : attaque contre deux bases de la coalition', 'teaser'],
  ['Read next: Drones strike a convoy near the border', 'teaser'],
  ['RELATED: Officials confirm a second attack', 'teaser'],
  ['Partager cet article', 'share'],
  ['Share', 'share'],
  ['Accueil / Monde / Moyen-Orient / Afrique', 'navigation'],
  ['Home | World | Middle East | Video', 'navigation'],
  ['SOURCE: AGENCE EXEMPLE', 'source'],
  ['Des soldats patrouillent près d’un poste frontière, le 2 mai 2019. ©Reuters', 'caption'],
  ['Un blindé à l’entrée de la ville, le 3 juin 2020. (Photo d’archives)', 'caption'],
  ['Soldiers stand guard at a checkpoint on March 3, 2021. AP', 'caption'],
  ['Smoke rises after a strike on a village near the border on May 4, 2022 (Jane Doe / AFP)', 'caption'],
  ['Marchers gather in the rain before walking to the square. [John Smith/Reuters]', 'caption'],
  ['The army said the strike hit a depot (a claim AFP could not verify).', 'body'],
  ['The destroyer, pictured in 2022, sailed south on Monday.', 'caption'],
  ['Guerre au Soudan : bombardement d’un quartier d’Omdourman - (France info)', 'teaser'],
  ['Sudan war: air strike on an Omdurman district | (Example News)', 'teaser'],
  ['The army said it hit the depot - (a claim no one could verify).', 'body'],
  ['Author: Jane Doe | Published: 2 hours ago', 'byline'],
  ['By John Smith and Amina Yusuf, Reuters', 'byline'],
  ['Par Jean Dupont, envoyé spécial', 'byline'],
  ['Publié le 12 mars 2024 à 10h02', 'byline'],
  ['Published on 12 March 2024, 10:02', 'byline'],
  ['By Monday the army had retaken the town.', 'body'],
  ['Par ailleurs, deux soldats ont été blessés', 'body'],
  ['Les forces de sécurité ont arrêté trois suspects mardi dans le nord du pays.', 'body'],
  ['Security forces arrested three suspects on Tuesday, a spokesman told AFP.', 'body'],
];

for (const [line, kind] of LINES) {
  test(`zone of "${line.slice(0, 40)}" is ${kind}`, () => {
    const raw = `Un titre sans point final\n\nPremière phrase du corps de l'article.\n\n${line}\n`;
    const zones = kinds(raw);
    assert.deepEqual(zones.at(-1), [kind, line]);
  });
}

test('the first unpunctuated line is the title, a short leading line is a logo', () => {
  assert.deepEqual(kinds('TV\n\nDes roquettes tirées sur une base\n\nLe corps commence ici.\n').map(([k]) => k), ['logo', 'title', 'body']);
});

test('a dateline prefix is cut from the first sentence and kept as the header', () => {
  const raw = ' date 2023-12 La base a été visée lundi.\n';
  const cleaned = cleanDocument(raw);
  assert.equal(cleaned.header, '2023-12');
  assert.deepEqual(cleaned.zones.map((z) => [z.kind, raw.slice(z.start, z.end)]), [['dateline', 'date 2023-12'], ['body', 'La base a été visée lundi.']]);
});

test('the outlet is read from the source line', () => {
  assert.equal(cleanDocument('Titre\n\nCorps.\n\nSOURCE: AGENCE EXEMPLE\n').outletFromText, 'AGENCE EXEMPLE');
});

test('a line repeated across documents of a site is boilerplate, learnt from counts', () => {
  const repeated = 'An unrelated photo caption that this site prints on every page of its articles';
  const raw = `A title line\n\n${repeated}\n\nThe article body starts here.\n`;
  assert.equal(kinds(raw, () => 1).find(([, t]) => t === repeated)?.[0], 'body');
  assert.equal(kinds(raw, (k) => (k === lineKey(repeated) ? 4 : 1)).find(([, t]) => t === repeated)?.[0], 'boilerplate');
});

test('zones are offsets into the untouched raw text', () => {
  const raw = 'Titre\u00a0avec espace\r\n\r\nCorps de l’article.\r\n';
  for (const z of cleanDocument(raw).zones) assert.equal(raw.slice(z.start, z.end).trim(), raw.slice(z.start, z.end));
});

// [body line with a teaser pasted in, the zones it is cut into]
const INLINE_TEASERS: [string, [string, string][]][] = [
  ['La base a été visée mercredi. → Lire aussi : Après les tirs, le président se veut rassurant Le commandement a publié un communiqué.',
    [['body', 'La base a été visée mercredi.'], ['teaser', '→ Lire aussi : Après les tirs, le président se veut rassurant'], ['body', 'Le commandement a publié un communiqué.']]],
  ['The base was hit on Wednesday. Read more: Drones strike a convoy near the border The ministry said nobody was hurt.',
    [['body', 'The base was hit on Wednesday.'], ['teaser', 'Read more: Drones strike a convoy near the border'], ['body', 'The ministry said nobody was hurt.']]],
  // No sentence start after the headline: the teaser runs to the end of the line.
  ['La base a été visée mercredi. A lire aussi : un drone abattu près de la frontière irakienne',
    [['body', 'La base a été visée mercredi.'], ['teaser', 'A lire aussi : un drone abattu près de la frontière irakienne']]],
  // "lire aussi" inside a sentence is no teaser.
  ['Il faut lire aussi le communiqué : il dit que la base a été visée.', [['body', 'Il faut lire aussi le communiqué : il dit que la base a été visée.']]],
];

for (const [line, want] of INLINE_TEASERS) {
  test(`inline teaser: "${line.slice(0, 50)}"`, () => {
    const raw = `Un titre sans point final\n\n${line}\n`;
    assert.deepEqual(kinds(raw).slice(1), want);
  });
}

test('a text wrapped at a fixed width is joined back into its paragraphs; lines of a text that is not stay apart', () => {
  const wrapped = 'Camp attack leaves dozens dead\n\nThe army has reportedly killed at least 29 people, including numerous children, in a\n'
    + 'recent assault on a camp for displaced people near the Kachin\nIndependence Organisation headquarters in Laiza. Survivors\n'
    + 'have been relocated to the town, where rescue efforts went on\nthrough the night and the next\nmorning.';
  assert.deepEqual(kinds(wrapped).map(([k, text]) => [k, text.split('\n').length]), [['title', 1], ['body', 6]]);
  // A heading with no full stop before a capitalised line is not a wrapped line; nor is a line after a full stop.
  const plain = 'Camp attack leaves dozens dead\n\nWhat we know so far\nThe army killed 29 people in a camp near Laiza, officials said.\nrescue efforts continue';
  assert.deepEqual(kinds(plain).map(([k]) => k), ['title', 'body', 'body', 'body']);
});
