// The syntax layer's figures, in a process of its own so that its memory is the models' alone:
// resident memory before and after both languages' tagger and parser are loaded, and the rate of
// tokenizing, tagging and parsing the sentences of the texts given (a JSON file of {text, language}).
import { readFileSync } from 'node:fs';
import { syntaxModels, parse, type SyntaxLanguage } from '../src/syntax/parse.ts';

const texts = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { text: string; language: SyntaxLanguage }[];
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage().rss;
for (const language of ['fr', 'en'] as const) syntaxModels(language);
gc?.();
const modelsMb = (process.memoryUsage().rss - before) / 1024 / 1024;
// Warm the code paths, then time.
for (const t of texts.slice(0, 20)) parse(t.text, t.language);
const t0 = performance.now();
let words = 0;
for (const t of texts) for (const s of parse(t.text, t.language)) words += s.words.length;
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ models_mb: modelsMb, words, seconds })}\n`);
