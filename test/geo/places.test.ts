import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languagePack } from '../../src/extract/lang/index.ts';
import { Gazetteer, gazetteer } from '../../src/geo/gazetteer.ts';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPlaceMentions } from '../../src/geo/places.ts';
import { nameKey, fold } from '../../src/text/fold.ts';
import type { Language } from '../../src/types.ts';

function places(text: string, language: Language, countries: string[] = []) {
  const f = fold(text);
  return findPlaceMentions(text, f, { start: 0, end: text.length }, languagePack(language), gazetteer(), { countries, foldedDocument: f, excluded: [] });
}

// Aliases as French, English and Arabic-transliterated articles write them, and in Arabic script.
const ALIASES: [string, string][] = [
  ['Aïn al-Assad', 'Ain al-Asad Air Base'], ['Ain al-Asad', 'Ain al-Asad Air Base'], ['Al Asad Airbase', 'Ain al-Asad Air Base'], ['عين الأسد', 'Ain al-Asad Air Base'],
  ['al-Shadadi', 'Al-Shaddadi'], ['Al-Shaddadi', 'Al-Shaddadi'], ['الشدادي', 'Al-Shaddadi'],
  ['Hassaké', 'Al Hasakah'], ['Al-Hasakah', 'Al Hasakah'], ['Kirkouk', 'Kirkuk'], ['Kirkuk', 'Kirkuk'], ['Conoco', 'Conoco gas field'], ['Konico', 'Conoco gas field'],
  ['al-Tanf', 'Al-Tanf'], ['التنف', 'Al-Tanf'], ['Mossoul', 'Mosul'],
  // Israel's districts by their Hebrew names.
  ['HaZafon', 'Northern District'], ['HaDarom', 'Southern District'], ['HaMerkaz', 'Central District'],
];
for (const [alias, name] of ALIASES) {
  test(`alias ${alias} → ${name}`, () => {
    const hit = gazetteer().lookup(nameKey(alias));
    assert.ok(hit.some((e) => e.name === name), `${alias}: ${hit.map((e) => e.name).join(', ')}`);
  });
}

// [sentence, language, context countries, expected place, expected precision]
const CASES: [string, Language, string[], string, 1 | 2 | 3 | null][] = [
  ['Des roquettes sont tombées sur la base d’Aïn al-Assad dans la province d’Anbar.', 'fr', ['IQ'], 'Ain al-Asad Air Base', 1],
  ['Une explosion a eu lieu près de Kirkouk.', 'fr', ['IQ'], 'Kirkuk', 2],
  ['Une roquette est tombée à 45 kilomètres au nord de Mossoul.', 'fr', ['IQ'], 'Mosul', 2],
  ['The attack happened near Samarra, officials said.', 'en', ['IQ'], 'Samarra', 2],
  // A name with an apostrophe inside a word is written as its own name, whatever the case after the apostrophe.
  ['Trois soldats ont été tués près de Fada N’Gourma.', 'fr', [], "Fada N'gourma", 2],
  ['Three soldiers were killed in Fada N\'Gourma.', 'en', [], "Fada N'gourma", 1],
  ['Fighting was reported in Anbar province.', 'en', ['IQ'], 'Al Anbar', 3],
  ['Des tirs ont visé la province de Deir ez-Zor.', 'fr', ['SY'], 'Deir ez-Zor', 3],
  ['Des attaques ont eu lieu dans l’est de la Syrie.', 'fr', ['SY'], 'eastern Syria', 3],
  ['Drones struck targets in northern Iraq.', 'en', ['IQ'], 'northern Iraq', 3],
  // A first-level division from GeoNames' list, at the middle of its towns.
  ['Raiders stole cattle in Turkana on Sunday.', 'en', ['KE'], 'Turkana', 3],
  ['Des éleveurs ont été tués dans le comté de Turkana.', 'fr', ['KE'], 'Turkana', 3],
  ['Gunmen attacked a bus in Kwale County.', 'en', ['KE'], 'Kwale', 3],
  // A town of GeoNames' current list that the 2020 list lacks.
  ['Police shot two suspects in Ruiru on Monday.', 'en', ['KE'], 'Ruiru', 1],
  ['Des frappes ont visé Jurf al-Sakhar, au sud de Bagdad.', 'fr', ['IQ'], 'Jurf al-Nasr', 1],
];
for (const [text, language, countries, name, precision] of CASES) {
  test(`${language}: place of "${text}"`, () => {
    const found = places(text, language, countries);
    const best = [...found].sort((a, b) => a.rank + (a.near ? 0.5 : 0) - (b.rank + (b.near ? 0.5 : 0)))[0];
    assert.equal(best?.place.name, name);
    assert.equal(best?.place.geo_precision, precision);
    assert.notEqual(best?.place.admin1 === undefined, true);
  });
}

