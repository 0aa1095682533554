// Plain text: the whole file is one document, its text stored as it is.
import { MAX_DOCUMENT_BYTES, decodeDocument, InputError } from '../decode.ts';
import type { Format, SourceItem } from './format.ts';

export const text: Format = {
  name: 'text',
  extensions: ['.txt', '.text', ''],
  mediaTypes: ['text/plain'],
  // Text has no signature: it is what a file is when no other format recognises it.
  sniff: () => false,
  maxBytes: MAX_DOCUMENT_BYTES,
  *read({ name, input, bytes }): Iterable<SourceItem> {
    try {
      yield { kind: 'document', document: { name, text: decodeDocument(input, bytes) } };
    } catch (e) {
      yield e instanceof InputError ? { kind: 'error', input: e.input, reason: e.reason } : { kind: 'error', input, reason: String((e as Error)?.message ?? e) };
    }
  },
};
