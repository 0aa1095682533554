// The smaller defects of issue 27 as regression rows: control characters of document names reaching
// the terminal, LIKE wildcards in a document's name, 404s labelled 'bad request', the page's security
// headers and a CSP under which the app and its map still work (in Debian's Chromium).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp, contentSecurityPolicy } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { WEB_ROOT } from '../../src/cli/serve.ts';
import { terminalLine } from '../../src/cli/terminal.ts';
import { sampleDatabase } from '../helpers/sample-db.ts';
import { tmp, vigie } from './helpers.ts';
import { writeJsonl } from './corpus.ts';

const EVIL = 'evil\u001b]0;owned\u0007\u001b[2J\r\nvigie: all good\u009b31m';
const ARTICLE = "Le 3 mars 2024, une roquette est tombée sur la base d'Aïn al-Assad, selon des sources locales.";

test('document names with ESC, BEL, CR/LF or C1 controls are printed escaped by every command', async () => {
  const dir = tmp();
  const file = join(dir, 'evil.jsonl');
  writeJsonl(file, [{ document: EVIL, text: ARTICLE }]);
  const empty = join(dir, 'bad\u001b[2J\r\n.txt');
  writeFileSync(empty, '');
  const db = join(dir, 'v.db');
  const ingest = vigie(['ingest', file, empty, '--db', db, '-w', '0']);
  assert.equal(ingest.code, 1); // the empty one
  const explain = vigie(['explain', EVIL, '--db', db]);
  assert.equal(explain.code, 0, explain.stderr);
  const events = vigie(['events', '--db', db]);
  const id = /evt_[0-9a-f]+/.exec(vigie(['export', '--db', db]).stdout)?.[0];
  assert.ok(id);
  const show = vigie(['show', id, '--db', db]);
  for (const [what, out] of [['ingest', ingest.stderr], ['explain', explain.stdout], ['events', events.stdout], ['show', show.stdout]] as const) {
    assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, `${what} printed a control character`);
  }
  assert.match(explain.stdout, /^# evil\\e\]0;owned\\x07\\e\[2J\\r\\nvigie: all good\\x9b31m \(version 1\)/);
  assert.match(show.stdout, /evil\\e\]0;owned/);
  assert.match(ingest.stderr, /vigie: .*bad\\e\[2J\\r\\n\.txt: empty file/);
  assert.equal(terminalLine('tab\there'), 'tab\\there');
});

test('the API: a name with LIKE wildcards matches itself only, and 404s say not found', async () => {
  const store = await openStore(await sampleDatabase({ '100%_sure.txt': ARTICLE }), { readonly: true });
  const app = buildApp({ store });
  try {
    for (const name of ['%25', '_', '%25%25', '0%25', '%5C']) {
      const r = await app.inject({ url: `/api/documents/${name}` });
      assert.equal(r.statusCode, 404, `${name}: ${r.body.slice(0, 80)}`);
      assert.deepEqual({ ...(r.json() as object), message: undefined }, { error: 'not found', message: undefined, status: 404 });
    }
    const exact = await app.inject({ url: `/api/documents/${encodeURIComponent('100%_sure.txt')}` });
    assert.equal(exact.statusCode, 200);
    assert.equal(exact.json().name, '100%_sure.txt');
    const event = await app.inject({ url: '/api/events/evt_0123456789abcdef0123' });
    assert.equal(event.statusCode, 404);
    assert.equal(event.json().error, 'not found');
    const bad = await app.inject({ url: '/api/events/nope' });
    assert.deepEqual([bad.statusCode, bad.json().error], [400, 'bad request']);
  } finally {
    await app.close();
    await store.close();
  }
});

test('every answer carries a Content-Security-Policy, nosniff and DENY framing; --tiles adds its origin', async () => {
  const store = await openStore(await sampleDatabase(), { readonly: true });
  const app = buildApp({ store, webRoot: WEB_ROOT });
  try {
    for (const url of ['/', '/api/events', '/api/nothing']) {
      const r = await app.inject({ url });
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/, url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
    }
  } finally {
    await app.close();
    await store.close();
  }
  assert.match(contentSecurityPolicy('https://tile.example.org/{z}/{x}/{y}.png'), /img-src 'self' data: blob: https:\/\/tile\.example\.org; connect-src 'self' https:\/\/tile\.example\.org/);
});

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

test('the app and its map work under the CSP: no violation reported, the events drawn', { skip: !existsSync(CHROMIUM) || !existsSync(WEB_ROOT) ? 'needs Chromium and the built app' : false }, async () => {
  const store = await openStore(await sampleDatabase(), { readonly: true });
  const app = buildApp({ store, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`)));
    const response = await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
    assert.ok(response?.headers()['content-security-policy']);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('#map[data-province-lines]', { timeout: 30_000 });
    const located = (await store.queryEvents({ limit: 1000 })).events.filter((e) => e.location?.lat != null).length;
    assert.equal(await page.getAttribute('#map', 'data-events-on-map'), String(located));
    assert.ok(await page.evaluate(() => Boolean((window as any).__vigieMap?.getLayer('events'))));
    // An event's panel: its fields, sources and the articles with their evidence marked.
    await page.locator('#events tbody tr').first().click();
    await page.waitForSelector('#panel mark', { timeout: 30_000 });
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
});
