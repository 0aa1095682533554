// kill -9 in the middle of an ingest, a few times at seeded random moments, then the same ingest
// resumed to its end: the database equals a clean ingest of the corpus (documents, mentions, events
// and their ids), nothing lost, nothing twice. A batch commits as one transaction; a killed batch
// leaves nothing, and the resumed ingest skips what was committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { prng } from '../../scripts/fuzz.ts';
import { BIN, snapshot, tmp, vigie } from './helpers.ts';
import { variants, writeJsonl } from './corpus.ts';

// A few kills in every run; VIGIE_KILLS=50 for the long check, on a machine at rest (under load the kills come before the first batch commits).
const KILLS = Number(process.env.VIGIE_KILLS ?? 4);

function killAfter(args: readonly string[], ms: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

test(`an ingest of 300 documents killed (-9) ${KILLS} times, then resumed, equals a clean ingest`, async (t) => {
  const dir = tmp();
  const corpus = join(dir, 'corpus.jsonl');
  writeJsonl(corpus, variants(300));
  const args = (db: string) => ['ingest', corpus, '--db', db, '-w', '0', '--batch-size', '20', '-q'];
  const db = join(dir, 'killed.db');
  const random = prng(Number(process.env.VIGIE_KILL_SEED ?? 9));
  const counts: number[] = [];
  for (let k = 0; k < KILLS; k++) {
    // Somewhere between the start of the process and the end of the ingest (a few seconds).
    await killAfter(args(db), 700 + Math.floor(random() * 2500));
    counts.push(existsSync(db) ? snapshot(db).documents.length : 0);
  }
  t.diagnostic(`documents stored when each kill came: ${counts.join(", ")}`);
  const resumed = vigie(args(db));
  assert.equal(resumed.code, 0, resumed.stderr);
  const clean = join(dir, 'clean.db');
  assert.equal(vigie(args(clean)).code, 0);
  const a = snapshot(db);
  const b = snapshot(clean);
  assert.equal(a.documents.length, 300, `documents after each kill: ${counts.join(', ')}`);
  assert.deepEqual(a.documents, b.documents);
  assert.deepEqual(a.mentions, b.mentions);
  assert.deepEqual(a.events, b.events);
  // The database is whole: SQLite's own check, and the text index's.
  const d = new Database(db);
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
    d.exec("INSERT INTO events_text(events_text, rank) VALUES ('integrity-check', 1)");
  } finally {
    d.close();
  }
});
