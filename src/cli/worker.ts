// vigie worker: processes the queue that vigie ingest --enqueue fills (src/ingest/worker.ts).
import { InvalidArgumentError, type Command } from 'commander';
import { openStore } from '../store/open.ts';
import { DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, runWorker } from '../ingest/worker.ts';
import { dbOption } from './options.ts';
import { terminalLine } from './terminal.ts';

function wholeNumber(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} from ${min} to ${max}, got '${value}'`);
    return n;
  };
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('extract, store and resolve the documents queued by vigie ingest --enqueue; run any number at once, on any machine that reaches the database')
    .addOption(dbOption())
    .option('--concurrency <n>', 'extraction threads (0: extract in the main thread)', wholeNumber(0, 256, 'a whole number of threads'), 0)
    .option('--until-idle', 'exit once no document is queued or being processed')
    .option('--batch-size <n>', 'documents claimed and stored together', wholeNumber(1, 10_000, 'a whole number of documents'), 50)
    .option('--lease-seconds <n>', 'how long a claim holds its documents before another worker may take them', wholeNumber(1, 86_400, 'a whole number of seconds'), DEFAULT_LEASE_MS / 1000)
    .option('--max-attempts <n>', 'tries of one document before it is failed for good', wholeNumber(1, 100, 'a whole number'), DEFAULT_MAX_ATTEMPTS)
    .option('-q, --quiet', 'no summary')
    .action(async (opts: { db: string; concurrency: number; untilIdle?: boolean; batchSize: number; leaseSeconds: number; maxAttempts: number; quiet?: boolean }) => {
      const store = await openStore(opts.db);
      // SIGTERM and SIGINT end the worker after its current batch: nothing is left half done.
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
      try {
        const summary = await runWorker(store, {
          concurrency: opts.concurrency, untilIdle: !!opts.untilIdle, batchSize: opts.batchSize, leaseMs: opts.leaseSeconds * 1000,
          maxAttempts: opts.maxAttempts, signal: stop.signal,
        });
        if (!opts.quiet) {
          const counts = await store.queueCounts();
          for (const f of await store.failedJobs()) process.stderr.write(`vigie: ${terminalLine(f.name)}: failed after ${f.attempts} tries: ${terminalLine(f.error)}\n`);
          process.stderr.write(`this worker stored ${summary.stored} documents (${summary.events} events), skipped ${summary.skipped} already stored; ${summary.failedAttempts} failed attempts. Queue: ${counts.queued} queued, ${counts.running} in progress, ${counts.done} done, ${counts.failed} failed\n`);
        }
      } finally {
        await store.close();
      }
    });
}
