import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { SqliteStore } from '../store/sqlite/index.ts';
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import { dbOption } from './options.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest .txt files, folders (recursively), JSON Lines files of documents, or - for stdin')
    .argument('<paths...>', 'files, folders, .jsonl files, or - for stdin')
    .addOption(dbOption())
    .option('-q, --quiet', 'no progress bar and no summary')
    .action(async (paths: string[], opts: { db: string; quiet?: boolean }) => {
      process.exitCode = await runIngest(paths, opts.db, { quiet: !!opts.quiet });
    });
}

export async function runIngest(paths: readonly string[], db: string, { quiet = false }: { quiet?: boolean } = {}): Promise<number> {
  const store = new SqliteStore(db);
  const bar = !quiet && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'ingesting {value} documents | {name}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(0, 0, { name: '' });
  let summary: IngestSummary;
  let eventsInDatabase = 0;
  try {
    summary = await ingest(store, paths, { onProgress: (done, name) => bar?.update(done, { name: name.slice(-50) }) });
    eventsInDatabase = store.counts().events;
  } finally {
    bar?.stop();
    store.close();
  }
  for (const f of summary.failures) process.stderr.write(`vigie: ${f.input}: ${f.reason}\n`);
  if (!quiet) {
    process.stderr.write(`read ${summary.read} documents: ${summary.stored} stored, ${summary.skipped} skipped (already stored), ${summary.failed} failed, ${summary.unsupported} in languages not yet supported; ${summary.events} events extracted, ${eventsInDatabase} events in the database\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
