import type { EventRecord } from '../types.ts';
import { csvLines } from './csv.ts';
import { geojsonChunks } from './geojson.ts';
import { jsonlLines } from './jsonl.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The chunks of an export, as the events come (read from the database a few at a time). */
export function exportChunks(format: ExportFormat, events: Iterable<EventRecord> | AsyncIterable<EventRecord>): AsyncGenerator<string> {
  switch (format) {
    case 'jsonl': return jsonlLines(events);
    case 'csv': return csvLines(events);
    case 'geojson': return geojsonChunks(events);
  }
}
