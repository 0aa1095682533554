// The readers vigie knows, one line each. The content decides first (what the first bytes look like),
// the name or the HTTP media type second: a feed saved as .html is a feed, a page served as
// text/plain is a page. To add a format: a file beside this one, and its line here.
import type { Format } from './format.ts';
import { html } from './html.ts';
import { feed } from './feed.ts';
import { jsonl } from './jsonl.ts';
import { text } from './text.ts';

/** In the order they are asked: the first whose sniff says yes reads the input. */
export const FORMATS: readonly Format[] = [
  feed,
  html,
  jsonl,
  text,
];

/** File name extensions a folder's files are read by (other files in a folder are left alone). */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(FORMATS.flatMap((f) => f.extensions));

/** What the first bytes are when they are a kind of file vigie reads as none of its formats. */
export function binaryKind(head: string): string | null {
  if (head.startsWith('%PDF-')) return 'a PDF document';
  if (head.startsWith('\x89PNG')) return 'a PNG image';
  if (head.startsWith('\xff\xd8\xff')) return 'a JPEG image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('PK\x03\x04')) return 'a ZIP archive (or an office document)';
  if (head.startsWith('\x1f\x8b')) return 'a gzip archive';
  return null;
}

/** The media type of a Content-Type header, lowercase, without parameters. */
export const mediaTypeOf = (contentType: string | null | undefined): string | null => contentType?.split(';')[0]?.trim().toLowerCase() || null;

/**
 * The format of an input: by content, then by extension, then by media type; null when none fits
 * (the caller says which formats vigie reads).
 */
export function chooseFormat(head: string, extension: string | null, contentType: string | null): Format | null {
  const byContent = FORMATS.find((f) => f.sniff(head));
  if (byContent) return byContent;
  const media = mediaTypeOf(contentType);
  if (media) return FORMATS.find((f) => f.mediaTypes.includes(media)) ?? null;
  if (extension !== null) return FORMATS.find((f) => f.extensions.includes(extension)) ?? null;
  return null;
}

export const READABLE = 'text (.txt), JSON Lines (.jsonl, .ndjson), HTML pages (.html, .htm) and RSS, Atom or RDF feeds (.rss, .atom, .rdf, .xml)';