test('a town followed by the wider area it lies in is that area\'s namesake: Jenin, West Bank is not Jenin, Poland', () => {
  const [village, town] = places('Israeli forces raided a house in Qabatiya (Jenin, West Bank).', 'en');
  assert.deepEqual([town?.place.name, town?.place.country_code, town?.place.geo_precision], ['Janin', 'PS', 1]);
  // The village the gazetteer lacks takes the town's point, not the West Bank's middle.
  assert.deepEqual([village?.place.name, village?.place.lat], ['Qabatiya', town?.place.lat]);
});

test('a town followed by its country is that country\'s: Tripoli, Lebanon', () => {
  const [town] = places('Fighting was reported in Tripoli, Lebanon.', 'en');
  assert.equal(town?.place.country_code, 'LB');
});

test('the English spelling of a French-transliterated Arabic name is no key for names of other languages', () => {
  // "Ar Chab", an alternate name of Cape Town, has an article-like word but is no Arabic name.
  assert.ok(!places('A roadside bomb exploded in al-Shaab on March 5, 2024, killing two.', 'en').some((p) => p.place.country_code === 'ZA'));
});

test('an ambiguous name goes to the country of the document', () => {
  const [iq] = places('La ville de Samarra a été visée.', 'fr', ['IQ']);
  assert.equal(iq?.place.country_code, 'IQ');
});

test('names that are not places: people named like towns, ship names, the Green Zone out of context', () => {
  assert.deepEqual(places('La députée Ilhan Omar a parlé au Capitole.', 'fr', ['US']).map((p) => p.place.name), []);
  assert.deepEqual(places('A missile hit the Gibraltar Eagle, a bulk carrier.', 'en', ['YE']).map((p) => p.place.name), []);
  assert.deepEqual(places('The Green Zone of the park was closed.', 'en', ['GB']).map((p) => p.place.name), []);
  assert.deepEqual(places('Des manifestants ont occupé la Zone verte de Bagdad.', 'fr', ['IQ']).map((p) => p.place.name).slice(0, 1), ['Green Zone (Baghdad)']);
});

test('names that are not places: peoples, the sides of a clash, a town inside a longer name, a name carried on by an Arabic article', () => {
  const names = (text: string, language: Language, countries: string[]) => places(text, language, countries).map((p) => p.place.name);
  assert.deepEqual(names('Turkana raiders attacked a village at dawn.', 'en', ['KE']), []);
  assert.deepEqual(names('La communauté Turkana a fui.', 'fr', ['KE']).filter((n) => n === 'Turkana'), []);
  assert.deepEqual(names('Clashes between Maasai and Kikuyu left three dead.', 'en', []), []);
  assert.deepEqual(names('Des affrontements entre Maasai et Kikuyu ont fait trois morts.', 'fr', []), []);
  assert.deepEqual(names('Members of the Mombasa Republican Council attacked a police post.', 'en', ['KE']), []);
  assert.deepEqual(names('Virginia Nyaiko was found dead.', 'en', ['KE']), []);
  assert.deepEqual(names('Traders protested in the Central Business District.', 'en', ['KE']), []);
  // A weekday or a month after a name says when, and carries no name on.
  assert.deepEqual(names('Renewed ethnic clashes in Moyale Monday injured five people.', 'en', []), ['Moyale']);
  assert.deepEqual(names('Des affrontements ont éclaté à Kidal mardi.', 'fr', ['ML']), ['Kidal']);
  // "Jurf al Saqr" is not the Emirati village of Al Jurf.
  assert.ok(!places('Les installations près de Jurf al Saqr ont été frappées.', 'fr', ['IQ']).some((p) => p.place.country_code === 'AE'));
  // But "the road between Maseno and Busia" names places.
  assert.deepEqual(names('Students blocked the road between Maseno and Busia.', 'en', ['KE']), ['Maseno', 'Busia']);
});

test('a division named only in GeoNames\' list ranks below a town of that name: "in Gaza" is not Mozambique\'s province', () => {
  const [gaza] = places('Des frappes ont eu lieu à Gaza.', 'fr', ['PS', 'IL']);
  assert.equal(gaza?.place.country_code, 'PS');
  // With a division word, the division.
  const [province] = places('Floods hit Gaza province in Mozambique.', 'en', ['MZ']);
  assert.equal(province?.place.country_code, 'MZ');
  assert.equal(province?.place.geo_precision, 3);
});

