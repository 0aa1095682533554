// `vigie ingest`: read sources, skip known content, run the stages, store each batch in one
// transaction. A bad input is reported with its name and reason; the rest goes on.
import { dirname } from 'node:path';
import type { RawDocument } from '../types.ts';
import { lineKey } from '../clean/zones.ts';
import { lineSpans } from '../text/sentences.ts';
import { contentHash } from '../process/document.ts';
import type { LineObservation, NewDocument, Store } from '../store/store.ts';
import { resolvePending } from '../resolve/incremental.ts';
import { inputOf, readSources, type ReadOptions, type SourceInput, type SourceItem, type StdinSource } from './sources.ts';
import type { FetchedUrl } from './formats/format.ts';
import { extractWithLineCounts, type ExtractResult } from './extract.ts';
import { ExtractionPool } from './pool.ts';
import { HeapPacer } from './heap.ts';

export interface IngestOptions {
  /**
   * Documents stored and resolved in one transaction (default 500). Resolution reads the events
   * around a batch's reports once per batch: 200 → 500 is about 4 % faster at 10,000 documents and
   * 20 % at 100,000, for about 10 MB more memory at the peak.
   */
  readonly batchSize?: number;
  /** Called after each document, for progress display. */
  readonly onProgress?: (done: number, name: string) => void;
  readonly ceiling?: string;
  /** stdin's bytes (default: process.stdin, streamed). */
  readonly stdin?: StdinSource;
  /**
   * Extraction worker threads; 0 extracts in this thread. With workers, this thread stores and
   * resolves one batch while the workers extract the next. An input of one batch is extracted here
   * whatever the setting: starting workers would cost more than it saves.
   */
  readonly workers?: number;
  /**
   * Queue the documents for workers (vigie worker) instead of extracting them here. Each is queued
   * with its batch's boilerplate line counts, read as this ingest would read them: a worker extracts
   * it exactly as this ingest would have.
   */
  readonly enqueue?: boolean;
  /** How URLs are fetched and feeds followed (formats, --allow-private, --follow-links). */
  readonly read?: Omit<ReadOptions, 'lastFetch'>;
  /**
   * Stops reading when aborted (a watch asked to stop): what was read is stored, batch by batch as
   * always, and nothing more is read. A URL whose documents were not all read is not recorded as
   * fetched: it is read again, in full, next time (what was stored of it is then skipped).
   */
  readonly signal?: AbortSignal;
}

export interface IngestFailure {
  readonly input: string;
  readonly reason: string;
}

export interface IngestSummary {
  read: number;
  stored: number;
  skipped: number;
  failed: number;
  events: number;
  unsupported: number;
  /** Documents queued for workers (--enqueue). */
  queued: number;
  /** URLs not read because they had not changed since they were last read. */
  unchanged: number;
  readonly failures: IngestFailure[];
}

/** Documents read between two looks at the heap's size (a look costs about a microsecond). */
const HEAP_CHECK_EVERY = 128;

interface Pending {
  readonly doc: RawDocument;
  readonly site: string;
  readonly hash: string;
}

