// The analyst's desk (issue 26) in a real headless Chromium (Debian's, driven by playwright-core),
// against the real server on a loopback port, over the sample corpus plus a report from Kenya (far
// from the others, with an outlet and a URL) and one dated by its month only. Each defect of the issue
// has a test here; axe-core checks the main view and the event panel; the screenshots in docs/ are
// taken here.
import { launchChromium, listenLocal } from '../helpers/browser.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import type { EventRecord } from '../../src/types.ts';
import { WEB_ROOT } from '../../src/cli/serve.ts';
import { sampleDatabase } from '../helpers/sample-db.ts';

const require = createRequire(import.meta.url);
const DOCS = fileURLToPath(new URL('../../docs', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');
const KENYA = JSON.stringify({
  document: 'standard-mandera.txt', outlet: 'The Standard', url: 'https://www.example.org/news/mandera-police-post', published: '2023-12-05',
  text: 'Al-Shabaab attack on police post in Mandera\n\nNairobi, 5 December 2023 — Al-Shabaab militants attacked a police post in Mandera, Kenya, on Monday, killing two police officers, local officials said.\n',
});
const MONTH_ONLY = 'Rebels shell army positions\n\nIn November 2023, rebels shelled army positions near Goma, in the Democratic Republic of the Congo, the army said.\n';

let app: FastifyInstance;
let store: Store;
let browser: Browser;
let base: string;

before(async () => {
  assert.ok(existsSync(WEB_ROOT), `the web app is built (npm run build:web): ${WEB_ROOT}`);
  mkdirSync(DOCS, { recursive: true });
  store = await openStore(await sampleDatabase({ 'kenya.jsonl': `${KENYA}\n`, 'goma.txt': MONTH_ONLY }), { readonly: true });
  app = buildApp({ store, webRoot: WEB_ROOT });
  base = await listenLocal(app);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
});

interface Opened { page: Page; errors: string[] }

async function open(path = '', viewport = { width: 1400, height: 900 }, options: { bypassCSP?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { throw new Error(`a dialog opened: ${d.message()}`); });
  await page.goto(`${base}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

async function close({ page, errors }: Opened): Promise<void> {
  await page.context().close();
  assert.deepEqual(errors, [], 'no error in the page');
}

const total = async () => (await store.queryEvents({})).total;
const events = async () => (await store.queryEvents({ limit: 100_000 })).events;
const countIs = (page: Page, n: number) => page.waitForFunction((n) => document.querySelector('#count')?.getAttribute('data-total') === String(n), n);
/** The map has stopped moving and drawn everything it has. */
const mapSettled = (page: Page) => page.waitForFunction(() => {
  const map = (window as any).__vigieMap;
  return map && !map.isMoving() && map.loaded() && map.areTilesLoaded();
});
/** The points of these events that are inside the map's canvas. */
const onScreen = (page: Page, points: [number, number][]) => page.evaluate((points) => {
  const map = (window as any).__vigieMap;
  const { clientWidth: w, clientHeight: h } = map.getCanvas();
  return points.filter((p) => { const xy = map.project(p); return xy.x >= 0 && xy.y >= 0 && xy.x <= w && xy.y <= h; }).length;
}, points);

test('reset clears every filter (it threw "KF.reset is not a function")', async () => {
  const o = await open('?type=Armed+clash&claim=reported');
  const { page } = o;
  assert.notEqual(await page.getAttribute('#count', 'data-total'), String((await total())));
  await page.getByRole('button', { name: 'reset', exact: true }).click();
  await countIs(page, (await total()));
  assert.equal(await page.inputValue('select[name="type"]'), '');
  assert.equal(await page.inputValue('select[name="claim"]'), '');
  assert.equal(new URL(page.url()).searchParams.get('type'), null);
  await close(o);
});

test('the map fits the selection: a filter to one far country leaves its points on screen', async () => {
  const kenya = (await events()).filter((e) => e.location?.country_code === 'KE' && e.location.lat != null);
  assert.ok(kenya.length > 0, 'the Kenyan report gave located events');
  const points = kenya.map((e) => [e.location!.lon!, e.location!.lat!] as [number, number]);
  // From the URL…
  const o = await open('?country=KE');
  await mapSettled(o.page);
  assert.equal(await onScreen(o.page, points), points.length);
  // …and from the form.
  const p = await open();
  await p.page.selectOption('select[name="country"]', 'KE');
  await countIs(p.page, kenya.length);
  await p.page.waitForFunction((n) => (window as any).__vigieMap && document.querySelector('#map')?.getAttribute('data-events-on-map') === String(n), points.length);
  await mapSettled(p.page);
  assert.equal(await onScreen(p.page, points), points.length);
  await close(o);
  await close(p);
});

test('opening an event flies the map to it', async () => {
  const o = await open('?map=4/33/42');
  const { page } = o;
  const far = (await events()).find((e) => e.location?.country_code === 'KE' && e.location.lat != null)!;
  const point: [number, number] = [far.location!.lon!, far.location!.lat!];
  assert.equal(await onScreen(page, [point]), 0, 'off screen at first');
  await page.click(`#events tbody tr[data-id="${far.id}"]`);
  await page.waitForSelector(`#panel[data-ready="${far.id}"]`);
  await page.waitForFunction((p) => { const m = (window as any).__vigieMap; const c = m.getCenter(); return !m.isMoving() && Math.abs(c.lng - p[0]) < 0.5 && Math.abs(c.lat - p[1]) < 0.5; }, point);
  assert.equal(await onScreen(page, [point]), 1);
  await close(o);
});

test('clusters show their counts', async () => {
  const o = await open('?map=4/33/42');
  await mapSettled(o.page);
  await o.page.waitForFunction(() => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['cluster-count'] }).length > 0);
  const clusters = await o.page.evaluate(() => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['cluster-count'] })
    .map((f: any) => ({ count: f.properties.point_count, text: f.properties.point_count_abbreviated })));
  for (const c of clusters) assert.equal(String(c.text), String(c.count));
  assert.ok(clusters.every((c: { count: number }) => c.count >= 2));
  await close(o);
});

