// The store: one asynchronous interface, one folder per database (sqlite/, postgres/), one query layer (kysely-store.ts).
import type { DocumentInfo, EventFields, EventRecord, ReviewStatus, Zone } from '../types.ts';
import type { Disagreement, Mention, MentionKey, ResolvedEvent } from '../resolve/resolve.ts';
import type { ExtractTask } from '../ingest/extract.ts';

export interface StoredDocument {
  readonly id: number;
  readonly info: DocumentInfo;
  readonly version: number;
  readonly text: string;
  readonly zones: readonly Zone[];
  readonly ingestedAt: string;
  /** Why the document has no events when vigie could not read its language. */
  readonly note: string | null;
}

export interface NewDocument {
  readonly info: DocumentInfo;
  readonly text: string;
  readonly zones: readonly Zone[];
  readonly note: string | null;
  /** The events extracted from this document, with the trace of each field. */
  readonly events: readonly { readonly record: EventRecord; readonly trace: unknown; readonly dayWithoutYear?: string | null; readonly tellsSeveral?: boolean; readonly dayStated?: boolean; readonly placeUnknown?: boolean }[];
}

export interface LineObservation {
  readonly site: string;
  readonly key: string;
  readonly documentHash: string;
}

export interface StoredEvent {
  readonly record: EventRecord;
  readonly disagreements: readonly Disagreement[];
}

/** Filters of the events API and the web app. Every field is optional; an empty query is everything. */
export interface EventQuery {
  readonly from?: string;
  readonly to?: string;
  readonly subEventTypes?: readonly string[];
  readonly eventTypes?: readonly string[];
  readonly actor?: string;
  readonly country?: string;
  readonly claim?: string;
  /** [west, south, east, north] in degrees. */
  readonly bbox?: readonly [number, number, number, number];
  /** Words searched in notes and evidence. */
  readonly text?: string;
  readonly limit?: number;
  readonly offset?: number;
  /** reviewed: accepted or corrected; unreviewed: no review yet (or one that left it so); or one status. */
  readonly review?: 'reviewed' | ReviewStatus;
  /** queue: most killed first, then the most recent (the review queue); default: the most recent first. */
  readonly order?: 'queue';
}

/** The fields a reviewer can correct. */
export type CorrectableFields = Omit<EventFields, 'event_type'>;

export type TokenRole = 'reviewer' | 'admin';

export interface StoredToken {
  readonly id: string;
  /** sha256 of the token, hex. */
  readonly hash: string;
  readonly role: TokenRole;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** An event's review: the last status set, the fields corrected (never overwritten by resolution). */
export interface EventReview {
  readonly eventId: string;
  readonly status: ReviewStatus;
  readonly fields: Partial<CorrectableFields>;
  readonly reviewer: string;
  readonly reviewedAt: string;
  /** The documents the event had when reviewed: others attached since are "new since review". */
  readonly seen: readonly string[];
}

export type ReviewActionKind = 'accept' | 'reject' | 'correct' | 'merge' | 'split' | 'undo';

/** What undoes a review action: pins, reviews and redirects as they were, and the events to rebuild. */
export interface ReviewRestore {
  readonly pins: readonly { readonly mention: string; readonly event: string | null }[];
  readonly reviews: readonly { readonly eventId: string; readonly review: EventReview | null }[];
  readonly redirects: readonly { readonly oldId: string; readonly newId: string | null }[];
  readonly rebuild: readonly string[];
}

export interface NewReviewAction {
  readonly eventId: string;
  /** The other event of a merge (absorbed) or a split (made), or the action undone's event. */
  readonly otherId: string | null;
  readonly action: ReviewActionKind;
  readonly reviewer: string;
  readonly at: string;
  readonly note: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly restore: ReviewRestore;
}

export interface ReviewAction extends NewReviewAction {
  readonly id: number;
  readonly undone: { readonly by: string; readonly at: string } | null;
}

export interface EventStats {
  /**
   * True when the counts are estimates: a selection of words the database expects to hold more than
   * 20,000 events is counted from a sample of the table (PostgreSQL), each count scaled to the whole.
   */
  readonly estimated: boolean;
  readonly total: number;
  readonly perDay: readonly { readonly day: string; readonly count: number }[];
  readonly perType: readonly { readonly sub_event_type: string; readonly count: number }[];
  readonly perCountry: readonly { readonly country_code: string | null; readonly count: number }[];
}

/** What a map of a selection asks: the zoom its cells are cut for, and how many events it shows one by one at most. */
export interface MapOptions {
  /** The map's zoom (0: the world in 512 px): cells are 360 / 2^(zoom + 3) degrees, about 64 px at that zoom. */
  readonly zoom: number;
  /** At most this many events are given one by one; the others are counted in cells. */
  readonly points: number;
}

/** A cell of the map's grid holding several events of the selection: how many, where, of which types. */
export interface MapCell {
  /** The mean of its events' points. */
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  /** [west, south, east, north] of its events' points. */
  readonly bounds: readonly [number, number, number, number];
  /** Its events per sub-event type, most first (then by name). */
  readonly types: readonly { readonly sub_event_type: string; readonly count: number }[];
}

/** One event on the map: what its marker and its hover show. */
export interface MapPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly sub_event_type: string;
  readonly date: string | null;
  readonly date_precision: string | null;
  readonly place: string | null;
  readonly country_code: string | null;
  readonly geo_precision: number | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly sources: number;
}

