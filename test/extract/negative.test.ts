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
  ['campaign (masculine plural frequency)', 'Titre\n\nDans le nord de Gaza, près de 3.000 personnes ont été tuées dans les bombardements incessants menés par l’armée.'],
  ['support of a campaign (en)', 'Headline\n\nSupported by US drone strikes and artillery from the African Union force, the government campaign is now in its second year.'],
  ['support of a campaign (fr)', 'Titre\n\nAppuyée par des frappes de drones américains, la campagne du gouvernement a gagné du terrain cette année.'],
  ['campaign (relentless)', 'Headline\n\nIn northern Gaza, nearly 3,000 people have been killed in relentless shelling by the army.'],
  ['statistic (percentage)', 'Titre\n\nLe rythme des attaques contre les forces américaines en Irak a augmenté de 30 % en deux semaines.'],
  ['statistic (en)', 'Headline\n\nThere have been at least 60 attacks on US forces in Iraq and Syria since October, the Pentagon said.'],
  ['threat', 'Titre\n\nLe groupe a averti que « désormais, les bases américaines en Irak feront l’objet de nos attaques ».'],
  ['threat (future after)', 'Titre\n\nLe chef du groupe a affirmé que « les opérations contre l’occupation se poursuivront ».'],
  ['threat (open fire)', 'Titre\n\nL’armée a menacé d’ouvrir le feu sur quiconque s’approcherait de la frontière près de Bamako.'],
  ['threat (en)', 'Headline\n\nThe group warned it will attack US bases in Iraq if the strikes continue.'],
  ['background period', 'Titre\n\nAu cours des deux derniers mois, les attaques contre les intérêts américains se sont multipliées à travers l’Irak.'],
  ['background without place or date', 'Titre\n\nLa résistance a ciblé des dizaines de fois des bases américaines avec des drones et des missiles.'],
  ['une période ouverte par « depuis » et une date', 'Titre\n\nDepuis le 7 octobre, des centaines de roquettes ont frappé le nord d\u2019Israël.'],
  ['a munition\'s blow threatened (en)', 'Headline\n\nThe army warned that shells fired from the east could hit the town of Kherson.'],
  ['a munition\'s blows over a period (en)', 'Headline\n\nSince October, shells fired from the east have hit the town of Kherson dozens of times.'],
  ['a named storm (en)', 'Headline\n\nStorm Daniel killed thousands of people in Derna on Monday.'],
  ['des inondations et leur fleuve (fr)', 'Titre\n\nLes inondations du fleuve Niger ont tué 20 personnes lundi à Niamey.'],
  ['floods in a relative clause (en)', 'Headline\n\nFloods that killed 40 people hit Maiduguri on Monday.'],
  ['des activités qui reprennent (fr)', 'Titre\n\nLes activités commerciales ont repris lundi à Goma.'],
  // An event named as what a trial, an anniversary or a debate is about is a reference, not news.
  ['the trial of an attack (fr)', 'Titre\n\nLe procès de l\u2019attentat de Bamako s\u2019est ouvert mardi.'],
  ['the trial of an attack (en)', 'Headline\n\nThe trial of the 2016 Grand-Bassam attack opened in Abidjan on Tuesday.'],
  ['a debate on an attack (fr)', 'Titre\n\nUn débat sur l\u2019attaque de Kidal a eu lieu mardi à la télévision.'],
  // What resumes is no ground retaken.
  ['des pourparlers qui reprennent (fr)', 'Titre\n\nLes pourparlers de paix ont repris mardi à Doha.'],
  // Deaths of nature or accident are no one's act.
  ['a storm (en)', 'Headline\n\nA storm killed three people in Lagos on Tuesday.'],
  ['floods read as a headline (en)', 'Headline\n\nFloods killed 12 people in Maiduguri on Tuesday.'],
  ['a landslide (en)', 'Headline\n\nThree people died in a landslide in Bukavu on Tuesday.'],
  ['la foudre (fr)', 'Titre\n\nTrois personnes ont été tuées par la foudre mardi à Bouaké.'],
  ['un accident (fr)', 'Titre\n\nTrois soldats ont été tués mardi dans un accident près de Gao.'],
  // A year alone, before the report's, dates history.
  ['history told by its year (en)', 'Headline\n\nIn 2021, jihadists killed 100 villagers in Tillaberi.'],
  ['history told by its year (fr)', 'Titre\n\nL\u2019attentat de 2016 a tué 19 personnes à Grand-Bassam.'],
  ['history in a relative clause (fr)', 'Titre\n\nLes États-Unis luttent contre l\u2019État islamique, qui s\u2019est emparé du territoire des deux pays en 2014.'],
  ['a sentence of death (en)', 'Headline\n\nA court in Niamey sentenced three men to death on Monday.'],
  // What a relative clause says of its noun over a period is no event, the clause set off or not.
  ['a relative clause of a period (en)', 'Headline\n\nThe RSF, which has shelled El Fasher since May, is accused of war crimes.'],
  // "may" before a verb is still a modal.
  // Acts summed up through the clause that describes them, with no day of their own, stay a summary.
  ['attacks summed up through their relative clause (fr)', 'Titre\n\nLes attaques jihadistes, qui se sont multipliées depuis janvier, ont tué plus de 300 civils au Burkina Faso.'],
  ['strikes summed up through their relative clause (en)', 'Headline\n\nAirstrikes by the army, which have intensified since January, killed more than 200 civilians in Sagaing.'],
  ['a running toll after a relative clause of a period (en)', 'Headline\n\nIn Darfur, where fighting has raged since April, the RSF have killed thousands of civilians.'],
  ['a modal may after "and" (en)', 'Headline\n\nAl-Shabaab militants are regrouping and may attack army bases in Mogadishu, officials said.'],
  ['a modal may after "this" (en)', 'Headline\n\nThis may trigger attacks on army bases in Mogadishu, police warned.'],
  // An event noun under a negative determiner happened nowhere.
  ['no attack (en)', 'Headline\n\nThere had been no attack on the base in Gao on Tuesday, officials said.'],
  ['aucune attaque (fr)', 'Titre\n\nAucune attaque n\'a visé la base de Gao mardi.'],
  ['un marché, pas une marche (fr)', 'Titre\n\nLes habitants ont fait leurs courses au marché de l\'opposition mardi à Conakry.'],
  ['a modal may (en)', 'Headline\n\nOfficials said the militants may attack the base in Garissa.'],
  ['background since (en)', 'Headline\n\nSince the assassination of the commander, US forces have been targeted repeatedly.'],
  ['bracketed photo credit caption (en)', 'A headline\n\nThe text is about diplomacy.\n\nSmoke billows after a strike on a village near the border on May 4, 2022 (Jane Doe / AFP)'],
  // A note's label names the kind of an event its sentence tells, not an event of its own.
  ['a label over a denied act (en)', 'Interception: On 6 March 2024, militants did not fire any rockets at Ashkelon.'],
  ['a label over no act (en)', 'Agreement: terms of use'],
  ['manifester un sentiment, le jour avant l\'objet', 'Titre\n\nLe 2 mars 2024, le Premier ministre a manifesté samedi son soutien aux victimes à Bamako.'],
  ['« manifeste », adjectif', 'Titre\n\nLe 2 mars 2024, à Bamako, le risque d\'une nouvelle crise est manifeste.'],
  ['self-immolation (no property set fire to)', 'Headline\n\nOn 5 March 2024, a man set fire to himself outside government offices in Tunis.'],
  ['« manifeste », adjectif devant « contre »', 'Titre\n\nLe 2 mars 2024, le ministre a fait preuve d\'une hostilité manifeste contre la France à Dakar.'],
  ['running total since a year (en)', 'Headline\n\nOn 5 March 2024, the ministry said 30,000 people have been killed in Gaza since 2023.'],
  ['running total since an abbreviated month (en)', 'Headline\n\nMore than 30,000 people have been killed in Gaza since Oct. 7, the ministry said.'],
  ['running total since a date (en)', 'Headline\n\nMore than 30,000 people have been killed in Gaza since October 7, according to the health ministry.'],
  ['bilan cumulé depuis une date (fr)', 'Titre\n\nPlus de 30 000 personnes ont été tuées à Gaza depuis le 7 octobre, selon le ministère de la Santé.'],
  ['manifester un sentiment (exprimer, pas protester)', 'Titre\n\nLe 2 mars 2024, les États-Unis ont manifesté leur soutien au gouvernement à Bamako.'],
  ['a call for a ceasefire (en)', 'Headline\n\nOn Saturday, the group called for an immediate ceasefire in Gaza and the delivery of aid.'],
  ['a ceasefire violated (en)', 'Headline\n\nOn March 4, 2024, residents of Goma said the ceasefire was violated again.'],
  ['une trêve rompue', 'Titre\n\nLe 4 mars 2024, la trêve a été rompue à Goma, selon des habitants.'],
  ['a doubt over a main verb after a relative clause (en)', 'Headline\n\nInvestigators are looking at whether the soldiers who were sent there attacked the camp near Laiza on 5 March 2024.'],
  ['a doubt (en)', 'Headline\n\nOn 9 October 2023, investigators said they were looking at whether the military had used a drone to target the camp near Laiza.'],
  ['a negated strike (en)', 'Headline\n\nOn July 9, 2023, the army said its jets did not strike any target in Omdurman.'],
  ['une frappe niée', 'Titre\n\nLe 9 juillet 2023, l’armée a assuré que ses avions n’avaient visé aucun objectif à Omdourman.'],
  ['a toll shared out among events (en)', 'Headline\n\nOn May 2, 2024, 40 fatalities were split across 4 events in the province.'],
  ['un appel à une trêve', 'Titre\n\nSamedi, les ministres ont réclamé une trêve humanitaire à Gaza.'],
  ['statistic (a total over a span of days)', 'Headline\n\nA total of 240 suspects were detained in security operations conducted from May 2 to May 9.'],
  ['victims told again ("the bodies")', 'Headline\n\nThe governor said some of the bodies are badly disfigured and will need DNA tests.'],
  ['habitual attacks (en)', 'Headline\n\nThe group still controls rural areas and continues to carry out deadly attacks in the capital.'],
  ['habitual attacks (fr)', 'Titre\n\nLe groupe reste implanté dans les zones rurales, d\'où il mène régulièrement des attentats contre des cibles militaires.'],
  ['a participle in a compound adjective (en)', 'Headline\n\nOn May 2, 2024, the government urged clans to rise up across Al-Shabaab-held areas of Hiraan.'],
  ['a participle in a compound adjective, rebels (en)', 'Headline\n\nAid convoys reached rebel-held towns near Idlib on May 2, 2024.'],
  ['a summary taken up by « ce qui » (fr)', 'Titre\n\nDepuis le mois de mars, les casernes de la région ont été visées à plus de trente reprises par des tirs de roquettes. Ce qui a conduit à quatre raids aériens menés par l’armée sur le territoire malien.'],
  ['statistic (an ordinal written out, en)', 'Headline\n\nIt was the eleventh airstrike on the town of Idlib this month, the monitor said.'],
  ['a summary with a trailing "since", taken up by "which" (en)', 'Headline\n\nArmy barracks in the region have been targeted by rocket fire since March. Which led to four air raids carried out by the army on Malian territory.'],
  ['a summary taken up by "which" (en)', 'Headline\n\nSince March, army barracks in the region have been targeted more than thirty times by rocket fire. Which led to four air raids carried out by the army on Malian territory.'],
  // A campaign named by "recent" in a sentence with no day and no count of its own is background.
  ['campaign (fr)', 'Titre\n\nLes installations ont servi à soutenir les récentes attaques contre les bases américaines en Irak et en Syrie.'],
  ['campaign (en)', 'A headline\n\nThe sites were used to support recent attacks on American bases in Iraq and Syria.'],
];

