// The REST API and the web app's files, on Fastify. Small handlers; every input goes through a
// zod schema and every error is JSON with a message and the right status. Read-only unless served
// with --write: then reviewers' routes, each behind a bearer token (src/review/), write reviews.
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { EventQuery, Store } from '../store/store.ts';
import { Readable } from 'node:stream';
import type { EventRecord } from '../types.ts';
import { exportChunks, type ExportFormat } from '../export/index.ts';
import { toContractRecord } from '../export/jsonl.ts';
import { openApiDocument } from './openapi.ts';
import { actionParamsSchema, correctBodySchema, documentParamsSchema, eventParamsSchema, eventsQuerySchema, mapQuerySchema, mergeBodySchema, splitBodySchema, statsQuerySchema, suggestQuerySchema, timelineQuerySchema, tokenBodySchema, tokenParamsSchema, verdictBodySchema, type EventsQuery } from './schemas.ts';
import type { FastifyRequest } from 'fastify';
import type { StoredToken, TokenRole } from '../store/store.ts';
import { authenticate, createToken } from '../review/tokens.ts';
import { history, review, ReviewError, undo, type ReviewRequest } from '../review/actions.ts';

export { eventsQuerySchema, type EventsQuery } from './schemas.ts';

export interface AppOptions {
  readonly store: Store;
  /** The built web app (web/dist); served at / when present. */
  readonly webRoot?: string | null;
  readonly logger?: boolean;
  /** An online raster tile URL template ({z}/{x}/{y}) drawn under the offline boundaries, when set. */
  readonly tiles?: string | null;
  /** Downloads of a whole selection sent at once; one more is answered 429 (default 4). */
  readonly maxExports?: number;
  /** The review routes (vigie serve --write): off by default; the store must be writable. */
  readonly write?: boolean;
}

export function toEventQuery(q: Partial<EventsQuery>): EventQuery {
  return {
    ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.type ? { subEventTypes: q.type } : {}),
    ...(q.event_type ? { eventTypes: q.event_type } : {}), ...(q.actor ? { actor: q.actor } : {}), ...(q.country ? { country: q.country } : {}),
    ...(q.claim ? { claim: q.claim } : {}), ...(q.bbox ? { bbox: q.bbox } : {}), ...(q.q ? { text: q.q } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}), ...(q.offset !== undefined ? { offset: q.offset } : {}),
    ...(q.review ? { review: q.review } : {}), ...(q.order === 'queue' ? { order: 'queue' as const } : {}),
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
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
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

