import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import { runIngest } from './ingest.ts';
import { runWatch } from './watch.ts';
import { eventsTable } from './events.ts';
import { serve, withServerOptions } from './serve.ts';

/** The bundled sample corpus: the five seed articles, as scraped. */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../../samples/seeds', import.meta.url));
/** Web pages and a feed written for the project: what `vigie watch` follows, without a network. */
export const SAMPLE_WEB = fileURLToPath(new URL('../../samples/web', import.meta.url));

export function registerStart(program: Command): void {
  withServerOptions(program.command('start').description('ingest the bundled sample corpus and watch the bundled web pages and feed once, show the events and serve the web app'))
    .option('--no-serve', 'ingest and show the events, do not serve')
    .action(async (opts: { db: string; port: number; host: string; serve: boolean }) => {
      const code = await runIngest([SAMPLE_CORPUS], opts.db);
      // The watch mode on the bundled pages and feed: one poll here; `vigie watch samples/web` keeps
      // polling (every 15 minutes by default), and stores only what is new or changed.
      process.stderr.write(`\nvigie watch ${relative(process.cwd(), SAMPLE_WEB) || SAMPLE_WEB} --polls 1  (web pages and an RSS feed; keep it running without --polls to follow them)\n`);
      const watched = await runWatch([SAMPLE_WEB], { db: opts.db, every: 15 * 60_000, polls: 1, timeout: 30, delay: 1, maxSize: 10 });
      const store = await openStore(opts.db, { readonly: true });
      try {
        process.stdout.write(eventsTable(await store.events()));
      } finally {
        await store.close();
      }
      process.exitCode = Math.max(code, watched);
      if (!opts.serve) return;
      const url = await serve({ db: opts.db, port: opts.port, host: opts.host });
      process.stdout.write(`\nvigie is serving ${opts.db} at ${url}  (Ctrl-C to stop)\n`);
      await new Promise(() => {});
    });
}
