// Web pages and feeds read from files: the text, dates, outlets and zones they give, and the same
// events as the same articles given as text.
import { withTempStore } from '../helpers/store.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import type { Store, StoredDocument } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readSources, type SourceItem } from '../../src/ingest/sources.ts';
import { ARTICLES, FEED_ITEMS } from '../helpers/articles.ts';
import { articlePage, atomFeed, feedItemOf, rssFeed, windows1252 } from '../helpers/pages.ts';

const SEEDS = new URL('../../samples/seeds/', import.meta.url);
const tmp = () => mkdtempSync(join(tmpdir(), 'vigie-html-'));

const withStore = withTempStore;

/** What an event is, without what tells its documents apart (ids, names, offsets). */
async function eventFields(store: Store): Promise<string[]> {
  return (await store.events()).map((e) => JSON.stringify([e.event_type, e.sub_event_type, e.date, e.date_precision, e.actor1, e.actor2, e.location, e.weapons, e.killed, e.wounded, e.claim, e.sources.length])).sort();
}

async function collect(inputs: string[]): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readSources(inputs)) out.push(item);
  return out;
}

const kinds = (d: StoredDocument) => new Set(d.zones.map((z) => z.kind));

test('the five seed articles as web pages (menu, share bar, captions, teasers, related links, footer) give the same events as the text seeds', async () => {
  const dir = tmp();
  const names = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  assert.equal(names.length, 5);
  for (const f of names) writeFileSync(join(dir, f.replace(/\.txt$/, '.html')), articlePage(readFileSync(new URL(f, SEEDS), 'utf8')));
  const fromText = await withStore(async (store) => {
    const s = await ingest(store, [SEEDS.pathname]);
    assert.equal(s.stored, 5);
    return eventFields(store);
  });
  await withStore(async (store) => {
    const s = await ingest(store, [dir]);
    assert.deepEqual([s.stored, s.failed], [5, 0]);
    assert.ok(fromText.length > 0);
    assert.deepEqual(await eventFields(store), fromText);
    for (const d of await store.documents()) {
      // The furniture is kept, and shown as furniture; none of it is extracted from.
      for (const k of ['navigation', 'share', 'caption', 'teaser', 'boilerplate'] as const) assert.ok(kinds(d).has(k), `${d.info.name}: no ${k} zone`);
      assert.match(d.text, /^\[boilerplate\] Le Guetteur\n\n\[navigation\] Accueil \| Monde \| Moyen-Orient \| Défense\n/);
      assert.ok(!/window\.analytics|font-family/.test(d.text), 'scripts and styles are no text');
      for (const { record } of await store.documentMentions(d.id)) {
        for (const v of record.sources[0]!.evidence) assert.equal(d.text.slice(v.start, v.end), v.text);
      }
    }
  });
});

