// The OpenAPI 3.1 description of the REST API, served at /api/openapi.json.
import { SUB_EVENT_TYPES } from '../extract/taxonomy.ts';

const filters = [
  { name: 'from', in: 'query', description: 'first day (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', description: 'last day (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  { name: 'type', in: 'query', description: 'ACLED sub-event types, comma-separated', schema: { type: 'string' }, example: 'Air/drone strike' },
  { name: 'event_type', in: 'query', description: 'ACLED event types, comma-separated', schema: { type: 'string' } },
  { name: 'actor', in: 'query', description: 'actor1 or actor2, canonical name', schema: { type: 'string' } },
  { name: 'country', in: 'query', description: 'ISO 3166-1 alpha-2 code', schema: { type: 'string', pattern: '^[A-Za-z]{2}$' } },
  { name: 'claim', in: 'query', schema: { type: 'string', enum: ['claimed', 'reported', 'confirmed', 'denied'] } },
  { name: 'bbox', in: 'query', description: 'west,south,east,north in degrees', schema: { type: 'string' } },
  { name: 'q', in: 'query', description: 'words searched in notes and evidence', schema: { type: 'string', maxLength: 200 } },
];

const error = { description: 'invalid input or unknown resource', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'vigie API', version: '0.1.0', description: 'Events of armed conflict extracted from news reports, with provenance. Read-only.' },
    paths: {
      '/api/events': {
        get: {
          summary: 'Events matching the filters, a page at a time, or the whole selection as a download',
          parameters: [
            ...filters,
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'format', in: 'query', description: 'json: a page; geojson, csv, jsonl: the whole selection, as `vigie export` writes it', schema: { type: 'string', enum: ['json', 'geojson', 'csv', 'jsonl'], default: 'json' } },
          ],
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
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^evt_[0-9a-f]+$' } }],
          responses: { 200: { description: 'the event', content: { 'application/json': { schema: { type: 'object', properties: { record: { $ref: '#/components/schemas/Event' }, disagreements: { type: 'array', items: { type: 'object' } } } } } } }, 400: error, 404: error },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'A stored document: its raw text, its zones, and the evidence spans of each event it told',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'numeric id or document name', schema: { type: 'string' } }],
          responses: { 200: { description: 'the document', content: { 'application/json': { schema: { type: 'object' } } } }, 404: error },
        },
      },
      '/api/stats': {
        get: {
          summary: 'Counts of the matching events per day, sub-event type and country',
          parameters: filters,
          responses: { 200: { description: 'counts', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' }, perDay: { type: 'array' }, perType: { type: 'array' }, perCountry: { type: 'array' } } } } } }, 400: error },
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
