// The syntax layer's tokenizer and sentence splitter, French and English, by exact UTF-16 offsets:
// for every token, text.slice(token.start, token.end) === token.form.
//
// The machinery here is language-independent; everything a language decides (elisions, clitics,
// contractions split into syntactic words as Universal Dependencies does, hyphen policy,
// abbreviations, sentence-end marks) is data in src/lang/<language>/tokenizer.json, read through
// the registry below. A third language is one folder with its tokenizer.json and one line in
// TOKENIZER_LANGUAGES.
//
// How it runs: one regular expression cuts the text into candidate pieces (URLs, e-mails,
// numbers, dotted acronyms, words with their inner apostrophes, hyphens and number separators,
// punctuation runs, emoji, any other code point); each word is then refined by the language's
// rules (elision "l'", clitic "-t-il", hyphen splitting, suffix clitics "n't" "'s", contractions
// "du" → de le, abbreviation periods), and sentences are cut on the token sequence.
//
// What the tagger and parser get (UD conventions, as in the treebanks they learn from):
// - A contraction is ONE token with several words: "du" → words ["de", "le"], "don't" → ["do",
//   "n't"], "army's" → ["army", "'s"]; each word takes the whole token's span. Words of suffix
//   splits are slices of the surface ("Clinton’s" → "Clinton" "’s"); those of French contractions
//   come from the rules, first letter in the surface's case ("Au" → "À" "le").
// - French "du", "au", "aux", "duquel", ... are always split (the treebanks split "du" in 99% of
//   cases). "des" is split (de + les) unless the word before is punctuation, nothing, a line
//   break, a preposition, conjunction, auxiliary, pronoun, adverb or common verb form, or ends
//   like a verb ("-er", "-aient", ...): on Sequoia and GSD dev that gives words F1 99.51 against
//   99.07 for always splitting and 98.32 for never. The tagger may still undo a wrong choice.
// - French elisions ("l'", "qu'") and clitics ("-t-il", "-nous") are tokens of their own;
//   hyphenated words otherwise stay whole ("Al-Shabaab", "porte-parole"). "l'on" is one token.
// - English splits hyphenated words at each hyphen ("two - year - old", "Al - Shabaab") except
//   after common prefixes ("anti-aircraft", "re-elected"), as EWT does; "hyphen": "keep" in
//   en/tokenizer.json would keep them whole, at 0.9 point of tokens F1 on English PUD.
// - An abbreviation that ends a sentence gives up its period ("in the U.S." → "U.S" "."), as EWT.
import { readFileSync } from 'node:fs';
import type { Token, TokenizedSentence } from './types.ts';
import { LANGUAGES, languageFile, type Language } from '../lang/index.ts';

/** The languages with a tokenizer.json under src/lang/. */
export const TOKENIZER_LANGUAGES = LANGUAGES;
export type TokenizerLanguage = Language;

