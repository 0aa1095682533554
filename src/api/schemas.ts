// The zod schemas of the API's inputs: the routes validate with them and the OpenAPI document is
// generated from them (src/api/openapi.ts), so that the two cannot drift.
import { z } from 'zod';
import { SUB_EVENT_TYPES } from '../extract/taxonomy.ts';
import { WEAPONS } from '../review/fields.ts';

const csvList = z.string().max(2000).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
/** A day that exists, as YYYY-MM-DD (2023-13-45 and 2023-02-29 are refused, not read as no match). */
const isoDay = z.iso.date({ error: 'a day as YYYY-MM-DD, one that exists' });
const ALL_SUB_TYPES = Object.values(SUB_EVENT_TYPES).flat();
/** west,south,east,north in degrees (a west east of the east crosses the antimeridian). */
const box = (name: string) => z.string().max(200).transform((s, ctx) => {
  const n = s.split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[1]! > n[3]! || Math.abs(n[1]!) > 90 || Math.abs(n[3]!) > 90) {
    ctx.addIssue({ code: 'custom', message: `${name} is west,south,east,north in degrees` });
    return z.NEVER;
  }
  return n as [number, number, number, number];
});

export const eventsQuerySchema = z.object({
  from: isoDay.optional().meta({ description: 'first day (YYYY-MM-DD)' }),
  to: isoDay.optional().meta({ description: 'last day (YYYY-MM-DD)' }),
  type: csvList.pipe(z.array(z.enum(ALL_SUB_TYPES as [string, ...string[]]))).optional().meta({ description: 'ACLED sub-event types, comma-separated', example: 'Air/drone strike' }),
  event_type: csvList.pipe(z.array(z.enum(Object.keys(SUB_EVENT_TYPES) as [string, ...string[]]))).optional().meta({ description: 'ACLED event types, comma-separated' }),
  actor: z.string().min(1).max(200).optional().meta({ description: 'actor1 or actor2: the stored actor whose name best matches, in any case and with or without accents (see /api/actors)' }),
  place: z.string().min(1).max(200).optional().meta({ description: 'the stored place whose name best matches, in any case and with or without accents (see /api/places): the events at its point' }),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code').transform((s) => s.toUpperCase()).optional().meta({ description: 'ISO 3166-1 alpha-2 code' }),
  claim: z.enum(['claimed', 'reported', 'confirmed', 'denied']).optional(),
  bbox: box('bbox').optional().meta({ description: 'west,south,east,north in degrees' }),
  q: z.string().max(200).optional().meta({ description: 'words searched in notes and evidence' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  review: z.enum(['reviewed', 'unreviewed', 'accepted', 'corrected', 'rejected']).optional().meta({ description: 'reviewed: events a reviewer accepted or corrected; unreviewed: the others but rejected ones; or one review status' }),
  order: z.enum(['date', 'queue']).default('date').meta({ description: 'date: the most recent first; queue: the most killed first, then the most recent (the review queue)' }),
  format: z.enum(['json', 'geojson', 'csv', 'jsonl']).default('json').meta({ description: 'json: a page; geojson, csv, jsonl: the whole selection, as `vigie export` writes it' }),
}).strict();

export type EventsQuery = z.infer<typeof eventsQuerySchema>;
export const statsQuerySchema = eventsQuerySchema.omit({ limit: true, offset: true, format: true, order: true });
export const mapQuerySchema = statsQuerySchema.extend({
  zoom: z.coerce.number().min(0).max(24).meta({ description: 'the map\'s zoom (0: the world in 512 px): the selection is counted in cells of 360 / 2^(zoom + 3) degrees, about 64 px' }),
  view: box('view').optional().meta({ description: 'west,south,east,north of the part of the map shown (with the bbox filter, their intersection); the whole world when absent' }),
  points: z.coerce.number().int().min(0).max(5000).default(1000).meta({ description: 'at most this many events one by one: all of them when the selection in view holds no more, else those alone in their cell' }),
}).strict();
export const timelineQuerySchema = statsQuerySchema.extend({
  bin: z.enum(['day', 'week', 'auto']).default('auto').meta({ description: 'what a bar counts: a day, or an ISO week (Monday to Sunday, named by its Monday; a week from/to cut counts only the days they select); auto: weeks when the selection spans more than 366 days (from to to when both are given, else its first to its last dated day), days otherwise' }),
}).strict();
export const eventParamsSchema = z.object({ id: z.string().regex(/^evt_[0-9a-f]{1,64}$/, 'an event id (evt_…)') }).strict();
export const documentParamsSchema = z.object({ id: z.string().min(1).max(400).meta({ description: 'numeric id or document name' }) }).strict();
export const suggestQuerySchema = z.object({
  q: z.string().max(200).optional().meta({ description: 'letters the names contain, in any case and with or without accents' }),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
}).strict();


// ---- Review (write routes, vigie serve --write) ----

const eventId = z.string().regex(/^evt_[0-9a-f]{1,64}$/, 'an event id (evt_…)');
const note = z.string().trim().min(1).max(2000);
const nullableName = z.string().trim().min(1).max(200).nullable();

/** The fields a reviewer may correct, each with the type the record gives it. */
export const correctableFieldsSchema = z.object({
  sub_event_type: z.enum(ALL_SUB_TYPES as [string, ...string[]]),
  date: isoDay.nullable(),
  date_precision: z.enum(['day', 'week', 'month', 'year']).nullable(),
  actor1: nullableName,
  actor2: nullableName,
  location: z.object({
    name: z.string().trim().min(1).max(200),
    admin1: z.string().max(200).nullable(),
    country: z.string().max(200).nullable(),
    country_code: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code').nullable(),
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  }).strict().nullable(),
  weapons: z.array(z.enum(WEAPONS)).max(20),
  killed: z.number().int().min(0).max(10_000_000).nullable(),
  wounded: z.number().int().min(0).max(10_000_000).nullable(),
  claim: z.object({ status: z.enum(['claimed', 'reported', 'confirmed', 'denied']), by: nullableName }).strict(),
}).partial().strict();

export const verdictBodySchema = z.object({
  action: z.enum(['accept', 'reject']),
  note: note.optional().meta({ description: 'why, for the history' }),
}).strict();
export const correctBodySchema = z.object({
  fields: correctableFieldsSchema.meta({ description: 'the corrected fields: resolution never overwrites them' }),
  note: note.meta({ description: 'why (required): the history shows it' }),
}).strict();
export const mergeBodySchema = z.object({
  other: eventId.meta({ description: 'the event merged into this one: its id leads to this one from now on' }),
  note: note.optional(),
}).strict();
export const splitBodySchema = z.object({
  document: z.string().min(1).max(400).meta({ description: 'the source (document name) taken out of the event into an event of its own' }),
  note: note.optional(),
}).strict();
export const tokenBodySchema = z.object({
  role: z.enum(['reviewer', 'admin']),
  name: z.string().trim().min(1).max(200),
}).strict();
export const tokenParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{1,64}$/, 'a token id') }).strict();
export const actionParamsSchema = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31 - 1).meta({ description: 'a review action id (see the event history)' }) }).strict();
