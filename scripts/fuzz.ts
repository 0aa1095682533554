// A seeded mutation fuzzer over the seed articles (samples/seeds): byte flips, truncation (inside a
// character too), duplicated sentences, random Unicode and control characters, huge and decimal
// numbers, a sentence repeated hundreds of times, and mixes of these. Each batch of mutants is
// written as .txt files and ingested by the real command line (`node bin/vigie.js ingest`) into one
// temporary database, in a child process with a time limit per document.
//
//   npm run fuzz -- --n 10000 --seed S [--batch 200] [--doc-seconds 20] [--keep]
//
// Prints documents tried, per-document rejections (by reason), crashes (a batch that did not end
// with its summary, or an error naming no document: must be 0), hangs (a document over its time
// limit: must be 0), and contract problems (`../shared/tools/check-contract.mjs` over the export,
// when ../shared is there: must be 0). Exit code 1 when any of the last three is not 0.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/vigie.js');
const SEEDS = join(ROOT, 'samples/seeds');
const CHECKER = join(ROOT, '../shared/tools/check-contract.mjs');

/** A small, fast, seeded generator (mulberry32): the same seed, the same mutants. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRANGE = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\r', '\r\n', '\t',
  '\u200b', '\u200d', '\u200e', '\u202e', '\u2066', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u0301', '\u0308', '\u05d0',
  '\u0627\u0644', '\u4e2d', '\ud83d\udca5', '\ud83c\uddee\ud83c\uddf6', '\ud800', '\udc00', '…', '«', '»', '“', '’', '\\', '"', '{', '}', '%', '_',
];
const HUGE = ['1 000 000 000 000 000', '99999999999999999999999', '0,5', '1e308', '-3', '4294967296', '9007199254740993', '1.000.000', '٣', '१२', '½', '10^9'];

export interface Mutant {
  readonly name: string;
  readonly kind: string;
  readonly bytes: Buffer;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/);
}

/** One mutant of one seed: the kind of mutation and the bytes. */
function mutate(seed: Buffer, random: () => number, depth = 0): { kind: string; bytes: Buffer } {
  const int = (n: number) => Math.floor(random() * n);
  const text = seed.toString('utf8');
  const kinds = ['flip', 'truncate', 'duplicate', 'insert', 'numbers', 'repeat', 'mix'] as const;
  const kind = kinds[int(depth > 0 ? kinds.length - 1 : kinds.length)]!;
  switch (kind) {
    case 'flip': {
      const b = Buffer.from(seed);
      for (let k = 1 + int(8); k > 0; k--) {
        const at = int(b.length);
        b[at] = b[at]! ^ (1 << int(8));
      }
      return { kind, bytes: b };
    }
    case 'truncate':
      return { kind, bytes: seed.subarray(0, int(seed.length)) };
    case 'duplicate': {
      const s = sentences(text);
      const out: string[] = [];
      for (const x of s) { out.push(x); if (random() < 0.3) for (let k = 1 + int(3); k > 0; k--) out.push(x); }
      return { kind, bytes: Buffer.from(out.join(' ')) };
    }
    case 'insert': {
      let t = text;
      for (let k = 1 + int(30); k > 0; k--) {
        const at = int(t.length + 1);
        t = `${t.slice(0, at)}${STRANGE[int(STRANGE.length)]!}${t.slice(at)}`;
      }
      return { kind, bytes: Buffer.from(t) };
    }
    case 'numbers':
      return { kind, bytes: Buffer.from(text.replace(/\d+/g, (d) => (random() < 0.5 ? HUGE[int(HUGE.length)]! : d))) };
    case 'repeat': {
      const s = sentences(text).filter((x) => /\p{L}{3}/u.test(x));
      const one = s[int(s.length)] ?? 'attaque de drone à Erbil.';
      const n = 50 + int(950);
      return { kind, bytes: Buffer.from(`${text}\n${`${one} `.repeat(n)}`) };
    }
    case 'mix': {
      let b = seed;
      const parts: string[] = [];
      for (let k = 2 + int(2); k > 0; k--) {
        const m = mutate(b, random, depth + 1);
        parts.push(m.kind);
        b = m.bytes;
      }
      return { kind: `mix(${parts.join('+')})`, bytes: b };
    }
  }
}

/**
 * n mutants of the seed articles, the same for the same seed. A mutant never begins with a byte
 * order mark (UTF-8 or UTF-16): ingest decodes those, and the contract checker, which reads files as
 * UTF-8 as they are, would see offsets shifted.
 */
export function mutants(n: number, seed: number, seedsDir = SEEDS): Mutant[] {
  const random = prng(seed);
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedsDir, f)));
  const out: Mutant[] = [];
  for (let i = 0; i < n; i++) {
    const m = mutate(seeds[Math.floor(random() * seeds.length)]!, random);
    let bytes = m.bytes;
    while ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) bytes = bytes.subarray(1);
    out.push({ name: `fz${seed}_${String(i).padStart(6, '0')}.txt`, kind: m.kind, bytes });
  }
  return out;
}

interface RunResult { code: number | null; stderr: string; timedOut: boolean }

