import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoEventOfType, eventsOf, only, testCaseTable, type Expected } from '../helpers/extract.ts';

// [article written for the test, expected fields of its one event]

const CASES: [string, Expected][] = [
  // Une relative entre virgules décrit son nom : sa période (« depuis des mois ») ne fait pas de l'acte qui suit un bilan.
  ['Titre\n\nLes rebelles du M23, qui contrôlent la ville depuis des mois, ont attaqué un camp près de Goma mardi.',
    { actor1: 'M23: March 23 Movement', place: 'Goma' }],
  // Celui à qui un bilan est attribué en est la source, pas un camp ; les lieux de l'attribution ne sont pas ceux de l'événement.
  ['Titre\n\nSelon le ministère de la Santé du gouvernement du Hamas, qui contrôle Gaza depuis 2007, le bombardement du camp de Jabaliya a fait 50 morts mardi.',
    { actor1: null, place: 'Jabalya', killed: 50 }],
  // « selon toute vraisemblance », « selon lesquelles » : personne n'est cité.
  ['Titre\n\nL\'attaque, selon toute vraisemblance menée par le JNIM, a visé un camp militaire près de Boulkessi lundi.',
    { actor1: 'JNIM: Group for Support of Islam and Muslims' }],
  ['Titre\n\nDes témoins ont confirmé des informations selon lesquelles des combattants du JNIM ont attaqué le camp de Boulkessi lundi.',
    { actor1: 'JNIM: Group for Support of Islam and Muslims' }],
  // L'objet d'un coup nomme où il tombe, comme « à » : « ont visé mardi Ansongo ».
  ['Titre\n\nDes jihadistes ont visé mardi Ansongo, tuant deux soldats.',
    { place: 'Ansongo' }],
  // Le plus-que-parfait d'un discours rapporté (« ont indiqué que des jihadistes avaient tué ») raconte l'événement.
  ['Titre\n\nLes autorités ont indiqué que des jihadistes avaient tué six soldats près de Djibo lundi.',
    { killed: 6, place: 'Djibo' }],
  // Le complément du nom d'une cible (« la base d'al-Tanf ») est le lieu de la cible, pas une provenance.
  ['Titre\n\nLa base d\'al-Tanf, dans la province syrienne de Homs, a été ciblée par plusieurs drones lundi.',
    { place: 'Al-Tanf' }],
  // « une marche de l'opposition » est une manifestation ; « au marché » (masculin) reste un marché.
  ['Titre\n\nLa police a dispersé mardi une marche de l\'opposition à Conakry.',
    { sub: 'Protest with intervention', place: 'Conakry' }],
  // « entre 20 et 30 » : un intervalle, dont la borne basse est le bilan sûr.
  ['Titre\n\nEntre 20 et 30 assaillants ont été neutralisés près de Djibo mardi.',
    { killed: 20 }],
  // « a annoncé qu'elle avait tué » : le locuteur raconte son propre acte.
  ['Titre\n\nL\'armée malienne a annoncé qu\'elle avait tué 25 terroristes près de Gao mardi.',
    { actor1: 'Military Forces of Mali', killed: 25 }],
  // « les FDS » : au Burkina Faso, les forces de défense et de sécurité du pays ; en Syrie, les Forces démocratiques syriennes.
  ['Titre\n\nLes FDS ont tué 10 terroristes près de Djibo mardi.',
    { actor1: 'Military Forces of Burkina Faso', killed: 10 }],
  ['Titre\n\nLes FDS ont repris Raqqa mardi après des combats avec l\'EI.',
    { actor1: 'Syrian Democratic Forces' }],
  // « a fait 14 morts le 12 mars » : le déterminant d'une date n'ouvre pas un complément d'objet.
  ['Titre\n\nL\'attaque de Djibo a fait 14 morts le 12 mars.',
    { killed: 14, date: '2024-03-12' }],
  // Des biens incendiés par des hommes armés sont une destruction de biens, pas une émeute ; des pneus brûlés par des
  // émeutiers restent une émeute.
  ['Titre\n\nDes hommes armés ont incendié le marché de Djibo mardi.',
    { sub: 'Looting/property destruction' }],
  ['Titre\n\nDes émeutiers ont incendié des pneus à Conakry mardi.',
    { sub: 'Violent demonstration' }],
  ['Titre\n\nDes jeunes en colère ont incendié des cases et des greniers à Kaya mardi.',
    { sub: 'Violent demonstration', actor1: 'Rioters (Burkina Faso)' }],
  // Le participe s'accorde : « les attaques ont été revendiquées », « les frappes ont été confirmées ».
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont attaqué deux postes près de Gao. Les attaques ont été revendiquées par le GSIM.',
    { claim: 'claimed', by: 'JNIM: Group for Support of Islam and Muslims' }],
  ['Titre\n\nLe 5 mars 2024, des roquettes ont frappé la base de Gao. Les frappes ont été confirmées par l\'armée malienne.',
    { claim: 'confirmed' }],
  // Le drone tombé sur la base d'une attaque revendiquée est l'arme de l'attaque, non un accident.
  ['Titre\n\nLe 5 mars 2024, l\'attaque contre la base d\'Aïn al-Assad a été revendiquée par la Résistance islamique en Irak. Un drone est tombé à l\'intérieur de la base, a indiqué une source militaire.',
    { sub: 'Air/drone strike', actor1: 'Islamic Resistance in Iraq', weapons: ['drone'] }],
  // Un État qui dit dans un communiqué le tir et son motif dit le sien (au plus-que-parfait aussi) ; sans motif, le tir qu'il a subi.
  ['Titre\n\nLe corps des Gardiens de la révolution avait annoncé dans un communiqué que des dizaines de missiles ont été tirés sur la base d\'Aïn al-Assad le 5 mars 2024 pour venger l\'assassinat du général.',
    { actor1: 'Islamic Revolutionary Guard Corps', claim: 'claimed', by: 'Islamic Revolutionary Guard Corps' }],
  ['Titre\n\nLe Pentagone a annoncé dans un communiqué que des missiles ont été tirés sur la base d\'Aïn al-Assad le 5 mars 2024.',
    { actor1: null, actor2: 'Military Forces of the United States', claim: 'confirmed' }],
  // Le motif de l'attaquant que rapporte l'État frappé ("en représailles à") n'en fait pas l'auteur.
  ['Titre\n\nLe Pentagone a annoncé dans un communiqué que des missiles ont été tirés sur la base d\'Aïn al-Assad le 5 mars 2024 en représailles à la frappe américaine.',
    { actor1: null, actor2: 'Military Forces of the United States' }],
  // L'auteur que le texte cite pour son propre acte le revendique ; un camp cité pour l'acte d'un autre n'est qu'une source.
  ['Titre\n\nLe 5 mars 2024, des combattants shebab ont attaqué un convoi près de Mandera, selon les Shebab.',
    { actor1: 'Al Shabaab', claim: 'claimed', by: 'Al Shabaab' }],
  ['Titre\n\nLe 5 mars 2024, l\'armée américaine a frappé un site radar près de Hodeïda, selon les Houthis.',
    { actor1: 'Military Forces of the United States', claim: 'reported' }],
  // Le complément d'agent de la revendication, le nom d'événement sujet, et un groupe nommé après son nom.
  ['Titre\n\nUne attaque à la roquette contre un poste de police de Mandera, le 5 mars 2024, a été revendiquée par les Shebab.',
    { actor1: 'Al Shabaab', actor2: null, claim: 'claimed', by: 'Al Shabaab' }],
  ['Titre\n\nLe 5 mars 2024, une attaque de drone contre le champ gazier de Conoco, en Syrie, a été revendiquée par un groupe baptisé « Résistance islamique en Irak ».',
    { actor1: 'Islamic Resistance in Iraq', claim: 'claimed', by: 'Islamic Resistance in Iraq' }],
  // Ceux qu'abrite un lieu frappé, dits dans une proposition qui le décrit, sont frappés avec lui.
  ['Titre\n\nLe 5 mars 2024, un drone est tombé à l\'intérieur de la base de Chaddadi, en Syrie, où sont déployées des troupes américaines et de la coalition internationale, a indiqué une source militaire syrienne.',
    { actor1: null, actor2: 'Military Forces of the United States' }],
  ['Titre\n\nLe 5 mars 2024, deux roquettes ont touché la base Victory, en Irak, qui accueille des soldats américains.',
    { actor1: null, actor2: 'Military Forces of the United States' }],
  // « n'a pas fait de victimes » : un zéro dit ; « aucun mort » ne dit rien des blessés.
  ['Titre\n\nL\'attaque de drone survenue le 5 mars 2024 contre la base de Harir, en Irak, n\'a pas fait de victimes.',
    { killed: 0, wounded: 0 }],
  ['Titre\n\nLe 5 mars 2024, une attaque de drone contre la base de Harir, en Irak, n\'a fait aucun mort, mais trois soldats ont été blessés.',
    { killed: 0, wounded: 3 }],
  ['Titre\n\nLe 5 mars 2024, une attaque de drone contre la base de Harir, en Irak, n\'a pas fait de morts.',
    { killed: 0, wounded: null }],
  // Un titre au participe passif (« attaquées par ») : les bases nommées avant sont la cible.
  ['Deux bases militaires américaines attaquées par des drones en Syrie\n\nLe Pentagone n\'a pas donné de détails.',
    { actor1: null, actor2: 'Military Forces of the United States', sub: 'Air/drone strike' }],
  // « lancer des drones contre » est une attaque ; « ce qu'a revendiqué X » : X revendique.
  ['Titre\n\nLe 5 mars 2024, des drones ont été lancés contre la base américaine d\'al-Tanf, en Syrie.',
    { sub: 'Air/drone strike', place: 'Al-Tanf', actor2: 'Military Forces of the United States' }],
  ['Titre\n\nLe 5 mars 2024, la base américaine d\'al-Tanf, en Syrie, a été la cible de drones, ce qu\'a revendiqué la Résistance islamique en Irak.',
    { actor1: 'Islamic Resistance in Iraq', claim: 'claimed', by: 'Islamic Resistance in Iraq' }],
  // Une capitale nommée pour son gouvernement (« sans le consentement de Damas ») n'est pas un lieu.
  ['Titre\n\nLe 5 mars 2024, la Résistance islamique en Irak a lancé des drones contre les bases américaines installées dans le nord de la Syrie sans le consentement de Damas.',
    { sub: 'Air/drone strike', place: 'northern Syria' }],
  // « soutenu par l'Iran » est une relation, pas le cadre de l'événement : le lieu qui suit reste le sien.
  ['Titre\n\nLe 21 novembre 2023, les États-Unis ont lancé des frappes aériennes sur deux installations utilisées par le groupe Kataib Hezbollah, soutenu par l\'Iran, en Irak.',
    { place: 'Iraq', actor1: 'Military Forces of the United States' }],
  // Des forces de l'État qui reprennent des localités, chassent un groupe d'un village : du terrain regagné.
  ['Titre\n\nLe 4 mars 2024, l\'armée malienne a reconquis plusieurs localités près de Gao.',
    { sub: 'Government regains territory' }],
  ['Titre\n\nLe 4 mars 2024, l\'armée malienne a chassé les rebelles du village de Tarkint, près de Gao.',
    { sub: 'Government regains territory' }],
  // Une marche pacifique : manifester.
  ['Titre\n\nLe 5 mars 2024, une marche pacifique a réuni des milliers de personnes à Dakar.',
    { sub: 'Peaceful protest', place: 'Dakar' }],
  // « Manifester » sans complément d'objet : le jour ou le lieu peut venir avant la préposition, ou rien après.
  ['Titre\n\nDes milliers de personnes ont manifesté samedi 2 mars 2024 à Bamako contre la vie chère.',
    { sub: 'Peaceful protest', place: 'Bamako' }],
  ['Titre\n\nLe 2 mars 2024, à Bamako, des milliers de personnes ont manifesté.',
    { sub: 'Peaceful protest', place: 'Bamako' }],
  // Un échange de prisonniers, quelle qu'en soit la tournure, est un accord mis en œuvre.
  ['Titre\n\nLe 5 mars 2024, le gouvernement a libéré 30 rebelles près de Gao en échange de la libération de 16 soldats.',
    { sub: 'Agreement' }],
  ['Titre\n\nLe 5 mars 2024, la Croix-Rouge a supervisé un échange de 40 prisonniers de guerre près de Donetsk.',
    { sub: 'Agreement' }],
  // La phrase suivante reprend la prise et dit que l'autre camp s'est retiré : une passation, non une conquête.
  ['Titre\n\nLe 5 mars 2024, les rebelles ont pris le contrôle de la ville de Kitshanga. Ils se sont emparés de la ville après le retrait de l\'armée.',
    { sub: 'Non-violent transfer of territory' }],
  // « X, entre A et B » : A et B situent X, ce ne sont pas d'autres lieux de l'événement.
  ['Titre\n\nLe 5 mars 2024, un bateau a été attaqué par des jihadistes dans le secteur de Gourma-Rharous, entre Tombouctou et Gao.',
    { place: 'Gourma Rharous' }],
  // Ce qui ressemble à un cue sans l'être : « quotidiens » (les journaux), « une frappe par drone » (un nom, pas un
  // participe passif), « une personne » (pas « personne ne »).
  ['Titre\n\nLe 5 mars 2024, une frappe de drone a tué trois civils à Gao, selon les quotidiens locaux.',
    { sub: 'Air/drone strike', weapons: ['drone'], killed: 3 }],
  ['Les Houthis revendiquent une frappe par drone contre un navire en mer Rouge\n\nLe texte ne dit rien de plus.',
    { actor1: 'Ansar Allah' }],
  ['Titre\n\nLe 5 mars 2024, un drone a frappé la base d\'Aïn al-Assad, blessant une personne selon le Pentagone, qui a confirmé la frappe.',
    { claim: 'confirmed', wounded: 1 }],
  // Une confirmation dite absente ne confirme rien, ni par son verbe ni par celui qui parle.
  ['Titre\n\nLe 5 mars 2024, un drone a frappé la base de Chaddadi, en Syrie. Le Pentagone n\'a pas confirmé l\'attaque.',
    { actor1: null, claim: 'reported' }],
  ['Titre\n\nLe 5 mars 2024, un drone a frappé la base de Chaddadi, en Syrie. « Nous n\'avons vu aucun rapport qui confirme » cette attaque, a déclaré un responsable américain.',
    { actor1: null, claim: 'reported' }],
  // « Depuis l'aube » : une période du jour même, un événement en cours, pas un bilan.
  ['Titre\n\nLe 5 mars 2024, depuis l\'aube, des combats opposent des soldats à des rebelles près de Goma.',
    { sub: 'Armed clash', place: 'Goma' }],
  // Un braqueur seul est armé comme sa bande : les gendarmes qui l'abattent combattent.
  ['Titre\n\nLe 5 mars 2024, des gendarmes ont abattu un braqueur près de Gao.',
    { sub: 'Armed clash', place: 'Gao' }],
  ['Titre\n\nLe 5 mars 2024, les rebelles ont pris le contrôle de la ville de Kitshanga après le retrait d\'Al-Shabaab.',
    { sub: 'Non-violent transfer of territory' }],
  // « Depuis » suivi d'un lieu dit d'où, pas depuis quand ; un projectile sujet d'un verbe d'impact est un coup.
  ['Titre\n\nLe 5 mars 2024, des obus tirés depuis la rive gauche ont frappé une école à Kherson.',
    { sub: 'Shelling/artillery/missile attack', place: 'Kherson' }],
  ['Titre\n\nLe 5 mars 2024, un drone lancé depuis le Yémen a frappé un navire près de Hodeïda.',
    { sub: 'Air/drone strike' }],
  // Une partie des engins abattus n'est pas une victime ; une partie des assaillants, si.
  ['Titre\n\nLe 5 mars 2024, des drones ont visé une base près d\'Erbil. L\'un des drones a été neutralisé.',
    { sub: 'Air/drone strike', killed: null }],
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont attaqué un poste près de Gao. L\'un des assaillants a été tué.',
    { killed: 1 }],
  // Un terrain pris sans combat, ou après le retrait de l'autre camp, change de mains sans violence.
  ['Titre\n\nLe 5 mars 2024, les rebelles ont pris le contrôle de la ville de Kitshanga sans combat.',
    { sub: 'Non-violent transfer of territory', place: 'Kitshanga' }],
  // Un rassemblement de combattants ou de leurs véhicules est une cible, pas une manifestation.
  ['Titre\n\nLe 5 mars 2024, l\'armée malienne a annoncé avoir frappé un rassemblement de terroristes près de Bourem.',
    { sub: 'Air/drone strike', place: 'Bourem', actor1: 'Military Forces of Mali' }],
  ['Titre\n\nLe 5 mars 2024, des centaines de personnes ont tenu un rassemblement devant la mairie de Goma.',
    { sub: 'Peaceful protest', place: 'Goma' }],
  // Un cadre se tient là où l'événement a lieu : l'événement sans lieu propre est au lieu de ce sur fond de quoi il se passe.
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont échangé des tirs avec des soldats sur fond de bombardements à Khan Younès.',
    { sub: 'Armed clash', date: '2024-03-05', place: 'Khan Yunis' }],
  // « au Nord-Est de Bourem » : un côté de la ville, pas une division nommée Nord-Est (Haïti), ni un nom de personne.
  ['Titre\n\nLe mardi 12 septembre 2023, des frappes aériennes ont ciblé des véhicules au Nord-Est de Bourem.',
    { place: 'Bourem', precision: 2 }],
  // Une date dans ce qu'ouvre « depuis » (« depuis la fin de la trêve le 1er décembre ») dit le début d'une période, pas le jour de l'événement.
  ['Titre\n\nL\'armée israélienne a frappé un immeuble à Gaza, la frappe la plus meurtrière depuis la fin de la trêve le 1er décembre 2023.',
    { sub: 'Air/drone strike', date: '2024-03-14', place: 'Gaza' }],
  // L'agent de « revendiqué par » est l'auteur qui revendique, même après la revendication et dans une relative.
  ['Titre\n\nSix personnes ont été tuées samedi dans un attentat suicide, qui a été revendiqué par le groupe terroriste Shebab, contre un poste militaire à Mogadiscio.',
    { sub: 'Suicide bomb', actor1: 'Al Shabaab', claim: 'claimed', by: 'Al Shabaab' }],
  // « bombardement » seul est un bombardement (comme « shelling ») : sans mot de l'aviation, des tirs d'artillerie ou de missiles.
  ['Titre\n\nLe samedi 8 juillet 2023, un bombardement sur le quartier de Dar es Salam à Omdourman a fait 22 morts parmi les civils.',
    { sub: 'Shelling/artillery/missile attack', killed: 22, date: '2023-07-08' }],
  // Des drones abattus ne sont pas des morts : une arme, un véhicule ou un bâtiment ne compte aucune victime.
  ['Titre\n\nLe 4 mars 2024, des drones ont visé la base d\'al-Tanf. Deux drones d\'attaque ont été abattus.',
    { sub: 'Air/drone strike', killed: null }],
  // « neutralisés » : des combattants tués, dans la langue des communiqués militaires ; des drones neutralisés ne sont personne.
  ['Titre\n\nLe dimanche 26 novembre 2023, au moins 63 assaillants, dont plusieurs chefs, ont été neutralisés par l\'armée près de Djibo.',
    { killed: 63 }],
  ['Titre\n\nLe 4 mars 2024, des drones ont visé la base d\'al-Tanf. Deux drones d\'attaque ont été neutralisés.',
    { killed: null }],
  // Des jeunes qui affrontent une incursion de l'armée résistent à une opération : aucune manifestation n'est dite, une foule l'est.
  ['Titre\n\nLe 5 mars 2024, des jeunes ont affronté des soldats lors d\'une incursion à Ménaka.',
    { sub: 'Mob violence' }],
  // La violence dénoncée ou le contexte d'une manifestation ne la rend pas violente.
  ['Titre\n\nLe 5 mars 2024, des centaines de personnes ont manifesté à Bamako contre la vague de violence qui frappe le centre du pays.',
    { sub: 'Peaceful protest' }],
  // Un verbe pronominal n'est pas un meurtre : « se sont abattus » (tombés), pas « abattus ».
  ['Titre\n\nMercredi 6 mars 2024, dix missiles se sont abattus sur la base aérienne d\'Aïn al-Assad, sans faire de victime.',
    { killed: 0 }],
  // Un bilan compté depuis ou jusqu'à une date est un cumul, pas celui de l'événement.
  ['Titre\n\nLe 9 mars 2024, une frappe aérienne a touché une maison à Rafah. Le ministère a recensé 31 000 morts depuis le 7 octobre.',
    { sub: 'Air/drone strike', killed: null }],
  ['Titre\n\nLe 4 mars 2024, des avions américains ont frappé un poste de commandement à Jurf al-Sakhar, au sud de Bagdad.',
    { sub: 'Air/drone strike', date: '2024-03-04', place: 'Jurf al-Nasr', precision: 1 }],
  ['Titre\n\nLe 4 mars 2024, des habitants de Mtwapa, dans le comté de Mombasa, ont manifesté contre l’accaparement de leurs terres.',
    { sub: 'Peaceful protest', date: '2024-03-04', place: 'Mtwapa', precision: 1 }],
  ['Titre\n\nLa Résistance islamique en Irak a revendiqué lundi 4 mars 2024 une attaque de drones contre la base d’Aïn al-Assad.',
    { sub: 'Air/drone strike', date: '2024-03-04', place: 'Ain al-Asad Air Base', precision: 1, actor1: 'Islamic Resistance in Iraq', actor2: null, weapons: ['drone'], claim: 'claimed', by: 'Islamic Resistance in Iraq' }],
  ['Titre\n\nMardi, des roquettes ont été tirées sur la base américaine de Harir, selon des sources locales.',
    { sub: 'Shelling/artillery/missile attack', date: '2024-03-12', place: 'Harir Air Base', actor1: null, actor2: 'Military Forces of the United States', weapons: ['rocket'], claim: 'reported' }],
  ['Titre\n\nUn convoi logistique de l’armée américaine a été pris pour cible jeudi matin dans le sud de l’Irak. Aucun groupe n’a revendiqué l’attaque.',
    { sub: 'Remote explosive/landmine/IED', date: '2024-03-14', precision: 3, actor2: 'Military Forces of the United States', claim: 'reported' }],
  ['Titre\n\nLe 2 février 2024, trois soldats syriens et un civil ont été tués et cinq autres blessés par l’explosion d’une voiture piégée à Damas.',
    { sub: 'Remote explosive/landmine/IED', date: '2024-02-02', place: 'Damascus', killed: 4, wounded: 5, weapons: ['ied'] }],
  ['Titre\n\nL’armée israélienne a mené mercredi une frappe aérienne contre des positions du Hezbollah près de Nabatieh, tuant deux combattants.',
    { sub: 'Air/drone strike', date: '2024-03-13', actor1: 'Military Forces of Israel', actor2: 'Hezbollah', precision: 2, weapons: ['aircraft'], killed: 2 }],
  ['Titre\n\nDes affrontements ont opposé samedi 9 mars 2024 les Forces démocratiques syriennes à des combattants de Daech près de Hassaké.',
    { sub: 'Armed clash', date: '2024-03-09', actor1: 'Syrian Democratic Forces', actor2: 'Islamic State' }],
  ['Titre\n\nUn drone américain s’est écrasé lundi près de la route de Deir ez-Zor, a rapporté l’agence SANA.',
    { sub: 'Other', date: '2024-03-11', cited: ['SANA'] }],
  ['Titre\n\nDes centaines de manifestants se sont rassemblés vendredi à Bagdad. Des manifestations ont eu lieu devant le ministère.',
    { sub: 'Peaceful protest', date: '2024-03-08', place: 'Baghdad' }],
  ['Titre\n\nLe Pentagone a confirmé jeudi 14 mars 2024 qu’une roquette était tombée près de l’aéroport d’Erbil, sans faire de victimes.',
    { sub: 'Shelling/artillery/missile attack', place: 'Erbil International Airport', claim: 'confirmed', killed: 0, wounded: 0 }],
  // Les responsables de tout État que le lexique nomme confirment.
  ['Titre\n\nMardi 12 mars 2024, une frappe de drone a visé un dépôt près de Koursk, selon un responsable militaire russe.',
    { sub: 'Air/drone strike', date: '2024-03-12', claim: 'confirmed' }],
  ['Titre\n\nMardi 12 mars 2024, des hommes armés ont ouvert le feu sur un café de Bamako.',
    { sub: 'Attack', date: '2024-03-12', place: 'Bamako', weapons: ['small_arms'] }],
  ['Titre\n\nMardi 12 mars 2024, des hommes armés ont attaqué des habitations à Bamako.',
    { sub: 'Attack', date: '2024-03-12', place: 'Bamako' }],
  ['Titre\n\nLundi 11 mars 2024, un drone a visé la base de Harir, une installation de la coalition créée pour combattre l’Etat islamique.',
    { sub: 'Air/drone strike', place: 'Harir Air Base', actor2: null, date: '2024-03-11' }],
  ['Titre\n\nLe 6 mars 2024, des combattants des Forces démocratiques syriennes luttant contre l’Etat islamique ont affronté ses jihadistes près de Hassaké.',
    { sub: 'Armed clash', actor1: 'Syrian Democratic Forces', actor2: 'Islamic State' }],
  // Les victimes décident : un policier est armé ; le sujet d'un verbe actif avec objet est l'auteur, pas la victime.
  ['Titre\n\nLe 7 mars 2024, deux policiers ont été tués par des hommes armés à Gao.',
    { sub: 'Armed clash', killed: 2, date: '2024-03-07' }],
  ['Titre\n\nLe 7 mars 2024, des soldats ont tué trois bergers près de Mopti.',
    { sub: 'Attack', killed: 3, date: '2024-03-07' }],
  // Une embuscade contre un car de passagers frappe des civils.
  ['Titre\n\nLe 8 mars 2024, des hommes armés ont tendu une embuscade à un car de passagers près de Gao.',
    { sub: 'Attack', date: '2024-03-08' }],
  // Une riposte dans la phrase suivante fait de l'attaque un combat.
  ['Titre\n\nLe 9 mars 2024, des bandits ont attaqué un village près de Mopti. Les gendarmes ont riposté.',
    { sub: 'Armed clash', date: '2024-03-09' }],
  // Une manifestation racontée en deux phrases est une seule manifestation.
  ['Titre\n\nLe 11 mars 2024, des étudiants ont manifesté à Dakar contre la hausse des frais. Des manifestants ont incendié des pneus.',
    { sub: 'Violent demonstration', date: '2024-03-11', place: 'Dakar' }],
  ['Titre\n\nLe 13 mars 2024, des milliers de personnes ont manifesté à Niamey, sans heurts ni violences.',
    { sub: 'Peaceful protest', date: '2024-03-13' }],
  // Des communautés qui s'affrontent sont des camps armés ; une foule qui frappe est une foule.
  ['Titre\n\nLe 14 mars 2024, des affrontements intercommunautaires ont fait trois morts près de Mopti.',
    { sub: 'Armed clash', date: '2024-03-14' }],
  ['Titre\n\nLe 14 mars 2024, un voleur présumé a été battu à mort par la foule à Bouaké.',
    { sub: 'Mob violence', date: '2024-03-14' }],
  // Des « frappes » d'un État sans arme nommée sont des frappes aériennes.
  ['Titre\n\nLe 16 mars 2024, les Etats-Unis ont mené des frappes contre deux dépôts près d’Al-Qaïm.',
    { sub: 'Air/drone strike', date: '2024-03-16' }],
  // "battu à mort", "lapidé à mort": a killing.
  ['Titre\n\nLe 6 mars 2024, un homme a été battu à mort par des policiers à Isiolo.',
    { sub: 'Attack', date: '2024-03-06', place: 'Isiolo' }],
  ['Titre\n\nLe 6 mars 2024, un voleur présumé a été lapidé à mort à Garissa.',
    { sub: 'Attack', date: '2024-03-06', place: 'Garissa' }],
  // The number before an active verb counts its authors; the one after, its victims.
  ['Titre\n\nLe 6 mars 2024, deux hommes armés ont tué trois soldats à Gao.',
    { date: '2024-03-06', killed: 3, place: 'Gao' }],
  ['Titre\n\nLe 6 mars 2024, un soldat a été tué à Gao.',
    { date: '2024-03-06', killed: 1, place: 'Gao' }],
  // Des émeutiers qui s'en prennent à des personnes hors d'une manifestation sont une foule violente.
  ['Titre\n\nLe 6 mars 2024, des émeutiers ont attaqué deux gardiens de prison à Ruiru.',
    { sub: 'Mob violence', date: '2024-03-06', place: 'Ruiru' }],
  ['Titre\n\nLe 6 mars 2024, des étudiants qui manifestaient contre les frais ont caillassé la police lors d’émeutes à Nyeri.',
    { sub: 'Violent demonstration', date: '2024-03-06', place: 'Nyeri' }],
  ['Titre\n\nLe 6 mars 2024, des femmes ont manifesté à Dakar pour la fin des violences faites aux femmes.',
    { sub: 'Peaceful protest', date: '2024-03-06', place: 'Dakar' }],
  // Un événement raconté sans lieu a eu lieu là où son paragraphe est situé.
  ['Titre\n\nDes soldats ont été déployés à Kirkouk mercredi. Deux civils ont été tués par balle.',
    { place: 'Kirkuk', country: 'IQ', killed: 2 }],
  // Un lieu que le gazetteer ignore, rattaché à une zone qu'il connaît : son nom, le point de la zone, précision 3.
  ['Titre\n\nLe 5 mars 2024, une grenade a explosé dans une école à Likoni, Mombasa.',
    { sub: 'Grenade', date: '2024-03-05', place: 'Likoni', country: 'KE', precision: 3 }],
  // La police qui attaque des manifestants intervient dans la manifestation.
  ['Titre\n\nLe 5 mars 2024, la police a attaqué des manifestants à Kisumu.', { sub: 'Protest with intervention', place: 'Kisumu' }],
  // Une partie d'un bilan ne s'y ajoute pas.
  ['Titre\n\nLe 5 mars 2024, la police a tiré sur des manifestants à Kisumu. Trente personnes ont été blessées, dont cinq grièvement.',
    { place: 'Kisumu', wounded: 30 }],
  ['Titre\n\nLe 5 mars 2024, la police a tiré sur des manifestants à Kisumu. Parmi les 29 blessés, 26 ont été blessés par balle.',
    { place: 'Kisumu', wounded: 29 }],
  // Des foules qui s'affrontent, entre elles ou avec la police, font une émeute ; des hommes armés, une bataille.
  ['Titre\n\nLe 6 mars 2024, des partisans de deux candidats rivaux se sont affrontés à Kisumu.', { sub: 'Mob violence', place: 'Kisumu' }],
  ['Titre\n\nLe 6 mars 2024, des jeunes se sont affrontés avec la police à Abidjan.', { sub: 'Mob violence', place: 'Abidjan' }],
  ['Titre\n\nLe 6 mars 2024, des éleveurs et des agriculteurs se sont affrontés près de Mopti.', { sub: 'Armed clash', precision: 2 }],
  // Des arrestations racontées juste après une attaque, sans lieu à elles, en sont la suite.
  ['Titre\n\nLe 6 mars 2024, des hommes armés ont tué un commerçant à Gao. Deux suspects ont été arrêtés.', { sub: 'Attack', killed: 1, place: 'Gao' }],
  // Des violences auxquelles une attaque est liée en sont le contexte, pas le type.
  ['Titre\n\nLe 6 mars 2024, deux civils ont été tués à Ménaka dans des attaques liées aux violences intercommunautaires.', { sub: 'Attack', killed: 2 }],
  // Des membres comptés d'un groupe sont la cible du verbe, pas son auteur.
  ["Titre\n\nLe 6 mars 2024, l'armée a tué quatre membres de l'Etat islamique près de Raqqa.", { sub: 'Armed clash', actor2: 'Islamic State', killed: 4 }],
  // Un enlèvement qui finit par un meurtre est l'attaque.
  ['Titre\n\nLe 6 mars 2024, des hommes armés ont enlevé puis tué un commerçant à Gao.', { sub: 'Attack', killed: 1, place: 'Gao' }],
  // Un conflit nommé après « lors des » est le cadre de l'attaque racontée.
  ['Titre\n\nLe 6 mars 2024, des assaillants ont attaqué un enseignant à Mopti lors des violences intercommunautaires.', { sub: 'Attack', place: 'Mopti' }],
  // Un nombre écrit par groupes de trois chiffres est un seul nombre.
  ['Titre\n\nLe 6 mars 2024, 1 200 personnes ont été tuées dans des frappes sur Khartoum.', { killed: 1200, place: 'Khartoum' }],
  // Le bilan d'une proposition relative accrochée au contexte (« en représailles au … où … ») est celui du contexte.
  ["Titre\n\nLe 6 mars 2024, des drones ont frappé la base d'al-Harir, en représailles au soutien américain à Israël dans la bande de Gaza, où plus de 10 800 Palestiniens, pour la plupart des femmes, ont été tués.",
    { sub: 'Air/drone strike', place: 'Harir Air Base', killed: null }],
  // Une date que le calendrier n'a pas, ou d'une année qu'aucune nouvelle ne raconte : pas de date plutôt qu'une fausse.
  ['Titre\n\nLe lundi 35 décembre 2023, une attaque de drone a frappé la base de Harir.', { sub: 'Air/drone strike', date: null }],
  ['Titre\n\nLe 31 décembre 9999, une attaque de drone a frappé la base de Harir.', { sub: 'Air/drone strike', date: null }],
  ['Titre\n\nLe 30 février 2024, une attaque de drone a frappé la base de Harir.', { sub: 'Air/drone strike', date: null }],
  // Un bilan est un nombre de personnes : ni décimal, ni au-delà de tout événement (une statistique).
  ['Titre\n\nLe 6 mars 2024, une attaque de drone a fait 999 999 morts à Erbil.', { killed: 999999 }],
  ['Titre\n\nLe 6 mars 2024, une attaque de drone a fait 1 000 000 000 000 000 morts à Erbil.', { killed: null, place: 'Erbil' }],
  ['Titre\n\nLe 6 mars 2024, un missile a frappé un café à Koupiansk. Le bilan s\'élève à 12 morts, avec quatre blessés.', { killed: 12, wounded: 4 }],
  ['Titre\n\nLe 6 mars 2024, une attaque de drone a fait 0,5 mort et 3 blessés à Erbil.', { killed: null, wounded: 3 }],
  // Un bilan donné pour l'événement l'emporte sur les chiffres partiels ; un bilan réparti entre plusieurs n'est à aucun.
  ['Titre\n\nLe 2 mai 2024, des frappes ont visé deux maisons à Idlib, tuant 5 personnes. Une autre frappe a tué 2 personnes. Le bilan total s’élève à 8 morts.',
    { place: 'Idlib', killed: 8 }],
  // Maisons, terres et tombes dynamitées ou rasées sans victime : des biens détruits.
  ['Titre\n\nLe 22 janvier 2024, l’armée a dynamité des maisons à Rafah. Aucune victime n’a été signalée.', { sub: 'Looting/property destruction', place: 'Rafah' }],
  // Qui reconnaît avoir bombardé en est l'auteur.
  ['Titre\n\nLe 31 octobre 2023, l’armée israélienne a reconnu avoir bombardé le camp de Jabaliya.', { actor1: 'Military Forces of Israel', place: 'Jabalya', sub: 'Air/drone strike' }],
  // Une frappe d'abord nommée sans rien d'autre prend le type de sa relecture : l'armée qui reconnaît l'avoir menée.
  ['Titre\n\nLe 31 octobre 2023, une frappe a causé de nombreuses victimes. L’armée israélienne a reconnu avoir bombardé le camp de Jabaliya.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel', place: 'Jabalya' }],
  // L'armée de l'air frappe depuis les airs.
  ['Titre\n\nLe 9 juillet 2023, l’armée de l’air a frappé le centre de Khartoum.', { sub: 'Air/drone strike', place: 'Khartoum', weapons: ['aircraft'] }],
  // Là où est le camp qui tire de loin n'est pas là où il frappe.
  ['Titre\n\nLe 2 mai 2024, les combattants du Hezbollah au Liban ont tiré des roquettes vers Kiryat Shmona.', { sub: 'Shelling/artillery/missile attack', place: 'Kiryat Shmona' }],
  // Ce qu'une manifestation dénonce en est la cause, pas un second événement.
  ['Titre\n\nLe 3 mai 2024, des habitants ont manifesté à Mopti pour dénoncer l’attaque d’un convoi à Gao.', { sub: 'Peaceful protest', place: 'Mopti' }],
  // Canons, chars et canonnières frappent comme les avions : un bombardement de leur armée.
  ['Titre\n\nLe 2 mai 2024, des chars russes ont ouvert le feu sur Kharkiv.', { sub: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Russia', place: 'Kharkiv' }],
  // Les victimes d'un nom de mort (« la mort de deux soldats ») et le sujet d'un verbe de mourir.
  ['Titre\n\nLe 2 mai 2024, une frappe de drone a visé une voiture près de Kherson, provoquant la mort de deux soldats.', { place: 'Kherson', killed: 2 }],
  ['Titre\n\nLe 2 mai 2024, des hommes armés ont attaqué un poste de contrôle à Baidoa. Un garde blessé a succombé à ses blessures.', { place: 'Baidoa', killed: 1 }],
  ['Titre\n\nLe 2 mai 2024, des drones ont frappé un marché à Kherson, tuant un nombre indéterminé de civils.',
    { place: 'Kherson', killed: null }],
  // What a bare present participle adds ("ravivant les craintes d'une fin de l'accord") is a comment, not the event.
  ['Titre\n\nDes hommes armés ont attaqué mardi un poste de l\'armée à Gao, ravivant les craintes d\'une fin de l\'accord de paix signé en 2015.',
    { sub: 'Armed clash', place: 'Gao' }],
  // The place of a dateline ("BEYROUTH (Reuters) -") is where the report was filed, not where the event was.
  ['Titre\n\nBEYROUTH (Reuters) - Trois personnes ont été tuées mardi dans une frappe israélienne près de la ville de Nabatieh.',
    { place: 'Nabatiye et Tahta', killed: 3 }],
  // Toute nationalité d'un État dit ses forces (« burkinabè », « tchadiens ») : la liste des gentilés est celle du monde, pas de l'échantillon.
  ['Titre\n\nLe 5 mars 2024, trois soldats tchadiens ont été tués dans une embuscade près de Bol.',
    { actor2: 'Military Forces of Chad', killed: 3 }],
  // « Neutraliser » des combattants, c'est les tuer : l'armée attaque ; neutraliser des drones, c'est se défendre.
  ['Titre\n\nLe 5 mars 2024, l’armée burkinabè a neutralisé une vingtaine de terroristes près de Dori.',
    { actor1: 'Military Forces of Burkina Faso', actor2: null }],
  ['Titre\n\nLe 5 mars 2024, une vingtaine de terroristes ont été neutralisés par l’armée malienne près de Gao.',
    { actor1: 'Military Forces of Mali' }],
  ['Titre\n\nLe 5 mars 2024, l’armée malienne a neutralisé deux drones près de Gao.',
    { actor1: null, actor2: 'Military Forces of Mali', weapons: ['drone'] }],
  // « L'armée » sans son État est celle du pays où elle agit ; un « a frappé » reste actif même quand l'analyseur
  // en fait un passif (il n'y a pas d'auxiliaire « être »), et « selon des habitants, » n'en fait pas une source.
  ['Titre\n\nSelon des habitants, l’armée de l’air a de nouveau frappé dimanche 10 mars 2024 le centre de Khartoum.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Sudan', actor2: null }],
  // La police qui annonce un attentat en est la source, pas la cible.
  ['Titre\n\nSix personnes ont été tuées mardi 5 mars 2024 dans un attentat à Mogadiscio, a annoncé la police.',
    { actor2: 'Civilians (Somalia)', killed: 6 }],
  // Trois jours d'écart font deux événements : la mort n'est pas le bilan des affrontements d'avant.
  ['Titre\n\nLe 5 mars 2024, deux personnes ont été tuées près de Mopti, trois jours après des affrontements entre éleveurs et agriculteurs.',
    { sub: 'Attack', killed: 2 }],
  // « trois maisons … faisant 12 morts » : des maisons ne sont pas des morts à ajouter.
  ['Titre\n\nLe 14 janvier 2024, des avions israéliens ont frappé trois maisons à Rafah, faisant 12 morts.',
    { sub: 'Air/drone strike', killed: 12 }],
  ['Titre\n\nLe 5 mars 2024, des centaines de jeunes ont manifesté à Goma contre l’insécurité.',
    { sub: 'Peaceful protest', actor1: 'Protesters (Democratic Republic of Congo)' }],
  // « a indiqué avoir frappé » : le ministère de la Défense d'un État dit l'acte de ses forces.
  ['Titre\n\nLe ministère russe de la Défense a indiqué avoir frappé mardi 5 mars 2024 un point de déploiement à Kramatorsk.',
    { actor1: 'Military Forces of Russia' }],
  // « rebelles touaregs » : au Mali depuis 2023, la coalition du CSP-PSD (un alias du lexique des acteurs).
  ['Titre\n\nMardi 12 septembre 2023, l’armée malienne a été confrontée à une attaque perpétrée par des rebelles touaregs à Bourem.',
    { actor1: 'CSP-PSD: Permanent Strategic Framework for Peace, Security and Development', actor2: 'Military Forces of Mali' }],
  ['Titre\n\nLe 5 mars 2024, une bombe a frappé un bus de l’armée syrienne à Damas, tuant 14 soldats, selon des responsables américains.',
    { actor1: null, claim: 'reported' }],
  ['Titre\n\nLe 7 janvier 2024, des soldats ont tiré sur des manifestants à Naplouse, blessant trois personnes. L’un des blessés est décédé à l’hôpital.',
    { killed: 1, wounded: 3 }],
  // Un mot d'émeute au passif dont l'agent n'est pas une foule (« incendié par des militaires ») dit le grief de la
  // manifestation, pas sa violence ; par les manifestants, c'est la leur.
  ['Titre\n\nLe 5 mars 2024, des habitants ont manifesté à Kayes après que le domicile d’un élu a été incendié par des militaires.',
    { sub: 'Peaceful protest' }],
  ['Titre\n\nLe 5 mars 2024, des habitants ont manifesté à Kayes, et le domicile d’un élu a été incendié par les manifestants.',
    { sub: 'Violent demonstration' }],
  // « a coûté la vie à » compte en avant.
  ['Titre\n\nLe 5 mars 2024, une frappe de drone a coûté la vie à cinq civils à Gao.',
    { killed: 5 }],
  // Un État écrit par son nom après le nom de ses forces : « l'armée du Burkina Faso ».
  ['Titre\n\nLe 5 mars 2024, l’armée du Burkina Faso a frappé des jihadistes près de Djibo.',
    { actor1: 'Military Forces of Burkina Faso' }],
  ['Titre\n\nLe 5 mars 2024, un chef de village a été abattu par des hommes armés à Gao.',
    { killed: 1 }],
  // Deux verbes coordonnés partagent leur victime : le sujet du premier (« a été enlevé et tué »).
  ['Titre\n\nLe 5 mars 2024, le chauffeur du gouverneur a été enlevé et tué à Gao.',
    { killed: 1 }],
  // « depuis le Liban » dit d'où, non depuis quand : le jour que l'analyse range dans ce groupe est celui de l'événement
  // (publié le jeudi 14 mars 2024 : « mardi » est le 12).
  ['Titre\n\nDeux roquettes ont été tirées depuis le Liban vers le nord d\'Israël mardi, sans faire de victimes.', { date: '2024-03-12' }],
  // Des biens incendiés : « ont mis le feu à plusieurs maisons ».
  ['Titre\n\nLe 1er mars 2024, des hommes armés ont mis le feu à plusieurs maisons à Beni.', { sub: 'Looting/property destruction', place: 'Beni' }],
  // Une période dite du lieu, après une virgule, n'est pas celle de l'événement.
  ['Titre\n\nLe 5 mars 2024, des jihadistes ont attaqué le camp de Tessit, encerclé depuis août.', { place: 'Tessit' }],
  ['Titre\n\nLe 2 mars 2024, des étudiants ont manifesté jusqu\'au ministère de l\'Éducation à Dakar.', { sub: 'Peaceful protest', place: 'Dakar' }],
  // « un chef coutumier et son fils » : deux victimes.
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué un chef coutumier et son fils dans le village de Djugu.', { killed: 2 }],
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué un soldat et son arme a été emportée à Djugu.', { killed: 1 }],
  // Un rang (« le numéro deux du mouvement ») nomme une personne.
  ['Titre\n\nLe 5 mars 2024, le numéro deux du mouvement a été tué dans une frappe de drone près de Beyrouth.', { killed: 1 }],
  // Un nom de nombre d'années ou de kilomètres ne compte personne ; « une quarantaine », avec son article, compte 40.
  ['Titre\n\nLe 5 mars 2024, un homme d\'une cinquantaine d\'années a été tué par des hommes armés à Gao.', { killed: 1 }],
  ['Titre\n\nLe 5 mars 2024, à une quinzaine de kilomètres de Gao, un soldat a été tué.', { killed: 1 }],
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué une quarantaine de civils à Gao.', { killed: 40 }],
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué le chef du village ainsi qu\'une dizaine de ses proches à Gao.', { killed: 11 }],
  // Un nom de nombre compte ses victimes (« une quinzaine de civils » : 15), qu'il suive le verbe ou le précède.
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué une quinzaine de civils à Gao.',
    { killed: 15 }],
  ['Titre\n\nLe 5 mars 2024, l\'armée a neutralisé une dizaine de terroristes près de Gao.',
    { killed: 10 }],
  ['Titre\n\nLe 5 mars 2024, une quarantaine de personnes ont été tuées à Gao.',
    { killed: 40 }],
  // Ceux qui sont morts avec les victimes comptées, nommés après elles (« ainsi que trois de ses fils »).
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué le chef du village ainsi que trois de ses fils à Gao.',
    { killed: 4 }],
  // Des drones utilisés « pour attaquer » une base : l'attaque elle-même, revendiquée.
  ['Titre\n\nLe 5 mars 2024, la Résistance islamique en Irak a déclaré avoir utilisé des drones pour attaquer la base de Tell Beydar, dans la province de Hassaké.',
    { sub: 'Air/drone strike', actor1: 'Islamic Resistance in Iraq', claim: 'claimed' }],
  // Un bombardement raconté avec l'aviation, sans canon ni roquette, vient des airs, quel que soit le récit qui l'a nommé.
  ['Titre\n\nSamedi 8 juillet 2023, un raid de l’armée de l’air a frappé un quartier résidentiel de Khartoum. Le bombardement a fait 22 morts parmi les civils, selon le ministère.',
    { sub: 'Air/drone strike', killed: 22 }],
  // Les explosifs dont un drone est chargé sont sa charge, pas une autre arme.
  ['Titre\n\nLe 6 novembre 2023, plusieurs drones chargés d’explosifs ont ciblé la base aérienne américaine d’Aïn al-Assad.',
    { sub: 'Air/drone strike', weapons: ['drone'] }],
  // Une chaîne d'information qui « confirme » n'a pas d'autorité : l'attaque est rapportée.
  ['Titre\n\nLe 6 novembre 2023, Sabereen News, une chaîne d’information Telegram associée aux Unités de mobilisation populaire, a confirmé l’attaque de drones contre la base d’al-Tanf.',
    { claim: 'reported' }],
  // Qui repousse ou déjoue une attaque en est la cible.
  ['Titre\n\nLe 12 septembre 2023, les Forces armées maliennes ont repoussé une attaque complexe de terroristes à Bourem.',
    { actor1: null, actor2: 'Military Forces of Mali' }],
  // Les armes des phrases voisines ne disent pas d'où vient un bombardement : seules celles de ses récits comptent.
  ['Titre\n\nLe 8 juillet 2023, un bombardement a frappé un quartier résidentiel de Khartoum. Un hélicoptère de l’armée a été aperçu plus tard.',
    { sub: 'Shelling/artillery/missile attack' }],
  // « le territoire syrien » est un lieu, pas un camp ; « ces derniers » reprend un nom, sans ouvrir de période ; le
  // complément d'agent d'un verbe support au passif mène l'attaque.
  ['Titre\n\nLe 5 mars 2024, trois raids aériens ont été menés par l’armée de l’air américaine contre des dépôts occupés par ces derniers sur le territoire syrien.',
    { sub: 'Air/drone strike', place: 'Syria', actor1: 'Military Forces of the United States', actor2: null }],
  ['Titre\n\nLe 5 mars 2024, des drones turcs ont frappé un convoi dans l’espace aérien irakien.',
    { place: 'Iraq', actor1: 'Military Forces of Turkey' }],
  // Les suspects que les forces de l'État abattent sont un camp qu'elles combattent.
  ['Titre\n\nLe 5 mars 2024, la police a abattu deux présumés braqueurs à Abidjan.',
    { sub: 'Armed clash', killed: 2 }],
  // « un haut responsable américain », « deux responsables américains » : les responsables d'un État confirment.
  ['Titre\n\nLes frappes américaines ont visé le 27 octobre 2023 deux dépôts près d’Abou Kamal, a déclaré un haut responsable américain.',
    { claim: 'confirmed' }],
  ['Titre\n\nDeux responsables américains ont déclaré que des avions avaient frappé le 27 octobre 2023 deux dépôts près d’Abou Kamal.',
    { claim: 'confirmed' }],
  ['Titre\n\nDes avions ont frappé le 27 octobre 2023 deux dépôts près d’Abou Kamal, selon de hauts responsables américains.',
    { claim: 'confirmed' }],
  // Des responsables qui ne disent rien ne confirment rien ; « au sol » n'est pas le territoire d'un pays.
  ['Titre\n\nLe 5 mars 2024, des drones ont frappé une base près de Deir ez-Zor, mais les responsables américains n’ont fait aucun commentaire.',
    { claim: 'reported' }],
  ['Titre\n\nLe 5 mars 2024, l’offensive au sol israélienne a tué 20 personnes à Khan Younès.',
    { place: 'Khan Yunis', killed: 20 }],
  // Un quartier que le récit situe dans une ville est plus fin que la ville nommée par un autre récit du même raid.
  ['Titre\n\nUn raid aérien a frappé samedi 8 juillet 2023 un quartier résidentiel de la capitale Khartoum. Le bombardement, survenu sur le quartier de Dar al-Salam à Omdourman, a fait 22 morts.',
    { sub: 'Air/drone strike', place: 'Dar al-Salam', killed: 22 }],
  // « a annoncé, mercredi, avoir ciblé » : une incise entre virgules n'ôte rien à la revendication.
  ['Titre\n\nLe Hezbollah a annoncé, mercredi 6 mars 2024, avoir ciblé la caserne de Zar’it avec des missiles.',
    { claim: 'claimed' }],
  // Classe 7 : des milices « pro-iraniennes » ne sont pas l’armée iranienne.
  ['Titre\n\nLe 21 novembre 2023, des milices pro-iraniennes ont attaqué la base américaine d’Aïn al-Assad avec des drones.', { actor1: null, actor2: 'Military Forces of the United States' }],
  // Justice populaire : des « sorciers » tués par la foule, c’est la violence d’une foule.
  ['Titre\n\nLe 6 mars 2024, deux hommes accusés de sorcellerie ont été tués à Bunia.', { sub: 'Mob violence', killed: 2 }],
  // « frappe de drone israélienne » : le nom d'attaque et son complément sans article font un nom, dont la
  // nationalité est l'auteur ; « attaque de la base américaine » : avec un article, la base est la cible.
  ['Titre\n\nLe 6 mars 2024, une frappe de drone israélienne a tué deux membres du Hezbollah près de Tyr.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel', actor2: 'Hezbollah' }],
  ['Titre\n\nLe 6 mars 2024, des miliciens ont revendiqué une attaque de la base américaine de Tanf avec des drones.',
    { actor1: null, actor2: 'Military Forces of the United States' }],
  // « une frappe israélienne » est une frappe aérienne, comme « an Israeli strike » : la frappe d'un État sans arme
  // nommée, même quand un bilan suit.
  ['Titre\n\nLe 6 mars 2024, une frappe israélienne a tué deux membres du Hezbollah près de Tyr.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel', actor2: 'Hezbollah', killed: 2 }],
  // « un village du nord du Burkina Faso » : la région d'un pays se dit aussi au génitif, comme « of northern Mali ».
  ['Titre\n\nLe 3 mars 2024, des hommes armés ont attaqué un village du nord du Burkina Faso, tuant 20 civils.',
    { sub: 'Attack', place: 'northern Burkina Faso', country: 'BF', killed: 20 }],
  // « tué par balles » : la balle dit comment, pas qui ; « tirs d'obus » s'élide ; la ceinture d'explosifs d'un kamikaze.
  ['Titre\n\nLe 5 mars 2024, des hommes armés ont tué par balles deux civils à Djibo.',
    { sub: 'Attack', actor2: 'Civilians (Burkina Faso)', killed: 2, place: 'Djibo' }],
  ["Titre\n\nLe 1er mars 2024, au moins 40 personnes ont péri dans l'incendie d'un marché de Gao provoqué par des tirs d'obus des jihadistes.",
    { sub: 'Shelling/artillery/missile attack', killed: 40, place: 'Gao' }],
  ["Titre\n\nLe 1er mars 2024, un kamikaze a fait exploser sa ceinture d'explosifs dans une mosquée de Maiduguri, faisant 12 morts.",
    { sub: 'Suicide bomb', killed: 12, place: 'Maiduguri' }],
  // « attribuées aux X » nomme l'auteur, comme « par X ».
  ['Titre\n\nLe 3 mars 2024, des frappes de drones attribuées aux Forces de soutien rapide ont tué douze civils à El-Obeid.',
    { sub: 'Air/drone strike', actor1: 'Rapid Support Forces', killed: 12 }],
  // « le ministère de la Santé » : le portefeuille d'un ministère n'est pas une ville (Santee, en Californie).
  ['Titre\n\nLe 2 mars 2024, le ministère de la Santé a annoncé que 14 personnes avaient été tuées dans une frappe à Rafah.',
    { place: 'Rafah', country: 'PS', killed: 14 }],
  // Une note qui s'ouvre sur une étiquette nomme le genre de son événement, espace insécable ou non avant le deux-points.
  ['Destruction de biens : le 6 mars 2024, des soldats maliens ont détruit plusieurs boutiques à Gao.',
    { sub: 'Looting/property destruction', place: 'Gao' }],
  ['Mouvement de troupes\u00a0: le 6 mars 2024, des unités de l’armée malienne sont arrivées à Tombouctou.',
    { sub: 'Change to group/activity', place: 'Timbuktu' }],
  // « a essuyé des tirs » : le sujet subit l'attaque, des tirs d'armes légères ; « des » après le verbe est l'article.
  ['Titre\n\nLe 5 mars 2024, des soldats maliens ont essuyé des tirs près de Gao.',
    { sub: 'Armed clash', actor2: 'Military Forces of Mali', weapons: ['small_arms'] }],
  // Un groupe qui dit son coup le revendique : après la proposition, de ses combattants, ou dans la phrase suivante.
  ['Titre\n\nDes combattants du JNIM ont attaqué le 5 mars 2024 un camp militaire près de Gao, tuant six soldats, a affirmé le groupe.',
    { actor1: 'JNIM: Group for Support of Islam and Muslims', claim: 'claimed' }],
  ['Titre\n\nLe Hamas a affirmé le 5 mars 2024 que ses combattants avaient tué trois soldats israéliens à Khan Younès.',
    { actor1: 'Hamas', claim: 'claimed' }],
  ['Titre\n\nDes hommes armés ont attaqué le 5 mars 2024 un poste de police à Mandera, tuant deux policiers. Les shebab ont revendiqué l\'attaque.',
    { actor1: 'Al Shabaab', claim: 'claimed' }],
  // « des hommes armés à Kidal » : armés dit ce qu'ils sont, pas où ils sont ; le lieu est celui de l'événement.
  ['Titre\n\nTrois civils ont été tués le 5 mars 2024 par des hommes armés à Kidal, dans le nord du Mali.',
    { place: 'Kidal', killed: 3 }],
  // Le nom « saccage » reste une émeute ; des supporters qui saccagent sont une foule.
  ['Titre\n\nLe saccage du marché de Gao le 5 mars 2024 a fait deux blessés.',
    { sub: 'Violent demonstration', wounded: 2 }],
  ['Titre\n\nDes supporters ont saccagé le 5 mars 2024 le stade et des véhicules de police à Abidjan.',
    { sub: 'Violent demonstration' }],
  // Une habitude de revendiquer n'est pas la revendication de cet événement.
  ['Titre\n\nUne bombe a tué deux policiers le 5 mars 2024 à Mandera. L\'EI revendique régulièrement ce type d\'attaques dans la région.',
    { actor1: null, claim: 'reported' }],
  ['Titre\n\nDes frappes israéliennes ont tué trois personnes à Tyr, dans le sud du Liban, le 5 mars 2024.',
    { place: 'Tyre', killed: 3 }],
  // Un événement que le débat date ou raconte reste un événement.
  ['Titre\n\nLe gouvernement a organisé le 5 mars 2024 un débat sur l\'attaque de dimanche contre un camp militaire à Boulkessi, qui a coûté la vie à 20 soldats.',
    { killed: 20 }],
  // Des biens saccagés sont des biens détruits ; une foule de manifestants qui saccage est une émeute.
  ['Titre\n\nDes pillards ont saccagé le 5 mars 2024 des entrepôts du PAM à Wad Madani.',
    { sub: 'Looting/property destruction', place: 'Wad Medani' }],
  ['Titre\n\nLe 5 mars 2024, des boutiques ont été saccagées à Goma.',
    { sub: 'Looting/property destruction', place: 'Goma' }],
  ['Titre\n\nLe 5 mars 2024, des manifestants ont saccagé des bureaux de l\'administration à Goma.',
    { sub: 'Violent demonstration', place: 'Goma' }],
  // Le chiffre d'un bilan : le sien, ou celui qu'atteint son verbe ; un décompte qui suit le bilan de la phrase n'est pas le sien.
  ['Titre\n\nLe bilan de l\'attentat-suicide du 5 mars 2024 à Mogadiscio s\'est alourdi à 30.',
    { sub: 'Suicide bomb', place: 'Mogadishu', killed: 30 }],
  ['Titre\n\nDes hommes armés ont tué 12 personnes le 5 mars 2024 à Kaduna, ce qui porte à 40 le nombre de morts cette semaine dans l\'Etat.',
    { place: 'Kaduna', killed: 12 }],
];

