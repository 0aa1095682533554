// Loaded into the vigie child of kill.test.ts (node --import tsx --import kill-probe.ts bin/vigie.js),
// never into vigie itself. It tells the test, on file descriptor 3, one letter a statement as the
// child writes: B a transaction begun, D a document inserted, C a transaction that stored documents
// committed (c one that stored none), R one rolled back. With VIGIE_PROBE_HOLD=J:S, once J
// transactions that stored documents have committed, it stops the child (H) right after the S-th
// statement that follows the first document inserted by a later transaction, inside that
// transaction, until the test kills it: a kill in the middle of a batch's transaction, whatever the
// machine's load.
import { createRequire } from 'node:module';
import { writeSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
const [holdAfter, holdAt] = (process.env.VIGIE_PROBE_HOLD ?? '').split(':').map(Number);
const holdWhen = process.env.VIGIE_PROBE_HOLD_TOLD ? new RegExp(process.env.VIGIE_PROBE_HOLD_TOLD) : null;
let told = '';
const tell = (letter: string) => {
  writeSync(3, letter);
  told += letter;
  if (holdWhen?.test(told)) hold();
};

function hold(): void {
  tell('H');
  // Still until the kill comes (two minutes at most).
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
}

let inTransaction = false;
let storing = false;
let statements = 0;
let committed = 0;

function observe(source: string): void {
  const head = source.trimStart().slice(0, 40).toUpperCase();
  if (head.startsWith('BEGIN')) {
    inTransaction = true;
    storing = false;
    statements = 0;
    tell('B');
    return;
  }
  if (head.startsWith('COMMIT')) {
    inTransaction = false;
    if (storing) committed++;
    tell(storing ? 'C' : 'c');
    return;
  }
  if (head.startsWith('ROLLBACK') && !head.startsWith('ROLLBACK TO')) {
    inTransaction = false;
    tell('R');
    return;
  }
  if (!inTransaction) return;
  if (head.startsWith('INSERT INTO "DOCUMENTS"')) {
    storing = true;
    tell('D');
  }
  if (storing) statements++;
  if (holdAfter !== undefined && holdAt !== undefined && committed >= holdAfter && storing && statements === holdAt) {
    hold();
  }
}

const probe = new Database(':memory:');
const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'run' | 'all' | 'get' | 'iterate', (this: BetterSqlite3.Statement, ...a: unknown[]) => unknown>;
probe.close();
for (const method of ['run', 'all', 'get', 'iterate'] as const) {
  const original = statement[method];
  statement[method] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
    const out = original.apply(this, args);
    observe(this.source);
    return out;
  };
}
