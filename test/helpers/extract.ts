// Runs the whole per-document chain on a text the test writes, as ingest does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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

/** The fields a case table may state about an event; those it leaves out are not checked. */
export type Expected = Partial<{
  sub: string; date: string | null; place: string; precision: number | null; country: string; actor1: string | null; actor2: string | null;
  weapons: string[]; killed: number | null; wounded: number | null; claim: string; by: string | null; cited: string[];
}>;

export function checkEvent(e: ExtractedEvent, want: Expected): void {
  const got: Record<keyof Expected, unknown> = {
    sub: e.sub_event_type, date: e.date, place: e.location?.name, precision: e.location?.geo_precision, country: e.location?.country_code,
    actor1: e.actor1, actor2: e.actor2, weapons: e.weapons, killed: e.killed, wounded: e.wounded, claim: e.claim.status, by: e.claim.by, cited: e.cited,
  };
  for (const [field, value] of Object.entries(want) as [keyof Expected, unknown][]) {
    if (field === 'cited') for (const c of value as string[]) assert.ok(e.cited.includes(c), `cited ${c} in ${e.cited}`);
    else assert.deepEqual(got[field], value, field);
  }
}

/** Registers one test per row of a language's case table: the article yields one event with the stated fields. */
export function testCaseTable(language: string, cases: readonly (readonly [string, Expected])[], published = '2024-03-14'): void {
  for (const [text, want] of cases) {
    test(`${language}: ${text.split('\n').at(-1)!.slice(0, 70)}…`, () => {
      checkEvent(only(text, { published }), want);
    });
  }
}

/** Asserts that none of the texts yields an event of the sub-event type given with it (a cue's look-alikes). */
export function assertNoEventOfType(rows: readonly (readonly [string, string])[]): void {
  for (const [text, sub] of rows) {
    const events = eventsOf(text);
    assert.ok(!events.some((e) => e.sub_event_type === sub), `${text}: ${events.map((e) => e.notes).join(' | ')}`);
  }
}