testCaseTable('fr', CASES);

test('fr: « le reste des roquettes » est tombé dans la salve déjà racontée', () => {
  const events = eventsOf('Titre\n\nLe 5 mars 2024, le Hezbollah a tiré une vingtaine de roquettes vers Kiryat Shmona. Le reste des roquettes est tombé sur le territoire libanais.');
  assert.equal(events.length, 1, events.map((e) => e.notes).join(' | '));
  assert.equal(events[0]!.location?.name, 'Kiryat Shmona');
});

test('fr: what an event "was followed by" is another event, not that one told again', () => {
  const events = eventsOf('Titre\n\nLe 4 mars 2024, un attentat à la bombe a visé un bus militaire à Damas. Quatorze soldats ont été tués. Il a été suivi par des bombardements du régime.');
  assert.deepEqual(events.map((e) => [e.sub_event_type, e.killed]), [['Remote explosive/landmine/IED', 14], ['Shelling/artillery/missile attack', null]]);
});

test('fr: a place the story moves to is not the scene of an event told without a place', () => {
  const e = only('Titre\n\nLe convoi se dirigeait vers Kirkouk mercredi. Des hommes armés ont tué deux civils.');
  assert.equal(e.location, null);
  assert.equal(e.killed, 2);
});

test('fr: an undated lead placed in an area and its retelling further down at a town inside it are one event; another target is another', () => {
  const lead = "Les Etats-Unis ont mené des frappes dans l'est de la Syrie contre deux dépôts d'armes utilisés par les Gardiens de la révolution iraniens.";
  const between = "La Maison Blanche a adressé un message à Téhéran. Le porte-parole n'a pas voulu en dire plus. Le Pentagone compte ses troupes dans la région. Le conflit menace de s'étendre.";
  const place = "Les frappes ont eu lieu près de la ville syrienne d'Abou Kamal, a déclaré un responsable.";
  const one = only(`Titre\n\n${lead}\n\n${between}\n\nLes Etats-Unis ont mené des frappes contre deux dépôts d'armes des Gardiens de la révolution iraniens. ${place}`, { published: null });
  assert.equal(one.location?.name, 'Albu Kamal');
  const two = eventsOf(`Titre\n\n${lead}\n\n${between}\n\nLes Etats-Unis ont mené des frappes contre des positions de l'Etat islamique. ${place}`, { published: null });
  assert.deepEqual(two.map((e) => [e.location?.name, e.actor2]), [['eastern Syria', 'Islamic Revolutionary Guard Corps'], ['Albu Kamal', 'Islamic State']]);
});

