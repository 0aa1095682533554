import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { openStore } from '../store/open.ts';
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import { dbOption } from './options.ts';
import { defaultWorkers } from '../ingest/pool.ts';
import { terminalLine } from './terminal.ts';
import type { FetchOptions } from '../ingest/http.ts';
import type { SourceInput } from '../ingest/sources.ts';

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError(`expected a whole number of worker threads from 0 to 256, got '${value}'`);
  return n;
}

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('ingest text files, JSON Lines files, HTML pages, RSS/Atom/RDF feeds, folders of them (recursively), http(s) URLs of pages and feeds, or - for stdin')
    .argument('<sources...>', 'files, folders, URLs, or - for stdin')
    .addOption(dbOption())
    .option('-q, --quiet', 'no progress bar and no summary')
    .option('-w, --workers <n>', 'extraction worker threads (0: extract in the main thread)', workerCount, defaultWorkers())
    .option('--batch-size <n>', 'documents stored and resolved in one transaction', batchSize, 500)
    .option('--enqueue', 'queue the documents for vigie worker processes instead of extracting them here');
  withFetchOptions(command)
    .action(async (paths: string[], opts: { db: string; quiet?: boolean; workers: number; batchSize: number; enqueue?: boolean } & FetchFlags) => {
      process.exitCode = await runIngest(paths, opts.db, { quiet: !!opts.quiet, workers: opts.workers, batchSize: opts.batchSize, enqueue: !!opts.enqueue, fetch: fetchOptionsOf(opts), followLinks: !!opts.followLinks });
    });
}

export interface FetchFlags {
  readonly allowPrivate?: boolean;
  readonly followLinks?: boolean;
  readonly timeout: number;
  readonly delay: number;
  readonly maxSize: number;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3600) throw new InvalidArgumentError(`expected a number of seconds from 0 to 3600, got '${value}'`);
  return n;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1024) throw new InvalidArgumentError(`expected a number of megabytes from 0 to 1024, got '${value}'`);
  return n;
}

/** The options of commands that fetch URLs (ingest, watch), written once. */
export function withFetchOptions(command: Command): Command {
  return command
    .option('--follow-links', "fetch each feed item's page and read it as HTML")
    .option('--allow-private', 'let URLs reach loopback, private and link-local addresses (this machine, its network)')
    .option('--timeout <seconds>', 'longest a request may take', seconds, 30)
    .option('--delay <seconds>', 'pause between two requests to one host', seconds, 1)
    .option('--max-size <MB>', 'largest page or feed downloaded', megabytes, 10);
}

export function fetchOptionsOf(opts: FetchFlags): FetchOptions {
  return { allowPrivate: !!opts.allowPrivate, timeoutMs: opts.timeout * 1000, hostDelayMs: opts.delay * 1000, maxBytes: Math.round(opts.maxSize * 1024 * 1024) };
}

function batchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError(`expected a whole number of documents from 1 to 100000, got '${value}'`);
  return n;
}

export interface RunIngestOptions {
  readonly quiet?: boolean;
  readonly workers?: number;
  readonly batchSize?: number;
  readonly enqueue?: boolean;
  readonly fetch?: FetchOptions;
  readonly followLinks?: boolean;
}

export async function runIngest(paths: readonly SourceInput[], db: string, { quiet = false, workers = 0, batchSize = 500, enqueue = false, fetch = {}, followLinks = false }: RunIngestOptions = {}): Promise<number> {
  const store = await openStore(db);
  const bar = !quiet && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'ingesting {value} documents | {name}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(0, 0, { name: '' });
  let summary: IngestSummary;
  let eventsInDatabase = 0;
  try {
    summary = await ingest(store, paths, { workers, batchSize, enqueue, read: { fetch, followLinks }, onProgress: (done, name) => bar?.update(done, { name: terminalLine(name.slice(-50)) }) });
    eventsInDatabase = (await store.counts()).events;
  } finally {
    bar?.stop();
    await store.close();
  }
  for (const f of summary.failures) process.stderr.write(`vigie: ${terminalLine(f.input)}: ${terminalLine(f.reason)}\n`);
  if (!quiet && enqueue) {
    process.stderr.write(`read ${summary.read} documents: ${summary.queued} queued for workers, ${summary.skipped} skipped (already stored or queued), ${summary.failed} failed\n`);
  } else if (!quiet) {
    const unchanged = summary.unchanged ? `; ${summary.unchanged} URLs unchanged since last read` : '';
    process.stderr.write(`read ${summary.read} documents: ${summary.stored} stored, ${summary.skipped} skipped (already stored), ${summary.failed} failed, ${summary.unsupported} in languages not yet supported; ${summary.events} events extracted, ${eventsInDatabase} events in the database${unchanged}\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
