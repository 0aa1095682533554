import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoEventOfType, eventsOf, only, testCaseTable, type Expected } from '../helpers/extract.ts';


const CASES: [string, Expected][] = [
  // A period of the day itself ("since morning") tells one event going on, not a summary of many.
  ['Headline\n\nOn March 5, 2024, soldiers have been fighting militants since morning near Garissa.',
    { sub: 'Armed clash', place: 'Garissa' }],
  // A lone armed criminal is an armed side as his gang is: the police who kill him fight, they do not attack civilians.
  ['Headline\n\nOn March 5, 2024, police shot dead a suspected gangster in Kisumu.',
    { sub: 'Armed clash', actor1: 'Police Forces of Kenya' }],
  // Ground taken with violence told beside the withdrawal is no transfer; a drone that crashed struck nothing;
  // police who held suspects arrested them.
  ['Headline\n\nOn March 5, 2024, Al-Shabaab attacked and seized the town of Afgoye after government troops withdrew.',
    { sub: 'Non-state actor overtakes territory' }],
  ['Headline\n\nOn March 5, 2024, a drone crashed near the base in Erbil.',
    { sub: 'Other' }],
  ['Headline\n\nOn March 5, 2024, police held two suspects in Garissa.',
    { sub: 'Arrests', place: 'Garissa' }],
  // A relative clause describes its noun: its fighting is not the event, its place not the event's place, and its
  // auxiliary does not make the sentence's verb passive.
  ['Headline\n\nOn March 5, 2024, the Israeli army, which has been fighting in Gaza for months, struck a school in Rafah.',
    { actor1: 'Military Forces of Israel', actor2: null, place: 'Rafah' }],
  // The parse of a relative clause set off between subject and verb is repaired (src/syntax/repair.ts): the army
  // strikes; it does not fight in Gaza.
  ['Headline\n\nThe Israeli army, which has been fighting in Gaza for months, struck a depot in Tyre on Tuesday.',
    { actor1: 'Military Forces of Israel', place: 'Tyre' }],
  // A period or a frequency inside such a clause describes its noun: it does not make the act after it a summary,
  // and "May" after "since" is the month, not a modal.
  ['Headline\n\nThe RSF, who have besieged the city since May, shelled a market in El Fasher on Sunday.',
    { sub: 'Shelling/artillery/missile attack', actor1: 'Rapid Support Forces', place: 'El Fasher', date: '2024-03-10' }],
  ['Headline\n\nThe RSF, which has shelled the town daily since May, killed 12 people in a market in El Fasher on Sunday.',
    { actor1: 'Rapid Support Forces', killed: 12 }],
  // A relative clause with no comma tells which people act, and where they are is where they act.
  ['Headline\n\nOn Tuesday, traders who import goods in the area of Mombasa, which is the main port, held a protest against new taxes.',
    { sub: 'Peaceful protest', place: 'Mombasa' }],
  // Who a report is attributed to is its source, not a side; the places of the attribution are not the event's.
  ['Headline\n\nAccording to the health ministry of the Hamas government, which has run Gaza since 2007, the bombing of the Jabalia camp on Tuesday killed 50 people.',
    { actor1: null, place: 'Jabalya', killed: 50 }],
  // The subject the repair gives the main verb is active: the rebels attack, whatever the clause did to them.
  ['Headline\n\nM23 rebels, which were driven out of Goma in 2013, attacked a convoy near Rutshuru on Monday.',
    { actor1: 'M23: March 23 Movement', place: 'Rutshuru' }],
  // An attribution with no comma to close it names its source and no more.
  ['Headline\n\nAccording to the army al-Shabaab fighters attacked a base in Mogadishu on Monday.',
    { actor1: 'Al Shabaab', place: 'Mogadishu' }],
  // The object of a blow names where it fell, as "in" does.
  ['Headline\n\nGunmen attacked Gao on Tuesday, killing three soldiers.',
    { place: 'Gao', killed: 3 }],
  // A nationality on a munition that opens its phrase is the blow's author; on one another side fired, it is no side.
  ['Headline\n\nA Russian missile hit an apartment block in Kharkiv on Tuesday.',
    { sub: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Russia', place: 'Kharkiv' }],
  ['Headline\n\nUkraine fired US missiles at a base in Crimea on Tuesday.',
    { sub: 'Shelling/artillery/missile attack', actor2: null }],
  // Where a side comes from is not where it acts, in either voice.
  ['Headline\n\nA soldier from Kidal was killed in Gao on Tuesday.',
    { place: 'Gao', killed: 1 }],
  ['Headline\n\nFighters from Kidal ambushed a convoy near Gao on Tuesday.',
    { place: 'Gao' }],
  // The toll of a clause of another moment is that earlier event's, whatever clause the parser hung its marker on.
  ['Headline\n\nThe army said it had killed 12 militants near Kaya on Tuesday, a week after jihadists killed 30 civilians in Barsalogho.',
    { place: 'Kaya', killed: 12 }],
  // "feared dead" is a toll, not a fear of an act.
  ['Headline\n\nThree people are feared dead after gunmen attacked a village near Djugu on Tuesday.',
    { killed: 3, place: 'Djugu' }],
  // A labour strike is a protest, told as a noun too; a strike by drones stays a blow.
  ['Headline\n\nThe strike by teachers in Nairobi entered its third day on Tuesday.',
    { sub: 'Peaceful protest', place: 'Nairobi' }],
  ['Headline\n\nA general strike paralysed Nairobi on Tuesday.',
    { sub: 'Peaceful protest' }],
  ['Headline\n\nThe strike by US drones killed two militants near Jilib on Tuesday.',
    { sub: 'Air/drone strike', killed: 2 }],
  // People marching are a protest, as people who marched are; tear gas fired at them is an intervention.
  ['Headline\n\nPolice fired tear gas at students marching in Nairobi on Tuesday.',
    { sub: 'Protest with intervention', place: 'Nairobi' }],
  // A range's numbers are no two groups to add: its lower bound is the count told for sure.
  ['Headline\n\nBetween 10 and 15 people were killed in an attack on Djibo on Tuesday.',
    { killed: 10 }],
  ['Headline\n\nGunmen killed between 10 and 15 people in Djibo on Tuesday.',
    { killed: 10 }],
  ['Headline\n\nFive soldiers and 12 militants were killed in clashes near Djibo on Tuesday.',
    { killed: 17 }],
  // A side that says "it" did the act tells its own act: the author. Its own patrol that struck a mine is no act of it.
  ['Headline\n\nThe Kenyan army said it killed 25 militants near Mandera on Tuesday.',
    { actor1: 'Military Forces of Kenya', killed: 25 }],
  ['Headline\n\nAl-Shabaab said it killed 10 soldiers in an attack on a base near Jilib on Tuesday.',
    { actor1: 'Al Shabaab' }],
  ['Headline\n\nThe army said its patrol struck an explosive device near Mandera on Tuesday, killing two soldiers.',
    { actor1: null, killed: 2 }],
  // From the review: neither a weapon someone fires nor groups beside a range lose their count.
  ['Headline\n\nUkraine fired a US missile at Belgorod on Tuesday.',
    { actor1: null, actor2: null }],
  ['Headline\n\nBetween 10 and 15 soldiers and at least 20 militants were killed in clashes near Djibo on Tuesday.',
    { killed: 30 }],
  ['Headline\n\nProtesters blocked roads in Nairobi on Tuesday after police shot dead three demonstrators during a march.',
    { killed: 3 }],
  // An attack on an anniversary is an attack.
  ['Headline\n\nGunmen attacked Bama on Tuesday, the anniversary of the 2014 massacre, killing 10 people.',
    { killed: 10, place: 'Bama' }],
  // A roadside bombing is the bomb's blow.
  ['Headline\n\nA roadside bombing killed two soldiers near Mandera on Tuesday.',
    { sub: 'Remote explosive/landmine/IED', killed: 2 }],
  // Whoever holds the ground a munition came from fired it.
  ['Headline\n\nOn March 5, 2024, a missile from a Houthi-controlled part of Yemen hit a cargo ship in the Red Sea.',
    { sub: 'Shelling/artillery/missile attack', actor1: 'Ansar Allah', actor2: null }],
  // "-held" ground is no one held in custody.
  ['Headline\n\nOn March 5, 2024, shells fired from Russian-held territory hit a school in Kherson.',
    { sub: 'Shelling/artillery/missile attack', place: 'Kherson' }],
  // "following" opens a background phrase even where a tagger reads it as a participle; a country is no place of the
  // phrase's own, a toll is.
  ['Headline\n\nOn March 5, 2024, protesters held a rally in Ibb to show their readiness to face the enemy following US-UK airstrikes on Yemen.',
    { sub: 'Peaceful protest', place: 'Ibb' }],
  ['Headline\n\nOn March 5, 2024, the army sent tanks to the border following a night of shelling that killed a soldier near Poipet.',
    { sub: 'Shelling/artillery/missile attack' }],
  // A munition the parse makes the subject of a verb of impact is a blow, however far from its verb.
  ['Headline\n\nOn March 5, 2024, shells fired from the east bank hit a school in Kherson.',
    { sub: 'Shelling/artillery/missile attack', place: 'Kherson' }],
  ['Headline\n\nOn March 5, 2024, a missile launched from a launcher near the coast hit a cargo ship off Hodeidah.',
    { sub: 'Shelling/artillery/missile attack' }],
  // A thing brought down is no victim: "it" (a drone), "one of the drones"; "two of the attackers" are people.
  ['Headline\n\nOn March 5, 2024, drones targeted a base near Erbil. One of the drones was neutralized over the base.',
    { sub: 'Air/drone strike', killed: null }],
  ['Headline\n\nOn March 5, 2024, a drone targeted a base near Erbil, but it was neutralized.',
    { sub: 'Air/drone strike', killed: null }],
  ['Headline\n\nOn March 5, 2024, gunmen attacked a police post in Mandera. Two of the attackers were shot dead by police.',
    { killed: 2 }],
  // Ground taken as the other side withdraws or hands it over, with no fighting told, is a non-violent transfer;
  // taken after fighting, it is regained or overtaken.
  ['Headline\n\nOn March 5, 2024, rebels took control of the town of Kitshanga after government troops pulled out.',
    { sub: 'Non-violent transfer of territory', place: 'Kitshanga' }],
  ['Headline\n\nOn March 5, 2024, government forces entered the town of Dhubab without a fight.',
    { sub: 'Non-violent transfer of territory', place: 'Dhubab' }],
  ['Headline\n\nOn March 5, 2024, the army retook the town of Dhubab after heavy fighting.',
    { sub: 'Government regains territory', place: 'Dhubab' }],
  // A side after a reporting verb that is the event verb's own subject acted; it is not a speaker put after its verb.
  ['Headline\n\nOn March 5, 2024, the Pentagon said U.S. fighter jets struck two militia sites in western Iraq.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of the United States' }],
  ['Headline\n\nOn March 5, 2024, officials said Israeli jets struck a house in Rafah.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel', place: 'Rafah' }],
  // A setting goes on where the event does: an event with no place of its own is at the place of what it happened amid;
  // an event that names its own place keeps it.
  ['Headline\n\nOn March 5, 2024, gunmen traded fire with soldiers amid heavy shelling in Khan Yunis.',
    { sub: 'Armed clash', date: '2024-03-05', place: 'Khan Yunis' }],
  ['Headline\n\nOn March 5, 2024, gunmen traded fire with soldiers in Rafah amid heavy shelling in Khan Yunis.',
    { sub: 'Armed clash', place: 'Rafah' }],
  // Victims without a number beside the verb: counted by the parse (article, singular noun, name, conjuncts).
  ['Headline\n\nOn March 5, 2024, a national staffer of an aid agency was killed in mob violence in Garissa.',
    { killed: 1 }],
  ['Headline\n\nOn March 5, 2024, a gunman opened fire at soldiers at a checkpoint near Tulkarm. The soldiers shot and killed the assailant.',
    { killed: 1 }],
  ['Headline\n\nOn March 5, 2024, Israeli drones struck a car near Kafra, killing a Hezbollah fighter and a civilian, while injuring others.',
    { sub: 'Air/drone strike', killed: 2, wounded: null }],
  ['Headline\n\nOn March 5, 2024, gunmen shot dead a man, a woman and a child in Mandera.',
    { killed: 3 }],
  ['Headline\n\nOn March 5, 2024, gunmen attacked and killed a village elder, a respected community leader, in Mandera.',
    { killed: 1 }],
  ['Headline\n\nOn March 5, 2024, an armed clash erupted between militiamen and border guards near Mandera. As a result, a militiaman was killed, and 2 others were wounded.',
    { killed: 1, wounded: 2 }],
  // A number opened by a preposition after the comma is a complement of the toll before it, not another group.
  ['Headline\n\nOn March 5, 2024, a missile hit a cafe in Kupiansk, killing 12 people. Police said the death toll stood at 12, with four injured and two missing.',
    { killed: 12, wounded: 4 }],
  // A retelling with no date of its own, further down, at the very place and of the same kind, is the lead's event.
  ['Headline\n\nOn March 5, 2024, thousands of people marched through Nakuru to demand lower taxes. The organisers said the turnout surprised them.\n\nThe finance bill was tabled last month. It raises fuel levies. Traders say prices have doubled. Teachers have also complained.\n\nChanting slogans and waving flags, the protesters moved through Nakuru towards the county offices.',
    { sub: 'Peaceful protest', date: '2024-03-05', place: 'Nakuru' }],
  // A date inside a phrase that opens a period ("since the outbreak … on October 8") is when the period began, not the event's day.
  ['Headline\n\nHezbollah fired 40 rockets at an army base in Ein Zeitim, the biggest barrage since the outbreak of the fighting between the two sides on October 8, 2023.',
    { sub: 'Shelling/artillery/missile attack', date: '2024-03-14', place: 'Ein Zeitim' }],
  // An author the text cites for its own act claims it; a side cited for another's act is a source only.
  ['Headline\n\nHouthi fighters fired missiles at a ship off Hodeidah on March 4, 2024, according to the Houthis.',
    { actor1: 'Ansar Allah', claim: 'claimed', by: 'Ansar Allah' }],
  ['Headline\n\nUS forces struck a radar site near Hodeidah on March 4, 2024, according to the Houthis.',
    { actor1: 'Military Forces of the United States', claim: 'reported' }],
  // A statement another names itself the speaker of is no claim of the author's; "the group" may be the author speaking.
  ['Headline\n\nAbout 50 people were killed in El Geneina after clashes between the Sudanese army and the RSF on March 5, 2024, the International Organization for Migration said in a statement.',
    { sub: 'Armed clash', claim: 'reported' }],
  ['Headline\n\nAl-Shabaab fighters attacked a police post in Mandera on March 5, 2024, the group said in a statement.',
    { actor1: 'Al Shabaab', claim: 'claimed', by: 'Al Shabaab' }],
  // A state's forces cited for their own act claim it too, as the IRGC "selon les Gardiens de la révolution" does.
  ['Headline\n\nIsraeli jets struck a house in Rafah on March 5, 2024, according to the Israeli military.',
    { actor1: 'Military Forces of Israel', claim: 'claimed', by: 'Military Forces of Israel' }],
  // The claim's by-phrase is the author who claims: "an attack claimed by X" (the claim before its author).
  ['Headline\n\nOn March 4, 2024, a Greek-owned tanker was struck by a drone off the coast of Yemen in an attack claimed by Yemen\'s Iran-backed Houthis.',
    { actor1: 'Ansar Allah', claim: 'claimed', by: 'Ansar Allah' }],
  ['Headline\n\nAl-Shabaab claimed to have attacked an army base in Balad on March 4, 2024.',
    { actor1: 'Al Shabaab', claim: 'claimed', by: 'Al Shabaab' }],
  // The claim's by-phrase with the event noun as the passive subject, and a side named after the phrase's noun.
  ['Headline\n\nA rocket attack on a police post in Mandera on March 4, 2024 was claimed by Al-Shabaab.',
    { actor1: 'Al Shabaab', actor2: null, claim: 'claimed', by: 'Al Shabaab' }],
  ['Headline\n\nOn March 4, 2024, a drone attack on the Conoco gas field in Syria was claimed by a group calling itself the Islamic Resistance in Iraq.',
    { actor1: 'Islamic Resistance in Iraq', claim: 'claimed', by: 'Islamic Resistance in Iraq' }],
  // "launched drones at": an attack; a capital named for its government ("the consent of Damascus") is no place.
  ['Headline\n\nOn March 4, 2024, the Islamic Resistance in Iraq launched drones at American bases in northern Syria, set up without the consent of Damascus.',
    { sub: 'Air/drone strike', actor1: 'Islamic Resistance in Iraq', place: 'northern Syria' }],
  // Taking part in a march or a die-in is protesting.
  ['Headline\n\nOn March 5, 2024, thousands of people in Nairobi took part in peaceful marches against climate change.',
    { sub: 'Peaceful protest', place: 'Nairobi' }],
  ['Headline\n\nOn March 5, 2024, activists in Nairobi participated in a die-in outside parliament.',
    { sub: 'Peaceful protest', place: 'Nairobi' }],
  // "a militia supported by Iran" is a relation, not the event's framing: the place after it stays the event's.
  ['Headline\n\nOn November 21, 2023, US jets struck two sites used by Kataib Hezbollah, a militia supported by Iran, in Iraq.',
    { place: 'Iraq', actor1: 'Military Forces of the United States' }],
  // A state's forces taking a port, driving a group back from a village, recovering regions: ground regained.
  ['Headline\n\nOn March 4, 2024, Yemeni government forces captured the port of Hodeidah.',
    { sub: 'Government regains territory', actor1: 'Military Forces of Yemen' }],
  ['Headline\n\nOn March 4, 2024, Syrian army units drove back the militants from a key village near Hama.',
    { sub: 'Government regains territory' }],
  ['Headline\n\nOn March 4, 2024, the Malian army recovered the regions near Gao that rebels had held.',
    { sub: 'Government regains territory' }],
  // "die in clashes" is no die-in; a headline's present "die" tells a toll.
  ['Headline\n\nOn March 5, 2024, two people die in clashes between rival militias in Nakuru.',
    { sub: 'Armed clash', killed: 2 }],
  // Bullets (not rubber ones) fired with tear gas at a protest are excessive force.
  ['Headline\n\nOn March 5, 2024, security forces used tear gas and bullets to disperse demonstrators in Omdurman.',
    { sub: 'Excessive force against protesters' }],
  // An exchange of prisoners, however worded, is an agreement carried out.
  ['Headline\n\nOn March 5, 2024, the government released 30 rebels near Gao in exchange for the release of 16 soldiers.',
    { sub: 'Agreement' }],
  ['Headline\n\nOn March 5, 2024, Red Cross officials supervised the exchange of 40 prisoners of war near Donetsk.',
    { sub: 'Agreement' }],
  // The next sentence retells the taking and says the other side withdrew: a handover, not a conquest.
  ['Headline\n\nOn March 5, 2024, al-Shabaab militants took control of Elwak, a town near the border. The militants seized the town following the withdrawal of government forces.',
    { sub: 'Non-violent transfer of territory' }],
  // "X, between A and B": A and B place X; they are not other places of the event.
  ['Headline\n\nOn March 5, 2024, a boat was attacked by militants near Gourma-Rharous, between Timbuktu and Gao.',
    { place: 'Gourma Rharous' }],
  // Words that look like the new cues without being them: a "relentless critic", patients who "could die", jets that
  // "took part in the strikes", workers who support a march, a claim on an attack "on a group called X".
  ['Headline\n\nOn March 5, 2024, gunmen killed three traders at a market in Kisumu, a relentless critic of the governor said.',
    { sub: 'Attack', killed: 3 }],
  ['Headline\n\nOn March 5, 2024, gunmen attacked a convoy near Kadugli; officials warned that 30 patients could die without medicine.',
    { killed: null }],
  ['Headline\n\nOn March 5, 2024, British jets took part in the strikes on Houthi targets near Hodeidah.',
    { sub: 'Air/drone strike' }],
  ['Headline\n\nOn March 5, 2024, protesters supported by airline workers marched in Nairobi.',
    { place: 'Nairobi' }],
  ['Headline\n\nOn March 5, 2024, the Islamic State claimed the attack on a group called Hayat Tahrir al-Sham near Idlib.',
    { actor1: 'Islamic State', by: 'Islamic State' }],
  ['Headline\n\nOn March 5, 2024, a drone struck Tower 22 in Jordan; the Pentagon didn\'t confirm the strike.',
    { claim: 'reported' }],
  ['Headline\n\nOn March 5, 2024, a drone struck Ain al-Asad air base; the Pentagon confirmed the strike but could not confirm reports of injuries.',
    { claim: 'confirmed' }],
  // Whom a struck place holds, told in a clause describing it, is struck with it.
  ['Headline\n\nOn March 4, 2024, a drone hit the Shaddadi base in Syria, where American troops are stationed.',
    { actor1: null, actor2: 'Military Forces of the United States' }],
  ['Headline\n\nOn March 4, 2024, two rockets landed inside the Victory base in Iraq, which hosts American troops.',
    { actor1: null, actor2: 'Military Forces of the United States' }],
  // A confirmation said to be missing confirms nothing, by its verb or by its speaker.
  ['Headline\n\nOn March 4, 2024, a drone struck the Shaddadi base in Syria. The Pentagon could not confirm the attack.',
    { actor1: null, claim: 'reported' }],
  ['Headline\n\nOn March 4, 2024, a drone struck the Shaddadi base in Syria. US officials did not confirm the attack.',
    { actor1: null, claim: 'reported' }],
  // "Neutralized": fighters killed, in the words of military statements.
  ['Headline\n\nOn March 4, 2024, the army said it neutralized 20 militants in an operation near Djibo.',
    { killed: 20 }],
  // A curated name inside a person's name ("Omar Mahmood") is no witness of the story's country.
  ['Headline\n\nAl-Shabaab militants raided Omar Jilo, in northern Kenya, on March 5, 2024, and clashed with police. "The group is weakened," said Omar Mahmood, a researcher.',
    { country: 'KE' }],
  // A division the text gives as where a town lies, in another country than the town read: the town is that division's namesake.
  ['Headline\n\nOn 25 November 2019, militiamen killed a farmer in Raya area of Balambala sub-county, Garissa county.',
    { country: 'KE' }],
  ['Headline\n\nOn March 5, 2024, a mob lynched a man in Kisii after he was cornered on allegations of killing a teacher.',
    { sub: 'Mob violence', killed: 1 }],
  ['Headline\n\nOn March 5, 2024, soldiers killed the militants in a raid near Mandera.',
    { killed: null }],
  // Violence that is a protest's topic or setting does not make it violent.
  ['Headline\n\nOn March 5, 2024, students held a march in Kisumu to denounce police brutality amid a new wave of violence in the county.',
    { sub: 'Peaceful protest' }],
  ['Headline\n\nOn March 5, 2024, hundreds of women marched in Nakuru against gender violence.',
    { sub: 'Peaceful protest' }],
  // Stun grenades disperse a crowd: no grenade attack; the police who disperse the rioters stay their target, the crowd acts.
  ['Headline\n\nOn March 5, 2024, rioters clashed with police forces in Kisumu. The police fired tear gas and stun grenades to disperse the rioters.',
    { sub: 'Violent demonstration', actor1: 'Rioters (Kenya)' }],
  // Youths who fight troops raiding their town resist an operation: no demonstration is told, a mob is, also when the next sentence retells them as rioters.
  ['Headline\n\nOn March 5, 2024, youths clashed with soldiers that raided houses in Garissa. The soldiers fired tear gas to disperse the rioters.',
    { sub: 'Mob violence' }],
  ['Headline\n\nOn March 5, 2024, residents clashed with police during a search operation in Mandera.',
    { sub: 'Mob violence' }],
  // A toll counted up to or from a date is a running total, not the event's.
  ['Headline\n\nOn March 9, 2024, an air strike hit a house in Rafah. The ministry said 31,000 people had been killed since October 7.',
    { sub: 'Air/drone strike', killed: null }],
  ['Headline\n\nOn March 9, 2024, Israeli warplanes struck a house in Rafah, leaving unspecified fatalities. The ministry reported 31000 fatalities up to 9 March 2024.',
    { sub: 'Air/drone strike', killed: null }],
  ['Headline\n\nOn March 4, 2024, US jets struck a command node near Jurf al-Sakhar, south of Baghdad.',
    { sub: 'Air/drone strike', date: '2024-03-04', place: 'Jurf al-Nasr', precision: 2 }],
  ['Headline\n\nOn March 4, 2024, residents of Mtwapa, Mombasa county, protested over the grabbing of their land.',
    { sub: 'Peaceful protest', date: '2024-03-04', place: 'Mtwapa', precision: 1 }],
  ['Headline\n\nOn March 4, 2024, students blocked the road between Maseno and Busia with burning tyres.',
    { date: '2024-03-04', place: 'Maseno' }],
  ['Headline\n\nThe Islamic Resistance in Iraq claimed responsibility for a drone attack on US forces at Ain al-Asad air base on Monday.',
    { sub: 'Air/drone strike', date: '2024-03-11', place: 'Ain al-Asad Air Base', actor1: 'Islamic Resistance in Iraq', actor2: 'Military Forces of the United States', weapons: ['drone'], claim: 'claimed' }],
  ['Headline\n\nAt least 12 people were killed and a dozen wounded when a roadside bomb hit a minibus near Mogadishu on March 2, 2024.',
    { sub: 'Remote explosive/landmine/IED', date: '2024-03-02', killed: 12, wounded: 12, precision: 2 }],
  ['Headline\n\nIsraeli warplanes struck a Hamas command post in Khan Younis on Tuesday, killing five militants, the IDF said.',
    { sub: 'Air/drone strike', date: '2024-03-12', actor1: 'Military Forces of Israel', actor2: 'Hamas', killed: 5, weapons: ['aircraft'] }],
  ['Headline\n\nHouthi rebels fired an anti-ship ballistic missile at a container ship in the Gulf of Aden on Wednesday, US Central Command said. No injuries were reported.',
    { sub: 'Shelling/artillery/missile attack', actor1: 'Ansar Allah', weapons: ['ballistic_missile'], claim: 'confirmed', wounded: 0, country: 'YE' }],
  ['Headline\n\nOn March 3, 2024, police fired tear gas to disperse hundreds of students protesting fee increases in Nairobi.',
    { sub: 'Protest with intervention', date: '2024-03-03', place: 'Nairobi' }],
  ['Headline\n\nOn March 5, 2024, police shot dead two protesters during a demonstration over land in Kisumu.',
    { sub: 'Excessive force against protesters', killed: 2 }],
  ['Headline\n\nOn February 20, 2024, a mob lynched a man suspected of theft in Kisii town.',
    { sub: 'Mob violence', date: '2024-02-20', place: 'Kisii' }],
  ['Headline\n\nOn February 11, 2024, gunmen abducted three aid workers near Garissa.',
    { sub: 'Abduction/forced disappearance', date: '2024-02-11' }],
  ['Headline\n\nTwo drones targeting US and coalition forces at al-Tanf were shot down on Thursday, a US official said.',
    { sub: 'Air/drone strike', place: 'Al-Tanf', actor2: 'Military Forces of the United States', claim: 'confirmed', date: '2024-03-14' }],
  ['Headline\n\nOn Monday, March 11, 2024, air defenses intercepted a drone targeting Harir air base, a facility of the coalition fighting the Islamic State.',
    { sub: 'Air/drone strike', place: 'Harir Air Base', actor2: null, date: '2024-03-11' }],
  ['Headline\n\nOn March 6, 2024, Syrian Democratic Forces fighting the Islamic State clashed with its militants near Hasakah.',
    { sub: 'Armed clash', actor1: 'Syrian Democratic Forces', actor2: 'Islamic State' }],
  ['Headline\n\nOn March 6, 2024, forty rebels surrendered to the army in Mopti.',
    { sub: 'Agreement', date: '2024-03-06' }],
  ['Headline\n\nOn March 6, 2024, government troops recaptured the town of Kidal from rebel fighters.',
    { sub: 'Government regains territory' }],
  // ACLED's codebook: ground acquired without a violent act, as the other side withdraws, is a non-violent transfer
  // (this row expected an overtaking before the handover cues).
  ['Headline\n\nOn March 6, 2024, militants seized control of the village of Afgoye after government forces withdrew.',
    { sub: 'Non-violent transfer of territory' }],
  ['Headline\n\nOn March 6, 2024, militants seized control of the village of Afgoye after clashes with government forces.',
    { sub: 'Non-state actor overtakes territory' }],
  ['Headline\n\nOn March 6, 2024, Turkish forces set up a new observation post near Idlib.',
    { sub: 'Headquarters or base established' }],
  ['Headline\n\nOn March 6, 2024, the army dispatched hundreds of troops and armoured vehicles to Kirkuk.',
    { sub: 'Change to group/activity' }],
  ['Headline\n\nOn March 6, 2024, police seized 40 rifles and 2,000 rounds of ammunition in a raid in Garissa.',
    { sub: 'Disrupted weapons use' }],
  ['Headline\n\nOn March 6, 2024, hundreds of students marched in Nairobi to protest against gun violence.',
    { sub: 'Peaceful protest' }],
  ['Headline\n\nOn March 6, 2024, protesters threw stones at police and burned tyres in Kisumu.',
    { sub: 'Violent demonstration' }],
  ['Headline\n\nOn March 6, 2024, police arrested 12 opposition activists in Mombasa.',
    { sub: 'Arrests' }],
  ['Headline\n\nOn March 12, 2024, gunmen opened fire on a cafe in Mogadishu.',
    { sub: 'Attack', date: '2024-03-12', place: 'Mogadishu', weapons: ['small_arms'] }],
  // A state as the subject of an attack verb, with an auxiliary and an adverb between.
  ['Headline\n\nIsrael has allegedly bombed a military site near Homs on Tuesday, Syrian state media said.',
    { actor1: 'Military Forces of Israel', date: '2024-03-12' }],
  // An approximation between the verb and its number belongs to the count.
  ['Headline\n\nOn March 9, 2024, militants attacked a village near Mopti, killing more than 12 civilians.',
    { killed: 12, date: '2024-03-09' }],
  // Victims decide attack vs battle: a police officer is armed, the "officer" inside the name is not a civilian.
  ['Headline\n\nOn March 7, 2024, two police officers were shot dead by gunmen in Mandera.',
    { sub: 'Armed clash', killed: 2, date: '2024-03-07' }],
  // The subject of an active verb with an object is who acts, not a victim.
  ['Headline\n\nOn March 7, 2024, soldiers killed three herders near Wajir.',
    { sub: 'Attack', killed: 3 }],
  // An ambush falls on whoever it falls on: a bus of passengers is an attack on civilians, a patrol a battle.
  ['Headline\n\nOn March 8, 2024, gunmen ambushed a bus carrying passengers near Lamu, killing two.',
    { sub: 'Attack', killed: 2, date: '2024-03-08' }],
  ['Headline\n\nOn March 8, 2024, militants ambushed soldiers on patrol near Lamu.',
    { sub: 'Armed clash', date: '2024-03-08' }],
  // Fire returned in the next sentence makes the attack a battle.
  ['Headline\n\nOn March 9, 2024, bandits attacked a village in Baringo. Police reservists fought back, killing two of the attackers.',
    { sub: 'Armed clash', date: '2024-03-09' }],
  // A bare toll after an event is its toll, not a second event.
  ['Headline\n\nOn March 10, 2024, police exchanged fire with robbers in Thika. Three killed.',
    { sub: 'Armed clash', killed: 3, date: '2024-03-10' }],
  // A demonstration told in two sentences is one demonstration, violent if the crowd was.
  ['Headline\n\nOn March 11, 2024, students held a demonstration in Eldoret over fees. The students stoned vehicles and police arrested ten.',
    { sub: 'Violent demonstration', date: '2024-03-11', place: 'Eldoret' }],
  // Arrests told with a peaceful protest are the police's intervention in it.
  ['Headline\n\nOn March 12, 2024, traders protested in Kisumu over new levies. Police arrested five of them.',
    { sub: 'Protest with intervention', date: '2024-03-12', place: 'Kisumu' }],
  // "non-violent", "no reports of violence": denied violence is no riot.
  ['Headline\n\nOn March 13, 2024, thousands of non-violent protesters marched in Nairobi. There were no reports of violence.',
    { sub: 'Peaceful protest', date: '2024-03-13' }],
  // Clans and communities that fight are armed sides; a crowd or residents that beat someone are a mob.
  ['Headline\n\nOn March 14, 2024, two clans clashed over pasture near Wajir, leaving three dead.',
    { sub: 'Armed clash', date: '2024-03-14' }],
  ['Headline\n\nOn March 14, 2024, residents of Kisii attack and kill a man suspected of theft.',
    { sub: 'Mob violence', date: '2024-03-14' }],
  // Theft told with a killing: the killing is the event.
  ['Headline\n\nOn March 15, 2024, bandits killed two herders and stole their cattle near Baragoi.',
    { sub: 'Attack', killed: 2, date: '2024-03-15' }],
  // A state's strikes with no weapon named are air strikes.
  ['Headline\n\nOn March 16, 2024, US strikes hit two militia depots near Al Qaim.',
    { sub: 'Air/drone strike', date: '2024-03-16' }],
  // "beat X to death", present-tense verbs (notes and headlines), a participle clause after a comma, arson.
  ['Headline\n\nOn March 6, 2024, in Isiolo, police officers allegedly beat a man to death during an arrest.',
    { sub: 'Attack', date: '2024-03-06', place: 'Isiolo' }],
  ['Headline\n\nOn March 6, 2024, two police officers shoot and kill a woman in Kibera, Nairobi.',
    { sub: 'Attack', date: '2024-03-06', killed: 1 }],
  ['Headline\n\nOn March 6, 2024, gunmen kill two civilians in Mandera.',
    { sub: 'Attack', date: '2024-03-06', killed: 2, place: 'Mandera' }],
  ['Headline\n\nOn March 6, 2024, a house was set on fire in Wote, killing four people.',
    { date: '2024-03-06', killed: 4, place: 'Wote' }],
  // A toll told after the event keeps the event's type; an armed victim named again by its head noun stays armed.
  ['Headline\n\nOn March 6, 2024, Al Shabaab militants raid a police post in Mandera. A gunbattle ensued. Four others wounded.',
    { sub: 'Armed clash', date: '2024-03-06', wounded: 4 }],
  ['Headline\n\nOn March 6, 2024, a gang attacked a police officer on patrol in Mombasa, seriously wounding the officer.',
    { sub: 'Armed clash', date: '2024-03-06' }],
  // Rioters who turn on people outside a demonstration are a mob (ACLED); a demonstration turned violent stays one.
  ['Title\n\nOn 6 March 2024, rioters attacked and injured two journalists in Ruiru.',
    { sub: 'Mob violence', date: '2024-03-06', place: 'Ruiru' }],
  ['Title\n\nOn 6 March 2024, students protesting fee increases rioted and pelted police with stones in Nyeri.',
    { sub: 'Violent demonstration', date: '2024-03-06', place: 'Nyeri' }],
  // "violence" as what a march is for or against is its topic, not its conduct.
  ['Title\n\nOn 6 March 2024, refugees marched in Nairobi to demand compensation for cases of violence.',
    { sub: 'Peaceful protest', date: '2024-03-06', place: 'Nairobi' }],
  ['Title\n\nOn 6 March 2024, women marched in Garissa to end gender-based violence.',
    { sub: 'Peaceful protest', date: '2024-03-06', place: 'Garissa' }],
  // An event told without a place happened where its paragraph is set.
  ['Title\n\nPolice raided houses in Kisumu on Monday night. Of the 29 people injured, 26 had gunshot wounds.',
    { place: 'Kisumu', country: 'KE', wounded: 29 }],
  // A village the gazetteer lacks, tied to an area it knows: its name, the area's point, precision 3.
  ['Title\n\nOn March 5, 2024, gunmen attacked the village of Damase in Garissa county.',
    { date: '2024-03-05', place: 'Damase', country: 'KE', precision: 3 }],
  ['Title\n\nOn March 5, 2024, a grenade was hurled at a primary school in Likoni, Mombasa.',
    { sub: 'Grenade', place: 'Likoni', country: 'KE', precision: 3 }],
  // Police who attack a protest intervene in it.
  ['Title\n\nOn March 5, 2024, police attacked protesters in Kisumu.', { sub: 'Protest with intervention', place: 'Kisumu' }],
  // A part of a toll is not added to it.
  ['Title\n\nOn March 5, 2024, police fired on a crowd in Kisumu. Twelve people were injured, including three children who were wounded by bullets.',
    { place: 'Kisumu', wounded: 12 }],
  // ACLED keeps battles for organised armed groups: crowds that fight the police or each other riot.
  ['Title\n\nOn 6 March 2024, supporters of two rival candidates clashed in Kakamega.', { sub: 'Mob violence', place: 'Kakamega' }],
  ['Title\n\nOn 6 March 2024, hawkers engaged county officers in running battles in Nakuru.', { sub: 'Mob violence', place: 'Nakuru' }],
  ['Title\n\nOn 6 March 2024, residents of Kisii held a demonstration over insecurity. Youths later engaged police in running battles in the town.',
    { sub: 'Violent demonstration', place: 'Kisii' }],
  ['Title\n\nOn 6 March 2024, herders and farmers clashed in Tana River.', { sub: 'Armed clash' }],
  ['Title\n\nOn 6 March 2024, Al Shabaab militants clashed with police in Mandera.', { sub: 'Armed clash', place: 'Mandera' }],
  // Arrests told just after an attack, with no place of their own, are what followed it.
  ['Title\n\nOn 6 March 2024, cattle rustlers shot dead a herder in Baringo. Four suspects were arrested.', { sub: 'Attack', killed: 1 }],
  // The subject of a passive attack is what it fell on.
  ['Title\n\nOn 6 March 2024, the home of a councillor in Siaya was attacked by unidentified men.', { sub: 'Attack', place: 'Siaya' }],
  // A clash named as what an attack is linked to is its background, not its type.
  ['Title\n\nOn 6 March 2024, two herders were killed in Marsabit in attacks linked to clan clashes.', { sub: 'Attack', killed: 2 }],
  // "The suspects" points back to the victims just told: one event, whose number is the victims' after the verb.
  ['Title\n\nOn 6 March 2024, a mob lynched two suspected thieves in Kericho. The suspects were stoned to death.', { sub: 'Mob violence', killed: 2 }],
  ['Title\n\nOn 6 March 2024, a gang killed two traders in Kericho.', { killed: 2 }],
  ['Title\n\nOn 6 March 2024, residents of a village near Malava in Kakamega county beat up a suspected thief.', { sub: 'Mob violence' }],
  // Crowd victims of a passive verb are no mob.
  ['Title\n\nOn 6 March 2024, two traders were killed in Kericho.', { sub: 'Attack', killed: 2 }],
  // A counted object of a verb is its target, not its author; a date opening the sentence ("On 6 March 2024,")
  // makes no target of who follows it.
  ['Title\n\nOn 6 March 2024, Kenyan troops killed four members of al Shabaab in Lamu.',
    { sub: 'Armed clash', actor1: 'Military Forces of Kenya', actor2: 'Al Shabaab', killed: 4, place: 'Lamu' }],
  ['Title\n\nOn 6 March 2024, Al Shabaab militants attacked police officers in Mandera and killed one.',
    { sub: 'Armed clash', actor1: 'Al Shabaab', killed: 1, place: 'Mandera' }],
  ['Title\n\nOn 6 March 2024, police raided an al Shabaab hideout in Lamu and killed two militants.', { sub: 'Armed clash', actor2: 'Al Shabaab', killed: 2 }],
  // Who a relative clause speaks of is no victim: armed men shot dead stay a battle.
  ['Title\n\nOn 6 March 2024, police shot dead six gang members suspected of raping a woman in Dandora, Nairobi.', { sub: 'Armed clash', killed: 6 }],
  // An attack on no one named as armed is an attack on civilians.
  ['Title\n\nOn 6 March 2024, gunmen attacked a meeting of elders in Mandera.', { sub: 'Attack', place: 'Mandera' }],
  // A kind of conflict after "during" is the setting of the attack told; a toll "in ethnic clashes" is the clashes' own.
  ['Title\n\nOn 6 March 2024, raiders attacked a teacher in Molo during ethnic clashes.', { sub: 'Attack', place: 'Molo' }],
  ['Title\n\nOn 6 March 2024, four people were killed in ethnic clashes in Molo.', { sub: 'Armed clash', killed: 4 }],
  // An abduction that ends in a killing is the attack.
  ['Title\n\nOn 6 March 2024, gunmen abducted and killed a trader in Wote.', { sub: 'Attack', killed: 1 }],
  // Police intervention: "teargassed"; "on Monday" is no topic of the protest.
  ['Title\n\nOn 6 March 2024, police teargassed university staff who were protesting in Nairobi.', { sub: 'Protest with intervention', place: 'Nairobi' }],
  ['Title\n\nPolice on Monday used tear gas to disperse residents demonstrating in Voi.', { sub: 'Protest with intervention', place: 'Voi' }],
  // Shots in the air and a crowd held back by the police are an intervention; shots into the crowd are excessive force.
  // Tear gas fired into a crowd is an intervention, not excessive force; a promise to "quell" concerns is no police action.
  ['Title\n\nOn 6 March 2024, residents protested in Meru over land. Police fired tear gas into the crowd.', { sub: 'Protest with intervention', place: 'Meru' }],
  ['Title\n\nOn 6 March 2024, traders protested peacefully in Embu. The governor promised to quell their concerns.', { sub: 'Peaceful protest', place: 'Embu' }],
  // A recent strike with its own toll and day is an event.
  ['Title\n\nOn 5 March 2024, recent Israeli strikes killed five people in Khan Younis.', { sub: 'Air/drone strike', killed: 5, date: '2024-03-05' }],
  ['Title\n\nOn 6 March 2024, traders protested in Nyeri against new market fees. Police fired in the air to keep them from the county offices.', { sub: 'Protest with intervention', place: 'Nyeri' }],
  ['Title\n\nOn 6 March 2024, nurses protesting in Embu were stopped by police at the gate of the hospital.', { sub: 'Protest with intervention', place: 'Embu' }],
  ['Title\n\nOn 6 March 2024, police open fire on a crowd of residents protesting in Kitui, injuring four.', { sub: 'Excessive force against protesters', wounded: 4 }],
  // The topic of a protest does not run across a comma: the dormitory burnt is what the students did.
  ['Title\n\nOn 6 March 2024, students of a school in Mumias, protesting against their principal, burnt their dormitory.', { sub: 'Violent demonstration' }],
  // "killing two and injuring three": "and" is no unit ("an"), and ", killing" is a killing.
  ['Title\n\nOn 6 March 2024, gunmen attacked a bus near Lamu, killing two and injuring three.', { sub: 'Attack', killed: 2, wounded: 3 }],
  // Police who fire on a crowd attack it.
  ['Title\n\nOn 6 March 2024, police fired on a crowd in Kisumu.', { sub: 'Attack', place: 'Kisumu' }],
  // A number written in groups of three is one number.
  ['Title\n\nOn 6 March 2024, gunmen killed 1,200 people in Khartoum.', { killed: 1200, place: 'Khartoum' }],
  // "According to US defense officials": the target's side confirms.
  ['Title\n\nOn 6 March 2024, drones attacked US forces at al-Tanf, according to US defense officials.',
    { sub: 'Air/drone strike', actor2: 'Military Forces of the United States', claim: 'confirmed', by: 'Military Forces of the United States' }],
  // Any state's officials, as the lexicon's nationalities name them.
  ['Title\n\nOn 6 March 2024, gunmen killed three people in an attack on a police post in Moroto, Ugandan officials said.',
    { sub: 'Attack', place: 'Moroto', killed: 3, claim: 'confirmed' }],
  // A day the calendar does not have, or a year no news is about: no date rather than a wrong one.
  ['Headline\n\nOn Monday, December 35, 2023, a drone struck Harir air base.', { sub: 'Air/drone strike', date: null }],
  ['Headline\n\nOn December 31, 9999, a drone struck Harir air base.', { sub: 'Air/drone strike', date: null }],
  ['Headline\n\nOn February 30, 2024, a drone struck Harir air base.', { sub: 'Air/drone strike', date: null }],
  // A toll is a count of people: no decimal, and nothing beyond any single event (a statistic).
  ['Headline\n\nOn March 6, 2024, a drone strike on Erbil killed 1,200 people.', { killed: 1200 }],
  ['Headline\n\nOn March 6, 2024, a drone strike on Erbil killed 2,000,000 people and wounded 3.', { killed: null, wounded: 3 }],
  ['Headline\n\nOn March 6, 2024, a drone strike on Erbil killed 0.5 people.', { killed: null, place: 'Erbil' }],
  // A toll stated for the event beats the figures around it; a toll shared out among events is none of them.
  ['Headline\n\nOn May 2, 2024, artillery shelled Kherson, killing 9 people in three districts. Fatalities were split across 3 events, 3 were attributed to this event.',
    { place: 'Kherson', killed: 3 }],
  ['Headline\n\nOn May 2, 2024, jets bombed two houses in Idlib, killing 5 people. Another strike killed 2 people. The total fatalities were 7.',
    { place: 'Idlib', killed: 7 }],
  ['Headline\n\nOn May 2, 2024, drones struck a market in Kherson. The regional governor reported 40 deaths split across 4 events that day.',
    { place: 'Kherson', killed: null }],
  // The victims of a death noun ("the death of two soldiers") and the subject of a verb of dying.
  ['Headline\n\nOn May 2, 2024, a drone struck a car near Kherson, resulting in the death of two soldiers.', { place: 'Kherson', killed: 2 }],
  ['Headline\n\nOn May 2, 2024, gunmen attacked a checkpoint in Baidoa, wounding a guard. The wounded guard died later in hospital.', { place: 'Baidoa', killed: 1 }],
  // Where a side that fires from afar is, is not where it strikes; a place it flees towards is no scene.
  ['Headline\n\nOn May 2, 2024, Hezbollah fighters in Lebanon fired rockets toward Kiryat Shmona.', { sub: 'Shelling/artillery/missile attack', place: 'Kiryat Shmona' }],
  ['Headline\n\nOn May 2, 2024, gunmen raided a village in Marsabit. They fled towards Isiolo.', { place: 'Marsabit' }],
  // Who acknowledges having struck is the author.
  ['Headline\n\nOn October 31, 2023, the Israeli army acknowledged that it had struck the Jabalia camp.', { actor1: 'Military Forces of Israel' }],
  // A state's bombing with no weapon named is an air strike.
  ['Headline\n\nOn May 2, 2024, Russian forces bombed a market in Kharkiv.', { sub: 'Air/drone strike', actor1: 'Military Forces of Russia', place: 'Kharkiv' }],
  // An air force strikes from the air.
  ['Headline\n\nOn July 9, 2023, the air force struck the centre of Khartoum.', { sub: 'Air/drone strike', place: 'Khartoum', weapons: ['aircraft'] }],
  // Houses, lands and graves blown up or razed with no one hurt: property destroyed.
  ['Headline\n\nOn 22 January 2024, the army blew up a residential area and houses in Rafah. There were no casualties.', { sub: 'Looting/property destruction', place: 'Rafah', killed: 0 }],
  ['Headline\n\nOn 22 January 2024, Israeli troops blew up houses in Khan Younis. No one was hurt.', { sub: 'Looting/property destruction', actor1: 'Military Forces of Israel', place: 'Khan Yunis' }],
  // A day of its own makes the toll an event's, whatever period it is compared with.
  ['Headline\n\nFive people have been killed in Rafah on Monday, March 4, 2024, the deadliest strike since October 7.', { killed: 5, date: '2024-03-04' }],
  // A period told of the place, after a comma, is not the event's ("the Tessit camp, besieged since August").
  ['Headline\n\nOn 5 March 2024, militants have attacked the Tessit camp, besieged since August.', { place: 'Tessit' }],
  // "since" tells no origin: a name after it stays the start of a period, its date not the event's.
  ['Headline\n\nIsraeli strikes killed 40 people in Rafah, the deadliest toll since Operation Protective Edge on 20 July 2014.', { killed: 40, place: 'Rafah', date: '2024-03-14' }],
  // A rank in a list counts one; "No. 2" is a rank too.
  ['Headline\n\nOn 5 March 2024, the number two of the movement and three guards were killed in a drone strike near Beirut.', { killed: 4 }],
  ['Headline\n\nOn 5 March 2024, Hamas\'s No. 2 Saleh al-Arouri was killed in a drone strike in Beirut.', { killed: 1 }],
  ['Title\n\nOn 5 March 2024, gunmen killed a chief along with his wife as she slept in Mandera.', { killed: 2 }],
  // A possessive after "and" names one more victim ("a chief and his son"); "in his house" names none.
  ['Title\n\nOn 5 March 2024, gunmen killed a chief and his son in Djugu.', { killed: 2 }],
  ['Title\n\nOn 5 March 2024, gunmen killed a man in his house in Mandera.', { killed: 1 }],
  ['Title\n\nOn 5 March 2024, gunmen killed a soldier and his weapon was taken in Djugu.', { killed: 1 }],
  ['Title\n\nOn 5 March 2024, gunmen killed a man and his family in Djugu.', { killed: 1 }],
  ['Title\n\nOn 5 March 2024, gunmen killed a chief and his sons in Djugu.', { killed: 1 }],
  // A rank ("the number two of the movement") names one person, not two.
  ['Headline\n\nOn 5 March 2024, the number two of the movement was killed in a drone strike near Beirut.', { killed: 1 }],
  // Storming a village is an assault, not a taking of ground: killing its people, it is an attack.
  ['Headline\n\nOn 3 March 2024, over 30 people were killed when gunmen stormed a village near Bandiagara.', { sub: 'Attack', killed: 30 }],
  // The part of a country after a comma says where the town "near" which it happened lies: one event, near the town.
  ['Headline\n\nOn 3 March 2024, gunmen killed 30 people near Bandiagara, in central Mali.', { place: 'Bandiagara', killed: 30 }],
  // Opening fire on a checkpoint is no checkpoint opened.
  ['Headline\n\nOn 5 March 2024, gunmen opened fire on a checkpoint in Aden, killing three soldiers.', { sub: 'Armed clash', killed: 3 }],
  // Arson: property set fire to is destroyed; a crowd's burning tyres stay its riot.
  ['Headline\n\nOn 1 March 2024, unknown assailants set fire to a church in the village of Mukulia, near Beni, in the Democratic Republic of Congo.', { sub: 'Looting/property destruction' }],
  ['Headline\n\nOn 1 March 2024, protesters set fire to tyres in Nairobi.', { sub: 'Violent demonstration' }],
  // A building blown up on the people in it is a blow, not a demolition.
  ['Headline\n\nOn 4 March 2024, militants blew up buildings in Mosul, killing five soldiers.', { sub: 'Armed clash', killed: 5 }],
  // Buildings a munition flattens are its blow's, not a demolition.
  ['Headline\n\nOn 22 January 2024, an explosion blew up homes in Rafah.', { sub: 'Shelling/artillery/missile attack' }],
  // Rubble is no riot: stones and bricks are a crowd's weapons only when thrown.
  ['Headline\n\nOn May 2, 2024, a missile hit a cafe in Kharkiv, killing 5 people. Piles of bricks and broken bottles remained where it stood.',
    { sub: 'Shelling/artillery/missile attack', place: 'Kharkiv', killed: 5 }],
  ['Headline\n\nOn May 2, 2024, youths hurled stones at police officers in Kisumu.', { sub: 'Mob violence', place: 'Kisumu' }],
  // What a protest condemns is its cause, not a second event told by the protest's report.
  ['Headline\n\nOn May 3, 2024, residents marched in Mombasa to condemn the bombing of a bus in Lamu.', { sub: 'Peaceful protest', place: 'Mombasa' }],
  // Guns, tanks and gunboats strike as aircraft do: a shelling by their army.
  ['Headline\n\nOn May 2, 2024, Russian artillery struck targets in Kharkiv.', { sub: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Russia', place: 'Kharkiv' }],
  // "an unspecified number" of victims is no count of one.
  ['Headline\n\nOn May 2, 2024, jets bombed a market in Idlib, killing and injuring an unspecified number of people.',
    { place: 'Idlib', killed: null, wounded: null }],
  // A total told with its day is one event's toll; a part after "including" is not added to its whole.
  ['Headline\n\nA total of 14 people, including a child, were killed in a Russian missile strike on the town of Izium on 2 March.',
    { sub: 'Shelling/artillery/missile attack', date: '2024-03-02', killed: 14 }],
  ['Headline\n\nNine people, including two police officers, were killed when gunmen attacked a bus near Mandera on March 5, 2024.',
    { killed: 9 }],
  // "the afternoon of" a day dates the event to that day.
  ['Headline\n\nOn the afternoon of Thursday, 7 March, Russian troops shelled a school in the village of Pisky, Donetsk Oblast.',
    { date: '2024-03-07', place: 'Pisky', country: 'UA', precision: 3 }],
  // A place the text introduces as a town is that town, also when the document's other country is the attacker's.
  ['Headline\n\nOn 2 March, Russian troops shelled a school in the town of Kupiansk.', { country: 'UA', precision: 1 }],
  // A count that opens a list of victims: the parse sums the list.
  ['Headline\n\nOn March 5, 2024, warplanes struck a house in Rafah, killing a local journalist and 3 members of his family.', { killed: 4 }],
  ['Headline\n\nOn March 5, 2024, raiders killed two herders and three children near Lodwar.', { killed: 5 }],
  // Arabic names written with spaced articles are one name; a bracket after a name says which area it lies in.
  ['Headline\n\nOn March 5, 2024, Israeli artillery shelled the outskirts of the village of Beit el Hoss (Marjayoun).',
    { place: 'Beit el Hoss', country: 'LB', precision: 3 }],
  ['Headline\n\nOn March 5, 2024, Israeli drones struck a car on Kfarshouba (Al Nabatieh, Hasbaya), killing two people.', { place: 'Kfarshouba', country: 'LB', killed: 2 }],
  // The places in a bracket after a place are where it lies, not other places.
  ['Headline\n\nOn March 5, 2024, students protested in Kisumu town (Kisumu, Nyanza) over fees.', { sub: 'Peaceful protest', place: 'Kisumu', precision: 1 }],
  // Where a crowd is from ("workers of the Mombasa port") is not where it acts when the sentence says where.
  ['Headline\n\nOn March 5, 2024, hundreds of workers of the Mombasa port marched in Nairobi to demand higher pay.', { sub: 'Peaceful protest', place: 'Nairobi' }],
  // A suspect named by the armed group he belongs to is no civilian: police killing him fight that group.
  ['Headline\n\nOn March 5, 2024, police shot and killed an al Shabaab suspect in Garissa.', { sub: 'Armed clash', killed: 1 }],
  // Blocking traffic is a protest's way, not violence (ACLED: barricades and burning tyres are).
  ['Headline\n\nOn March 5, 2024, boda boda riders protested in Kitengela town, blocking traffic for hours over insecurity.', { sub: 'Peaceful protest' }],
  ['Headline\n\nOn March 5, 2024, boda boda riders protested in Kitengela town, burning tyres on the road over insecurity.', { sub: 'Violent demonstration' }],
  // A dateline names where the report was filed; the event is where the sentence places it.
  ['Headline\n\nBaidoa, Somalia — Soldiers on Sunday repelled an attack on a military base in Burhakaba.', { sub: 'Armed clash', place: 'Buurhakaba' }],
  // A district named in Hebrew says which country the bracket's town is in: Akko is Acre, not a namesake in Nigeria.
  ['Headline\n\nOn 5 March 2024, Hezbollah forces in Lebanon fired rockets toward Adamit (Akko, HaZafon). No direct hits were reported.', { place: 'Adamit', country: 'IL' }],
  // A drone that fell on the base of a claimed attack is the attack's weapon, not an accident.
  ['Headline\n\nOn March 5, 2024, the attack on Ain al-Asad air base was claimed by the Islamic Resistance in Iraq. A drone fell inside the base, a military source said.',
    { sub: 'Air/drone strike', actor1: 'Islamic Resistance in Iraq', weapons: ['drone'] }],
  // In a fight, the side named first is the writer's choice: the other side telling its toll is the same fight.
  ['Headline\n\nOn 30 January 2024, PIJ militants exchanged fire with Israeli troops south of Gaza City. The IDF claimed that it killed 3 militants in its operations in Gaza City on 30 January.',
    { sub: 'Armed clash', actor1: 'Palestinian Islamic Jihad', actor2: 'Military Forces of Israel', killed: 3 }],
  ['Headline\n\nOn 30 January 2024, PIJ militants exchanged fire south of Gaza City. The IDF claimed that it killed 3 PIJ militants in Gaza City on 30 January.',
    { sub: 'Armed clash', actor1: 'Palestinian Islamic Jihad', actor2: 'Military Forces of Israel', killed: 3 }],
  // A village's dateline is the scene: an event the text places only in an area around it is there; a city's (a bureau's) is not.
  ['Headline\n\nKFAR KILA, Lebanon — An Israeli shell landed in a gathering of journalists in south Lebanon on March 13, 2024, killing one.', { place: 'Kfar Kila', killed: 1 }],
  ['Headline\n\nBEIRUT, Lebanon (Reuters) — An Israeli shell landed in a gathering of journalists in south Lebanon on March 13, 2024, killing one.', { place: 'South Governorate', killed: 1 }],
  ['Headline\n\nMARJAYOUN, Lebanon — An Israeli drone struck a car in Syria on March 13, 2024, killing one.', { country: 'SY' }],
  // A name glued to a lower-case word is part of another name: not Bari, Italy, nor Somalia's Bari region.
  ['Headline\n\nSoldiers on Sunday repelled a suicide car bomb attack on a military base in the Bari-dheer area in central Somalia.',
    { sub: 'Suicide bomb', place: 'central Somalia' }],
  // Every state's demonym names its forces ("Nigerien", "Burmese"), not only those of the sample's countries.
  ['Title\n\nOn 5 March 2024, Nigerien troops clashed with militants near Tillaberi.',
    { sub: 'Armed clash', actor1: 'Military Forces of Niger' }],
  ['Title\n\nOn 5 March 2024, Burmese military jets bombed a village in Sagaing Region, killing 12 people.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Myanmar', killed: 12 }],
  // What is intercepted is an aircraft or a munition, whatever its noun: the interceptor defends.
  ['Title\n\nOn 5 March 2024, Israeli military forces intercepted a suspicious aerial target near Metula.',
    { actor1: null, actor2: 'Military Forces of Israel' }],
  // Forces named without their state belong to the country where they act, or to the state written after them.
  ['Title\n\nOn 5 March 2024, police shot dead two suspected robbers in Kisumu.',
    { actor1: 'Police Forces of Kenya', killed: 2 }],
  ['Title\n\nOn 5 March 2024, the army shelled a village near Kadugli, killing four civilians.',
    { actor1: 'Military Forces of Sudan', actor2: 'Civilians (Sudan)', killed: 4 }],
  ['Title\n\nOn 5 March 2024, the army of Niger clashed with militants near Tillaberi.',
    { sub: 'Armed clash', actor1: 'Military Forces of Niger' }],
  // "Turkey-backed" forces are not Turkey's; a government's own troops are those of the country they fight in.
  ['Title\n\nOn 5 March 2024, Turkey-backed opposition forces attacked government troops in a village in northwest Syria.',
    { actor1: null, actor2: 'Military Forces of Syria' }],
  // "the military base" is a base, not a side; forces in another verb's clause are no side of this one.
  ['Title\n\nOn 5 March 2024, rockets hit the military base near Kirkuk.',
    { actor1: null, actor2: null }],
  ['Title\n\nOn 5 March 2024, two people were killed after security forces opened fire on protesters in Basra.',
    { actor1: null, killed: 2 }],
  // A toll told with no one doing it is the result of the fighting "after" which it came.
  ['Title\n\nOn 5 March 2024, one herder was killed and several injured after two groups of herders clashed over pasture in Wajir.',
    { sub: 'Armed clash', killed: 1 }],
  // "X or Y" names one victim twice; a number of things ("2 houses") is no toll to add to the dead.
  ['Title\n\nOn 27 January 2024, a cross-border smuggler or kolbar was killed near Baneh after border guards opened fire.',
    { killed: 1 }],
  ['Title\n\nOn 14 January 2024, Israeli warplanes struck 2 houses in Rafah, inflicting 23 fatalities.',
    { sub: 'Air/drone strike', killed: 23 }],
  // A demonstration no group is named for is its crowd's, of the country where it marches.
  ['Title\n\nOn 5 March 2024, thousands marched in London to demand a ceasefire in Gaza.',
    { sub: 'Peaceful protest', actor1: 'Protesters (United Kingdom)' }],
  // A speaker that says it did the act ("claimed to have struck") is its author; one that estimates a crowd is not in it.
  ['Title\n\nOn 5 March 2024, the Russian Defence Ministry claimed to have struck a deployment point in Kramatorsk.',
    { actor1: 'Military Forces of Russia' }],
  ['Title\n\nPolice in London have estimated 100,000 people took to the streets on 5 March 2024 to demand a ceasefire in Gaza.',
    { sub: 'Peaceful protest', actor1: 'Protesters (United Kingdom)' }],
  // "Two missiles" retelling ballistic missiles are those: the specific weapon holds.
  ['Title\n\nOn 5 March 2024, militants fired ballistic missiles at Ain al-Asad Air Base. Two missiles hit the runway of Ain al-Asad Air Base on 5 March.',
    { weapons: ['ballistic_missile'] }],
  // Officials of a state that is no side of an unclaimed bombing and not its government report it: no confirmation,
  // and no author; officials of the side attacked confirm.
  ['Title\n\nOn 5 March 2024, a bomb hit a Syrian army bus in Damascus, killing 14 soldiers, US officials said.',
    { actor1: null, actor2: 'Military Forces of Syria', claim: 'reported' }],
  ['Title\n\nOn 5 March 2024, drones struck US forces at al-Tanf, a US official said.',
    { actor2: 'Military Forces of the United States', claim: 'confirmed' }],
  // "One of the injured … succumbed": a death among the wounded already counted, not a group of wounded of its own.
  ['Title\n\nOn 7 January 2024, soldiers opened live fire at rioters in Nablus, injuring 3. One of the injured rioters succumbed to his wounds.',
    { killed: 1, wounded: 3 }],
  // The subject of a passive verb is what the verb fell on, the auxiliary outside the trigger ("was shot", "was
  // reportedly stabbed"): an armed man shot is a battle's side.
  ['Title\n\nOn 5 March 2024, a police officer was shot by two unknown gunmen in Garissa.',
    { sub: 'Armed clash' }],
  ['Title\n\nOn 5 March 2024, a soldier was reportedly stabbed by bandits near Baragoi.',
    { sub: 'Armed clash' }],
  // "A confrontation between X and Y" is a fight told by its noun: armed or communal sides make a battle, crowds a mob.
  ['Title\n\nOn 5 March 2024, six people were injured during a confrontation between farmers and pastoralists in Witu.',
    { sub: 'Armed clash' }],
  ['Title\n\nOn 5 March 2024, five people were injured in a confrontation between supporters of two rival candidates in Mumias.',
    { sub: 'Mob violence' }],
  // A crowd is a mob when it acts: named as the object of a violent verb ("attacked villagers"), or before a
  // participle with no object ("six locals killed", "villagers beaten by bandits"), it is the victim.
  ['Title\n\nOn 5 March 2024, armed cattle rustlers attacked villagers in Baragoi and killed one.',
    { sub: 'Attack' }],
  ['Title\n\nOn 5 March 2024, bandits raided a village near Baragoi; six locals killed.',
    { sub: 'Attack' }],
  ['Title\n\nOn 5 March 2024, villagers beaten by bandits were taken to hospital in Baragoi.',
    { sub: 'Attack' }],
  ['Title\n\nOn 5 March 2024, angry residents killed a suspected thief in Kisumu.',
    { sub: 'Mob violence' }],
  // A passive riot word whose agent is not a crowd ("burnt by soldiers") tells the protest's grievance, not the
  // crowd's violence; its agent a crowd ("burnt by the protesters"), it is the crowd's.
  ['Title\n\nOn 5 March 2024, residents of Sangailu protested after a man was burnt by soldiers.',
    { sub: 'Peaceful protest' }],
  ['Title\n\nOn 5 March 2024, residents protested in Githuri, and two shops were burnt by the protesters.',
    { sub: 'Violent demonstration' }],
  // "claiming the lives of" counts forward; a verb after the list's "and" opens another count ("and leaving 57 injured").
  ['Title\n\nOn 5 March 2024, an air strike hit a camp near Myitkyina, claiming the lives of at least 29 people, including 11 minors, and leaving 57 others injured.',
    { killed: 29, wounded: 57 }],
  ['Title\n\nOn 5 March 2024, five soldiers and another three civilians were wounded in a bombing in Mogadishu.',
    { wounded: 8 }],
  // A state written by its name right before its forces' noun is their state ("the Burma army", "the Sudan army");
  // a name after a preposition is where they are ("forces in Lebanon", "troops in Ukraine").
  ['Title\n\nOn 5 March 2024, the Burma army bombed a camp near Myitkyina, killing 29 people.',
    { actor1: 'Military Forces of Myanmar', killed: 29 }],
  ['Title\n\nOn 5 March 2024, the Sudan army shelled a market in Omdurman, killing five people.',
    { actor1: 'Military Forces of Sudan' }],
  ['Title\n\nOn 5 March 2024, Hezbollah forces in Lebanon fired rockets toward Metula.',
    { actor1: 'Hezbollah', actor2: null }],
  ['Title\n\nOn 5 March 2024, Russian troops in Ukraine shelled Kharkiv, killing five civilians.',
    { actor1: 'Military Forces of Russia', actor2: 'Civilians (Ukraine)' }],
  // One victim told without a number: by a verb of killing ("lynches", "assassinated", "beaten to death"), by a body's
  // owner ("the body of a missing activist"); a body told by a pronoun ("his body") is the victim already counted; a
  // verb of aim ("threatened to lynch two suspects") counts no one.
  ['Title\n\nOn 5 March 2024, a vigilante group lynches a suspected rapist in Kisumu.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a catholic priest was assassinated near Chiga Market, in Muhoroni.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a man was beaten to death by a crowd in Limuru.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, the body of a missing activist was found in Kibera.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a man was killed in Maungu and his body dumped in a river.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a mob in Kisumu threatened to lynch two suspects before police dispersed it.',
    { killed: null }],
  // Coordinated verbs share their victim: the first verb's subject ("is shot and killed"), the last one's object.
  ['Title\n\nOn 5 March 2024, the governor\'s driver was shot and killed in Kisumu.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a trader was attacked and killed by gunmen in Mandera.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, police officers shot and killed a suspect in Kisumu.',
    { killed: 1 }],
  // Victims counted with an approximation ("at least 12 villagers") are no crowd that attacks.
  ['Title\n\nOn 4 March 2024, gunmen on motorcycles killed at least 12 villagers in an attack in the village of Tillia, in western Niger.',
    { sub: 'Attack', actor2: 'Civilians (Niger)', killed: 12 }],
  ['Title\n\nOn 4 March 2024, gunmen killed an estimated 30 villagers in an attack in the village of Tillia, in western Niger.',
    { sub: 'Attack', killed: 30 }],
  ['Title\n\nOn 4 March 2024, gunmen killed at least twelve villagers in an attack in the village of Tillia, in western Niger.',
    { sub: 'Attack', killed: 12 }],
  // Who died with the victims counted, told after them ("alongside 6 other members", "along with another man"); a
  // thing lost with them, or a side named with the authors, is no victim.
  ['Title\n\nOn 5 March 2024, jets struck a flat in Beirut, killing a commander of the group, alongside 6 other members.',
    { killed: 7 }],
  ['Title\n\nOn 5 March 2024, a trader was shot dead by gunmen along with another man in Mandera.',
    { killed: 2 }],
  ['Title\n\nOn 5 March 2024, raiders killed two herders in Mandera along with their cattle.',
    { killed: 2 }],
  ['Title\n\nOn 5 March 2024, police, along with soldiers, killed two militants in Mandera.',
    { killed: 2 }],
  ['Title\n\nOn 5 March 2024, a drone strike killed a commander along with a vehicle in Idlib.', { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a drone strike killed a commander together with an unspecified number of fighters in Idlib.', { killed: 1 }],
  ['Title\n\nOn 5 March 2024, gunmen killed a chief along with his two sons in Mandera.', { killed: 3 }],
  ['Title\n\nOn 5 March 2024, police killed a suspect and arrested another along with three accomplices in Mandera.', { killed: 1 }],
  // A headline drops the article of its one victim ("kill soldier"); "gunned down" is a killing.
  ['Title\n\nOn 5 March 2024, an armed group kills police officer near Wajir.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, former Kitui mayor was crushed to death after protests turned riotous in Kitui.',
    { killed: 1 }],
  ['Title\n\nOn 5 March 2024, a local chief was gunned down by militants in Mandera.',
    { killed: 1 }],
  // A possessive opens the next count of a list; the remains of a victim counted are no other victim.
  ['Title\n\nOn 5 March 2024, two farmers and their three children were killed in Gao.',
    { killed: 5 }],
  ['Title\n\nOn 5 March 2024, a man was shot dead by gunmen in Kisumu and the man\'s body was taken to the mortuary.',
    { killed: 1 }],
  // A state's name before its forces' noun, whatever punctuation follows the noun.
  ['Title\n\nOn 5 March 2024, the Sudan army, backed by militias, shelled a market in Omdurman, killing five.',
    { actor1: 'Military Forces of Sudan' }],
  // Whoever foils, thwarts or repels an attack is its target; the side named on the attack noun made it, however
  // many words qualify the noun ("an al-Shabaab suicide car bomb attack").
  ['Title\n\nOn 15 October 2023, the Somali army foiled an al-Shabaab suicide car bomb attack on a military base near Mogadishu.',
    { sub: 'Suicide bomb', actor1: 'Al Shabaab', actor2: 'Military Forces of Somalia' }],
  // "would-be" is no conditional; a suicide bomber is no aircraft; a mine that went off is a blow, whatever clause
  // stands between it and its verb; "molested" is sexual violence; ground entered against no resistance is handed over,
  // and GeoNames' backtick for an ʿayn is no part of a name ("`Afrin").
  ['Title\n\nTwo would-be suicide bombers blew themselves up before reaching their target in Khost province on 5 March 2024.',
    { sub: 'Suicide bomb', weapons: [] }],
  ['Title\n\nA report says that a mine, which had been planted by militants, went off in the Bargino area of Khost on 5 March 2024.',
    { sub: 'Remote explosive/landmine/IED' }],
  ['Title\n\nOn 5 March 2024, three men verbally abused her and one man molested her in Lahore.',
    { sub: 'Sexual violence' }],
  ['Title\n\nOn 5 March 2024, the fighters entered Afrin and met no resistance.',
    { sub: 'Non-violent transfer of territory', place: 'Afrin' }],
  // Who tells of an event is not among its victims: "an official said" names no civilian target.
  ['Title\n\nSecurity forces in Oromia have killed 19 suspected Oromo Liberation Army rebels, an Ethiopian official said on 5 March 2024.',
    { sub: 'Armed clash', actor2: 'OLA: Oromo Liberation Army' }],
  // A group's officer telling of an attack he does not claim is its source ("Colonel Naw Bu of the KIA has told"); one
  // who says the group attacked claims it.
  ['Title\n\nTwenty-nine people were killed in a military strike on a camp for displaced people in northern Myanmar on 9 October 2023. The attack happened around 1700 GMT, Colonel Naw Bu of the Kachin Independence Army (KIA) has told.',
    { actor1: null, actor2: 'Civilians (Myanmar)' }],
  ['Title\n\nOn 5 March 2024, a commander of al-Shabaab said the group attacked a military base in Mandera.',
    { actor1: 'Al Shabaab', claim: 'claimed' }],
  // Sides named before a phrase set aside are not in it: "between X and Y amid artillery fire".
  ['Title\n\nOn 22 January 2024, an exchange of fire occurred between Palestinian militants (coded as Hamas) and IDF troops amid artillery fire in Khan Yunis.',
    { sub: 'Armed clash', actor1: 'Hamas', actor2: 'Military Forces of Israel' }],
  // Where the side that fires is ("militants in Gaza") is not where its rocket fell, whatever the parse made of the phrase.
  ['Title\n\nOn 28 January 2024, Hamas militants in Gaza fired a rocket toward southern Israel, causing sirens to sound in Ashkelon.',
    { actor1: 'Hamas', place: 'Ashkelon' }],
  // A state's officials confirm whatever word stands before their verb ("the US official also said"), and "the
  // officials said" takes up officials already named.
  ['Title\n\nOn 26 October 2023, the US official also said there was a multi-rocket attack in Syria against American forces.',
    { claim: 'confirmed' }],
  ['Title\n\nTwo defense officials spoke on condition of anonymity. The U.S. fighter jets struck a Kataib Hezbollah operations center near Jurf al Saqr, south of Baghdad, on 21 November 2023, the officials said.',
    { claim: 'confirmed', actor1: 'Military Forces of the United States' }],
  // Sources, media and witnesses that "confirm" hold no office: their word reports; the Pentagon's confirms.
  ['Title\n\nOn 10 November 2023, security sources confirmed that armed drones targeted the Harir airbase.',
    { claim: 'reported' }],
  ['Title\n\nOn 10 November 2023, according to local sources, the Pentagon confirmed that armed drones targeted the Harir airbase.',
    { claim: 'confirmed' }],
  ['Title\n\nOn 10 November 2023, local sources reported that the Pentagon confirmed that armed drones targeted the Harir airbase.',
    { claim: 'confirmed' }],
  // An explosive a drone carries is its payload, not another weapon; explosives told beside drones are one.
  ['Title\n\nOn 6 November 2023, explosive-laden drones targeted the Ain al-Asad air base.',
    { sub: 'Air/drone strike', weapons: ['drone'] }],
  ['Title\n\nOn 6 November 2023, drones laden with explosives targeted the Ain al-Asad air base.',
    { weapons: ['drone'] }],
  // A weapon used to attack is the attack; a relative clause inside a doubt is told as fact ("whether … the pirates who abducted").
  ['Title\n\nOn 5 March 2024, militants used drones to attack a military base in Hasakah.',
    { sub: 'Air/drone strike', place: 'Al Hasakah' }],
  ['Title\n\nOn 8 July 2023, shelling hit a residential district of Khartoum. An army helicopter was seen nearby.',
    { sub: 'Shelling/artillery/missile attack' }],
  ['Title\n\nIt is not clear whether the sailors were taken by the pirates who abducted seven crew members off Bonny Island on 5 March 2024.',
    { sub: 'Abduction/forced disappearance', date: '2024-03-05' }],
  // A nationality that names a country's ground is a place, not a side.
  ['Title\n\nOn 5 March 2024, US jets struck militia positions on Syrian territory.',
    { sub: 'Air/drone strike', place: 'Syria', actor1: 'Military Forces of the United States', actor2: null }],
  ['Title\n\nOn 5 March 2024, Turkish drones struck a convoy in Iraqi airspace.',
    { place: 'Iraq', actor1: 'Military Forces of Turkey' }],
  // The passive of a light verb: its by-phrase carried the event out.
  ['Title\n\nOn 5 March 2024, three air raids were carried out by the US Air Force against militia depots on Syrian territory.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of the United States', actor2: null, place: 'Syria' }],
  // A blow of another kind told in a "when" clause, alone with the sentence's place, is the blow told there.
  ['Title\n\nOn Monday 11 March 2024, the U.S. strike followed another strike by a gunship that was overhead when Kataib Hezbollah fighters fired two rockets at Ain al-Asad Air Base.',
    { sub: 'Shelling/artillery/missile attack', place: 'Ain al-Asad Air Base', weapons: ['rocket'], actor1: 'Kataib Hezbollah' }],
  // Blows joined by "and" or "while" share the place the sentence gives: the first leads.
  ['Title\n\nOn 15 March 2024, Israeli warplanes carried out airstrikes while artillery shelled targets in Khan Yunis.',
    { sub: 'Air/drone strike', place: 'Khan Yunis', actor1: 'Military Forces of Israel' }],
  ['Title\n\nOn 15 March 2024, Israeli warplanes carried out airstrikes and fired artillery shells near Yaroun.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel' }],
  // Suspects whom state forces kill are a side they fight (ACLED's armed clash); suspects who kill are the authors.
  ['Title\n\nOn 5 March 2024, police shot dead five suspected carjackers in Ruiru after a car chase.',
    { sub: 'Armed clash', killed: 5 }],
  ['Title\n\nOn 5 March 2024, two suspects shot dead a shopkeeper in Kisumu.',
    { sub: 'Attack', killed: 1 }],
  ['Title\n\nOn 5 March 2024, three suspected carjackers were shot dead by police in Ruiru.',
    { sub: 'Armed clash', killed: 3 }],
  // Not suspects the state killed: civilians in a "suspected" reprisal, suspects whom unknown gunmen shot.
  ['Title\n\nOn 5 March 2024, soldiers killed five civilians in a suspected reprisal attack in Zamfara.',
    { sub: 'Attack', killed: 5 }],
  ['Title\n\nOn 5 March 2024, unknown gunmen shot dead two suspects who had just been released by police in Mombasa.',
    { sub: 'Attack', killed: 2 }],
  // A sentence that takes up a summary but gives its own day tells that day's event.
  ['Title\n\nSince October 17, US bases have been attacked more than sixty times. Which is why on 5 March 2024 US jets struck Kataib Hezbollah positions in Al-Qaim.',
    { sub: 'Air/drone strike', date: '2024-03-05', actor1: 'Military Forces of the United States' }],
  // Crowds fighting each other at a rally, no forces in the fight, are a mob; crowds fighting the police there demonstrate.
  ['Title\n\nOn 5 March 2024, supporters of two rival candidates clashed at a rally in Migori. Youths hurled stones at each other.',
    { sub: 'Mob violence' }],
  ['Title\n\nOn 5 March 2024, protesters clashed with police during a demonstration in Kisumu.',
    { sub: 'Violent demonstration' }],
  // "an Israeli airstrike": a nationality on the one-word event noun is its author; "With a decisive airstrike" is
  // no ordinal of a count ("with" ends in "th").
  ['Title\n\nOn 22 November 2023, an Israeli airstrike on the village of Beit Yahoun in south Lebanon killed five Hezbollah fighters.',
    { sub: 'Air/drone strike', actor1: 'Military Forces of Israel', actor2: 'Hezbollah', killed: 5 }],
  ['Title\n\nOn 7 April 2017, with a decisive airstrike on Shayrat air base in Syria, US forces hit the regime.',
    { sub: 'Air/drone strike' }],
  // Class 7: those who side with a group ("pro-Hezbollah") are not the group.
  ['Title\n\nOn 21 November 2023, at least five fighters of a pro-Hezbollah group were killed in two US strikes south of Baghdad.', { actor1: 'Military Forces of the United States', actor2: null, killed: 5 }],
  // A crowd's justice: suspected witches killed are mob violence; "Witch" in a name is no cue.
  ['Title\n\nOn 6 March 2024, five suspected witches were burned to death in Kisii.', { sub: 'Mob violence', killed: 5 }],
  // A munition something was destroyed "with" is a weapon, not a seized cache; "its fighters had destroyed" tells an
  // act of the speaker's own.
  ["Title\n\nOn 3 March 2024, Hamas's armed wing said its fighters had destroyed an Israeli tank with an anti-tank missile east of Khan Younis.",
    { sub: 'Shelling/artillery/missile attack', actor1: 'Hamas', actor2: 'Military Forces of Israel', weapons: ['missile'] }],
  ['Title\n\nOn 3 March 2024, the army said it had destroyed a weapons cache near Gao.',
    { sub: 'Disrupted weapons use', place: 'Gao' }],
  // Clergy are civilians.
  ['Title\n\nOn 6 March 2024, unknown gunmen shot dead a Catholic priest in the Cameroonian town of Bamenda.',
    { sub: 'Attack', actor2: 'Civilians (Cameroon)', killed: 1, place: 'Bamenda' }],
  // "attributed to X" names the author, as "by X" does.
  ['Title\n\nOn 3 March 2024, drone strikes attributed to the Rapid Support Forces killed 12 civilians in El Obeid.',
    { sub: 'Air/drone strike', actor1: 'Rapid Support Forces', killed: 12 }],
  // A toll a speaker reports, naming no one who killed, is the toll of the act told with its author.
  ['Title\n\nOn 2 March 2024, Israeli troops raided the Nur Shams refugee camp near Tulkarem; the Palestinian health ministry said 14 people were killed.',
    { sub: 'Attack', actor1: 'Military Forces of Israel', killed: 14, place: 'Tulkarm' }],
  // Forces that answer an attack fight it: the attack is a battle; someone else who intervenes is no answer of theirs.
  ['Title\n\nOn 6 March 2024, bandits attacked traders at a market in Marsabit. Police officers responded and the bandits fled.',
    { sub: 'Armed clash', place: 'Marsabit' }],
  ['Title\n\nOn 6 March 2024, a student was beaten and injured by two police officers in Kisumu when he intervened in the arrest of a classmate.',
    { sub: 'Attack', place: 'Kisumu' }],
  // A note that opens on a label names its event's kind: what its verbs tell on the way does not retype it, and a
  // sentence whose words tell no event still tells the labelled one, with its sides read around its verb.
  ['Interception: On 6 March 2024, militants in Gaza fired two rockets at Ashkelon, causing sirens to sound in the city.',
    { sub: 'Disrupted weapons use', place: 'Ashkelon' }],
  ['Security measures: On 6 March 2024, police set up roadblocks on all roads leading to Garissa ahead of the elections.',
    { sub: 'Change to group/activity', place: 'Garissa' }],
  ['Non-violent activity: On 6 March 2024, Al Shabaab militants held a meeting with elders in Lamu.',
    { sub: 'Other', actor1: 'Al Shabaab', place: 'Lamu' }],
  // Only a label that opens the note and ends in a colon: a headline of the same words is a headline.
  ['Interception of rockets\n\nOn 6 March 2024, militants in Gaza fired two rockets at Ashkelon, causing sirens to sound in the city.',
    { sub: 'Shelling/artillery/missile attack', place: 'Ashkelon' }],
  // A group telling of its own blow claims it: after the clause ("…, the group said"), of its fighters, or in the next sentence.
  ['Title\n\nAl-Shabaab fighters attacked a military base near Beledweyne on March 5, 2024, killing six soldiers, the group said.',
    { actor1: 'Al Shabaab', claim: 'claimed' }],
  ['Title\n\nHamas said on March 5, 2024 its fighters killed three Israeli soldiers in Khan Younis.',
    { actor1: 'Hamas', claim: 'claimed' }],
  ['Title\n\nGunmen attacked a police post in Mandera on March 5, 2024, killing two officers. Al-Shabaab claimed responsibility.',
    { actor1: 'Al Shabaab', claim: 'claimed', killed: 2 }],
  ['Title\n\nGunmen attacked a police post in Mandera on March 5, 2024, killing two officers. No group has claimed responsibility.',
    { actor1: null, claim: 'reported' }],
  ['Title\n\nGunmen attacked a village near Gao on March 5, 2024, killing six civilians, the army said.',
    { actor1: null, claim: 'reported' }],
  // A year on another noun or in another clause describes that, not the event ("formed in 2013", "the 2015 peace deal").
  ['Title\n\nThe RSF, formed in 2013, attacked El Fasher on March 5, 2024, killing 20 civilians.',
    { actor1: 'Rapid Support Forces', date: '2024-03-05', killed: 20 }],
  ['Title\n\nM23 rebels, who were driven out of Goma in 2013, seized the town of Nyanzale after clashes with the army.',
    { actor1: 'M23: March 23 Movement', place: 'Nyanzale' }],
  // A toll beside the sentence's own, or one over a period, is a total, not this event's.
  ['Title\n\nIsraeli strikes on Gaza on March 5, 2024 killed 12 people; the death toll since October 7 stands at 30,717.',
    { killed: 12 }],
  // A group's habit of claiming is no claim of this event.
  ['Title\n\nA roadside bomb killed two police officers in Mandera on March 5, 2024. Al-Shabaab frequently claims responsibility for attacks in the region.',
    { actor1: null, claim: 'reported' }],
  // A participle that describes the side frames its own phrase: the verb after it is the sentence's.
  ['Title\n\nMilitants based in Somalia killed three people in Garissa on March 5, 2024.',
    { place: 'Garissa', killed: 3 }],
  // ", in southern Lebanon," after a town says where it lies, whatever follows the comma after it.
  ['Title\n\nIsraeli strikes killed three people in Tyre, in southern Lebanon, on March 5, 2024.',
    { place: 'Tyre', killed: 3 }],
  // A building burned down is property destroyed, one or many; a man burned is a person attacked.
  ['Title\n\nGunmen burned down a school in Kaduna on March 5, 2024.',
    { sub: 'Looting/property destruction', place: 'Kaduna' }],
  ['Title\n\nGunmen torched a church in Kaduna on March 5, 2024.',
    { sub: 'Looting/property destruction', place: 'Kaduna' }],
  // Weather beside an act of war does not make it nature's, nor a hazard's noun used as a figure.
  ['Title\n\nGunmen killed 12 villagers in Zamfara during a storm on March 4, 2024, police said.',
    { sub: 'Attack', killed: 12 }],
  ['Title\n\nThe rain of Russian missiles killed 15 people in Kyiv on March 4, 2024.',
    { killed: 15 }],
  // A span counted back from the report yields to a day the sentence states.
  ['Title\n\nA ceasefire agreed last month collapsed when RSF fighters shelled El Obeid on March 4, 2024, killing eight civilians.',
    { date: '2024-03-04', killed: 8 }],
  // A description that only frames its phrase keeps the place after it; the list after a qualified town goes on.
  ['Title\n\nADF rebels ambushed FARDC soldiers deployed in Rutshuru on March 4, 2024, killing four.',
    { place: 'Rutshuru', killed: 4 }],
  // A day that only says when a speaker spoke does not beat a span counted back from the report.
  ['Title\n\nPolice said on Monday that gunmen killed 12 people in Zamfara last week.',
    { date: '2024-03-07', killed: 12 }],
  // Burned religious buildings, one or many, are property destroyed.
  ['Title\n\nMilitants torched three churches in Kaduna on March 4, 2024.',
    { sub: 'Looting/property destruction', place: 'Kaduna' }],
  // An attack during a trial is an attack.
  ['Title\n\nAn attack on the court during the trial of jihadists in Bamako killed two guards on March 5, 2024.',
    { place: 'Bamako', killed: 2 }],
  // A missile's blow on a building is the missile's.
  ['Title\n\nRussian missiles destroyed a school in Kharkiv on March 4, 2024.',
    { sub: 'Shelling/artillery/missile attack', place: 'Kharkiv' }],
  // Weather beside an act of war does not make it nature's.
  ['Title\n\nAn airstrike killed three people in Rafah during heavy rain on March 5, 2024.',
    { sub: 'Air/drone strike', killed: 3 }],
  // A division right after a place the event was near says where that place lies.
  ['Title\n\nBoko Haram fighters killed five farmers near Damboa in Borno state on March 5, 2024.',
    { place: 'Damboa', killed: 5 }],
  ['Title\n\nJihadists killed ten soldiers near Boulsa in Burkina Faso\'s Centre-Nord region on March 5, 2024.',
    { place: 'Boulsa', killed: 10 }],
  // An apposition that names a town a place is a cue of place, even for a town abroad of the document's countries.
  ['Title\n\nJihadists attacked Djibo, a town 30 km south of the border with Mali, on March 5, 2024.',
    { place: 'Djibo', country: 'BF' }],
  // Coming under fire is a blow taken (of what weapon, the phrase does not say).
  ['Title\n\nOn March 5, 2024, Malian troops came under fire near Gao.',
    { sub: 'Armed clash', actor2: 'Military Forces of Mali' }],
  // A death toll's figure: its own, or the one its verb reaches.
  ['Title\n\nThe death toll from Saturday\'s suicide bombing in Mogadishu rose to 30 on March 5, 2024.',
    { sub: 'Suicide bomb', place: 'Mogadishu', killed: 30 }],
  ['Title\n\nOn March 5, 2024, a suicide bombing in Mogadishu left a death toll of 30.',
    { sub: 'Suicide bomb', killed: 30 }],
  // A running tally after the sentence's toll adds up other events: not this one's.
  ['Title\n\nGunmen killed 12 people in Kaduna on March 5, 2024, bringing to 40 the number of people killed in the state this week.',
    { place: 'Kaduna', killed: 12 }],
  ['Title\n\nIsraeli strikes killed 12 people in Rafah on March 5, 2024, raising the death toll in Gaza to 30,000.',
    { place: 'Rafah', killed: 12 }],
  // A sentence of death is a penalty, not a toll.
  ['Title\n\nOn March 5, 2024, gunmen killed two farmers in Kaduna. A court later sentenced three men to death.',
    { place: 'Kaduna', killed: 2 }],
];

testCaseTable('en', CASES);

test('en: two fights the same day at one town, each with a side the other lacks, stay two, in either order', () => {
  const events = eventsOf('Headline\n\nOn 30 January 2024, PIJ militants clashed with Israeli troops in Khan Younis. Hamas militants clashed with Israeli troops in Khan Younis.');
  assert.deepEqual(events.map((e) => e.actor1), ['Palestinian Islamic Jihad', 'Hamas']);
  const pij = 'PIJ militants exchanged fire with Israeli troops in Gaza City on 30 January 2024.', hamas = 'Israeli troops clashed with Hamas militants in Gaza City on 30 January 2024.';
  for (const text of [`${pij} ${hamas}`, `${hamas} ${pij}`]) {
    assert.deepEqual(eventsOf(`Headline\n\n${text}`).map((e) => [e.actor1, e.actor2]).sort(),
      [['Military Forces of Israel', 'Hamas'], ['Palestinian Islamic Jihad', 'Military Forces of Israel']], text);
  }
});

test('en: a dateline places the lead, written as a dateline; a name set off by dashes further down, or a later event, is not placed by it', () => {
  const [lead] = eventsOf('Headline\n\nIsraeli shelling killed two civilians in south Lebanon on March 13, 2024, medics said.\n\nKfar Kila - a village a few hundred metres from the border - has been emptied of its people.');
  assert.equal(lead?.location?.name, 'South Governorate');
  const events = eventsOf('Headline\n\nKFAR KILA, Lebanon — An Israeli shell landed in a gathering of journalists in south Lebanon on March 13, 2024, killing one.\n\nThe army said it was looking into it.\n\nElsewhere in Lebanon, Israeli air strikes killed three Hezbollah fighters on March 12, 2024.');
  assert.deepEqual(events.map((e) => e.location?.name), ['Kfar Kila', 'Lebanon']);
});

test('en: "the rest of the rockets" fell where they fell as part of the salvo already told', () => {
  const events = eventsOf('Headline\n\nOn 5 March 2024, Hezbollah fired about 20 rockets toward Kiryat Shmona. The rest of the rockets fell within Lebanese territory.');
  assert.equal(events.length, 1, events.map((e) => e.notes).join(' | '));
  assert.equal(events[0]!.location?.name, 'Kiryat Shmona');
});

test('en: a killing retold with the shelling that did it is that shelling', () => {
  const events = eventsOf('Journalist killed by Israeli fire in Lebanon\n\nSix other reporters were injured when they were shelled by Israeli forces\n\nA videographer has been killed in southern Lebanon, the news agency said on Monday, March 4, 2024.');
  assert.equal(events[0]!.sub_event_type, 'Shelling/artillery/missile attack');
});

test('en: a place the story moves to or comes from is not the scene of an event told without a place', () => {
  const e = only('Title\n\nThe bus was heading to Mandera on Monday. Gunmen attacked it and killed two passengers.');
  assert.equal(e.location, null);
  assert.equal(e.killed, 2);
});

test('en: one attack told in a part of a country and in a named sea area is one event, at the named area', () => {
  const events = eventsOf('Headline\n\nA US-owned ship was hit by a missile off southern Yemen on Monday, March 11, 2024, in an attack claimed by the Houthis.\n\n' +
    'The Houthis said their naval forces targeted an American ship in the Gulf of Aden with naval missiles.');
  assert.deepEqual(events.map((e) => e.location?.name), ['Gulf of Aden']);
});

test('en: two bases in one sentence are two events', () => {
  const events = eventsOf('Headline\n\nOn Sunday, drones attacked US forces at Harir air base and at Erbil airport, officials said.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Erbil International Airport', 'Harir Air Base']);
});