/**
 * A selection on a map at one zoom, aggregated by the database: every located event of the selection
 * is either a point or counted in a cell. At zoom 9 or more (cells of 0.09°, about 10 km), where the
 * selection holds at most `points` located events, all are points; otherwise the events alone in
 * their cell are points (at most `points`, the first cells in grid order) and the others are counted
 * per cell.
 */
export interface EventMap {
  /** True when counted from a sample (as EventStats): every event is then in a cell, none a point. */
  readonly estimated: boolean;
  /** Located events of the selection (those with a point). */
  readonly total: number;
  /** The size of a cell, in degrees of latitude and of longitude. */
  readonly cellDegrees: number;
  /** [west, south, east, north] of the selection's points, null when none has one. */
  readonly bounds: readonly [number, number, number, number] | null;
  /** Cells in grid order (south to north, then west to east). */
  readonly cells: readonly MapCell[];
  /** Points, the most recent first (then by id). */
  readonly points: readonly MapPoint[];
}

/** Events of one bin (a day, or an ISO week named by its Monday) and sub-event type, for a timeline. */
export interface DayTypeCount {
  /** The bin's first day: the day, or the Monday of the week. */
  readonly day: string;
  readonly sub_event_type: string;
  readonly count: number;
}

/**
 * What a timeline's bars count: a day each, or an ISO week each (Monday to Sunday), or `auto`: weeks
 * when the selection spans more than AUTO_WEEK_DAYS days (from/to when both are given, else its first
 * and last dated day), days otherwise. A 4-year daily series in a chart of 800 px is half a pixel a
 * bar: weeks are what a chart of that span can show.
 */
export type TimelineBin = 'day' | 'week' | 'auto';

/** A span of more days than this is drawn in weeks by the timeline's `auto`. */
export const AUTO_WEEK_DAYS = 366;

export interface TimelineOptions {
  /** Default `day`. */
  readonly bin?: TimelineBin;
}

export interface Timeline {
  /** True when counted from a sample (as EventStats). */
  readonly estimated: boolean;
  /** What each count is of. */
  readonly bin: 'day' | 'week';
  /**
   * By bin, then type (their bytes). A week that from/to cut counts the days of it they select,
   * never a day outside them.
   */
  readonly counts: readonly DayTypeCount[];
}

export interface ClaimOptions {
  readonly limit: number;
  readonly leaseMs: number;
  readonly maxAttempts: number;
}

export interface ClaimedJob {
  readonly id: number;
  /** This claim included. */
  readonly attempts: number;
  readonly task: ExtractTask;
}

export interface BatchToStore {
  readonly batch: number;
  readonly jobs: readonly { readonly id: number; readonly document: NewDocument }[];
}

export interface QueueCounts {
  readonly queued: number;
  readonly running: number;
  /** Extracted, waiting for their batch to be stored. */
  readonly extracted: number;
  readonly done: number;
  readonly failed: number;
}

export interface FailedJob {
  readonly name: string;
  readonly error: string;
  readonly attempts: number;
}

/** The last fetch of a URL whose content was read and stored. */
export interface FetchRecord {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** sha256 of the bytes received. */
  readonly contentHash: string;
  readonly fetchedAt: string;
}

