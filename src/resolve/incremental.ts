// Resolution as documents arrive: the new mentions, the stored mentions they could be linked to
// (found through the store's index of map cells × days, so the work per mention does not grow with
// the database), and the whole events those belong to are clustered again; only those events are
// rewritten.
import type { Store } from '../store/store.ts';
import { UNDATED_REACH_KM, cellOf, cellsWithin, cluster, dayWindow, isAnchor, mergeMentions, neighbourCells, type MentionKey } from './resolve.ts';

/** Undated tellings of one kind read per map cell: beyond a few dozen at one place, one more changes nothing. */
const UNDATED_READ_PER_CELL = 50;

export interface ResolutionSummary {
  readonly pending: number;
  readonly events: number;
}

export function resolvePending(store: Store): ResolutionSummary {
  const pending = store.unresolvedMentionKeys();
  if (!pending.length) return { pending: 0, events: 0 };
  const neighbourhood = new Map<string, MentionKey>();
  const add = (k: MentionKey) => neighbourhood.set(k.id, k);
  pending.forEach(add);
  // Many new tellings share a map cell (a capital's), or a country and its days: each question is asked once per batch.
  const asked = new Set<string>();
  const readOnce = (question: string, read: () => readonly MentionKey[]) => {
    if (asked.has(question)) return;
    asked.add(question);
    read().forEach(add);
  };
  for (const k of pending) {
    const window = dayWindow(k);
    // Tellings with no date at all fit an event of their kind within 10 km, and only when no other
    // such telling competes for it (cluster()): those near a point are read.
    const nearby = cellsWithin(k, UNDATED_REACH_KM); // none without a point
    if (!window || isAnchor(k)) {
      for (const cell of nearby) readOnce(`undated|${k.subEventType}|${cell}`, () => store.undatedMentionKeysNear([cell], k.subEventType, UNDATED_READ_PER_CELL));
    }
    if (!window) {
      // No date at all: only the same place can tell, over any day.
      for (const cell of nearby) readOnce(`any-day|${cell}`, () => store.mentionKeysNear([cell], -1e6, 1e6));
      continue;
    }
    if (isAnchor(k)) {
      const cells = neighbourCells(k);
      readOnce(`days|${window[0]}|${window[1]}|${cells.join(',')}`, () => store.mentionKeysNear(cells, window[0], window[1]));
    }
    readOnce(`country|${k.country}|${window[0]}|${window[1]}`, () => store.mentionKeysInCountry(k.country, window[0], window[1]));
  }
  // Whole events, so that a cluster is never cut in two.
  const previous = new Set(store.eventOfMentions([...neighbourhood.keys()]).values());
  const membersBefore = new Map<string, string>();
  const membersOf = store.mentionIdsOfEvents([...previous]);
  // Most members are in the neighbourhood already: only the others' keys are read.
  store.mentionKeys([...membersOf.values()].flat().filter((id) => !neighbourhood.has(id))).forEach(add);
  for (const [id, members] of membersOf) membersBefore.set(id, membership(members));

  const keys = [...neighbourhood.values()];
  const clusters = cluster(keys, spatialCandidates(keys));
  // An event with the same id and the same mentions as before has the same record: it is not rewritten.
  const changed: typeof clusters = [], kept = new Set<string>();
  for (const c of clusters) {
    if (membersBefore.get(c.id) === membership(c.members.map((m) => m.id))) kept.add(c.id);
    else changed.push(c);
  }
  const resolved = changed.map((c) => mergeMentions(c.id, store.mentions(c.members.map((m) => m.id))));
  store.replaceEvents([...previous].filter((id) => !kept.has(id)), resolved);
  return { pending: pending.length, events: resolved.length };
}

/** An event's mentions as one comparable string: their ids, sorted. */
function membership(ids: readonly string[]): string {
  return [...ids].sort().join(',');
}

/** Candidates for phase 1 from an in-memory index of map cells. */
function spatialCandidates(keys: readonly MentionKey[]): (k: MentionKey) => Iterable<MentionKey> {
  const byCell = new Map<string, MentionKey[]>();
  for (const k of keys) {
    if (k.lat === null || k.lon === null) continue;
    const cell = cellOf(k.lat, k.lon);
    const list = byCell.get(cell) ?? [];
    list.push(k);
    byCell.set(cell, list);
  }
  return function* (k) {
    const window = dayWindow(k);
    for (const cell of neighbourCells(k)) {
      for (const other of byCell.get(cell) ?? []) {
        if (!window || other.day === null || (other.day >= window[0] && other.day <= window[1])) yield other;
      }
    }
  };
}
