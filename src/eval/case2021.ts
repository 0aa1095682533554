// CASE 2021 shared task 2 (fine-grained event classification): the label of a snippet is the
// sub-event type of its first-told event; weighted and macro F1 over the 25 ACLED types.
import { basename } from 'node:path';
import type { EventRecord } from '../types.ts';

/** The task's codes for ACLED's sub-event types. */
export const CASE_CODES: Readonly<Record<string, string>> = {
  'Air/drone strike': 'AIR_STRIKE', 'Shelling/artillery/missile attack': 'ART_MISS_ATTACK', 'Remote explosive/landmine/IED': 'REM_EXPLOS',
  'Grenade': 'GRENADE', 'Suicide bomb': 'SUIC_BOMB', 'Chemical weapon': 'CHEM_WEAP', 'Armed clash': 'ARMED_CLASH',
  'Government regains territory': 'GOV_REGAINS_TERIT', 'Non-state actor overtakes territory': 'NON_STATE_ACTOR_OVERTAKES_TER',
  'Attack': 'ATTACK', 'Abduction/forced disappearance': 'ABDUCT_DISSAP', 'Sexual violence': 'SEX_VIOL', 'Peaceful protest': 'PEACE_PROTEST',
  'Protest with intervention': 'PROTEST_WITH_INTER', 'Excessive force against protesters': 'FORCE_AGAINST_PROTEST',
  'Violent demonstration': 'VIOL_DEMONSTR', 'Mob violence': 'MOB_VIOL', 'Agreement': 'AGREEMENT', 'Arrests': 'ARREST',
  'Change to group/activity': 'CHANGE_TO_GROUP_ACT', 'Disrupted weapons use': 'DISR_WEAP', 'Headquarters or base established': 'HQ_ESTABLISHED',
  'Non-violent transfer of territory': 'NON_VIOL_TERRIT_TRANSFER', 'Other': 'OTHER', 'Looting/property destruction': 'PROPERTY_DISTRUCT',
};

export interface CaseScores { readonly snippets: number; readonly accuracy: number; readonly weightedF1: number; readonly macroF1: number }

export function scoreCase2021(labelsTsv: string, events: readonly EventRecord[]): CaseScores {
  const acled = new Set(Object.values(CASE_CODES));
  const gold = new Map<string, string>();
  for (const line of labelsTsv.split('\n').slice(1)) {
    const cols = line.split('\t');
    const id = cols[0]?.trim(), label = cols[2]?.trim();
    if (id && label && acled.has(label)) gold.set(id, label);
  }
  const first = new Map<string, { start: number; label: string }>();
  for (const e of events) {
    for (const s of e.sources) {
      const id = basename(s.document).replace(/\.txt$/, '');
      const start = Math.min(...s.evidence.map((v) => v.start));
      const prev = first.get(id);
      if (!prev || start < prev.start) first.set(id, { start, label: CASE_CODES[e.sub_event_type] ?? e.sub_event_type });
    }
  }
  const stats = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
  for (const label of gold.values()) stats.set(label, { tp: 0, fp: 0, fn: 0, n: 0 });
  let right = 0;
  for (const [id, want] of gold) {
    const got = first.get(id)?.label ?? 'NONE';
    stats.get(want)!.n++;
    if (got === want) { stats.get(want)!.tp++; right++; } else {
      stats.get(want)!.fn++;
      const other = stats.get(got);
      if (other) other.fp++;
    }
  }
  let weighted = 0, macro = 0;
  for (const { tp, fp, fn, n } of stats.values()) {
    const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0, f = p + r ? (2 * p * r) / (p + r) : 0;
    weighted += f * n;
    macro += f;
  }
  return { snippets: gold.size, accuracy: gold.size ? right / gold.size : 0, weightedF1: gold.size ? weighted / gold.size : 0, macroF1: stats.size ? macro / stats.size : 0 };
}
