// The languages vigie reads. Everything one language needs lives in its folder here — the extraction
// lexicon (lexicon.json), the tokenizer's rules (tokenizer.json) and the trained syntax models
// (syntax/tagger.bin, syntax/parser.bin) — and the code that reads them is shared: a third language is
// one folder and one line in LANGUAGES.
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/** A file of a language's folder, e.g. languageFile('fr', 'lexicon.json'). */
export function languageFile(language: Language, file: string): URL {
  return new URL(`./${language}/${file}`, import.meta.url);
}
