// Fetching pages and feeds from a real HTTP server on 127.0.0.1: conditional requests, failures that
// name their URL while the other sources go on, private addresses refused (also after a redirect),
// robots.txt, politeness, --follow-links. Nothing touches the internet.
import { withTempStore } from '../helpers/store.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest, type IngestOptions } from '../../src/ingest/ingest.ts';
import { isPublicAddress, type FetchOptions } from '../../src/ingest/http.ts';
import { ARTICLES, FEED_ITEMS } from '../helpers/articles.ts';
import { articlePage, feedItemOf, rssFeed, windows1252 } from '../helpers/pages.ts';
import { page, serve, withValidators, type Served } from '../helpers/server.ts';

const run = promisify(execFile);
const VIGIE = new URL('../../bin/vigie.js', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'vigie-urls-'));

/** The test server is on this machine: it is reached with allowPrivate, quickly and without pauses. */
const LOCAL: FetchOptions = { allowPrivate: true, hostDelayMs: 0, timeoutMs: 2000 };

const withStore = withTempStore;

const ingestUrls = (store: Store, urls: string[], fetch: FetchOptions = LOCAL, extra: IngestOptions = {}) => ingest(store, urls, { ...extra, read: { fetch, ...extra.read } });

const feedXml = (s: Served, n = FEED_ITEMS.length) => rssFeed(FEED_ITEMS.slice(0, n).map((i) => feedItemOf(i.text, `/items/${i.slug}`, i.published)), { link: s.url('/') });

test('pages and feeds by URL; the second poll of unchanged sources asks conditionally and ingests nothing', async () => {
  const s = await serve({});
  s.routes['/feed.xml'] = withValidators(feedXml(s), 'application/rss+xml', '"feed-v1"');
  s.routes['/a.html'] = withValidators(articlePage(ARTICLES[0]!.text, { lang: 'fr', published: ARTICLES[0]!.published }), 'text/html; charset=utf-8', '"a-v1"');
  // No validators: the same bytes tell that nothing changed.
  s.routes['/b.html'] = page(articlePage(ARTICLES[1]!.text, { lang: 'en', furniture: 'en' }));
  // Compressed, as most servers answer.
  s.routes['/c.html'] = (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(articlePage(ARTICLES[2]!.text, { lang: 'fr' }))); };
  try {
    await withStore(async (store) => {
      const urls = [s.url('/feed.xml'), s.url('/a.html'), s.url('/b.html'), s.url('/c.html')];
      const first = await ingestUrls(store, urls);
      assert.deepEqual([first.read, first.stored, first.failed, first.unchanged], [5, 5, 0, 0], JSON.stringify(first.failures));
      const item = (await store.document(s.url(`/items/${FEED_ITEMS[0]!.slug}`)))!;
      assert.equal(item.info.outlet, 'Le Guetteur – Dépêches');
      const a = (await store.document(s.url('/a.html')))!;
      assert.deepEqual([a.info.published.iso, a.info.published.rule, a.info.metadata?.source], ['2024-02-12', 'docdate.metadata', s.url('/a.html')]);
      assert.ok((await store.lastFetch(s.url('/feed.xml')))?.etag === '"feed-v1"');
      const ua = s.requests.find((r) => r.path === '/a.html')!.headers['user-agent'];
      assert.match(String(ua), /^vigie\/0\.1\.0 \(/);

      const before = s.requests.length;
      const second = await ingestUrls(store, urls);
      assert.deepEqual([second.read, second.stored, second.unchanged, second.failed], [0, 0, 4, 0]);
      const asked = s.requests.slice(before).filter((r) => r.path !== '/robots.txt');
      assert.equal(asked.find((r) => r.path === '/feed.xml')!.headers['if-none-match'], '"feed-v1"');
      assert.equal(asked.find((r) => r.path === '/a.html')!.headers['if-modified-since'], 'Wed, 21 Feb 2024 10:00:00 GMT');
      assert.equal((await store.counts()).documents, 5);

      // The feed is rebuilt (other bytes, a new validator) with the same items: read, and nothing stored twice.
      s.routes['/feed.xml'] = withValidators(`${feedXml(s)}<!-- rebuilt -->\n`, 'application/rss+xml', '"feed-v2"');
      const third = await ingestUrls(store, [s.url('/feed.xml')]);
      assert.deepEqual([third.read, third.stored, third.skipped], [2, 0, 2]);
    });
  } finally {
    await s.close();
  }
});

