// The REST API and the web app's files, on Fastify. Small handlers; every input goes through a
// zod schema and every error is JSON with a message and the right status. Read-only: nothing here
// writes to the store.
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { EventQuery, Store } from '../store/store.ts';
import { SUB_EVENT_TYPES } from '../extract/taxonomy.ts';
import { Readable } from 'node:stream';
import type { EventRecord } from '../types.ts';
import { exportChunks, type ExportFormat } from '../export/index.ts';
import { toContractRecord } from '../export/jsonl.ts';
import { openApiDocument } from './openapi.ts';

export interface AppOptions {
  readonly store: Store;
  /** The built web app (web/dist); served at / when present. */
  readonly webRoot?: string | null;
  readonly logger?: boolean;
  /** An online raster tile URL template ({z}/{x}/{y}) drawn under the offline boundaries, when set. */
  readonly tiles?: string | null;
  /** Downloads of a whole selection sent at once; one more is answered 429 (default 4). */
  readonly maxExports?: number;
}

const csvList = z.string().max(2000).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const ALL_SUB_TYPES = Object.values(SUB_EVENT_TYPES).flat();

export const eventsQuerySchema = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  type: csvList.pipe(z.array(z.enum(ALL_SUB_TYPES as [string, ...string[]]))).optional(),
  event_type: csvList.pipe(z.array(z.enum(Object.keys(SUB_EVENT_TYPES) as [string, ...string[]]))).optional(),
  actor: z.string().min(1).max(200).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code').transform((s) => s.toUpperCase()).optional(),
  claim: z.enum(['claimed', 'reported', 'confirmed', 'denied']).optional(),
  bbox: z.string().max(200).transform((s, ctx) => {
    const n = s.split(',').map(Number);
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[1]! > n[3]! || Math.abs(n[1]!) > 90 || Math.abs(n[3]!) > 90) {
      ctx.addIssue({ code: 'custom', message: 'bbox is west,south,east,north in degrees' });
      return z.NEVER;
    }
    return n as [number, number, number, number];
  }).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'geojson', 'csv', 'jsonl']).default('json'),
}).strict();

export type EventsQuery = z.infer<typeof eventsQuerySchema>;

export function toEventQuery(q: Partial<EventsQuery>): EventQuery {
  return {
    ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.type ? { subEventTypes: q.type } : {}),
    ...(q.event_type ? { eventTypes: q.event_type } : {}), ...(q.actor ? { actor: q.actor } : {}), ...(q.country ? { country: q.country } : {}),
    ...(q.claim ? { claim: q.claim } : {}), ...(q.bbox ? { bbox: q.bbox } : {}), ...(q.q ? { text: q.q } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.offset !== undefined ? { offset: q.offset } : {}),
  };
}