test('a name after a natural feature noun is the feature, not a town abroad that shares it', () => {
  assert.deepEqual(places('Police officers were beaten on an island in Lake Victoria.', 'en', ['KE']).filter((p) => p.entry?.kind === 'city').map((p) => p.place.name), []);
  assert.deepEqual(places('Des pêcheurs ont été enlevés sur le lac Tchad.', 'fr', ['NE']).filter((p) => p.entry?.kind === 'city').map((p) => p.place.name), []);
});

test('a direction of a country is where the people of that part live, within the country', () => {
  const [east] = places('Drones struck targets in eastern Syria.', 'en', ['SY']);
  const [north] = places('Des attaques ont eu lieu dans le nord du Mali.', 'fr', ['ML']);
  const shape = (code: string) => gazetteer().countryShape(code)!;
  for (const [p, code] of [[east, 'SY'], [north, 'ML']] as const) {
    const s = shape(code);
    assert.ok(p && p.place.lat! >= s.south && p.place.lat! <= s.north && p.place.lon! >= s.west && p.place.lon! <= s.east, `${p?.place.name} inside ${code}`);
  }
  // East of the middle of Syria's towns, north of the middle of Mali's.
  assert.ok(east!.place.lon! > (shape('SY').west + shape('SY').east) / 2);
  assert.ok(north!.place.lat! > (shape('ML').south + shape('ML').north) / 2);
});

test('the cached index answers as the index built from the data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-gaz-'));
  process.env.VIGIE_CACHE_DIR = dir;
  try {
    const built = new Gazetteer({ cache: false });
    new Gazetteer(); // writes the cache
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.v8')).length, 1);
    const cached = new Gazetteer(); // reads it
    for (const name of ['Erbil', 'Aïn al-Assad', 'Samarra', 'Kilifi', 'Syrie', 'الشدادي']) {
      assert.deepEqual(cached.lookup(nameKey(name)), built.lookup(nameKey(name)), name);
    }
    assert.deepEqual(cached.size, built.size);
  } finally {
    delete process.env.VIGIE_CACHE_DIR;
  }
});

test('admin1 and country are filled when known', () => {
  // Kenya's counties are not among the curated regions: their names come from GeoNames' list.
  const [ke] = places('A man was killed in Watamu.', 'en', ['KE']);
  assert.equal(ke?.place.admin1, 'Kilifi');
  const [p] = places('Explosions à Erbil.', 'fr', ['IQ']);
  assert.equal(p?.place.admin1, 'Erbil');
  assert.equal(p?.place.country, 'Iraq');
  assert.equal(p?.place.country_code, 'IQ');
});

// [sentence, language, context countries, expected place and country, or null for none]: how the name is written.
const NAME_FORMS: [string, Language, string[], string | null][] = [
  // A town named by its own name beats a larger one that lists the name among its alternates or respellings.
  ['Residents protested in Kisii on Monday.', 'en', [], 'Kisii KE'],
  ['Des habitants ont manifesté à Kisii.', 'fr', [], 'Kisii KE'],
  ['Police opened fire in the town of El Wak.', 'en', [], 'El Wak KE'],
  // A word that a small town abroad has as an alternate or respelled name is no place.
  ['Police guarded worshippers in Christian churches on Sunday.', 'en', [], null],
  ['Fighting was reported in Maasai areas on Sunday.', 'en', [], null],
  // "In" opening a sentence is no first name: "In Bondo town" names Bondo.
  ['In Bondo town, a chief was found dead.', 'en', ['KE'], 'Bondo KE'],
  // People of a place name it: "Limuru residents", "Gatundu County residents"; "les habitants de Gatundu" by its locative "de".
  ['On Monday, Limuru residents tried to lynch a man.', 'en', ['KE'], 'Limuru KE'],
  ['Les habitants de Gatundu ont bloqué la route.', 'fr', ['KE'], 'Gatundu KE'],
  ['Gatundu County residents held a demonstration.', 'en', ['KE'], 'Gatundu KE'],
  // A capitalised word opening a sentence is not taken for a small town even with people after it.
  ['Street traders held a demonstration.', 'en', [], null],
  // An institution stands in the town it is named after.
  ['On Monday, Garissa University students rioted.', 'en', ['KE'], 'Garissa KE'],
  ['Hundreds of Garissa High School students took to the streets.', 'en', ['KE'], 'Garissa KE'],
  // A respelling abroad opening a sentence is a word: "Running battles" is not Runing, China.
  ['Running battles were reported in the town.', 'en', [], null],
  // A division known only from GeoNames' list, abroad, opening a sentence: "Lamu residents" is not the Maldives' Laamu.
  ['Lamu residents took to the streets again.', 'en', ['KE'], 'Lamu KE'],
  // A noun of place after a name says where, as "in" does.
  ['A British man was attacked in his home in a Nairobi suburb.', 'en', ['GB'], 'Nairobi KE'],
  // A ship's name after its noun is the ship's, not the town it is named after.
  ['Des hommes armés ont attaqué le bateau Tombouctou sur le fleuve Niger.', 'fr', ['ML'], null],
  ['Gunmen fired on the tanker Mombasa off the coast.', 'en', ['KE'], null],
  ['A Houthi missile hit the carrier Luanda.', 'en', [], null],
  ['Un missile a touché le vraquier Luanda.', 'fr', [], null],
  // An apostrophe inside a transliterated name is a mark most writers leave out: "Marib" is Ma'rib by its own name.
  ['Demonstrators gathered in Marib on Friday.', 'en', [], "Ma'rib YE"],
  // A name ends at a full stop: "Lamu. The officers" is not a longer name.
  ['Youths threw stones at officers in Lamu. The officers fled.', 'en', [], 'Lamu KE'],
];
for (const [text, language, countries, expected] of NAME_FORMS) {
  test(`${language}: name form in "${text}"`, () => {
    const found = places(text, language, countries).filter((p) => p.rank <= 3);
    assert.equal(found[0] ? `${found[0].place.name} ${found[0].place.country_code}` : null, expected);
  });
}

