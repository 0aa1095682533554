// What differs between the databases, as properties of an adapter: the shared queries (kysely-store.ts)
// never ask which database they run on.
import type { Expression, Generated, Kysely, RawBuilder, SqlBool } from 'kysely';

export interface DocumentsTable {
  id: Generated<number>;
  name: string;
  version: number;
  url: string | null;
  outlet: string | null;
  language: string;
  language_rule: string;
  published: string | null;
  published_precision: string | null;
  published_rule: string;
  hash: string;
  text: string;
  zones: string;
  note: string | null;
  ingested_at: string;
  /** DocumentMetadata as JSON; null for documents read from text. */
  metadata: string | null;
}

export interface MentionsTable {
  id: string;
  document_id: number;
  ordinal: number;
  date: string | null;
  sub_event_type: string;
  country_code: string | null;
  record: string;
  trace: string;
  key: string | null;
  event_id: string | null;
  cell: string | null;
  day: number | null;
  published_day: number | null;
}

export interface EventsTable {
  id: string;
  record: string;
  disagreements: string;
  date: string | null;
  sub_event_type: string;
  country_code: string | null;
  lat: number | null;
  lon: number | null;
  n_sources: number;
  event_type: string | null;
  actor1: string | null;
  actor2: string | null;
  claim_status: string | null;
  /** The record's killed, for the review queue's order. */
  killed: number | null;
}

export interface LinesTable {
  site: string;
  key: string;
  document_hash: string;
}

export interface EventRedirectsTable {
  old_id: string;
  new_id: string;
}

export interface JobsTable {
  id: Generated<number>;
  hash: string;
  name: string;
  /** The ingest batch it was queued with: batches are stored and resolved in this order. */
  batch: number;
  /** The extraction task as JSON: the document, its hash, its batch's boilerplate line counts. */
  task: string;
  /** What extraction made of it (a NewDocument as JSON), until it is stored. */
  result: string | null;
  /** queued, running (claimed until locked_until), extracted, done or failed. */
  state: string;
  attempts: number;
  locked_until: number | null;
  error: string | null;
  enqueued_at: string;
}

/** The last fetch of a URL that was read: conditional requests next time, and whether its bytes changed. */
export interface FetchesTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
  fetched_at: string;
}

