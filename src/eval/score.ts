// Scoring against hand-coded gold, with the rules of shared/spec/event-record.md: a predicted
// event matches a gold event of the same document when their places agree (within the gold
// tolerance, or by name) — the cheapest pairs first, each event used once — and fields are then
// compared on matched pairs. Users score vigie on their own annotated sets with the same rules.
import { basename } from 'node:path';
import type { EventRecord } from '../types.ts';
import { toDays } from '../extract/dates.ts';
import { kmBetween } from '../geo/distance.ts';

export interface GoldEvent {
  readonly id: string;
  readonly required: boolean;
  readonly event_key?: string;
  readonly note?: string;
  readonly sub_event_type?: readonly string[];
  readonly date?: string | null;
  readonly date_tolerance_days?: number;
  readonly location: { readonly name?: string; readonly country_code?: string; readonly lat: number | null; readonly lon: number | null; readonly tolerance_km: number | null };
  readonly actor1?: readonly (string | null)[];
  readonly actor2?: readonly (string | null)[];
  readonly weapons?: readonly string[];
  readonly killed?: number | null;
  readonly wounded?: number | null;
  readonly claim_status?: readonly string[];
}

export interface GoldDocument {
  readonly document: string;
  readonly published?: string | null;
  readonly published_tolerance_days?: number;
  readonly events: readonly GoldEvent[];
}

export interface GoldFile {
  readonly documents: readonly GoldDocument[];
}

export const FIELDS = ['sub_event_type', 'date', 'actor1', 'actor2', 'weapons', 'killed', 'wounded', 'claim_status', 'geocode'] as const;
export type Field = (typeof FIELDS)[number];

export interface Scores {
  readonly required: number;
  readonly predicted: number;
  readonly tp: number;
  readonly fp: number;
  readonly optionalHits: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly fields: Readonly<Record<Field, { right: number; of: number }>>;
  readonly publishedDates: { right: number; of: number };
  readonly dedup: { pairs: number; precision: number; recall: number; f1: number } | null;
  readonly missed: readonly { document: string; gold: string; note?: string }[];
  readonly spurious: readonly { document: string; id: string; notes: string }[];
  readonly wrongFields: readonly { document: string; gold: string; field: Field; want: unknown; got: unknown }[];
  /** Matched gold events that name their real-world event, and the vigie event each was matched to. */
  readonly linked: readonly { document: string; key: string; predicted: string }[];
}

const dayOf = toDays;

function normName(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\b(?:al|el|ad|ash|as|ar)[- ]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

const GENERIC_PLACE_WORDS = new Set(['base', 'air', 'field', 'oil', 'gas', 'the', 'camp']);
function nameTokens(s: string | null | undefined): Set<string> {
  return new Set(normName(s).split(' ').filter((t) => t.length > 2 && !GENERIC_PLACE_WORDS.has(t)));
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return kmBetween(a.lat, a.lon, b.lat, b.lon);
}

/** The cost of taking prediction p for gold g, or null when they cannot be the same event. */
function pairCost(g: GoldEvent, p: EventRecord): number | null {
  const gl = g.location, pl = p.location;
  const sharedName = [...nameTokens(gl.name)].some((t) => nameTokens(pl?.name).has(t));
  let place: number;
  if (gl.lat !== null && gl.lon !== null && pl?.lat != null && pl.lon != null) {
    const d = haversineKm({ lat: gl.lat, lon: gl.lon }, { lat: pl.lat, lon: pl.lon });
    if (d > (gl.tolerance_km ?? 0) && !sharedName) return null;
    place = Math.min(d / Math.max(gl.tolerance_km ?? 1, 1), 1);
  } else if (gl.country_code && pl?.country_code && gl.country_code !== pl.country_code) {
    return null;
  } else {
    place = sharedName ? 0.2 : 0.8;
  }
  const date = g.date && p.date ? Math.min(Math.abs(dayOf(g.date) - dayOf(p.date)) / 30, 3) : 0.5;
  return place + date;
}

const FIELD_CHECKS: Record<Field, (g: GoldEvent, p: EventRecord) => boolean> = {
  sub_event_type: (g, p) => (g.sub_event_type ?? []).includes(p.sub_event_type),
  date: (g, p) => (g.date === null ? p.date === null : p.date !== null && Math.abs(dayOf(g.date!) - dayOf(p.date)) <= (g.date_tolerance_days ?? 0)),
  actor1: (g, p) => (g.actor1 ?? []).some((a) => (a === null ? p.actor1 === null : normName(a) === normName(p.actor1))),
  actor2: (g, p) => (g.actor2 ?? []).some((a) => (a === null ? p.actor2 === null : normName(a) === normName(p.actor2))),
  weapons: (g, p) => { const want = new Set(g.weapons), got = new Set(p.weapons); return want.size === got.size && [...want].every((w) => got.has(w as never)); },
  killed: (g, p) => p.killed === g.killed,
  wounded: (g, p) => p.wounded === g.wounded,
  claim_status: (g, p) => (g.claim_status ?? []).includes(p.claim.status),
  geocode: (g, p) => (g.location.lat === null || g.location.lon === null
    ? p.location?.country_code === g.location.country_code
    : p.location?.lat != null && p.location.lon != null && haversineKm({ lat: g.location.lat, lon: g.location.lon }, { lat: p.location.lat, lon: p.location.lon }) <= (g.location.tolerance_km ?? 0)),
};

function wantOf(g: GoldEvent, field: Field): unknown {
  return field === 'geocode' ? g.location : g[field];
}
function gotOf(p: EventRecord, field: Field): unknown {
  return field === 'geocode' ? p.location : field === 'claim_status' ? p.claim.status : p[field];
}

/** Scores events against gold. `published`, when given, is the date each document was read as published (by name):
 *  the document dates are then scored for every document, not only those whose events carry them. */
export function score(gold: GoldFile, predicted: readonly EventRecord[], published?: ReadonlyMap<string, string | null>): Scores {
  const byDocument = new Map<string, EventRecord[]>();
  for (const p of predicted) {
    for (const name of new Set(p.sources.map((s) => basename(s.document)))) {
      const list = byDocument.get(name) ?? [];
      list.push(p);
      byDocument.set(name, list);
    }
  }
  let required = 0, npred = 0, tp = 0, fp = 0, optionalHits = 0;
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: 0 }])) as Record<Field, { right: number; of: number }>;
  const publishedDates = { right: 0, of: 0 };
  const missed: Scores['missed'][number][] = [];
  const spurious: Scores['spurious'][number][] = [];
  const wrongFields: Scores['wrongFields'][number][] = [];
  const linked: { document: string; key: string; predicted: string }[] = [];

  for (const doc of gold.documents) {
    const name = basename(doc.document);
    const preds = byDocument.get(name) ?? [];
    required += doc.events.filter((g) => g.required).length;
    npred += preds.length;
    if (doc.published) {
      publishedDates.of++;
      const read = published ? published.get(name) ?? null : preds.flatMap((p) => p.sources).find((s) => basename(s.document) === name)?.published ?? null;
      if (read && Math.abs(dayOf(read) - dayOf(doc.published)) <= (doc.published_tolerance_days ?? 0)) publishedDates.right++;
    }
    const pairs: { gi: number; pi: number; cost: number }[] = [];
    doc.events.forEach((g, gi) => preds.forEach((p, pi) => {
      const c = pairCost(g, p);
      if (c !== null) pairs.push({ gi, pi, cost: c + (g.required ? 0 : 0.25) });
    }));
    pairs.sort((a, b) => a.cost - b.cost);
    const goldTaken = new Map<number, number>();
    const predTaken = new Set<number>();
    for (const { gi, pi } of pairs) {
      if (goldTaken.has(gi) || predTaken.has(pi)) continue;
      goldTaken.set(gi, pi);
      predTaken.add(pi);
    }
    for (const [gi, pi] of goldTaken) {
      const g = doc.events[gi]!, p = preds[pi]!;
      if (g.event_key) linked.push({ document: name, key: g.event_key, predicted: p.id });
      if (!g.required) { optionalHits++; continue; }
      tp++;
      for (const f of FIELDS) {
        if (f !== 'geocode' && !(f in g)) continue;
        fields[f].of++;
        if (FIELD_CHECKS[f](g, p)) fields[f].right++;
        else wrongFields.push({ document: name, gold: g.id, field: f, want: wantOf(g, f), got: gotOf(p, f) });
      }
    }
    doc.events.forEach((g, gi) => { if (g.required && !goldTaken.has(gi)) missed.push({ document: name, gold: g.id, ...(g.note ? { note: g.note } : {}) }); });
    preds.forEach((p, pi) => { if (!predTaken.has(pi)) { fp++; spurious.push({ document: name, id: p.id, notes: p.notes }); } });
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = required ? tp / required : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { required, predicted: npred, tp, fp, optionalHits, precision, recall, f1, fields, publishedDates, dedup: dedupScore(linked), missed, spurious, wrongFields, linked };
}