/** src/lang/<language>/tokenizer.json as written. */
export interface TokenizerRulesJson {
  /** Words before an apostrophe that split off with it: "l" makes "l'armée" → "l'" + "armée". */
  readonly elisions: readonly string[];
  /** "keep": hyphenated words are one token; "split": split at each hyphen except as below. */
  readonly hyphen: 'keep' | 'split';
  /** With hyphen "split": a first part that keeps its hyphen with what follows ("anti-aircraft"). */
  readonly hyphenKeepPrefixes: readonly string[];
  /** With hyphen "split": whole words that keep their hyphens ("e-mail"). */
  readonly hyphenKeepWords: readonly string[];
  /** Hyphenated endings split off as tokens of their own ("-t-il", "-nous"). */
  readonly cliticSuffixes: readonly string[];
  /** Words kept as one token whatever the other rules say ("aujourd'hui", "c'est-à-dire", "rendez-vous"). */
  readonly keepWhole: readonly string[];
  /** Endings that are a syntactic word of their own inside the same surface token ("n't", "'s"). */
  readonly suffixSplits: readonly string[];
  /** A word ending in s followed by an apostrophe ("soldiers'") is the word and the possessive "'". */
  readonly possessiveApostrophe?: boolean;
  /** Surface words that stand for several syntactic words ("du" → de, le; "cannot" → can, not). */
  readonly contractions: Readonly<Record<string, readonly string[]>>;
  /** Contractions split unless the word before is one of keepAfter, punctuation, or nothing. */
  readonly contextualContractions: Readonly<Record<string, {
    readonly words: readonly string[];
    readonly keepAfter: readonly string[];
    /** Kept whole after a word with one of these endings (verb endings: "-er", "-aient"), ... */
    readonly keepAfterEndings?: readonly string[];
    /** ... unless the word is one of these (nouns with such an ending: "quartier"). */
    readonly splitAfter?: readonly string[];
  }>>;
  /** Abbreviations that keep their period; written with it. Entries in lower case match any case. */
  readonly abbreviations: readonly string[];
  /** Abbreviations that end a sentence when the next word is one of sentence.startersAfterAbbreviation. */
  readonly abbreviationsMayEndSentence: readonly string[];
  /** Numbers grouped by thousands with a space, NBSP or narrow NBSP ("10 800") are one token. */
  readonly numberSpaceGroups: boolean;
  /** Units split from a number glued to them ("15h" → 15 h, "14h30" → 14 h 30, "160km" → 160 km). */
  readonly numberUnits?: readonly string[];
  /** Words that keep the mark glued after them ("n°"). */
  readonly wordsWithMark?: readonly string[];
  /** A sign glued to a number is part of it ("-0,8"); otherwise a token of its own. */
  readonly signedNumbers?: boolean;
  /** With hyphen "split": a range of two numbers of one length is split ("2013-2014" → 2013 - 2014). */
  readonly splitNumberRanges?: boolean;
  readonly sentence: {
    /** Characters that end a sentence (a run of them is one token: "...", "?!"). */
    readonly enders: string;
    /** Closing quotes and brackets after the end mark that belong to the ending sentence. */
    readonly closers: string;
    /** A sentence does not end before a word starting in lower case. */
    readonly lowercaseContinues: boolean;
    /** Words that start a sentence after an abbreviation that may end one ("etc. Le ..."). */
    readonly startersAfterAbbreviation: readonly string[];
  };
}

interface ContextualContraction {
  readonly words: readonly string[];
  readonly keepAfter: ReadonlySet<string>;
  readonly keepAfterEndings: readonly string[];
  readonly splitAfter: ReadonlySet<string>;
}

/** A language's rules, compiled for the tokenizer. */
export interface TokenizerRules {
  readonly language: string;
  readonly elisions: ReadonlySet<string>;
  readonly hyphenSplit: boolean;
  readonly hyphenKeepPrefixes: ReadonlySet<string>;
  readonly hyphenKeepWords: ReadonlySet<string>;
  /** Longest first. */
  readonly cliticSuffixes: readonly string[];
  readonly keepWhole: ReadonlySet<string>;
  /** Longest first. */
  readonly suffixSplits: readonly string[];
  readonly possessiveApostrophe: boolean;
  readonly contractions: ReadonlyMap<string, readonly string[]>;
  readonly contextual: ReadonlyMap<string, ContextualContraction>;
  readonly abbreviationsExact: ReadonlySet<string>;
  readonly abbreviationsLower: ReadonlySet<string>;
  readonly mayEnd: ReadonlySet<string>;
  readonly numberUnits: ReadonlySet<string>;
  readonly signedNumbers: boolean;
  readonly splitNumberRanges: boolean;
  readonly wordsWithMark: ReadonlySet<string>;
  readonly enders: string;
  readonly closers: string;
  readonly lowercaseContinues: boolean;
  readonly starters: ReadonlySet<string>;
  /** The candidate-piece expression (global, unicode). */
  readonly pieceRe: RegExp;
}

