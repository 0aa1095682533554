import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { SqliteStore } from '../store/sqlite/index.ts';
import { runIngest } from './ingest.ts';
import { eventsTable } from './events.ts';

/** The bundled sample corpus: the five seed articles, as scraped. */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('ingest the bundled sample corpus into the database and show its events')
    .option('--db <file>', 'SQLite database', './vigie.db')
    .action(async (opts: { db: string }) => {
      const code = await runIngest([SAMPLE_CORPUS], opts.db);
      const store = new SqliteStore(opts.db, { readonly: true });
      try {
        process.stdout.write(eventsTable(store.events()));
      } finally {
        store.close();
      }
      process.exitCode = code;
    });
}
