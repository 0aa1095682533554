// From an extracted event to the public record (shared/spec/event-record.md). Each record
// has one source for now; cross-document merging builds on these records.
import { createHash } from 'node:crypto';
import type { DocumentInfo, EventRecord, ExtractedEvent } from '../types.ts';

/** A stable id for one document's mention of an event: the same document content and the same
 *  event give the same id, in any order. A resolved event's id is eventIdOf() in resolve.ts. */
function mentionId(info: DocumentInfo, e: ExtractedEvent): string {
  const key = [info.hash, e.sub_event_type, e.date ?? '', e.location?.name ?? '', e.evidence[0]?.start ?? 0].join('|');
  return `evt_${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

export function toRecord(info: DocumentInfo, e: ExtractedEvent): EventRecord {
  return {
    id: mentionId(info, e),
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    date: e.date,
    date_precision: e.date_precision,
    actor1: e.actor1,
    actor2: e.actor2,
    location: e.location,
    weapons: e.weapons,
    killed: e.killed,
    wounded: e.wounded,
    claim: e.claim,
    sources: [{
      document: info.name, outlet: info.outlet, cited: e.cited, published: info.published.iso, evidence: e.evidence,
      reported: {
        sub_event_type: e.sub_event_type, date: e.date, date_precision: e.date_precision, actor1: e.actor1, actor2: e.actor2,
        location: e.location, weapons: e.weapons, killed: e.killed, wounded: e.wounded, claim: e.claim,
      },
    }],
    notes: e.notes,
  };
}
