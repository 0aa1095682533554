// The named actors of src/extract/actors.json as French and English news write them: each article, written for
// the test, yields one event whose sides are the canonical names (ACLED's style), and words that only look like
// an alias (a shipping line, "killed in action", a Kenyan gang) name no actor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, testCaseTable, type Expected } from '../helpers/extract.ts';

const EN: [string, Expected][] = [
  ['Headline\n\nOn March 4, 2024, JNIM fighters attacked an army post near Djibo.',
    { actor1: 'JNIM: Group for Support of Islam and Muslims' }],
  ['Headline\n\nOn March 5, 2024, Islamic State Sahel Province militants killed 12 civilians in a village near Menaka.',
    { actor1: 'Islamic State Sahel Province', killed: 12 }],
  ['Headline\n\nOn March 6, 2024, ISWAP fighters attacked a military base in Borno state, killing four soldiers.',
    { actor1: 'Islamic State West Africa Province' }],
  ['Headline\n\nOn March 7, 2024, Boko Haram militants abducted 20 women near Gwoza.',
    { actor1: 'Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad' }],
  ['Headline\n\nOn March 8, 2024, the Rapid Support Forces shelled a hospital in El Fasher, killing nine people.',
    { actor1: 'Rapid Support Forces', killed: 9 }],
  ['Headline\n\nOn March 9, 2024, M23 rebels clashed with Wazalendo fighters near Sake.',
    { actor1: 'M23: March 23 Movement', actor2: 'Wazalendo' }],
  ['Headline\n\nOn March 10, 2024, ADF rebels killed 15 villagers in an attack near Beni.',
    { actor1: 'ADF: Allied Democratic Forces', killed: 15 }],
  ['Headline\n\nOn March 11, 2024, the Arakan Army captured a junta outpost in Rakhine state after heavy fighting with the Myanmar military.',
    { actor1: 'AA: Arakan Army', actor2: 'Military Forces of Myanmar' }],
  ['Headline\n\nOn March 12, 2024, the Tatmadaw bombed a village held by the Kachin Independence Army, killing six people.',
    { actor1: 'Military Forces of Myanmar' }],
  ["Headline\n\nOn March 4, 2024, People's Defence Force fighters ambushed a military convoy in Sagaing region.",
    { actor1: "PDF: People's Defense Force" }],
  ['Headline\n\nOn March 5, 2024, Fano militias attacked Ethiopian army positions near Gondar.',
    { actor1: 'Fano Militia' }],
  ['Headline\n\nOn March 6, 2024, the Palestinian Islamic Jihad fired rockets at Sderot.',
    { actor1: 'Palestinian Islamic Jihad', weapons: ['rocket'] }],
  ['Headline\n\nOn March 7, 2024, Hayat Tahrir al-Sham fighters attacked Syrian army positions near Saraqeb.',
    { actor1: 'HTS: Hayat Tahrir al-Sham', actor2: 'Military Forces of Syria' }],
  ['Headline\n\nOn March 8, 2024, Pakistani Taliban militants attacked a police post in Dera Ismail Khan, killing three policemen.',
    { actor1: 'TTP: Tehreek-i-Taliban Pakistan' }],
  ['Headline\n\nOn March 9, 2024, fighters of the Southern Transitional Council clashed with Islah militants in Shabwa.',
    { actor1: 'STC: Southern Transitional Council' }],
  ['Headline\n\nOn March 10, 2024, the Uganda Peoples Defence Force shelled ADF positions in Ituri.',
    { actor1: 'Military Forces of Uganda', actor2: 'ADF: Allied Democratic Forces' }],
  // National armies by their own names and acronyms.
  ['Headline\n\nOn March 11, 2024, FARDC troops clashed with M23 rebels near Sake.',
    { actor1: 'Military Forces of the Democratic Republic of Congo', actor2: 'M23: March 23 Movement' }],
  ['Headline\n\nOn March 13, 2024, Fano militias ambushed an ENDF convoy near Bahir Dar.',
    { actor1: 'Fano Militia', actor2: 'Military Forces of Ethiopia' }],
];