test('fr: a day and month in a document that tells no year is not a date, but is kept for resolution', () => {
  const e = only('Titre\n\nUne attaque de drone a visé la base d’al-Tanf le 23 octobre, a indiqué le Pentagone.', { published: null });
  assert.equal(e.date, null);
  assert.equal(e.day_without_year, '10-23');
  // With the document's date, the year is known and the day is a date.
  const dated = only('Titre\n\nUne attaque de drone a visé la base d’al-Tanf le 23 octobre, a indiqué le Pentagone.', { published: '2023-10-24' });
  assert.equal(dated.date, '2023-10-23');
  assert.equal(dated.day_without_year, null);
});

test('fr: one communiqué naming two bases is two events, with the same date and author', () => {
  const events = eventsOf('Titre\n\nLe groupe Résistance islamique en Irak a annoncé dimanche 10 mars 2024 avoir attaqué avec des drones les bases américaines à al-Tanf et à al-Shaddadi.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Al-Shaddadi', 'Al-Tanf']);
  for (const e of events) {
    assert.equal(e.date, '2024-03-10');
    assert.equal(e.actor1, 'Islamic Resistance in Iraq');
    assert.equal(e.claim.status, 'claimed');
  }
});

test('fr: two days in one sentence are two events; "ils" continues the previous subject', () => {
  const events = eventsOf('Titre\n\nLe 1er mars, les combattants de la Résistance islamique en Irak ont tiré des roquettes sur Erbil.\n\nLes 5 et 8 mars, ils ont mené des attaques de drones contre la base de Harir.');
  const harir = events.filter((e) => e.location?.name === 'Harir Air Base');
  assert.deepEqual(harir.map((e) => e.date), ['2024-03-05', '2024-03-08']);
  for (const e of harir) assert.equal(e.actor1, 'Islamic Resistance in Iraq');
});

