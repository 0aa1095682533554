// What a reviewer does to an event: accept, reject, correct fields, merge two events, split a source
// out of one; an admin may undo an action. Each action changes the review tables (pins, reviews,
// redirects), leaves the events concerned unresolved and resolves them again in the same transaction,
// so that what a review makes is exactly what any later ingest makes of the same reports
// (src/resolve/review.ts applies the review after clustering). Every action is recorded with who,
// when, what it changed (before/after) and what undoes it.
import { createHash } from 'node:crypto';
import type { CorrectableFields, EventReview, ReviewAction, ReviewRestore, Store } from '../store/store.ts';
import type { EventRecord, ReviewStatus } from '../types.ts';
import { resolvePending } from '../resolve/incremental.ts';

export class ReviewError extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string) {
    super(message);
  }
}

export type ReviewRequest =
  | { readonly action: 'accept' | 'reject'; readonly note?: string | null }
  | { readonly action: 'correct'; readonly fields: Partial<CorrectableFields>; readonly note: string }
  | { readonly action: 'merge'; readonly other: string; readonly note?: string | null }
  | { readonly action: 'split'; readonly document: string; readonly note?: string | null };

export interface ReviewOutcome {
  /** The event acted on, as it is now. */
  readonly event: string;
  /** The event a split made. */
  readonly split?: string;
  readonly action: ReviewAction;
}

const documentsOf = (r: EventRecord) => [...new Set(r.sources.map((s) => s.document))];

/** The event an id names now (itself, or the one it leads to), or a 404. */
async function live(store: Store, id: string): Promise<EventRecord> {
  const e = await store.event(id);
  if (!e) throw new ReviewError(404, `${id}: no such event`);
  return e.record;
}

async function membersOf(store: Store, id: string): Promise<string[]> {
  return (await store.mentionIdsOfEvents([id])).get(id) ?? [];
}

/** The id of the event a split makes: the same source split out of the same reports gives the same id. */
export function splitEventId(mentionIds: readonly string[]): string {
  return `evt_${createHash('sha256').update(`split|${[...mentionIds].sort().join('|')}`).digest('hex').slice(0, 20)}`;
}

export async function review(store: Store, eventId: string, request: ReviewRequest, reviewer: string, now = new Date().toISOString()): Promise<ReviewOutcome> {
  return store.transaction(async (tx) => {
    const record = await live(tx, eventId);
    const id = record.id;
    const members = await membersOf(tx, id);
    const current = (await tx.eventReviews([id])).get(id) ?? null;
    const pinsBefore = await tx.pins(members);
    const restorePins = (ids: readonly string[], pins: ReadonlyMap<string, string>) => ids.map((m) => ({ mention: m, event: pins.get(m) ?? null }));
    const status: ReviewStatus = current?.status ?? 'unreviewed';
    const reviewAs = (s: ReviewStatus, fields: EventReview['fields'], seen: readonly string[]): EventReview => ({ eventId: id, status: s, fields, reviewer, reviewedAt: now, seen });
    let restore: ReviewRestore = { pins: restorePins(members, pinsBefore), reviews: [{ eventId: id, review: current }], redirects: [], rebuild: [id] };
    let before: unknown, after: unknown, otherId: string | null = null, split: string | undefined;
    const rebuild = [id];

    switch (request.action) {
      case 'accept':
      case 'reject': {
        const s: ReviewStatus = request.action === 'reject' ? 'rejected' : current && Object.keys(current.fields).length ? 'corrected' : 'accepted';
        await tx.setPins(members.map((m) => ({ mention: m, event: id })));
        await tx.setEventReview(id, reviewAs(s, current?.fields ?? {}, documentsOf(record)));
        before = { status };
        after = { status: s };
        break;
      }
      case 'correct': {
        const names = Object.keys(request.fields) as (keyof CorrectableFields)[];
        if (!names.length) throw new ReviewError(400, 'body: fields: name at least one field to correct');
        before = Object.fromEntries(names.map((f) => [f, record[f]]));
        after = { ...request.fields };
        await tx.setPins(members.map((m) => ({ mention: m, event: id })));
        await tx.setEventReview(id, reviewAs('corrected', { ...(current?.fields ?? {}), ...request.fields }, documentsOf(record)));
        break;
      }
      case 'merge': {
        const other = await live(tx, request.other);
        if (other.id === id) throw new ReviewError(400, `${request.other}: is this event already`);
        otherId = other.id;
        const otherMembers = await membersOf(tx, other.id);
        const otherPins = await tx.pins(otherMembers);
        const otherReview = (await tx.eventReviews([other.id])).get(other.id) ?? null;
        restore = {
          pins: [...restorePins(members, pinsBefore), ...restorePins(otherMembers, otherPins)],
          reviews: [{ eventId: id, review: current }, { eventId: other.id, review: otherReview }],
          redirects: [{ oldId: other.id, newId: await tx.redirectOf(other.id) }],
          rebuild: [id],
        };
        await tx.setPins([...members, ...otherMembers].map((m) => ({ mention: m, event: id })));
        // The merged event keeps this one's review; the sources it had are those of both.
        const seen = [...new Set([...documentsOf(record), ...documentsOf(other)])];
        await tx.setEventReview(id, current ? { ...current, reviewer, reviewedAt: now, seen } : reviewAs('unreviewed', {}, seen));
        await tx.setEventReview(other.id, null);
        rebuild.push(other.id);
        before = { events: [id, other.id], sources: [documentsOf(record).length, documentsOf(other).length] };
        after = { event: id, sources: seen.length };
        break;
      }
      case 'split': {
        const mentions = await tx.mentions(members);
        const out = mentions.filter((m) => m.document === request.document || m.document.endsWith(`/${request.document}`)).map((m) => m.id);
        if (!out.length) throw new ReviewError(400, `${request.document}: is not a source of ${id}`);
        if (out.length === members.length) throw new ReviewError(400, `${request.document}: is the only source of ${id}: nothing to split it from`);
        split = splitEventId(out);
        otherId = split;
        const stay = members.filter((m) => !out.includes(m));
        await tx.setPins([...stay.map((m) => ({ mention: m, event: id })), ...out.map((m) => ({ mention: m, event: split! }))]);
        const seen = documentsOf(record).filter((d) => d !== mentions.find((m) => m.id === out[0])!.document);
        await tx.setEventReview(id, current ? { ...current, reviewer, reviewedAt: now, seen } : reviewAs('unreviewed', {}, seen));
        restore = { ...restore, reviews: [...restore.reviews, { eventId: split, review: (await tx.eventReviews([split])).get(split) ?? null }], rebuild: [id, split] };
        before = { sources: documentsOf(record) };
        after = { event: id, split, document: mentions.find((m) => m.id === out[0])!.document };
        break;
      }
    }
    await tx.unresolveEvents(rebuild);
    await resolvePending(tx);
    if (request.action === 'merge') await tx.setRedirect(otherId!, id);
    const note = 'note' in request && request.note ? request.note : null;
    const actionId = await tx.addReviewAction({ eventId: id, otherId, action: request.action, reviewer, at: now, note, before, after, restore });
    return { event: id, ...(split ? { split } : {}), action: (await tx.reviewAction(actionId))! };
  });
}