test('the map asks the server for what it shows (GET /api/map with its view and zoom), never for the whole selection; a cell opens into its events', async () => {
  const o = await open('?map=4/33/42');
  const { page } = o;
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  await mapSettled(page);
  await page.waitForFunction(() => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['clusters'] }).length > 0);
  // A click on a cell: the map goes into its events' box, and asks for that view.
  const [x, y, count] = await page.evaluate(() => {
    const map = (window as any).__vigieMap;
    const f = map.queryRenderedFeatures({ layers: ['clusters'] }).sort((a: any, b: any) => b.properties.point_count - a.properties.point_count)[0];
    const p = map.project(f.geometry.coordinates);
    const box = map.getCanvas().getBoundingClientRect();
    return [box.left + p.x, box.top + p.y, f.properties.point_count];
  });
  const zoom = await page.evaluate(() => (window as any).__vigieMap.getZoom());
  // Hovering it says how many events, of which types.
  await page.mouse.move(x, y);
  await page.waitForSelector('.maplibregl-popup');
  assert.match(await page.locator('.maplibregl-popup').textContent() ?? '', new RegExp(`^${count} events here\\d+ × `));
  await page.mouse.click(x, y);
  await page.waitForFunction((z) => { const m = (window as any).__vigieMap; return !m.isMoving() && m.getZoom() > z; }, zoom);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/api\/map\?.*zoom=([5-9]|1\d)/.test(e.name)));
  await mapSettled(page);
  assert.ok(count >= 2);
  const maps = asked.filter((u) => u.includes('/api/map?'));
  assert.ok(maps.length >= 1, 'the map asked for its view');
  for (const u of maps) assert.match(new URL(u).searchParams.get('view') ?? '', /^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/);
  assert.ok(!asked.some((u) => u.includes('format=geojson')), 'no download of the selection');
  await close(o);
});

test('the offline basemap names countries and towns', async () => {
  const o = await open('?map=5/33.3/44.4');
  await o.page.waitForSelector('#map[data-labels]');
  await mapSettled(o.page);
  // (No named function inside: the page runs this as it is, without the test's compiler helpers.)
  await o.page.waitForFunction(() => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['country-labels'] }).some((f: any) => f.properties.name === 'Iraq')
    && (window as any).__vigieMap.queryRenderedFeatures({ layers: ['towns-major'] }).some((f: any) => f.properties.name === 'Baghdad'));
  await close(o);
});

test('a place known only to its district or province has a ring of that size around it', async () => {
  const rough = (await events()).find((e) => (e.location?.geo_precision ?? 1) >= 2 && e.location?.lat != null)!;
  const exact = (await events()).filter((e) => e.location?.geo_precision === 1 && e.location.lat != null).length;
  assert.ok(rough && exact > 0);
  const o = await open(`?map=9/${rough.location!.lat}/${rough.location!.lon}`);
  await mapSettled(o.page);
  await o.page.waitForFunction((id) => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['precision'] }).some((f: any) => f.properties.id === id), rough.id);
  const precisions = await o.page.evaluate(() => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['precision'] })
    .map((f: any) => f.properties.geo_precision));
  assert.ok(precisions.every((p: number) => p >= 2), 'no ring around a place known to the site');
  await close(o);
});

