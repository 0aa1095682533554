// JSON Lines: one document per line, {"document": name, "text": …, "url", "published", "language", "outlet"}.
import type { RawDocument } from '../../types.ts';
import { InputError, MAX_DOCUMENT_BYTES, checkText, formatBytes } from '../decode.ts';
import type { Format, SourceItem } from './format.ts';

/** A JSON line may hold a document of the limit with every character escaped: twice its size. */
export const MAX_LINE_BYTES = MAX_DOCUMENT_BYTES * 2;

export const jsonl: Format = {
  name: 'JSON Lines',
  extensions: ['.jsonl', '.ndjson'],
  mediaTypes: ['application/x-ndjson', 'application/jsonl', 'application/jsonlines'],
  // An object whose first key is quoted: a text document may open with a brace, hardly with this.
  sniff: (head) => /^\s*\{\s*"/.test(head),
  maxBytes: 64 * MAX_DOCUMENT_BYTES,
  read: ({ input, bytes }) => collectSync(input, bytes),
  stream: (name, chunks) => streamJsonLines(name, chunks),
};

/** JSON Lines already in memory (fetched by URL): the same reading as a stream's. */
function collectSync(name: string, bytes: Uint8Array): Iterable<SourceItem> {
  const items: SourceItem[] = [];
  const decoderState = lineReader(name);
  let from = 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
    const item = decoderState.line(buf.subarray(from, nl), nl - from, false);
    if (item) items.push(item);
    from = nl + 1;
  }
  if (from < buf.length) {
    const item = decoderState.line(buf.subarray(from), buf.length - from, true);
    if (item) items.push(item);
  }
  if (!decoderState.any()) items.push({ kind: 'error', input: name, reason: 'empty file' });
  return items;
}

/** Lines to items, numbered from 1; any() tells whether a line held anything. */
function lineReader(name: string): { line: (bytes: Buffer, size: number, last: boolean) => SourceItem | null; any: () => boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
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
  return { line: lineItem, any: () => any };
}

/**
 * JSON Lines read as a stream, line by line, so that memory does not grow with the input: a line is
 * held up to the limit of a line and only counted past it. A line that is not valid UTF-8, not JSON
 * or not a document is reported by its line number; so is a last line cut short (a pipe closed in
 * the middle of a document), and only that line is lost.
 */
export async function* streamJsonLines(name: string, source: AsyncIterable<Buffer>): AsyncGenerator<SourceItem> {
  const reader = lineReader(name);
  const lineItem = reader.line;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
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
  if (!reader.any()) yield { kind: 'error', input: name, reason: name === 'stdin' ? 'empty input' : 'empty file' };
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
