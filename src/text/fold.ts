// Folding for matching only. The folded string has exactly the raw string's length, one
// folded code unit per raw code unit, so an offset found in the folded text is an offset
// in the raw text: the stored text is never rewritten.

const SPECIAL: Record<string, string> = {
  '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ', '\u2009': ' ', '\u200a': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u00ab': '"', '\u00bb': '"', '\u201e': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u0153': 'o', '\u0152': 'o', '\u00e6': 'a', '\u00c6': 'a', '\u00df': 's',
  '\u0131': 'i', '\u0130': 'i',
};

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch.toLowerCase();
  let hit = cache.get(ch);
  if (hit !== undefined) return hit;
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  hit = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  // Arabic diacritics (harakat) fold to a space-free neutral mark so that words still match.
  if (code >= 0x064b && code <= 0x065f) hit = '\u0640';
  cache.set(ch, hit);
  return hit;
}

const NON_ASCII = /[^\x00-\x7f]/g;
const HAS_NON_ASCII = /[^\x00-\x7f]/;

/** Lowercase, accent-free, ASCII quotes/spaces; same length as the input. */
export function fold(text: string): string {
  // Most words are plain ASCII: lowercasing is all there is to do (toLowerCase changes only A-Z there).
  if (!HAS_NON_ASCII.test(text)) return text.includes('`') ? text.toLowerCase().replace(/`/g, "'") : text.toLowerCase();
  // Each non-ASCII code unit becomes one folded code unit; ASCII lowercasing keeps the length.
  return text.replace(NON_ASCII, foldChar).replace(/[A-Z`]+/g, (m) => m.toLowerCase().replace(/`/g, "'"));
}

/**
 * A key for names (places, actors): folded, Arabic articles and punctuation dropped,
 * doubled letters collapsed, so "al-Shadadi" and "Al-Shaddadi" share a key.
 */
export function nameKey(name: string): string {
  if (name.length <= 40 && !/[^\p{L}\p{N}]/u.test(name)) return tokenKey(name);
  return fold(name)
    .replace(/\u0640/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((t) => t && !ARTICLES.has(t))
    .map((t) => spellingKey(t))
    .join(' ');
}

const tokenKeys = new Map<string, string>();

/** nameKey of one word, memoised: place lookups ask for the same words again and again. */
export function tokenKey(word: string): string {
  let key = tokenKeys.get(word);
  if (key === undefined) {
    key = fold(word).replace(/\u0640/g, '');
    key = ARTICLES.has(key) ? '' : spellingKey(key);
    if (tokenKeys.size > 200_000) tokenKeys.clear();
    tokenKeys.set(word, key);
  }
  return key;
}

// "ech"/"esh": the article before a sun letter as French and English spell it ("Aalma ech Chaab", "Tell esh Sheikh").
const SHIN_ARTICLES = new Set(['al', 'el', 'ech', 'esh']);
const ARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'ar', 'an', 'at', 'az', 'ath', 'ech', 'esh', 'the', 'l', 'd']);

/** One word of a key: doubled letters collapsed ("Aalma", "Alma"; "Shaab", "Shab"). */
function spellingKey(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * The key of an Arabic name spelled the French way, spelled the English way: a name written with the Arabic article
 * ("Aalma ech Chaab", "Tell el Chaouk") is a transliteration, where "ch" is the sound English writes "sh" ("Alma
 * al-Shaab"). Null when the name is no such transliteration or the key would not change. Only for names with the
 * article: elsewhere "ch" is its own sound ("Chiga", "Chaani").
 */
export function shinSpellingKey(name: string): string | null {
  // The article as French transliterations write it; "an", "ar", "as"… are also words of Breton, Irish or Wade-Giles
  // names ("Ar Chab" is an alternate name of Cape Town).
  const tokens = fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ');
  if (!tokens.some((t) => SHIN_ARTICLES.has(t))) return null;
  const key = nameKey(name);
  const variant = key.replace(/ch/g, 'sh');
  return variant !== key ? variant : null;
}