class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ApiError(400, `${what}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return r.data;
}

/** The label of an error's status in its JSON body. */
function errorLabel(status: number): string {
  if (status >= 500) return 'internal error';
  if (status === 404) return 'not found';
  if (status === 429) return 'too many requests';
  if (status === 413) return 'payload too large';
  if (status === 405) return 'method not allowed';
  return 'bad request';
}

/**
 * The page's Content-Security-Policy: its own scripts and style sheets only (the app and MapLibre set
 * styles through the CSSOM, which the policy allows; MapLibre's worker is a file of the app, blob:
 * kept for builds that inline it),
 * images and data from the server and, with --tiles, from the tile server; no plugins, no framing,
 * no base URL or form target elsewhere.
 */
export function contentSecurityPolicy(tiles: string | null): string {
  let tileOrigin = '';
  if (tiles) {
    try { tileOrigin = ` ${new URL(tiles.replace(/\{[^}]*\}/g, '0')).origin}`; } catch { /* not a URL: no tiles are drawn */ }
  }
  return [
    "default-src 'self'", "script-src 'self'", "worker-src 'self' blob:", "child-src 'self' blob:", "style-src 'self'",
    `img-src 'self' data: blob:${tileOrigin}`, `connect-src 'self'${tileOrigin}`, "font-src 'self' data:", "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

export function buildApp({ store, webRoot = null, logger = false, tiles = null, maxExports = 4 }: AppOptions): FastifyInstance {
  const app = Fastify({ logger, routerOptions: { maxParamLength: 500 } });
  const csp = contentSecurityPolicy(tiles);
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('content-security-policy', csp).header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer');
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error instanceof ApiError ? error.status : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    void reply.status(status).type('application/json').send({ error: errorLabel(status), message: status >= 500 ? 'the server could not answer this request' : error.message, status });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not found', message: `no route for ${request.method} ${request.url.split('?')[0]}`, status: 404 });
  });

  app.get('/api/openapi.json', async () => openApiDocument());
  app.get('/api/config', async () => ({ tiles }));

  let exports = 0;
  app.get('/api/events', async (request, reply) => {
    const q = parse(eventsQuerySchema, request.query, 'query');
    const query = toEventQuery(q);
    if (q.format !== 'json') {
      // Downloads carry the whole selection, not one page: streamed from the database as the client
      // reads, a few at a time.
      if (exports >= maxExports) {
        void reply.header('retry-after', '5');
        throw new ApiError(429, `${exports} downloads are being sent; try again in a few seconds`);
      }
      exports++;
      let released = false;
      const release = () => { if (!released) { released = true; exports--; } };
      reply.raw.once('close', release);
      try {
        return sendExport(reply, q.format, store.streamEvents({ ...query, limit: undefined, offset: undefined }));
      } catch (e) {
        release();
        throw e;
      }
    }
    const { total, events } = await store.queryEvents(query);
    return { total, limit: q.limit, offset: q.offset, events: events.map(listRecord) };
  });

  app.get('/api/events/:id', async (request) => {
    const { id } = parse(z.object({ id: z.string().regex(/^evt_[0-9a-f]{1,64}$/, 'an event id (evt_…)') }), request.params, 'path');
    const event = await store.event(id);
    if (!event) throw new ApiError(404, `${id}: no such event`);
    return { record: toContractRecord(event.record), disagreements: event.disagreements };
  });

  app.get('/api/documents/:id', async (request) => {
    const { id } = parse(z.object({ id: z.string().min(1).max(400) }), request.params, 'path');
    const doc = await store.document(id);
    if (!doc) throw new ApiError(404, `${id}: no such document`);
    const mentions = await store.documentMentions(doc.id);
    return {
      id: doc.id, name: doc.info.name, version: doc.version, url: doc.info.url, outlet: doc.info.outlet, language: doc.info.language,
      published: doc.info.published.iso, published_precision: doc.info.published.precision, text: doc.text, zones: doc.zones,
      events: mentions.map((m) => ({ event: m.eventId, sub_event_type: m.record.sub_event_type, notes: m.record.notes, evidence: m.record.sources[0]?.evidence ?? [] })),
    };
  });

  app.get('/api/stats', async (request) => {
    const q = parse(eventsQuerySchema.omit({ limit: true, offset: true, format: true }), request.query, 'query');
    return store.eventStats(toEventQuery(q));
  });

  if (webRoot && existsSync(webRoot)) {
    void app.register(fastifyStatic, { root: webRoot, index: 'index.html', wildcard: false });
  }
  return app;
}

/** Text written to the response in pieces of about this size. */
const CHUNK_CHARS = 64 * 1024;

function sendExport(reply: FastifyReply, format: ExportFormat, events: AsyncGenerator<EventRecord>): FastifyReply {
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : format === 'geojson' ? 'application/geo+json' : 'application/x-ndjson';
  void reply.header('content-disposition', `attachment; filename="vigie-events.${format}"`).type(type);
  // Read only as fast as the client takes it (Readable.from waits for the socket to drain); a client
  // that goes away ends the read and releases its database connection (the generator is returned).
  const pieces = (async function* () {
    let buffer = '';
    try {
      for await (const chunk of exportChunks(format, events)) {
        buffer += chunk;
        if (buffer.length >= CHUNK_CHARS) { yield buffer; buffer = ''; }
      }
      if (buffer) yield buffer;
    } finally {
      await events.return(undefined);
    }
  })();
  return reply.send(Readable.from(pieces, { objectMode: false }));
}

/**
 * An event in a list page: the record with each source named (document, outlet, publication date)
 * but not its evidence, citations or reading, which an event told by a hundred reports multiplies;
 * the full record is at /api/events/{id} and in the downloads.
 */
export function listRecord(e: EventRecord): ListRecord {
  return { ...toContractRecord({ ...e, sources: [] }), sources: e.sources.map((s) => ({ document: s.document, outlet: s.outlet, published: s.published })) };
}

export type ListRecord = Omit<EventRecord, 'sources'> & { readonly sources: readonly Pick<EventRecord['sources'][number], 'document' | 'outlet' | 'published'>[] };
