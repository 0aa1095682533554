// vigie watch: polls sources and ingests what is new or changed (src/ingest/watch.ts), until stopped.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { openStore } from '../store/open.ts';
import { parseDuration, readSourcesFile, watch, type SourceReport } from '../ingest/watch.ts';
import type { SourceInput } from '../ingest/sources.ts';
import { dbOption } from './options.ts';
import { fetchOptionsOf, withFetchOptions, type FetchFlags } from './ingest.ts';
import { terminalLine } from './terminal.ts';

function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

function polls(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of polls, 1 or more, got '${value}'`);
  return n;
}

export interface WatchRunOptions extends FetchFlags {
  readonly db: string;
  readonly every: number;
  readonly sources?: string;
  readonly json?: boolean;
  readonly polls?: number;
  readonly quiet?: boolean;
}

export function registerWatch(program: Command): void {
  const command = program
    .command('watch')
    .description('poll feeds, pages and folders and ingest what is new or changed, until stopped (Ctrl-C or SIGTERM: the current batch is stored first)')
    .argument('[sources...]', 'URLs of feeds and pages, files, folders')
    .addOption(dbOption())
    .addOption(new Option('--every <duration>', 'time between two polls: 15m, 30s, 2h').argParser(duration).default(15 * 60_000, '15m'))
    .option('--sources <file>', 'a sources file: one URL or path a line, then optionally a language and an outlet (or JSON / YAML)')
    .option('--json', 'one JSON object per source and poll on stdout')
    .option('--polls <n>', 'stop after this many polls', polls)
    .option('-q, --quiet', 'report failures only');
  withFetchOptions(command).action(async (sources: string[], opts: WatchRunOptions) => {
    process.exitCode = await runWatch(sources, opts);
  });
}

function reportLine(r: SourceReport): string {
  const head = `poll ${r.poll} · ${r.source}: `;
  if (r.status === 'waiting') return `${head}skipped, failed ${r.failuresInARow} times in a row; next try at ${r.retryAt}`;
  const parts = [`${r.read} read`, `${r.stored} stored`, `${r.skipped} already stored`];
  if (r.unchanged) parts.push(`${r.unchanged} unchanged URLs`);
  if (r.failed) parts.push(`${r.failed} failed`);
  const tail = r.status === 'failed' ? `; failed ${r.failuresInARow} times in a row, next try at ${r.retryAt}` : '';
  return `${head}${parts.join(', ')}; ${r.events} events${tail}`;
}

export async function runWatch(args: readonly string[], opts: WatchRunOptions): Promise<number> {
  const sources: SourceInput[] = [...args, ...(opts.sources ? await readSourcesFile(opts.sources) : [])];
  const store = await openStore(opts.db);
  // The first SIGINT or SIGTERM stops the watch once the current batch is stored; a second one ends
  // the process at once (what was not committed is rolled back by the database, never half stored).
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write(`vigie: ${signal}: stopping once the current batch is stored\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let failedSources = 0;
  try {
    const summary = await watch(store, sources, {
      everyMs: opts.every, ...(opts.polls ? { polls: opts.polls } : {}), signal: stop.signal, fetch: fetchOptionsOf(opts), followLinks: !!opts.followLinks,
      onReport: (r) => {
        if (r.status === 'failed') failedSources++;
        if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        for (const f of r.failures) process.stderr.write(`vigie: ${terminalLine(f.input)}: ${terminalLine(f.reason)}\n`);
        if (!opts.quiet && !opts.json) process.stderr.write(`${terminalLine(reportLine(r))}\n`);
      },
    });
    if (!opts.quiet && !opts.json) process.stderr.write(`watched ${summary.polls} polls: ${summary.stored} documents stored, ${summary.failed} failures${stop.signal.aborted ? '; stopped' : ''}\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
  // A watch stopped by a signal did what it was asked; one whose sources all failed at the last poll did not.
  return failedSources > 0 && !stop.signal.aborted && opts.polls ? 1 : 0;
}