test('en: a list of places with a bracket after each item is one event per place', () => {
  const events = eventsOf('Headline\n\nOn 5 January 2024, protesters held demonstrations in Garissa (Garissa county), Wajir (Wajir county) and Mandera in solidarity with Gaza.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Garissa', 'Mandera', 'Wajir']);
});

test('en: no number reported means null casualties, not zero', () => {
  const e = only('Headline\n\nRockets hit the al-Tanf garrison on Friday, wounding several soldiers.');
  assert.equal(e.killed, null);
  assert.equal(e.wounded, null);
});

test('en: the "also" of a reporting verb does not make the previous author act again', () => {
  const text = 'Headline\n\nOn March 4, 2024, the Islamic Revolutionary Guard Corps attacked Ain al-Asad air base.\n\n' +
    'The same source also said that two F-15 fighter jets struck a weapons depot in Deir ez-Zor on March 4, 2024.';
  const deir = eventsOf(text).find((e) => e.location?.name === 'Deir ez-Zor');
  assert.ok(deir);
  assert.notEqual(deir.actor1, 'Islamic Revolutionary Guard Corps');
});

test('en: a site and a province joined by "and" are two places; a province around a site is not a second one', () => {
  const two = eventsOf('Headline\n\nOn March 4, 2024, US jets struck two militia facilities near Al Anbar and Jurf al-Sakhar.');
  assert.deepEqual(two.map((e) => e.location?.name).sort(), ['Al Anbar', 'Jurf al-Nasr']);
  const one = eventsOf('Headline\n\nOn March 4, 2024, rockets struck Ain al-Asad air base and Anbar province.');
  assert.deepEqual(one.map((e) => e.location?.name), ['Ain al-Asad Air Base']);
});

