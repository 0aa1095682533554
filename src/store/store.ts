// The store: a small interface with one folder per database (sqlite/ now; postgres/ next).
import type { DocumentInfo, EventRecord, Zone } from '../types.ts';

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
  readonly events: readonly { readonly record: EventRecord; readonly trace: unknown }[];
}

export interface LineObservation {
  readonly site: string;
  readonly key: string;
  readonly documentHash: string;
}

export interface Store {
  /** True when a document with this exact content is already stored. */
  hasContent(hash: string): boolean;
  /** The highest version stored under a name, 0 when none. */
  latestVersion(name: string): number;
  /** Lines seen across documents of a site: boilerplate is learnt from the corpus. */
  recordLines(lines: readonly LineObservation[]): void;
  lineDocumentCount(site: string, key: string): number;
  /** Stores a batch of documents and their events in one transaction: all or nothing. */
  saveBatch(documents: readonly NewDocument[]): void;
  events(options?: { readonly limit?: number }): EventRecord[];
  eventTrace(id: string): unknown;
  documents(): StoredDocument[];
  document(nameOrId: string): StoredDocument | null;
  counts(): { documents: number; events: number };
  close(): void;
}
