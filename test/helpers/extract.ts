// Runs the whole per-document chain on a text the test writes, as ingest does.
import type { ExtractedEvent } from '../../src/types.ts';
import { processDocument } from '../../src/process/document.ts';

export function eventsOf(text: string, { published = '2024-03-14', language }: { published?: string | null; language?: string } = {}): readonly ExtractedEvent[] {
  return processDocument({ name: 'test.txt', text, published, ...(language ? { language } : {}) }, { ceiling: '2026-11-20' }).events;
}

export function only(text: string, options?: Parameters<typeof eventsOf>[1]): ExtractedEvent {
  const events = eventsOf(text, options);
  if (events.length !== 1) throw new Error(`expected one event, got ${events.length}: ${events.map((e) => e.notes).join(' | ')}`);
  return events[0]!;
}
