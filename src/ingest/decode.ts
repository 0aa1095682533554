// Bytes to text, refusing what is not a text document: binary, broken UTF-8, empty, huge.

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export class InputError extends Error {
  constructor(readonly input: string, readonly reason: string) {
    super(`${input}: ${reason}`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeDocument(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(name, 'empty file');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new InputError(name, `too large (${bytes.length} bytes; the limit is ${MAX_DOCUMENT_BYTES})`);
  }
  if (bytes.includes(0)) throw new InputError(name, 'binary content (NUL bytes), not a text document');
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
