// `npm run bench:exports`: many clients asking for the whole database at once (issue 27: 200 concurrent
// full exports, server memory under 600 MB, no request failing except with 429). A database of
// synthetic reports (bench/synthetic-reports.ts) is served by a real `vigie serve` process on
// 127.0.0.1; the clients ask for JSON Lines, CSV and GeoJSON in turn, all at the same moment, and read
// each answer to its end. Printed: the answers by status, the bytes of the complete exports, whether
// every complete export of a format was the same, and the server's peak resident memory (VmHWM, read
// from /proc when the clients are done). `-- --clients N --reports N`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open.ts';
import { resolvePending } from '../src/resolve/incremental.ts';
import { placeReport } from './synthetic-reports.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const CLIENTS = option('clients', 200);
const REPORTS = option('reports', 40_000);
const MEMORY_BAR_MB = 600;
const BATCH = 500;
const bin = fileURLToPath(new URL('../bin/vigie.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-exports-'));
const db = join(dir, 'exports.db');
try {
  const store = await openStore(db);
  for (let s = 0; s < REPORTS; s += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, REPORTS - s) }, (_, j) => placeReport(s + j));
    await store.transaction(async (tx) => { await tx.saveDocuments(docs); await resolvePending(tx); });
  }
  const events = (await store.counts()).events;
  await store.close();
  process.stderr.write(`${REPORTS} reports stored: ${events} events\n`);

  const server = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /https?:\/\/[^\s]+/.exec(out)?.[0];
      if (url) resolve(url.replace(/\/$/, ''));
    });
    server.once('exit', (code) => reject(new Error(`vigie serve exited with ${code} before it listened: ${out}`)));
  });
  try {
    const formats = ['jsonl', 'csv', 'geojson'] as const;
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
      const format = formats[i % formats.length]!;
      try {
        const res = await fetch(`${base}/api/events?format=${format}`);
        const body = await res.text();
        return { format, status: res.status, body };
      } catch (e) {
        return { format, status: 0, body: (e as Error).message };
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? NaN);
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    const complete = answers.filter((a) => a.status === 200);
    const sameByFormat = Object.fromEntries(formats.map((f) => [f, new Set(complete.filter((a) => a.format === f).map((a) => a.body)).size <= 1]));
    const failed = answers.filter((a) => a.status !== 200 && a.status !== 429);
    const result = {
      clients: CLIENTS, events, byStatus, seconds: Number(seconds.toFixed(2)),
      completeExportBytes: Object.fromEntries(formats.map((f) => [f, complete.find((a) => a.format === f)?.body.length ?? 0])),
      sameByFormat, serverPeakMb: Math.round(peakKb / 1024), memoryBarMb: MEMORY_BAR_MB,
      ok: failed.length === 0 && peakKb / 1024 < MEMORY_BAR_MB && Object.values(sameByFormat).every(Boolean) && complete.length > 0,
    };
    for (const f of failed.slice(0, 3)) process.stderr.write(`failed (${f.status}): ${f.body.slice(0, 200)}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
