// The values a reviewer's correction may take, shared by the API's schemas and the web app.
import type { Weapon } from '../types.ts';

export const WEAPONS = ['drone', 'rocket', 'missile', 'ballistic_missile', 'mortar', 'rpg', 'ied', 'aircraft', 'artillery', 'small_arms', 'explosive', 'unknown'] as const satisfies readonly Weapon[];
