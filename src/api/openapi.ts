// The OpenAPI 3.1 description of the REST API, served at /api/openapi.json.
import { z } from 'zod';
import { SUB_EVENT_TYPES } from '../extract/taxonomy.ts';
import { documentParamsSchema, eventParamsSchema, eventsQuerySchema, statsQuerySchema, suggestQuerySchema } from './schemas.ts';

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

const error = { description: 'invalid input or unknown resource', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

const names = (key: string) => ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: { type: 'object', required: ['name', 'count'], properties: { name: { type: 'string' }, count: { type: 'integer' } } } } } });

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'vigie API', version: '0.1.0', description: 'Events of armed conflict extracted from news reports, with provenance. Read-only.' },
    paths: {
      '/api/events': {
        get: {
          summary: 'Events matching the filters, a page at a time, or the whole selection as a download',
          parameters: parametersOf(eventsQuerySchema, 'query'),
          responses: {
            200: {
              description: 'a page of events (json) or a download',
              content: {
                'application/json': { schema: { type: 'object', required: ['total', 'limit', 'offset', 'events'], properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, events: { type: 'array', items: { $ref: '#/components/schemas/ListEvent' } } } } },
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
          responses: { 200: { description: 'counts', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' }, perDay: { type: 'array' }, perType: { type: 'array' }, perCountry: { type: 'array' } } } } } }, 400: error },
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
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/api/config': { get: { summary: 'Settings of the web app: an optional online tile URL', responses: { 200: { description: 'settings', content: { 'application/json': { schema: { type: 'object', properties: { tiles: { type: ['string', 'null'] } } } } } } } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error', 'message', 'status'], properties: { error: { type: 'string' }, message: { type: 'string' }, status: { type: 'integer' } } },
        Event: {
          type: 'object',
          description: 'The event record of shared/spec/event-record.md',
          required: ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes'],
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
          },
        },
        ListEvent: {
          type: 'object',
          description: 'An event in a list page: the record with each source named but without its evidence, citations or own reading (those are in /api/events/{id} and the downloads)',
          required: ['id', 'event_type', 'sub_event_type', 'date', 'date_precision', 'actor1', 'actor2', 'location', 'weapons', 'killed', 'wounded', 'claim', 'sources', 'notes'],
          properties: {
            id: { type: 'string' },
            sources: { type: 'array', items: { type: 'object', required: ['document', 'outlet', 'published'], properties: { document: { type: 'string' }, outlet: { type: ['string', 'null'] }, published: { type: ['string', 'null'] } } } },
          },
        },
      },
    },
  };
}