// [sentence, language, context countries, place the event is at (most specific first), precision]: a road's ends.
const ROADS: [string, Language, string[], string, 1 | 2][] = [
  ['Transport was paralysed on the Nairobi-Mombasa highway in Emali.', 'en', ['KE'], 'Emali', 1],
  ['Locals blocked the Mpeketoni-Lamu road.', 'en', ['KE'], 'Lamu', 2],
  ['Des habitants ont bloqué la route Nairobi-Mombasa à Emali.', 'fr', ['KE'], 'Emali', 1],
  ['Four were killed along the Isiolo-Garissa border.', 'en', ['KE'], 'Garissa', 2],
];
for (const [text, language, countries, name, precision] of ROADS) {
  test(`${language}: a road's ends in "${text}"`, () => {
    const found = places(text, language, countries);
    const best = [...found].sort((a, b) => a.rank + (a.near ? 1.5 : 0) - (b.rank + (b.near ? 1.5 : 0)))[0];
    assert.equal(best?.place.name, name);
    assert.equal(best?.place.geo_precision, precision);
  });
}

// [sentence, language, context countries, the place the gazetteer lacks, the known area whose point it takes]
const UNKNOWN_IN_AREA: [string, Language, string[], string, string][] = [
  ['Gunmen attacked the village of Damase in Garissa county.', 'en', ['KE'], 'Damase', 'Garissa'],
  ['A grenade was hurled at a school in Likoni, Mombasa.', 'en', ['KE'], 'Likoni', 'Mombasa'],
  ['Drivers blocked a road in the area of Kiguchwa (Isiolo).', 'en', ['KE'], 'Kiguchwa', 'Isiolo'],
  ['A gunman was killed in the Lexington area of Nairobi.', 'en', ['KE'], 'Lexington', 'Nairobi'],
  ['The violence occurred in Ngara estate, Nairobi.', 'en', ['KE'], 'Ngara', 'Nairobi'],
  ['Des hommes armés ont attaqué le village de Khirbet al-Jaz, dans la province de Deraa.', 'fr', ['SY'], 'Khirbet al-Jaz', 'Daraa'],
  ['Une grenade a explosé à Likoni, Mombasa.', 'fr', ['KE'], 'Likoni', 'Mombasa'],
  // A bracket after a place holds where it lies, after a wider area the gazetteer may not know; a short name is a place there too.
  ['Artillery shelled the outskirts of Qaryat Zayn town (South, Douma).', 'en', ['SY'], 'Qaryat Zayn', 'Douma'],
  ['Artillery fired shells at Qaryat Zayn (Tyr).', 'en', ['LB'], 'Qaryat Zayn', 'Tyre'],
  // In a document that names no country, the bracket's area is taken in the spelling its writer uses ("Hasbeiya", GeoNames'
  // alternate of Hasbaiya): the bracket says it is an area, and the name before it is unknown.
  ['Shells fell on the hills around Kfar Zeitoun (Hasbeiya) at night.', 'en', [], 'Kfar Zeitoun', 'Hasbaiya'],
];
for (const [text, language, countries, name, areaName] of UNKNOWN_IN_AREA) {
  test(`${language}: an unknown place in a known area in "${text}"`, () => {
    const found = places(text, language, countries);
    const unknown = found.find((p) => p.place.name === name);
    const area = found.find((p) => p.place.name === areaName);
    assert.ok(unknown && area, found.map((p) => p.place.name).join(', '));
    assert.equal(unknown.entry, null);
    assert.equal(unknown.place.geo_precision, 3);
    assert.equal(unknown.place.country_code, area.place.country_code);
    assert.deepEqual([unknown.place.lat, unknown.place.lon, unknown.place.admin1], [area.place.lat, area.place.lon, area.place.admin1]);
  });
}