test('fr: the same attack told twice is one event with two evidence spans', () => {
  const events = eventsOf('Titre\n\nDes sources ont rapporté qu’un convoi militaire américain a été frappé dans l’ouest de l’Irak. Mardi matin, un convoi logistique appartenant à l’armée américaine a été pris pour cible dans l’ouest de l’Irak.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.evidence.length, 2);
  assert.equal(events[0]!.date, '2024-03-12');
});

test('fr: a place named as a reference point is near it (precision 2)', () => {
  const e = only('Titre\n\nUne roquette est tombée jeudi 14 mars 2024 à 10 kilomètres au nord de Kirkouk.');
  assert.equal(e.location?.name, 'Kirkuk');
  assert.equal(e.location?.geo_precision, 2);
});

test('fr: an unknown village keeps its name and its country, with no invented point', () => {
  const e = only('Titre\n\nLa base militaire située près du village syrien d’Oumm Zebla a été touchée lundi 11 mars 2024 par des missiles.');
  assert.equal(e.location?.country_code, 'SY');
  assert.equal(e.location?.lat, null);
});

test('fr: every evidence span is the exact text of the document', () => {
  const text = 'Titre\u00a0: l’attaque\n\nLa Résistance islamique en Irak a revendiqué lundi 4 mars 2024 une attaque de drones contre la base d’Aïn al-Assad.';
  for (const e of eventsOf(text)) for (const v of e.evidence) assert.equal(text.slice(v.start, v.end), v.text);
});

test('fr: the "également" of a reporting verb does not make the previous author act again', () => {
  const text = 'Titre\n\nLe 4 mars 2024, les Gardiens de la révolution ont attaqué la base d’Aïn al-Assad.\n\n' +
    'Le même jour, la même source a également fait savoir que deux avions de combat F-15 avaient frappé un dépôt d’armes à Deir ez-Zor.';
  const events = eventsOf(text);
  const deir = events.find((e) => e.location?.name === 'Deir ez-Zor');
  assert.ok(deir, events.map((e) => e.notes).join(' | '));
  assert.notEqual(deir.actor1, 'Islamic Revolutionary Guard Corps');
  // A real "également" of an attack verb still carries the author on.
  const again = eventsOf('Titre\n\nLe 4 mars 2024, les Gardiens de la révolution ont attaqué la base d’Aïn al-Assad.\n\nLe 6 mars 2024, ils ont également attaqué la base de Harir.');
  assert.equal(again.find((e) => e.location?.name === 'Harir Air Base')?.actor1, 'Islamic Revolutionary Guard Corps');
});

test('fr: "a annoncé, mercredi, avoir ciblé" is the attack; what follows "en réponse au meurtre de" is not its place', () => {
  const e = only('Titre\n\nLes Gardiens de la révolution ont annoncé, mercredi, avoir ciblé deux bases américaines en Irak, en réponse au meurtre d’un général, commandant de leurs forces, dans un raid américain à Bagdad.');
  assert.equal(e.date, '2024-03-13');
  assert.equal(e.location?.name, 'Iraq');
  assert.equal(e.actor1, 'Islamic Revolutionary Guard Corps');
});

test('fr: places coordinated with one verb share the day of the one already dated', () => {
  const events = eventsOf('Titre\n\nLe 12 mars 2024, des missiles ont frappé la base d’Aïn al-Assad.\n\n' +
    'Des dizaines de missiles ont été tirés sur la base d’Aïn al-Assad et une autre base à Erbil, selon les Gardiens de la révolution.');
  const erbil = events.find((e) => e.location?.name === 'Erbil');
  assert.ok(erbil, events.map((e) => e.notes).join(' | '));
  assert.equal(erbil.date, '2024-03-12');
  assert.ok(erbil.trace.some((t) => t.rule === 'fr.date.coordinated-with-dated'));
  // A part of the country after a comma says where the town is: one place, not two events.
  const one = eventsOf('Titre\n\nLe 12 mars 2024, des missiles ont frappé la base d’Aïn al-Assad.\n\nLa Résistance avait déjà frappé la base d’al-Malikiyah, dans le nord-est de la Syrie, avec un drone.');
  assert.equal(one.find((e) => e.location?.name === 'Al Malikiyah')?.date, null);
});

test('fr: what a sentence says had happened on another day is not the news dated by the report', () => {
  const events = eventsOf('Titre\n\nUn missile a atterri près de la base aérienne de Balad, sans faire de victimes.\n\n' +
    'Les Gardiens de la révolution avaient annoncé, mercredi, avoir ciblé deux bases américaines en Irak avec des missiles balistiques.', { published: '2024-03-15' });
  const balad = events.find((e) => e.location?.name === 'Balad Air Base');
  assert.ok(balad);
  assert.equal(balad.actor1, null);
  assert.equal(events.find((e) => e.location?.name === 'Iraq')?.date, '2024-03-13');
  // In reported speech the pluperfect only follows the report's tense: still the same attack.
  const same = eventsOf('Titre\n\nMercredi, un drone a visé la base d’al-Tanf.\n\nUne télévision a rapporté jeudi que deux bases en Syrie avaient été attaquées.');
  assert.equal(same.length, 1);
});

test('fr: "deux attaques de drones distinctes" placed only in a country tells several events', () => {
  assert.equal(only('Titre\n\nLes forces américaines en Irak ont été la cible de deux attaques de drones distinctes mercredi.').tells_several, true);
  assert.equal(only('Titre\n\nDeux drones ont attaqué mercredi la base d’Aïn al-Assad.').tells_several, undefined);
});

test('fr: "tandis que" joins two blows, each at its own place; "N jours plus tôt" is another day', () => {
  const events = eventsOf('Titre\n\nLe 12 mars 2024, l’attaque a visé la base d’Aïn al-Assad avec 17 missiles, tandis que cinq missiles sont tombés sur la ville d’Erbil.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Ain al-Asad Air Base', 'Erbil']);
  const earlier = eventsOf('Titre\n\nLe 12 mars 2024, des missiles ont frappé la base d’Aïn al-Assad.\n\nUn drone avait frappé la ville d’Erbil trois jours plus tôt.');
  assert.equal(earlier.length, 2);
  const shifted = eventsOf('Titre\n\nLe 12 mars 2024, des missiles ont frappé la base d’Aïn al-Assad. Trois jours plus tôt, un drone a frappé la ville d’Erbil.');
  assert.equal(shifted.find((e) => e.location?.name === 'Erbil')?.date, '2024-03-09');
});