/**
 * A database of documents, mentions and events. Every method is asynchronous: the same interface is
 * served by an embedded SQLite file and by a PostgreSQL server shared by many processes (open.ts).
 */
export interface Store {
  /** Where the store is, as given to openStore (never with a password). */
  readonly target: string;
  /** True when a document with this exact content is already stored. */
  hasContent(hash: string): Promise<boolean>;
  /** The highest version stored under a name, 0 when none. */
  latestVersion(name: string): Promise<number>;
  /** Lines seen across documents of a site: boilerplate is learnt from the corpus. */
  recordLines(lines: readonly LineObservation[]): Promise<void>;
  /**
   * How many documents of a site carry each of these lines; a line no document has is absent.
   * `pending` are observations not recorded yet (a batch's, recorded when it commits), counted with
   * the recorded ones: a document once, whether recorded already or not.
   */
  lineDocumentCounts(site: string, keys: readonly string[], pending?: readonly LineObservation[]): Promise<Map<string, number>>;
  /**
   * Runs fn in one write transaction, given a store bound to it: all of it is stored, or nothing.
   * Writers take turns (the database's write lock is taken as the transaction begins). Called on a
   * store that is already a transaction, it runs under a savepoint: a failure rolls back fn alone.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** True for an error that says another process holds the database (retry later), not that the input is at fault. */
  isBusy(error: unknown): boolean;
  /**
   * Stores documents and the events extracted from each (mentions), unresolved. A document that
   * replaces an earlier version drops that version's mentions, and leaves the events they were
   * part of unresolved again.
   */
  saveDocuments(documents: readonly NewDocument[]): Promise<void>;
  /** Mentions that belong to no event yet. */
  unresolvedMentionKeys(): Promise<MentionKey[]>;
  /** Anchored mentions (a day and a point) in these map cells, dated within [dayFrom, dayTo]. */
  mentionKeysNear(cells: readonly string[], dayFrom: number, dayTo: number): Promise<MentionKey[]>;
  /** Mentions of one sub-event type in these map cells dated any day. */
  datedMentionKeysNear(cells: readonly string[], subEventType: string): Promise<MentionKey[]>;
  /**
   * Mentions of one sub-event type in these map cells with no date and no publication date (whether
   * they fit an event depends on each other), at most `limit` of them.
   */
  undatedMentionKeysNear(cells: readonly string[], subEventType: string, limit: number): Promise<MentionKey[]>;
  /** Mentions of one country (or any, for null) dated or published within [dayFrom, dayTo]. */
  mentionKeysInCountry(country: string | null, dayFrom: number, dayTo: number): Promise<MentionKey[]>;
  /** The ids of each event's mentions, by event id (an event with none is absent). */
  mentionIdsOfEvents(ids: readonly string[]): Promise<Map<string, string[]>>;
  /** The keys of these mentions (those stored). */
  mentionKeys(ids: readonly string[]): Promise<MentionKey[]>;
  /** The event each mention belongs to now. */
  eventOfMentions(ids: readonly string[]): Promise<Map<string, string>>;
  mentions(ids: readonly string[]): Promise<Mention[]>;
  /** Replaces resolved events: removes these, adds those, and points their mentions at them. */
  replaceEvents(remove: readonly string[], add: readonly ResolvedEvent[]): Promise<void>;
  events(options?: { readonly limit?: number }): Promise<EventRecord[]>;
  /**
   * Every event matching a query (no page), read a few at a time as the caller asks for them, from
   * one consistent state of the database: an export of any size holds few events in memory at a time.
   * The caller must finish or return() the generator, which releases what the read holds.
   */
  streamEvents(query: EventQuery, options?: { readonly oldestFirst?: boolean }): AsyncGenerator<EventRecord>;
  /**
   * Events matching a query, a page of them, and how many match in all: for a selection of words the
   * database expects to hold more than 20,000 events, its estimate (estimated: true, PostgreSQL).
   */
  queryEvents(query: EventQuery): Promise<{ total: number; events: EventRecord[]; estimated: boolean }>;
  eventStats(query: EventQuery): Promise<EventStats>;
  /** The selection as a map at a zoom: cells of the grid counted by the database, and the events alone in theirs. */
  eventMap(query: EventQuery, options: MapOptions): Promise<EventMap>;
  /** Dated events of the selection per day (or week) and sub-event type, by day then type (their bytes). */
  eventTimeline(query: EventQuery, options?: TimelineOptions): Promise<Timeline>;
  event(id: string): Promise<StoredEvent | null>;
  /** The events extracted from one stored document, with the trace of each field and the event each now belongs to. */
  documentMentions(documentId: number): Promise<{ record: EventRecord; trace: unknown; eventId: string | null }[]>;
  /** Per mention of an event: its document and the rule trace of its fields. */
  eventTrace(id: string): Promise<{ document: string; trace: unknown }[]>;
  documents(): Promise<StoredDocument[]>;
  document(nameOrId: string): Promise<StoredDocument | null>;
  counts(): Promise<{ documents: number; events: number; mentions: number }>;
  /** Queues documents to extract and store, for workers; content queued already is skipped. Returns how many were queued. */
  enqueue(tasks: readonly ExtractTask[]): Promise<number>;
  /**
   * Takes up to `limit` jobs, oldest first: queued ones, and those whose worker's lease ran out (it
   * died or hangs). Each is held for leaseMs and counted as one more attempt. Workers claim at once
   * without taking the same job.
   */
  claimJobs(options: ClaimOptions): Promise<ClaimedJob[]>;
  /** What extraction made of a claimed job: it waits for its batch to be stored. */
  recordExtraction(id: number, document: NewDocument): Promise<void>;
  /**
   * The first queued batch not yet stored, with its extracted documents in the order they were
   * queued, once none of its documents is left to extract; null when there is none or it is not
   * ready. Call it in the write transaction that stores the batch.
   */
  nextBatchToStore(): Promise<BatchToStore | null>;
  /** Jobs whose documents are stored (or were already): call it in the transaction that stores them. */
  completeJobs(ids: readonly number[]): Promise<void>;
  /** A job whose document the store refused: failed with the reason (the same document would be refused again). */
  failStoredJob(id: number, error: string): Promise<void>;
  /** A job that failed: queued again, or failed for good with its error once tried maxAttempts times. */
  failJob(id: number, error: string, maxAttempts: number): Promise<void>;
  queueCounts(): Promise<QueueCounts>;
  failedJobs(): Promise<FailedJob[]>;
  /** The last recorded fetch of a URL, null when it was never read. */
  lastFetch(url: string): Promise<FetchRecord | null>;
  /** Records fetches of URLs whose documents are stored (replacing each URL's earlier record). */
  recordFetches(fetches: readonly FetchRecord[]): Promise<void>;
  // ---- Review ----
  saveToken(token: StoredToken): Promise<void>;
  /** The token with this hash, revoked or not; null when none. */
  tokenByHash(hash: string): Promise<StoredToken | null>;
  tokens(): Promise<StoredToken[]>;
  /** True when a token that was live is revoked now. */
  revokeToken(id: string, at: string): Promise<boolean>;
  /** The event each of these mentions is pinned to (a mention pinned to none is absent). */
  pins(mentionIds: readonly string[]): Promise<Map<string, string>>;
  /** Pins mentions to events (event null: unpinned). */
  setPins(pins: readonly { readonly mention: string; readonly event: string | null }[]): Promise<void>;
  eventReviews(eventIds: readonly string[]): Promise<Map<string, EventReview>>;
  /** Sets an event's review, or removes it (null). */
  setEventReview(eventId: string, review: EventReview | null): Promise<void>;
  /** The event an id leads to when that event is no more (event_redirects), or null. */
  redirectOf(oldId: string): Promise<string | null>;
  /** Makes an old id lead to an event (newId null: leads nowhere). */
  setRedirect(oldId: string, newId: string | null): Promise<void>;
  /** Removes these events and leaves their mentions unresolved, for resolution to rebuild them. */
  unresolveEvents(ids: readonly string[]): Promise<void>;
  addReviewAction(action: NewReviewAction): Promise<number>;
  /** The actions on an event (as the event acted on or the other one), oldest first. */
  reviewActions(eventId: string): Promise<ReviewAction[]>;
  reviewAction(id: number): Promise<ReviewAction | null>;
  markReviewActionUndone(id: number, by: string, at: string): Promise<void>;
  close(): Promise<void>;
}
