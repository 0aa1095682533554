// CSV with ACLED's column names and order where a field exists, so that analysts' pandas/R
// code reads it unchanged; vigie's own fields follow ACLED's columns.
import countries from 'i18n-iso-countries';
import type { EventRecord } from '../types.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export const VIGIE_COLUMNS = ['date_precision', 'wounded', 'killed_reported', 'weapons', 'claim_status', 'claim_by', 'cited', 'documents', 'review_status', 'review_by', 'review_at'] as const;

const TIME_PRECISION: Record<string, number> = { day: 1, week: 2, month: 3, year: 3 };

function disorderType(eventType: string): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

export function csvRow(e: EventRecord): string[] {
  const loc = e.location;
  const values: Record<string, string | number | null> = {
    event_id_cnty: e.id,
    event_date: e.date,
    year: e.date ? Number(e.date.slice(0, 4)) : null,
    time_precision: e.date_precision ? TIME_PRECISION[e.date_precision] ?? null : null,
    disorder_type: disorderType(e.event_type),
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    actor2: e.actor2,
    civilian_targeting: e.event_type === 'Violence against civilians' ? 'Civilian targeting' : null,
    iso: loc?.country_code ? Number(countries.alpha2ToNumeric(loc.country_code) ?? '') || null : null,
    country: loc?.country ?? null,
    admin1: loc?.admin1 ?? null,
    location: loc?.name ?? null,
    latitude: loc?.lat ?? null,
    longitude: loc?.lon ?? null,
    geo_precision: loc?.geo_precision ?? null,
    source: [...new Set(e.sources.map((s) => s.outlet ?? s.document))].join('; '),
    notes: e.notes,
    // ACLED writes 0 where no death is reported; the reported figure (or its absence) is kept apart.
    fatalities: e.killed ?? 0,
    date_precision: e.date_precision,
    wounded: e.wounded,
    killed_reported: e.killed,
    weapons: e.weapons.join(';'),
    claim_status: e.claim.status,
    claim_by: e.claim.by,
    cited: [...new Set(e.sources.flatMap((s) => s.cited))].join('; '),
    documents: e.sources.map((s) => s.document).join('; '),
    review_status: e.review?.status ?? 'unreviewed',
    review_by: e.review?.by ?? null,
    review_at: e.review?.at ?? null,
  };
  return [...ACLED_COLUMNS, ...VIGIE_COLUMNS].map((c) => cell(values[c] ?? null));
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function* csvLines(events: Iterable<EventRecord> | AsyncIterable<EventRecord>): AsyncGenerator<string> {
  yield `${[...ACLED_COLUMNS, ...VIGIE_COLUMNS].join(',')}\n`;
  for await (const e of events) yield `${csvRow(e).join(',')}\n`;
}
