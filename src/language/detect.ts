// Language of a document: metadata when given, else the function words and event vocabulary of the
// languages vigie reads, else franc on the text that feeds extraction.
import { francAll } from 'franc-min';
import { fold } from '../text/fold.ts';
import { LANGUAGES } from '../lang/index.ts';

// franc answers in ISO 639-3; vigie stores ISO 639-1 where one exists.
const ISO3_TO_1: Record<string, string> = {
  fra: 'fr', eng: 'en', arb: 'ar', ara: 'ar', spa: 'es', por: 'pt', deu: 'de', ita: 'it', rus: 'ru', tur: 'tr',
  pes: 'fa', fas: 'fa', nld: 'nl', ukr: 'uk', heb: 'he', urd: 'ur', hin: 'hi', swh: 'sw', cmn: 'zh', jpn: 'ja',
  kor: 'ko', pol: 'pl', ron: 'ro', ell: 'el', ind: 'id', vie: 'vi', ben: 'bn', hau: 'ha', som: 'so', amh: 'am',
};

const EN_FUNCTION_WORDS = foldedSet(['the', 'of', 'and', 'in', 'on', 'to', 'was', 'were', 'with', 'by', 'from', 'that', 'for', 'at', 'is', 'are', 'has', 'have', 'had', 'near', 'after', 'their', 'its', 'which', 'who']);
// "a" is in neither list: the English article and the French verb are equally common.
const FR_FUNCTION_WORDS = foldedSet(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'un', 'une', 'est', 'sont', 'dans', 'par', 'pour', 'sur', 'au', 'aux', 'que', 'qui', 'ont', 'été', "l'", "d'", 'près', 'avec', 'leur', 'ses']);

// Folded like the text: none may fold to an English or French function word (Romanian "în" would be "in").
const OTHER_FUNCTION_WORDS = foldedSet(['el', 'los', 'las', 'del', 'por', 'con', 'según', 'sin', 'para', 'una', 'fue', 'fueron', 'il', 'gli', 'della', 'che', 'sono', 'nel', 'os', 'das', 'dos', 'não', 'uma', 'em', 'foi', 'der', 'die', 'und', 'den', 'het', 'een', 'els', 'amb', 'per', 'dels', 'és', 'cu', 'pe', 'din', 'care', 'fost',
  'da', 'na', 'ao', 'um', 'pelo', 'pela', 'com', 'sem', 'su', 'sus', 'di', 'dei', 'alla', 'nella', 'das', 'ist', 'mit', 'von', 'zu', 'im', 'nicht', 'ein', 'eine', 'niet', 'werd']);

const SAMPLE_CHARS = 1500;
const LONG_TEXT_WORDS = 20;

function foldedSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(fold));
}

export const SUPPORTED_LANGUAGES = LANGUAGES;

export interface DetectedLanguage {
  readonly language: string;
  readonly rule: string;
}

/** Words that belong to one language's event vocabulary only, by language code. */
export type Vocabularies = ReadonlyMap<string, ReadonlySet<string>>;

