// Where documents come from: files of any format vigie reads (formats/), folders (recursively),
// http(s) URLs of pages and feeds, and stdin. Bad inputs become error items naming them; the rest goes on.
import { createReadStream, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { RawDocument } from '../types.ts';
import { MAX_DOCUMENT_BYTES, formatBytes } from './decode.ts';
import { SNIFF_BYTES, headOf, type FetchedUrl, type SourceItem } from './formats/format.ts';
import { KNOWN_EXTENSIONS, READABLE, binaryKind, chooseFormat, mediaTypeOf } from './formats/index.ts';
import { html } from './formats/html.ts';
import { feed } from './formats/feed.ts';
import { streamJsonLines } from './formats/jsonl.ts';
import { text as textFormat } from './formats/text.ts';
import { FetchError, Fetcher, type FetchOptions } from './http.ts';

export type { SourceItem } from './formats/format.ts';
export { parseDocumentLine } from './formats/jsonl.ts';

/** An input with what the user said of it (a line of a sources file): its language and outlet win over the page's. */
export interface SourceSpec {
  readonly input: string;
  readonly language?: string | null;
  readonly outlet?: string | null;
}

export type SourceInput = string | SourceSpec;

export const inputOf = (s: SourceInput): string => (typeof s === 'string' ? s : s.input);

/** Where stdin's bytes come from: a stream (the default, process.stdin), or, in tests, all at once. */
export type StdinSource = () => AsyncIterable<Uint8Array> | Promise<Uint8Array>;

export interface ReadOptions {
  /** How URLs are fetched (timeouts, limits, --allow-private); ignored when `fetcher` is given. */
  readonly fetch?: FetchOptions;
  /** A fetcher shared across reads (a watch keeps each host's turn and robots.txt across polls). */
  readonly fetcher?: Fetcher;
  /** Fetch each feed item's page and read it as HTML (--follow-links). */
  readonly followLinks?: boolean;
  /** The last recorded fetch of a URL (the store's), for conditional requests; none by default. */
  readonly lastFetch?: (url: string) => Promise<FetchedUrl | null>;
}

const URL_INPUT = /^https?:\/\//i;
/** Something written as a URL of another scheme (file:, ftp://…): refused rather than looked for as a file. */
const OTHER_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:file|data|javascript|mailto|ftp|ftps|gopher|ws|wss|blob):)/i;

/** Reads every input in order; bad inputs become error items and the rest goes on. */
export async function* readSources(inputs: readonly SourceInput[], stdin: StdinSource = () => process.stdin, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  let fetcher = options.fetcher ?? null;
  for (const spec of inputs) {
    const input = inputOf(spec);
    const apply = overrides(spec);
    if (input === '-') {
      for await (const item of fromStdin(stdin())) yield apply(item);
      continue;
    }
    if (URL_INPUT.test(input)) {
      fetcher ??= new Fetcher(options.fetch);
      for await (const item of fromUrl(input, fetcher, options)) yield apply(item);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      if (OTHER_SCHEME.test(input)) {
        yield { kind: 'error', input, reason: `the ${input.slice(0, input.indexOf(':') + 1)} scheme is refused: vigie reads files, folders, - (stdin) and http(s) URLs` };
        continue;
      }
      yield { kind: 'error', input, reason: `unreadable path (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
      continue;
    }
    if (info.isDirectory()) for await (const item of fromFolder(input)) yield apply(item);
    else if (!info.isFile()) {
      // A FIFO, a socket or a device named directly would be read until its writer stops, maybe
      // never: only '-' reads a pipe.
      yield { kind: 'error', input, reason: `not a regular file (${fileKind(info)}): give a pipe's content as '-' (stdin)` };
    } else for await (const item of fromFile(input)) yield apply(item);
  }
}

/** The user's language and outlet for an input, over what its documents say. */
function overrides(spec: SourceInput): (item: SourceItem) => SourceItem {
  if (typeof spec === 'string' || (!spec.language && !spec.outlet)) return (item) => item;
  return (item) => item.kind !== 'document' ? item : {
    kind: 'document',
    document: { ...item.document, ...(spec.language ? { language: spec.language } : {}), ...(spec.outlet ? { outlet: spec.outlet } : {}) },
  };
}

function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file';
}

