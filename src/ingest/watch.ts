// `vigie watch`: polls feeds, pages and folders, and ingests what is new or changed. A URL that has
// not changed is asked conditionally and not read again; a document already stored (the same
// content) is skipped; a source that fails is retried later and later (backoff), never stopping the
// others. Stopping (SIGINT, SIGTERM: an aborted signal) lets the current batch be stored and reads
// nothing more: no committed document is lost, and none is stored twice on the next start.
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import type { Store } from '../store/store.ts';
import { ingest, type IngestFailure } from './ingest.ts';
import { inputOf, type SourceInput, type SourceSpec } from './sources.ts';
import { Fetcher, type FetchOptions } from './http.ts';

export interface WatchOptions {
  /** Time between the starts of two polls. */
  readonly everyMs: number;
  /** Polls to make before returning (default: until the signal stops the watch). */
  readonly polls?: number;
  readonly signal?: AbortSignal;
  readonly fetch?: FetchOptions;
  readonly followLinks?: boolean;
  readonly batchSize?: number;
  readonly workers?: number;
  /** Longest wait before a failing source is tried again (default 6 hours). */
  readonly maxBackoffMs?: number;
  /** Each source's outcome, every poll. */
  readonly onReport?: (report: SourceReport) => void;
}

export interface SourceReport {
  readonly poll: number;
  readonly source: string;
  /** ok: documents stored; unchanged: nothing new; failed: the source itself could not be read; waiting: in backoff, not tried. */
  readonly status: 'ok' | 'unchanged' | 'failed' | 'waiting';
  readonly read: number;
  readonly stored: number;
  readonly skipped: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly events: number;
  readonly failures: readonly IngestFailure[];
  /** Failures of this source in a row. */
  readonly failuresInARow: number;
  /** When a failing source will be tried again (ISO time). */
  readonly retryAt: string | null;
}

export interface WatchSummary {
  readonly polls: number;
  readonly stored: number;
  readonly failed: number;
}

interface SourceState {
  failuresInARow: number;
  retryAt: number;
}

/** Waits ms, or less when the signal stops the watch. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() { clearTimeout(timer); signal?.removeEventListener('abort', finish); done(); }
    signal?.addEventListener('abort', finish, { once: true });
  });
}

export async function watch(store: Store, sources: readonly SourceInput[], { everyMs, polls = Infinity, signal, fetch = {}, followLinks = false, batchSize, workers = 0, maxBackoffMs = 6 * 3600_000, onReport }: WatchOptions): Promise<WatchSummary> {
  if (!sources.length) throw new Error('nothing to watch: give sources (files, folders, URLs) or --sources FILE');
  if (!(everyMs > 0)) throw new Error(`the interval between polls must be positive, got ${everyMs} ms`);
  // One fetcher for the whole watch: each host's turn and robots.txt are kept across polls.
  const fetcher = new Fetcher({ ...fetch, ...(signal ? { signal } : {}) });
  const state = new Map<string, SourceState>(sources.map((s) => [inputOf(s), { failuresInARow: 0, retryAt: 0 }]));
  let stored = 0;
  let failed = 0;
  let poll = 0;
  while (poll < polls && !signal?.aborted) {
    poll++;
    const started = Date.now();
    for (const source of sources) {
      if (signal?.aborted) break;
      const name = inputOf(source);
      const s = state.get(name)!;
      if (Date.now() < s.retryAt) {
        onReport?.({ poll, source: name, status: 'waiting', read: 0, stored: 0, skipped: 0, unchanged: 0, failed: 0, events: 0, failures: [], failuresInARow: s.failuresInARow, retryAt: new Date(s.retryAt).toISOString() });
        continue;
      }
      const summary = await ingest(store, [source], { read: { fetcher, followLinks }, workers, ...(batchSize ? { batchSize } : {}), ...(signal ? { signal } : {}) });
      stored += summary.stored;
      failed += summary.failed;
      // The source itself failed (down, refused, garbage) when nothing of it could be read at all.
      const sourceFailed = summary.failed > 0 && summary.read === 0 && summary.unchanged === 0;
      if (sourceFailed) {
        s.failuresInARow++;
        s.retryAt = Date.now() + Math.min(everyMs * 2 ** (s.failuresInARow - 1), maxBackoffMs);
      } else {
        s.failuresInARow = 0;
        s.retryAt = 0;
      }
      onReport?.({
        poll, source: name,
        status: sourceFailed ? 'failed' : summary.stored > 0 ? 'ok' : 'unchanged',
        read: summary.read, stored: summary.stored, skipped: summary.skipped, unchanged: summary.unchanged, failed: summary.failed, events: summary.events,
        failures: summary.failures, failuresInARow: s.failuresInARow, retryAt: sourceFailed ? new Date(s.retryAt).toISOString() : null,
      });
    }
    if (poll < polls) await pause(Math.max(0, started + everyMs - Date.now()), signal);
  }
  return { polls: poll, stored, failed };
}

/** "15m", "30s", "2h", "500ms" in milliseconds. */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/i.exec(value);
  if (!m) throw new Error(`expected a duration such as 15m, 30s, 2h or 500ms, got '${value}'`);
  const n = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2]!.toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  if (n < 100) throw new Error(`a poll interval under 100 ms is no interval, got '${value}'`);
  return n;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z]{2})?$/;

