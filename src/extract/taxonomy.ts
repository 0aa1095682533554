// ACLED's taxonomy and the choice of a sub-event type from what a sentence says.
import type { Weapon } from '../types.ts';
import type { TriggerKind } from './lang/index.ts';

export const SUB_EVENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Riots': ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

const EVENT_TYPE_OF = new Map<string, string>(Object.entries(SUB_EVENT_TYPES).flatMap(([t, subs]) => subs.map((s) => [s, t] as const)));

export function eventTypeOf(subEventType: string): string {
  const t = EVENT_TYPE_OF.get(subEventType);
  if (!t) throw new Error(`unknown sub_event_type ${subEventType}`);
  return t;
}

/** A demonstration told in several sentences, some peaceful, some violent, is one demonstration: the
 *  protest and riot families are one family when retellings are joined. */
export function demonstrationFamily(subEventType: string): boolean {
  const t = eventTypeOf(subEventType);
  return t === 'Protests' || t === 'Riots';
}

/** Two tellings of one demonstration: the type the whole of it earns. Violence by the crowd makes a protest a
 *  violent demonstration (a mob with a cause is a demonstration); among protests, the strongest intervention. */
export function joinDemonstration(a: string, b: string): string {
  const riot = [a, b].filter((x) => eventTypeOf(x) === 'Riots');
  if (riot.length === 2) return riot.includes('Violent demonstration') ? 'Violent demonstration' : 'Mob violence';
  if (riot.length === 1) return 'Violent demonstration';
  for (const x of ['Excessive force against protesters', 'Protest with intervention']) if (a === x || b === x) return x;
  return 'Peaceful protest';
}

/** Which trigger of a sentence leads when several fire: the most specific kind. */
export const KIND_PRIORITY: readonly TriggerKind[] = [
  'suicide', 'chemical', 'seizure', 'ied', 'air', 'shelling', 'grenade', 'mob', 'riot', 'protest', 'territory', 'transfer', 'hq', 'looting', 'clash', 'ambush', 'abduction', 'sexual',
  'arrest', 'crash', 'deployment', 'killing', 'agreement', 'change', 'explosion', 'attack', 'shootdown',
];

export interface TypingInput {
  readonly kind: TriggerKind;
  readonly weapons: readonly Weapon[];
  readonly civilianTarget: boolean;
  readonly armedTarget: boolean;
  readonly convoy: boolean;
  readonly protestIntervention: boolean;
  readonly protestExcessive: boolean;
  readonly riotCue: boolean;
  /** Fire returned, a gunfight, an attack repelled: both sides fought, so it is a battle whoever the victims. */
  readonly returnFire?: boolean;
  /** Armed groups told as pushed back, driven out, expelled: the state regains ground. */
  readonly territoryLost?: boolean;
  /** Fighters, troops or units (not only equipment) moved, sent or raised. */
  readonly troopsMoved?: boolean;
  readonly stateActor: boolean;
  /** The verb is a strike ("frappes", "strikes"): told of a state, with no weapon named, an air strike. */
  readonly strikeNoun?: boolean;
  /** The sentence tells the other side withdrawing or handing the ground over ("after Kurdish forces pulled out",
   *  "sans combat"), and no fighting. */
  readonly handedOver?: boolean;
  /** The sentence tells a crowd's justice ("suspected witches", "justice populaire"): a killing is a mob's. */
  readonly mobCue?: boolean;
  /** The crowd turns on people ("attacked", "pelted with stones", "lynched"). */
  readonly crowdAssault?: boolean;
  /** The crowd faces forces raiding, storming or searching its place ("clashed with forces that raided the camp"). */
  readonly resistsOperation?: boolean;
  /** A protest is told in the sentence or next to it. */
  readonly demonstration?: boolean;
  /** The fight's sides are crowds, perhaps with the police ("students engaged police in running battles"), not armed groups. */
  readonly crowdSides?: boolean;
  /** The sentence of the fight names state forces (police, army): crowds may be fighting them, not only each other. */
  readonly stateForcesTold?: boolean;
  /** Crowds fighting among themselves ("supporters of two rival candidates clashed"), no state forces told. */
  readonly crowdsAmongThemselves?: boolean;
  /** A clash told by a riot's words ("clashed with police") whose sides are armed men, not a crowd. */
  readonly armedSides?: boolean;
}

