// One `vigie ingest` measured in a process of its own, so that its peak memory is the ingest's and
// not the bench's: `node --import tsx --import ./src/runtime.ts bench/ingest-child.ts DB CORPUS [WORKERS]`
// prints one JSON line. src/runtime.ts is loaded before anything else, as bin/vigie.js does.
// WORKERS (default 0) is ingest's extraction worker threads; 0 measures one core.
import { SqliteStore } from '../src/store/sqlite/index.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { gazetteer } from '../src/geo/gazetteer.ts';

const [db, corpus, workersArg = '0'] = process.argv.slice(2);
const workers = Number(workersArg);
if (!db || !corpus) {
  process.stderr.write('usage: ingest-child.ts DB CORPUS\n');
  process.exit(2);
}
gazetteer(); // loaded once per process, outside the timings: a server pays it at start
const store = new SqliteStore(db);
let t0 = performance.now();
const first = await ingest(store, [corpus], { workers });
const seconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const again = await ingest(store, [corpus], { workers });
const reingestSeconds = (performance.now() - t0) / 1000;
store.close();
// resourceUsage().maxRSS is the process's peak resident set, in kilobytes.
process.stdout.write(`${JSON.stringify({ seconds, reingestSeconds, stored: first.stored, skipped: again.skipped, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6 })}\n`);
