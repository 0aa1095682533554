// News feeds: RSS 2.0, Atom and RDF (RSS 1.0), parsed with fast-xml-parser. Each item is a document:
// its title and its content (or summary), the item's link, its date, and the feed's title as outlet.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { DocumentMetadata, MetadataField, RawDocument } from '../../types.ts';
import { InputError, checkText } from '../decode.ts';
import { decodeMarkup } from './charset.ts';
import { collapse, furnitureLine, joinLines, pageBlocks, type DomElement } from './blocks.ts';
import { MAX_PAGE_BYTES, absolute, dayOf } from './html.ts';
import type { Format, ReadInput, SourceItem } from './format.ts';

export const feed: Format = {
  name: 'feed',
  extensions: ['.rss', '.atom', '.rdf', '.xml'],
  mediaTypes: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/feed+xml'],
  sniff: (head) => /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(head),
  maxBytes: MAX_PAGE_BYTES,
  read: (input) => readFeed(input),
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // content:encoded, dc:date, dc:creator, rdf:RDF are read by their local names.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  // Atom's content may be XHTML: kept as markup, read as HTML below.
  stopNodes: ['*.entry.content'],
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
});

type Node = Record<string, unknown>;

/** A node's text: a string, or an element's #text. */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) { for (const x of v) { const s = str(x); if (s) return s; } return null; }
  if (v && typeof v === 'object') return str((v as Node)['#text']);
  return null;
}

const attr = (v: unknown, name: string): string | null => (v && typeof v === 'object' && !Array.isArray(v) ? str((v as Node)[`@_${name}`]) : null);

/** The link to a page: RSS's <link>text</link>, or Atom's <link href rel="alternate">. */
function linkOf(v: unknown): string | null {
  const links = ([] as unknown[]).concat(v ?? []);
  for (const l of links) if (typeof l === 'string' && l.trim()) return l.trim();
  for (const l of links) {
    const rel = attr(l, 'rel');
    if ((!rel || rel === 'alternate') && attr(l, 'href')) return attr(l, 'href');
  }
  return null;
}

interface FeedShape {
  readonly kind: 'rss' | 'atom' | 'rdf';
  readonly channel: Node;
  readonly items: readonly Node[];
  readonly base: string | null;
}

function shapeOf(doc: Node): FeedShape | null {
  const rss = doc.rss as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (rss.channel ?? {}) as Node;
    return { kind: 'rss', channel, items: (channel.item as Node[] | undefined) ?? (rss.item as Node[] | undefined) ?? [], base: attr(channel, 'base') ?? attr(rss, 'base') };
  }
  const atom = doc.feed as Node | undefined;
  if (atom && typeof atom === 'object') return { kind: 'atom', channel: atom, items: (atom.entry as Node[] | undefined) ?? [], base: attr(atom, 'base') };
  const rdf = doc.RDF as Node | undefined;
  if (rdf && typeof rdf === 'object') return { kind: 'rdf', channel: (rdf.channel ?? {}) as Node, items: (rdf.item as Node[] | undefined) ?? [], base: null };
  return null;
}

const FIELD_NAMES = {
  rss: { item: 'item', title: 'rss channel title', language: 'rss channel language' },
  atom: { item: 'entry', title: 'atom feed title', language: 'atom feed xml:lang' },
  rdf: { item: 'item', title: 'rdf channel title', language: 'rdf channel dc:language' },
} as const;

/** The items of a feed as documents, or one error naming the input when it is no feed. */
export function readFeed(input: ReadInput): SourceItem[] {
  let text: string;
  let charset: MetadataField;
  try {
    ({ text, charset } = decodeMarkup(input.input, input.bytes, input.contentType, 'xml'));
  } catch (e) {
    return [{ kind: 'error', input: input.input, reason: e instanceof InputError ? e.reason : String(e) }];
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) return [{ kind: 'error', input: input.input, reason: `malformed feed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` }];
  let shape: FeedShape | null;
  try {
    shape = shapeOf(parser.parse(text) as Node);
  } catch (e) {
    return [{ kind: 'error', input: input.input, reason: `malformed feed: ${(e as Error).message}` }];
  }
  if (!shape) return [{ kind: 'error', input: input.input, reason: 'not an RSS, Atom or RDF feed (no <rss>, <feed> or <rdf:RDF> element)' }];
  const names = FIELD_NAMES[shape.kind];
  const feedTitle = str(shape.channel.title);
  const feedLink = linkOf(shape.channel.link);
  // Relative links are read against xml:base, else the feed's own link, else the URL it came from.
  const base = [shape.base, feedLink, input.url].map((b) => (b ? absolute(b, input.url ?? null) : null)).find((b) => b) ?? null;
  const language = str(shape.channel.language) ?? attr(shape.channel, 'lang') ?? null;
  const out: SourceItem[] = [];
  shape.items.forEach((item, i) => {
    const where = `${input.input}: ${names.item} ${i + 1}`;
    try {
      out.push({ kind: 'document', document: itemDocument(item, i, { input, base, feedTitle, language, charset, names, where }) });
    } catch (e) {
      out.push({ kind: 'error', input: where, reason: e instanceof InputError ? e.reason : String((e as Error).message ?? e) });
    }
  });
  return out;
}