test('fr: in a sentence cut into one segment per verb, each verb’s sides are named in its segment', () => {
  const events = eventsOf('Titre\n\nLe 12 mars 2024, des missiles ont été tirés sur la base d’Aïn al-Assad, pour venger l’assassinat du général, tué dans un raid américain à Bagdad.');
  const base = events.find((e) => e.location?.name === 'Ain al-Asad Air Base');
  assert.ok(base, events.map((e) => e.notes).join(' | '));
  assert.notEqual(base.actor1, 'Military Forces of the United States');
});

test('fr: « l’armée » reprend l’armée que le texte a nommée avec son État', () => {
  const events = eventsOf('Titre\n\nL’armée israélienne a mené mardi 5 mars 2024 des frappes à Rafah.\n\nLe 7 mars 2024, à Jénine, l’armée a tué deux hommes armés.');
  const jenin = events.find((e) => e.date === '2024-03-07');
  assert.ok(jenin, events.map((e) => e.notes).join(' | '));
  assert.equal(jenin.actor1, 'Military Forces of Israel');
});

test('fr: une localité que le répertoire ignore est du pays de la ville connue que la phrase nomme près d’elle', () => {
  const [e] = eventsOf('Frappe israélienne près de la frontière israélienne\n\nLe 5 mars 2024, une frappe de l’armée israélienne a visé un véhicule près de la localité de Tair Harfa, non loin de la ville de Tyr au Liban, tuant trois personnes. Israël n’a pas commenté.');
  assert.equal(e?.location?.name, 'Tair Harfa');
  assert.equal(e?.location?.country_code, 'LB');
});