test('en: a headline drops the auxiliary of its passive: "Bases … Attacked By Drones" names the target', () => {
  const e = only('U.S. Bases In Syria, Iraq Attacked By Drones\n\nOn Wednesday 13 March 2024, two one-way drones headed for al-Asad air base were shot down.');
  assert.equal(e.actor1, null);
  assert.equal(e.actor2, 'Military Forces of the United States');
});

test('en: "two separate drone attacks" placed only in a country tells several events', () => {
  assert.equal(only('Title\n\nUS forces in Iraq were targeted in two separate drone attacks on Wednesday.').tells_several, true);
  assert.equal(only('Title\n\nTwo drones attacked the al-Asad air base on Wednesday.').tells_several, undefined);
});

test('en: "while" joins two blows, each at its own place; "N days earlier" is another day', () => {
  const events = eventsOf('Title\n\nOn 12 March 2024, rockets hit the al-Asad air base, while a drone struck the city of Erbil.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Ain al-Asad Air Base', 'Erbil']);
  const shifted = eventsOf('Title\n\nOn 12 March 2024, missiles struck the al-Asad air base. Two days earlier, a drone hit the city of Erbil.');
  assert.equal(shifted.find((e) => e.location?.name === 'Erbil')?.date, '2024-03-10');
});

test('en: "another strike" is by whoever struck before; a strike told plainly names no author', () => {
  const another = eventsOf('Title\n\nOn 5 March 2024, Israeli jets bombed the Jabalia camp, killing 50 people.\n\nOn 7 March 2024, another strike hit a market in Rafah.');
  const rafah = another.find((e) => e.date === '2024-03-07');
  assert.equal(rafah?.actor1, 'Military Forces of Israel', another.map((e) => e.notes).join(' | '));
  assert.equal(rafah?.sub_event_type, 'Air/drone strike');
  const plain = eventsOf('Title\n\nOn 5 March 2024, Israeli jets bombed the Jabalia camp, killing 50 people.\n\nOn 7 March 2024, a strike hit a market in Rafah.');
  assert.equal(plain.find((e) => e.date === '2024-03-07')?.actor1, null);
});

