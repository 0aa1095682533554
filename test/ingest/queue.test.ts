// vigie ingest --enqueue and vigie worker: the real bin, several worker processes at once on a real
// PostgreSQL server (a schema of its own per test), against one ingest into a SQLite file of the same
// documents in another order and other batches (issue 25): the records are the same, ids included,
// since events are a function of the set of reports. The corpus is the samples, notes of a month of a
// war written for the tests (test/helpers/war-corpus.ts) and variants of the samples on neighbouring
// days (test/reliability/corpus.ts): nothing from ../shared, nothing from the internet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open.ts';
import { freshPgTarget, pgSkip } from '../helpers/pg.ts';
import { writeWarNotes } from '../helpers/war-corpus.ts';
import { variants, writeJsonl } from '../reliability/corpus.ts';

const BIN = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/seeds', import.meta.url));
const CORPUS_DIR = mkdtempSync(join(tmpdir(), 'vigie-queue-corpus-'));
const VARIANTS = join(CORPUS_DIR, 'variants.jsonl');
// Not variant 0 of each seed: its text is the seed's, which the samples store under another name.
writeJsonl(VARIANTS, variants(65).filter((d) => !d.document.startsWith('v0000_')));
const CORPUS = [SAMPLES, writeWarNotes(join(CORPUS_DIR, 'war.jsonl')), VARIANTS];
/** The same documents for the single process, the other way round (and in batches of its own). */
const REVERSED = [...CORPUS].reverse();
const skip = await pgSkip();

function vigie(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Worker processes at once; resolves with their exit codes. */
function workers(n: number, args: string[]): Promise<(number | null)[]> {
  return Promise.all(Array.from({ length: n }, () => new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [BIN, 'worker', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.resume();
    child.on('exit', (code) => done(code));
  })));
}

/** The export of one ingest, in one process, into a new SQLite file. */
function singleProcessExport(inputs: readonly string[], batchSize = 500): string {
  const db = join(mkdtempSync(join(tmpdir(), 'vigie-queue-')), 'v.db');
  assert.equal(vigie(['ingest', ...inputs, '-q', '--workers', '0', '--batch-size', String(batchSize), '--db', db]).code, 0);
  return vigie(['export', '--db', db]).stdout;
}

test('three workers at once store exactly the records of one ingest into SQLite', { skip }, async () => {
  const pg = freshPgTarget();
  try {
    const queued = vigie(['ingest', ...CORPUS, '--enqueue', '--db', pg.target]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stderr, /queued for workers/);
    // Enqueued again: nothing is queued twice.
    assert.match(vigie(['ingest', ...CORPUS, '--enqueue', '--db', pg.target]).stderr, / 0 queued for workers/);
    assert.deepEqual(await workers(3, ['--db', pg.target, '--until-idle', '--batch-size', '4', '-q']), [0, 0, 0]);
    const exported = vigie(['export', '--db', pg.target]).stdout;
    assert.ok(exported.length > 1000);
    assert.equal(exported, singleProcessExport(REVERSED, 7));
    const store = await openStore(pg.target);
    try {
      const counts = await store.queueCounts();
      assert.deepEqual({ ...counts, done: counts.done > 0 }, { queued: 0, running: 0, extracted: 0, done: true, failed: 0 });
      assert.equal((await store.counts()).documents, counts.done);
    } finally {
      await store.close();
    }
  } finally {
    await pg.drop();
  }
});

test('a worker killed with SIGKILL mid-batch loses nothing: its jobs are taken again and stored once', { skip }, async () => {
  const pg = freshPgTarget();
  const store = await openStore(pg.target);
  try {
    // Batches of 10, so that the worker is killed between batches stored and batches to store.
    assert.equal(vigie(['ingest', ...CORPUS, '--enqueue', '-q', '--batch-size', '10', '--db', pg.target]).code, 0);
    const total = (await store.queueCounts()).queued;
    const victim = spawn(process.execPath, [BIN, 'worker', '--db', pg.target, '--batch-size', '3', '--lease-seconds', '2', '-q'], { stdio: 'ignore' });
    const exited = new Promise((done) => victim.on('exit', done));
    // Killed while it holds a batch, once it has stored something.
    for (;;) {
      const c = await store.queueCounts();
      if (c.running > 0 && c.done > 0) break;
      assert.ok(c.done < total, 'the worker finished before it could be killed');
      await new Promise((r) => setTimeout(r, 10));
    }
    victim.kill('SIGKILL');
    await exited;
    assert.ok((await store.queueCounts()).running > 0);
    assert.deepEqual(await workers(2, ['--db', pg.target, '--until-idle', '--batch-size', '5', '-q']), [0, 0]);
    assert.equal(vigie(['export', '--db', pg.target]).stdout, singleProcessExport(REVERSED));
    const counts = await store.queueCounts();
    assert.deepEqual(counts, { queued: 0, running: 0, extracted: 0, done: total, failed: 0 });
    assert.equal((await store.counts()).documents, total);
  } finally {
    await store.close();
    await pg.drop();
  }
});

for (const [name, fresh] of [
  ['sqlite', async () => ({ target: join(mkdtempSync(join(tmpdir(), 'vigie-queue-')), 'v.db'), drop: async () => undefined })],
  ['postgres', async () => freshPgTarget()],
] as const) {
  test(`${name}: a document that fails every time is failed with its error after the tries allowed, and never blocks the queue`, { skip: name === 'postgres' ? skip : false }, async () => {
    const db = await fresh();
    const store = await openStore(db.target);
    try {
      // Not a document any ingest would queue: its text is missing, so its extraction throws each time.
      await store.enqueue([{ doc: { name: 'poison.txt' } as never, hash: 'poison', lines: [] }]);
      await store.close();
      assert.equal(vigie(['ingest', SAMPLES, '--enqueue', '-q', '--db', db.target]).code, 0);
      const run = spawnSync(process.execPath, [BIN, 'worker', '--db', db.target, '--until-idle', '--max-attempts', '2', '--batch-size', '2'], { encoding: 'utf8', timeout: 300_000 });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /poison\.txt: failed after 2 tries: processing failed/);
      const again = await openStore(db.target);
      try {
        assert.deepEqual(await again.queueCounts(), { queued: 0, running: 0, extracted: 0, done: 5, failed: 1 });
        assert.equal((await again.counts()).documents, 5);
      } finally {
        await again.close();
      }
    } finally {
      await store.close().catch(() => undefined);
      await db.drop();
    }
  });
}
