import type { Command } from 'commander';
import { readFileSync, readSync } from 'node:fs';
import { decodeDocument, MAX_DOCUMENT_BYTES } from '../ingest/decode.ts';
import { detectLanguage, isSupported } from '../language/detect.ts';
import { parse } from '../syntax/parse.ts';
import { formatConllu } from '../syntax/conllu.ts';

/** Reads stdin up to the document limit (a larger input is refused, not read whole). */
function readStdin(): Uint8Array {
  const chunks: Buffer[] = [];
  let size = 0;
  const chunk = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    size += n;
    if (size > MAX_DOCUMENT_BYTES) throw new Error(`-: over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, the limit of one document`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('the syntax layer: tokens with offsets, tags, lemmas and dependency relations, as the extraction reads them')
    .argument('<file>', 'a text file, or - for stdin')
    .option('--lang <fr|en>', 'language of the text (detected when not given)')
    .option('--format <conllu|json>', 'output format', 'conllu')
    .action((file: string, opts: { lang?: string; format: string }) => {
      if (opts.format !== 'conllu' && opts.format !== 'json') throw new Error(`--format ${opts.format}: conllu or json`);
      const bytes = file === '-' ? readStdin() : readFileSync(file);
      if (bytes.length > MAX_DOCUMENT_BYTES) throw new Error(`${file}: over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, the limit of one document`);
      const text = decodeDocument(file, bytes);
      const language = opts.lang ?? detectLanguage(text).language;
      if (!language || !isSupported(language)) throw new Error(`${file}: language ${language ?? 'unknown'}: vigie parses fr and en (give --lang)`);
      const sentences = parse(text, language);
      if (opts.format === 'json') {
        for (const s of sentences) process.stdout.write(`${JSON.stringify({ start: s.start, end: s.end, text: text.slice(s.start, s.end), words: s.words })}\n`);
        return;
      }
      process.stdout.write(formatConllu(sentences.map((s, i) => ({
        id: `${i + 1} (${s.start}-${s.end})`, text: text.slice(s.start, s.end), words: s.words,
      }))));
    });
}