test('fr: un bilan dit de plusieurs frappes à la fois n’est celui d’aucune ; celui que la frappe se voit donner l’est', () => {
  const events = eventsOf('Titre\n\nSept personnes ont été tuées mardi 5 mars 2024 dans deux frappes distinctes dans le sud du Liban. L’une a visé une voiture à Tyr, tuant quatre personnes.');
  const tyre = events.find((e) => e.location?.name === 'Tyre');
  assert.equal(tyre?.killed, 4, events.map((e) => e.notes).join(' | '));
});

test('fr: « une nouvelle frappe » est de l’auteur de la frappe d’avant', () => {
  const events = eventsOf('Titre\n\nL’armée israélienne a bombardé mardi 5 mars 2024 le camp de Jabaliya, faisant au moins 50 morts.\n\nJeudi 7 mars, une nouvelle frappe a touché un marché de Rafah, selon la défense civile.');
  const second = events.find((e) => e.date === '2024-03-07');
  assert.equal(second?.actor1, 'Military Forces of Israel', events.map((e) => e.notes).join(' | '));
  assert.equal(second?.sub_event_type, 'Air/drone strike');
});

test('fr : « le premier …, et le second … » raconte deux frappes, chacune avec son lieu et son bilan', () => {
  const events = eventsOf('Titre\n\nLe premier bombardement, qui a fait trois morts, a eu lieu mardi près de la localité de Tair Harfa, et le second près de la ville de Tyr, a visé un véhicule tuant quatre personnes.', { published: '2023-11-22' });
  assert.deepEqual(events.map((e) => [e.location?.name, e.killed]).sort(), [['Tair Harfa', 3], ['Tyre', 4]], events.map((e) => e.notes).join(' | '));
  // « le second » [bombardement] : le verbe du second ne dit pas le genre du coup, le premier l'a dit.
  assert.deepEqual(events.map((e) => e.sub_event_type), ['Shelling/artillery/missile attack', 'Shelling/artillery/missile attack']);
});

