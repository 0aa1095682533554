// The vigie command line: one file per command, each registering itself on the program.
import { Command, CommanderError } from 'commander';
import { registerIngest } from './ingest.ts';
import { registerExport } from './export.ts';
import { registerEvents } from './events.ts';
import { registerStart } from './start.ts';
import { registerExplain } from './explain.ts';
import { registerEval } from './eval.ts';
import { registerShow } from './show.ts';
import { registerServe } from './serve.ts';
import { registerPlaces } from './places.ts';
import { registerParse } from './parse.ts';
import { registerDatabase } from './database.ts';
import { registerWorker } from './worker.ts';
import { registerWatch } from './watch.ts';
import { registerToken } from './token.ts';
import { terminalLine } from './terminal.ts';

export function program(): Command {
  const p = new Command('vigie')
    .description('Turns news reports of armed conflict into a verified, deduplicated, geolocated event database with provenance.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerIngest(p);
  registerExport(p);
  registerEvents(p);
  registerExplain(p);
  registerEval(p);
  registerShow(p);
  registerServe(p);
  registerPlaces(p);
  registerParse(p);
  registerStart(p);
  registerDatabase(p);
  registerWorker(p);
  registerWatch(p);
  registerToken(p);
  return p;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`vigie: ${terminalLine((e as Error).message)}\n`);
    return 1;
  }
}
