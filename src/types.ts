// Types that pass between pipeline stages. All readonly: a stage adds, it never edits
// what an earlier stage produced.

export type { Language } from './lang/index.ts';
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A range of the raw document text, in UTF-16 code units: text === raw.slice(start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface EvidenceSpan extends Span {
  readonly text: string;
}

/** A date as found: what the text stated apart from what was filled in (chrono's assign/imply). */
export interface ResolvedDate {
  readonly iso: string | null; // YYYY-MM-DD, first day of the period for month/year precision
  readonly precision: DatePrecision | null;
  /** How it was found: the id of the rule, for --explain. */
  readonly rule: string;
  readonly stated: Readonly<{ year?: number; month?: number; day?: number; weekday?: number }>;
  readonly span?: Span;
}

export type ZoneKind =
  | 'title'
  | 'body'
  | 'caption'
  | 'teaser'
  | 'navigation'
  | 'share'
  | 'source'
  | 'dateline'
  | 'byline'
  | 'logo'
  | 'boilerplate';

export interface Zone extends Span {
  readonly kind: ZoneKind;
  /** The rule that classified the zone. */
  readonly rule: string;
}

/** One field of a page's metadata, with where it was read (e.g. "json-ld NewsArticle.datePublished"). */
export interface MetadataField {
  readonly value: string;
  readonly foundBy: string;
}

/** Where a line of a document's stored text came from in the page it was read from. */
export interface TextBlock extends Span {
  /** The element's path in the page, e.g. "html/body/main/article/p[3]"; a feed item's field, e.g. "item[2]/description". */
  readonly path: string;
}

/**
 * What a web page or a feed item said of itself, field by field with how each was found, and how the
 * stored text maps back to it: evidence offsets are offsets in the stored text, and `blocks` tell
 * which element of the page each line of that text came from.
 */
export interface DocumentMetadata {
  /** The format the text was read from: "html" or "feed". */
  readonly format: string;
  /** The URL fetched, or the file read. */
  readonly source: string;
  readonly published?: MetadataField;
  readonly outlet?: MetadataField;
  readonly canonicalUrl?: MetadataField;
  readonly language?: MetadataField;
  readonly author?: MetadataField;
  readonly title?: MetadataField;
  /** The character set the bytes were decoded from. */
  readonly charset?: MetadataField;
  readonly blocks?: readonly TextBlock[];
}

/** A document as received: raw text never rewritten, plus metadata. */
export interface RawDocument {
  readonly name: string;
  readonly text: string;
  readonly url?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly language?: string | null;
  /** What the page or feed said of itself (absent for text and JSON Lines). */
  readonly metadata?: DocumentMetadata | null;
}

export interface CleanedDocument {
  readonly zones: readonly Zone[];
  /** Outlet named by the page itself (a "SOURCE:" line), when any. */
  readonly outletFromText: string | null;
  /** Dateline/header date fragment ("date 2023-12"), when any. */
  readonly header: string | null;
}

export interface DocumentInfo {
  readonly name: string;
  readonly url: string | null;
  readonly outlet: string | null;
  readonly language: string; // ISO 639-1 when known, 'und' otherwise
  readonly languageRule: string;
  readonly published: ResolvedDate;
  readonly hash: string;
  /** What the page or feed said of itself, with how each field was found (absent for text). */
  readonly metadata?: DocumentMetadata | null;
}

export type Weapon =
  | 'drone'
  | 'rocket'
  | 'missile'
  | 'ballistic_missile'
  | 'mortar'
  | 'rpg'
  | 'ied'
  | 'aircraft'
  | 'artillery'
  | 'small_arms'
  | 'explosive'
  | 'unknown';

export type ClaimStatus = 'claimed' | 'reported' | 'confirmed' | 'denied';

export interface Place {
  readonly name: string;
  readonly admin1: string | null;
  readonly country: string | null;
  readonly country_code: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geo_precision: 1 | 2 | 3 | null;
}

/** Which rule set a field of an event, and from which characters. */
export interface FieldTrace {
  readonly field: string;
  readonly rule: string;
  readonly span?: Span;
}

/** What an event is: the fields an extracted event and a public record share. */
export interface EventFields {
  readonly event_type: string;
  readonly sub_event_type: string;
  readonly date: string | null;
  readonly date_precision: DatePrecision | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly location: Place | null;
  readonly weapons: readonly Weapon[];
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly claim: { readonly status: ClaimStatus; readonly by: string | null };
}

/** An event as extracted from one document, before cross-document resolution. */
export interface ExtractedEvent extends EventFields {
  /** "MM-DD" when the text dates the event by day and month but neither it nor the document tells
   *  the year: not a date (date stays null), but resolution can match it against dated reports. */
  readonly day_without_year?: string | null;
  /** The text tells several events at once here ("two separate drone attacks in Iraq") and nothing tells them
   *  apart: resolution never takes it for one of them. */
  readonly tells_several?: boolean;
  readonly cited: readonly string[];
  readonly evidence: readonly EvidenceSpan[];
  readonly notes: string;
  readonly trace: readonly FieldTrace[];
}

/** What one source itself says of an event, before merging: the record's fields as that document gave them. */
export type ReportedFields = Omit<EventFields, 'event_type'>;

export interface EventSource {
  readonly document: string;
  readonly outlet: string | null;
  readonly cited: readonly string[];
  readonly published: string | null;
  readonly evidence: readonly EvidenceSpan[];
  /** This document's own reading (absent in records stored before it was kept). */
  readonly reported?: ReportedFields;
}

/** unreviewed: no reviewer has looked at it; corrected: accepted with fields a reviewer set. */
export type ReviewStatus = 'unreviewed' | 'accepted' | 'corrected' | 'rejected';

/** Where a record stands in review: who last reviewed it and when (null, null when unreviewed). */
export interface RecordReview {
  readonly status: ReviewStatus;
  readonly by: string | null;
  readonly at: string | null;
}

/** The public record of shared/spec/event-record.md. */
export interface EventRecord extends EventFields {
  readonly id: string;
  readonly sources: readonly EventSource[];
  readonly notes: string;
  /** Set on records read from the store (absent from what resolution builds). */
  readonly review?: RecordReview;
}