interface ItemContext {
  readonly input: ReadInput;
  readonly base: string | null;
  readonly feedTitle: string | null;
  readonly language: string | null;
  readonly charset: MetadataField;
  readonly names: (typeof FIELD_NAMES)[keyof typeof FIELD_NAMES];
  readonly where: string;
}

function itemDocument(item: Node, index: number, { input, base, feedTitle, language, charset, names, where }: ItemContext): RawDocument {
  const path = `${names.item}[${index + 1}]`;
  const title = str(item.title);
  const rawLink = linkOf(item.link) ?? (attr(item.guid, 'isPermaLink') !== 'false' ? str(item.guid) : null) ?? attr(item, 'about');
  const itemBase = attr(item, 'base') ? absolute(attr(item, 'base')!, base) : base;
  const link = rawLink ? absolute(rawLink, itemBase) : null;
  const content = [['encoded', 'content:encoded'], ['content', 'content'], ['description', 'description'], ['summary', 'summary']]
    .map(([k, label]) => ({ label: label!, value: contentOf(item[k!]) })).find((c) => c.value);
  const lines: { text: string; path: string }[] = [];
  if (title) lines.push({ text: title, path: `${path}/title` });
  if (content) lines.push(...fragmentLines(content.value!, `${path}/${content.label}`));
  if (!lines.length) throw new InputError(where, 'an item with neither title nor content');
  const { text, blocks } = joinLines(lines);
  checkText(where, text);
  const dates: [unknown, string][] = [[item.pubDate, 'rss pubDate'], [item.date, 'dc:date'], [item.published, 'atom published'], [item.updated, 'atom updated'], [item.issued, 'atom issued']];
  const date = dates.map(([v, by]) => ({ v: str(v), by })).find((d) => d.v && dayOf(d.v));
  const author = str(item.creator) ?? str((([] as unknown[]).concat(item.author ?? [])[0] as Node | undefined)?.name) ?? str(item.author);
  const field = (value: string | null | undefined, foundBy: string): MetadataField | undefined => (value ? { value, foundBy } : undefined);
  const itemLanguage = attr(item, 'lang') ?? language;
  const metadata: DocumentMetadata = {
    format: 'feed',
    source: input.url ?? input.input,
    charset,
    ...(date ? { published: { value: date.v!, foundBy: date.by } } : {}),
    ...(feedTitle ? { outlet: field(feedTitle, names.title)! } : {}),
    ...(link ? { canonicalUrl: field(link, `${names.item} link`)! } : {}),
    ...(itemLanguage ? { language: field(itemLanguage, attr(item, 'lang') ? `${names.item} xml:lang` : names.language)! } : {}),
    ...(author ? { author: field(author, `${names.item} author`)! } : {}),
    ...(title ? { title: field(title, `${names.item} title`)! } : {}),
    blocks,
  };
  return {
    // An item is known by its link; one without is known by its place in the feed and its id.
    name: link ?? `${input.name}#${str(item.guid) ?? str(item.id) ?? index + 1}`,
    text,
    url: link,
    outlet: feedTitle,
    published: date ? dayOf(date.v!) : null,
    language: itemLanguage && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(itemLanguage) ? itemLanguage : null,
    metadata,
  };
}

/** Content as HTML: CDATA or escaped HTML (RSS, Atom type="html"), or XHTML markup kept raw (Atom type="xhtml"). */
function contentOf(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const type = attr(v, 'type');
  // Atom's content is a stop node: its markup is raw, its CDATA sections and entities unread.
  let raw = s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  if (type === 'html' || (type !== 'xhtml' && !/</.test(raw) && /&lt;/.test(raw))) raw = decodeEntities(raw);
  return raw.trim() || null;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[k]!;
  });
}

/** An item's HTML content as lines: its paragraphs, and any furniture in it marked as such. */
function fragmentLines(content: string, path: string): { text: string; path: string }[] {
  if (!/<[a-z!/]/i.test(content)) {
    return content.split(/\n[ \t\r\f]*\n/).map(collapse).filter((p) => p.trim()).map((text, i) => ({ text, path: `${path}/p[${i + 1}]` }));
  }
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`) as unknown as { document: { body: DomElement } };
  return pageBlocks(document.body, path).map((b) => ({ text: b.furniture ? furnitureLine(b.furniture, b.text) : b.text, path: b.path }));
}