test('fr : le coup auquel une frappe a répondu, repris après son cadre (« ces attaques »), est un événement à part', () => {
  const events = eventsOf('Titre\n\nLe mardi 12 mars 2024, des avions de combat américains ont frappé deux centres de commandement de milices en Irak, ' +
    'en représailles aux attaques contre les forces américaines. Ces attaques comprenaient le premier tir d\'un missile balistique contre la base d\'Aïn al-Asad.');
  const notes = events.map((e) => e.notes).join(' | ');
  const blow = events.find((e) => e.location?.name === 'Ain al-Asad Air Base');
  assert.equal(events.length, 2, notes);
  assert.equal(blow?.actor1, null, notes);
  assert.equal(blow?.actor2, 'Military Forces of the United States', notes);
  assert.deepEqual(blow?.weapons, ['ballistic_missile'], notes);
});

test('fr : ceux qu’un site abrite, dits une fois, sont la cible de chaque coup que le document y raconte', () => {
  const events = eventsOf('Titre\n\nDimanche 26 novembre 2023, la Résistance islamique en Irak a revendiqué une attaque de drone contre la base aérienne d\'al-Harir, ' +
    'où sont stationnés des militaires américains.\n\nLes 19 et 22 novembre, ils avaient mené des attaques de drones contre la base aérienne d\'al-Harir.', { published: '2023-11-26' });
  const notes = events.map((e) => e.notes).join(' | ');
  assert.ok(events.length >= 2, notes);
  for (const e of events) assert.equal(e.actor2, 'Military Forces of the United States', notes);
});