// ---------------------------------------------------------------------------------------------
// Registry

const rulesCache = new Map<string, TokenizerRules>();

/** The file a language's rules are read from. */
export function tokenizerRulesUrl(language: Language): URL {
  return languageFile(language, 'tokenizer.json');
}

/** Reads, checks and compiles src/lang/<language>/tokenizer.json (once per language). */
export function loadTokenizerRules(language: TokenizerLanguage): TokenizerRules {
  let rules = rulesCache.get(language);
  if (!rules) {
    if (!(TOKENIZER_LANGUAGES as readonly string[]).includes(language)) throw new Error(`tokenizer: no rules for language "${language}"`);
    const url = tokenizerRulesUrl(language);
    let json: TokenizerRulesJson;
    try {
      json = JSON.parse(readFileSync(url, 'utf8')) as TokenizerRulesJson;
    } catch (err) {
      throw new Error(`tokenizer: cannot read ${url.pathname}: ${(err as Error).message}`);
    }
    rules = compileTokenizerRules(language, json, url.pathname);
    rulesCache.set(language, rules);
  }
  return rules;
}

const APOSTROPHES = '\'’ʼ‘';
const APOS_RE = /[’ʼ‘]/g;
/** Lower case, every apostrophe written '. */
const norm = (s: string): string => s.toLowerCase().replace(APOS_RE, '\'');

function lowerSet(list: readonly string[] | undefined): Set<string> {
  return new Set((list ?? []).map(norm));
}

