// GeoJSON: a FeatureCollection of points with the record as properties; events with no
// coordinates keep a null geometry (valid GeoJSON) rather than an invented point.
import type { EventRecord } from '../types.ts';
import { toContractRecord } from './jsonl.ts';

export function toFeature(e: EventRecord): object {
  const loc = e.location;
  const geometry = loc && loc.lat !== null && loc.lon !== null ? { type: 'Point', coordinates: [loc.lon, loc.lat] } : null;
  return { type: 'Feature', id: e.id, geometry, properties: toContractRecord(e) };
}

export async function* geojsonChunks(events: Iterable<EventRecord> | AsyncIterable<EventRecord>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const e of events) {
    yield `${first ? '' : ',\n'}${JSON.stringify(toFeature(e))}`;
    first = false;
  }
  yield '\n]}\n';
}
