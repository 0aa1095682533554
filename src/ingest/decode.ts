// Bytes to text, refusing what is not a text document: binary, broken UTF-8, empty, huge.

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export class InputError extends Error {
  constructor(readonly input: string, readonly reason: string) {
    super(`${input}: ${reason}`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A size as people read it: "5 MB" for whole megabytes (the limits), else "12,557,348 bytes". */
export function formatBytes(n: number): string {
  const MB = 1024 * 1024;
  return n >= MB && n % MB === 0 ? `${n / MB} MB` : `${n.toLocaleString('en-US')} bytes`;
}

export function decodeDocument(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(name, 'empty file');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new InputError(name, `too large (${formatBytes(bytes.length)}; the limit is ${formatBytes(MAX_DOCUMENT_BYTES)})`);
  }
  // UTF-16 with a byte order mark (what Windows' editors save as "Unicode") is decoded; without
  // one, it is refused as what it is rather than as binary.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    if (bytes.length % 2 !== 0) throw new InputError(name, `invalid ${utf16.toUpperCase()} (an odd number of bytes)`);
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(name, `invalid ${utf16.toUpperCase()} (unpaired surrogates)`);
    }
    return checkText(name, text);
  }
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) throw new InputError(name, 'UTF-16 without a byte order mark: save it as UTF-8 (or UTF-16 with a BOM)');
    throw new InputError(name, 'binary content (NUL bytes), not a text document');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(name, `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`);
  }
  return checkText(name, text);
}

export function checkText(name: string, text: string): string {
  if (text.trim().length === 0) throw new InputError(name, 'empty document (only white space)');
  if (text.length > MAX_DOCUMENT_BYTES) throw new InputError(name, `too large (${text.length} characters)`);
  // Control characters other than tab/newline/carriage return/form feed mean binary data.
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 0 && control / text.length > 0.01) throw new InputError(name, 'binary content (control characters), not a text document');
  return text;
}

/** Text in UTF-16: most bytes at even (big-endian) or at odd (little-endian) positions are NUL. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 32) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > 0.6 * half && even < 0.1 * half) || (even > 0.6 * half && odd < 0.1 * half);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
