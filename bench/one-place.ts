// `npm run bench:place`: the cost of storing and resolving a report as a database grows with reports
// of one place (issue 28: a busy map cell with thousands of reports must not make each new report
// compare against all of them). Reports of a town struck every day, twenty a day (air strikes and
// shelling, calendar dates and weekdays, tolls), stored and resolved in batches of 500 as `vigie
// ingest` does, without extraction (records made here); the cost per report is timed over the 2,000
// reports that bring the database to 1,000 (from 0, after a warm-up elsewhere), 10,000 and 100,000. `-- --quick`: 1k/10k.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.ts';
import { resolvePending } from '../src/resolve/incremental.ts';
import { placeReport } from './synthetic-reports.ts';

const quick = process.argv.includes('--quick');
const MARKS = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
const BATCH = 500;
const TIMED = 2000;

const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-place-'));
// Warm-up outside the timings, in a database of its own: the first batches a process runs pay the
// compilation of the code, which would read as a cost per report that falls with N.
const warm = await openStore(join(dir, 'warm.db'));
for (let s = 0; s < 3000; s += BATCH) {
  const docs = Array.from({ length: BATCH }, (_, j) => placeReport(s + j));
  await warm.transaction(async (tx) => { await tx.saveDocuments(docs); await resolvePending(tx); });
}
await warm.close();
const store = await openStore(join(dir, 'place.db'));
const rows: { reports: number; msPerReport: number; events: number }[] = [];
try {
  let stored = 0;
  for (const mark of MARKS) {
    let timed = 0, ms = 0;
    while (stored < mark) {
      const n = Math.min(BATCH, mark - stored);
      const docs = Array.from({ length: n }, (_, j) => placeReport(stored + j));
      const t0 = performance.now();
      await store.transaction(async (tx) => {
        await tx.saveDocuments(docs);
        await resolvePending(tx);
      });
      if (stored + n > mark - TIMED) { ms += performance.now() - t0; timed += n; }
      stored += n;
    }
    const events = (await store.counts()).events;
    rows.push({ reports: mark, msPerReport: ms / timed, events });
    process.stderr.write(`${mark} reports of one place: ${(ms / timed).toFixed(3)} ms a report (stored and resolved, over the last ${timed}); ${events} events\n`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
const first = rows[0]!.msPerReport;
process.stdout.write(`${JSON.stringify({ perReportMs: Object.fromEntries(rows.map((r) => [r.reports, Number(r.msPerReport.toFixed(3))])), spreadVsFirst: rows.map((r) => Number((r.msPerReport / first - 1).toFixed(3))) })}\n`);
