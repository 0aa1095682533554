// Resolution as documents arrive: the new mentions, the stored mentions they could be linked to
// (found through the store's index of map cells × days, so the work per mention does not grow with
// the database), and the whole events those belong to are clustered again; only those events are
// rewritten.
import type { Store } from '../store/store.ts';
import { applyReview } from './review.ts';
import { UNDATED_REACH_KM, cellOf, cellsWithin, cluster, dayWindow, isAnchor, isDayAnchor, mergeMentions, neighbourCells, type Cluster, type MentionKey, type ResolvedEvent } from './resolve.ts';

/** Undated tellings of one kind read per map cell: beyond a few dozen at one place, one more changes nothing. */
const UNDATED_READ_PER_CELL = 50;

/**
 * Days around a new telling told to the day whose tellings may change event (an event's tellings are
 * a function of the tellings of four days either side: dayGroups() in resolve.ts), and days around
 * those read as their context, so that what they are clustered into is what clustering every stored
 * telling at once gives: the events are a function of the set of reports, not of their order.
 */
const CHANGE_DAYS = 4;
const CONTEXT_DAYS = 2 * CHANGE_DAYS;

/** The first days of the months whose month-precision tellings may fit a telling of this day (within 31 days). */
function firstsOfMonthsAround(day: number): number[] {
  const out: number[] = [];
  for (let d = day - 31; d <= day + 31; d++) if (new Date(d * 86_400_000).getUTCDate() === 1) out.push(d);
  return out;
}

export interface ResolutionSummary {
  readonly pending: number;
  readonly events: number;
}

