// One document from raw text to what the store keeps. The same function runs in the ingesting thread
// and in extraction worker threads, so that both give the same records.
import { createHash } from 'node:crypto';
import type { EventRecord, RawDocument } from '../types.ts';
import type { LineFrequency } from '../clean/zones.ts';
import type { NewDocument } from '../store/store.ts';
import { processDocument } from '../process/document.ts';
import { toRecord } from '../resolve/records.ts';

/** A document of a batch, with how many documents of its site carry each of its lines (read for the whole batch). */
export interface ExtractTask {
  readonly doc: RawDocument;
  readonly hash: string;
  readonly ceiling?: string;
  readonly lines: readonly (readonly [string, number])[];
}

export type ExtractResult =
  | { readonly ok: true; readonly document: NewDocument }
  | { readonly ok: false; readonly input: string; readonly reason: string };

/** A document of a batch from raw text to records, with its batch's line counts: the same in the ingesting thread and in a worker. */
export function extractWithLineCounts({ doc, hash, ceiling, lines }: ExtractTask): ExtractResult {
  const counts = new Map(lines);
  const lineFrequency: LineFrequency = (key) => counts.get(key) ?? 0;
  try {
    const p = processDocument(doc, { lineFrequency, hash, ...(ceiling ? { ceiling } : {}) });
    const records = uniqueIds(p.events.map((e) => toRecord(p.info, e)));
    const events = p.events.map((e, i) => ({ record: records[i]!, trace: e.trace, dayWithoutYear: e.day_without_year ?? null, tellsSeveral: e.tells_several ?? false, dayStated: dayStated(e), placeUnknown: placeUnknown(e) }));
    return { ok: true, document: { info: p.info, text: doc.text, zones: p.cleaned.zones, note: p.unsupported, events } };
  } catch (e) {
    return { ok: false, input: doc.name, reason: `processing failed: ${(e as Error).message}` };
  }
}

/**
 * A mention's id is made of its document's content, sub-event type, date, place and first evidence
 * span (records.ts): two events of one document told by the same span of text, of the same kind,
 * day and place ("a tué Erbil. a tué Erbil. jours plus tôt,", one sentence) had the same id, and
 * the store's primary key refused the whole batch. The first keeps its id, so that no id stored
 * before changes; the n-th repeat (n ≥ 2, in the document's order of events, which extraction
 * gives the same every time) is told apart by its ordinal among the repeats: stable across
 * re-ingests and worker counts.
 */
export function uniqueIds(records: readonly EventRecord[]): EventRecord[] {
  const seen = new Map<string, number>();
  const taken = new Set(records.map((r) => r.id));
  return records.map((r) => {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n === 1) return r;
    let id = r.id;
    for (let k = n; id === r.id || taken.has(id); k++) id = `evt_${createHash('sha256').update(`${r.id}#${k}`).digest('hex').slice(0, 20)}`;
    taken.add(id);
    return { ...r, id };
  });
}

/** Whether the event's place is a name the gazetteer lacks, set at the point of the area the text put it in
 *  ("Aitaroun (Al Nabatieh, Bint Jbeil)"): resolution reads two such names as two places, wherever their points. */
function placeUnknown(e: { readonly trace: readonly { readonly field: string; readonly rule: string }[] }): boolean {
  // The key keeps it only for a place at an area's point (precision 3): mentionKey() asks that of the record.
  return e.trace.some((t) => t.field === 'location' && /^geo\.(?:unknown|town-abroad|town-elsewhere)/.test(t.rule));
}

/** Whether the event's day came from a calendar date of the text ("on 29 January 2024", "le 3 mars"):
 *  chrono's full or yearless date, not a weekday, "yesterday", an enumeration or a date inherited from
 *  another sentence. Resolution reads two different stated days as two events. */
function dayStated(e: { readonly date_precision: string | null; readonly trace: readonly { readonly field: string; readonly rule: string }[] }): boolean {
  if (e.date_precision !== 'day') return false;
  // Any of the sentences that dated it: a lead dated by its report may be followed by the sentence that
  // states the day; a retelling ("+anaphora") carries the day its first telling stated.
  return e.trace.some((t) => t.field === 'date' && /\.date\.chrono(?:\+anchor-year)?(?:\+anaphora)?$/.test(t.rule));
}