/** Compiles a language's rules as read from JSON; `name` names the source in errors. */
export function compileTokenizerRules(language: string, json: TokenizerRulesJson, name = language): TokenizerRules {
  const need = (ok: unknown, what: string) => { if (!ok) throw new Error(`tokenizer: ${name}: ${what}`); };
  need(Array.isArray(json.elisions), 'elisions must be a list');
  need(json.hyphen === 'keep' || json.hyphen === 'split', 'hyphen must be "keep" or "split"');
  need(json.contractions && typeof json.contractions === 'object', 'contractions must be an object');
  need(Array.isArray(json.abbreviations), 'abbreviations must be a list');
  need(json.sentence && typeof json.sentence.enders === 'string', 'sentence.enders must be a string');
  const contractions = new Map<string, readonly string[]>();
  for (const [k, v] of Object.entries(json.contractions)) {
    if (k.startsWith('$')) continue;
    need(Array.isArray(v) && v.length > 0, `contraction "${k}" needs a list of words`);
    contractions.set(norm(k), v);
  }
  const contextual = new Map<string, ContextualContraction>();
  for (const [k, v] of Object.entries(json.contextualContractions ?? {})) {
    if (k.startsWith('$')) continue;
    need(Array.isArray(v.words) && Array.isArray(v.keepAfter), `contextual contraction "${k}" needs words and keepAfter`);
    contextual.set(norm(k), { words: v.words, keepAfter: lowerSet(v.keepAfter), keepAfterEndings: [...lowerSet(v.keepAfterEndings)], splitAfter: lowerSet(v.splitAfter) });
  }
  const abbreviationsExact = new Set<string>(), abbreviationsLower = new Set<string>();
  for (const a of json.abbreviations) {
    need(a.endsWith('.'), `abbreviation "${a}" must be written with its period`);
    if (a === a.toLowerCase()) abbreviationsLower.add(norm(a)); else abbreviationsExact.add(a.replace(APOS_RE, '\''));
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    language,
    elisions: lowerSet(json.elisions),
    hyphenSplit: json.hyphen === 'split',
    hyphenKeepPrefixes: lowerSet(json.hyphenKeepPrefixes),
    hyphenKeepWords: lowerSet(json.hyphenKeepWords),
    cliticSuffixes: [...lowerSet(json.cliticSuffixes)].sort(byLength),
    keepWhole: lowerSet(json.keepWhole),
    suffixSplits: [...lowerSet(json.suffixSplits)].sort(byLength),
    possessiveApostrophe: json.possessiveApostrophe === true,
    contractions,
    contextual,
    abbreviationsExact,
    abbreviationsLower,
    mayEnd: new Set(json.abbreviationsMayEndSentence ?? []),
    numberUnits: lowerSet(json.numberUnits),
    signedNumbers: json.signedNumbers === true,
    splitNumberRanges: json.splitNumberRanges === true,
    wordsWithMark: lowerSet(json.wordsWithMark),
    enders: json.sentence.enders,
    closers: json.sentence.closers ?? '',
    lowercaseContinues: json.sentence.lowercaseContinues !== false,
    starters: new Set(json.sentence.startersAfterAbbreviation ?? []),
    pieceRe: pieceExpression(json.numberSpaceGroups === true),
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate pieces

// Letters, marks, digits and the joiners that live inside words (ZWNJ/ZWJ in Persian and Arabic
// names, the soft hyphen).
const WC = '\\p{L}\\p{M}\\p{N}_\\u200c\\u200d\\u00ad';
const TLD = 'com|org|net|gov|edu|int|mil|info|io|fr|uk|de|be|ch|ca|eu|ru|ua|sy|iq|ly|ml|sd|ps|il|lb|af|ye|so|ng|cd|tv';
const FILE_EXT = 'pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|pptx?|html?|HTML?|jpe?g|JPE?G|png|PNG|gif|GIF|txt|TXT|zip|ZIP|mp[34]|csv|exe';
// Piece kinds, by capture group.
const G_URL = 1, G_WORD = 6;

/** An e-mail address (or a web text's mail handle, "Smith@ENRON"), a bare domain name or a file name, read from a word's start. */
// Bounded (64 characters a part, 10 parts) so that a long run of dotted words costs no more than linear time.
const ADDRESS_RE = new RegExp(`[${WC}.+%-]{1,64}@[${WC}-]{1,63}(?:\\.[${WC}-]{1,63}){0,10}|(?:[${WC}-]{1,63}\\.){1,10}(?:${TLD}|${FILE_EXT})(?![${WC}])`, 'uy');

function pieceExpression(numberSpaceGroups: boolean): RegExp {
  const alts = [
    // 1 URL
    `((?:https?:\\/\\/|www\\.)[^\\s<>"«»“”]+)`,
    // 2, 3: e-mails and domain names are read after a word (ADDRESS_RE), so that words are scanned once
    `(\\b\\B)`,
    `(\\b\\B)`,
    // 4 number in groups of three separated by a (narrow, no-break) space: 10 800, 1 200 000,5
    numberSpaceGroups ? `((?<![${WC}])\\p{N}{1,3}(?:[ \\u00a0\\u202f]\\p{N}{3})+(?:,\\p{N}+)?(?![${WC}]))` : `(\\b\\B)`,
    // 5 dotted acronym or initials: U.S., e.g., J.-C., Ph.D.
    `((?:\\p{L}{1,2}\\.-?){2,8}(?![${WC}]))`,
    // 6 word: letters and digits, joined inside by apostrophes, hyphens, number separators, &;
    // a sign glued to a number that starts it ("-0,8", "+1")
    `((?:(?<![${WC}])[-−+](?=\\p{N}))?[${WC}]+(?:(?:['’ʼ‘](?=\\p{L})|-(?=[${WC}])|(?<=\\p{N})[.,:/](?=\\p{N})|(?<=\\p{Lu})&(?=\\p{Lu}))[${WC}]+)*)`,
    // 7 punctuation runs that are one token, emoticons, handles and hashtags
    `(°[CF](?![${WC}])|\\.{2,}|[!?]{2,}|-{2,}|={2,}|\\*{2,}|_{2,}|~{2,}|#{2,}|<{2,}|>{2,}|\\\${2,}|\\/{2,}|\\\\{2,}|[:;=][-^'o]?[)(\\][DPpO/|*](?![${WC}])|(?<![${WC}])[@#]\\p{L}[${WC}]*)`,
    // emoji with modifiers and joiners, regional-indicator flags
    `\\p{Extended_Pictographic}(?:[\\u{1F3FB}-\\u{1F3FF}\\uFE0F]|\\u200D\\p{Extended_Pictographic})*`,
    `[\\u{1F1E6}-\\u{1F1FF}]{2}`,
    // any other code point that is not a space
    `[^\\s\\u200b\\ufeff]`,
  ];
  return new RegExp(alts.join('|'), 'gu');
}

// ---------------------------------------------------------------------------------------------
// Tokens

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER_INITIAL = /^\p{Lu}$/u;
const LOWER_FIRST = /^\p{Ll}/u;
const ALL_DIGITS = /^\p{N}+$/u;
const HAS_LETTER = /\p{L}/u;
/** The most clitics split off one word ("donne-le-moi", "wouldn't've"). */
const MAX_AFFIXES = 3;
const NUMBER_UNIT = /^(\p{N}+(?:[.,]\p{N}+)?)(\p{L}+)(\p{N}*)$/u;
const URL_TRAIL = /[.,;:!?'’"»”)\]]+$/u;

class Builder {
  readonly tokens: Token[] = [];
  constructor(readonly text: string, readonly rules: TokenizerRules) {}

  push(start: number, end: number, words?: readonly string[]): void {
    const form = this.text.slice(start, end);
    this.tokens.push({ start, end, form, words: words ?? [form] });
  }

  /** The last token's form, normalised, or '' when there is none, it is punctuation or a line break follows it. */
  previousWord(before: number): string {
    const t = this.tokens[this.tokens.length - 1];
    if (!t || !LETTER_OR_DIGIT.test(t.form) || hasNewline(this.text, t.end, before)) return '';
    return norm(t.form);
  }
}

/** Cuts text[start, end) into tokens (no sentence splitting). */
function tokenizeSpan(text: string, start: number, end: number, rules: TokenizerRules): Token[] {
  const b = new Builder(text, rules);
  const sub = start === 0 && end === text.length ? text : text.slice(start, end);
  const re = rules.pieceRe;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sub)) !== null) {
    const s = start + m.index;
    let e = s + m[0].length;
    if (m[G_WORD] !== undefined) {
      // A word followed by its abbreviation period, an elided apostrophe or a possessive one.
      const next = text.charCodeAt(e) || 0;
      if ((next === 46 /* . */ || next === 64 /* @ */) && e + 1 < end) {
        ADDRESS_RE.lastIndex = s - start;
        const a = ADDRESS_RE.exec(sub);
        if (a && a[0].length > e - s) { b.push(s, s + a[0].length); re.lastIndex = s + a[0].length - start; continue; }
      }
      if (e < end && rules.wordsWithMark.size > 0 && rules.wordsWithMark.has(norm(text.slice(s, e + 1)))) {
        b.push(s, e + 1); re.lastIndex = e + 1 - start; continue;
      }
      if (e < end && next === 46 /* . */) {
        const withDot = text.slice(s, e + 1);
        if (isAbbreviation(withDot, rules)) { b.push(s, e + 1); re.lastIndex = e + 1 - start; continue; }
      } else if (e < end && APOSTROPHES.includes(String.fromCharCode(next))) {
        const lw = norm(m[0]);
        if (rules.elisions.has(lw)) {
          e++; re.lastIndex = e - start;
        } else if (rules.possessiveApostrophe && lw.endsWith('s') && lw.length > 1 && !isLetterAt(text, e + 1, end)) {
          splitWord(b, s, e, rules);
          const t = b.tokens.pop()!;
          b.push(t.start, e + 1, [...t.words, text[e]!]);
          re.lastIndex = e + 1 - start;
          continue;
        }
      }
      splitWord(b, s, e, rules);
    } else if (m[G_URL] !== undefined) {
      let u = m[0];
      const trail = URL_TRAIL.exec(u);
      if (trail) {
        let cut = trail[0];
        // keep a closing bracket that an opening one inside the URL accounts for
        if (cut.startsWith(')') && u.includes('(')) cut = cut.slice(1);
        u = u.slice(0, u.length - cut.length);
      }
      e = s + Math.max(1, u.length);
      re.lastIndex = e - start;
      b.push(s, e);
    } else {
      // numbers in groups, e-mails, domain names, acronyms, punctuation runs, emoji, other marks
      b.push(s, e);
    }
  }
  return b.tokens;
}

