import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { openStore } from '../store/open.ts';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from '../export/index.ts';
import { dbOption } from './options.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the stored events as JSON Lines (the contract record), ACLED-style CSV or GeoJSON')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('jsonl'))
    .option('--out <file>', 'output file (default: standard output)')
    .option('--reviewed', 'only the events a reviewer accepted or corrected')
    .action(async (opts: { db: string; format: ExportFormat; out?: string; reviewed?: boolean }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        // One event at a time from the database to the output: memory does not grow with the export.
        for await (const chunk of exportChunks(opts.format, store.streamEvents(opts.reviewed ? { review: 'reviewed' } : {}, { oldestFirst: true }))) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
        if (opts.out) {
          out.end();
          await once(out, 'finish');
        }
      } finally {
        await store.close();
      }
    });
}
