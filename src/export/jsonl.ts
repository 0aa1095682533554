// JSON Lines: exactly the record of shared/spec/event-record.md, one per line, fields in contract order.
import type { EventRecord, Place, ReportedFields } from '../types.ts';

const place = (p: Place | null): Place | null => p && {
  name: p.name, admin1: p.admin1, country: p.country, country_code: p.country_code, lat: p.lat, lon: p.lon, geo_precision: p.geo_precision,
};

/** A source's own reading, in the contract's field order. */
function reported(r: ReportedFields): ReportedFields {
  return {
    sub_event_type: r.sub_event_type, date: r.date, date_precision: r.date_precision, actor1: r.actor1, actor2: r.actor2, location: place(r.location),
    weapons: r.weapons, killed: r.killed, wounded: r.wounded, claim: { status: r.claim.status, by: r.claim.by },
  };
}

export function toContractRecord(e: EventRecord): EventRecord {
  return {
    id: e.id, event_type: e.event_type, sub_event_type: e.sub_event_type, date: e.date, date_precision: e.date_precision,
    actor1: e.actor1, actor2: e.actor2,
    location: place(e.location),
    weapons: e.weapons, killed: e.killed, wounded: e.wounded, claim: { status: e.claim.status, by: e.claim.by },
    sources: e.sources.map((s) => ({
      document: s.document, outlet: s.outlet, cited: s.cited, published: s.published, evidence: s.evidence.map((v) => ({ start: v.start, end: v.end, text: v.text })),
      ...(s.reported ? { reported: reported(s.reported) } : {}),
    })),
    notes: e.notes,
    // Where the record stands in review: a reviewer's status, who and when (unreviewed, null, null by default).
    review: { status: e.review?.status ?? 'unreviewed', by: e.review?.by ?? null, at: e.review?.at ?? null },
  };
}

export async function* jsonlLines(events: Iterable<EventRecord> | AsyncIterable<EventRecord>): AsyncGenerator<string> {
  for await (const e of events) yield `${JSON.stringify(toContractRecord(e))}\n`;
}
