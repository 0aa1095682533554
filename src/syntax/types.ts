// The syntax layer's types: what the tokenizer, tagger and parser pass on. All readonly.
// Offsets are UTF-16 code units into the text given to parse(): text.slice(start, end) is the
// surface of the token (for a contraction split into syntactic words, every word of it carries
// the span of the whole surface token, as UD's multiword tokens do).

/** UD's universal part-of-speech tags. */
export const UPOS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export type Upos = (typeof UPOS_TAGS)[number];

/** The morphological features the rules read (UD names and values), e.g. { Tense: 'Past', VerbForm: 'Part' }. */
export type Feats = Readonly<Record<string, string>>;

/** One syntactic word: UD's word line. id is 1-based within its sentence; head 0 is the root. */
export interface Word {
  readonly id: number;
  readonly form: string;
  readonly lemma: string;
  readonly upos: Upos;
  readonly feats: Feats;
  readonly head: number;
  /** UD relation with its subtype, e.g. 'nsubj:pass', 'obl:agent'. */
  readonly deprel: string;
  readonly start: number;
  readonly end: number;
}

export interface ParsedSentence {
  readonly start: number;
  readonly end: number;
  readonly words: readonly Word[];
}

/** A token as the tokenizer gives it: its surface span and the syntactic words it stands for. */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** The surface text, text.slice(start, end). */
  readonly form: string;
  /** The syntactic words (UD): one for most tokens, several for contractions ("du" → "de", "le"). */
  readonly words: readonly string[];
}

export interface TokenizedSentence {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}
