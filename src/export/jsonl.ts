// JSON Lines: exactly the record of shared/spec/event-record.md, one per line, fields in contract order.
import type { EventRecord } from '../types.ts';

export function toContractRecord(e: EventRecord): EventRecord {
  return {
    id: e.id, event_type: e.event_type, sub_event_type: e.sub_event_type, date: e.date, date_precision: e.date_precision,
    actor1: e.actor1, actor2: e.actor2,
    location: e.location && {
      name: e.location.name, admin1: e.location.admin1, country: e.location.country, country_code: e.location.country_code,
      lat: e.location.lat, lon: e.location.lon, geo_precision: e.location.geo_precision,
    },
    weapons: e.weapons, killed: e.killed, wounded: e.wounded, claim: { status: e.claim.status, by: e.claim.by },
    sources: e.sources.map((s) => ({ document: s.document, outlet: s.outlet, cited: s.cited, published: s.published, evidence: s.evidence.map((v) => ({ start: v.start, end: v.end, text: v.text })) })),
    notes: e.notes,
  };
}

export function* jsonlLines(events: Iterable<EventRecord>): Generator<string> {
  for (const e of events) yield `${JSON.stringify(toContractRecord(e))}\n`;
}