function isLetterAt(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

function isAbbreviation(withDot: string, rules: TokenizerRules): boolean {
  if (UPPER_INITIAL.test(withDot.slice(0, -1))) return true; // initials: "J. Smith", "M. Dupont"
  const a = withDot.replace(APOS_RE, '\'');
  return rules.abbreviationsExact.has(a) || rules.abbreviationsLower.has(a.toLowerCase());
}

/** Refines one word piece text[s, e) by the language's rules and pushes its tokens. */
function splitWord(b: Builder, s: number, e: number, rules: TokenizerRules, depth = 0, clitics = true): void {
  const text = b.text;
  const w = text.slice(s, e);
  const lw = norm(w);
  if (rules.keepWhole.has(lw)) { b.push(s, e); return; }
  const c0 = w.charCodeAt(0);
  if (c0 === 45 || c0 === 43 || c0 === 0x2212) { // a signed number: "-0,8"
    if (rules.signedNumbers) b.push(s, e); else { b.push(s, s + 1); b.push(s + 1, e); }
    return;
  }
  if (c0 >= 48 && c0 <= 57 && rules.numberUnits.size > 0) {
    const u = NUMBER_UNIT.exec(w);
    if (u && rules.numberUnits.has(u[2]!.toLowerCase())) {
      const a = s + u[1]!.length, z = a + u[2]!.length;
      b.push(s, a); b.push(a, z); if (z < e) b.push(z, e);
      return;
    }
  }
  // Elision: "l'armée" → "l'" + "armée"; "qu'aujourd'hui" → "qu'" + "aujourd'hui".
  if (rules.elisions.size > 0 && depth < MAX_AFFIXES) {
    const i = lw.indexOf('\'');
    if (i > 0 && i < lw.length - 1 && rules.elisions.has(lw.slice(0, i))) {
      b.push(s, s + i + 1);
      splitWord(b, s + i + 1, e, rules, depth + 1);
      return;
    }
  }
  // Clitic endings: "a-t-il" → "a" + "-t-il"; "donne-le-moi" → "donne" + "-le" + "-moi".
  if (clitics && rules.cliticSuffixes.length > 0 && lw.includes('-')) {
    let cut = e;
    let rest = lw;
    const ends: number[] = [];
    for (let k = 0; k < MAX_AFFIXES; k++) {
      if (rules.keepWhole.has(rest)) break;
      const c = rules.cliticSuffixes.find((x) => rest.length > x.length && rest.endsWith(x));
      if (!c) break;
      cut -= c.length;
      ends.push(cut);
      rest = rest.slice(0, rest.length - c.length);
    }
    if (ends.length > 0) {
      splitWord(b, s, cut, rules, depth + 1, false);
      let from = cut;
      for (let k = ends.length - 2; k >= 0; k--) { b.push(from, ends[k]!); from = ends[k]!; }
      b.push(from, e);
      return;
    }
  }
  // Hyphens split (English): "two-year-old" → two - year - old; "anti-aircraft", "e-mail" stay.
  if (rules.hyphenSplit && lw.includes('-') && !rules.hyphenKeepWords.has(lw)) {
    const parts = w.split('-');
    // Numbers joined by hyphens stay one token (phone numbers, dates), but for a range of two
    // numbers of one length ("2013-2014", "13-17") where the language splits ranges.
    const digits = parts.every((p) => ALL_DIGITS.test(p));
    if (!digits || (rules.splitNumberRanges && parts.length === 2 && parts[0]!.length === parts[1]!.length)) {
      let from = s;
      let groupEnd = s + parts[0]!.length;
      for (let k = 1; k < parts.length; k++) {
        const prev = parts[k - 1]!;
        if (rules.hyphenKeepPrefixes.has(norm(prev))) {
          groupEnd += 1 + parts[k]!.length; // keep the hyphen inside: "re-elected"
          continue;
        }
        finishWord(b, from, groupEnd, rules);
        b.push(groupEnd, groupEnd + 1);
        from = groupEnd + 1;
        groupEnd = from + parts[k]!.length;
      }
      finishWord(b, from, groupEnd, rules);
      return;
    }
  }
  finishWord(b, s, e, rules);
}

/** The last steps of a word: suffix clitics ("don't" → do + n't) and contractions ("du" → de + le). */
function finishWord(b: Builder, s: number, e: number, rules: TokenizerRules): void {
  if (e <= s) return;
  const text = b.text;
  const w = text.slice(s, e);
  const lw = norm(w);
  if (rules.keepWhole.has(lw)) { b.push(s, e); return; }
  if (rules.suffixSplits.length > 0 && lw.length > 1) {
    const words: string[] = [];
    let rest = lw, cut = e;
    for (let k = 0; k < MAX_AFFIXES; k++) {
      const x = rules.suffixSplits.find((sfx) => rest.length > sfx.length && rest.endsWith(sfx) && HAS_LETTER.test(rest.slice(0, rest.length - sfx.length)));
      if (!x) break;
      words.unshift(text.slice(cut - x.length, cut));
      cut -= x.length;
      rest = rest.slice(0, rest.length - x.length);
    }
    if (words.length > 0) { b.push(s, e, [text.slice(s, cut), ...words]); return; }
  }
  const c = rules.contractions.get(lw);
  if (c) { b.push(s, e, contractionWords(w, lw, c)); return; }
  const cc = rules.contextual.get(lw);
  if (cc) {
    const prev = b.previousWord(s);
    const keep = prev === '' || cc.keepAfter.has(prev) || (!cc.splitAfter.has(prev) && cc.keepAfterEndings.some((x) => prev.length > x.length + 2 && prev.endsWith(x)));
    if (keep) b.push(s, e);
    else b.push(s, e, contractionWords(w, lw, cc.words));
    return;
  }
  b.push(s, e);
}

/** The words of a contraction in the surface's case: "Du" → "De" "le", "gonna" → "gon" "na" (slices). */
function contractionWords(w: string, lw: string, words: readonly string[]): readonly string[] {
  if (words.join('') === lw) {
    const out: string[] = [];
    let i = 0;
    for (const x of words) { out.push(w.slice(i, i + x.length)); i += x.length; }
    return out;
  }
  if (w === lw) return words;
  if (w.length > 1 && w === w.toUpperCase()) return words.map((x) => x.toUpperCase());
  const first = words[0]!;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)];
}