test('en: a village the gazetteer lacks, with its province and district in a bracket, lies at the district town, in either order', () => {
  for (const bracket of ['(Al Nabatieh, Bint Jbeil)', '(Bint Jbeil, Al Nabatieh)']) {
    const [e] = eventsOf(`Title\n\nOn 29 January 2024, the Israeli military fired artillery shells on Aitaroun ${bracket}.`);
    assert.equal(e?.location?.name, 'Aitaroun');
    assert.equal(e?.location?.geo_precision, 3);
    // Bint Jbeil (GeoNames "Bent Jbail"), not Nabatieh, the province's namesake town 20 km north.
    assert.ok(Math.abs(e!.location!.lat! - 33.12) < 0.02 && Math.abs(e!.location!.lon! - 35.43) < 0.02, JSON.stringify(e?.location));
  }
});

test('en: a report whose first paragraph sets the scene tells its news in its first event, dated by the report at a week\'s precision', () => {
  const text = 'Rebels take a town in the east\n\nBy Jane Doe | Published: 2 hours ago\n\nThe town sits on the main road north of the provincial capital and has changed hands twice in a year.\n\n' +
    'The rebels said they have captured Kibumba town in North Kivu province, where regional troops are deployed.';
  const [e] = eventsOf(text, { published: '2024-03-14' });
  assert.equal(e?.date, '2024-03-14');
  assert.equal(e?.date_precision, 'week');
  // Further down, past the report's opening paragraphs, an undated event that nothing sets apart from the news
  // is still of the report's week (its rule says so); told in the pluperfect, it is background and has no day.
  const late = eventsOf(text.replace('\n\nThe rebels', '\n\nThe road was cut.\n\nThe market was shut.\n\nThe rebels'), { published: '2024-03-14' });
  assert.deepEqual([late[0]?.date, late[0]?.date_precision], ['2024-03-14', 'week']);
  assert.ok(late[0]?.trace.some((t) => t.field === 'date' && t.rule === 'date.later-event-dated-by-report'));
  const before = eventsOf(text.replace('\n\nThe rebels said they have captured', '\n\nThe road was cut.\n\nThe market was shut.\n\nThe rebels had captured'), { published: '2024-03-14' });
  assert.ok(before.every((e) => e.date === null), before.map((e) => e.notes).join(' | '));
});