const FR: [string, Expected][] = [
  ['Titre\n\nLe 4 mars 2024, des combattants du GSIM ont attaqué un poste de l’armée près de Djibo.',
    { actor1: 'JNIM: Group for Support of Islam and Muslims' }],
  ['Titre\n\nLe 5 mars 2024, l’État islamique au Sahel a attaqué le village de Tidermène, tuant 12 civils.',
    { actor1: 'Islamic State Sahel Province', killed: 12 }],
  ['Titre\n\nLe 6 mars 2024, des mercenaires de Wagner ont tué dix civils dans un village près de Niono.',
    { actor1: 'Wagner Group', killed: 10 }],
  ['Titre\n\nLe 7 mars 2024, les rebelles du Front de libération de l’Azawad ont attaqué un camp de l’armée malienne près de Kidal.',
    { actor1: 'FLA: Azawad Liberation Front', actor2: 'Military Forces of Mali' }],
  ['Titre\n\nLe 8 mars 2024, des Volontaires pour la défense de la patrie ont été tués dans une embuscade près de Dori.',
    { actor2: 'VDP: Volunteers for the Defense of the Homeland' }],
  ['Titre\n\nLe 9 mars 2024, les Forces de soutien rapide ont bombardé un marché d’El-Fasher, tuant huit personnes.',
    { actor1: 'Rapid Support Forces', killed: 8 }],
  ['Titre\n\nLe 10 mars 2024, les Forces armées soudanaises ont mené une frappe aérienne contre des positions des FSR à Omdourman.',
    { actor1: 'Military Forces of Sudan', actor2: 'Rapid Support Forces' }],
  ['Titre\n\nLe 11 mars 2024, des miliciens de la CODECO ont tué 14 civils dans un site de déplacés en Ituri.',
    { actor1: 'CODECO: Cooperative for the Development of Congo', killed: 14 }],
  ['Titre\n\nLe 12 mars 2024, des miliciens Maï-Maï ont attaqué une position des FDLR près de Masisi.',
    { actor1: 'Mai-Mai Militia', actor2: 'FDLR: Democratic Forces for the Liberation of Rwanda' }],
  ['Titre\n\nLe 4 mars 2024, la junte birmane a bombardé un camp de déplacés contrôlé par l’Armée pour l’indépendance kachin.',
    { actor1: 'Military Forces of Myanmar' }],
  ['Titre\n\nLe 5 mars 2024, les Brigades al-Qods ont tiré des roquettes sur Ashkelon.',
    { actor1: 'Palestinian Islamic Jihad', weapons: ['rocket'] }],
  ['Titre\n\nLe 6 mars 2024, le Corps des volontaires russes a attaqué un poste-frontière russe dans la région de Belgorod.',
    { actor1: 'Russian Volunteer Corps' }],
  ['Titre\n\nLe 7 mars 2024, des talibans pakistanais ont attaqué un poste de police au Waziristan du Nord.',
    { actor1: 'TTP: Tehreek-i-Taliban Pakistan' }],
  ['Titre\n\nLe 8 mars 2024, une frappe israélienne a tué deux combattants du mouvement Amal près de Tyr.',
    { actor1: 'Military Forces of Israel', actor2: 'Amal Movement' }],
  // Un nom plus long qui commence dans un autre (« groupe État islamique » / « État islamique au Sahel ») l'emporte.
  ['Titre\n\nLe 3 mars 2024, le groupe État islamique au Sahel a attaqué le camp de Tessit.',
    { actor1: 'Islamic State Sahel Province' }],
  // Les armées nationales par leur nom et leur sigle.
  ['Titre\n\nLe 11 mars 2024, des affrontements entre les FARDC et les rebelles du M23 ont fait dix morts près de Sake.',
    { actor1: 'Military Forces of the Democratic Republic of Congo', actor2: 'M23: March 23 Movement', killed: 10 }],
  ['Titre\n\nLe 12 mars 2024, les FAMa ont repoussé une attaque du JNIM contre leur camp de Boulkessi.',
    { actor1: 'JNIM: Group for Support of Islam and Muslims', actor2: 'Military Forces of Mali' }],
  ['Titre\n\nLe 13 mars 2024, les FACA ont attaqué des positions rebelles près de Bambari.',
    { actor1: 'Military Forces of the Central African Republic' }],
];

