import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import { runIngest } from './ingest.ts';
import { eventsTable } from './events.ts';
import { serve, withServerOptions } from './serve.ts';

/** The bundled sample corpus: the five seed articles, as scraped. */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

export function registerStart(program: Command): void {
  withServerOptions(program.command('start').description('ingest the bundled sample corpus into the database, show its events and serve the web app'))
    .option('--no-serve', 'ingest and show the events, do not serve')
    .action(async (opts: { db: string; port: number; host: string; serve: boolean }) => {
      const code = await runIngest([SAMPLE_CORPUS], opts.db);
      const store = await openStore(opts.db, { readonly: true });
      try {
        process.stdout.write(eventsTable(await store.events()));
      } finally {
        await store.close();
      }
      process.exitCode = code;
      if (!opts.serve) return;
      const url = await serve({ db: opts.db, port: opts.port, host: opts.host });
      process.stdout.write(`\nvigie is serving ${opts.db} at ${url}  (Ctrl-C to stop)\n`);
      await new Promise(() => {});
    });
}