test('a folder of pages (JSON-LD, article:published_time, windows-1252) and feeds (RSS with CDATA and relative links, Atom) give the right text, dates, outlets and zones, and the events of the same articles as text', async () => {
  const dir = tmp();
  const [a, b, c] = ARTICLES;
  writeFileSync(join(dir, 'a.html'), articlePage(a!.text, { lang: 'fr', published: a!.published, author: 'Service Moyen-Orient', canonical: 'https://guetteur.example/2024/02/12/a' }));
  writeFileSync(join(dir, 'b.htm'), articlePage(b!.text, { lang: 'en', siteName: 'Night Watch', furniture: 'en', published: b!.published, dateIn: 'meta' }));
  writeFileSync(join(dir, 'c.html'), windows1252(articlePage(c!.text, { lang: 'fr', charset: 'windows-1252', published: c!.published })));
  mkdirSync(join(dir, 'feeds'));
  const [k, e] = FEED_ITEMS;
  writeFileSync(join(dir, 'feeds', 'depeches.rss'), rssFeed([feedItemOf(k!.text, `/depeches/${k!.slug}`, k!.published, 'La rédaction')]));
  writeFileSync(join(dir, 'feeds', 'night.atom'), atomFeed([feedItemOf(e!.text, e!.slug, '2024-02-25T21:10:00+03:00', 'Night desk')]));
  // What is not a page or a feed in a folder of saved pages is left alone.
  writeFileSync(join(dir, 'style.css'), 'body { color: red }');

  const asText = await withStore(async (store) => {
    const lines = [
      { document: 'a', text: a!.text, published: '2024-02-12', outlet: 'Le Guetteur', language: 'fr' },
      { document: 'b', text: b!.text, published: '2024-02-15', outlet: 'Night Watch', language: 'en' },
      { document: 'c', text: c!.text, published: '2024-02-20', outlet: 'Le Guetteur', language: 'fr' },
      { document: 'k', text: k!.text, published: '2024-02-22', outlet: 'Le Guetteur – Dépêches', language: 'fr' },
      { document: 'e', text: e!.text, published: '2024-02-25', outlet: 'Night Watch', language: 'en' },
    ];
    const path = join(tmp(), 'same.jsonl');
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
    assert.equal((await ingest(store, [path])).stored, 5);
    return eventFields(store);
  });

  await withStore(async (store) => {
    const s = await ingest(store, [dir]);
    assert.deepEqual([s.read, s.stored, s.failed], [5, 5, 0], JSON.stringify(s.failures));
    assert.deepEqual(await eventFields(store), asText);
    const doc = async (name: string) => (await store.document(name))!;

    const pa = await doc('a.html');
    assert.equal(pa.info.published.iso, '2024-02-12');
    assert.equal(pa.info.published.rule, 'docdate.metadata');
    assert.equal(pa.info.outlet, 'Le Guetteur');
    assert.equal(pa.info.url, 'https://guetteur.example/2024/02/12/a');
    assert.equal(pa.info.language, 'fr');
    assert.deepEqual(pa.info.metadata?.published, { value: '2024-02-12T18:40:00+03:00', foundBy: 'json-ld NewsArticle.datePublished' });
    assert.deepEqual(pa.info.metadata?.author, { value: 'Service Moyen-Orient', foundBy: 'json-ld NewsArticle.author' });
    assert.deepEqual(pa.info.metadata?.canonicalUrl, { value: 'https://guetteur.example/2024/02/12/a', foundBy: 'link rel=canonical' });
    assert.deepEqual(pa.info.metadata?.language, { value: 'fr', foundBy: 'html lang' });
    // The headline, then the body's paragraphs, in the page's order, as the text gives them.
    const title = pa.zones.find((z) => z.kind === 'title')!;
    assert.equal(pa.text.slice(title.start, title.end), 'Frappe de drone contre un convoi près de Deir ez-Zor');
    const body = pa.zones.filter((z) => z.kind === 'body').map((z) => pa.text.slice(z.start, z.end));
    assert.deepEqual(body, a!.text.split('\n\n').slice(1));
    // Each line of the text names the element of the page it came from.
    const block = pa.info.metadata!.blocks!.find((bl) => bl.start === title.start)!;
    assert.equal(block.path, 'html/body[1]/main[1]/article[1]/p[1]');

    const pb = await doc('b.htm');
    assert.deepEqual([pb.info.published.iso, pb.info.metadata?.published?.foundBy, pb.info.outlet, pb.info.language], ['2024-02-15', 'meta article:published_time', 'Night Watch', 'en']);
    assert.ok(kinds(pb).has('teaser') && kinds(pb).has('navigation'));

    const pc = await doc('c.html');
    assert.deepEqual(pc.info.metadata?.charset, { value: 'windows-1252', foundBy: 'meta charset' });
    assert.ok(pc.text.includes("Explosion d'un engin piégé près de Kirkouk"));
    assert.ok(pc.text.includes('[caption] Vue d’un convoi sur une route du désert. Photo d’archives'), 'windows-1252 0x92 is ’');
    assert.ok(pc.text.includes('© Le Guetteur — Tous droits réservés'));

    const fk = await doc(`https://guetteur.example/depeches/${k!.slug}`);
    assert.equal(fk.info.url, `https://guetteur.example/depeches/${k!.slug}`, 'a relative link is read against the channel link');
    assert.deepEqual([fk.info.published.iso, fk.info.published.rule, fk.info.outlet, fk.info.language], ['2024-02-22', 'docdate.metadata', 'Le Guetteur – Dépêches', 'fr']);
    assert.deepEqual(fk.info.metadata?.published, { value: k!.published, foundBy: 'rss pubDate' });
    assert.deepEqual(fk.info.metadata?.author, { value: 'La rédaction', foundBy: 'item author' });
    assert.ok(fk.text.startsWith(`${k!.text.split('\n')[0]}\n\nDes tirs d'artillerie`), 'CDATA HTML read as paragraphs');
    assert.ok(fk.zones.some((z) => z.kind === 'teaser' && fk.text.slice(z.start, z.end) === '[teaser] Lire aussi : toutes les dépêches'));

    const fe = await doc(`https://nightwatch.example/news/${e!.slug}`);
    assert.deepEqual([fe.info.published.iso, fe.info.outlet, fe.info.language, fe.info.metadata?.published?.foundBy], ['2024-02-25', 'Night Watch', 'en', 'atom published']);
  });
});

