import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { openStore } from '../store/open.ts';
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import { dbOption } from './options.ts';
import { defaultWorkers } from '../ingest/pool.ts';
import { terminalLine } from './terminal.ts';

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError(`expected a whole number of worker threads from 0 to 256, got '${value}'`);
  return n;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest .txt files, folders (recursively), JSON Lines files of documents, or - for stdin')
    .argument('<paths...>', 'files, folders, .jsonl files, or - for stdin')
    .addOption(dbOption())
    .option('-q, --quiet', 'no progress bar and no summary')
    .option('-w, --workers <n>', 'extraction worker threads (0: extract in the main thread)', workerCount, defaultWorkers())
    .option('--batch-size <n>', 'documents stored and resolved in one transaction', batchSize, 500)
    .option('--enqueue', 'queue the documents for vigie worker processes instead of extracting them here')
    .action(async (paths: string[], opts: { db: string; quiet?: boolean; workers: number; batchSize: number; enqueue?: boolean }) => {
      process.exitCode = await runIngest(paths, opts.db, { quiet: !!opts.quiet, workers: opts.workers, batchSize: opts.batchSize, enqueue: !!opts.enqueue });
    });
}

function batchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError(`expected a whole number of documents from 1 to 100000, got '${value}'`);
  return n;
}

export async function runIngest(paths: readonly string[], db: string, { quiet = false, workers = 0, batchSize = 500, enqueue = false }: { quiet?: boolean; workers?: number; batchSize?: number; enqueue?: boolean } = {}): Promise<number> {
  const store = await openStore(db);
  const bar = !quiet && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'ingesting {value} documents | {name}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(0, 0, { name: '' });
  let summary: IngestSummary;
  let eventsInDatabase = 0;
  try {
    summary = await ingest(store, paths, { workers, batchSize, enqueue, onProgress: (done, name) => bar?.update(done, { name: terminalLine(name.slice(-50)) }) });
    eventsInDatabase = (await store.counts()).events;
  } finally {
    bar?.stop();
    await store.close();
  }
  for (const f of summary.failures) process.stderr.write(`vigie: ${terminalLine(f.input)}: ${terminalLine(f.reason)}\n`);
  if (!quiet && enqueue) {
    process.stderr.write(`read ${summary.read} documents: ${summary.queued} queued for workers, ${summary.skipped} skipped (already stored or queued), ${summary.failed} failed\n`);
  } else if (!quiet) {
    process.stderr.write(`read ${summary.read} documents: ${summary.stored} stored, ${summary.skipped} skipped (already stored), ${summary.failed} failed, ${summary.unsupported} in languages not yet supported; ${summary.events} events extracted, ${eventsInDatabase} events in the database\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