/**
 * A sources file: text (one source per line: a URL, file or folder, then optionally a language code
 * and an outlet's name; # starts a comment), JSON (a list of strings or of {url, language, outlet}),
 * or YAML of the same list (`- url: …` with `language:` and `outlet:` under it). Paths are read from
 * the file's folder. A line that is not a source is an error naming the file and the line.
 */
export async function readSourcesFile(path: string): Promise<SourceSpec[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: unreadable sources file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const base = dirname(path);
  const ext = extname(path).toLowerCase();
  const specs = ext === '.json' ? fromJson(path, text) : ext === '.yaml' || ext === '.yml' ? fromYaml(path, text) : fromLines(path, text);
  return specs.map((s) => ({ ...s, input: /^[a-z][a-z0-9+.-]*:/i.test(s.input) || s.input === '-' || isAbsolute(s.input) ? s.input : resolve(base, s.input) }));
}

function spec(where: string, input: unknown, language: unknown, outlet: unknown): SourceSpec {
  if (typeof input !== 'string' || !input.trim()) throw new Error(`${where}: a source needs a URL or a path`);
  if (language !== undefined && language !== null && (typeof language !== 'string' || !LANGUAGE.test(language))) throw new Error(`${where}: language must be a code such as fr or en, got ${JSON.stringify(language)}`);
  if (outlet !== undefined && outlet !== null && typeof outlet !== 'string') throw new Error(`${where}: outlet must be a name, got ${JSON.stringify(outlet)}`);
  return { input: input.trim(), ...(language ? { language: language as string } : {}), ...(outlet ? { outlet: (outlet as string).trim() } : {}) };
}

function fromLines(path: string, text: string): SourceSpec[] {
  const out: SourceSpec[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [input, ...rest] = line.split(/\s+/);
    const language = rest[0] && LANGUAGE.test(rest[0]) ? rest.shift() : undefined;
    out.push(spec(`${path}:${i + 1}`, input, language, rest.length ? rest.join(' ') : undefined));
  });
  return out;
}

function fromJson(path: string, text: string): SourceSpec[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(value)) throw new Error(`${path}: expected a JSON list of sources`);
  return value.map((v, i) => {
    const where = `${path}: source ${i + 1}`;
    if (typeof v === 'string') return spec(where, v, undefined, undefined);
    if (!v || typeof v !== 'object') throw new Error(`${where}: expected a URL or {"url", "language", "outlet"}`);
    const o = v as Record<string, unknown>;
    return spec(where, o.url ?? o.path, o.language, o.outlet);
  });
}

/** The YAML of a list of sources, and no more of YAML: a list of scalars, or of maps of scalars. */
function fromYaml(path: string, text: string): SourceSpec[] {
  const items: { line: number; fields: Record<string, string> }[] = [];
  const unquote = (v: string) => v.trim().replace(/^(["'])(.*)\1$/, '$2');
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (!line.trim() || line.trim() === '---') return;
    const item = /^-\s+(.*)$/.exec(line);
    const field = /^\s*([A-Za-z_]+)\s*:\s*(.*)$/;
    if (item) {
      const kv = field.exec(item[1]!);
      items.push({ line: i + 1, fields: kv && !/^[a-z][a-z0-9+.-]*:\/\//i.test(item[1]!) ? { [kv[1]!]: unquote(kv[2]!) } : { url: unquote(item[1]!) } });
      return;
    }
    const kv = /^\s+/.test(line) ? field.exec(line) : null;
    if (!kv || !items.length) throw new Error(`${path}:${i + 1}: expected "- url: …" or an indented "language: …" / "outlet: …"`);
    items[items.length - 1]!.fields[kv[1]!] = unquote(kv[2]!);
  });
  return items.map(({ line, fields }) => spec(`${path}:${line}`, fields.url ?? fields.path, fields.language, fields.outlet));
}
