// A page's DOM as blocks of text in reading order (a heading, a paragraph, a caption, a menu), each
// with the part of the page it belongs to: the article, or page furniture (navigation, share bars,
// captions, "read also" teasers and related links, headers and footers). Furniture is kept, marked,
// rather than thrown away: vigie's zones (clean/zones.ts) show it as such, and never extract from it.
import type { TextBlock } from '../../types.ts';

/** The kinds of furniture a page reader marks; each is a zone kind of clean/zones.ts. */
export type Furniture = 'caption' | 'teaser' | 'navigation' | 'share' | 'boilerplate';

export interface Block {
  /** The block's text, white space collapsed: one line of the stored document. */
  readonly text: string;
  /** null for the article's own text (title or body, left to the zones and to Readability). */
  readonly furniture: Furniture | null;
  readonly tag: string;
  /** The element's path in the page, "html/body/main/article/p[3]". */
  readonly path: string;
}

/**
 * How a line of stored text says it is furniture: "[caption] Un soldat… ©Reuters". The zones code
 * (clean/zones.ts, FURNITURE_MARK) reads the same mark.
 */
export const furnitureLine = (kind: Furniture, text: string): string => `[${kind}] ${text}`;

// Minimal DOM shapes: linkedom's nodes, typed for what this file reads.
export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  readonly parentElement: DomElement | null;
}

const ELEMENT = 1;
const TEXT = 3;

/** Never text of the page: code, styles, forms, embedded objects. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'form', 'head', 'video', 'audio', 'picture', 'source', 'img']);
/** Elements inside a line of text. */
const INLINE = new Set(['a', 'span', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'big', 'time', 'abbr', 'cite', 'q', 'sub', 'sup', 'mark', 'code', 'font', 'label', 'bdi', 'bdo', 'dfn', 'kbd', 'samp', 'var', 'wbr', 'br', 'data', 'del', 'ins']);
/** Elements whose class or id tells nothing of their role (a page's body class names every widget on it). */
const UNCLASSIFIED = new Set(['html', 'body', 'main', 'article']);

// Words of class names and ids that web sites give their furniture, matched as parts of a name
// ("article-share-bar", "c-navigation", "lire_aussi").
const CLASS_RULES: readonly (readonly [RegExp, Furniture])[] = [
  [/(?:^|[\s_-])(?:share|sharing|social|partage|partager)(?:$|[\s_-])/i, 'share'],
  [/(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|fil-ariane|pagination)(?:$|[\s_-])/i, 'navigation'],
  [/(?:^|[\s_-])(?:caption|figcaption|legende|credit|photo-credit)(?:$|[\s_-])/i, 'caption'],
  [/(?:^|[\s_-])(?:related|read-?also|read-?more|also-read|lire-?aussi|a-lire|see-also|teaser|recommend(?:ed|ations)?|more-stories|outbrain|taboola|promo|most-read|popular)(?:$|[\s_-])/i, 'teaser'],
  [/(?:^|[\s_-])(?:cookie|cookies|consent|newsletter|subscribe|paywall|footer|masthead|site-header|copyright|banner|ad|ads|advert|advertisement)(?:$|[\s_-])/i, 'boilerplate'],
];

export const tagOf = (el: DomElement): string => el.tagName.toLowerCase();

/** The furniture an element is, by its tag, its ARIA role, or its class and id; null for none. */
function furnitureOf(el: DomElement, inArticle: boolean): Furniture | null {
  const tag = tagOf(el);
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  if (tag === 'nav' || role === 'navigation' || role === 'menubar' || role === 'menu') return 'navigation';
  if (tag === 'figcaption') return 'caption';
  if (tag === 'aside' || role === 'complementary') return 'teaser';
  if (tag === 'footer' || role === 'contentinfo') return 'boilerplate';
  // A page's header holds its logo and menus; an article's holds its headline.
  if ((tag === 'header' && !inArticle) || role === 'banner') return 'boilerplate';
  if (UNCLASSIFIED.has(tag)) return null;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!names.trim()) return null;
  for (const [re, kind] of CLASS_RULES) if (re.test(names)) return kind;
  return null;
}

function hidden(el: DomElement): boolean {
  return el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
}

// HTML's white space only: a no-break space is the text's own (French puts one before « : » ; »).
export const collapse = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');

