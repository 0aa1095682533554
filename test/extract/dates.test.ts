import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languagePack } from '../../src/extract/lang/index.ts';
import { findDateMentions, resolveMention } from '../../src/extract/dates.ts';
import { fold } from '../../src/text/fold.ts';
import type { ResolvedDate } from '../../src/types.ts';

const day = (iso: string): ResolvedDate => ({ iso, precision: 'day', rule: 'test', stated: {} });
const month = (iso: string): ResolvedDate => ({ iso, precision: 'month', rule: 'test', stated: {} });

// [text, anchor, expected days in order]
const CASES: Record<'fr' | 'en', [string, ResolvedDate | null, (string | null)[]][]> = {
  fr: [
    ['a publié ce mardi 24 octobre un communiqué', null, ['2023-10-24']],
    ['Lundi soir, des sources ont parlé', day('2023-10-24'), ['2023-10-23']],
    ['Les 19 et 22 novembre, ils ont mené des attaques', day('2023-12-03'), ['2023-11-19', '2023-11-22']],
    ['les 3, 5 et 9 mars 2022 à Mossoul', null, ['2022-03-03', '2022-03-05', '2022-03-09']],
    ['a annoncé aujourd’hui lundi que', month('2023-12-01'), ['2023-12-01']],
    ['hier, un drone a été abattu', day('2024-01-10'), ['2024-01-09']],
    // Relative spans: a count of days back, the week before (seven days back), the month before.
    ['il y a deux jours, un drone a été abattu', day('2024-03-06'), ['2024-03-04']],
    ['la semaine dernière, un drone a été abattu', day('2024-03-06'), ['2024-02-28']],
    ['le mois dernier, un drone a été abattu', day('2024-01-10'), ['2023-12-01']],
    // An anchor of no day gives a relative span no day either.
    ['il y a deux jours, un drone', month('2024-03-01'), ['2024-03-01']],
    ['mercredi 20 octobre, des explosions', null, ['2021-10-20']],
    ['le 7 janvier 2020 au soir', null, ['2020-01-07']],
    ['Le 15 novembre, les combattants', day('2023-12-03'), ['2023-11-15']],
    ['Le 28 décembre, une attaque', day('2024-01-03'), ['2023-12-28']],
    ['depuis 48 heures et ces trois dernières semaines', day('2024-01-03'), []],
    // Days the calendar does not have, and years no news is about: no date rather than a wrong one.
    ['le lundi 35 décembre 2023, une attaque', day('2024-01-10'), [null]],
    ['le 31 décembre 9999, une attaque', day('2023-01-10'), [null]],
    ['le 30 février 2023, une attaque', day('2023-03-10'), [null]],
    ['le 0 mars 2023, une attaque', day('2023-03-10'), [null]],
    ['les 30 et 31 février, des attaques', day('2023-03-10'), [null, null]],
    ['le 12 mars 1850, une bataille', day('2023-03-10'), [null]],
    ['le 29 février 2024, une attaque', day('2024-03-10'), ['2024-02-29']],
  ],
  en: [
    ['Gunmen killed five villagers two days ago', day('2024-03-06'), ['2024-03-04']],
    ['Gunmen killed five villagers last week', day('2024-03-06'), ['2024-02-28']],
    ['Gunmen killed five villagers late last month', day('2024-01-10'), ['2023-12-01']],
    // Not a count of days back: "two days after" an attack, "a few days ago".
    ['on Monday, two days after a similar attack', day('2024-03-06'), ['2024-03-04']],
    ['On December 31 2019, a man was killed', null, ['2019-12-31']],
    ['early Wednesday, officials said', day('2023-10-19'), ['2023-10-18']],
    ['on Nov. 19 and 22, drones struck', day('2023-12-01'), ['2023-11-19', '2023-11-22']],
    ['on 5 March 2020 and on Tuesday night', day('2020-03-12'), ['2020-03-05', '2020-03-10']],
    ['yesterday two rockets landed', day('2024-01-16'), ['2024-01-15']],
    ['over the past three weeks', day('2024-01-16'), []],
    ['on Monday, December 35, 2023, a drone', day('2024-01-10'), [null]],
    ['on December 31, 9999, a drone', day('2023-01-10'), [null]],
    ['on the 30th of February 2023, a drone', day('2023-03-10'), [null]],
    ['on February 29, 2023, a drone', day('2023-03-10'), [null]],
    ['on 3 March 2025, a drone', day('2023-03-10'), [null]],
  ],
};

for (const [language, cases] of Object.entries(CASES) as ['fr' | 'en', (typeof CASES)['fr']][]) {
  for (const [text, anchor, expected] of cases) {
    test(`${language}: dates of "${text}"`, () => {
      const pack = languagePack(language);
      const mentions = findDateMentions(text, fold(text), { start: 0, end: text.length }, pack);
      assert.deepEqual(mentions.map((m) => resolveMention(m, anchor, '2026-11-20').iso), expected);
    });
  }
}

test('a weekday without any anchor stays unknown', () => {
  const text = 'jeudi, une attaque';
  const [m] = findDateMentions(text, fold(text), { start: 0, end: text.length }, languagePack('fr'));
  assert.equal(resolveMention(m!, null, '2026-11-20').iso, null);
});
