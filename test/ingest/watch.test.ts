// vigie watch over a test server on 127.0.0.1: polls that ingest only what is new, a failing source
// retried with backoff while the others go on, sources files, and a watch killed with SIGTERM in the
// middle of a batch then restarted: no document lost, none stored twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { parseDuration, readSourcesFile, watch, type SourceReport } from '../../src/ingest/watch.ts';
import { ARTICLES, FEED_ITEMS } from '../helpers/articles.ts';
import { articlePage, feedItemOf, rssFeed } from '../helpers/pages.ts';
import { page, serve, withValidators } from '../helpers/server.ts';

const VIGIE = new URL('../../bin/vigie.js', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'vigie-watch-'));

test('three polls: the first stores everything, an unchanged feed is asked conditionally and stores nothing, a new item is stored; a failing source is retried later and later while the others go on', async () => {
  const s = await serve({ '/down.xml': (_req, res) => { res.writeHead(503).end(); } });
  const feed = (n: number) => rssFeed(FEED_ITEMS.slice(0, n).map((i) => feedItemOf(i.text, `/items/${i.slug}`, i.published)), { link: s.url('/') });
  s.routes['/feed.xml'] = withValidators(feed(1), 'application/rss+xml', '"v1"');
  s.routes['/page.html'] = page(articlePage(ARTICLES[0]!.text, { lang: 'fr' }));
  const store = await openStore(join(tmp(), 'watch.db'));
  const reports: SourceReport[] = [];
  try {
    const summary = await watch(store, [s.url('/feed.xml'), s.url('/down.xml'), s.url('/page.html')], {
      everyMs: 300, polls: 4, fetch: { allowPrivate: true, hostDelayMs: 0 },
      onReport: (r) => {
        reports.push(r);
        // After the second poll, the feed gains an item.
        if (r.poll === 2 && r.source === s.url('/page.html')) s.routes['/feed.xml'] = withValidators(feed(2), 'application/rss+xml', '"v2"');
      },
    });
    assert.equal(summary.polls, 4);
    const of = (source: string) => reports.filter((r) => r.source === s.url(source)).map((r) => `${r.status}:${r.stored}`);
    assert.deepEqual(of('/feed.xml'), ['ok:1', 'unchanged:0', 'ok:1', 'unchanged:0']);
    assert.deepEqual(of('/page.html'), ['ok:1', 'unchanged:0', 'unchanged:0', 'unchanged:0']);
    const down = reports.filter((r) => r.source === s.url('/down.xml'));
    assert.equal(down[0]!.status, 'failed');
    assert.deepEqual(down[0]!.failures, [{ input: s.url('/down.xml'), reason: 'HTTP 503 Service Unavailable' }]);
    assert.ok(down.some((r) => r.status === 'waiting'), `backoff: ${down.map((r) => r.status)}`);
    assert.ok(down.filter((r) => r.status === 'failed').length < 4, 'not asked at every poll');
    const feedAsks = s.requests.filter((r) => r.path === '/feed.xml');
    assert.equal(feedAsks[1]!.headers['if-none-match'], '"v1"');
    assert.equal((await store.counts()).documents, 3);
  } finally {
    await store.close();
    await s.close();
  }
});

test('sources files: text (URL, language, outlet), JSON and YAML; paths read from the file\'s folder; a bad line named', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'sources.txt'), '# my feeds\nhttps://guetteur.example/depeches.rss fr Le Guetteur\nhttps://nightwatch.example/feed.atom\n\nweb   en\n');
  assert.deepEqual(await readSourcesFile(join(dir, 'sources.txt')), [
    { input: 'https://guetteur.example/depeches.rss', language: 'fr', outlet: 'Le Guetteur' },
    { input: 'https://nightwatch.example/feed.atom' },
    { input: join(dir, 'web'), language: 'en' },
  ]);
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(['https://a.example/feed', { url: 'https://b.example/rss', language: 'fr', outlet: 'B' }]));
  assert.deepEqual(await readSourcesFile(join(dir, 'sources.json')), [{ input: 'https://a.example/feed' }, { input: 'https://b.example/rss', language: 'fr', outlet: 'B' }]);
  writeFileSync(join(dir, 'sources.yaml'), '# feeds\n- https://a.example/feed\n- url: https://b.example/rss\n  language: fr\n  outlet: "Le B"\n');
  assert.deepEqual(await readSourcesFile(join(dir, 'sources.yaml')), [{ input: 'https://a.example/feed' }, { input: 'https://b.example/rss', language: 'fr', outlet: 'Le B' }]);
  writeFileSync(join(dir, 'bad.yaml'), '- url: https://a.example/\nlanguage fr\n');
  await assert.rejects(readSourcesFile(join(dir, 'bad.yaml')), new RegExp(`^Error: ${join(dir, 'bad.yaml').replace(/[./]/g, '\\$&')}:2: expected`));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ url: 'https://a.example/', language: 'French' }]));
  await assert.rejects(readSourcesFile(join(dir, 'bad.json')), /source 1: language must be a code such as fr or en/);
  assert.equal(parseDuration('15m'), 900_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.throws(() => parseDuration('15'), /expected a duration such as 15m/);
});