export function buildApp({ store, webRoot = null, logger = false, tiles = null, maxExports = 4, write = false }: AppOptions): FastifyInstance {
  const app = Fastify({ logger, routerOptions: { maxParamLength: 500 } });
  const csp = contentSecurityPolicy(tiles);
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('content-security-policy', csp).header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer');
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error instanceof ApiError || error instanceof ReviewError ? error.status : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    void reply.status(status).type('application/json').send({ error: errorLabel(status), message: status >= 500 ? 'the server could not answer this request' : error.message, status });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not found', message: `no route for ${request.method} ${request.url.split('?')[0]}`, status: 404 });
  });

  app.get('/api/openapi.json', async () => openApiDocument());

  // Names of the database's actors and places, for the filters' suggestions; an actor filter is read
  // as the actor whose name it matches, in any case and with or without accents.
  const names = nameIndex(store);
  // A place filter is the box around the points of the place it names (the store filters by box),
  // within the box the query gives, if any.
  const withActor = async <Q extends { actor?: string | undefined; place?: string | undefined; bbox?: readonly [number, number, number, number] | undefined }>(q: Q): Promise<Q> => {
    let out = q.actor ? { ...q, actor: await names.actor(q.actor) } : q;
    if (q.place) {
      const box = await names.placeBox(q.place);
      out = { ...out, bbox: q.bbox ? intersect(box, q.bbox) : box };
    }
    return out;
  };
  app.get('/api/actors', async (request) => {
    const q = parse(suggestQuerySchema, request.query, 'query');
    return { actors: await names.suggest('actors', q.q ?? '', q.limit) };
  });
  app.get('/api/places', async (request) => {
    const q = parse(suggestQuerySchema, request.query, 'query');
    return { places: await names.suggest('places', q.q ?? '', q.limit) };
  });
  app.get('/api/config', async () => ({ tiles, write }));

  let exports = 0;
  app.get('/api/events', async (request, reply) => {
    const q = parse(eventsQuerySchema, request.query, 'query');
    const query = toEventQuery(await withActor(q));
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
    const { total, events, estimated } = await store.queryEvents(query);
    return { total, estimated, limit: q.limit, offset: q.offset, events: events.map(listRecord) };
  });

  app.get('/api/events/:id', async (request) => {
    const { id } = parse(eventParamsSchema, request.params, 'path');
    const event = await store.event(id);
    if (!event) throw new ApiError(404, `${id}: no such event`);
    const h = await history(store, id);
    return {
      record: toContractRecord(event.record), disagreements: event.disagreements,
      review: { ...toContractRecord(event.record).review, fields: Object.keys(h?.review?.fields ?? {}), new_since_review: h?.newSinceReview ?? [] },
    };
  });

  // An event's review history: every action with who, when, what it changed (before/after) and why.
  app.get('/api/events/:id/history', async (request) => {
    const { id } = parse(eventParamsSchema, request.params, 'path');
    const h = await history(store, id);
    if (!h) throw new ApiError(404, `${id}: no such event`);
    return {
      id: h.id, status: h.review?.status ?? 'unreviewed', fields: h.review?.fields ?? {}, new_since_review: h.newSinceReview,
      actions: h.actions.map((a) => ({ id: a.id, action: a.action, event: a.eventId, other: a.otherId, by: a.reviewer, at: a.at, note: a.note, before: a.before, after: a.after, undone: a.undone })),
    };
  });

  if (write) registerReviewRoutes(app, store);

  // Every field's evidence: per source of the event, the rule that set each field and the span of the
  // document's text it read it from (null when the rule read no span, e.g. a date from the context).
  app.get('/api/events/:id/evidence', async (request) => {
    const { id } = parse(eventParamsSchema, request.params, 'path');
    if (!(await store.event(id))) throw new ApiError(404, `${id}: no such event`);
    const sources = [];
    for (const { document, trace } of await store.eventTrace(id)) {
      const text = (await store.document(document))?.text ?? '';
      sources.push({ document, fields: fieldEvidence(trace, text) });
    }
    return { id, sources };
  });

  app.get('/api/documents/:id', async (request) => {
    const { id } = parse(documentParamsSchema, request.params, 'path');
    const doc = await store.document(id);
    if (!doc) throw new ApiError(404, `${id}: no such document`);
    const mentions = await store.documentMentions(doc.id);
    return {
      id: doc.id, name: doc.info.name, version: doc.version, url: doc.info.url, outlet: doc.info.outlet, language: doc.info.language,
      published: doc.info.published.iso, published_precision: doc.info.published.precision, text: doc.text, zones: doc.zones,
      // A web page's or feed item's metadata (with how each field was found) and the element each line of the text came from.
      metadata: doc.info.metadata ?? null,
      events: mentions.map((m) => ({ event: m.eventId, sub_event_type: m.record.sub_event_type, notes: m.record.notes, evidence: m.record.sources[0]?.evidence ?? [] })),
    };
  });

  app.get('/api/stats', async (request) => {
    const q = parse(statsQuerySchema, request.query, 'query');
    return store.eventStats(toEventQuery(await withActor(q)));
  });

  // The map of a selection: the database counts it per cell of a grid cut for the zoom, and gives the
  // events alone in their cell (all of them when few are in view) one by one. The map asks again as
  // it moves; the full records are in the downloads.
  app.get('/api/map', async (request) => {
    const q = parse(mapQuerySchema, request.query, 'query');
    const filtered = await withActor(q);
    const bbox = q.view ? (filtered.bbox ? withinBoth(filtered.bbox, q.view) : q.view) : filtered.bbox ? [...filtered.bbox] as [number, number, number, number] : undefined;
    const m = await store.eventMap(toEventQuery({ ...filtered, ...(bbox ? { bbox } : {}) }), { zoom: q.zoom, points: q.points });
    return {
      zoom: Math.floor(q.zoom), cell_degrees: m.cellDegrees, estimated: m.estimated, total: m.total, bounds: m.bounds,
      cells: m.cells, points: m.points,
    };
  });

  // Dated events per day (or week) and sub-event type: the timeline's bars.
  app.get('/api/timeline', async (request) => {
    const { bin: asked, ...q } = parse(timelineQuerySchema, request.query, 'query');
    const { counts: rows, estimated, bin } = await store.eventTimeline(toEventQuery(await withActor(q)), { bin: asked });
    const types = [...new Set(rows.map((r) => r.sub_event_type))].sort();
    const at = new Map(types.map((t, i) => [t, i]));
    const days: { day: string; counts: number[] }[] = [];
    for (const r of rows) {
      if (days[days.length - 1]?.day !== r.day) days.push({ day: r.day, counts: types.map(() => 0) });
      days[days.length - 1]!.counts[at.get(r.sub_event_type)!] = r.count;
    }
    return { estimated, bin, types, days };
  });

  if (webRoot && existsSync(webRoot)) {
    void app.register(fastifyStatic, { root: webRoot, index: 'index.html', wildcard: false });
  }
  return app;
}

