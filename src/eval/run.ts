// Ingest a corpus into a store (a temporary file unless one is given) and read its events back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EventRecord } from '../types.ts';
import { openStore } from '../store/open.ts';
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import type { GoldFile } from './score.ts';

/** The events of a corpus, and the day each document was read as published (by document name), with or without events. */
export async function eventsOfCorpus(corpus: readonly string[], db?: string): Promise<{ events: EventRecord[]; summary: IngestSummary; published: Map<string, string | null> }> {
  const dir = db ? null : mkdtempSync(join(tmpdir(), 'vigie-eval-'));
  const store = await openStore(db ?? join(dir!, 'eval.db'));
  try {
    const summary = await ingest(store, corpus);
    const published = new Map((await store.documents()).map((d) => [basename(d.info.name), d.info.published.iso] as const));
    return { events: await store.events(), summary, published };
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function readGold(path: string): GoldFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not a readable JSON gold file (${(e as Error).message})`);
  }
  const docs = (value as { documents?: unknown }).documents;
  if (!Array.isArray(docs)) throw new Error(`${path}: a gold file has a "documents" array`);
  docs.forEach((d: { document?: unknown; events?: unknown }, i) => {
    if (typeof d?.document !== 'string' || !Array.isArray(d.events)) throw new Error(`${path}: documents[${i}] needs "document" and "events"`);
    (d.events as { location?: unknown }[]).forEach((e, j) => {
      if (!e || typeof e.location !== 'object' || e.location === null) throw new Error(`${path}: documents[${i}].events[${j}] needs a "location"`);
    });
  });
  return value as GoldFile;
}