test('hovering a point shows a popup with the event', async () => {
  // Zoomed in past the clusters, on the events at Ain al-Asad.
  const o = await open('?map=11/33.7856/42.4412');
  const { page } = o;
  await mapSettled(page);
  await page.waitForFunction(() => (window as any).__vigieMap.queryRenderedFeatures({ layers: ['events'] }).length > 0);
  const [x, y, type] = await page.evaluate(() => {
    const map = (window as any).__vigieMap;
    const f = map.queryRenderedFeatures({ layers: ['events'] })[0];
    const p = map.project(f.geometry.coordinates);
    const box = map.getCanvas().getBoundingClientRect();
    return [box.left + p.x, box.top + p.y, f.properties.sub_event_type];
  });
  await page.mouse.move(x, y);
  await page.waitForSelector('.maplibregl-popup');
  assert.match(await page.locator('.maplibregl-popup').textContent() ?? '', new RegExp(type.replace(/[/]/g, '\\/')));
  await close(o);
});

test('a phone (390 px): the event is a full-screen sheet, readable', async () => {
  const o = await open('', { width: 390, height: 844 });
  const { page } = o;
  await mapSettled(page);
  await page.screenshot({ path: `${DOCS}/screenshot-phone-list.png` });
  const first = (await events()).find((e) => e.sources.length > 1)!;
  await page.click(`#events tbody tr[data-id="${first.id}"]`);
  await page.waitForSelector(`#panel[data-ready="${first.id}"]`);
  const box = (await page.locator('#panel').boundingBox())!;
  assert.ok(box.x <= 0.5 && box.width >= 389 && box.height >= 840, `full screen: ${JSON.stringify(box)}`);
  // Nothing wider than the screen: values wrap instead of being cut off.
  const overflow = await page.evaluate(() => document.querySelector('#panel')!.scrollWidth - document.querySelector('#panel')!.clientWidth);
  assert.ok(overflow <= 0, `the sheet scrolls sideways by ${overflow} px`);
  await page.screenshot({ path: `${DOCS}/screenshot-phone.png` });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#panel', { state: 'hidden' });
  await close(o);
});

test('keyboard only: from the list to an event\'s evidence and back, with visible focus', async () => {
  const o = await open();
  const { page } = o;
  // Tab until a row of the list has the focus (every control on the way is reachable).
  let focused = '';
  for (let i = 0; i < 80 && focused !== 'row'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => (document.activeElement?.matches('#events tbody tr') ? 'row' : document.activeElement?.tagName ?? ''));
  }
  assert.equal(focused, 'row', 'a row of the list takes the focus');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused row is outlined');
  const id = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id!);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#panel[data-ready="${id}"]`);
  assert.ok(await page.evaluate(() => document.querySelector('#panel')!.contains(document.activeElement)), 'the focus moves into the panel');
  // The evidence is reachable: tab to the first quote of a field's evidence, or to the article.
  let inEvidence = false;
  for (let i = 0; i < 40 && !inEvidence; i++) {
    await page.keyboard.press('Tab');
    inEvidence = await page.evaluate(() => Boolean(document.activeElement?.matches('.field-evidence .quote, .article')));
  }
  assert.ok(inEvidence, 'the evidence takes the focus');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#panel', { state: 'hidden' });
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id), id, 'the focus is back on the row');
  assert.equal(new URL(page.url()).searchParams.get('event'), null);
  // Legend items are buttons: the keyboard filters by type.
  await page.focus('#legend button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#legend button[aria-pressed="true"]'));
  await close(o);
});

test('the actor and place filters suggest the database\'s names and match in any case, with or without accents', async () => {
  const o = await open();
  const { page } = o;
  const options = await page.locator('#actors option').evaluateAll((os) => os.map((x) => (x as HTMLOptionElement).value));
  const actors = new Set((await events()).flatMap((e) => [e.actor1, e.actor2]).filter(Boolean));
  assert.deepEqual(new Set(options), actors);
  const iri = (await events()).filter((e) => e.actor1 === 'Islamic Resistance in Iraq' || e.actor2 === 'Islamic Resistance in Iraq').length;
  for (const typed of ['Islamic Resistance', 'islamic résistance in iraq']) {
    await page.fill('input[name="actor"]', typed);
    await page.press('input[name="actor"]', 'Enter');
    await countIs(page, iri);
    await page.fill('input[name="actor"]', '');
    await page.press('input[name="actor"]', 'Enter');
    await countIs(page, (await total()));
  }
  // The place filter likewise.
  const places = await page.locator('#places option').evaluateAll((os) => os.map((x) => (x as HTMLOptionElement).value));
  assert.ok(places.includes('Ain al-Asad Air Base'));
  const ain = (await events()).filter((e) => e.location?.name === 'Ain al-Asad Air Base').length;
  await page.fill('input[name="place"]', 'aïn al-asad');
  await page.press('input[name="place"]', 'Enter');
  await countIs(page, ain);
  await close(o);
});

