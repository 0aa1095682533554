import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from '../../src/clean/zones.ts';
import { documentDate, dateFromUrl } from '../../src/docdate/docdate.ts';
import { languagePack } from '../../src/extract/lang/index.ts';
import { fold } from '../../src/text/fold.ts';
import { eventsOf } from '../helpers/extract.ts';

function docDate(raw: string, language: 'fr' | 'en', extra: { published?: string; url?: string } = {}) {
  return documentDate({ raw, folded: fold(raw), cleaned: cleanDocument(raw), pack: languagePack(language), ceiling: '2026-11-20', ...extra });
}

const URLS: [string, string | null, string | null][] = [
  ['https://news.example/2023/10/19/bases-attacked/', '2023-10-19', 'day'],
  ['https://fr.example.africa/20231024/deux-bases-1063041659.html', '2023-10-24', 'day'],
  ['https://example.com/Detail/2023/11/23/715132/story', '2023-11-23', 'day'],
  ['http://blog.example.com/2020/01/guerre.html', '2020-01-01', 'month'],
  ['https://example.org/?p=200509', null, null],
];
for (const [url, iso, precision] of URLS) {
  test(`date of ${url}`, () => {
    const r = dateFromUrl(url);
    assert.equal(r?.iso ?? null, iso);
    assert.equal(r?.precision ?? null, precision);
  });
}

test('a published date that is no real day, or of no plausible year, is set aside for what the text says', () => {
  for (const published of ['2023-02-31', '2023-13-01', '2023-04-31', '1850-03-01', '9999-12-31']) {
    const r = docDate('Titre\n\nLe 3 mars 2021, une attaque.', 'fr', { published });
    assert.equal(r.iso, '2021-03-03', published);
    assert.match(r.rule, /\+metadata-invalid$/, published);
  }
  assert.equal(docDate('Titre\n\nUne attaque.', 'fr', { published: '2023-02-31' }).iso, null);
  assert.equal(docDate('Titre\n\nUne attaque.', 'fr', { published: '2024-02-29' }).iso, '2024-02-29');
});

test('an event of a report published on an impossible day is not dated by it', () => {
  const events = eventsOf('Titre\n\nUne attaque de drone a frappé la base de Harir lundi.', { published: '2023-02-31' });
  assert.equal(events.length, 1);
  assert.equal(events[0]!.date, null);
});

test('metadata beats everything', () => {
  assert.equal(docDate('Titre\n\nLe 3 mars 2021, une attaque.', 'fr', { published: '2024-02-01' }).iso, '2024-02-01');
});

test('a weekday and a day-month pin the year: the most recent year they agree, not after today', () => {
  const r = docDate('Titre\n\nLe groupe a publié ce mardi 24 octobre un communiqué.\n', 'fr');
  assert.equal(r.iso, '2023-10-24');
  assert.match(r.rule, /latest-date/);
});

test("the lead's weekday names the news day after the latest dated fact", () => {
  const raw = 'Titre\n\nDes explosions ont été entendues dans la base, a rapporté lundi une chaîne de télévision.\n\nLe groupe avait annoncé dimanche 29 octobre une autre attaque.\n';
  assert.equal(docDate(raw, 'fr').iso, '2023-10-30');
});

test('a caption date counts only when the body confirms its weekday and year', () => {
  const raw = 'Titre\n\nUn convoi vu près de la ville, le 19 octobre 2021. (Archives)\n\nMardi matin, un convoi a été visé. Depuis le début de 2021, les attaques se multiplient.\n';
  assert.equal(docDate(raw, 'fr').iso, '2021-10-19');
  const unconfirmed = 'Titre\n\nUn convoi vu près de la ville, le 19 octobre 2021. (Archives)\n\nJeudi matin, un convoi a été visé.\n';
  assert.equal(docDate(unconfirmed, 'fr').iso, null);
});

