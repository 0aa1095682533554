// vigie token, serve --write and export --reviewed as a user runs them: the real bin, a real SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open.ts';
import { review } from '../../src/review/actions.ts';

const BIN = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

function vigie(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('tokens: created and printed once, stored hashed, listed, revoked; serve --write asks for them; export --reviewed', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'vigie-token-')), 'v.db');
  assert.equal(vigie(['ingest', SAMPLES, '--db', db, '-q']).code, 0);
  assert.notEqual(vigie(['token', 'create', '--db', db]).code, 0, 'a role is required');
  assert.notEqual(vigie(['token', 'create', '--db', db, '--role', 'owner']).code, 0);
  const created = vigie(['token', 'create', '--db', db, '--role', 'reviewer', '--name', 'Rita']);
  assert.equal(created.code, 0, created.stderr);
  const token = created.stdout.trim();
  assert.match(token, /^vigie_[A-Za-z0-9_-]{43}$/);
  assert.match(created.stderr, /Rita \(reviewer\).*shown this once/);
  assert.ok(!readFileSync(db).includes(token), 'the database holds no token, only its hash');
  const list = vigie(['token', 'list', '--db', db]);
  assert.match(list.stdout, /\treviewer\tRita\t.*\tlive/);
  assert.ok(!list.stdout.includes(token));
  const id = list.stdout.split('\t')[0]!;

  // serve --write: the review routes exist and want a token.
  const server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--write'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d) => { out += d; const m = /at (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]!); });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    assert.equal((await (await fetch(`${url}api/config`)).json()).write, true);
    const events = (await (await fetch(`${url}api/events?limit=1`)).json()).events;
    const post = (token?: string) => fetch(`${url}api/events/${events[0].id}/review`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ action: 'accept' }) });
    assert.equal((await post()).status, 401);
    assert.equal((await post(token)).status, 200);
  } finally {
    server.kill('SIGTERM');
  }
  const reviewed = vigie(['export', '--db', db, '--reviewed']).stdout.trim().split('\n');
  assert.equal(reviewed.length, 1);
  assert.deepEqual({ ...JSON.parse(reviewed[0]!).review, at: null }, { status: 'accepted', by: 'Rita', at: null });
  // Without --reviewed: every event, each with its review.
  const all = vigie(['export', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(all.length > 1 && all.every((e) => e.review && e.review.status));

  assert.equal(vigie(['token', 'revoke', id, '--db', db]).code, 0);
  assert.match(vigie(['token', 'list', '--db', db]).stdout, /revoked/);
  assert.notEqual(vigie(['token', 'revoke', id, '--db', db]).code, 0, 'revoked once');
  // Reviews made in process count the same.
  const store = await openStore(db);
  try {
    const other = (await store.queryEvents({ review: 'unreviewed', limit: 1 })).events[0]!;
    await review(store, other.id, { action: 'correct', fields: { killed: 1 }, note: 'n' }, 'Ada');
  } finally {
    await store.close();
  }
  assert.equal(vigie(['export', '--db', db, '--reviewed', '--format', 'csv']).stdout.trim().split('\n').length, 3);
});
