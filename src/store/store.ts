// The store: a small interface with one folder per database (sqlite/ now; postgres/ next).
import type { DocumentInfo, EventRecord, Zone } from '../types.ts';
import type { Disagreement, Mention, MentionKey, ResolvedEvent } from '../resolve/resolve.ts';

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
  readonly events: readonly { readonly record: EventRecord; readonly trace: unknown; readonly dayWithoutYear?: string | null; readonly tellsSeveral?: boolean; readonly dayStated?: boolean }[];
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
}

export interface EventStats {
  readonly total: number;
  readonly perDay: readonly { readonly day: string; readonly count: number }[];
  readonly perType: readonly { readonly sub_event_type: string; readonly count: number }[];
  readonly perCountry: readonly { readonly country_code: string | null; readonly count: number }[];
}

export interface Store {
  /** True when a document with this exact content is already stored. */
  hasContent(hash: string): boolean;
  /** The highest version stored under a name, 0 when none. */
  latestVersion(name: string): number;
  /** Lines seen across documents of a site: boilerplate is learnt from the corpus. */
  recordLines(lines: readonly LineObservation[]): void;
  /** How many documents of a site carry each of these lines; a line no document has is absent. */
  lineDocumentCounts(site: string, keys: readonly string[]): Map<string, number>;
  /** Runs fn in one transaction: all of it is stored, or nothing. */
  transaction<T>(fn: () => T): T;
  /**
   * Stores documents and the events extracted from each (mentions), unresolved. A document that
   * replaces an earlier version drops that version's mentions, and leaves the events they were
   * part of unresolved again.
   */
  saveDocuments(documents: readonly NewDocument[]): void;
  /** Mentions that belong to no event yet. */
  unresolvedMentionKeys(): MentionKey[];
  /** Anchored mentions (a day and a point) in these map cells, dated within [dayFrom, dayTo]. */
  mentionKeysNear(cells: readonly string[], dayFrom: number, dayTo: number): MentionKey[];
  /** Mentions of one sub-event type in these map cells dated any day. */
  datedMentionKeysNear(cells: readonly string[], subEventType: string): MentionKey[];
  /**
   * Mentions of one sub-event type in these map cells with no date and no publication date (whether
   * they fit an event depends on each other), at most `limit` of them.
   */
  undatedMentionKeysNear(cells: readonly string[], subEventType: string, limit: number): MentionKey[];
  /** Mentions of one country (or any, for null) dated or published within [dayFrom, dayTo]. */
  mentionKeysInCountry(country: string | null, dayFrom: number, dayTo: number): MentionKey[];
  /** The ids of each event's mentions, by event id (an event with none is absent). */
  mentionIdsOfEvents(ids: readonly string[]): Map<string, string[]>;
  /** The keys of these mentions (those stored). */
  mentionKeys(ids: readonly string[]): MentionKey[];
  /** The event each mention belongs to now. */
  eventOfMentions(ids: readonly string[]): Map<string, string>;
  mentions(ids: readonly string[]): Mention[];
  /** Replaces resolved events: removes these, adds those, and points their mentions at them. */
  replaceEvents(remove: readonly string[], add: readonly ResolvedEvent[]): void;
  events(options?: { readonly limit?: number }): EventRecord[];
  /**
   * Every event matching a query (no page), read one at a time as the caller asks for them, from one
   * consistent state of the database: an export of any size holds one event in memory at a time.
   * The caller must finish or return() the generator, which releases what the read holds.
   */
  streamEvents(query: EventQuery, options?: { readonly oldestFirst?: boolean }): Generator<EventRecord>;
  /** Events matching a query, a page of them, and how many match in all. */
  queryEvents(query: EventQuery): { total: number; events: EventRecord[] };
  eventStats(query: EventQuery): EventStats;
  event(id: string): StoredEvent | null;
  /** The events extracted from one stored document, with the trace of each field and the event each now belongs to. */
  documentMentions(documentId: number): { record: EventRecord; trace: unknown; eventId: string | null }[];
  /** Per mention of an event: its document and the rule trace of its fields. */
  eventTrace(id: string): { document: string; trace: unknown }[];
  documents(): StoredDocument[];
  document(nameOrId: string): StoredDocument | null;
  counts(): { documents: number; events: number; mentions: number };
  close(): void;
}
