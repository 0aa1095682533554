import type { Command } from 'commander';
import { gazetteer } from '../geo/gazetteer.ts';
import { explainName } from '../geo/places.ts';
import { languagePack } from '../extract/lang/index.ts';
import type { Language } from '../types.ts';
import { terminalLines } from './terminal.ts';

export function registerPlaces(program: Command): void {
  program
    .command('places')
    .description('how vigie resolves a place name: candidates, scores, the chosen one and why')
    .argument('<name...>', 'the name as an article writes it')
    .option('--country <codes>', 'countries the document is about, most named first (comma-separated ISO codes)', '')
    .option('--lang <fr|en>', 'language of the sentence', 'en')
    .option('--limit <n>', 'candidates to list', (v) => Number.parseInt(v, 10), 10)
    .action((words: string[], opts: { country: string; lang: string; limit: number }) => {
      if (opts.lang !== 'fr' && opts.lang !== 'en') throw new Error(`--lang ${opts.lang}: vigie reads fr and en`);
      const name = words.join(' ');
      const countries = opts.country.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
      const gaz = gazetteer();
      const { key, candidates, divisions, chosen } = explainName(name, gaz, languagePack(opts.lang as Language), countries);
      const out = [`name "${name}" → key "${key}"${countries.length ? `, document countries ${countries.join(', ')}` : ''}`, ''];
      if (!candidates.length) out.push('no candidate in the gazetteer');
      for (const { entry: e, score } of candidates.slice(0, opts.limit)) {
        out.push(`  ${score.toFixed(2).padStart(6)}  ${e.kind.padEnd(7)} ${e.name}${e.admin1 ? `, ${e.admin1}` : ''}, ${e.country_code}  ${e.lat ?? '-'}, ${e.lon ?? '-'}${e.population ? `  pop ${e.population}` : ''}  [${e.id}]`);
      }
      if (candidates.length > opts.limit) out.push(`  … ${candidates.length - opts.limit} more`);
      for (const d of divisions) out.push(`  with "province"/"county" around it: region ${d.name}, ${d.country_code}  ${d.lat}, ${d.lon}  [${d.id}]`);
      out.push('', chosen
        ? `chosen: ${chosen.place.name} (${chosen.place.country_code}), precision ${chosen.place.geo_precision ?? '-'}, by rule ${chosen.rule}`
        : 'chosen: none (a common word, a person, or a town abroad with no cue for it)');
      process.stdout.write(terminalLines(out));
    });
}