test('fr : les nouveaux indices ne se déclenchent pas sur leurs sosies (otages libérés, troupes qui défilent, drones envoyés sur une inondation)', () => {
  assertNoEventOfType([
    ['Titre\n\nLe 5 mars 2024, les ravisseurs ont libéré les otages du village de Diafarabé.', 'Non-state actor overtakes territory'],
    ['Titre\n\nLe 5 mars 2024, les troupes maliennes ont défilé dans les rues de Bamako pour la fête de l\'armée.', 'Peaceful protest'],
    ['Titre\n\nLe 5 mars 2024, les secouristes ont envoyé des drones sur les lieux de l\'inondation à Mopti.', 'Air/drone strike'],
  ]);
});

test('fr: une base frappée sans camp nommé est à l’État que les autres frappes du même auteur ont visé', () => {
  const events = eventsOf('Titre\n\nLe 5 mars 2024, la Résistance islamique en Irak a attaqué les forces américaines sur la base d’Aïn al-Assad avec des drones. ' +
    'Le 6 mars 2024, la Résistance islamique en Irak a aussi frappé la base de Harir avec un drone.');
  const harir = events.find((e) => e.location?.name.startsWith('Harir'));
  assert.equal(harir?.actor2, 'Military Forces of the United States', events.map((e) => e.notes).join(' | '));
});

test('fr: des coups qu’une phrase énumère, chacun avec son lieu, sont datés ensemble quand un seul l’est', () => {
  const events = eventsOf('Titre\n\nMercredi 6 mars 2024, des drones ont visé la base d’al-Tanf.\nLe Pentagone a indiqué que deux bases militaires américaines en Syrie avaient été attaquées.\n' +
    'Al Mayadeen a rapporté une attaque de drone sur la base d’al-Tanf et une attaque de missile sur une base de Conoco.', { published: '2024-03-07' });
  const conoco = events.find((e) => e.location?.name.startsWith('Conoco'));
  assert.equal(conoco?.date, '2024-03-06', events.map((e) => e.notes).join(' | '));
});

test('fr: un coup raconté plus loin sans jour à lui est de la semaine du reportage, et la règle le dit', () => {
  const text = 'Des bases visées par des drones\n\nTôt lundi matin, des drones ont visé la base aérienne d’Aïn al-Assad, selon des sources locales.\n\n' +
    'Aucun bilan n’a été publié.\n\nLe marché de la ville voisine est resté fermé.\n\nDes sources locales ont également rapporté que la base d’al-Tanf, dans la province syrienne de Homs, a été ciblée par plusieurs drones.';
  const events = eventsOf(text, { published: '2023-11-06' });
  const tanf = events.find((e) => e.location?.name === 'Al-Tanf');
  assert.ok(tanf, events.map((e) => e.notes).join(' | '));
  assert.deepEqual([tanf.date, tanf.date_precision], ['2023-11-06', 'week']);
  assert.ok(tanf.trace.some((t) => t.field === 'date' && t.rule === 'date.later-event-dated-by-report'));
});

test('fr: les installations frappées, nommées de nouveau avec leur lieu, placent la frappe ; « les récentes attaques » ne sont pas un événement', () => {
  const events = eventsOf('Titre\n\nLe 5 mars 2024, des avions américains ont frappé deux installations utilisées par la milice en Irak. Aucun bilan n’a été donné.\n\n' +
    'Les installations, situées près d’Al-Qaïm, servaient à stocker des drones pour « soutenir les récentes attaques contre les bases américaines ».');
  assert.equal(events.length, 1, events.map((e) => e.notes).join(' | '));
  assert.equal(events[0]!.location?.name, "Al Qa'im");
  assert.deepEqual(events[0]!.weapons, ['aircraft']);
});

test('fr: deux lieux coordonnés dont le second suit un article élidé (« et dans la ville d’Ansongo ») sont deux événements', () => {
  const events = eventsOf('Titre\n\nLe 5 mars 2024, l’armée malienne a mené une opération contre des jihadistes au nord de Gao et dans la ville d’Ansongo.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Ansongo', 'Gao'], events.map((e) => e.notes).join(' | '));
});

test('fr: un lieu dans un participe qui décrit un nom (« interdite par la mairie de Goma ») n’est pas celui de la proposition « avant que »', () => {
  const [e, ...rest] = eventsOf('Titre\n\nLe 30 août 2023, avant que la manifestation – interdite par la mairie de Goma – ne débute, des militaires ont tué six fidèles dans leur temple.');
  assert.equal(rest.length, 0);
  assert.deepEqual([e?.sub_event_type, e?.killed], ['Attack', 6]);
});

test('fr: une attaque typée faute de cible armée, que le texte dit ensuite dirigée contre l’armée, est un combat', () => {
  const text = 'Mali : l’attaque de Bourem\n\nLe 12 septembre 2023, des groupes armés ont attaqué l’armée malienne dans la ville de Bourem.';
  const [e, ...rest] = eventsOf(text, { published: '2023-09-13' });
  assert.equal(rest.length, 0, [e, ...rest].map((x) => x?.notes).join(' | '));
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(e?.actor2, 'Military Forces of Mali');
});

test('fr: un coup et la riposte d\'un autre camp, coordonnés, sont deux événements, chacun de son type et de son auteur', () => {
  const events = eventsOf('Titre\n\nLe 4 mars 2024, les Forces de soutien rapide ont attaqué la ville d\'El Fasher, et l\'armée a répliqué par des frappes aériennes.');
  const attack = events.find((e) => e.actor1 === 'Rapid Support Forces'), reply = events.find((e) => e.actor1 === 'Military Forces of Sudan');
  assert.equal(events.length, 2);
  assert.equal(attack?.location?.name, 'El Fasher');
  assert.notEqual(attack?.sub_event_type, 'Air/drone strike');
  assert.equal(reply?.sub_event_type, 'Air/drone strike');
});

// Une reprise sans date qui redit le bilan d'un événement au même lieu (« le bombardement du camp … a fait plus de 50
// morts ») est cet événement, pas la nouvelle frappe racontée juste avant.
test('fr: a retelling with the same toll at the same place joins that event, not the one told just before', () => {
  const events = eventsOf("Frappes sur le camp\n\nL'armée israélienne a reconnu avoir bombardé, mardi 31 octobre, le camp de Jabaliya, faisant au moins 50 morts.\n\n"
    + "D'après l'armée, ce bombardement visait un dirigeant.\n\nMercredi, une nouvelle frappe a touché ce camp de réfugiés, selon la défense civile à Gaza. "
    + "Ce bombardement a provoqué d'énormes destructions.\n\nSelon le ministère de la Santé du Hamas, qui contrôle Gaza depuis 2007, le bombardement du camp de Jabaliya a fait plus de 50 morts.");
  const tuesday = events.find((e) => e.date === '2023-10-31'), wednesday = events.find((e) => e.date !== '2023-10-31');
  assert.equal(tuesday?.killed, 50);
  assert.ok(wednesday, 'the new strike stays an event of its own');
  assert.equal(wednesday.killed, null);
});