// ---------------------------------------------------------------------------------------------
// Sentences

function isEnder(form: string, rules: TokenizerRules): boolean {
  for (let i = 0; i < form.length; i++) if (!rules.enders.includes(form[i]!)) return false;
  return form.length > 0;
}

const AMBIGUOUS_QUOTES = '"\'';

/** Splits a token sequence into sentences. An abbreviation that ends one gives up its period to a token of its own ("in the U.S." → "U.S" "."), as UD does. */
function splitSentences(text: string, tokens: readonly Token[], rules: TokenizerRules): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  let first = 0;
  let periodAt = -1; // an abbreviation in the sentence being closed whose period ends it
  const close = (last: number) => {
    if (last >= first) {
      let ts = tokens.slice(first, last + 1);
      if (periodAt >= first && periodAt <= last) {
        const t = tokens[periodAt]!, k = periodAt - first;
        ts = [...ts.slice(0, k), token(text, t.start, t.end - 1), token(text, t.end - 1, t.end), ...ts.slice(k + 1)];
      }
      out.push({ start: ts[0]!.start, end: ts[ts.length - 1]!.end, tokens: ts });
    }
    first = last + 1;
    periodAt = -1;
  };
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    // A line break always ends a sentence (titles, datelines, list items).
    if (hasNewline(text, t.end, next.start)) { close(i); continue; }
    const f = t.form;
    let abbreviation = false;
    if (!isEnder(f, rules)) {
      // an abbreviation that kept its period and may end a sentence
      if (f.length > 2 && f.endsWith('.') && (rules.mayEnd.has(f) || ACRONYM.test(f))) abbreviation = true;
      else continue;
    }
    // Closing quotes and brackets belong to the sentence that ends.
    let j = i + 1;
    while (j < n) {
      const q = tokens[j]!;
      if (q.form.length !== 1 || !rules.closers.includes(q.form)) break;
      if (AMBIGUOUS_QUOTES.includes(q.form)) {
        const after = tokens[j + 1];
        const glued = q.start === tokens[j - 1]!.end;
        if (!glued && after && after.start === q.end) break; // opens the next sentence
      }
      j++;
    }
    if (j >= n) { if (abbreviation) periodAt = i; i = j - 1; break; }
    const nx = tokens[j]!;
    if (!hasNewline(text, tokens[j - 1]!.end, nx.start)) {
      if (abbreviation) { if (!rules.starters.has(nx.form)) continue; }
      else if (!startsSentence(tokens, j, rules)) continue;
    }
    if (abbreviation) periodAt = i;
    close(j - 1);
    i = j - 1;
  }
  if (first < n) {
    if (periodAt < 0) {
      // the text's last abbreviation, before closing marks, ends it
      let k = n - 1;
      while (k > first && tokens[k]!.form.length === 1 && rules.closers.includes(tokens[k]!.form)) k--;
      const f = tokens[k]!.form;
      if (f.length > 2 && f.endsWith('.') && !isEnder(f, rules) && (rules.mayEnd.has(f) || ACRONYM.test(f))) periodAt = k;
    }
    close(n - 1);
  }
  return out;
}

