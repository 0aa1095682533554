// One document from raw text to what the store keeps. The same function runs in the ingesting thread
// and in extraction worker threads, so that both give the same records.
import type { RawDocument } from '../types.ts';
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
    const events = p.events.map((e) => ({ record: toRecord(p.info, e), trace: e.trace, dayWithoutYear: e.day_without_year ?? null, tellsSeveral: e.tells_several ?? false, dayStated: dayStated(e) }));
    return { ok: true, document: { info: p.info, text: doc.text, zones: p.cleaned.zones, note: p.unsupported, events } };
  } catch (e) {
    return { ok: false, input: doc.name, reason: `processing failed: ${(e as Error).message}` };
  }
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
