// Web pages: the article's text found by Mozilla's Readability over a linkedom DOM, with the page's
// furniture kept as marked lines, and what the page says of itself (date, outlet, canonical URL,
// language, author) read from its metadata, each field with how it was found.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocumentMetadata, MetadataField, RawDocument } from '../../types.ts';
import { InputError, checkText, formatBytes, MAX_DOCUMENT_BYTES } from '../decode.ts';
import { decodeMarkup } from './charset.ts';
import { collapse, furnitureLine, joinLines, pageBlocks, type Block, type DomElement } from './blocks.ts';
import type { Format, ReadInput, SourceItem } from './format.ts';

/** Pages carry markup, scripts and styles around their text: up to 10 MB is read. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export const html: Format = {
  name: 'HTML',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  mediaTypes: ['text/html', 'application/xhtml+xml'],
  sniff: (head) => /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head) || (/^\s*<\?xml/i.test(head) && /<html[\s>]/i.test(head)),
  maxBytes: MAX_PAGE_BYTES,
  *read(input: ReadInput): Iterable<SourceItem> {
    try {
      yield { kind: 'document', document: readPage(input) };
    } catch (e) {
      yield e instanceof InputError ? { kind: 'error', input: e.input, reason: e.reason } : { kind: 'error', input: input.input, reason: `unreadable page: ${(e as Error).message}` };
    }
  },
};

interface PageDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

/** A web page as one document; throws InputError naming the input when it holds no article text. */
export function readPage(input: ReadInput): RawDocument {
  const { text: markup, charset } = decodeMarkup(input.input, input.bytes, input.contentType, 'html');
  const { document } = parseHTML(markup) as unknown as { document: PageDocument };
  const base = input.url ?? null;
  // Metadata first: Readability rewrites the DOM it is given.
  const meta = pageMetadata(document, base);
  const article = articleTexts(markup);
  const blocks = pageBlocks(document.documentElement);
  const headline = headlineOf(blocks);
  const lines: { text: string; path: string }[] = [];
  for (const b of blocks) {
    if (b === headline.block) lines.push({ text: b.text, path: b.path });
    else if (b.furniture) lines.push({ text: furnitureLine(b.furniture, b.text), path: b.path });
    // The article's paragraphs as Readability found them; when it found none, every paragraph outside furniture.
    else if (article ? article.has(b.text) : true) lines.push({ text: b.text, path: b.path });
  }
  const body = lines.filter((l) => !l.text.startsWith('['));
  if (body.length === 0 || (body.length === 1 && body[0] === lines.find((l) => l.path === headline.block?.path))) {
    throw new InputError(input.input, 'no article text found in the page');
  }
  const { text, blocks: spans } = joinLines(lines);
  if (text.length > MAX_DOCUMENT_BYTES) throw new InputError(input.input, `too large (the page's text is ${formatBytes(text.length)} characters; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)})`);
  checkText(input.input, text);
  const metadata: DocumentMetadata = { format: 'html', source: input.url ?? input.input, charset, ...meta.fields, ...(meta.title ? { title: meta.title } : {}), blocks: spans };
  return {
    name: input.name,
    text,
    url: meta.fields.canonicalUrl?.value ?? input.url ?? null,
    outlet: meta.fields.outlet?.value ?? null,
    published: meta.fields.published ? dayOf(meta.fields.published.value) : null,
    language: meta.fields.language?.value ?? null,
    metadata,
  };
}

