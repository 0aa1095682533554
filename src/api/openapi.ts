// The OpenAPI 3.1 description of the REST API, served at /api/openapi.json.
import { z } from 'zod';
import { SUB_EVENT_TYPES } from '../extract/taxonomy.ts';
import { actionParamsSchema, correctBodySchema, documentParamsSchema, eventParamsSchema, eventsQuerySchema, mapQuerySchema, mergeBodySchema, splitBodySchema, statsQuerySchema, suggestQuerySchema, timelineQuerySchema, tokenBodySchema, tokenParamsSchema, verdictBodySchema } from './schemas.ts';

/**
 * The parameters of a route, one per property of the zod object schema it validates with, as JSON
 * Schema (the input side: what a client sends).
 */
export function parametersOf(schema: z.ZodObject, where: 'query' | 'path'): object[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, examples, ...rest } = property as { description?: string; examples?: unknown[] };
    return {
      name, in: where, ...(where === 'path' || json.required?.includes(name) ? { required: true } : {}),
      ...(description ? { description } : {}), schema: rest, ...(examples?.length ? { example: examples[0] } : {}),
    };
  });
}

/** A JSON request body from the zod schema the route validates it with. */
export function bodyOf(schema: z.ZodType): object {
  return { required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } };
}

const errorOf = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
/** The answers every write route may give besides its own. */
const writeErrors = { 400: errorOf('invalid input'), 401: errorOf('no token, or one unknown or revoked'), 404: errorOf('no such event') };
const adminErrors = { ...writeErrors, 403: errorOf('a reviewer\'s token: the route is an admin\'s') };
const acted = {
  description: 'done: the event as it is now (and the event a split made), and the id of the recorded action',
  content: { 'application/json': { schema: { type: 'object', required: ['event', 'action'], properties: { event: { type: 'string' }, split: { type: 'string' }, action: { type: 'integer' } } } } },
};
const reviewerRoute = (summary: string, body: z.ZodType) => ({
  post: { summary, security: [{ bearer: [] }], parameters: parametersOf(eventParamsSchema, 'path'), requestBody: bodyOf(body), responses: { 200: acted, ...writeErrors, 409: errorOf('conflict') } },
});

