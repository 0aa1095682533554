// Reviewers' work at the boundary of resolution: after clustering, mentions pinned to an event by a
// review (accept, reject, correct, merge, split all pin the event's mentions to its id) are gathered
// into that event whatever the clustering made of them, and the fields a reviewer corrected replace
// what the sources say. Resolution (incremental.ts) calls applyReview once per pass; clustering
// itself knows nothing of review.
import type { Store } from '../store/store.ts';
import type { EventRecord } from '../types.ts';
import { eventTypeOf } from '../extract/taxonomy.ts';
import type { Cluster, MentionKey, ResolvedEvent } from './resolve.ts';

export interface ReviewedClusters {
  /** The clusters with pinned mentions gathered into their events. */
  readonly clusters: Cluster[];
  /** A merged event with its reviewer's corrections. */
  finish(event: ResolvedEvent): ResolvedEvent;
}

/**
 * Pins win over clustering: each pinned mention goes to the event it is pinned to (that event keeps
 * its id); a mention no one pinned goes where clustering put it, and when clustering put it with
 * pinned ones, to the event most of those are pinned to (a new report of a reviewed event attaches
 * to it). A cluster with no pinned mention is left as it is.
 */
export async function applyReview(store: Store, clusters: readonly Cluster[]): Promise<ReviewedClusters> {
  const pins = await store.pins(clusters.flatMap((c) => c.members.map((m) => m.id)));
  let out: Cluster[] = [...clusters];
  if (pins.size) {
    const groups = new Map<string, MentionKey[]>();
    const join = (id: string, members: readonly MentionKey[]) => groups.set(id, [...(groups.get(id) ?? []), ...members]);
    const free: Cluster[] = [];
    for (const c of clusters) {
      const pinned = c.members.filter((m) => pins.has(m.id));
      if (!pinned.length) { free.push(c); continue; }
      const votes = new Map<string, number>();
      for (const m of pinned) votes.set(pins.get(m.id)!, (votes.get(pins.get(m.id)!) ?? 0) + 1);
      const host = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      for (const m of c.members) join(pins.get(m.id) ?? host, [m]);
    }
    out = [];
    for (const c of free) {
      // Never two events under one id: a free cluster named as a pinned event joins it.
      if (groups.has(c.id)) join(c.id, c.members);
      else out.push(c);
    }
    for (const [id, members] of groups) out.push({ id, members: [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) });
  }
  const reviews = await store.eventReviews(out.map((c) => c.id));
  return {
    clusters: out,
    finish(event) {
      const fields = reviews.get(event.record.id)?.fields;
      return fields && Object.keys(fields).length ? { ...event, record: corrected(event.record, fields) } : event;
    },
  };
}

/** A record with a reviewer's corrections; the event type follows a corrected sub-event type. */
export function corrected(record: EventRecord, fields: Partial<Omit<EventRecord, 'id' | 'event_type' | 'sources' | 'notes' | 'review'>>): EventRecord {
  // The notes were written from the sources' values: they say which fields a reviewer set instead.
  const said = Object.entries(fields).map(([k, v]) => `${k} ${v === null ? 'none' : typeof v === 'object' ? (Array.isArray(v) ? v.join(', ') : (v as { name?: string; status?: string }).name ?? (v as { status?: string }).status ?? JSON.stringify(v)) : String(v)}`);
  const out = { ...record, ...fields, notes: `${record.notes} Corrected on review: ${said.join('; ')}.` };
  return fields.sub_event_type ? { ...out, event_type: eventTypeOf(fields.sub_event_type) } : out;
}
