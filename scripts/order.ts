// Order independence check (development aid): one corpus ingested in several orders and batchings must
// leave the same events (ids, records). `node --import tsx scripts/order.ts CORPUS.jsonl [N]`
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.ts';
import { ingest } from '../src/ingest/ingest.ts';

const [corpus, nArg] = process.argv.slice(2);
const lines = readFileSync(corpus!, 'utf8').split('\n').filter(Boolean).slice(0, Number(nArg ?? 1e9));
const dir = mkdtempSync(join(tmpdir(), 'vigie-order-'));
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function run(name: string, order: string[], batchSize: number): Promise<Map<string, string>> {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, order.join('\n') + '\n');
  const store = await openStore(join(dir, `${name}.db`));
  const t0 = performance.now();
  await ingest(store, [file], { batchSize });
  const events = new Map((await store.events()).map((e) => [e.id, JSON.stringify(e)]));
  await store.close();
  console.log(`${name}: ${events.size} events, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return events;
}

const base = await run('one-batch', lines, 1e9);
const shuffled = [...lines].sort(() => rand() - 0.5);
for (const [name, order, size] of [['forward-8', lines, 8], ['reverse-8', [...lines].reverse(), 8], ['shuffled-1', shuffled, 1], ['shuffled-13', shuffled, 13]] as const) {
  const got = await run(name, [...order], size);
  const missing = [...base.keys()].filter((id) => !got.has(id)), extra = [...got.keys()].filter((id) => !base.has(id));
  const differ = [...base.keys()].filter((id) => got.has(id) && got.get(id) !== base.get(id));
  console.log(`  vs one batch: ${missing.length} ids missing, ${extra.length} extra, ${differ.length} records differ`);
}
if (process.env.SHOW_DIFF) {
  const got = await run('forward-8b', [...lines], 8);
  for (const id of [...base.keys()].filter((id) => got.has(id) && got.get(id) !== base.get(id)).slice(0, 2)) {
    const a = JSON.parse(base.get(id)!), b = JSON.parse(got.get(id)!);
    for (const k of Object.keys(a)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) console.log(id, k, k === 'sources' ? a[k].map((s: any) => s.document) : a[k], '|', k === 'sources' ? b[k].map((s: any) => s.document) : b[k]);
  }
}