export interface ReviewTokensTable {
  id: string;
  /** sha256 of the token, hex: the token itself is shown once and never stored. */
  hash: string;
  role: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EventReviewsTable {
  event_id: string;
  status: string;
  /** The corrected fields as JSON: resolution never overwrites them. */
  fields: string;
  reviewer: string;
  reviewed_at: string;
  /** The documents the event had when last reviewed, as JSON: the others are new since review. */
  seen: string;
}

export interface MentionPinsTable {
  mention_id: string;
  event_id: string;
}

export interface ReviewActionsTable {
  id: Generated<number>;
  event_id: string;
  other_id: string | null;
  action: string;
  reviewer: string;
  acted_at: string;
  note: string | null;
  before_value: string;
  after_value: string;
  /** What undoes the action, as JSON (pins, reviews and redirects as they were). */
  restore: string;
  undone_by: string | null;
  undone_at: string | null;
}

/**
 * How many events there are of each day, type, country and exact point: kept by the database's own
 * triggers on events (each adapter's migrations), so that a selection by dates, types, country and box
 * is counted from its distinct keys, never from its events one by one. NULLs are keys like any value.
 */
export interface EventRollupTable {
  date: string | null;
  sub_event_type: string;
  event_type: string | null;
  country_code: string | null;
  lat: number | null;
  lon: number | null;
  /** Events of this key, never 0: a key none has is deleted. */
  n: number;
}

/**
 * How many events there are of each ISO week, quarter-degree cell (box-cells.ts), type and country:
 * kept by triggers as event_rollup is, for the timeline of a long span drawn in weeks. A box's cells
 * that lie wholly inside it are read here; the cells it cuts, and the days of a week that from/to cut,
 * are read from event_rollup (exact points and days), so that every answer is exact.
 */
export interface EventRollupWeekTable {
  /** The Monday of the event's ISO week (YYYY-MM-DD), null for an undated event. */
  week: string | null;
  /** The quarter-degree cell of the event's point, numbered as events_box_cell numbers it; null without a point. */
  box_cell: number | null;
  sub_event_type: string;
  event_type: string | null;
  country_code: string | null;
  /** Events of this key, never 0: a key none has is deleted. */
  n: number;
}

/** The tables both databases hold, column for column (their full-text index is the adapter's). */
export interface Tables {
  documents: DocumentsTable;
  mentions: MentionsTable;
  events: EventsTable;
  lines: LinesTable;
  event_redirects: EventRedirectsTable;
  jobs: JobsTable;
  fetches: FetchesTable;
  review_tokens: ReviewTokensTable;
  event_reviews: EventReviewsTable;
  mention_pins: MentionPinsTable;
  review_actions: ReviewActionsTable;
  /** Kept by triggers from events: never written by the store, nor copied (the target's triggers make it). */
  event_rollup: EventRollupTable;
  /** Kept by triggers from events, as event_rollup. */
  event_rollup_week: EventRollupWeekTable;
}

/** The tables vigie copy moves: all but those the database derives from the others. */
export type CopiedTable = Exclude<keyof Tables, 'event_rollup' | 'event_rollup_week'>;

export type Db = Kysely<Tables>;

/** A read of one consistent state of the database, on a connection of its own. */
export interface Snapshot {
  readonly db: Db;
  release(): Promise<void>;
}

export interface StoreAdapter {
  /** Where the database is, for messages (never with a password). */
  readonly target: string;
  readonly db: Db;
  /** Values bound in one statement at most: longer lists of ids are read in slices of this length. */
  readonly maxListLength: number;
  /** Opens a write transaction on a connection held by the caller; writers take turns from here on. */
  beginWrite(connection: Db): Promise<void>;
  /** Indexes an event's text for full-text search (the event's row is stored already). */
  indexEventText(db: Db, eventId: string, text: string): Promise<void>;
  /** Drops an event's text from the index, before the event's row is deleted. */
  dropEventText(db: Db, eventId: string): Promise<void>;
  /** A condition on `events` true when its text holds every one of these words (at least one). */
  textMatches(words: readonly string[]): Expression<SqlBool>;
  /**
   * How a large selection of words is counted where reading every one of its rows cannot be quick
   * (a word in a tenth of a million events: its rows are a third of the table's pages): the rows the
   * planner expects a condition to select, and the events table as a sample of its pages (the same
   * pages every time). Null where every selection is counted exactly.
   */
  readonly sampling: {
    estimate(db: Db, where: Expression<SqlBool>): Promise<number>;
    events(percent: number): RawBuilder<unknown>;
  } | null;
  /** The integer part of a number that is never negative (a cell of the map's grid). */
  floorOf(value: Expression<number>): RawBuilder<number>;
  /**
   * A condition true when a row's quarter-degree cell (box-cells.ts) is one of these cells: the cell
   * computed from lat and lon by the expression of the indexes events_box_cell and event_rollup_box_cell,
   * word for word, so that they serve it; or, given the column, the cell event_rollup_week keeps.
   */
  inCells(cells: readonly number[], column?: 'box_cell'): Expression<SqlBool>;
  /** The database's clock in milliseconds since 1970: every worker's leases by one clock. */
  readonly nowMs: RawBuilder<number>;
  /**
   * True when a claim may lock the rows it takes and pass over rows others locked (FOR UPDATE SKIP
   * LOCKED): workers claim different jobs at once. Where false, the database runs one write at a time.
   */
  readonly skipsLockedRows: boolean;
  /**
   * True when one statement may group by several sets at once (GROUP BY GROUPING SETS): a selection's
   * statistics are then read in one pass over it rather than four.
   */
  readonly groupingSets: boolean;
  /** A connection of its own, reading one consistent state until released. */
  snapshot(): Promise<Snapshot>;
  /** After rows were copied in with their ids: generated ids continue after the highest. */
  afterCopy(db: Db): Promise<void>;
  /** True for an error that says another process holds the database: the write is tried again later. */
  isBusy(error: unknown): boolean;
  close(): Promise<void>;
}