export async function resolvePending(store: Store): Promise<ResolutionSummary> {
  const pending = await store.unresolvedMentionKeys();
  if (!pending.length) return { pending: 0, events: 0 };
  const neighbourhood = new Map<string, MentionKey>();
  const add = (k: MentionKey) => neighbourhood.set(k.id, k);
  pending.forEach(add);
  // The tellings whose event may change with the new ones; the others read are their context.
  const inner = new Set<string>(pending.map((k) => k.id));
  // The days of the new tellings told to the day, by the map cells around them.
  const newDays = new Map<string, number[]>();
  // Many new tellings share a map cell (a capital's), or a country and its days: each question is asked once per batch.
  const asked = new Set<string>();
  const readOnce = async (question: string, read: () => Promise<readonly MentionKey[]>) => {
    if (asked.has(question)) return;
    asked.add(question);
    (await read()).forEach(add);
  };
  const undatedNear = async (k: MentionKey) => {
    for (const cell of cellsWithin(k, UNDATED_REACH_KM)) {
      await readOnce(`undated|${k.subEventType}|${cell}`, () => store.undatedMentionKeysNear([cell], k.subEventType, UNDATED_READ_PER_CELL));
    }
  };
  const withoutDate: { readonly k: MentionKey; readonly cells: readonly string[] }[] = [];
  for (const k of pending) {
    const window = dayWindow(k);
    if (!window) {
      // No date at all: only the same place can tell, over any day, and only an event of the same kind (fit()).
      const cells = cellsWithin(k, UNDATED_REACH_KM);
      for (const cell of cells) await readOnce(`any-day|${k.subEventType}|${cell}`, () => store.datedMentionKeysNear([cell], k.subEventType));
      withoutDate.push({ k, cells });
      continue;
    }
    if (isAnchor(k)) {
      // Tellings with no date at all fit an event of their kind within 10 km, and only when no other
      // such telling competes for it (cluster()): those near a new event's point are read.
      await undatedNear(k);
      const cells = neighbourCells(k);
      if (isDayAnchor(k)) {
        const [from, to] = [k.day! - CONTEXT_DAYS, k.day! + CONTEXT_DAYS];
        await readOnce(`days|${from}|${to}|${cells.join(',')}`, () => store.mentionKeysNear(cells, from, to));
        for (const cell of cells) {
          const days = newDays.get(cell) ?? [];
          days.push(k.day!);
          newDays.set(cell, days);
        }
      } else {
        await readOnce(`days|${window[0]}|${window[1]}|${cells.join(',')}`, () => store.mentionKeysNear(cells, window[0], window[1]));
      }
    }
    await readOnce(`country|${k.country}|${window[0]}|${window[1]}`, () => store.mentionKeysInCountry(k.country, window[0], window[1]));
    if (isDayAnchor(k)) {
      // A telling dated only by its month (dated the month's first day) may choose a new event of that
      // month: those of the country's months around it are read, one day each.
      for (const first of firstsOfMonthsAround(k.day!)) {
        await readOnce(`country|${k.country}|${first}|${first}`, () => store.mentionKeysInCountry(k.country, first, first));
      }
    }
  }
  // A new telling with no date competes with the others of its kind near it only for an event they
  // could fit: one with a dated telling of that kind, placed to a town or a site, within 10 km. Where
  // there is none (most such tellings: ACLED's notes of one town's protests over the years), the
  // others near it are not read: at 100,000 documents they were two thirds of all that was read.
  // An undated telling read (near a new event of its kind) may change event too; whether it fits one
  // depends on every dated event of its kind at its site, any day (cluster()): those are read for it.
  const undatedContext = async () => {
    const seen = new Set(withoutDate.map(({ k }) => k.id));
    for (const k of [...neighbourhood.values()]) {
      if (seen.has(k.id) || k.day !== null || k.published !== null || k.lat === null) continue;
      const cells = cellsWithin(k, UNDATED_REACH_KM);
      for (const cell of cells) await readOnce(`any-day|${k.subEventType}|${cell}`, () => store.datedMentionKeysNear([cell], k.subEventType));
      withoutDate.push({ k, cells });
    }
  };
  await undatedContext();
  const hosts = new Set<string>();
  for (const h of neighbourhood.values()) {
    if (h.lat === null || h.lon === null || (h.geoPrecision ?? 3) > 2 || (h.day === null && h.published === null)) continue;
    hosts.add(`${h.subEventType}|${cellOf(h.lat, h.lon)}`);
  }
  for (const { k, cells } of withoutDate) {
    if (cells.some((cell) => hosts.has(`${k.subEventType}|${cell}`))) await undatedNear(k);
  }
  await undatedContext();
  // A telling read that is not told to the day may change event too: it chooses among the events
  // around it. It is given what it chooses among, the tellings of its own days, as a new one is.
  const pendingIds = new Set(pending.map((k) => k.id));
  for (const k of [...neighbourhood.values()]) {
    if (isDayAnchor(k) || pendingIds.has(k.id) || k.datePrecision === 'year') continue;
    const window = dayWindow(k);
    if (!window) continue;
    if (isAnchor(k)) {
      const cells = neighbourCells(k);
      await readOnce(`days|${window[0]}|${window[1]}|${cells.join(',')}`, () => store.mentionKeysNear(cells, window[0], window[1]));
    }
    await readOnce(`country|${k.country}|${window[0]}|${window[1]}`, () => store.mentionKeysInCountry(k.country, window[0], window[1]));
  }
  // What may change: every telling read that is not told to the day (as before), and the tellings told
  // to the day near a new one, within CHANGE_DAYS of it; the others told to the day are context.
  for (const r of neighbourhood.values()) {
    if (!isDayAnchor(r)) inner.add(r.id);
    else if (newDays.get(cellOf(r.lat!, r.lon!))?.some((d) => Math.abs(d - r.day!) <= CHANGE_DAYS)) inner.add(r.id);
  }
  // Whole events, so that a cluster is never cut in two.
  const previous = new Set((await store.eventOfMentions([...neighbourhood.keys()])).values());
  const membersOf = await store.mentionIdsOfEvents([...previous]);
  // Most members are in the neighbourhood already: only the others' keys are read.
  (await store.mentionKeys([...membersOf.values()].flat().filter((id) => !neighbourhood.has(id)))).forEach(add);
  const eventBefore = new Map<string, string>();
  for (const [id, members] of membersOf) for (const m of members) eventBefore.set(m, id);

  const keys = [...neighbourhood.values()];
  // Reviewers' merges, splits and corrections are applied to what clustering made (review.ts).
  const review = await applyReview(store, cluster(keys, spatialCandidates(keys)));
  const all = review.clusters;
  // The clusters of what may change are written, and with them every cluster that holds a telling of
  // an event they take apart (so that no telling is left in an event that is no more); the clusters
  // of the context alone are what is stored already, or nearly: they are left as stored.
  const clusterOf = new Map<string, Cluster>();
  for (const c of all) for (const m of c.members) clusterOf.set(m.id, c);
  const taken = new Set<Cluster>();
  const touched = new Set<string>();
  const queue: Cluster[] = [];
  const take = (c: Cluster | undefined) => { if (c && !taken.has(c)) { taken.add(c); queue.push(c); } };
  for (const id of inner) take(clusterOf.get(id));
  while (queue.length) {
    const c = queue.pop()!;
    for (const m of c.members) {
      const before = eventBefore.get(m.id);
      if (before === undefined || touched.has(before)) continue;
      touched.add(before);
      for (const other of membersOf.get(before) ?? []) take(clusterOf.get(other));
    }
  }
  const clusters = all.filter((c) => taken.has(c));
  // A cluster with the same mentions as an event before is that event, with the same id (that of its
  // earliest report) and the same record: it is not rewritten, and its id is not even hashed.
  const changed: typeof clusters = [], kept = new Set<string>();
  for (const c of clusters) {
    const before = eventBefore.get(c.members[0]!.id);
    if (before !== undefined && membersOf.get(before)!.length === c.members.length && c.members.every((m) => eventBefore.get(m.id) === before)) kept.add(before);
    else changed.push(c);
  }
  const replaced = takenOver(changed, kept, touched, membersOf, neighbourhood);
  // The changed clusters' mentions in one read, each cluster's in the order of its members.
  const read = await store.mentions(changed.flatMap((c) => c.members.map((m) => m.id)));
  let at = 0;
  const resolved = changed.map((c): ResolvedEvent => {
    const event = review.finish(mergeMentions(c.id, read.slice(at, (at += c.members.length))));
    const replaces = replaced.get(c);
    return replaces ? { ...event, replaces } : event;
  });
  await store.replaceEvents([...touched].filter((id) => !kept.has(id)), resolved);
  return { pending: pending.length, events: resolved.length };
}