testCaseTable('en', EN);
testCaseTable('fr', FR);

// Words that only look like an alias name no actor.
const NOT_ACTORS: [string, string, string | null][] = [
  // Amal is a first name: only "Amal movement" / "mouvement Amal" is the party.
  ['a first name (fr)', 'Titre\n\nLe 4 mars 2024, des hommes armés ont tué Amal, une enseignante, près de Tyr.', 'Amal Movement'],
  // A file format is not the People's Defence Force.
  ['a file format', 'Headline\n\nOn March 4, 2024, gunmen attacked a village near Mandalay, according to a PDF report by a local group.', "PDF: People's Defense Force"],
  // "sac" is a French word, "SAC" an acronym only in English.
  ['a common word (fr)', 'Titre\n\nLe 4 mars 2024, un sac piégé a explosé sur un marché de Bamako.', 'Military Forces of Myanmar'],
  // A shipping line is not the Coordination of Azawad Movements.
  ['a shipping line', 'Headline\n\nOn March 4, 2024, Houthi rebels fired a missile at a CMA CGM container ship in the Red Sea.', 'CMA: Coordination of Azawad Movements'],
  // "KIA": killed in action.
  ['killed in action', 'Headline\n\nOn March 4, 2024, bandits ambushed a patrol near Garissa. Twelve reportedly KIA.', 'KIA: Kachin Independence Army'],
  // Nairobi's gangs called Taliban are not the Afghan Taliban.
  ['a Kenyan gang', 'Headline\n\nOn March 4, 2024, fighting between Mungiki and Taliban gangs left two people dead in Nairobi.', 'Taliban'],
  // The Ugandan army is not Myanmar's People's Defence Force.
  ['a state army with a similar name', 'Headline\n\nOn March 4, 2024, the Uganda Peoples Defence Force shelled a village near the Kenyan border.', "PDF: People's Defense Force"],
];

for (const [name, text, actor] of NOT_ACTORS) {
  test(`not an actor: ${name}`, () => {
    for (const e of eventsOf(text)) assert.ok(e.actor1 !== actor && e.actor2 !== actor, `${actor} in ${e.notes}`);
  });
}

test('aliases name one actor each, and ACLED-style names carry their acronym', async () => {
  const { readFileSync } = await import('node:fs');
  const { fold } = await import('../../src/text/fold.ts');
  const data = JSON.parse(readFileSync(new URL('../../src/extract/actors.json', import.meta.url), 'utf8')) as { actors: { canonical: string; fr?: string[]; en?: string[]; ar?: string[] }[] };
  for (const language of ['fr', 'en'] as const) {
    const owner = new Map<string, string>();
    for (const a of data.actors) {
      for (const alias of [...(a[language] ?? []), ...(a.ar ?? [])]) {
        if (alias.startsWith('re:')) continue;
        const key = fold(alias).replace(/[\s'-]+/g, ' ').replace(/^(?:l |the )/, '').trim();
        const other = owner.get(key);
        assert.ok(other === undefined || other === a.canonical, `${language} alias "${alias}" names both ${other} and ${a.canonical}`);
        owner.set(key, a.canonical);
      }
    }
  }
  assert.equal(new Set(data.actors.map((a) => a.canonical)).size, data.actors.length, 'one row per canonical name');
});