/** Pairs of matched gold events from different documents: same real event in gold, and in one vigie record? */
function dedupScore(linked: readonly { document: string; key: string; predicted: string }[]): Scores['dedup'] {
  let both = 0, goldSame = 0, predSame = 0;
  for (let i = 0; i < linked.length; i++) {
    for (let j = i + 1; j < linked.length; j++) {
      const a = linked[i]!, b = linked[j]!;
      if (a.document === b.document) continue;
      const g = a.key === b.key, v = a.predicted === b.predicted;
      if (g) goldSame++;
      if (v) predSame++;
      if (g && v) both++;
    }
  }
  if (!goldSame) return null;
  return { pairs: goldSame, precision: predSame ? both / predSame : 0, recall: both / goldSame, f1: both ? (2 * both) / (goldSame + predSame) : 0 };
}

export function ratio(x: { right: number; of: number }): number | null {
  return x.of ? x.right / x.of : null;
}

export function formatScores(s: Scores, { details = true }: { details?: boolean } = {}): string {
  const f3 = (x: number | null) => (x === null ? '-' : x.toFixed(3));
  const lines = [
    `events: P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}  (tp ${s.tp}, fp ${s.fp}, required ${s.required}, optional hits ${s.optionalHits})`,
    `fields on matched events: ${FIELDS.map((f) => `${f} ${f3(ratio(s.fields[f]))}`).join('  ')}`,
    `document dates: ${f3(ratio(s.publishedDates))}`,
  ];
  if (s.dedup) lines.push(`cross-document dedup: P ${f3(s.dedup.precision)}  R ${f3(s.dedup.recall)}  F1 ${f3(s.dedup.f1)}  (${s.dedup.pairs} same-event pairs in gold)`);
  if (details) {
    if (s.missed.length) lines.push('', `missed (${s.missed.length}):`, ...s.missed.map((m) => `  ${m.document} ${m.gold}${m.note ? `: ${m.note}` : ''}`));
    if (s.spurious.length) lines.push('', `spurious (${s.spurious.length}):`, ...s.spurious.map((m) => `  ${m.document} ${m.id}: ${m.notes}`));
    if (s.wrongFields.length) lines.push('', `wrong fields (${s.wrongFields.length}):`, ...s.wrongFields.map((w) => `  ${w.document} ${w.gold} ${w.field}: want ${JSON.stringify(w.want)} got ${JSON.stringify(w.got)}`));
  }
  return `${lines.join('\n')}\n`;
}
