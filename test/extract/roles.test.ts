// Who acted and who was targeted, read off the dependency parse (src/extract/syntax-roles.ts), and
// civilians as a side of the events done to them. Sentences written for these tests.
import { eventsOf, testCaseTable, type Expected } from '../helpers/extract.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const EN: [string, Expected][] = [
  // Active and passive voice.
  ['Headline\n\nOn March 4, 2024, the Islamic State attacked a US convoy near Deir ez-Zor.',
    { actor1: 'Islamic State', actor2: 'Military Forces of the United States' }],
  ['Headline\n\nOn March 4, 2024, a US convoy was attacked by Islamic State militants near Deir ez-Zor.',
    { actor1: 'Islamic State', actor2: 'Military Forces of the United States' }],
  // A by-phrase the parser hangs on the resultative adjective ("shot dead by police") is the passive verb's agent.
  ['Headline\n\nOn March 4, 2024, a man was shot dead by police in Nairobi.',
    { actor1: 'Police Forces of Kenya', killed: 1 }],
  // Sides coordinated as the verb's subjects act together: neither is the other's target.
  ['Headline\n\nOn March 5, 2024, Hezbollah and Hamas fighters fired rockets at Metula.',
    { actor1: 'Hezbollah', actor2: null }],
  // …but the coordinated subjects of a fight are its two sides.
  ['Headline\n\nOn March 5, 2024, Al-Shabaab and Kenyan soldiers clashed in Mandera.',
    { actor1: 'Al Shabaab', actor2: 'Military Forces of Kenya' }],
  // "came under attack": active in form, passive in meaning.
  ['Headline\n\nOn March 4, 2024, a US convoy came under attack by Islamic State militants near Deir ez-Zor.',
    { actor1: 'Islamic State', actor2: 'Military Forces of the United States' }],
  // A light verb of carrying out.
  ['Headline\n\nHamas fighters launched an attack on Israeli troops near Khan Younis on March 5, 2024.',
    { actor1: 'Hamas', actor2: 'Military Forces of Israel' }],
  // A trigger in a clause of background ("hours after…") does not lead the sentence's event.
  ['Headline\n\nHours after an Israeli air strike, Hezbollah fired rockets at Kiryat Shmona on March 4, 2024.',
    { sub: 'Shelling/artillery/missile attack', actor1: 'Hezbollah', place: 'Kiryat Shmona' }],
  // The by-phrase of a participle that describes the attack or what delivered it names who acted; one that describes the target does not.
  ['Headline\n\nOn March 4, 2024, a Greek-owned tanker was struck by a drone off the coast of Yemen in an attack claimed by Yemen\'s Iran-backed Houthis.',
    { sub: 'Air/drone strike', actor1: 'Ansar Allah', actor2: null }],
  ['Headline\n\nOn March 4, 2024, a Liberian-flagged bulk carrier was hit by an anti-ship ballistic missile fired by Yemen\'s Houthis in the Red Sea.',
    { actor1: 'Ansar Allah' }],
  // Who shoots the drone down is the side attacked, also as the subject of the verb the shooting down is coordinated with.
  ['Headline\n\nOn March 4, 2024, US forces engaged a one-way attack drone a few kilometers from Al-Assad Air Base, Iraq, and successfully shot it down without further incident, an official said.',
    { sub: 'Air/drone strike', actor1: null, actor2: 'Military Forces of the United States' }],
  // The side named on the event noun of the verb's phrase ("killed in an X attack") is that event's author.
  ['Headline\n\nOn March 5, 2024, ten civilians were killed in an Islamic State attack in Beni.',
    { sub: 'Attack', actor1: 'Islamic State', killed: 10 }],
  // Forces not named by their state are the target when they are the victims a toll counts; their state is the place's.
  ['Headline\n\nOn March 5, 2024, three police officers were killed when their vehicle hit a roadside bomb in Lamu county, Kenya.',
    { actor2: 'Police Forces of Kenya', killed: 3 }],
  ['Headline\n\nGunmen killed five army soldiers in an attack near Boulsa, Burkina Faso, on March 5, 2024.',
    { actor2: 'Military Forces of Burkina Faso', killed: 5 }],
  // Soldiers named without their army may be anyone's (a group's, child soldiers, peacekeepers): no side of their own.
  ['Headline\n\nSoldiers killed four civilians near Kaya, Burkina Faso, on March 5, 2024, residents said.',
    { actor2: 'Civilians (Burkina Faso)', killed: 4 }],
  // A named side before the noun owns the soldiers.
  ['Headline\n\nOn March 5, 2024, RSF soldiers killed five civilians in El Fasher.',
    { actor1: 'Rapid Support Forces', actor2: 'Civilians (Sudan)' }],
  // Civilians as the side an attack was done to.
  ['Headline\n\nOn March 4, 2024, an Israeli air strike on a house in Rafah killed six civilians, medics said.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel', actor2: 'Civilians (Palestine)', killed: 6 }],
];

