import type { Command } from 'commander';
import { eventsOfCorpus, readGold } from '../eval/run.ts';
import { formatScores, score } from '../eval/score.ts';
import { terminalLine } from './terminal.ts';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('ingest a corpus and score its events against a gold file (format of shared/spec/event-record.md)')
    .argument('<gold>', 'gold JSON file')
    .argument('<corpus...>', 'documents to ingest: files, folders, .jsonl')
    .option('--db <file>', 'SQLite database to ingest into (default: a temporary one)')
    .option('--summary', 'only the scores, not the missed and spurious events')
    .action(async (goldPath: string, corpus: string[], opts: { db?: string; summary?: boolean }) => {
      const gold = readGold(goldPath);
      const { events, summary, published } = await eventsOfCorpus(corpus, opts.db);
      for (const f of summary.failures) process.stderr.write(`vigie: ${terminalLine(f.input)}: ${terminalLine(f.reason)}\n`);
      process.stdout.write(formatScores(score(gold, events, published), { details: !opts.summary }));
    });
}
