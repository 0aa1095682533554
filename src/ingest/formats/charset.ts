// Bytes of a page or a feed to text, by the character set it declares: a byte order mark first, then
// the HTTP header, then the document's own declaration (<meta charset>, <?xml encoding?>), as a
// browser decides (WHATWG encoding sniffing, without the guessing).
import type { MetadataField } from '../../types.ts';
import { InputError } from '../decode.ts';
import { headOf } from './format.ts';

export interface Decoded {
  readonly text: string;
  /** The encoding used (WHATWG name) and how it was chosen. */
  readonly charset: MetadataField;
}

// windows-1252's bytes 0x80–0x9F (curly quotes, dashes, €, œ): Node 20's TextDecoder reads them as
// the C1 controls of ISO-8859-1 (nodejs/node#56542), where the WHATWG standard, and every browser,
// reads the characters below. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Decodes with a WHATWG label, windows-1252 as the standard reads it. */
function decode(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m ? m[1]! : null;
}

function declaredInMarkup(head: string, markup: 'html' | 'xml'): { label: string; foundBy: string } | null {
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { label: xml[1]!, foundBy: 'xml declaration encoding' };
  if (markup === 'html') {
    const meta = /<meta\s[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
    if (meta) return { label: meta[1]!, foundBy: /http-equiv/i.test(meta[0]) ? 'meta http-equiv Content-Type' : 'meta charset' };
  }
  return null;
}

/**
 * Decodes a page or a feed. A declared encoding is used as declared (TextDecoder knows windows-1252,
 * ISO-8859-1, which the WHATWG standard reads as windows-1252, and the others browsers know); what
 * declares none is UTF-8, or windows-1252 when it is not valid UTF-8 (older pages saved by Windows tools).
 */
export function decodeMarkup(input: string, bytes: Uint8Array, contentType: string | null | undefined, markup: 'html' | 'xml'): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8'
    : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const header = charsetOfContentType(contentType);
  const inDoc = bom || header ? null : declaredInMarkup(headOf(bytes), markup);
  const chosen = bom ? { label: bom, foundBy: 'byte order mark' } : header ? { label: header, foundBy: 'HTTP Content-Type header' } : inDoc;
  if (chosen) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(chosen.label.trim().toLowerCase());
    } catch {
      throw new InputError(input, `unknown character set ${JSON.stringify(chosen.label)} (declared by the ${chosen.foundBy})`);
    }
    // A declared encoding is trusted: a stray byte becomes U+FFFD, as in a browser, rather than losing the page.
    return { text: decode(decoder, bytes), charset: { value: decoder.encoding, foundBy: chosen.foundBy } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: { value: 'utf-8', foundBy: 'default (none declared)' } };
  } catch {
    return { text: decode(new TextDecoder('windows-1252'), bytes), charset: { value: 'windows-1252', foundBy: 'none declared and not valid UTF-8' } };
  }
}