export async function ingest(store: Store, inputs: readonly SourceInput[], { batchSize = 500, onProgress, ceiling, stdin, workers = 0, enqueue = false, read = {}, signal }: IngestOptions = {}): Promise<IngestSummary> {
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`workers must be a whole number of threads (0 or more), got ${workers}`);
  const summary: IngestSummary = { read: 0, stored: 0, skipped: 0, failed: 0, events: 0, unsupported: 0, queued: 0, unchanged: 0, failures: [] };
  let batch: Pending[] = [];
  // URLs read in full since the last batch was flushed: recorded in the transaction of the next batch
  // stored, which holds (or follows) every document read from them.
  let fetches: FetchedUrl[] = [];
  // Contents read but not yet committed (the store knows the others): a copy within the run is
  // skipped, and the set holds no more than a batch or two whatever the input's size.
  const uncommitted = new Set<string>();
  let pool = null as ExtractionPool | null;
  // The batch being extracted by the workers, then stored: at most one waits while the next is read.
  let inFlight: Promise<void> | null = null;
  // Memory stays flat whatever the input's size (heap.ts).
  const heap = new HeapPacer();
  // The line observations of the batch the workers are extracting (or that is being stored): not
  // committed yet, and counted for the next batch as if they were.
  let inFlightLines: LineObservation[] = [];
  const commit = async (current: readonly Pending[], results: readonly ExtractResult[], fetched: readonly FetchedUrl[], observed: readonly LineObservation[]) => {
    await commitBatch(store, current, results, summary, onProgress, fetched, observed);
    for (const p of current) uncommitted.delete(p.hash);
  };
  const flush = async (last: boolean) => {
    const fetched = fetches;
    fetches = [];
    if (!batch.length) {
      // Nothing new from these URLs (all stored before): recorded once what was read before them is.
      if (fetched.length) {
        await inFlight;
        await whenFree(store, () => store.recordFetches(fetched));
      }
      return;
    }
    const current = batch;
    batch = [];
    const lines = batchLines(current);
    const observed = current.flatMap(({ site, hash }, i) => lines[i]!.map((key) => ({ site, key, documentHash: hash })));
    // Counts are read now, with this batch's lines and without the next's, in one read per site; the
    // ingesting thread and the workers extract with the same counts. A batch's lines are recorded in
    // the transaction that stores it: a batch killed before its commit leaves none behind, that would
    // count when it is ingested again (and make its documents read otherwise than in one ingest).
    const counts = await batchLineCounts(store, current, lines, inFlight ? [...inFlightLines, ...observed] : observed);
    const tasks = current.map((p, i) => ({
      doc: p.doc, hash: p.hash, ...(ceiling ? { ceiling } : {}), lines: lines[i]!.map((key) => [key, counts.get(p.site)?.get(key) ?? 0] as const),
    }));
    if (enqueue) {
      // The queue holds the documents, their lines are counted and their URLs read, all at once.
      const queued = await whenFree(store, () => store.transaction(async (tx) => {
        await tx.recordLines(observed);
        const n = await tx.enqueue(tasks);
        if (fetched.length) await tx.recordFetches(fetched);
        return n;
      }));
      summary.queued += queued;
      // Content another enqueue queued first is left to its job.
      summary.skipped += tasks.length - queued;
      for (const p of current) { uncommitted.delete(p.hash); onProgress?.(summary.read, p.doc.name); }
      return;
    }
    if (workers <= 0 || (last && !pool)) {
      await commit(current, tasks.map((t) => extractWithLineCounts(t)), fetched, observed);
      return;
    }
    pool ??= new ExtractionPool(workers);
    const extracted = pool.run(tasks);
    const previous = inFlight;
    inFlightLines = observed;
    inFlight = (async () => {
      const results = await extracted;
      await previous;
      await commit(current, results, fetched, observed);
    })();
    inFlight.catch(() => undefined); // awaited below; this only keeps a failure from being reported as unhandled meanwhile
    if (previous) await previous;
  };
  try {
    const lastFetch = (url: string) => store.lastFetch(url);
    for await (const item of readSources(inputs, stdin, { ...read, lastFetch })) {
      if (signal?.aborted) break;
      if (item.kind === 'unchanged') {
        summary.unchanged++;
        continue;
      }
      if (item.kind === 'fetched') {
        fetches.push(item.fetch);
        continue;
      }
      if (item.kind === 'error') {
        summary.failed++;
        summary.failures.push({ input: item.input, reason: item.reason });
        continue;
      }
      summary.read++;
      // Between documents, whether stored or skipped: a re-ingest makes garbage too.
      if (summary.read % HEAP_CHECK_EVERY === 0) heap.check();
      const hash = contentHash(item.document.text);
      if (uncommitted.has(hash) || (await store.hasContent(hash))) {
        summary.skipped++;
        onProgress?.(summary.read, item.document.name);
        continue;
      }
      uncommitted.add(hash);
      batch.push({ doc: item.document, site: siteOf(item, inputs), hash });
      if (batch.length >= batchSize) await flush(false);
    }
    await flush(true);
    await inFlight;
  } finally {
    await pool?.close();
  }
  return summary;
}

/** Documents of one site share page boilerplate: the URL's host, else the folder or file they came from. */
function siteOf(item: Extract<SourceItem, { kind: 'document' }>, inputs: readonly SourceInput[]): string {
  if (item.document.url) {
    try { return new URL(item.document.url).hostname.replace(/^www\./, ''); } catch { /* not a URL: fall through */ }
  }
  return item.document.outlet ?? (inputs.length === 1 ? inputOf(inputs[0]!) : dirname(item.document.name));
}

/** Each document's line keys: lines of the whole batch are counted first, so boilerplate is known before any page is cleaned. */
function batchLines(batch: readonly Pending[]): string[][] {
  return batch.map(({ doc }) => {
    const keys = new Set<string>();
    for (const l of lineSpans(doc.text)) { const k = lineKey(doc.text.slice(l.start, l.end)); if (k) keys.add(k); }
    return [...keys];
  });
}

/** Per site of the batch, how many documents hold each of the batch's lines: those recorded, and those of `pending` (this batch's, and the one before it while it is not stored). */
async function batchLineCounts(store: Store, batch: readonly Pending[], lines: readonly string[][], pending: readonly LineObservation[]): Promise<Map<string, Map<string, number>>> {
  const keysBySite = new Map<string, string[]>();
  batch.forEach((p, i) => {
    const keys = keysBySite.get(p.site);
    if (keys) keys.push(...lines[i]!);
    else keysBySite.set(p.site, [...lines[i]!]);
  });
  const out = new Map<string, Map<string, number>>();
  for (const [site, keys] of keysBySite) out.set(site, await store.lineDocumentCounts(site, keys, pending));
  return out;
}

