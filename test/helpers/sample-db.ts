// A real SQLite file with the bundled sample corpus (and extra documents a test writes).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open.ts';
import { ingest } from '../../src/ingest/ingest.ts';

export const SAMPLES = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

export async function sampleDatabase(extra: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-sample-'));
  const db = join(dir, 'vigie.db');
  const store = await openStore(db);
  const inputs = [SAMPLES];
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(join(dir, name), text);
    inputs.push(join(dir, name));
  }
  await ingest(store, inputs);
  await store.close();
  return db;
}