/** The sub-event type and the id of the rule that chose it. */
export function chooseSubEventType(x: TypingInput): { sub: string; rule: string } {
  const byWeapon = weaponSubtype(x.weapons);
  switch (x.kind) {
    case 'air': return byWeapon === 'Shelling/artillery/missile attack' && !x.weapons.includes('drone') && !x.weapons.includes('aircraft')
      ? { sub: byWeapon, rule: 'type.air-with-missiles' } : { sub: 'Air/drone strike', rule: 'type.air' };
    case 'shelling': return x.weapons.length && x.weapons.every((w) => w === 'drone') ? { sub: 'Air/drone strike', rule: 'type.shelling-drone' } : { sub: 'Shelling/artillery/missile attack', rule: 'type.shelling' };
    case 'ied': return { sub: 'Remote explosive/landmine/IED', rule: 'type.ied' };
    case 'suicide': return { sub: 'Suicide bomb', rule: 'type.suicide' };
    case 'grenade': return { sub: 'Grenade', rule: 'type.grenade' };
    case 'chemical': return { sub: 'Chemical weapon', rule: 'type.chemical' };
    case 'clash':
      // ACLED keeps battles for organised armed groups: crowds fighting the police or each other riot, as
      // demonstrators when a protest is told around the fight, as a mob otherwise.
      // Crowds that fight each other with no forces in the fight ("supporters of two rival candidates clashed at a
      // rally") are a mob even at a demonstration: ACLED keeps a violent demonstration for demonstrators fighting
      // the forces or wrecking what they protest against.
      if (x.crowdSides) return x.demonstration && x.stateForcesTold ? { sub: 'Violent demonstration', rule: 'type.clash.crowds.demonstration' } : { sub: 'Mob violence', rule: 'type.clash.crowds' };
      // "carried out a military operation … with naval missiles": an operation told with remote weapons is a strike.
      if (byWeapon && byWeapon !== 'Armed clash' && x.weapons.some((w) => w === 'drone' || w === 'aircraft' || w === 'missile' || w === 'ballistic_missile')) return { sub: byWeapon, rule: 'type.clash.remote-weapon' };
      return { sub: 'Armed clash', rule: 'type.clash' };
    // An ambush is a battle when it falls on armed men, an attack on civilians when it falls on them (a bus, herders, a driver).
    case 'ambush':
      if (byWeapon && byWeapon !== 'Armed clash') return { sub: byWeapon, rule: 'type.ambush.weapon' };
      if (x.returnFire) return { sub: 'Armed clash', rule: 'type.ambush.return-fire' };
      return x.civilianTarget && !x.armedTarget ? { sub: 'Attack', rule: 'type.ambush.civilians' } : { sub: 'Armed clash', rule: 'type.ambush' };
    case 'seizure': return { sub: 'Disrupted weapons use', rule: 'type.seizure' };
    // Troops moved or raised change what a group does; equipment sent is another development.
    case 'deployment': return x.troopsMoved ? { sub: 'Change to group/activity', rule: 'type.deployment.troops' } : { sub: 'Other', rule: 'type.deployment' };
    case 'crash': return { sub: 'Other', rule: 'type.crash' };
    case 'protest':
      if (x.protestExcessive) return { sub: 'Excessive force against protesters', rule: 'type.protest.excessive-force' };
      if (x.riotCue) return { sub: 'Violent demonstration', rule: 'type.protest.violent' };
      if (x.protestIntervention) return { sub: 'Protest with intervention', rule: 'type.protest.intervention' };
      return { sub: 'Peaceful protest', rule: 'type.protest.peaceful' };
    case 'riot':
      if (x.armedSides) return { sub: 'Armed clash', rule: 'type.riot.armed-sides' };
      if (x.protestExcessive) return { sub: 'Excessive force against protesters', rule: 'type.riot.excessive-force' };
      // ACLED: rioters who turn on people outside a demonstration are a mob; a demonstration turned violent is a violent demonstration.
      if (x.crowdAssault && !x.demonstration) return { sub: 'Mob violence', rule: 'type.riot.assault-without-demonstration' };
      // A crowd that fights a raid resists an operation: no demonstration is told, a mob is.
      if (x.resistsOperation && !x.demonstration) return { sub: 'Mob violence', rule: 'type.riot.resisting-operation' };
      return { sub: 'Violent demonstration', rule: 'type.riot' };
    case 'mob': return { sub: 'Mob violence', rule: 'type.mob' };
    case 'arrest': return { sub: 'Arrests', rule: 'type.arrest' };
    case 'abduction': return { sub: 'Abduction/forced disappearance', rule: 'type.abduction' };
    case 'sexual': return { sub: 'Sexual violence', rule: 'type.sexual' };
    case 'territory':
      // ACLED's non-violent transfer: ground taken as the other side withdraws or hands it over, with no fighting told.
      if (x.handedOver) return { sub: 'Non-violent transfer of territory', rule: 'type.territory.handed-over' };
      if (x.territoryLost) return { sub: 'Government regains territory', rule: 'type.territory.pushed-back' };
      return x.stateActor ? { sub: 'Government regains territory', rule: 'type.territory.state' } : { sub: 'Non-state actor overtakes territory', rule: 'type.territory.non-state' };
    case 'agreement': return { sub: 'Agreement', rule: 'type.agreement' };
    case 'looting': return { sub: 'Looting/property destruction', rule: 'type.looting' };
    case 'hq': return { sub: 'Headquarters or base established', rule: 'type.hq' };
    case 'change': return { sub: 'Change to group/activity', rule: 'type.change' };
    case 'transfer': return { sub: 'Non-violent transfer of territory', rule: 'type.transfer' };
    case 'killing':
      if (byWeapon && byWeapon !== 'Armed clash') return { sub: byWeapon, rule: 'type.killing.weapon' };
      // "Five suspected witches burned to death": a crowd's justice, not armed men's, unless the state or a weapon acts.
      if (x.mobCue && !x.stateActor && !byWeapon) return { sub: 'Mob violence', rule: 'type.killing.mob-cue' };
      if (x.returnFire) return { sub: 'Armed clash', rule: 'type.killing.return-fire' };
      return x.armedTarget && !x.civilianTarget ? { sub: 'Armed clash', rule: 'type.killing.armed-target' } : { sub: 'Attack', rule: 'type.killing' };
    case 'explosion':
    case 'attack':
    case 'shootdown':
      if (x.returnFire && (!byWeapon || byWeapon === 'Armed clash') && x.kind !== 'explosion') return { sub: 'Armed clash', rule: `type.${x.kind}.return-fire` };
      if (byWeapon === 'Armed clash') return x.civilianTarget && !x.armedTarget ? { sub: 'Attack', rule: 'type.attack.small-arms-civilians' } : { sub: 'Armed clash', rule: 'type.attack.small-arms' };
      if (byWeapon) return { sub: byWeapon, rule: `type.${x.kind}.weapon` };
      if (x.convoy) return { sub: 'Remote explosive/landmine/IED', rule: `type.${x.kind}.convoy` };
      if (x.kind === 'explosion') return { sub: 'Shelling/artillery/missile attack', rule: 'type.explosion.default' };
      // A state's "strikes" with no weapon named are what states strike with most: aircraft and drones.
      if (x.strikeNoun && x.stateActor) return { sub: 'Air/drone strike', rule: 'type.attack.state-strike' };
      if (x.civilianTarget && !x.armedTarget) return { sub: 'Attack', rule: `type.${x.kind}.civilians` };
      // An attack on no one the text names as armed ("gunmen attacked a meeting", "bandits struck the area")
      // falls on whoever was there: ACLED's violence against civilians, not a battle.
      if (x.kind === 'attack' && !x.armedTarget) return { sub: 'Attack', rule: 'type.attack.no-armed-target' };
      return { sub: 'Armed clash', rule: `type.${x.kind}.default` };
  }
}

/** Weapons fired from the ground or the sea, whose blows are shelling. */
const ARTILLERY_FAMILY: ReadonlySet<Weapon> = new Set(['artillery', 'mortar', 'rocket', 'missile', 'ballistic_missile', 'rpg']);

/** "un raid de l'armée de l'air … le bombardement": a bombing its tellings tell with aircraft and no gun or rocket fell from the air. */
export function bombingFromTheAir(weapons: Iterable<Weapon>): boolean {
  const all = [...weapons];
  return all.includes('aircraft') && !all.some((w) => ARTILLERY_FAMILY.has(w));
}

function weaponSubtype(weapons: readonly Weapon[]): string | null {
  if (weapons.includes('drone') || weapons.includes('aircraft')) return 'Air/drone strike';
  if (weapons.some((w) => ARTILLERY_FAMILY.has(w))) return 'Shelling/artillery/missile attack';
  if (weapons.includes('ied') || weapons.includes('explosive')) return 'Remote explosive/landmine/IED';
  if (weapons.includes('small_arms')) return 'Armed clash';
  return null;
}