/** Undoes a review action (the latest not undone of its event): pins, reviews and redirects as they were, the events rebuilt. */
export async function undo(store: Store, actionId: number, reviewer: string, now = new Date().toISOString()): Promise<ReviewOutcome> {
  return store.transaction(async (tx) => {
    const action = await tx.reviewAction(actionId);
    if (!action) throw new ReviewError(404, `review action ${actionId}: no such action`);
    if (action.action === 'undo') throw new ReviewError(400, `review action ${actionId}: an undo is not undone`);
    if (action.undone) throw new ReviewError(409, `review action ${actionId}: undone already`);
    const later = (await tx.reviewActions(action.eventId)).filter((a) => a.id > action.id && a.action !== 'undo' && !a.undone);
    if (later.length) throw new ReviewError(409, `review action ${actionId}: undo the later actions on ${action.eventId} first (${later.map((a) => a.id).join(', ')})`);
    const { restore } = action;
    // What the action made: rebuilt from what it found.
    const made = [action.eventId, ...(action.otherId ? [action.otherId] : [])];
    const mentions = [...new Set([...restore.pins.map((p) => p.mention), ...[...(await tx.mentionIdsOfEvents(made)).values()].flat()])];
    const pinsNow = await tx.pins(mentions);
    const reviewsNow = await tx.eventReviews(restore.reviews.map((r) => r.eventId));
    await tx.setPins(restore.pins);
    for (const r of restore.reviews) await tx.setEventReview(r.eventId, r.review);
    for (const r of restore.redirects) await tx.setRedirect(r.oldId, r.newId);
    await tx.unresolveEvents([...new Set([...made, ...restore.rebuild])]);
    await resolvePending(tx);
    const undoRestore: ReviewRestore = {
      pins: mentions.map((m) => ({ mention: m, event: pinsNow.get(m) ?? null })),
      reviews: restore.reviews.map((r) => ({ eventId: r.eventId, review: reviewsNow.get(r.eventId) ?? null })),
      redirects: [], rebuild: made,
    };
    await tx.markReviewActionUndone(action.id, reviewer, now);
    const id = await tx.addReviewAction({
      eventId: action.eventId, otherId: action.otherId, action: 'undo', reviewer, at: now, note: `undoes action ${action.id} (${action.action})`,
      before: action.after, after: action.before, restore: undoRestore,
    });
    return { event: action.eventId, action: (await tx.reviewAction(id))! };
  });
}

/** An event's review history, oldest first, and the sources new since its last review. */
export async function history(store: Store, eventId: string): Promise<{ id: string; review: EventReview | null; newSinceReview: string[]; actions: ReviewAction[] } | null> {
  const e = await store.event(eventId);
  if (!e) return null;
  const id = e.record.id;
  const r = (await store.eventReviews([id])).get(id) ?? null;
  const ids = new Set([id, ...(await store.reviewActions(id)).flatMap((a) => (a.otherId ? [a.otherId] : []))]);
  const actions = new Map<number, ReviewAction>();
  for (const x of ids) for (const a of await store.reviewActions(x)) actions.set(a.id, a);
  return { id, review: r, newSinceReview: r ? documentsOf(e.record).filter((d) => !r.seen.includes(d)) : [], actions: [...actions.values()].sort((a, b) => a.id - b.id) };
}
