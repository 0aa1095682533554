import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import { dbOption } from './options.ts';
import type { EventSource } from '../types.ts';
import { terminalLines } from './terminal.ts';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('one event: its record, every source with its evidence, and where sources disagree')
    .argument('<event>', 'event id (evt_…)')
    .addOption(dbOption())
    .option('--json', 'the record and its disagreements as JSON')
    .action(async (id: string, opts: { db: string; json?: boolean }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        const event = await store.event(id);
        if (!event) throw new Error(`${id}: no such event in ${opts.db}`);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
          return;
        }
        const r = event.record;
        const loc = r.location;
        const out = [
          `# ${r.id}`,
          r.notes,
          '',
          `type       ${r.event_type} / ${r.sub_event_type}`,
          `date       ${r.date ?? 'unknown'}${r.date_precision ? ` (${r.date_precision})` : ''}`,
          `actors     ${r.actor1 ?? '?'} → ${r.actor2 ?? '?'}`,
          `place      ${loc ? `${loc.name}${loc.admin1 ? `, ${loc.admin1}` : ''}${loc.country ? `, ${loc.country}` : ''}${loc.lat !== null ? ` (${loc.lat}, ${loc.lon}), precision ${loc.geo_precision}` : ', not on the map'}` : 'unknown'}`,
          `weapons    ${r.weapons.join(', ') || '-'}`,
          `casualties killed ${r.killed ?? 'not reported'}, wounded ${r.wounded ?? 'not reported'}`,
          `claim      ${r.claim.status}${r.claim.by ? ` by ${r.claim.by}` : ''}`,
          '',
          `## sources (${r.sources.length}), by the day each reports`,
        ];
        // By the day each source gives the event: an event that swallowed several days shows it at a glance.
        const dayOf = (s: EventSource) => s.reported?.date ?? null;
        const sources = [...r.sources].sort((a, b) => (dayOf(a) ?? '~').localeCompare(dayOf(b) ?? '~') || a.document.localeCompare(b.document));
        let day: string | null | undefined;
        for (const s of sources) {
          if (dayOf(s) !== day) {
            day = dayOf(s);
            out.push(`### ${day ?? 'no day given'}`);
          }
          out.push(`- ${s.document}  ${s.outlet ?? 'outlet unknown'}  published ${s.published ?? '?'}${s.cited.length ? `  citing ${s.cited.join('; ')}` : ''}`);
          const own = s.reported;
          if (own) {
            out.push(`    reports    ${own.sub_event_type}; ${own.location?.name ?? 'no place'}; ${own.actor1 ?? '?'} → ${own.actor2 ?? '?'}; killed ${own.killed ?? '-'}, wounded ${own.wounded ?? '-'}; ${own.claim.status}${own.weapons.length ? `; ${own.weapons.join(', ')}` : ''}`);
          }
          for (const v of s.evidence) out.push(`    ${v.start}-${v.end}  “${v.text}”`);
        }
        out.push('', `## disagreements (${event.disagreements.length})`);
        for (const d of event.disagreements) {
          out.push(`- ${d.field}: ${d.values.map((v) => `${JSON.stringify(v.value)} (${v.documents.join(', ')})`).join('  vs  ')}`);
        }
        process.stdout.write(terminalLines(out));
      } finally {
        await store.close();
      }
    });
}