test('en: a blow on "a second" target is another event than the one before it, even at the same place and day', () => {
  const text = 'Title\n\nOn 3 December 2023, a missile fired from Yemen hit the bulk carrier Unity Explorer in the Red Sea.\n\n';
  const two = eventsOf(`${text}About three hours later, a missile hit a second commercial ship in the Red Sea.`, { published: '2023-12-03' });
  assert.equal(two.length, 2, two.map((e) => e.notes).join(' | '));
  // "the third floor" is a part of the target, not another one.
  const floor = eventsOf('Title\n\nOn 5 March 2024, an Israeli air strike hit a residential building in Rafah, killing five people. The missile hit the third floor of the building, witnesses said.', { published: '2024-03-14' });
  assert.equal(floor.length, 1, floor.map((e) => e.notes).join(' | '));
  // Told again without the ordinal, the blow is the same one.
  const one = eventsOf(`${text}The missile hit the commercial ship in the Red Sea, the navy said.`, { published: '2023-12-03' });
  assert.equal(one.length, 1, one.map((e) => e.notes).join(' | '));
  // "X and a second base": the second of one telling's targets; X is the blow told before.
  const listed = eventsOf('Title\n\nOn 3 December 2023, missiles hit the Ain al-Asad air base in western Iraq.\n\nDozens of missiles were fired at the Ain al-Asad base and a second base in Erbil, the Revolutionary Guards said.', { published: '2023-12-03' });
  assert.equal(listed.filter((e) => e.location?.name === 'Ain al-Asad Air Base').length, 1, listed.map((e) => e.notes).join(' | '));
});

