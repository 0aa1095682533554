// A store in a new temporary SQLite file, closed after the function whatever it does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

export async function withTempStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'test.db'));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
