// Where documents come from: .txt files, folders (recursively), JSON Lines files, stdin.
import { createReadStream, type Stats } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { RawDocument } from '../types.ts';
import { InputError, MAX_DOCUMENT_BYTES, checkText, decodeDocument, formatBytes } from './decode.ts';

export type SourceItem =
  | { readonly kind: 'document'; readonly document: RawDocument }
  | { readonly kind: 'error'; readonly input: string; readonly reason: string };

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);

/** Where stdin's bytes come from: a stream (the default, process.stdin), or, in tests, all at once. */
export type StdinSource = () => AsyncIterable<Uint8Array> | Promise<Uint8Array>;

/** Reads every input in order; bad inputs become error items and the rest goes on. */
export async function* readSources(inputs: readonly string[], stdin: StdinSource = () => process.stdin): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* fromStdin(stdin());
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield { kind: 'error', input, reason: `unreadable path (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
      continue;
    }
    if (info.isDirectory()) yield* fromFolder(input);
    else if (!info.isFile()) {
      // A FIFO, a socket or a device named directly would be read until its writer stops, maybe
      // never: only '-' reads a pipe.
      yield { kind: 'error', input, reason: `not a regular file (${fileKind(info)}): give a pipe's content as '-' (stdin)` };
    } else if (!JSONL_EXTENSIONS.has(extname(input).toLowerCase()) && !TEXT_EXTENSIONS.has(extname(input).toLowerCase())) {
      yield { kind: 'error', input, reason: `unsupported file type (${extname(input)}): vigie reads .txt, .jsonl and .ndjson files` };
    } else yield* fromFile(input);
  }
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
    else if (isFile) {
      const ext = extname(entry.name).toLowerCase();
      if (JSONL_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext)) yield* fromFile(path);
    }
  }
}

async function* fromFile(path: string): AsyncGenerator<SourceItem> {
  if (JSONL_EXTENSIONS.has(extname(path).toLowerCase())) {
    yield* streamJsonLines(path, createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>);
    return;
  }
  let bytes: Uint8Array;
  try {
    // A file over the limit is refused by its size, not read whole first.
    const { size } = await stat(path);
    if (size > MAX_DOCUMENT_BYTES) {
      yield { kind: 'error', input: path, reason: `too large (${formatBytes(size)}; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)})` };
      return;
    }
    bytes = await readFile(path);
  } catch (e) {
    yield { kind: 'error', input: path, reason: `unreadable file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  yield* fromBytes(basename(path), bytes, path);
}

function* fromBytes(name: string, bytes: Uint8Array, input = name): Generator<SourceItem> {
  try {
    yield { kind: 'document', document: { name, text: decodeDocument(input, bytes) } };
  } catch (e) {
    yield errorItem(input, e);
  }
}

/** A JSON line may hold a document of the limit with every character escaped: twice its size. */
const MAX_LINE_BYTES = MAX_DOCUMENT_BYTES * 2;

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
  yield* fromBytes('stdin', Buffer.concat(parts));
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

/**
 * JSON Lines read as a stream, line by line, so that memory does not grow with the input: a line is
 * held up to the limit of a line and only counted past it. A line that is not valid UTF-8, not JSON
 * or not a document is reported by its line number; so is a last line cut short (a pipe closed in
 * the middle of a document), and only that line is lost.
 */
async function* streamJsonLines(name: string, source: AsyncIterable<Buffer>): AsyncGenerator<SourceItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  let any = false;
  const lineItem = (bytes: Buffer, size: number, last: boolean): SourceItem | null => {
    lineNo++;
    const where = `${name}:${lineNo}`;
    const cut = last ? ' (the input ends inside this line)' : '';
    if (size > MAX_LINE_BYTES) {
      any = true;
      return { kind: 'error', input: where, reason: `line too large (${formatBytes(size)}; a line holds at most ${formatBytes(MAX_LINE_BYTES)})` };
    }
    let line: string;
    try {
      line = decoder.decode(bytes).trim();
    } catch {
      any = true;
      return { kind: 'error', input: where, reason: `invalid UTF-8${cut}` };
    }
    if (!line) return null;
    any = true;
    try {
      return { kind: 'document', document: parseDocumentLine(where, line) };
    } catch (e) {
      if (cut && e instanceof InputError && e.reason === 'not JSON') return { kind: 'error', input: where, reason: `not JSON${cut}` };
      return errorItem(where, e);
    }
  };
  try {
    for await (const chunk of source) {
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
        const part = chunk.subarray(from, nl);
        const size = pendingBytes + part.length;
        const bytes = size > MAX_LINE_BYTES ? EMPTY : pending.length ? Buffer.concat([...pending, part]) : part;
        pending = [];
        pendingBytes = 0;
        const item = lineItem(bytes, size, false);
        if (item) yield item;
        from = nl + 1;
      }
      if (from < chunk.length) {
        // A line longer than any document could be is counted, not held in memory.
        if (pendingBytes + chunk.length - from <= MAX_LINE_BYTES) pending.push(chunk.subarray(from));
        else pending = [];
        pendingBytes += chunk.length - from;
      }
    }
  } catch (e) {
    yield { kind: 'error', input: name, reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  if (pendingBytes) {
    const item = lineItem(pendingBytes > MAX_LINE_BYTES ? EMPTY : Buffer.concat(pending), pendingBytes, true);
    if (item) yield item;
  }
  if (!any) yield { kind: 'error', input: name, reason: name === 'stdin' ? 'empty input' : 'empty file' };
}

const EMPTY = Buffer.alloc(0);

const OPTIONAL_FIELDS = ['url', 'published', 'language', 'outlet'] as const;

export function parseDocumentLine(where: string, line: string): RawDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError(where, 'not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(where, 'not a JSON object');
  const o = value as Record<string, unknown>;
  if (typeof o.document !== 'string' || !o.document.trim()) throw new InputError(where, 'missing "document" (a non-empty string)');
  if (typeof o.text !== 'string') throw new InputError(where, 'missing "text" (a string)');
  const doc: Record<string, string | null> = { name: o.document.trim(), text: checkText(where, o.text) };
  for (const k of OPTIONAL_FIELDS) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new InputError(where, `"${k}" must be a string`);
    doc[k] = v;
  }
  if (doc.published && !/^\d{4}(-\d{2}(-\d{2})?)?/.test(doc.published)) throw new InputError(where, `"published" must be an ISO date, got ${JSON.stringify(doc.published)}`);
  return doc as unknown as RawDocument;
}

function errorItem(input: string, e: unknown): SourceItem {
  if (e instanceof InputError) return { kind: 'error', input: e.input, reason: e.reason };
  return { kind: 'error', input, reason: String((e as Error)?.message ?? e) };
}