test('en: "the first … , and the second …" tells two blows, each with its own place and toll', () => {
  const events = eventsOf('Title\n\nOn Tuesday, the first strike hit a house in Bint Jbeil, and the second, near Tyre, hit a car, killing four people.', { published: '2023-11-22' });
  assert.deepEqual(events.map((e) => [e.location?.name, e.killed]).sort(), [['Bent Jbail', null], ['Tyre', 4]], events.map((e) => e.notes).join(' | '));
});

test('en: a toll told by its own verb stays the toll of the blows a sentence cut at its verbs tells', () => {
  const events = eventsOf('Title\n\nOn 5 March 2024, al Shabaab militants ambushed a convoy near Mandera and attacked a police post in Wajir, killing five officers.');
  assert.deepEqual(events.map((e) => e.killed), events.map(() => 5), events.map((e) => e.notes).join(' | '));
  assert.ok(events.length >= 1);
});

test('en: the blow a strike answered, retold after its framing, is its own event, struck side and all', () => {
  const events = eventsOf('Headline\n\nOn Tuesday, March 12, 2024, U.S. fighter jets struck two militia operations centers in Iraq. The officials said the strikes ' +
    'were in response to attacks on American bases. Those attacks included the first use of a ballistic missile against Ain al-Asad Air Base.');
  const notes = events.map((e) => e.notes).join(' | ');
  const blow = events.find((e) => e.location?.name === 'Ain al-Asad Air Base');
  assert.equal(events.length, 2, notes);
  assert.equal(blow?.sub_event_type, 'Shelling/artillery/missile attack', notes);
  assert.equal(blow?.actor1, null, notes);
  assert.equal(blow?.actor2, 'Military Forces of the United States', notes);
  assert.deepEqual(blow?.weapons, ['ballistic_missile'], notes);
});

