// Where documents come from: .txt files, folders (recursively), JSON Lines files, stdin.
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { RawDocument } from '../types.ts';
import { InputError, MAX_DOCUMENT_BYTES, checkText, decodeDocument } from './decode.ts';

export type SourceItem =
  | { readonly kind: 'document'; readonly document: RawDocument }
  | { readonly kind: 'error'; readonly input: string; readonly reason: string };

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);

/** Reads every input in order; bad inputs become error items and the rest goes on. */
export async function* readSources(inputs: readonly string[], stdin: () => Promise<Uint8Array> = readStdin): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* fromBytes('stdin', await stdin());
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
    else if (!JSONL_EXTENSIONS.has(extname(input).toLowerCase()) && !TEXT_EXTENSIONS.has(extname(input).toLowerCase())) {
      yield { kind: 'error', input, reason: `unsupported file type (${extname(input)}): vigie reads .txt, .jsonl and .ndjson files` };
    } else yield* fromFile(input);
  }
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
    yield* streamJsonLines(path);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    yield { kind: 'error', input: path, reason: `unreadable file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  yield* fromBytes(basename(path), bytes, path);
}

function* fromBytes(name: string, bytes: Uint8Array, input = name): Generator<SourceItem> {
  try {
    const text = decodeDocument(input, bytes);
    // Piped JSON Lines are recognised by their first line.
    if (name === 'stdin' && text.trimStart().startsWith('{')) {
      yield* jsonLines('stdin', text);
      return;
    }
    yield { kind: 'document', document: { name, text } };
  } catch (e) {
    yield errorItem(input, e);
  }
}

/**
 * A JSON Lines file read as a stream, line by line, so that memory does not grow with the file.
 * A line that is not valid UTF-8, not JSON or not a document is reported by its line number.
 */
async function* streamJsonLines(path: string): AsyncGenerator<SourceItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  let any = false;
  const lineItem = (bytes: Buffer): SourceItem | null => {
    lineNo++;
    const where = `${path}:${lineNo}`;
    if (bytes.length > MAX_DOCUMENT_BYTES * 2) return { kind: 'error', input: where, reason: `line too large (${bytes.length} bytes)` };
    let line: string;
    try {
      line = decoder.decode(bytes).trim();
    } catch {
      return { kind: 'error', input: where, reason: 'invalid UTF-8' };
    }
    if (!line) return null;
    any = true;
    try {
      return { kind: 'document', document: parseDocumentLine(where, line) };
    } catch (e) {
      return errorItem(where, e);
    }
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
        const part = chunk.subarray(from, nl);
        const bytes = pending.length ? Buffer.concat([...pending, part]) : part;
        pending = [];
        pendingBytes = 0;
        const item = lineItem(bytes);
        if (item) yield item;
        from = nl + 1;
      }
      if (from < chunk.length) {
        // A line longer than any document could be is cut short rather than held in memory.
        if (pendingBytes <= MAX_DOCUMENT_BYTES * 2) pending.push(chunk.subarray(from));
        pendingBytes += chunk.length - from;
      }
    }
  } catch (e) {
    yield { kind: 'error', input: path, reason: `unreadable file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    return;
  }
  if (pending.length) {
    const item = lineItem(pendingBytes > MAX_DOCUMENT_BYTES * 2 ? Buffer.alloc(MAX_DOCUMENT_BYTES * 2 + 1) : Buffer.concat(pending));
    if (item) yield item;
  }
  if (!any) yield { kind: 'error', input: path, reason: 'empty file' };
}

function* jsonLines(path: string, text: string): Generator<SourceItem> {
  const lines = text.split('\n');
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    any = true;
    const where = `${path}:${i + 1}`;
    try {
      yield { kind: 'document', document: parseDocumentLine(where, line) };
    } catch (e) {
      yield errorItem(where, e);
    }
  }
  if (!any) yield { kind: 'error', input: path, reason: 'empty file' };
}

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

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
