// `vigie worker`: takes queued documents (vigie ingest --enqueue), extracts them, stores and resolves
// them. Any number of workers, on any number of machines that reach the database, run at once.
//
// Extraction, the costly part, runs in every worker at once, in any order; each batch is then
// stored and resolved in one transaction, in the order batches were queued (storeReadyBatch).
// The queue is a table of the store's own database, claimed with FOR UPDATE SKIP LOCKED on
// PostgreSQL (kysely-store.ts claimJobs) rather than a queue library (pg-boss, graphile-worker):
// a job is marked done in the very transaction that stores its document and resolves its events, so
// that a job is done exactly when its document is stored: a worker killed at any point leaves its
// jobs to be claimed again once their lease runs out, with nothing of them stored, and a job done is
// never done twice. A queue of its own would commit apart from the store and need that reconciled.
import type { Store } from '../store/store.ts';
import type { NewDocument } from '../store/store.ts';
import { extractWithLineCounts, type ExtractResult } from './extract.ts';
import { ExtractionPool } from './pool.ts';
import { storeBatch, whenFree } from './ingest.ts';

export interface WorkerOptions {
  /** Extraction threads (0: extract in this thread). */
  readonly concurrency?: number;
  /** Return once no job is queued or held by any worker, instead of waiting for more. */
  readonly untilIdle?: boolean;
  /** Jobs claimed, extracted and stored together (one transaction). */
  readonly batchSize?: number;
  /** How long a claim holds its jobs: past it, a worker is taken for dead and its jobs are claimed again. */
  readonly leaseMs?: number;
  /** Tries of one document before it is failed for good (with its error) and left out of the queue. */
  readonly maxAttempts?: number;
  /** Pause between looks at an empty queue. */
  readonly pollMs?: number;
  /** Called after each batch. */
  readonly onBatch?: (summary: WorkerSummary) => void;
  /** Stops after the current batch when aborted. */
  readonly signal?: AbortSignal;
}

export interface WorkerSummary {
  /** Jobs whose documents this worker stored. */
  stored: number;
  /** Jobs whose content was stored already (by another worker, or an ingest). */
  skipped: number;
  /** Failed attempts (a job is tried again until maxAttempts). */
  failedAttempts: number;
  events: number;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runWorker(store: Store, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const { concurrency = 0, untilIdle = false, batchSize = 50, leaseMs = DEFAULT_LEASE_MS, maxAttempts = DEFAULT_MAX_ATTEMPTS, pollMs = 1000, onBatch, signal } = options;
  if (!Number.isInteger(concurrency) || concurrency < 0) throw new Error(`concurrency must be a whole number of threads (0 or more), got ${concurrency}`);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`max attempts must be a whole number from 1, got ${maxAttempts}`);
  const summary: WorkerSummary = { stored: 0, skipped: 0, failedAttempts: 0, events: 0 };
  const pool = concurrency > 0 ? new ExtractionPool(concurrency) : null;
  try {
    while (!signal?.aborted) {
      // Batches whose documents are all extracted are stored first, in the order they were queued.
      if (await storeReadyBatch(store, summary)) { onBatch?.(summary); continue; }
      const jobs = await whenFree(store, () => store.claimJobs({ limit: batchSize, leaseMs, maxAttempts }));
      if (!jobs.length) {
        if (untilIdle) {
          const counts = await store.queueCounts();
          // Jobs another worker holds may come back (it dies, or they fail): wait for them too.
          if (counts.queued === 0 && counts.running === 0 && counts.extracted === 0) break;
        }
        await sleep(untilIdle ? Math.min(pollMs, 200) : pollMs);
        continue;
      }
      const tasks = jobs.map((j) => j.task);
      let results: readonly ExtractResult[];
      try {
        results = pool ? await pool.run(tasks) : tasks.map((t) => extractWithLineCounts(t));
      } catch (e) {
        // A thread that died takes the batch with it: each job is tried again (or failed) on its own.
        for (const j of jobs) await store.failJob(j.id, (e as Error).message, maxAttempts);
        summary.failedAttempts += jobs.length;
        continue;
      }
      for (const [i, r] of results.entries()) {
        if (r.ok) await store.recordExtraction(jobs[i]!.id, r.document);
        else {
          await store.failJob(jobs[i]!.id, r.reason, maxAttempts);
          summary.failedAttempts++;
        }
      }
    }
  } finally {
    await pool?.close();
  }
  return summary;
}

/**
 * Stores and resolves the first queued batch if all its documents are extracted, as one ingest
 * would have (storeBatch), and marks its jobs done in the same transaction. Resolution depends on
 * which reports arrive together: batch by batch in the order they were queued, the records are those
 * of one ingest of the same sources, whatever the number of workers and the order they extract in.
 * Returns whether a batch was stored.
 */
async function storeReadyBatch(store: Store, summary: WorkerSummary): Promise<boolean> {
  const outcome = await whenFree(store, () => store.transaction(async (tx) => {
    const ready = await tx.nextBatchToStore();
    if (!ready) return null;
    const jobOf = new Map<NewDocument, number>(ready.jobs.map((j) => [j.document, j.id]));
    const out = await storeBatch(tx, ready.jobs.map((j) => j.document), {
      beforeCommit: (inner, o) => inner.completeJobs([...o.stored, ...o.skipped].map((d) => jobOf.get(d)!)),
    });
    // A document the store refused is refused again: failed for good, with the reason.
    for (const f of out.failed) {
      const job = ready.jobs.find((j) => j.document.info.name === f.input);
      if (job) await tx.failStoredJob(job.id, f.reason);
    }
    return out;
  }));
  if (!outcome) return false;
  summary.stored += outcome.stored.length;
  summary.skipped += outcome.skipped.length;
  summary.failedAttempts += outcome.failed.length;
  summary.events += outcome.stored.reduce((n, d) => n + d.events.length, 0);
  return true;
}