/**
 * The review routes. Every one asks for a bearer token (401 without a live one); reviewers act on
 * events, admins also manage tokens and undo actions (403 to a reviewer).
 */
function registerReviewRoutes(app: FastifyInstance, store: Store): void {
  const who = async (request: FastifyRequest, role: TokenRole): Promise<StoredToken> => {
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = m ? await authenticate(store, m[1]!) : null;
    if (!token) throw new ApiError(401, m ? 'this token is unknown or revoked' : 'a token is required: Authorization: Bearer <token> (vigie token create)');
    if (role === 'admin' && token.role !== 'admin') throw new ApiError(403, `${token.name}: a reviewer's token; this route is an admin's`);
    return token;
  };
  const by = (t: StoredToken) => t.name;
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 401) void reply.header('www-authenticate', 'Bearer realm="vigie"');
    return payload;
  });
  const act = async (request: FastifyRequest, body: ReviewRequest) => {
    const t = await who(request, 'reviewer');
    const { id } = parse(eventParamsSchema, request.params, 'path');
    const out = await review(store, id, body, by(t));
    return { event: out.event, ...(out.split ? { split: out.split } : {}), action: out.action.id };
  };

  app.get('/api/me', async (request) => {
    const t = await who(request, 'reviewer');
    return { name: t.name, role: t.role };
  });
  app.post('/api/events/:id/review', async (request) => {
    await who(request, 'reviewer');
    return act(request, parse(verdictBodySchema, request.body, 'body'));
  });
  app.post('/api/events/:id/correct', async (request) => {
    await who(request, 'reviewer');
    const b = parse(correctBodySchema, request.body, 'body');
    return act(request, { action: 'correct', fields: b.fields, note: b.note });
  });
  app.post('/api/events/:id/merge', async (request) => {
    await who(request, 'reviewer');
    return act(request, { action: 'merge', ...parse(mergeBodySchema, request.body, 'body') });
  });
  app.post('/api/events/:id/split', async (request) => {
    await who(request, 'reviewer');
    return act(request, { action: 'split', ...parse(splitBodySchema, request.body, 'body') });
  });

  app.get('/api/tokens', async (request) => {
    await who(request, 'admin');
    return { tokens: (await store.tokens()).map((t) => ({ id: t.id, role: t.role, name: t.name, created_at: t.createdAt, revoked_at: t.revokedAt })) };
  });
  app.post('/api/tokens', async (request, reply) => {
    await who(request, 'admin');
    const b = parse(tokenBodySchema, request.body, 'body');
    const { token, stored } = await createToken(store, b.role, b.name);
    void reply.status(201);
    return { id: stored.id, role: stored.role, name: stored.name, token };
  });
  app.delete('/api/tokens/:id', async (request) => {
    await who(request, 'admin');
    const { id } = parse(tokenParamsSchema, request.params, 'path');
    if (!(await store.revokeToken(id, new Date().toISOString()))) throw new ApiError(404, `${id}: no such live token`);
    return { id, revoked: true };
  });
  app.post('/api/reviews/:id/undo', async (request) => {
    const t = await who(request, 'admin');
    const { id } = parse(actionParamsSchema, request.params, 'path');
    const out = await undo(store, id, by(t));
    return { event: out.event, action: out.action.id };
  });
}

/** The fields of a mention's trace with the text each read, in the order the trace gives them. */
function fieldEvidence(trace: unknown, text: string): { field: string; rule: string; start: number | null; end: number | null; text: string | null }[] {
  if (!Array.isArray(trace)) return [];
  return trace.flatMap((step: unknown) => {
    if (!step || typeof step !== 'object') return [];
    const { field, rule, span } = step as { field?: unknown; rule?: unknown; span?: { start?: unknown; end?: unknown } };
    if (typeof field !== 'string') return [];
    const start = typeof span?.start === 'number' ? span.start : null, end = typeof span?.end === 'number' ? span.end : null;
    const ok = start !== null && end !== null && start >= 0 && end <= text.length && start < end;
    return [{ field, rule: typeof rule === 'string' ? rule : '', start: ok ? start : null, end: ok ? end : null, text: ok ? text.slice(start, end) : null }];
  });
}