async function* fromFolder(folder: string, visited = new Set<string>()): AsyncGenerator<SourceItem> {
  let entries;
  try {
    // A link back to a folder already read would loop forever.
    const real = await realpath(folder);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    yield { kind: 'error', input: folder, reason: `unreadable folder (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (e) {
        yield { kind: 'error', input: path, reason: `unreadable file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
        continue;
      }
    }
    if (isDirectory) yield* fromFolder(path, visited);
    // In a folder, only files named as one of the formats are read: images, stylesheets and the
    // like beside saved pages are left alone.
    else if (isFile && KNOWN_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield* fromFile(path);
  }
}

/** A file, read by its first bytes first and its extension second. */
async function* fromFile(path: string): AsyncGenerator<SourceItem> {
  const ext = extname(path).toLowerCase();
  let head: string;
  let size: number;
  try {
    const handle = await open(path, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
      await handle.read(buffer, 0, buffer.length, 0);
      head = headOf(buffer);
    } finally {
      await handle.close();
    }
  } catch (e) {
    yield { kind: 'error', input: path, reason: `unreadable file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  const binary = binaryKind(head);
  if (binary) {
    yield { kind: 'error', input: path, reason: `${binary}, not ${READABLE.replace(/ \([^)]*\)/g, '')}` };
    return;
  }
  const format = chooseFormat(head, ext, null);
  if (!format) {
    yield { kind: 'error', input: path, reason: `unsupported file type (${ext}): vigie reads ${READABLE}` };
    return;
  }
  if (format.stream) {
    yield* format.stream(path, createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>);
    return;
  }
  // A file over the limit is refused by its size, not read whole first.
  if (size > format.maxBytes) {
    yield { kind: 'error', input: path, reason: `too large (${formatBytes(size)}; the limit is ${formatBytes(format.maxBytes)})` };
    return;
  }
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try { bytes = await handle.readFile(); } finally { await handle.close(); }
  } catch (e) {
    yield { kind: 'error', input: path, reason: `unreadable file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  yield* format.read({ name: basename(path), input: path, bytes });
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The extension of a URL's path ("/feed.rss" → ".rss"), for a server that says nothing useful of its content. */
function urlExtension(url: string): string | null {
  try {
    const ext = extname(new URL(url).pathname).toLowerCase();
    return ext || null;
  } catch {
    return null;
  }
}

/**
 * A URL: fetched (conditionally when it was read before), read by its content, then its media type.
 * Nothing is read from a URL that has not changed (HTTP 304, or the same bytes as last time).
 */
async function* fromUrl(url: string, fetcher: Fetcher, options: ReadOptions): AsyncGenerator<SourceItem> {
  const fetched = await fetchOne(url, fetcher, options);
  if (fetched.kind !== 'read') { yield fetched.item; return; }
  const { bytes, contentType, finalUrl, record } = fetched;
  const head = headOf(bytes);
  const binary = binaryKind(head);
  const media = mediaTypeOf(contentType);
  if (binary) {
    yield { kind: 'error', input: url, reason: `not a web page or a feed: ${binary}${media ? ` (${media})` : ''}` };
    return;
  }
  const format = chooseFormat(head, urlExtension(finalUrl), contentType);
  if (!format || (format === textFormat && media !== 'text/plain')) {
    yield { kind: 'error', input: url, reason: `not a web page or a feed (${media ?? 'no Content-Type'}); vigie reads ${READABLE}` };
    return;
  }
  // The download's limit (--max-size) is the limit of a fetched page or feed; the text it gives is
  // still held to a document's limit by its reader.
  for (const item of format.read({ name: url, input: url, bytes, url: finalUrl, contentType })) {
    if (item.kind === 'document' && format === feed && options.followLinks && item.document.url) {
      yield* followLink(item.document, fetcher, options);
    } else yield item;
  }
  yield { kind: 'fetched', fetch: record };
}

type Fetched =
  | { readonly kind: 'read'; readonly bytes: Buffer; readonly contentType: string | null; readonly finalUrl: string; readonly record: FetchedUrl }
  | { readonly kind: 'done'; readonly item: SourceItem };

async function fetchOne(url: string, fetcher: Fetcher, options: ReadOptions): Promise<Fetched> {
  const last = (await options.lastFetch?.(url)) ?? null;
  let response;
  try {
    response = await fetcher.fetch(url, last);
  } catch (e) {
    return { kind: 'done', item: { kind: 'error', input: url, reason: e instanceof FetchError ? e.reason : String((e as Error)?.message ?? e) } };
  }
  if (response.status === 'not-modified') return { kind: 'done', item: { kind: 'unchanged', input: url } };
  const record: FetchedUrl = { url, etag: response.etag, lastModified: response.lastModified, contentHash: sha256(response.bytes), fetchedAt: new Date().toISOString() };
  // A server that makes no conditional answers: the same bytes are the same content.
  if (last && last.contentHash === record.contentHash) return { kind: 'done', item: { kind: 'unchanged', input: url } };
  return { kind: 'read', bytes: response.bytes, contentType: response.contentType, finalUrl: response.url, record };
}

/**
 * A feed item's page, read as HTML; what the page does not say of itself (date, outlet, language),
 * the feed said. A page that cannot be read is reported, and the item's own text stands for it.
 */
async function* followLink(item: RawDocument, fetcher: Fetcher, options: ReadOptions): AsyncGenerator<SourceItem> {
  const link = item.url!;
  const fetched = await fetchOne(link, fetcher, options);
  if (fetched.kind === 'done') {
    yield fetched.item;
    // The page could not be read: the item's own text stands for it (an unchanged page was stored before).
    if (fetched.item.kind === 'error') yield { kind: 'document', document: item };
    return;
  }
  const head = headOf(fetched.bytes);
  if (binaryKind(head) || !(html.sniff(head) || mediaTypeOf(fetched.contentType)?.includes('html'))) {
    yield { kind: 'error', input: link, reason: `not a web page (${binaryKind(head) ?? mediaTypeOf(fetched.contentType) ?? 'no Content-Type'}); the feed item's text is read instead` };
    yield { kind: 'document', document: item };
    return;
  }
  let page: RawDocument | null = null;
  for (const read of html.read({ name: link, input: link, bytes: fetched.bytes, url: fetched.finalUrl, contentType: fetched.contentType })) {
    if (read.kind === 'document') page = read.document;
    else yield read;
  }
  if (!page) { yield { kind: 'document', document: item }; return; }
  const fromFeed = item.metadata;
  const metadata = page.metadata && fromFeed ? {
    ...page.metadata,
    ...(!page.metadata.published && fromFeed.published ? { published: { ...fromFeed.published, foundBy: `feed ${fromFeed.published.foundBy}` } } : {}),
    ...(!page.metadata.outlet && fromFeed.outlet ? { outlet: { ...fromFeed.outlet, foundBy: `feed ${fromFeed.outlet.foundBy}` } } : {}),
    ...(!page.metadata.language && fromFeed.language ? { language: { ...fromFeed.language, foundBy: `feed ${fromFeed.language.foundBy}` } } : {}),
  } : page.metadata ?? null;
  yield {
    kind: 'document',
    document: { ...page, published: page.published ?? item.published ?? null, outlet: page.outlet ?? item.outlet ?? null, language: page.language ?? item.language ?? null, metadata },
  };
  yield { kind: 'fetched', fetch: fetched.record };
}

const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

/**
 * stdin, streamed: JSON Lines when its first character (after white space and a byte order mark) is
 * '{', read line by line as a file is, with no limit on the whole stream; otherwise one text
 * document, read up to the limit of a document and refused past it without reading the rest.
 */
async function* fromStdin(source: AsyncIterable<Uint8Array> | Promise<Uint8Array>): AsyncGenerator<SourceItem> {
  const chunks = source instanceof Promise ? (async function* () { yield await source; })() : source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let first = -1;
  try {
    while (first < 0 && headBytes <= MAX_DOCUMENT_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = asBuffer(next.value);
      head.push(chunk);
      first = firstSignificantByte(chunk, headBytes === 0);
      headBytes += chunk.length;
    }
  } catch (e) {
    yield { kind: 'error', input: 'stdin', reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  const rest = (async function* () {
    yield* head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield asBuffer(next.value);
    }
  })();
  if (first === 0x7b) {
    yield* streamJsonLines('stdin', rest);
    return;
  }
  // One text document, read with a bound.
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of rest) {
      size += chunk.length;
      if (size > MAX_DOCUMENT_BYTES) {
        await chunks.return?.();
        yield { kind: 'error', input: 'stdin', reason: `too large (over ${formatBytes(MAX_DOCUMENT_BYTES)}, the limit of one document; reading stopped there)` };
        return;
      }
      parts.push(chunk);
    }
  } catch (e) {
    yield { kind: 'error', input: 'stdin', reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  yield* textFormat.read({ name: 'stdin', input: 'stdin', bytes: Buffer.concat(parts) });
}

/** The first byte that is not white space (nor, at the start, a UTF-8 byte order mark); -1 when there is none. */
function firstSignificantByte(bytes: Buffer, atStart: boolean): number {
  let i = atStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return -1;
}

