// `vigie ingest`: read sources, skip known content, run the stages, store each batch in one
// transaction. A bad input is reported with its name and reason; the rest goes on.
import { dirname } from 'node:path';
import type { RawDocument } from '../types.ts';
import { lineKey } from '../clean/zones.ts';
import { lineSpans } from '../text/sentences.ts';
import { processDocument, contentHash } from '../process/document.ts';
import { toRecord } from '../resolve/records.ts';
import type { NewDocument, Store } from '../store/store.ts';
import { resolvePending } from '../resolve/incremental.ts';
import { readSources, type SourceItem } from './sources.ts';

export interface IngestOptions {
  readonly batchSize?: number;
  /** Called after each document, for progress display. */
  readonly onProgress?: (done: number, name: string) => void;
  readonly ceiling?: string;
  readonly stdin?: () => Promise<Uint8Array>;
}

export interface IngestFailure {
  readonly input: string;
  readonly reason: string;
}

export interface IngestSummary {
  read: number;
  stored: number;
  skipped: number;
  failed: number;
  events: number;
  unsupported: number;
  readonly failures: IngestFailure[];
}

interface Pending {
  readonly doc: RawDocument;
  readonly site: string;
  readonly hash: string;
}

export async function ingest(store: Store, inputs: readonly string[], { batchSize = 200, onProgress, ceiling, stdin }: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, stored: 0, skipped: 0, failed: 0, events: 0, unsupported: 0, failures: [] };
  let batch: Pending[] = [];
  const seenInRun = new Set<string>();
  const flush = () => {
    if (batch.length) processBatch(store, batch, summary, ceiling, onProgress);
    batch = [];
  };
  for await (const item of readSources(inputs, stdin)) {
    if (item.kind === 'error') {
      summary.failed++;
      summary.failures.push({ input: item.input, reason: item.reason });
      continue;
    }
    summary.read++;
    const hash = contentHash(item.document.text);
    if (seenInRun.has(hash) || store.hasContent(hash)) {
      summary.skipped++;
      onProgress?.(summary.read, item.document.name);
      continue;
    }
    seenInRun.add(hash);
    batch.push({ doc: item.document, site: siteOf(item, inputs), hash });
    if (batch.length >= batchSize) flush();
  }
  flush();
  return summary;
}

/** Documents of one site share page boilerplate: the URL's host, else the folder or file they came from. */
function siteOf(item: Extract<SourceItem, { kind: 'document' }>, inputs: readonly string[]): string {
  if (item.document.url) {
    try { return new URL(item.document.url).hostname.replace(/^www\./, ''); } catch { /* not a URL: fall through */ }
  }
  return item.document.outlet ?? (inputs.length === 1 ? inputs[0]! : dirname(item.document.name));
}

function processBatch(store: Store, batch: readonly Pending[], summary: IngestSummary, ceiling: string | undefined, onProgress?: (done: number, name: string) => void): void {
  // Lines of the whole batch are counted first, so boilerplate is known before any page is cleaned.
  store.recordLines(batch.flatMap(({ doc, site, hash }) => {
    const keys = new Set<string>();
    for (const l of lineSpans(doc.text)) { const k = lineKey(doc.text.slice(l.start, l.end)); if (k) keys.add(k); }
    return [...keys].map((key) => ({ site, key, documentHash: hash }));
  }));
  const out: NewDocument[] = [];
  for (const { doc, site, hash } of batch) {
    try {
      const p = processDocument(doc, { lineFrequency: (key) => store.lineDocumentCount(site, key), hash, ...(ceiling ? { ceiling } : {}) });
      const events = p.events.map((e) => ({ record: toRecord(p.info, e), trace: e.trace, dayWithoutYear: e.day_without_year ?? null }));
      out.push({ info: p.info, text: doc.text, zones: p.cleaned.zones, note: p.unsupported, events });
      if (p.unsupported) summary.unsupported++;
      summary.events += events.length;
    } catch (e) {
      summary.failed++;
      summary.failures.push({ input: doc.name, reason: `processing failed: ${(e as Error).message}` });
    }
    onProgress?.(summary.read, doc.name);
  }
  // The batch and the resolution of its events commit together, or not at all.
  store.transaction(() => {
    store.saveDocuments(out);
    resolvePending(store);
  });
  summary.stored += out.length;
}