/**
 * The stored events each changed cluster takes over. An event's id is its earliest report's (eventIdOf), so
 * that the ids are the same whatever the order in which reports arrive, batch by batch or all at once, and
 * two ingests running together store what they store one after the other. An id can therefore change: a
 * report published earlier than every report of a known event, or published the same day with a mention id
 * that sorts first, becomes its earliest report; reports can also join two events into one. An id once
 * published stays valid all the same: each stored event that is no more leads (event_redirects) to the
 * cluster that holds its earliest report now, and `vigie show`, the API and every reader of
 * `Store.event` answer the old id with that event.
 */
export function takenOver(clusters: readonly Cluster[], kept: ReadonlySet<string>, previous: ReadonlySet<string>,
  membersOf: ReadonlyMap<string, readonly string[]>, keys: ReadonlyMap<string, MentionKey>): Map<Cluster, string[]> {
  const clusterOf = new Map<string, Cluster>();
  for (const c of clusters) for (const m of c.members) clusterOf.set(m.id, c);
  const out = new Map<Cluster, string[]>();
  for (const id of previous) {
    if (kept.has(id)) continue;
    // The cluster that holds the stored event's earliest report is the event now.
    let first: MentionKey | undefined;
    for (const m of membersOf.get(id) ?? []) {
      const k = keys.get(m);
      if (k && clusterOf.has(m) && (!first || k.sortKey < first.sortKey)) first = k;
    }
    if (!first) continue;
    const heir = clusterOf.get(first.id)!;
    if (heir.id === id) continue;
    const list = out.get(heir) ?? [];
    list.push(id);
    out.set(heir, list);
  }
  return out;
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