test('a redirect loop, a 30 MB page, a slow server, a 500, a malformed feed and a PDF served as a page each fail with their URL named; the other sources are stored', async () => {
  let sent30 = 0;
  const s = await serve({
    '/loop-a': (_req, res) => { res.writeHead(302, { location: '/loop-b' }).end(); },
    '/loop-b': (_req, res) => { res.writeHead(301, { location: '/loop-a' }).end(); },
    '/huge.html': (_req, res) => {
      // Streamed without a length: the limit is met while the bytes arrive.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 0x61);
      let n = 0;
      const more = () => {
        while (n < 30) {
          n++;
          sent30 += chunk.length;
          if (!res.write(chunk)) { res.once('drain', more); return; }
        }
        res.end();
      };
      res.on('error', () => undefined);
      more();
    },
    '/slow.html': (_req, res) => { const t = setTimeout(() => res.end('<html><body><p>late</p></body></html>'), 10_000); res.on('close', () => clearTimeout(t)); },
    '/error.html': (_req, res) => { res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'); },
    '/bad.xml': page('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></channel>', 'application/rss+xml'),
    '/report.html': page(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1'), 'text/html'),
    '/paper.pdf': page(Buffer.from('%PDF-1.4\n', 'latin1'), 'application/pdf'),
    '/good.html': page(articlePage(ARTICLES[1]!.text, { lang: 'en', furniture: 'en' })),
  });
  try {
    await withStore(async (store) => {
      const names = ['/loop-a', '/huge.html', '/slow.html', '/error.html', '/bad.xml', '/report.html', '/paper.pdf', '/good.html'];
      const started = Date.now();
      const summary = await ingestUrls(store, names.map((n) => s.url(n)), { ...LOCAL, timeoutMs: 1500 });
      assert.ok(Date.now() - started < 8000, 'the slow server is given up at the timeout');
      assert.equal(summary.stored, 1);
      const reasons = Object.fromEntries(summary.failures.map((f) => [f.input, f.reason]));
      assert.deepEqual(Object.keys(reasons).sort(), names.filter((n) => n !== '/good.html').map((n) => s.url(n)).sort());
      assert.match(reasons[s.url('/loop-a')]!, /^redirect loop \(back to http:\/\/127\.0\.0\.1:\d+\/loop-a\)$/);
      assert.equal(reasons[s.url('/huge.html')], 'too large (over 10 MB; the download was stopped there)');
      assert.ok(sent30 < 30 * (1 << 20), 'the 30 MB page was not downloaded whole');
      assert.equal(reasons[s.url('/slow.html')], 'timed out after 1.5 s');
      assert.equal(reasons[s.url('/error.html')], 'HTTP 500 Internal Server Error');
      assert.match(reasons[s.url('/bad.xml')]!, /^malformed feed: Expected closing tag 'item'/);
      assert.equal(reasons[s.url('/report.html')], 'not a web page or a feed: a PDF document (text/html)');
      assert.equal(reasons[s.url('/paper.pdf')], 'not a web page or a feed: a PDF document (application/pdf)');
      // Failed URLs are not recorded as read: they are tried in full next time.
      assert.equal(await store.lastFetch(s.url('/error.html')), null);
    });
  } finally {
    await s.close();
  }
});

test('private addresses are refused unless allowed: 127.0.0.1, [::1], the metadata address, and a redirect from a public host to a private one; other schemes too', async () => {
  const s = await serve({ '/page.html': page(articlePage(ARTICLES[1]!.text, { lang: 'en' })) });
  // news.test stands for a public site: it resolves to the test server, and is taken as public, so
  // that the hop it redirects to is the one refused.
  s.routes['/to-private'] = (_req, res) => { res.writeHead(302, { location: s.url('/page.html') }).end(); };
  s.routes['/to-file'] = (_req, res) => { res.writeHead(302, { location: 'file:///etc/passwd' }).end(); };
  const publicTestHost: FetchOptions = {
    hostDelayMs: 0,
    timeoutMs: 2000,
    lookup: async (host) => (host === 'news.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
    addressAllowed: (address, host) => host === 'news.test' || isPublicAddress(address),
  };
  try {
    await withStore(async (store) => {
      const direct = await ingestUrls(store, [s.url('/page.html'), `http://[::1]:${s.port}/page.html`, 'http://169.254.169.254/latest/meta-data/'], { hostDelayMs: 0 });
      assert.equal(direct.stored, 0);
      assert.match(direct.failures[0]!.reason, /^refused: 127\.0\.0\.1 is not a public address; give --allow-private/);
      assert.match(direct.failures[1]!.reason, /^refused: ::1 is not a public address/);
      assert.match(direct.failures[2]!.reason, /^refused: 169\.254\.169\.254 is not a public address/);
      assert.equal(s.requests.length, 0, 'no request reached the server');

      const hop = await ingestUrls(store, [`http://news.test:${s.port}/to-private`, `http://news.test:${s.port}/to-file`], publicTestHost);
      assert.equal(hop.stored, 0);
      assert.equal(hop.failures[0]!.input, `http://news.test:${s.port}/to-private`);
      assert.match(hop.failures[0]!.reason, new RegExp(`^refused: 127\\.0\\.0\\.1 is not a public address \\(redirected to ${s.url('/page.html').replace(/[./]/g, '\\$&')}\\)`));
      assert.match(hop.failures[1]!.reason, /^redirected to file:\/\/\/etc\/passwd: the file: scheme is refused/);
      assert.deepEqual(s.requests.map((r) => r.path).filter((p) => p !== '/robots.txt'), ['/to-private', '/to-file'], 'the private hop was never requested');

      // A host name that resolves to a private address is refused by the address it resolves to.
      const named = await ingestUrls(store, [`http://intranet.test:${s.port}/page.html`], { ...publicTestHost, lookup: async () => [{ address: '10.0.0.7', family: 4 }], addressAllowed: isPublicAddress });
      assert.match(named.failures[0]!.reason, /^refused: intranet\.test resolves to 10\.0\.0\.7, not a public address/);

      const allowed = await ingestUrls(store, [s.url('/page.html')]);
      assert.equal(allowed.stored, 1);
    });
    for (const [address, pub] of [['8.8.8.8', true], ['2a00:1450:4007::1', true], ['10.1.2.3', false], ['172.16.0.1', false], ['192.168.1.1', false], ['127.0.0.1', false], ['169.254.169.254', false], ['100.100.100.200', false], ['::1', false], ['fe80::1', false], ['fd00:ec2::254', false], ['::ffff:127.0.0.1', false], ['0.0.0.0', false]] as const) {
      assert.equal(isPublicAddress(address), pub, address);
    }
    const items = [];
    for await (const i of (await import('../../src/ingest/sources.ts')).readSources(['file:///etc/passwd', 'ftp://example.org/x'])) items.push(i);
    assert.deepEqual(items.map((i) => (i.kind === 'error' ? i.reason : i.kind)), [
      'the file: scheme is refused: vigie reads files, folders, - (stdin) and http(s) URLs',
      'the ftp: scheme is refused: vigie reads files, folders, - (stdin) and http(s) URLs',
    ]);
  } finally {
    await s.close();
  }
});

test("robots.txt is honoured, one host is asked one request at a time with a pause between two, and --follow-links reads each item's page", async () => {
  const s = await serve({
    '/robots.txt': page('User-agent: *\nDisallow: /private/\n', 'text/plain'),
    '/private/a.html': page(articlePage(ARTICLES[0]!.text)),
  });
  // Item pages without a date of their own: the feed's date is taken, and said to be the feed's.
  for (const i of FEED_ITEMS) s.routes[`/items/${i.slug}`] = page(articlePage(i.text, { lang: i.lang, furniture: i.lang }));
  s.routes['/feed.xml'] = page(feedXml(s), 'application/rss+xml');
  try {
    await withStore(async (store) => {
      const robots = await ingestUrls(store, [s.url('/private/a.html')]);
      assert.match(robots.failures[0]!.reason, /^refused by the site's robots\.txt/);
      assert.ok(!s.requests.some((r) => r.path === '/private/a.html'));

      const before = s.requests.length;
      const followed = await ingestUrls(store, [s.url('/feed.xml')], { ...LOCAL, hostDelayMs: 250 }, { read: { followLinks: true } });
      assert.deepEqual([followed.stored, followed.failed], [2, 0], JSON.stringify(followed.failures));
      const times = s.requests.slice(before).map((r) => r.at);
      for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 240, `requests ${i - 1} and ${i} were ${times[i]! - times[i - 1]!} ms apart`);
      const d = (await store.document(s.url(`/items/${FEED_ITEMS[0]!.slug}`)))!;
      assert.equal(d.info.metadata?.format, 'html', 'the page was read, not the item');
      assert.ok(d.zones.some((z) => z.kind === 'navigation'));
      assert.deepEqual([d.info.published.iso, d.info.metadata?.published?.foundBy], ['2024-02-22', 'feed rss pubDate']);
      // The item pages are recorded too: the next poll asks for them conditionally.
      assert.ok(await store.lastFetch(s.url(`/items/${FEED_ITEMS[1]!.slug}`)));
    });
  } finally {
    await s.close();
  }
});

test('vigie ingest URL: refused without --allow-private, stored with it; the summary names the failures', async () => {
  const s = await serve({ '/a.html': page(articlePage(ARTICLES[1]!.text, { lang: 'en' })), '/gone.html': (_req, res) => { res.writeHead(410).end(); } });
  const db = join(tmp(), 'cli.db');
  try {
    const refused = await run(process.execPath, [VIGIE, 'ingest', s.url('/a.html'), '--db', db, '-w', '0']).then(() => null, (e: { code: number; stderr: string }) => e);
    assert.equal(refused?.code, 1);
    assert.match(refused!.stderr, new RegExp(`vigie: ${s.url('/a.html').replace(/[./]/g, '\\$&')}: refused: 127\\.0\\.0\\.1 is not a public address; give --allow-private`));
    const mixed = await run(process.execPath, [VIGIE, 'ingest', s.url('/a.html'), s.url('/gone.html'), '--allow-private', '--delay', '0', '--db', db, '-w', '0']).then(() => null, (e: { code: number; stderr: string }) => e);
    assert.equal(mixed?.code, 1);
    assert.match(mixed!.stderr, /gone\.html: HTTP 410 Gone/);
    assert.match(mixed!.stderr, /read 1 documents: 1 stored/);
    const again = await run(process.execPath, [VIGIE, 'ingest', s.url('/a.html'), '--allow-private', '--delay', '0', '--db', db, '-w', '0']);
    assert.match(again.stderr, /read 0 documents: 0 stored.*1 URLs unchanged since last read/);
  } finally {
    await s.close();
  }
});

test("the HTTP header's charset beats the page's own declaration", async () => {
  const text = ARTICLES[2]!.text;
  // Served in windows-1252 while the page (wrongly) says UTF-8: the header is what a browser believes.
  const s = await serve({ '/old.html': page(windows1252(articlePage(text, { lang: 'fr', charset: 'utf-8' })), 'text/html; charset=windows-1252') });
  try {
    await withStore(async (store) => {
      assert.equal((await ingestUrls(store, [s.url('/old.html')])).stored, 1);
      const d = (await store.document(s.url('/old.html')))!;
      assert.deepEqual(d.info.metadata?.charset, { value: 'windows-1252', foundBy: 'HTTP Content-Type header' });
      assert.ok(d.text.includes("Explosion d'un engin piégé près de Kirkouk") && d.text.includes('Vue d’un convoi'));
    });
  } finally {
    await s.close();
  }
});