/** A box no point is in (north of the pole). */
const NOWHERE: [number, number, number, number] = [0, 91, 0, 91];

function intersect(a: readonly [number, number, number, number], b: readonly [number, number, number, number]): [number, number, number, number] {
  const box: [number, number, number, number] = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return box[0] <= box[2] && box[1] <= box[3] ? box : NOWHERE;
}

/**
 * The part of a filter's box a map's view shows. Where either crosses the antimeridian, the filter's
 * box as it is: the view only narrows what the map is sent, the filter decides what is selected.
 */
function withinBoth(filter: readonly [number, number, number, number], view: readonly [number, number, number, number]): [number, number, number, number] {
  return filter[0] <= filter[2] && view[0] <= view[2] ? intersect(filter, view) : [...filter];
}

interface NameCount { readonly name: string; readonly count: number }

/**
 * The actors and places of the stored events with how many events name each, read again when the
 * database's counts change (an ingest). Matching folds case and accents (src/text/fold.ts).
 */
function nameIndex(store: Store) {
  let key = '';
  let lists: { actors: (NameCount & { folded: string })[]; places: (NameCount & { folded: string })[]; boxes: Map<string, [number, number, number, number]> } = { actors: [], places: [], boxes: new Map() };
  const read = async () => {
    const counts = JSON.stringify(await store.counts());
    if (counts === key) return lists;
    const actors = new Map<string, number>(), places = new Map<string, number>(), boxes = new Map<string, [number, number, number, number]>();
    const add = (m: Map<string, number>, name: string | null | undefined) => { if (name) m.set(name, (m.get(name) ?? 0) + 1); };
    const events = store.streamEvents({});
    try {
      for await (const e of events) {
        add(actors, e.actor1);
        if (e.actor2 !== e.actor1) add(actors, e.actor2);
        add(places, e.location?.name);
        const l = e.location;
        if (l?.lat != null && l.lon != null) {
          const b = boxes.get(l.name);
          boxes.set(l.name, b ? [Math.min(b[0], l.lon), Math.min(b[1], l.lat), Math.max(b[2], l.lon), Math.max(b[3], l.lat)] : [l.lon, l.lat, l.lon, l.lat]);
        }
      }
    } finally {
      await events.return(undefined);
    }
    const sorted = (m: Map<string, number>) => [...m].map(([name, count]) => ({ name, count, folded: foldName(name) }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    key = counts;
    lists = { actors: sorted(actors), places: sorted(places), boxes };
    return lists;
  };
  /** Names containing the query, those where it starts a word first, then by how many events name them. */
  const matches = (list: (NameCount & { folded: string })[], query: string) => {
    const q = foldName(query);
    if (!q) return list;
    const rank = (n: { folded: string }) => (n.folded === q ? 0 : n.folded.startsWith(q) ? 1 : ` ${n.folded}`.includes(` ${q}`) ? 2 : n.folded.includes(q) ? 3 : 4);
    return list.filter((n) => rank(n) < 4).map((n, i) => ({ n, r: rank(n), i })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.n);
  };
  return {
    async suggest(kind: 'actors' | 'places', query: string, limit: number): Promise<NameCount[]> {
      return matches((await read())[kind], query).slice(0, limit).map(({ name, count }) => ({ name, count }));
    },
    /** The box around the points of the stored place a place filter means, [0, 91, 0, 91] (no point) when none matches. */
    async placeBox(query: string): Promise<[number, number, number, number]> {
      const lists = await read();
      const place = matches(lists.places, query)[0];
      const box = place ? lists.boxes.get(place.name) : undefined;
      if (!box) return NOWHERE;
      const pad = 0.0005;
      return [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
    },
    /** The stored actor name an actor filter means: the best match, or the filter as given when none matches. */
    async actor(query: string): Promise<string> {
      return matches((await read()).actors, query)[0]?.name ?? query;
    },
  };
}

/** Lower case, no accents, single spaces: "  Résistance  Islamique" → "resistance islamique". */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
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