export function detectLanguage(text: string, declared?: string | null, vocabularies?: Vocabularies): DetectedLanguage {
  if (declared && /^[a-z]{2,3}(-[A-Za-z]{2})?$/i.test(declared.trim())) {
    const code = declared.trim().slice(0, 3).toLowerCase().replace(/-.*/, '');
    return { language: ISO3_TO_1[code] ?? code.slice(0, 2), rule: 'language.metadata' };
  }
  if (/[\u0600-\u06ff]/.test(text) && (text.match(/[\u0600-\u06ff]/g)?.length ?? 0) > text.length / 3) return { language: 'ar', rule: 'language.script.arabic' };
  // A page's first 1,500 characters tell the language as well as the whole text does.
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Folded words, an elision apart from its word: "l’armée" is "l'" and "armee".
  // A word in capitals in a text that has lower case is an acronym, not a function word: "UN" is the United Nations,
  // not the French article ("A UN convoy came under fire").
  const mixedCase = /\p{Ll}/u.test(sample);
  // (fold keeps every offset: the folded word's letters are the raw text's at the same place.)
  const words = [...fold(sample).matchAll(/\p{L}+'?/gu)]
    .filter((m) => !(mixedCase && m[0].length >= 2 && /^\p{Lu}{2,}$/u.test(sample.slice(m.index!, m.index! + m[0].length))))
    .map((m) => m[0]);
  const en = words.filter((w) => EN_FUNCTION_WORDS.has(w)).length;
  const fr = words.filter((w) => FR_FUNCTION_WORDS.has(w)).length;
  // Spanish, Italian, Portuguese, Catalan or Romanian share "de", "la", "a": their own function words veto any shortcut.
  const other = words.filter((w) => OTHER_FUNCTION_WORDS.has(w)).length;
  const foreignVeto = other * 2 >= Math.max(en, fr);
  // A sentence or more where one of the two languages vigie reads supplies the function words and
  // the other hardly any is that language: franc, which weighs trigrams of 80 languages and is most
  // of the cost of this stage, would only say the same.
  if (words.length >= LONG_TEXT_WORDS && !foreignVeto && other * 4 <= Math.max(en, fr)) {
    if (en >= 0.15 * words.length && fr * 5 <= en) return { language: 'en', rule: 'language.function-words' };
    if (fr >= 0.15 * words.length && en * 5 <= fr) return { language: 'fr', rule: 'language.function-words' };
  }
  // A line or two ("08 June. A mob at Nangili market in Likuyani lynched a thief.", "Doctors protest
  // over pay in Nairobi") is too short for trigram statistics, which read it as Lingala or French;
  // two words of one language (function words, or words of its event vocabulary) and none of any
  // other tell more.
  if (other === 0) {
    const enWords = en + vocabularyHits(words, vocabularies?.get('en'));
    const frWords = fr + vocabularyHits(words, vocabularies?.get('fr'));
    const rule = (functionWords: number) => (functionWords >= 2 ? 'language.function-words' : 'language.event-vocabulary');
    if (enWords >= 2 && frWords === 0) return { language: 'en', rule: rule(en) };
    if (frWords >= 2 && enWords === 0) return { language: 'fr', rule: rule(fr) };
  }
  const scores = francAll(sample, { minLength: 10 });
  // On a short text trigram statistics waver; the function words settle it when one clearly dominates.
  if (text.length < 400 && !foreignVeto) {
    const top3 = scores.slice(0, 3).map(([code]) => code);
    if (en >= 2 && en >= 2 * fr && top3.includes('eng')) return { language: 'en', rule: 'language.function-words' };
    if (fr >= 2 && fr >= 2 * en && top3.includes('fra')) return { language: 'fr', rule: 'language.function-words' };
  }
  return francAnswer(scores, sample);
}

function vocabularyHits(words: readonly string[], vocabulary: ReadonlySet<string> | undefined): number {
  if (!vocabulary) return 0;
  let n = 0;
  for (const w of words) if (w.length >= 4 && vocabulary.has(w)) n++;
  return n;
}

function francAnswer(scores: [string, number][], sample: string): DetectedLanguage {
  const [top] = scores;
  if (!top || top[0] === 'und') return { language: 'und', rule: 'language.undetermined' };
  // On short texts franc's guess among 80 languages wavers (English read as Romanian or Spanish): a language
  // vigie reads that scores close to the top is preferred.
  if (sample.length < 400 && top[0] !== 'fra' && top[0] !== 'eng') {
    const close = scores.find(([code, score]) => (code === 'fra' || code === 'eng') && score >= 0.9 * top[1]);
    if (close) return { language: ISO3_TO_1[close[0]]!, rule: 'language.franc.short-text-preference' };
  }
  return { language: ISO3_TO_1[top[0]] ?? top[0], rule: 'language.franc' };
}

export function isSupported(language: string): language is (typeof SUPPORTED_LANGUAGES)[number] {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}
