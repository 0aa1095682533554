// Language of a document: metadata when given, else franc on the text that feeds extraction.
import { franc } from 'franc-min';

// franc answers in ISO 639-3; vigie stores ISO 639-1 where one exists.
const ISO3_TO_1: Record<string, string> = {
  fra: 'fr', eng: 'en', arb: 'ar', ara: 'ar', spa: 'es', por: 'pt', deu: 'de', ita: 'it', rus: 'ru', tur: 'tr',
  pes: 'fa', fas: 'fa', nld: 'nl', ukr: 'uk', heb: 'he', urd: 'ur', hin: 'hi', swh: 'sw', cmn: 'zh', jpn: 'ja',
  kor: 'ko', pol: 'pl', ron: 'ro', ell: 'el', ind: 'id', vie: 'vi', ben: 'bn', hau: 'ha', som: 'so', amh: 'am',
};

export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;

export interface DetectedLanguage {
  readonly language: string;
  readonly rule: string;
}

export function detectLanguage(text: string, declared?: string | null): DetectedLanguage {
  if (declared && /^[a-z]{2,3}(-[A-Za-z]{2})?$/i.test(declared.trim())) {
    const code = declared.trim().slice(0, 3).toLowerCase().replace(/-.*/, '');
    return { language: ISO3_TO_1[code] ?? code.slice(0, 2), rule: 'language.metadata' };
  }
  // Only the two languages vigie extracts are weighed against each other on short texts,
  // where franc's guess over 80 languages is unreliable.
  const short = text.length < 400;
  const code = franc(text, short ? { only: ['fra', 'eng'], minLength: 3 } : { minLength: 10 });
  if (code === 'und') return { language: 'und', rule: 'language.undetermined' };
  return { language: ISO3_TO_1[code] ?? code, rule: short ? 'language.franc.fr-en' : 'language.franc' };
}

export function isSupported(language: string): language is (typeof SUPPORTED_LANGUAGES)[number] {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}