async function commitBatch(store: Store, batch: readonly Pending[], results: readonly ExtractResult[], summary: IngestSummary, onProgress: ((done: number, name: string) => void) | undefined, fetched: readonly FetchedUrl[], observed: readonly LineObservation[]): Promise<void> {
  const ready: NewDocument[] = [];
  results.forEach((r, i) => {
    if (r.ok) ready.push(r.document);
    else {
      summary.failed++;
      summary.failures.push({ input: r.input, reason: r.reason });
    }
    onProgress?.(summary.read, batch[i]!.doc.name);
  });
  // The batch's lines and the URLs these documents came from are recorded in the transaction that
  // stores them: a URL is never taken for read (and skipped as unchanged next time) while its
  // documents are not stored, and lines count once their documents are stored.
  const outcome = await whenFree(store, () => storeBatch(store, ready, {
    beforeCommit: async (tx) => {
      await tx.recordLines(observed);
      if (fetched.length) await tx.recordFetches(fetched);
    },
  }));
  for (const d of outcome.stored) {
    if (d.note) summary.unsupported++;
    summary.events += d.events.length;
  }
  summary.stored += outcome.stored.length;
  summary.skipped += outcome.skipped.length;
  summary.failed += outcome.failed.length;
  summary.failures.push(...outcome.failed);
}

export interface StoreBatchOptions {
  /** Runs in each transaction that stores documents, with what it stored: committed with them, or not at all. */
  readonly beforeCommit?: (tx: Store, outcome: BatchOutcome) => Promise<void>;
}

export interface BatchOutcome {
  readonly stored: NewDocument[];
  /** Content another ingest stored meanwhile (checked inside the transaction). */
  readonly skipped: NewDocument[];
  readonly failed: IngestFailure[];
}

/**
 * Stores a batch and resolves its events in one transaction. Each document is saved under a
 * savepoint of its own: one that the store refuses is rolled back alone, reported with its name and
 * the reason, and the others are stored and resolved. Should resolution itself fail over the batch,
 * the batch is rolled back and stored again one document at a time, each with its resolution, so
 * that only the document at fault is left out. A busy database is not a document's fault: that
 * error goes up, and the caller retries the batch.
 */
export async function storeBatch(store: Store, documents: readonly NewDocument[], { beforeCommit }: StoreBatchOptions = {}): Promise<BatchOutcome> {
  const isBusy = (e: unknown) => store.isBusy(e);
  const attempt = (docs: readonly NewDocument[]) => store.transaction(async (tx) => {
    const out: BatchOutcome = { stored: [], skipped: [], failed: [] };
    for (const d of docs) {
      // Another ingest of the same content may have committed it after this one read its sources.
      if (await tx.hasContent(d.info.hash)) { out.skipped.push(d); continue; }
      try {
        await tx.transaction((one) => one.saveDocuments([d]));
        out.stored.push(d);
      } catch (e) {
        if (isBusy(e)) throw e;
        out.failed.push({ input: d.info.name, reason: `not stored: ${(e as Error).message}` });
      }
    }
    await resolvePending(tx);
    await beforeCommit?.(tx, out);
    return out;
  });
  try {
    return await attempt(documents);
  } catch (e) {
    if (isBusy(e) || documents.length <= 1) {
      if (isBusy(e)) throw e;
      return { stored: [], skipped: [], failed: documents.map((d) => ({ input: d.info.name, reason: `not stored: ${(e as Error).message}` })) };
    }
  }
  const out: BatchOutcome = { stored: [], skipped: [], failed: [] };
  for (const d of documents) {
    try {
      const one = await attempt([d]);
      out.stored.push(...one.stored);
      out.skipped.push(...one.skipped);
      out.failed.push(...one.failed);
    } catch (e) {
      if (isBusy(e)) throw e;
      out.failed.push({ input: d.info.name, reason: `not stored: ${(e as Error).message}` });
    }
  }
  return out;
}

/** How long an ingest waits in all, batch after batch, for other processes' writes before it gives up. */
const WAIT_FOR_WRITERS_MS = 10 * 60_000;

/**
 * Runs a write, again while another process holds the database (each attempt waits for the lock
 * the store's busy timeout, then this pauses and tries again): two ingests into one database take
 * turns, batch by batch, and both complete. Only a writer that holds on for ten minutes in all
 * makes this one give up, with a message that says so.
 */
export async function whenFree<T>(store: Store, write: () => Promise<T>): Promise<T> {
  const start = Date.now();
  for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await write();
    } catch (e) {
      if (!store.isBusy(e)) throw e;
      if (Date.now() - start > WAIT_FOR_WRITERS_MS) throw new Error(`another process has been writing to the database for ${WAIT_FOR_WRITERS_MS / 60_000} minutes; nothing of this batch was stored: try again when it is done`);
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}