for (const [name, text] of NEGATIVE) {
  test(`no event: ${name}`, () => {
    const events = eventsOf(text, { published: '2024-03-14' });
    assert.deepEqual(events.map((e) => e.notes), []);
  });
}

// Figures that are no toll (issue 27, item 8): a toll is a count of people, so a decimal is none, and a
// figure no single event reaches is a statistic. The event stays; its toll is unknown, not invented.
const NO_TOLL: [string, string][] = [
  ['a figure beyond any event', 'Titre\n\nLe 6 mars 2024, une attaque de drone a fait 1 000 000 000 000 000 morts à Erbil.'],
  ['a million dead', 'Titre\n\nLe 6 mars 2024, une attaque de drone a fait 1 000 000 morts à Erbil.'],
  ['a decimal before the word', 'Titre\n\nLe 6 mars 2024, une attaque de drone a fait 0,5 mort à Erbil.'],
  ['a decimal is not two numbers', 'Titre\n\nLe 6 mars 2024, une attaque de drone a fait 2,5 morts à Erbil.'],
  ['a decimal after the verb', 'Titre\n\nLe 6 mars 2024, une attaque de drone à Erbil a tué 0,5 personne.'],
  ['a figure beyond any event (en)', 'Headline\n\nOn March 6, 2024, a drone strike on Erbil killed 1,000,000,000,000,000 people.'],
  ['a decimal (en)', 'Headline\n\nOn March 6, 2024, a drone strike on Erbil left 1.5 dead.'],
  ['a decimal after the verb (en)', 'Headline\n\nOn March 6, 2024, a drone strike on Erbil killed 0.5 people.'],
  ['"a million" is not one victim (en)', 'Headline\n\nOn March 6, 2024, a drone strike on Erbil killed a million people.'],
  ['an organ is no body (en)', 'Headline\n\nOn March 6, 2024, the UN\'s human rights body said gunmen attacked a village in Mandera.'],
  ['animals are no victims (en)', 'Headline\n\nOn March 6, 2024, an air strike on a farm near Gao killed cattle.'],
  ['un corps d’armée n’est pas un mort', 'Titre\n\nLe 6 mars 2024, le corps d’armée a frappé des positions jihadistes près de Djibo.'],
];

for (const [name, text] of NO_TOLL) {
  test(`no toll: ${name}`, () => {
    const events = eventsOf(text, { published: '2024-03-14' });
    assert.equal(events.length, 1, events.map((e) => e.notes).join(' | '));
    assert.equal(events[0]!.killed, null, events[0]!.notes);
    assert.equal(events[0]!.wounded, null, events[0]!.notes);
  });
}