test('en: whom a site holds, told once, is the target of every blow at it the document tells', () => {
  const events = eventsOf('Headline\n\nOn Sunday, November 26, 2023, drones struck Harir air base, where American troops are stationed.\n\n' +
    'On November 19, drones had targeted Harir air base.', { published: '2023-11-26' });
  const notes = events.map((e) => e.notes).join(' | ');
  assert.equal(events.length, 2, notes);
  for (const e of events) assert.equal(e.actor2, 'Military Forces of the United States', notes);
});

test('en: the new cues do not fire on look-alikes (bodies recovered, hostages freed, a convoy driving back, drones on a search, a deal that collapsed)', () => {
  assertNoEventOfType([
    ['Headline\n\nOn March 5, 2024, police recovered three bodies in the village of Kiambu.', 'Government regains territory'],
    ['Headline\n\nOn March 5, 2024, the army convoy drove back empty from the town of Mandera after delivering food.', 'Government regains territory'],
    ['Headline\n\nOn March 5, 2024, the Kenyan army launched drones on Tuesday to search for missing hikers near Mandera.', 'Air/drone strike'],
    ['Headline\n\nOn March 5, 2024, talks in Doha on a deal to release hostages held in Gaza collapsed.', 'Agreement'],
    // Buildings a munition flattens or an explosion blows up are its blow's, not a demolition.
    ['Headline\n\nOn March 5, 2024, Russian missiles flattened buildings in Kharkiv.', 'Looting/property destruction'],
    ['Headline\n\nOn March 5, 2024, an explosion blew up homes in Rafah.', 'Looting/property destruction'],
    // Hostages "held" somewhere are in captivity, not arrested.
    ['Headline\n\nOn March 2, 2024, thousands of Israelis protested in Tel Aviv to demand a deal to free the hostages held in Gaza.', 'Arrests'],
  ]);
});

