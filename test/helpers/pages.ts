// Web pages and feeds written by the tests around article texts: a site's furniture (header, menu,
// share bar, captions, "read also" teasers, related links, footer) around the article, as news sites
// lay them out. Nothing here is copied from a real site.

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageOptions {
  readonly lang?: string;
  readonly siteName?: string;
  /** JSON-LD NewsArticle.datePublished. */
  readonly published?: string;
  readonly author?: string;
  readonly canonical?: string;
  /** A <meta charset> to declare (the bytes are the caller's to encode). */
  readonly charset?: string;
  /** Language of the furniture: 'fr' or 'en'. */
  readonly furniture?: 'fr' | 'en';
  /** Where the date is told: JSON-LD (default) or <meta property="article:published_time">. */
  readonly dateIn?: 'json-ld' | 'meta';
}

/** An article's text (its lines, the first its headline when it reads as one) as a news site's page. */
export function articlePage(text: string, { lang, siteName = 'Le Guetteur', published, author, canonical, charset = 'utf-8', furniture = 'fr', dateIn = 'json-ld' }: PageOptions = {}): string {
  const lines = text.split(/\n/).map((l) => l.trim()).filter(Boolean);
  const fr = furniture === 'fr';
  const inJsonLd = dateIn === 'json-ld' ? published : undefined;
  const jsonLd = inJsonLd || author
    ? `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: siteName }, { '@type': 'NewsArticle', headline: lines[0], ...(inJsonLd ? { datePublished: inJsonLd } : {}), ...(author ? { author: { '@type': 'Person', name: author } } : {}), publisher: { '@type': 'Organization', name: siteName } }] })}</script>`
    : '';
  return `<!DOCTYPE html>
<html${lang ? ` lang="${lang}"` : ''}>
<head>
<meta charset="${charset}">
<title>${escape(lines[0] ?? '')} – ${escape(siteName)}</title>
<meta property="og:site_name" content="${escape(siteName)}">
${canonical ? `<link rel="canonical" href="${escape(canonical)}">` : ''}
${published && dateIn === 'meta' ? `<meta property="article:published_time" content="${escape(published)}">` : ''}
${jsonLd}
<style>body { font-family: serif; }</style>
<script>window.analytics = { page: 'article' };</script>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">${escape(siteName)}</a>
  <nav class="main-menu"><ul>
    <li><a href="/">${fr ? 'Accueil' : 'Home'}</a></li><li><a href="/monde">${fr ? 'Monde' : 'World'}</a></li>
    <li><a href="/moyen-orient">${fr ? 'Moyen-Orient' : 'Middle East'}</a></li><li><a href="/defense">${fr ? 'Défense' : 'Defence'}</a></li>
  </ul></nav>
</header>
<main>
<article>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">${fr ? 'Copier le lien' : 'Copy link'}</a></div>
<figure><img src="/img/une.jpg" alt=""><figcaption>${fr ? 'Vue d’un convoi sur une route du désert. Photo d’archives' : 'A convoy on a desert road. File photo'}</figcaption></figure>
${lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
<aside class="read-also"><p><a href="/autre">${fr ? 'Lire aussi : Les routes du désert sous surveillance' : 'Read also: Desert roads under watch'}</a></p></aside>
</article>
<section class="related-articles"><h2>${fr ? 'Sur le même sujet' : 'Related'}</h2><ul>
  <li><a href="/a">${fr ? 'Un nouveau poste de contrôle ouvert au nord' : 'A new checkpoint opens in the north'}</a></li>
  <li><a href="/b">${fr ? 'La saison des pluies retarde les travaux' : 'Rainy season delays road works'}</a></li>
</ul></section>
</main>
<footer><p>© ${escape(siteName)} — ${fr ? 'Tous droits réservés' : 'All rights reserved'}</p><p><a href="/contact">Contact</a> · <a href="/mentions">${fr ? 'Mentions légales' : 'Legal notice'}</a></p></footer>
</body>
</html>
`;
}

export interface FeedItem {
  readonly title: string;
  /** Paragraphs of the item's content, given as HTML in CDATA. */
  readonly paragraphs: readonly string[];
  /** As written in the feed: relative links are read against the channel's link. */
  readonly link: string;
  readonly pubDate: string;
  readonly creator?: string;
}

/** An RSS 2.0 feed: HTML content in CDATA, relative item links, Dublin Core creators, a "read also" line in each item. */
export function rssFeed(items: readonly FeedItem[], { title = 'Le Guetteur – Dépêches', link = 'https://guetteur.example/', language = 'fr' }: { title?: string; link?: string; language?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${escape(title)}</title>
  <link>${escape(link)}</link>
  <atom:link href="${escape(link)}depeches.rss" rel="self" type="application/rss+xml"/>
  <description>Dépêches du Guetteur</description>
  <language>${language}</language>
${items.map((it, i) => `  <item>
    <title>${escape(it.title)}</title>
    <link>${escape(it.link)}</link>
    <guid isPermaLink="false">guetteur-${i + 1}</guid>
    <pubDate>${it.pubDate}</pubDate>
    ${it.creator ? `<dc:creator><![CDATA[${it.creator}]]></dc:creator>` : ''}
    <description><![CDATA[${it.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}<p class="read-also"><a href="/depeches/">Lire aussi : toutes les dépêches</a></p>]]></description>
  </item>`).join('\n')}
</channel>
</rss>
`;
}

/** An Atom feed, its entries' content as escaped HTML, their links relative to xml:base. */
export function atomFeed(items: readonly FeedItem[], { title = 'Night Watch', base = 'https://nightwatch.example/news/', lang = 'en' }: { title?: string; base?: string; lang?: string } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}" xml:base="${escape(base)}">
  <title>${escape(title)}</title>
  <id>tag:nightwatch.example,2024:news</id>
  <updated>2024-02-26T00:00:00Z</updated>
${items.map((it, i) => `  <entry>
    <title>${escape(it.title)}</title>
    <id>tag:nightwatch.example,2024:${i + 1}</id>
    <link rel="alternate" href="${escape(it.link)}"/>
    <published>${it.pubDate}</published>
    <updated>${it.pubDate}</updated>
    ${it.creator ? `<author><name>${escape(it.creator)}</name></author>` : ''}
    <content type="html">${escape(it.paragraphs.map((p) => `<p>${escape(p)}</p>`).join(''))}</content>
  </entry>`).join('\n')}
</feed>
`;
}

/** A feed item from an article's text: its first line the title, the rest its paragraphs. */
export function feedItemOf(text: string, link: string, pubDate: string, creator?: string): FeedItem {
  const [title, ...paragraphs] = text.split(/\n/).map((l) => l.trim()).filter(Boolean);
  return { title: title!, paragraphs, link, pubDate, ...(creator ? { creator } : {}) };
}

const CP1252: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };

/** Text in windows-1252, as older French sites still serve it. */
export function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (CP1252[c] !== undefined) return CP1252[c]!;
    if (code > 0xff) throw new Error(`${c} is not in windows-1252`);
    return code;
  }));
}