const error = { description: 'invalid input or unknown resource', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

const names = (key: string) => ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: { type: 'object', required: ['name', 'count'], properties: { name: { type: 'string' }, count: { type: 'integer' } } } } } });

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'vigie API', version: '0.1.0', description: 'Events of armed conflict extracted from news reports, with provenance. Read-only, unless served with --write: then reviewers\' routes, behind bearer tokens.' },
    paths: {
      '/api/events': {
        get: {
          summary: 'Events matching the filters, a page at a time, or the whole selection as a download',
          parameters: parametersOf(eventsQuerySchema, 'query'),
          responses: {
            200: {
              description: 'a page of events (json) or a download',
              content: {
                'application/json': { schema: { type: 'object', required: ['total', 'estimated', 'limit', 'offset', 'events'], properties: { total: { type: 'integer' }, estimated: { type: 'boolean', description: 'true when total is the database\'s estimate (a word in more than 20,000 events, PostgreSQL)' }, limit: { type: 'integer' }, offset: { type: 'integer' }, events: { type: 'array', items: { $ref: '#/components/schemas/ListEvent' } } } } },
                'application/geo+json': { schema: { type: 'object' } },
                'text/csv': { schema: { type: 'string' } },
                'application/x-ndjson': { schema: { type: 'string' } },
              },
            },
            400: error,
            429: { description: 'too many downloads are being sent at once: try again (Retry-After)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with its sources and the fields its sources disagree on',
          parameters: parametersOf(eventParamsSchema, 'path'),
          responses: { 200: { description: 'the event', content: { 'application/json': { schema: { type: 'object', properties: { record: { $ref: '#/components/schemas/Event' }, disagreements: { type: 'array', items: { type: 'object' } } } } } } }, 400: error, 404: error },
        },
      },
      '/api/events/{id}/evidence': {
        get: {
          summary: 'Every field\'s evidence: per source of the event, the rule that set each field and the span of text it read (start, end, text; null when the rule read none)',
          parameters: parametersOf(eventParamsSchema, 'path'),
          responses: { 200: { description: 'the evidence', content: { 'application/json': { schema: { type: 'object', required: ['id', 'sources'], properties: { id: { type: 'string' }, sources: { type: 'array', items: { type: 'object', required: ['document', 'fields'], properties: { document: { type: 'string' }, fields: { type: 'array', items: { type: 'object', required: ['field', 'rule', 'start', 'end', 'text'], properties: { field: { type: 'string' }, rule: { type: 'string' }, start: { type: ['integer', 'null'] }, end: { type: ['integer', 'null'] }, text: { type: ['string', 'null'] } } } } } } } } } } } }, 400: error, 404: error },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'A stored document: its raw text, its zones, the evidence spans of each event it told, and for a web page or feed item its metadata (with how each field was found) and the element of the page each line of the text came from',
          parameters: parametersOf(documentParamsSchema, 'path'),
          responses: { 200: { description: 'the document', content: { 'application/json': { schema: { type: 'object' } } } }, 400: error, 404: error },
        },
      },
      '/api/stats': {
        get: {
          summary: 'Counts of the matching events per day, sub-event type and country',
          parameters: parametersOf(statsQuerySchema, 'query'),
          responses: { 200: { description: 'counts', content: { 'application/json': { schema: { type: 'object', properties: { estimated: { type: 'boolean', description: 'true when counted from a sample of the table, each count scaled to the whole: a word the database expects in more than 20,000 events (PostgreSQL)' }, total: { type: 'integer' }, perDay: { type: 'array' }, perType: { type: 'array' }, perCountry: { type: 'array' } } } } } }, 400: error },
        },
      },
      '/api/map': {
        get: {
          summary: 'The selection on a map at a zoom: counted by the database per cell of a grid cut for the zoom (about 64 px), with the events alone in their cell one by one (all of them when the selection in view holds at most `points`)',
          parameters: parametersOf(mapQuerySchema, 'query'),
          responses: {
            200: {
              description: 'cells and points; every located event of the selection in view is in one or the other',
              content: { 'application/json': { schema: {
                type: 'object', required: ['zoom', 'cell_degrees', 'estimated', 'total', 'bounds', 'cells', 'points'],
                properties: {
                  zoom: { type: 'integer' }, cell_degrees: { type: 'number' },
                  estimated: { type: 'boolean', description: 'counted from a sample (as /api/stats): every event is then in a cell' },
                  total: { type: 'integer', description: 'located events of the selection in view' },
                  bounds: { type: ['array', 'null'], items: { type: 'number' }, description: 'west,south,east,north of their points' },
                  cells: { type: 'array', items: { type: 'object', required: ['lat', 'lon', 'count', 'bounds', 'types'], properties: {
                    lat: { type: 'number' }, lon: { type: 'number' }, count: { type: 'integer' }, bounds: { type: 'array', items: { type: 'number' } },
                    types: { type: 'array', items: { type: 'object', required: ['sub_event_type', 'count'], properties: { sub_event_type: { type: 'string' }, count: { type: 'integer' } } } },
                  } } },
                  points: { type: 'array', items: { type: 'object', required: ['id', 'lat', 'lon', 'sub_event_type', 'date'], properties: {
                    id: { type: 'string' }, lat: { type: 'number' }, lon: { type: 'number' }, sub_event_type: { type: 'string' }, date: { type: ['string', 'null'] },
                    date_precision: { type: ['string', 'null'] }, place: { type: ['string', 'null'] }, country_code: { type: ['string', 'null'] }, geo_precision: { type: ['integer', 'null'] },
                    actor1: { type: ['string', 'null'] }, actor2: { type: ['string', 'null'] }, killed: { type: ['integer', 'null'] }, wounded: { type: ['integer', 'null'] }, sources: { type: 'integer' },
                  } } },
                },
              } } },
            },
            400: error,
          },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Dated events of the selection per day or ISO week and sub-event type (the timeline)',
          parameters: parametersOf(timelineQuerySchema, 'query'),
          responses: { 200: { description: 'per bin (a day, or a week named by its Monday: `day` is the bin\'s first day), a count per type (in the order of types)', content: { 'application/json': { schema: { type: 'object', required: ['estimated', 'bin', 'types', 'days'], properties: { estimated: { type: 'boolean' }, bin: { type: 'string', enum: ['day', 'week'], description: 'what each count is of' }, types: { type: 'array', items: { type: 'string' } }, days: { type: 'array', items: { type: 'object', required: ['day', 'counts'], properties: { day: { type: 'string', format: 'date' }, counts: { type: 'array', items: { type: 'integer' } } } } } } } } } }, 400: error },
        },
      },
      '/api/actors': {
        get: {
          summary: 'The actors of the stored events that match some letters, with how many events name each, most named first',
          parameters: parametersOf(suggestQuerySchema, 'query'),
          responses: { 200: { description: 'names', content: { 'application/json': { schema: names('actors') } } }, 400: error },
        },
      },
      '/api/places': {
        get: {
          summary: 'The places of the stored events that match some letters, with how many events each has, most first',
          parameters: parametersOf(suggestQuerySchema, 'query'),
          responses: { 200: { description: 'names', content: { 'application/json': { schema: names('places') } } }, 400: error },
        },
      },
      '/api/events/{id}/history': {
        get: {
          summary: 'An event\'s review: its status, the corrected fields, the sources new since review, and every review action (who, when, what, before/after, note)',
          parameters: parametersOf(eventParamsSchema, 'path'),
          responses: { 200: { description: 'the history', content: { 'application/json': { schema: { $ref: '#/components/schemas/History' } } } }, 400: error, 404: error },
        },
      },
      '/api/events/{id}/review': reviewerRoute('Accept or reject an event (vigie serve --write; a reviewer\'s or admin\'s token)', verdictBodySchema),
      '/api/events/{id}/correct': reviewerRoute('Correct fields of an event, with a note: later resolution never overwrites them', correctBodySchema),
      '/api/events/{id}/merge': reviewerRoute('Merge another event into this one: its sources join, its id leads here, and later ingests keep them together', mergeBodySchema),
      '/api/events/{id}/split': reviewerRoute('Split a source out of an event into an event of its own, kept apart by later ingests', splitBodySchema),
      '/api/me': { get: { summary: 'Who a token is', security: [{ bearer: [] }], responses: { 200: { description: 'the token\'s name and role', content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string', enum: ['reviewer', 'admin'] } } } } } }, 401: writeErrors[401] } } },
      '/api/tokens': {
        get: { summary: 'The tokens (never the tokens themselves): admin', security: [{ bearer: [] }], responses: { 200: { description: 'tokens', content: { 'application/json': { schema: { type: 'object', properties: { tokens: { type: 'array', items: { type: 'object' } } } } } } }, ...adminErrors } },
        post: { summary: 'Create a token, shown this once: admin', security: [{ bearer: [] }], requestBody: bodyOf(tokenBodySchema), responses: { 201: { description: 'the token', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, token: { type: 'string' } } } } } }, ...adminErrors } },
      },
      '/api/tokens/{id}': { delete: { summary: 'Revoke a token: admin', security: [{ bearer: [] }], parameters: parametersOf(tokenParamsSchema, 'path'), responses: { 200: { description: 'revoked' }, ...adminErrors } } },
      '/api/reviews/{id}/undo': { post: { summary: 'Undo a review action (the latest not undone of its event): admin', security: [{ bearer: [] }], parameters: parametersOf(actionParamsSchema, 'path'), responses: { 200: acted, ...adminErrors, 409: errorOf('undone already, or later actions on the event are not') } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/api/config': { get: { summary: 'Settings of the web app: an optional online tile URL', responses: { 200: { description: 'settings', content: { 'application/json': { schema: { type: 'object', properties: { tiles: { type: ['string', 'null'] } } } } } } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token of vigie token create; the write routes exist only under vigie serve --write' } },
      schemas: {
        History: {
          type: 'object', required: ['id', 'status', 'fields', 'new_since_review', 'actions'],
          properties: {
            id: { type: 'string' }, status: { type: 'string', enum: ['unreviewed', 'accepted', 'corrected', 'rejected'] }, fields: { type: 'object' },
            new_since_review: { type: 'array', items: { type: 'string' }, description: 'documents attached to the event since its last review' },
            actions: { type: 'array', items: { type: 'object', required: ['id', 'action', 'by', 'at'], properties: { id: { type: 'integer' }, action: { type: 'string', enum: ['accept', 'reject', 'correct', 'merge', 'split', 'undo'] }, event: { type: 'string' }, other: { type: ['string', 'null'] }, by: { type: 'string' }, at: { type: 'string' }, note: { type: ['string', 'null'] }, before: {}, after: {}, undone: { type: ['object', 'null'] } } } },
          },
        },
        Error: { type: 'object', required: ['error', 'message', 'status'], properties: { error: { type: 'string' }, message: { type: 'string' }, status: { type: 'integer' } } },
        Event: {
          type: 'object',
          description: 'The event record of shared/spec/event-record.md',
          required: ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes', 'review'],
          properties: {
            id: { type: 'string' },
            event_type: { type: 'string', enum: Object.keys(SUB_EVENT_TYPES) },
            sub_event_type: { type: 'string', enum: Object.values(SUB_EVENT_TYPES).flat() },
            date: { type: ['string', 'null'], format: 'date' },
            date_precision: { type: ['string', 'null'], enum: ['day', 'week', 'month', 'year', null] },
            actor1: { type: ['string', 'null'] },
            actor2: { type: ['string', 'null'] },
            location: { type: ['object', 'null'] },
            weapons: { type: 'array', items: { type: 'string' } },
            killed: { type: ['integer', 'null'] },
            wounded: { type: ['integer', 'null'] },
            claim: { type: 'object', properties: { status: { type: 'string' }, by: { type: ['string', 'null'] } } },
            sources: { type: 'array', items: { type: 'object' } },
            notes: { type: 'string' },
            review: { type: 'object', required: ['status', 'by', 'at'], properties: { status: { type: 'string', enum: ['unreviewed', 'accepted', 'corrected', 'rejected'] }, by: { type: ['string', 'null'] }, at: { type: ['string', 'null'], format: 'date-time' } } },
          },
        },
        ListEvent: {
          type: 'object',
          description: 'An event in a list page: the record with each source named but without its evidence, citations or own reading (those are in /api/events/{id} and the downloads)',
          required: ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes', 'review'],
          properties: {
            id: { type: 'string' },
            sources: { type: 'array', items: { type: 'object', required: ['document', 'outlet', 'published'], properties: { document: { type: 'string' }, outlet: { type: ['string', 'null'] }, published: { type: ['string', 'null'] } } } },
          },
        },
      },
    },
  };
}
