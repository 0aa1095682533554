// One `vigie ingest` measured in a process of its own, so that its peak memory is the ingest's and
// not the bench's: `node --import tsx --import ./src/runtime.ts bench/ingest-child.ts DB CORPUS [WORKERS] [WARMUP]`
// prints one JSON line. src/runtime.ts is loaded before anything else, as bin/vigie.js does.
// WORKERS (default 0) is ingest's extraction worker threads; 0 measures one core. WARMUP, a corpus of
// other documents, is ingested first into a database of its own, outside the timings: the first
// documents a process reads pay the compilation of the lexicons' patterns, of chrono's and of the code.
import { rmSync } from 'node:fs';
import { openStore } from '../src/store/open.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { gazetteer } from '../src/geo/gazetteer.ts';

const [db, corpus, workersArg = '0', warmup] = process.argv.slice(2);
const workers = Number(workersArg);
if (!db || !corpus) {
  process.stderr.write('usage: ingest-child.ts DB CORPUS [WORKERS] [WARMUP]\n');
  process.exit(2);
}
gazetteer(); // loaded once per process, outside the timings: a server pays it at start
let t0 = performance.now();
let warmupSeconds: number | null = null;
if (warmup) {
  const scratch = `${db}.warmup`;
  const warm = await openStore(scratch);
  await ingest(warm, [warmup], { workers });
  await warm.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
  warmupSeconds = (performance.now() - t0) / 1000;
}
const store = await openStore(db);
t0 = performance.now();
const first = await ingest(store, [corpus], { workers });
const seconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const again = await ingest(store, [corpus], { workers });
const reingestSeconds = (performance.now() - t0) / 1000;
await store.close();
// resourceUsage().maxRSS is the process's peak resident set, in kilobytes.
process.stdout.write(`${JSON.stringify({ seconds, reingestSeconds, warmupSeconds, stored: first.stored, skipped: again.skipped, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6 })}\n`);
