import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf } from '../helpers/extract.ts';

// Texts that must produce no event: captions, teasers, statistics, threats, background.
const NEGATIVE: [string, string][] = [
  ['caption', 'Titre sans événement\n\nLe texte parle de diplomatie.\n\nDes soldats près d’un char à Mossoul, le 18 octobre 2016. ©Reuters'],
  ['photo credit caption (en)', 'A headline\n\nThe text is about diplomacy.\n\nSoldiers stand near a tank in Mosul on October 18, 2016. AP'],
  ['teaser', 'Titre sans événement\n\nLe texte parle de diplomatie.\n\nA lire : Irak : un drone frappe la base d’Aïn al-Assad'],
  ['teaser (en)', 'A headline\n\nThe text is about diplomacy.\n\nRead more: Drone strikes Ain al-Asad air base'],
  ['statistic (ordinal)', 'Titre\n\nIl s’agit de la 57e attaque contre des convois américains depuis le début de l’année.'],
  ['statistic (count)', 'Titre\n\nParmi elles, 12 attaques ont été menées contre des positions américaines dans la province d’Anbar.'],
  ['statistic (percentage)', 'Titre\n\nLe rythme des attaques contre les forces américaines en Irak a augmenté de 30 % en deux semaines.'],
  ['statistic (en)', 'Headline\n\nThere have been at least 60 attacks on US forces in Iraq and Syria since October, the Pentagon said.'],
  ['threat', 'Titre\n\nLe groupe a averti que « désormais, les bases américaines en Irak feront l’objet de nos attaques ».'],
  ['threat (future after)', 'Titre\n\nLe chef du groupe a affirmé que « les opérations contre l’occupation se poursuivront ».'],
  ['threat (open fire)', 'Titre\n\nL’armée a menacé d’ouvrir le feu sur quiconque s’approcherait de la frontière près de Bamako.'],
  ['threat (en)', 'Headline\n\nThe group warned it will attack US bases in Iraq if the strikes continue.'],
  ['background period', 'Titre\n\nAu cours des deux derniers mois, les attaques contre les intérêts américains se sont multipliées à travers l’Irak.'],
  ['background without place or date', 'Titre\n\nLa résistance a ciblé des dizaines de fois des bases américaines avec des drones et des missiles.'],
  ['background since (en)', 'Headline\n\nSince the assassination of the commander, US forces have been targeted repeatedly.'],
];

for (const [name, text] of NEGATIVE) {
  test(`no event: ${name}`, () => {
    const events = eventsOf(text, { published: '2024-03-14' });
    assert.deepEqual(events.map((e) => e.notes), []);
  });
}