/** Text of an element without what is never text (scripts, styles, hidden parts). */
function textOf(node: DomNode): string {
  if (node.nodeType === TEXT) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT) return '';
  const el = node as DomElement;
  const tag = tagOf(el);
  if (tag === 'br') return ' ';
  if ((SKIPPED.has(tag) && tag !== 'img') || hidden(el)) return '';
  let out = '';
  for (let i = 0; i < el.childNodes.length; i++) out += textOf(el.childNodes[i]!);
  // Block elements inside inline text ("<li><p>…</p></li>") are words apart.
  return INLINE.has(tag) ? out : ` ${out} `;
}

function hasBlockChild(el: DomElement): boolean {
  for (let i = 0; i < el.childNodes.length; i++) {
    const c = el.childNodes[i]!;
    if (c.nodeType === ELEMENT) {
      const tag = tagOf(c as DomElement);
      if (!INLINE.has(tag) && !SKIPPED.has(tag)) return true;
      if (INLINE.has(tag) && hasBlockChild(c as DomElement)) return true;
    }
  }
  return false;
}

/** Navigation and share bars are one line each: their items joined by " | ", as a site's menu reads. */
function barItems(el: DomElement): string {
  const items: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType !== ELEMENT) return;
    const e = n as DomElement;
    const tag = tagOf(e);
    if ((SKIPPED.has(tag) && tag !== 'button') || hidden(e)) return;
    if (tag === 'a' || tag === 'button' || (tag === 'li' && !hasBlockChild(e) && !hasLink(e))) {
      const t = collapse(textOf(e) || (e.getAttribute('aria-label') ?? e.getAttribute('title') ?? ''));
      if (t) items.push(t);
      return;
    }
    for (let i = 0; i < e.childNodes.length; i++) walk(e.childNodes[i]!);
  };
  walk(el);
  return items.length ? items.join(' | ') : collapse(textOf(el));
}

function hasLink(el: DomElement): boolean {
  for (let i = 0; i < el.childNodes.length; i++) {
    const c = el.childNodes[i]!;
    if (c.nodeType === ELEMENT && (tagOf(c as DomElement) === 'a' || hasLink(c as DomElement))) return true;
  }
  return false;
}

/** The blocks of a page (or of a fragment: a feed item's HTML), in reading order. */
export function pageBlocks(root: DomElement, rootPath = tagOf(root)): Block[] {
  const out: Block[] = [];
  const push = (text: string, furniture: Furniture | null, tag: string, path: string) => {
    const t = collapse(text);
    if (t.trim()) out.push({ text: t, furniture, tag, path });
  };
  const visit = (el: DomElement, path: string, furniture: Furniture | null, inArticle: boolean) => {
    const tag = tagOf(el);
    if (SKIPPED.has(tag) || hidden(el)) return;
    const mine = furnitureOf(el, inArticle);
    const own = furniture ?? mine;
    const article = inArticle || tag === 'article' || tag === 'main';
    // A menu or a share bar is one line, wherever it is (a site header holds its menu).
    if (mine === 'navigation' || mine === 'share') {
      push(barItems(el), mine, tag, path);
      return;
    }
    if (!hasBlockChild(el)) {
      push(textOf(el), own, tag, path);
      return;
    }
    // A container: its block children in order, and the inline text between them as blocks of their own.
    const counts = new Map<string, number>();
    let run = '';
    let runs = 0;
    const flush = () => {
      if (run.trim()) push(run, own, tag, `${path}/text()[${++runs}]`);
      run = '';
    };
    for (let i = 0; i < el.childNodes.length; i++) {
      const c = el.childNodes[i]!;
      if (c.nodeType === TEXT) { run += c.textContent ?? ''; continue; }
      if (c.nodeType !== ELEMENT) continue;
      const child = c as DomElement;
      const ct = tagOf(child);
      const n = (counts.get(ct) ?? 0) + 1;
      counts.set(ct, n);
      if (INLINE.has(ct) && !hasBlockChild(child)) { run += textOf(child); continue; }
      flush();
      visit(child, `${path}/${ct}[${n}]`, own, article);
    }
    flush();
  };
  visit(root, rootPath, null, false);
  return out;
}

/** The stored text of a page's lines, a blank line between blocks, and where each line lies in it (a span back to its element). */
export function joinLines(lines: readonly { readonly text: string; readonly path: string }[]): { readonly text: string; readonly blocks: readonly TextBlock[] } {
  let text = '';
  const blocks: TextBlock[] = [];
  for (const l of lines) {
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + l.text.length, path: l.path });
    text += l.text;
  }
  return { text, blocks };
}