/** Runs vigie watch until it exits; `onStart` may signal it. */
function runWatch(args: string[], onStart?: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [VIGIE, 'watch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr, stdout }));
    onStart?.(child);
  });
}

test('vigie watch killed with SIGTERM in the middle of a batch, then restarted: every document stored once, none lost', async () => {
  const ITEMS = 8;
  const slugs = Array.from({ length: ITEMS }, (_, i) => `item-${i + 1}`);
  const s = await serve({});
  s.routes['/feed.xml'] = page(rssFeed(slugs.map((slug, i) => feedItemOf(ARTICLES[i % ARTICLES.length]!.text.replace(/^[^\n]+/, (t) => `${t} (${i + 1})`), `/items/${slug}`, 'Mon, 26 Feb 2024 08:00:00 +0000')), { link: s.url('/') }), 'application/rss+xml');
  let served = 0;
  let child: ReturnType<typeof spawn> | null = null;
  slugs.forEach((slug, i) => {
    // Each item's page is slow to come; the watch is told to stop while the fourth is being read.
    s.routes[`/items/${slug}`] = (_req, res) => {
      served++;
      if (served === 4) child?.kill('SIGTERM');
      const text = ARTICLES[i % ARTICLES.length]!.text.replace(/^[^\n]+/, (t) => `${t} (${i + 1})`);
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(text, { lang: ARTICLES[i % ARTICLES.length]!.lang })), 150);
    };
  });
  const db = join(tmp(), 'watch.db');
  const args = [s.url('/feed.xml'), '--db', db, '--every', '1s', '--polls', '3', '--follow-links', '--allow-private', '--delay', '0'];
  try {
    const killed = await runWatch(args, (c) => { child = c; });
    assert.equal(killed.code, 0, killed.stderr);
    assert.match(killed.stderr, /SIGTERM: stopping once the current batch is stored/);
    const afterKill = await openStore(db);
    const committed = (await afterKill.documents()).map((d) => d.info.name);
    await afterKill.close();
    assert.ok(committed.length >= 3 && committed.length < ITEMS, `documents committed before the stop: ${committed.length}`);

    const restarted = await runWatch([...args, '--json']);
    assert.equal(restarted.code, 0, restarted.stderr);
    const reports = restarted.stdout.trim().split('\n').map((l) => JSON.parse(l) as SourceReport);
    assert.deepEqual(reports.map((r) => [r.poll, r.status]), [[1, 'ok'], [2, 'unchanged'], [3, 'unchanged']]);
    // The restart stores only what the stop left out; what was committed is skipped, not stored again.
    assert.equal(reports[0]!.stored, ITEMS - committed.length);

    const store = await openStore(db);
    try {
      const docs = await store.documents();
      assert.deepEqual(docs.map((d) => d.info.name).sort(), slugs.map((slug) => s.url(`/items/${slug}`)).sort());
      assert.ok(docs.every((d) => d.version === 1), 'no document stored twice');
      for (const name of committed) assert.ok(docs.some((d) => d.info.name === name), `${name} lost`);
      assert.ok(await store.lastFetch(s.url('/feed.xml')), 'the feed is recorded as read once all of it is stored');
    } finally {
      await store.close();
    }
  } finally {
    await s.close();
  }
});