test('the event panel: readable disagreements, sources by outlet and title, each source\'s values, every field\'s evidence', async () => {
  let disputed: EventRecord | undefined;
  for (const e of await events()) {
    if (e.sources.length > 1 && (await store.event(e.id))!.disagreements.some((d) => d.field === 'date')) { disputed = e; break; }
  }
  assert.ok(disputed, 'an event whose sources disagree on its date');
  const o = await open(`?event=${disputed.id}`);
  const { page } = o;
  await page.waitForSelector(`#panel[data-ready="${disputed.id}"]`);
  const text = await page.locator('.disagreements').textContent() ?? '';
  // The event's value first; source 004 dates it by its month only, and says so.
  assert.match(text, /date: 3 Dec 2023 \(Press TV \(French\)\) vs Dec 2023 \(source 004\)/);
  assert.doesNotMatch(text, /[{}"]/, 'no raw JSON');
  // Sources: outlet and title, published date; no hashed file name as the label.
  const headings = await page.locator('.source-title').allTextContents();
  assert.ok(headings.some((h) => /^Press TV \(French\) — \S/.test(h)), headings.join(' | '));
  assert.ok(headings.every((h) => !/^\d{3}_[0-9a-f]{16}\.txt/.test(h)));
  assert.match(await page.locator('.source-meta').first().textContent() ?? '', /published \d{1,2} \w{3} 2023/);
  // Each source's own values side by side with the event's, the differing ones marked.
  const columns = await page.locator('.per-source thead th').allTextContents();
  assert.equal(columns.length, 2 + disputed.sources.length);
  assert.ok(await page.locator('.per-source td.differs').count() > 0);
  // Every field's evidence: the place's words, quoted and highlighted in the article.
  const place = page.locator('.source').first().locator('.field-evidence dt', { hasText: 'place' });
  assert.ok(await place.count() > 0);
  assert.ok(await page.locator('.article mark.field[data-fields~="location"]').count() > 0);
  await mapSettled(page);
  await page.screenshot({ path: `${DOCS}/screenshot-event.png` });
  await close(o);
});

test('a month-only date is shown as a month', async () => {
  const month = (await events()).find((e) => e.date_precision === 'month')!;
  assert.ok(month);
  const o = await open();
  const { page } = o;
  const [y, m] = month.date!.split('-');
  const short = new Date(`${y}-${m}-15T00:00:00Z`).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  assert.equal(await page.locator(`#events tbody tr[data-id="${month.id}"] td`).first().textContent(), `${short} ${y}`);
  await page.click(`#events tbody tr[data-id="${month.id}"]`);
  await page.waitForSelector(`#panel[data-ready="${month.id}"]`);
  const long = new Date(`${y}-${m}-15T00:00:00Z`).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  assert.match(await page.locator('#panel dd').nth(1).textContent() ?? '', new RegExp(`^${long} ${y} \\(the text gives the month only\\)$`));
  await close(o);
});

test('a source with a known URL links to the original article', async () => {
  const kenya = (await events()).find((e) => e.sources.some((s) => s.document === 'standard-mandera.txt'))!;
  const o = await open(`?event=${kenya.id}`);
  const { page } = o;
  await page.waitForSelector(`#panel[data-ready="${kenya.id}"]`);
  const link = page.locator('.source-meta a');
  assert.equal(await link.getAttribute('href'), 'https://www.example.org/news/mandera-police-post');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await page.locator('.source-title').first().textContent() ?? '', /^The Standard — Al-Shabaab attack on police post in Mandera/);
  await close(o);
});

test('the open event, the filters and the map view are in the URL, and the URL restores them', async () => {
  const o = await open('?type=Air%2Fdrone+strike');
  const { page } = o;
  const strike = (await events()).find((e) => e.sub_event_type === 'Air/drone strike' && e.location?.lat != null)!;
  await page.click(`#events tbody tr[data-id="${strike.id}"]`);
  await page.waitForSelector(`#panel[data-ready="${strike.id}"]`);
  await mapSettled(page);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('map'));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('event'), strike.id);
  assert.equal(url.searchParams.get('type'), 'Air/drone strike');
  const view = url.searchParams.get('map')!.split('/').map(Number);
  const shared = await open(url.search);
  await shared.page.waitForSelector(`#panel[data-ready="${strike.id}"]`);
  assert.equal(await shared.page.inputValue('select[name="type"]'), 'Air/drone strike');
  const [zoom, lat, lon] = await shared.page.evaluate(() => { const m = (window as any).__vigieMap; return [m.getZoom(), m.getCenter().lat, m.getCenter().lng]; });
  assert.ok(Math.abs(zoom - view[0]!) < 0.05 && Math.abs(lat - view[1]!) < 0.01 && Math.abs(lon - view[2]!) < 0.01, `${[zoom, lat, lon]} vs ${view}`);
  await close(o);
  await close(shared);
});

