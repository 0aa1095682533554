import type { Command } from 'commander';
import type { EventRecord } from '../types.ts';
import { openStore } from '../store/open.ts';
import { dbOption } from './options.ts';
import { terminalLine } from './terminal.ts';

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('a readable table of the stored events')
    .addOption(dbOption())
    .option('--limit <n>', 'at most this many events', (v) => Number.parseInt(v, 10))
    .action(async (opts: { db: string; limit?: number }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        process.stdout.write(eventsTable(await store.events(opts.limit ? { limit: opts.limit } : {})));
      } finally {
        await store.close();
      }
    });
}

const COLUMNS: readonly [string, number, (e: EventRecord) => string][] = [
  ['date', 10, (e) => e.date ? (e.date_precision === 'day' ? e.date : `${e.date.slice(0, 7)}~`) : '?'],
  ['type', 30, (e) => e.sub_event_type],
  ['place', 26, (e) => e.location ? `${e.location.name}${e.location.country_code ? `, ${e.location.country_code}` : ''}` : '?'],
  ['actor1 → actor2', 44, (e) => `${short(e.actor1)} → ${short(e.actor2)}`],
  ['k/w', 7, (e) => `${e.killed ?? '-'}/${e.wounded ?? '-'}`],
  ['claim', 9, (e) => e.claim.status],
  ['source', 18, (e) => e.sources.map((s) => s.document).join(',')],
];

function short(actor: string | null): string {
  if (!actor) return '?';
  return actor.replace(/^Military Forces of (the )?/, 'Forces:').replace(/^Police Forces of (the )?/, 'Police:');
}

function fit(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width);
}

export function eventsTable(events: readonly EventRecord[]): string {
  const header = COLUMNS.map(([name, w]) => fit(name, w)).join('  ');
  const lines = events.map((e) => COLUMNS.map(([, w, f]) => fit(terminalLine(f(e)), w)).join('  '));
  return `${header}\n${'-'.repeat(header.length)}\n${lines.join('\n')}${lines.length ? '\n' : ''}${events.length} events\n`;
}