const ACRONYM = /^(?:\p{L}{1,2}\.-?){2,}$/u;

function token(text: string, start: number, end: number): Token {
  const form = text.slice(start, end);
  return { start, end, form, words: [form] };
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) { const c = text.charCodeAt(k); if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true; }
  return false;
}

/** Whether the token at j can open a sentence: not a word in lower case (after opening marks). */
function startsSentence(tokens: readonly Token[], j: number, rules: TokenizerRules): boolean {
  if (!rules.lowercaseContinues) return true;
  for (let k = j; k < tokens.length && k < j + 4; k++) {
    const f = tokens[k]!.form;
    if (LETTER_OR_DIGIT.test(f)) return !LOWER_FIRST.test(f);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Sentences and their tokens in `text` (or in text[range.start, range.end)), offsets in UTF-16
 * code units into `text`: text.slice(t.start, t.end) === t.form for every token.
 * A contraction is one token with several words ("du" → words ["de", "le"]).
 */
export function tokenize(text: string, language: TokenizerLanguage, range?: { start: number; end: number }): TokenizedSentence[] {
  const rules = loadTokenizerRules(language);
  const start = Math.max(0, range?.start ?? 0), end = Math.min(text.length, range?.end ?? text.length);
  if (end <= start) return [];
  return splitSentences(text, tokenizeSpan(text, start, end, rules), rules);
}

/** The tokens of one sentence span text[start, end) (no sentence splitting). */
export function tokenizeSentence(text: string, start: number, end: number, language: TokenizerLanguage): Token[] {
  const rules = loadTokenizerRules(language);
  start = Math.max(0, start); end = Math.min(text.length, end);
  if (end <= start) return [];
  return tokenizeSpan(text, start, end, rules);
}
