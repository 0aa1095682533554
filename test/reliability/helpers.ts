// What the reliability tests share: the real command line in a child process, temp folders, and a
// database read back as documents, events and ids to compare two ingests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const BIN = fileURLToPath(new URL('../../bin/vigie.js', import.meta.url));
export const SEEDS = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

export function tmp(prefix = 'vigie-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function vigie(args: readonly string[], input?: string | Buffer, timeout = 300_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

/** `vigie ARGS` as a child process that runs while the test does something else. */
export function vigieAsync(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function seedTexts(): { name: string; text: string }[] {
  return readdirSync(SEEDS).sort().map((name) => ({ name, text: readFileSync(join(SEEDS, name), 'utf8') }));
}

/** What an ingest leaves: each document (name, version, hash), each event's id and record, and which event each mention joined. */
export function snapshot(db: string): { documents: string[]; events: string[]; mentions: string[] } {
  const d = new Database(db, { readonly: true });
  try {
    return {
      documents: (d.prepare('SELECT name, version, hash FROM documents ORDER BY name, version').all() as { name: string; version: number; hash: string }[]).map((r) => `${r.name}|${r.version}|${r.hash}`),
      events: (d.prepare('SELECT id, record FROM events ORDER BY id').all() as { id: string; record: string }[]).map((r) => `${r.id}|${r.record}`),
      mentions: (d.prepare('SELECT id, event_id FROM mentions ORDER BY id').all() as { id: string; event_id: string | null }[]).map((r) => `${r.id}|${r.event_id}`),
    };
  } finally {
    d.close();
  }
}