function run(args: readonly string[], timeoutMs: number): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 << 20 });
  return { code: r.status, stderr: r.stderr ?? '', timedOut: r.error !== undefined || r.signal === 'SIGKILL' };
}

/** Lines `vigie: NAME: REASON` that name one of the batch's documents: rejections; any other error line is a crash. */
function readOutcome(stderr: string, names: ReadonlySet<string>): { rejected: Map<string, string>; crash: string | null } {
  const rejected = new Map<string, string>();
  let crash: string | null = null;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('vigie: ')) continue;
    const rest = line.slice(7);
    const name = [...names].find((n) => rest.includes(`${n}: `));
    if (name) rejected.set(name, rest.slice(rest.indexOf(`${name}: `) + name.length + 2));
    else crash ??= line;
  }
  if (!/^read \d+ documents: /m.test(stderr)) crash ??= `no summary: ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
  return { rejected, crash };
}

function main(argv: readonly string[]): number {
  const opt = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${name}: expected a number, got ${argv[i + 1]}`);
    return v;
  };
  const n = opt('n', 1000);
  const seed = opt('seed', 1);
  const batch = Math.max(1, opt('batch', 200));
  const docSeconds = opt('doc-seconds', 20);
  const keep = argv.includes('--keep');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-fuzz-'));
  const db = join(dir, 'fuzz.db');
  const all = mutants(n, seed);
  const reasons = new Map<string, number>();
  const crashes: string[] = [];
  const hangs: string[] = [];
  let rejected = 0;
  const started = Date.now();
  for (let from = 0; from < all.length; from += batch) {
    const part = all.slice(from, from + batch);
    const folder = join(dir, `batch-${String(from / batch).padStart(5, '0')}`);
    mkdirSync(folder);
    for (const m of part) writeFileSync(join(folder, m.name), m.bytes);
    const names = new Set(part.map((m) => m.name));
    // Startup and the batch's resolution besides each document's limit.
    const r = run(['ingest', folder, '--db', db, '-w', '0', '--batch-size', String(batch)], 60_000 + docSeconds * 1000 * part.length);
    let outcome = readOutcome(r.stderr, names);
    if (r.timedOut) {
      // Which documents hang: each alone, with its own limit.
      outcome = { rejected: new Map(), crash: null };
      for (const m of part) {
        const one = run(['ingest', join(folder, m.name), '--db', db, '-w', '0'], 30_000 + docSeconds * 1000);
        if (one.timedOut) { hangs.push(`${m.name} (${m.kind})`); continue; }
        const o = readOutcome(one.stderr, new Set([m.name]));
        for (const [k, v] of o.rejected) outcome.rejected.set(k, v);
        if (o.crash) crashes.push(`${m.name} (${m.kind}): ${o.crash}`);
      }
    } else if (outcome.crash || (r.code !== 0 && r.code !== 1)) {
      crashes.push(`batch at ${from} (exit ${r.code}): ${outcome.crash ?? 'no error line'}`);
    }
    for (const reason of outcome.rejected.values()) {
      rejected++;
      const key = reason.replace(/(?<=\s)\d[\d,]*/g, 'N').replace(/ \(.*$/, '');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    process.stderr.write(`\r${Math.min(from + batch, all.length)}/${all.length} documents, ${rejected} rejected, ${crashes.length} crashes, ${hangs.length} hangs`);
  }
  process.stderr.write('\n');
  let contract: string;
  let contractProblems = 0;
  const exported = join(dir, 'events.jsonl');
  const ex = spawnSync(process.execPath, [BIN, 'export', '--db', db, '--format', 'jsonl', '--out', exported], { encoding: 'utf8' });
  if (ex.status !== 0) {
    crashes.push(`export: ${ex.stderr.trim()}`);
    contract = 'not checked (the export failed)';
  } else if (existsSync(CHECKER)) {
    const folders = readdirSync(dir).filter((f) => f.startsWith('batch-')).map((f) => join(dir, f));
    const c = spawnSync(process.execPath, [CHECKER, exported, ...folders], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const m = /, (\d+) problems\s*$/.exec(c.stdout);
    contractProblems = c.status === 0 ? 0 : m ? Number(m[1]) : 1;
    contract = `${contractProblems}${c.status !== 0 ? `\n${(c.stdout + c.stderr).trim().split('\n').slice(0, 12).map((l) => `  ${l}`).join('\n')}` : ''}`;
  } else contract = 'not checked (../shared/tools/check-contract.mjs is not there)';
  const events = ex.status === 0 ? readFileSync(exported, 'utf8').split('\n').filter(Boolean).length : 0;
  const out = [
    `seed ${seed}: ${all.length} documents tried in batches of ${batch} (${Math.round((Date.now() - started) / 1000)} s), ${events} events exported`,
    `rejections (per document): ${rejected}`,
    ...[...reasons].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`),
    `crashes: ${crashes.length}`, ...crashes.slice(0, 20).map((c) => `  ${c}`),
    `hangs (over ${docSeconds} s for one document): ${hangs.length}`, ...hangs.slice(0, 20).map((h) => `  ${h}`),
    `contract problems: ${contract}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (keep) process.stdout.write(`kept in ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
  return crashes.length || hangs.length || contractProblems ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
