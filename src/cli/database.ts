// vigie migrate and vigie copy: a database's schema brought up to date, and a database moved
// between SQLite and PostgreSQL (either way) with its ids.
import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import { copyDatabase } from '../store/copy.ts';
import { dbOption } from './options.ts';

export function registerDatabase(program: Command): void {
  program
    .command('migrate')
    .description('bring a database\'s schema up to date (every command that writes does so when it opens; this does only that)')
    .addOption(dbOption())
    .action(async (opts: { db: string }) => {
      const store = await openStore(opts.db);
      try {
        const n = await store.counts();
        process.stderr.write(`${store.target}: schema up to date; ${n.documents} documents, ${n.events} events\n`);
      } finally {
        await store.close();
      }
    });
  program
    .command('copy')
    .description('copy a whole database into an empty one, ids kept: SQLite to PostgreSQL, or back')
    .requiredOption('--from <target>', 'the database copied (a SQLite file, sqlite:path or postgres://…)')
    .requiredOption('--to <target>', 'an empty or new database (a SQLite file, sqlite:path or postgres://…)')
    .action(async (opts: { from: string; to: string }) => {
      const copied = await copyDatabase(opts.from, opts.to);
      process.stderr.write(`copied ${copied.documents} documents, ${copied.mentions} mentions, ${copied.events} events, ${copied.lines} line observations, ${copied.redirects} id redirects, ${copied.jobs} queued jobs and ${copied.fetches} fetched URLs\n`);
    });
}