const FR: [string, Expected][] = [
  // Un groupe nommé dans le complément de nom d'une attaque en est l'auteur ; un nom commun peut être l'un ou l'autre camp,
  // et un complément d'agent en fait la cible.
  ['Titre\n\nLa porte-parole du Pentagone a expliqué que l\'avion avait les yeux rivés sur l\'attaque du Kataëb Hezbollah, le 5 mars 2024, près de la base d\'Aïn al-Assad.',
    { actor1: 'Kataib Hezbollah', actor2: null }],
  ['Titre\n\nLe 5 mars 2024, l\'attaque des soldats maliens par des jihadistes près de Gao a fait dix morts.',
    { actor1: null, actor2: 'Military Forces of Mali' }],
  ['Titre\n\nLe 5 mars 2024, l\'attaque du Hezbollah par l\'armée israélienne près de Naqoura a fait dix morts.',
    { actor1: 'Military Forces of Israel', actor2: 'Hezbollah' }],
  // Un corps armé dans le complément de nom de la frappe, fût-il accroché au complément nu de l'arme, en est l'auteur ;
  // de même le groupe nommé dans l'attaque où des victimes ont été tuées.
  ['Titre\n\nLe 5 mars 2024, une frappe de drone de l\'armée malienne a tué huit civils à Aguelhok.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Mali', killed: 8 }],
  ['Titre\n\nLe 5 mars 2024, dix civils ont été tués dans une attaque de l\'Etat islamique à Beni.',
    { actor1: 'Islamic State', killed: 10 }],
  ['Titre\n\nLe 5 mars 2024, une attaque de l\'armée malienne par des jihadistes près de Gao a fait dix morts.',
    { actor1: null, actor2: 'Military Forces of Mali' }],
  // Des gendarmes dont le bilan compte les morts sont la cible ; leur État est celui du lieu.
  ['Titre\n\nCinq gendarmes ont été tués le 5 mars 2024 dans une attaque contre leur poste à Torodi, au Niger.',
    { actor2: 'Police Forces of Niger', killed: 5 }],
  ['Titre\n\nLe 4 mars 2024, un convoi de l’armée malienne a subi une attaque près de Gao.',
    { actor1: null, actor2: 'Military Forces of Mali' }],
  ['Titre\n\nLe 4 mars 2024, la base de l’armée malienne à Gao a été la cible d’une attaque.',
    { actor1: null, actor2: 'Military Forces of Mali' }],
  // A place in what describes the side that acts says who acts, not where; a place that names the side is where.
  ['Titre\n\nDes soldats basés à Bamako ont attaqué un camp à Gao le 4 mars 2024.', { place: 'Gao' }],
  ['Titre\n\nLe 4 mars 2024, un pétrolier grec a été touché par un drone au large du Yémen lors d\'une attaque revendiquée par les Houthis.',
    { sub: 'Air/drone strike', actor1: 'Ansar Allah', actor2: null }],
  ['Titre\n\nLe 4 mars 2024, les forces américaines ont repéré un drone kamikaze à quelques kilomètres de la base d\'Aïn al-Assad, en Irak, et l\'ont abattu sans autre incident.',
    { sub: 'Air/drone strike', actor1: null, actor2: 'Military Forces of the United States' }],
  ['Titre\n\nLe 4 mars 2024, une frappe de drone a tué cinq civils à Gao.',
    { sub: 'Air/drone strike', actor2: 'Civilians (Mali)', killed: 5 }],
];

testCaseTable('en', EN);
testCaseTable('fr', FR);

test('roles: a side the parse cannot place keeps its reading by cues, and the trace names the tree path', () => {
  const [e] = eventsOf('Headline\n\nOn March 4, 2024, a US convoy came under attack by Islamic State militants near Deir ez-Zor.');
  const path = e!.trace.find((t) => t.field === 'actor2' && t.rule.startsWith('en.syntax.'));
  assert.ok(path, JSON.stringify(e!.trace));
  assert.match(path.rule, /^en\.syntax\.undergoes \(.*come.*\)$/);
});

test('roles: fighting between armed sides names no civilians, even where civilians are mentioned', () => {
  const [e] = eventsOf('Headline\n\nOn March 4, 2024, Hamas fighters clashed with Israeli troops near Khan Younis, residents said.');
  assert.notEqual(e?.actor2 ?? null, 'Civilians (Palestine)');
});
