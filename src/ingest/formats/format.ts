// What a reader of one input format is: how it recognises its bytes, and how it turns them into
// documents. A new format is one file beside this one and one line in index.ts.
import type { RawDocument } from '../../types.ts';

export type SourceItem =
  | { readonly kind: 'document'; readonly document: RawDocument }
  | { readonly kind: 'error'; readonly input: string; readonly reason: string }
  /** A URL that had not changed since it was last read (HTTP 304, or the same bytes): nothing to ingest. */
  | { readonly kind: 'unchanged'; readonly input: string }
  /**
   * A URL read in full, its documents all given before this item: the fetch is recorded with the
   * batch that stores the last of them, so that a conditional request never hides a document that
   * was not stored.
   */
  | { readonly kind: 'fetched'; readonly fetch: FetchedUrl };

export interface FetchedUrl {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly contentHash: string;
  readonly fetchedAt: string;
}

/** The bytes of one input, whole, with what its origin said of them. */
export interface ReadInput {
  /** The document's name: a file's base name, or the URL. */
  readonly name: string;
  /** The input as the user gave it (a path or a URL), for messages. */
  readonly input: string;
  readonly bytes: Uint8Array;
  /** The URL the bytes came from (after redirects), when fetched. */
  readonly url?: string | null;
  /** The HTTP Content-Type header, when fetched: its charset beats the page's own declaration. */
  readonly contentType?: string | null;
}

export interface Format {
  /** A short name for messages: "text", "html", "feed". */
  readonly name: string;
  /** File name extensions (lowercase, with the dot) read as this format when the content says nothing. */
  readonly extensions: readonly string[];
  /** HTTP media types read as this format when the content says nothing. */
  readonly mediaTypes: readonly string[];
  /**
   * True when the first bytes (up to 4 KB, read as Latin-1 so that any byte is a character) are of
   * this format. Content is asked before the name: a feed saved as .html is read as a feed.
   */
  sniff(head: string): boolean;
  /** The documents of the input, or errors naming it; never throws. */
  read(input: ReadInput): Iterable<SourceItem>;
  /**
   * Largest input read whole. Pages and feeds carry markup around their text, so they may be larger
   * than a text document; what is stored is still held to a document's limit.
   */
  readonly maxBytes: number;
  /** Reads a file as a stream instead (JSON Lines: no limit on the whole file). */
  readonly stream?: (name: string, chunks: AsyncIterable<Buffer>) => AsyncIterable<SourceItem>;
}

/** How many bytes of an input sniffing looks at. */
export const SNIFF_BYTES = 4096;

/** The first bytes as Latin-1 (every byte one character), a UTF-8 byte order mark left out. */
export function headOf(bytes: Uint8Array): string {
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, Math.min(bytes.length, SNIFF_BYTES));
}