/** The article's blocks as Readability sees them (a set of their texts), or null when it finds no article. */
function articleTexts(markup: string): Set<string> | null {
  const { document } = parseHTML(markup);
  let parsed: { content?: string | null } | null = null;
  try {
    parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`) as unknown as { document: PageDocument };
  const texts = new Set(pageBlocks(content.documentElement).filter((b) => !b.furniture || b.furniture === 'caption').map((b) => b.text));
  return texts.size ? texts : null;
}

/** The headline: the first h1 of the article (or of the page outside its furniture). */
function headlineOf(blocks: readonly Block[]): { block: Block | null } {
  const inArticle = blocks.find((b) => b.tag === 'h1' && !b.furniture && /\/(?:article|main)\[/.test(b.path));
  const anywhere = blocks.find((b) => b.tag === 'h1' && !b.furniture);
  return { block: inArticle ?? anywhere ?? null };
}

type MetaFields = Omit<DocumentMetadata, 'format' | 'source' | 'blocks' | 'title' | 'charset'>;

interface PageMetadata {
  readonly fields: MetaFields;
  readonly title: MetadataField | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage)$/;

/** The page's own account of itself. The first source found of each field wins, in the order listed. */
export function pageMetadata(document: PageDocument, base: string | null): PageMetadata {
  const found: Record<string, MetadataField> = {};
  const offer = (field: keyof MetaFields | 'title', value: unknown, foundBy: string) => {
    if (found[field] || typeof value !== 'string') return;
    const v = collapse(value);
    if (v) found[field] = { value: v, foundBy };
  };
  const metaContent = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? null;

  // JSON-LD: the article object (NewsArticle and its kin), anywhere in a script, an array or an @graph.
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the other sources remain.
    }
    for (const o of jsonLdObjects(data)) {
      const types = ([] as unknown[]).concat(o['@type']).filter((t): t is string => typeof t === 'string');
      if (!types.some((t) => ARTICLE_TYPES.test(t))) continue;
      const type = types.find((t) => ARTICLE_TYPES.test(t))!;
      offer('published', o.datePublished, `json-ld ${type}.datePublished`);
      offer('title', o.headline, `json-ld ${type}.headline`);
      offer('author', personName(o.author), `json-ld ${type}.author`);
      offer('outlet', personName(o.publisher), `json-ld ${type}.publisher.name`);
      offer('language', typeof o.inLanguage === 'string' ? o.inLanguage : null, `json-ld ${type}.inLanguage`);
      const url = typeof o.url === 'string' ? o.url : null;
      if (url) offer('canonicalUrl', absolute(url, base), `json-ld ${type}.url`);
    }
  }
  offer('published', metaContent('meta[property="article:published_time"]'), 'meta article:published_time');
  offer('published', metaContent('meta[itemprop="datePublished"]') ?? document.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime'), 'itemprop datePublished');
  offer('published', metaContent('meta[name="date"]') ?? metaContent('meta[name="dc.date"]') ?? metaContent('meta[name="DC.date.issued"]'), 'meta name=date');
  offer('published', document.querySelector('article time[datetime]')?.getAttribute('datetime'), 'article time[datetime]');
  offer('outlet', metaContent('meta[property="og:site_name"]'), 'meta og:site_name');
  offer('outlet', metaContent('meta[name="application-name"]'), 'meta application-name');
  offer('author', metaContent('meta[name="author"]'), 'meta author');
  offer('author', metaContent('meta[property="article:author"]'), 'meta article:author');
  offer('language', document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang'), 'html lang');
  offer('language', metaContent('meta[http-equiv="content-language"]') ?? metaContent('meta[http-equiv="Content-Language"]'), 'meta http-equiv Content-Language');
  offer('language', metaContent('meta[property="og:locale"]')?.replace('_', '-') ?? null, 'meta og:locale');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) offer('canonicalUrl', absolute(canonical, base), 'link rel=canonical');
  const og = metaContent('meta[property="og:url"]');
  if (og) offer('canonicalUrl', absolute(og, base), 'meta og:url');
  offer('title', metaContent('meta[property="og:title"]'), 'meta og:title');
  offer('title', document.querySelector('title')?.textContent, 'title');
  // A date that is no date ("", "now") is not metadata: the text tells it instead.
  if (found.published && !dayOf(found.published.value)) delete found.published;
  if (found.language && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(found.language.value)) delete found.language;
  const { title = null, ...fields } = found;
  return { fields: fields as MetaFields, title };
}

function* jsonLdObjects(data: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 4 || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const d of data) yield* jsonLdObjects(d, depth + 1);
    return;
  }
  const o = data as Record<string, unknown>;
  yield o;
  if (o['@graph']) yield* jsonLdObjects(o['@graph'], depth + 1);
}

/** A JSON-LD person or organisation's name: a string, {name}, or a list of them. */
function personName(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(personName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return null;
}

/** A URL made absolute against the page's own; null for what is no http(s) URL. */
export function absolute(href: string, base: string | null): string | null {
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * The day a date of metadata names, as written: "2024-01-03T23:30:00+01:00" is 3 January where it was
 * published (converting it to UTC would make it the 3rd or the 4th depending on the time zone), and
 * "Wed, 03 Jan 2024 23:30:00 +0100" (RSS) too. null when it names no day.
 */
export function dayOf(value: string): string | null {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/.exec(value);
  if (rfc && MONTHS[rfc[2]!.toLowerCase()]) return `${rfc[3]}-${String(MONTHS[rfc[2]!.toLowerCase()]).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`;
  const ym = /^\s*(\d{4})-(\d{2})\s*$/.exec(value);
  if (ym) return `${ym[1]}-${ym[2]}`;
  return null;
}