test('a caption date counts when it names the place the report is filed from and the lead its weekday', () => {
  const head = 'Journalists wounded by shelling at Lebanon border\n\nOne reporter dead; the army says it is looking into it\n\n';
  const caption = 'Smoke rises over the village of Kfar Kila on October 13, 2023 (Photographer Name / AFP)';
  const raw = `${head}${caption}\n\nKFAR KILA, Lebanon — A shell landed near a gathering of reporters on Friday.\n`;
  assert.equal(docDate(raw, 'en').iso, '2023-10-13');
  assert.equal(docDate(raw, 'en').rule, 'docdate.caption-corroborated-by-weekday-and-dateline');
  // Another place's picture, or a weekday the caption's day is not, dates nothing.
  assert.equal(docDate(`${head}${caption}\n\nMARJAYOUN, Lebanon — A shell landed near a gathering of reporters on Friday.\n`, 'en').iso, null);
  assert.equal(docDate(`${head}${caption}\n\nKFAR KILA, Lebanon — A shell landed near a gathering of reporters on Monday.\n`, 'en').iso, null);
  // The dateline's place as a word of the caption, not inside one ("TYRE" in "tyres").
  assert.equal(docDate(`${head}Burning tyres block a road in Beirut on October 13, 2023 (Photographer Name / AFP)\n\nTYRE, Lebanon — Drivers blocked roads on Friday.\n`, 'en').iso, null);
});

test('a header month is kept at month precision, or refined by a date of that month', () => {
  assert.deepEqual([docDate(' date 2023-12 Le groupe a annoncé aujourd’hui lundi une attaque.\n', 'fr').iso, docDate(' date 2023-12 Le groupe a annoncé aujourd’hui lundi une attaque.\n', 'fr').precision], ['2023-12-01', 'month']);
  assert.equal(docDate(' date 2023-10 Title\n\nUS forces were attacked on October 24 in Syria.\n', 'en').iso, '2023-10-24');
});

test('English: a full date in the byline', () => {
  assert.equal(docDate('Headline here\n\nAFP , AP , Wednesday 22 Nov 2023\n\nFive fighters were killed.\n', 'en').iso, '2023-11-22');
});

test('no date anywhere: unknown, not today', () => {
  const r = docDate('Titre\n\nUne attaque a visé la base.\n', 'fr');
  assert.equal(r.iso, null);
  assert.equal(r.precision, null);
});

test('a day that states its own weekday keeps it; the lead\'s bare weekday then dates the report on or after it', () => {
  // "mardi 31 octobre" is a Tuesday (2023); "Mercredi, …" in the lead is the day of the report, the day after.
  const r = docDate('Titre\n\nL’armée a reconnu avoir frappé, mardi 31 octobre, un camp. Mercredi, une nouvelle frappe a touché ce camp.', 'fr');
  assert.equal(r.iso, '2023-11-01');
  assert.equal(r.rule, 'docdate.text.lead-weekday-after-latest-date');
  // With no weekday of its own, the day takes the lead's.
  assert.equal(docDate('Titre\n\nLe camp a été frappé le 31 octobre. Mardi, les secours fouillaient les décombres.', 'fr').iso, '2023-10-31');
});

test('a day and month of the background, outside the header month, never date the report', () => {
  // "le 7 octobre dernier" and the lead's "mardi": 7 October is a Tuesday in 2014, but the header says 2023-11.
  const r = docDate(' date 2023-11 Titre\n\nDeux civils ont été tués mardi près de la frontière, où les combats durent depuis l’attaque du 7 octobre dernier.\n', 'fr');
  assert.deepEqual([r.iso, r.precision], ['2023-11-01', 'month']);
});

test("a lead that tells its news as yesterday's dates the report the day after the latest dated fact", () => {
  const raw = 'Titre\n\nTel est le bilan des accrochages qui ont opposé hier l’armée et des groupes armés près de la ville.\n\nLes combats du mardi 12 septembre 2023 ont fait dix morts.\n';
  const r = docDate(raw, 'fr');
  assert.deepEqual([r.iso, r.rule], ['2023-09-13', 'docdate.text.lead-yesterday-after-latest-date']);
  // Without "hier", the report is of the latest dated fact, as before.
  assert.equal(docDate(raw.replace(' hier', ''), 'fr').iso, '2023-09-12');
});
