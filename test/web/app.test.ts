// The web app in a real headless Chromium (Debian's, driven by playwright-core), against the real
// server on a loopback port, over the sample corpus plus a hostile document. Screenshots of the main
// views are written to test/output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { WEB_ROOT } from '../../src/cli/serve.ts';
import { sampleDatabase } from '../helpers/sample-db.ts';

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../output', import.meta.url));
const HOSTILE = 'Titre\n\nLe 3 mars 2024, une roquette est tombée sur la base d’Aïn al-Assad <script>window.__xss = 1</script> <img src=x onerror="window.__xss = 2"> selon des sources locales.\n';

let app: FastifyInstance;
let store: Store;
let browser: Browser;
let base: string;

before(async () => {
  assert.ok(existsSync(WEB_ROOT), `the web app is built (npm run build:web): ${WEB_ROOT}`);
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`);
  mkdirSync(OUTPUT, { recursive: true });
  store = await openStore(await sampleDatabase({ 'hostile.txt': HOSTILE }), { readonly: true });
  app = buildApp({ store, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

async function open(path = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => { throw new Error(`a dialog opened: ${d.message()}`); });
  await page.goto(`${base}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return page;
}

test('the app loads the sample corpus and the map shows every located event', async () => {
  const page = await open();
  const total = (await store.queryEvents({})).total;
  const located = (await store.queryEvents({ limit: 100_000 })).events.filter((e) => e.location?.lat != null).length;
  assert.equal(await page.getAttribute('#count', 'data-total'), String(total));
  assert.equal(await page.getAttribute('#map', 'data-events-on-map'), String(located));
  assert.equal(await page.locator('#events tbody tr').count(), total);
  // The map drew: its canvas has a size and the events layer exists.
  assert.ok(await page.evaluate(() => Boolean((window as any).__vigieMap?.getLayer('events'))));
  // The offline basemap has the provinces of every country, not only the countries' borders.
  await page.waitForSelector('#map[data-province-lines]', { timeout: 30_000 });
  assert.ok(Number(await page.getAttribute('#map', 'data-province-lines')) > 150);
  assert.ok(await page.evaluate(() => Boolean((window as any).__vigieMap?.getLayer('provinces'))));
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUTPUT}/app.png` });
  await page.close();
});

test('a filter narrows the map and the list, and lands in the URL', async () => {
  const page = await open();
  await page.selectOption('select[name="type"]', 'Shelling/artillery/missile attack');
  const expected = (await store.queryEvents({ subEventTypes: ['Shelling/artillery/missile attack'] })).total;
  await page.waitForFunction((n) => document.querySelector('#count')?.getAttribute('data-total') === String(n), expected);
  assert.ok(expected > 0 && expected < (await store.queryEvents({})).total);
  assert.equal(await page.locator('#events tbody tr').count(), expected);
  assert.match(page.url(), /type=Shelling%2Fartillery%2Fmissile\+attack/);
  // The URL alone restores the view.
  const shared = await open(`?${new URL(page.url()).searchParams}`);
  assert.equal(await shared.getAttribute('#count', 'data-total'), String(expected));
  await page.screenshot({ path: `${OUTPUT}/filtered.png` });
  await page.close();
  await shared.close();
});

test('the event panel shows the article with the evidence highlighted and boilerplate greyed', async () => {
  const page = await open();
  const first = (await store.queryEvents({ limit: 1 })).events[0]!;
  await page.click(`#events tbody tr[data-id="${first.id}"]`);
  await page.waitForSelector('#panel mark');
  const marks = await page.locator('#panel mark').allTextContents();
  const evidence = first.sources.flatMap((s) => s.evidence.map((v) => v.text));
  for (const text of evidence) assert.ok(marks.join('').includes(text.slice(0, 40)), `highlighted: ${text.slice(0, 40)}`);
  assert.ok(await page.locator('#panel .article .muted').count() > 0, 'captions and page furniture are greyed');
  await page.screenshot({ path: `${OUTPUT}/event-panel.png` });
  await page.close();
});

test('article text is shown as text: a <script> and an <img onerror> in a document execute nothing', async () => {
  const page = await open();
  const hostile = (await store.queryEvents({ limit: 100_000 })).events.find((e) => e.sources.some((s) => s.document === 'hostile.txt'));
  assert.ok(hostile, 'the hostile document produced an event');
  await page.click(`#events tbody tr[data-id="${hostile.id}"]`);
  await page.waitForSelector('#panel mark');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as any).__xss), undefined);
  assert.equal(await page.locator('#panel img, #panel script').count(), 0);
  assert.match(await page.locator('#panel .article').first().textContent() ?? '', /<script>window.__xss = 1<\/script>/);
  await page.close();
});
