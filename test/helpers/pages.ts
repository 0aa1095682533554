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
}

/** An article's text (its lines, the first its headline when it reads as one) as a news site's page. */
export function articlePage(text: string, { lang, siteName = 'Le Guetteur', published, author, canonical, charset = 'utf-8', furniture = 'fr' }: PageOptions = {}): string {
  const lines = text.split(/\n/).map((l) => l.trim()).filter(Boolean);
  const fr = furniture === 'fr';
  const jsonLd = published || author
    ? `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: siteName }, { '@type': 'NewsArticle', headline: lines[0], ...(published ? { datePublished: published } : {}), ...(author ? { author: { '@type': 'Person', name: author } } : {}), publisher: { '@type': 'Organization', name: siteName } }] })}</script>`
    : '';
  return `<!DOCTYPE html>
<html${lang ? ` lang="${lang}"` : ''}>
<head>
<meta charset="${charset}">
<title>${escape(lines[0] ?? '')} – ${escape(siteName)}</title>
<meta property="og:site_name" content="${escape(siteName)}">
${canonical ? `<link rel="canonical" href="${escape(canonical)}">` : ''}
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
