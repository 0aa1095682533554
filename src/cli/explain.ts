import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import type { FieldTrace } from '../types.ts';
import { dbOption } from './options.ts';
import { terminalLines } from './terminal.ts';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('a stored document with its zones, its events, and the rules and spans behind each field')
    .argument('<document>', 'document name (or id)')
    .addOption(dbOption())
    .action(async (name: string, opts: { db: string }) => {
      const store = await openStore(opts.db, { readonly: true });
      try {
        const doc = await store.document(name);
        if (!doc) throw new Error(`${name}: no such document in ${opts.db}`);
        const out: string[] = [];
        const { info } = doc;
        out.push(`# ${info.name} (version ${doc.version})`, `language ${info.language} [${info.languageRule}]  outlet ${info.outlet ?? '?'}  published ${info.published.iso ?? '?'} (${info.published.precision ?? '-'}) [${info.published.rule}]`);
        if (doc.note) out.push(`note: ${doc.note}`);
        const meta = info.metadata;
        if (meta) {
          // What the page said of itself, and where each line of the stored text came from in it:
          // evidence offsets are offsets in the stored text, and a line's block names its element.
          out.push('', `## read from ${meta.format}: ${meta.source}`);
          for (const k of ['published', 'outlet', 'canonicalUrl', 'language', 'author', 'title', 'charset'] as const) {
            const f = meta[k];
            if (f) out.push(`  ${k.padEnd(13)} ${JSON.stringify(f.value)} [${f.foundBy}]`);
          }
          if (meta.blocks?.length) {
            out.push('', '## where each line of the text is in the page');
            for (const b of meta.blocks) out.push(`  ${b.start}-${b.end} ${b.path}`);
          }
        }
        out.push('', '## zones');
        for (const z of doc.zones) out.push(`  ${z.start}-${z.end} ${z.kind.padEnd(11)} [${z.rule}] ${JSON.stringify(doc.text.slice(z.start, Math.min(z.end, z.start + 70)))}`);
        out.push('', '## events');
        (await store.documentMentions(doc.id)).forEach(({ record, trace, eventId }, i) => {
          out.push(`  [${i + 1}] ${record.notes}`, `      event ${eventId ?? '(unresolved)'}`);
          for (const t of trace as FieldTrace[]) {
            out.push(`      ${t.field.padEnd(15)} ${t.rule}${t.span ? `  ${t.span.start}-${t.span.end} ${JSON.stringify(doc.text.slice(t.span.start, t.span.end))}` : ''}`);
          }
          for (const v of record.sources[0]?.evidence ?? []) out.push(`      evidence ${v.start}-${v.end} ${JSON.stringify(v.text.slice(0, 100))}`);
        });
        process.stdout.write(terminalLines(out));
      } finally {
        await store.close();
      }
    });
}