test('names not tied to a known area get no point, and words are not places', () => {
  // An unknown name with no area after it: no point is made up.
  assert.ok(!places('Gunmen attacked Kolbio on Monday.', 'en', ['KE']).some((p) => p.place.lat !== null && p.place.name === 'Kolbio'));
  // A month, a title and a person before a known town are no unknown places in it.
  assert.deepEqual(places('In October, Mombasa police arrested two men.', 'en', ['KE']).filter((p) => !p.entry).map((p) => p.text), []);
  assert.deepEqual(places('Residents of Kibera met Governor Joho in Mombasa.', 'en', ['KE']).filter((p) => !p.entry).map((p) => p.text), []);
  // The wards in the bracket after a known town are no reason to take a namesake's alternate abroad.
  assert.deepEqual([...new Set(places('Workers protested in Mombasa (Chaani, Mvita) over pay.', 'en', []).map((p) => p.place.country_code))], ['KE']);
  assert.deepEqual([...new Set(places('In Mombasa (Chaani, Mvita), workers protested over pay.', 'en', []).map((p) => p.place.country_code))], ['KE']);
  // A capital after a relation ("loyal to", "proches de") names its government, not where anything happened.
  assert.deepEqual(places('Militias loyal to Moscow struck a depot in the town of Kupiansk.', 'en', ['UA']).filter((p) => p.rank <= 4).map((p) => p.place.country_code), ['UA']);
  assert.deepEqual(places('Des milices proches de Téhéran ont frappé une base à Erbil.', 'fr', ['IQ']).filter((p) => p.rank <= 4).map((p) => p.place.country_code), ['IQ']);
  // A day after a place noun says when: "the village on Monday" names no village Monday.
  assert.deepEqual(places('Militants took control of the village on Monday.', 'en', ['SO']).map((p) => p.text), []);
  // A curated site abroad is no part of a local name: "Omar Jilo" in a Kenyan story is not Syria's al-Omar field.
  assert.ok(!places('Militants raided Omar Jilo, in northern Kenya.', 'en', ['KE']).some((p) => p.place.country_code === 'SY'));
});

test('a span reads the same places whether its document was read before it or not, and a span that cuts a word reads its own words', () => {
  const pack = languagePack('en');
  const text = 'Gunmen attacked a bus in Kwale County. Police shot two suspects in Ruiru on Monday. Fighting was reported near Samarra. Nairobi was calm.';
  const folded = fold(text);
  const ctx = { countries: ['KE'], foldedDocument: folded, excluded: [] };
  const of = (span: { start: number; end: number }) => findPlaceMentions(text, folded, span, pack, gazetteer(), ctx).map((p) => [p.start, p.end, p.place.name, p.rule]);
  const second = text.indexOf('Police');
  const spans = [
    { start: 0, end: text.length }, { start: second, end: text.indexOf('Fighting') - 1 },
    // Cut inside words: "Nairobi" read as "airobi", "Kwale" as "Kwa".
    { start: text.indexOf('Samarra') - 5, end: text.length }, { start: text.indexOf('Nairobi') + 1, end: text.length },
    { start: 0, end: text.indexOf('Kwale') + 3 }, { start: 3, end: 3 },
  ];
  const alone = spans.map((span) => {
    // The span as a text of its own, with no document read before it.
    const own = text.slice(span.start, span.end);
    const ownFolded = fold(own);
    return findPlaceMentions(own, ownFolded, { start: 0, end: own.length }, pack, gazetteer(), { ...ctx, foldedDocument: folded })
      .map((p) => [p.start + span.start, p.end + span.start, p.place.name, p.rule]);
  });
  const inDocument = spans.map(of);
  assert.deepEqual(inDocument, alone);
  assert.deepEqual(inDocument[1]!.map((p) => p[2]), ['Ruiru']);
  assert.deepEqual(inDocument[2]!.map((p) => p[2]), ['Samarra', 'Nairobi']);
  assert.deepEqual(inDocument[3], []);
  assert.deepEqual(inDocument[4]!.map((p) => p[2]), []);
});