test('an empty result says so, and offers to reset the filters', async () => {
  const o = await open('?q=zzqqxxnothing');
  const { page } = o;
  await countIs(page, 0);
  assert.ok(await page.isVisible('#empty'));
  assert.match(await page.locator('#empty').textContent() ?? '', /No event matches these filters/);
  assert.ok(!(await page.isVisible('#events')));
  await page.click('#empty-reset');
  await countIs(page, (await total()));
  assert.ok(!(await page.isVisible('#empty')));
  await close(o);
});

test('the timeline: a time axis with ticks, bars stacked by type, a brush for the mouse and the keyboard', async () => {
  const o = await open();
  const { page } = o;
  assert.ok(await page.locator('#timeline .axis.x .tick').count() >= 3, 'ticks on the time axis');
  const fills = new Set(await page.locator('#timeline .bars > g').evaluateAll((gs) => gs.map((g) => g.getAttribute('fill'))));
  assert.ok(fills.size >= 3, 'one colour per type');
  // Mouse: drag across the right half.
  const box = (await page.locator('#timeline .brush .overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from'));
  const from = new URL(page.url()).searchParams.get('from')!, to = new URL(page.url()).searchParams.get('to')!;
  const inRange = (await store.queryEvents({ from, to })).total;
  await countIs(page, inRange);
  assert.ok(inRange < (await total()));
  // Over more than 366 days the bars are weeks (bin auto), each seven days wide, told as weeks.
  const firstDated = (await events()).map((e) => e.date).filter(Boolean).sort()[0]!;
  const weekly = (await store.eventTimeline({}, { bin: 'auto' })).bin === 'week';
  const titles = await page.locator('#timeline .bars rect title').allTextContents();
  assert.ok(titles.length && titles.every((t) => t.startsWith('week of ') === weekly), titles[0]);
  // Keyboard: Escape selects every day again; → selects the chart's first day (the first dated event's,
  // or the Monday of its week when the bars are weeks); Shift+→ widens by a day.
  await page.focus('#timeline .brush');
  await page.keyboard.press('Escape');
  await countIs(page, (await total()));
  await page.keyboard.press('ArrowRight');
  const dayOfWeek = (new Date(`${firstDated}T00:00:00Z`).getUTCDay() + 6) % 7;
  const first = weekly ? new Date(Date.parse(`${firstDated}T00:00:00Z`) - dayOfWeek * 86_400_000).toISOString().slice(0, 10) : firstDated;
  await page.waitForFunction((d) => new URL(location.href).searchParams.get('from') === d && new URL(location.href).searchParams.get('to') === d, first);
  await countIs(page, (await store.queryEvents({ from: first, to: first })).total);
  assert.ok(await page.evaluate(() => document.activeElement?.matches('#timeline .brush')), 'the brush keeps the focus');
  await page.keyboard.press('Shift+ArrowRight');
  const next = new Date(Date.parse(`${first}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await page.waitForFunction((d) => new URL(location.href).searchParams.get('to') === d, next);
  await close(o);
});

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

test('accessibility (axe-core): no serious or critical violation on the main view and the event panel', async () => {
  const o = await open('', { width: 1400, height: 900 }, { bypassCSP: true });
  const { page } = o;
  await mapSettled(page);
  await page.screenshot({ path: `${DOCS}/screenshot.png` });
  assert.deepEqual(await axe(page), [], 'main view');
  const disputed = (await events()).find((e) => e.sources.length > 1)!;
  await page.click(`#events tbody tr[data-id="${disputed.id}"]`);
  await page.waitForSelector(`#panel[data-ready="${disputed.id}"]`);
  assert.deepEqual(await axe(page), [], 'event panel');
  await close(o);
});
