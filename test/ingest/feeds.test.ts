// Feed formats read by content: RDF (RSS 1.0) with Dublin Core dates, Atom with XHTML content, a feed
// saved under a page's name; each item a document with its link, date, outlet and author.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, type SourceItem } from '../../src/ingest/sources.ts';
import type { RawDocument } from '../../src/types.ts';

async function documents(path: string): Promise<{ docs: RawDocument[]; errors: string[] }> {
  const items: SourceItem[] = [];
  for await (const i of readSources([path])) items.push(i);
  return {
    docs: items.flatMap((i) => (i.kind === 'document' ? [i.document] : [])),
    errors: items.flatMap((i) => (i.kind === 'error' ? [`${i.input}: ${i.reason}`] : [])),
  };
}

test('RDF (RSS 1.0): items beside the channel, dc:date, dc:language, dc:creator, rdf:about links', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-feeds-'));
  const path = join(dir, 'veille.rdf');
  writeFileSync(path, `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://veille.example/">
    <title>La Veille</title><link>https://veille.example/</link><description>d</description><dc:language>fr</dc:language>
  </channel>
  <item rdf:about="https://veille.example/2024/03/01/tirs">
    <title>Tirs près de Khiam</title>
    <link>https://veille.example/2024/03/01/tirs</link>
    <description>Des tirs ont visé Khiam le 1er mars 2024.</description>
    <dc:date>2024-03-01T20:15:00+02:00</dc:date>
    <dc:creator>A. Veilleur</dc:creator>
  </item>
</rdf:RDF>`);
  const { docs, errors } = await documents(path);
  assert.deepEqual(errors, []);
  assert.equal(docs.length, 1);
  const d = docs[0]!;
  assert.deepEqual([d.name, d.url, d.outlet, d.published, d.text], ['https://veille.example/2024/03/01/tirs', 'https://veille.example/2024/03/01/tirs', 'La Veille', '2024-03-01', 'Tirs près de Khiam\n\nDes tirs ont visé Khiam le 1er mars 2024.']);
  assert.deepEqual(d.metadata?.published, { value: '2024-03-01T20:15:00+02:00', foundBy: 'dc:date' });
  assert.deepEqual(d.metadata?.author, { value: 'A. Veilleur', foundBy: 'item author' });
  assert.deepEqual(d.metadata?.blocks, [{ start: 0, end: 18, path: 'item[1]/title' }, { start: 20, end: 61, path: 'item[1]/description/p[1]' }]);
});

test('Atom with XHTML content and relative links, saved as .html: read as a feed by its content', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-feeds-'));
  const path = join(dir, 'saved.html');
  writeFileSync(path, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://watch.example/news/">
  <title type="text">Watch &amp; Report</title>
  <entry>
    <title>Strike near Erbil</title>
    <link href="2024/strike"/>
    <updated>2024-03-02T08:00:00Z</updated>
    <author><name>Desk</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A drone <b>hit</b> a car near Erbil on 2 March 2024.</p><figure><figcaption>The road. Photo AFP</figcaption></figure></div></content>
  </entry>
  <entry><link href="empty"/></entry>
</feed>`);
  const { docs, errors } = await documents(path);
  assert.deepEqual(errors, [`${path}: entry 2: an item with neither title nor content`]);
  const d = docs[0]!;
  assert.deepEqual([d.url, d.outlet, d.language, d.published], ['https://watch.example/news/2024/strike', 'Watch & Report', 'en', '2024-03-02']);
  assert.equal(d.text, 'Strike near Erbil\n\nA drone hit a car near Erbil on 2 March 2024.\n\n[caption] The road. Photo AFP');
  assert.deepEqual(d.metadata?.published?.foundBy, 'atom updated');
  assert.deepEqual(d.metadata?.author, { value: 'Desk', foundBy: 'entry author' });
});