test('the date of a page\'s metadata beats the date its text would give', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'p.html'), articlePage(ARTICLES[0]!.text, { lang: 'fr', published: '2024-02-13T01:00:00+03:00' }));
  await withStore(async (store) => {
    await ingest(store, [dir]);
    const d = (await store.documents())[0]!;
    assert.deepEqual([d.info.published.iso, d.info.published.rule], ['2024-02-13', 'docdate.metadata']);
  });
});

test('a feed that is not well-formed XML, XML that is no feed, a page with no text and a PDF named .html are each refused with the file named; the rest is read', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'broken.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title></channel></rss>');
  writeFileSync(join(dir, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  writeFileSync(join(dir, 'empty.html'), '<!doctype html><html><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>');
  writeFileSync(join(dir, 'report.html'), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
  writeFileSync(join(dir, 'good.html'), articlePage(ARTICLES[1]!.text, { lang: 'en' }));
  const items = await collect([dir]);
  const errors = Object.fromEntries(items.flatMap((i) => (i.kind === 'error' ? [[i.input.replace(`${dir}/`, ''), i.reason]] : [])));
  assert.match(errors['broken.rss']!, /^malformed feed: Expected closing tag 'item'.*\(line 1, column \d+\)$/);
  assert.match(errors['sitemap.xml']!, /not an RSS, Atom or RDF feed/);
  assert.match(errors['empty.html']!, /no article text found in the page/);
  assert.match(errors['report.html']!, /^a PDF document, not/);
  assert.deepEqual(items.filter((i) => i.kind === 'document').map((i) => (i.kind === 'document' ? i.document.name : '')), ['good.html']);
});

test('character sets: declared ISO-8859-1 (read as windows-1252, as browsers do), undeclared bytes that are not UTF-8, and a charset no decoder knows', async () => {
  const dir = tmp();
  const text = 'Frappe près de Kirkouk\n\nUn engin piégé a blessé quatre soldats près de Kirkouk le 20 février 2024 – «\u00a0selon la police\u00a0».';
  writeFileSync(join(dir, 'latin1.html'), windows1252(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><h1>Frappe près de Kirkouk</h1><p>${text.split('\n\n')[1]}</p></body></html>`));
  writeFileSync(join(dir, 'undeclared.html'), windows1252(`<html><body><h1>Frappe près de Kirkouk</h1><p>${text.split('\n\n')[1]}</p></body></html>`));
  writeFileSync(join(dir, 'klingon.html'), '<html><head><meta charset="x-klingon"></head><body><p>Qapla</p></body></html>');
  const items = await collect([dir]);
  const docs = Object.fromEntries(items.flatMap((i) => (i.kind === 'document' ? [[i.document.name, i.document]] : [])));
  assert.equal(docs['latin1.html']!.text, text);
  assert.deepEqual(docs['latin1.html']!.metadata?.charset, { value: 'windows-1252', foundBy: 'meta http-equiv Content-Type' });
  assert.equal(docs['undeclared.html']!.text, text);
  assert.equal(docs['undeclared.html']!.metadata?.charset?.foundBy, 'none declared and not valid UTF-8');
  const error = items.find((i) => i.kind === 'error');
  assert.deepEqual(error, { kind: 'error', input: join(dir, 'klingon.html'), reason: 'unknown character set "x-klingon" (declared by the meta charset)' });
});