test('en: whom a site holds is struck by the blows there, not the other side of a protest at it', () => {
  const events = eventsOf('Headline\n\nOn March 5, 2024, drones struck Harir air base, where American troops are stationed. On March 7, 2024, hundreds of Kurds protested outside Harir air base.');
  const protest = events.find((e) => e.event_type === 'Protests');
  assert.ok(protest, events.map((e) => e.notes).join(' | '));
  assert.equal(protest!.actor2, null);
});

test('en: "these recent attacks" retells the framed blow as well as "those attacks"', () => {
  const events = eventsOf('Headline\n\nOn Tuesday, March 12, 2024, U.S. fighter jets struck two militia operations centers in Iraq. The officials said the strikes ' +
    'were in response to attacks on American bases. These recent attacks included the first use of a ballistic missile against Ain al-Asad Air Base.');
  assert.equal(events.length, 2, events.map((e) => e.notes).join(' | '));
});

test('en: a handover told of another town in the next sentence leaves the first taking a conquest', () => {
  const events = eventsOf('Headline\n\nOn March 5, 2024, JNIM militants took control of Tessalit. The militants also seized the town of Kidal following the withdrawal of government forces.');
  const tessalit = events.find((e) => e.location?.name === 'Tessalit');
  assert.equal(tessalit?.sub_event_type, 'Non-state actor overtakes territory', events.map((e) => e.notes).join(' | '));
});

test('en: a blow at a base whose side the sentence does not name is at the state the same author\'s other blows struck', () => {
  const events = eventsOf('Headline\n\nOn 5 March 2024, the Islamic Resistance in Iraq struck US forces at Ain al-Asad Air Base with drones. ' +
    'On 6 March 2024, the Islamic Resistance in Iraq also struck the base of Harir with a drone.');
  const harir = events.find((e) => e.location?.name.startsWith('Harir'));
  assert.equal(harir?.actor2, 'Military Forces of the United States', events.map((e) => e.notes).join(' | '));
  // An author striking in two countries strikes two states: nothing is borrowed across a border.
  const fronts = eventsOf('Headline\n\nOn 5 March 2024, Israeli jets struck Syrian army positions near Damascus. On 6 March 2024, Israeli jets also struck a base near Tyre.');
  assert.equal(fronts.find((e) => e.location?.name === 'Tyre')?.actor2, null, fronts.map((e) => e.notes).join(' | '));
  // Another author's blow at a base keeps its own sides: nothing is borrowed across authors.
  const other = eventsOf('Headline\n\nOn 5 March 2024, the Islamic Resistance in Iraq struck US forces at Ain al-Asad Air Base with drones. ' +
    'On 6 March 2024, Turkish drones struck a base near Sulaymaniyah.');
  assert.ok(other.every((e) => e.location?.name.startsWith('Ain') || e.actor2 !== 'Military Forces of the United States'), other.map((e) => e.notes).join(' | '));
});

test('en: blows a sentence lists, each with its place, share the day one of them is given', () => {
  const events = eventsOf('Headline\n\nOn Wednesday, March 6, 2024, drones targeted al-Tanf base.\nThe Pentagon said that two US bases in Syria had been attacked.\n' +
    'Al Mayadeen reported a drone attack on the al-Tanf base and a missile attack on a base at Conoco.', { published: '2024-03-07' });
  const conoco = events.find((e) => e.location?.name.startsWith('Conoco'));
  assert.equal(conoco?.date, '2024-03-06', events.map((e) => e.notes).join(' | '));
});

test('en: a site struck in a country and named again with its town a sentence on is placed at that town', () => {
  const text = 'Title\n\nOn 5 March 2024, US jets struck two facilities used by the militia in Iraq. Officials gave no toll.\n\n';
  const [e, ...rest] = eventsOf(`${text}The facilities, near Al Qaim, were used to store drones, the officials added.`);
  assert.equal(rest.length, 0);
  assert.equal(e?.location?.name, "Al Qa'im");
  assert.ok(e?.trace.some((t) => t.field === 'location' && t.rule.endsWith('+retold-site')));
  // A place outside the noun phrase ("whose leader lives in Mosul") is not the site's; a site noun of another clause
  // ("…, a spokesman at the base said") is not what the blow struck.
  const [mosul] = eventsOf(`${text}The facilities were run by the militia, whose leader lives in Mosul.`);
  assert.equal(mosul?.location?.name, 'Iraq');
  const [spokesman] = eventsOf('Title\n\nOn 5 March 2024, US jets struck militants in Iraq, a spokesman at the base said.\n\nThe base, near Al Qaim, hosts US troops.');
  assert.equal(spokesman?.location?.name, 'Iraq');
  // Another noun ("the town") is no retelling of the site: the event stays in the country.
  const [other] = eventsOf(`${text}The town of Al Qaim was quiet, the officials added.`);
  assert.equal(other?.location?.name, 'Iraq');
});

test('en: a dated event told without a place, in a paragraph that names one country, is in that country', () => {
  const text = 'Title\n\nOn Wednesday, an AC-130 gunship fired on militants who had fled in a vehicle, a US official said. Militia leaders in Iraq called for calm.\n\nOfficials gave no toll.';
  const [gunship] = eventsOf(text, { published: '2024-03-14' });
  assert.equal(gunship?.location?.country_code, 'IQ');
  assert.ok(gunship?.trace.some((t) => t.rule === 'geo.country.of-paragraph'));
  // A paragraph that names two countries does not say which one: the event has neither place nor country, and is dropped.
  assert.equal(eventsOf(text.replace('calm.', 'calm. Militia leaders in Syria did not.'), { published: '2024-03-14' }).length, 0);
});

test('en: a blow and the reply another side makes in a coordinated clause are two events, each with its kind and author', () => {
  const events = eventsOf('Headline\n\nOn March 4, 2024, Hamas fired rockets at Sderot, and the Israeli army responded with air strikes.');
  const rockets = events.find((e) => e.actor1 === 'Hamas'), reply = events.find((e) => e.actor1 !== 'Hamas');
  assert.equal(events.length, 2);
  assert.equal(rockets?.sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(rockets?.actor1, 'Hamas');
  assert.equal(rockets?.location?.name, 'Sederot');
  assert.deepEqual(rockets?.weapons, ['rocket']);
  assert.equal(reply?.sub_event_type, 'Air/drone strike');
  assert.equal(reply?.actor1, 'Military Forces of Israel');
  // Where a reply struck is not where the blow it answers fell.
  assert.notEqual(reply?.location?.name, 'Sederot');
  // A second verb of the same subject tells the same event.
  assert.equal(eventsOf('Headline\n\nOn March 4, 2024, militants fired rockets at Sderot and carried out air strikes.').length, 1);
});

test('en: towns "near" which it happened, each followed by where it lies, are one event each, at the town', () => {
  const events = eventsOf('Headline\n\nOn 5 March 2024, gunmen killed 30 people near Bandiagara, in central Mali, and in Djibo, in northern Burkina Faso.');
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Bandiagara', 'Djibo']);
});

test('en: "in Djugu, in Ituri": the province after a comma says where the town lies; one event, at the town', () => {
  const events = eventsOf('Headline\n\nOn 5 March 2024, gunmen killed a chief and his son in Djugu, in Ituri.');
  assert.deepEqual(events.map((e) => e.location?.name), ['Djugu']);
  // A town after ", in" is another place, and so is a list of them.
  assert.deepEqual(eventsOf('Headline\n\nOn 5 March 2024, gunmen killed 3 people in Mombasa, in Kilifi.').map((e) => e.location?.name).sort(), ['Kilifi', 'Mombasa']);
  assert.equal(eventsOf('Headline\n\nOn 5 March 2024, protesters marched in Mombasa, in Kilifi and in Malindi.').length, 3);
});

// "as well as" joins two places as "and" does: a lowercase "as" is the English word, not an Arabic article, and a
// name never ends on an article after it ("Idlib as").
test('en: "X as well as Y" is one event per place', () => {
  const places = eventsOf('Headline\n\nAirstrikes hit Idlib as well as Aleppo on Tuesday.').map((e) => e.location?.name);
  assert.deepEqual(places.sort(), ['Aleppo', 'Idlib']);
});
