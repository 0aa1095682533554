// The lemmatizer: a lexicon of exceptions plus suffix-edit rules, both learnt from a treebank.
//
// A rule rewrites the end of a word: (upos, suffix) → strip k characters, append s, e.g.
// (VERB, "qué") → strip 1, append "er" turns "attaqué" into "attaquer". For each part of speech and
// each word ending, the rule kept is the one most word types of the training data follow; a word
// uses the rule of its longest ending that has one. The lexicon then keeps only the (upos, form)
// pairs whose most frequent lemma the rules get wrong ("struck" → "strike", "été" → "être"), so it
// stays small. PROPN, NUM, PUNCT, SYM and X keep their form (a capitalised number word is lowercased); other words are lowercased first.
// English irregular verbs not in the lexicon come from a table (EN_IRREGULAR) before the rules.
import type { ConlluSentence } from './conllu.ts';

// English irregular verbs (lemma, past, past participle; several forms with '/'): the rules cannot
// learn them and a small treebank misses many ("struck", "fled", "fought").
const EN_IRREGULAR = `arise arose arisen|awake awoke awoken|be was/were been|bear bore borne/born|beat beat beaten|become became become|
begin began begun|bend bent bent|bet bet bet|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|break broke broken|
breed bred bred|bring brought brought|broadcast broadcast broadcast|build built built|burn burnt burnt|burst burst burst|buy bought bought|
cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|
deal dealt dealt|dig dug dug|do did done|draw drew drawn|dream dreamt dreamt|drink drank drunk|drive drove driven|eat ate eaten|
fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|fling flung flung|fly flew flown|
forbid forbade forbidden|forecast forecast forecast|foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|
get got gotten|give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|
hit hit hit|hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant leant|
leap leapt leapt|learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost|make made made|
mean meant meant|meet met met|mislead misled misled|mistake mistook mistaken|overcome overcame overcome|overrun overran overrun|
overtake overtook overtaken|overthrow overthrew overthrown|pay paid paid|put put put|quit quit quit|read read read|rebuild rebuilt rebuilt|
rid rid rid|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|
send sent sent|set set set|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank shrunk|
shut shut shut|sing sang sung|sink sank sunk|sit sat sat|slay slew slain|sleep slept slept|slide slid slid|slit slit slit|speak spoke spoken|
speed sped sped|spend spent spent|spill spilt spilt|spin spun spun|split split split|spread spread spread|spring sprang sprung|stand stood stood|
steal stole stolen|stick stuck stuck|sting stung stung|stink stank stunk|strike struck struck/stricken|string strung strung|strive strove striven|
swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|
think thought thought|throw threw thrown|thrust thrust thrust|tread trod trodden|undergo underwent undergone|understand understood understood|
undertake undertook undertaken|upset upset upset|uphold upheld upheld|wake woke woken|wear wore worn|weep wept wept|win won won|
wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld|withstand withstood withstood|wring wrung wrung|write wrote written`;

let enIrregular: Map<string, string> | undefined;
let enIrregularKind: Map<string, number> | undefined;
function englishIrregular(): Map<string, string> {
  if (!enIrregular) {
    enIrregular = new Map();
    enIrregularKind = new Map();
    for (const entry of EN_IRREGULAR.split('|')) {
      const [lemma, past, participle] = entry.trim().split(' ') as [string, string, string];
      for (const [kind, forms] of [[1, past], [2, participle]] as const) {
        for (const f of forms.split('/')) {
          if (f !== lemma && !enIrregular.has(f)) enIrregular.set(f, lemma);
          enIrregularKind.set(f, (enIrregularKind.get(f) ?? 0) | kind);
        }
      }
    }
  }
  return enIrregular;
}

/** For an English lowercase form: 1 if an irregular verb's past, 2 if its past participle, 3 both, 0 neither. */
export function englishIrregularKind(lower: string): number {
  englishIrregular();
  return enIrregularKind!.get(lower) ?? 0;
}

/** "Three", not "III" nor "3": a capital and then lowercase letters. */
const isCapitalisedWord = (s: string): boolean => s[0] !== s[0]!.toLowerCase() && s.slice(1) === s.slice(1).toLowerCase() && s.slice(1) !== s.slice(1).toUpperCase();

const IDENTITY = new Set(['PROPN', 'NUM', 'PUNCT', 'SYM', 'X']);
const MAX_SUFFIX = 7;

export interface LemmatizerData {
  /** "upos\tform\tlemma" lines. */
  readonly lexicon: string;
  /** "upos\tsuffix\tstrip\tappend" lines. */
  readonly rules: string;
}

interface Rule { readonly strip: number; readonly append: string }

function editOf(form: string, lemma: string): Rule {
  let l = 0;
  const n = Math.min(form.length, lemma.length);
  while (l < n && form.charCodeAt(l) === lemma.charCodeAt(l)) l++;
  return { strip: form.length - l, append: lemma.slice(l) };
}

export class Lemmatizer {
  private readonly lexicon: Map<string, string>;
  private readonly rules: Map<string, Rule>;
  private readonly irregular: ReadonlyMap<string, string> | undefined;

  private constructor(lexicon: Map<string, string>, rules: Map<string, Rule>, language: 'fr' | 'en') {
    this.lexicon = lexicon;
    this.rules = rules;
    this.irregular = language === 'en' ? englishIrregular() : undefined;
  }

  /** The lemma of a word, given its (predicted) part of speech. */
  lemma(form: string, upos: string): string {
    const hit = this.lexicon.get(upos + '\t' + form);
    if (hit !== undefined) return hit;
    const lower = form.toLowerCase();
    if (lower !== form) {
      const hit2 = this.lexicon.get(upos + '\t' + lower);
      if (hit2 !== undefined) return hit2;
    }
    return this.byRules(form, upos);
  }

  private byRules(form: string, upos: string): string {
    if (upos === 'NUM' && form.length > 1 && isCapitalisedWord(form)) return form.toLowerCase();
    if (IDENTITY.has(upos)) return form;
    const w = form.toLowerCase();
    if (this.irregular && (upos === 'VERB' || upos === 'AUX')) {
      const l = this.irregular.get(w);
      if (l !== undefined) return l;
    }
    for (let k = Math.min(MAX_SUFFIX, w.length - 1); k >= 1; k--) {
      const r = this.rules.get(upos + '\t' + w.slice(w.length - k));
      if (r !== undefined) {
        if (r.strip > w.length) continue;
        return w.slice(0, w.length - r.strip) + r.append;
      }
    }
    return w;
  }

  /** Learns rules and the exception lexicon from gold (form, upos, lemma) triples. */
  static train(sentences: readonly ConlluSentence[], language: 'fr' | 'en'): Lemmatizer {
    // (upos, form) → lemma → count, in first-seen order.
    const pairs = new Map<string, Map<string, number>>();
    for (const s of sentences) {
      for (const w of s.words) {
        if (w.lemma === '_' || w.lemma === '') continue;
        const key = w.upos + '\t' + w.form;
        let m = pairs.get(key);
        if (!m) pairs.set(key, (m = new Map()));
        m.set(w.lemma, (m.get(w.lemma) ?? 0) + 1);
      }
    }
    const best = new Map<string, string>();
    for (const [key, m] of pairs) {
      let lemma = '', n = -1;
      for (const [l, c] of m) if (c > n || (c === n && l < lemma)) { lemma = l; n = c; }
      best.set(key, lemma);
    }
    // Rules from word types, lowercased, for the parts of speech that are not left as they are.
    const counts = new Map<string, Map<string, number>>();
    const seenLower = new Set<string>();
    for (const [key, lemma] of best) {
      const tab = key.indexOf('\t');
      const upos = key.slice(0, tab);
      if (IDENTITY.has(upos)) continue;
      const w = key.slice(tab + 1).toLowerCase();
      const l = lemma.toLowerCase();
      const typeKey = upos + '\t' + w;
      if (seenLower.has(typeKey)) continue;
      seenLower.add(typeKey);
      const r = editOf(w, l);
      const rk = r.strip + '\t' + r.append;
      for (let k = Math.max(1, r.strip); k <= Math.min(MAX_SUFFIX, w.length - 1); k++) {
        const sk = upos + '\t' + w.slice(w.length - k);
        let m = counts.get(sk);
        if (!m) counts.set(sk, (m = new Map()));
        m.set(rk, (m.get(rk) ?? 0) + 1);
      }
    }
    const rules = new Map<string, Rule>();
    for (const sk of [...counts.keys()].sort()) {
      let rk = '', n = -1;
      for (const [r, c] of counts.get(sk)!) if (c > n || (c === n && r < rk)) { rk = r; n = c; }
      const tab = rk.indexOf('\t');
      rules.set(sk, { strip: Number(rk.slice(0, tab)), append: rk.slice(tab + 1) });
    }
    // Keep a rule only where it says more than the rule of the next shorter ending would
    // (the longest ending with a rule wins, so a redundant long one can go).
    const pruned = new Map<string, Rule>();
    for (const [sk, r] of rules) {
      const tab = sk.indexOf('\t');
      const upos = sk.slice(0, tab), suf = sk.slice(tab + 1);
      let parent: Rule | undefined;
      for (let k = suf.length - 1; k >= 1 && !parent; k--) parent = rules.get(upos + '\t' + suf.slice(suf.length - k));
      const same = parent ? parent.strip === r.strip && parent.append === r.append : r.strip === 0 && r.append === '';
      if (!same) pruned.set(sk, r);
    }
    const lem = new Lemmatizer(new Map(), pruned, language);
    // The lexicon: only what the rules (and the lowercase fallback) get wrong. Lowercase forms first,
    // so that a capitalised form is checked against the final state of its lowercase entry.
    const keys = [...best.keys()].sort((a, b) => {
      const la = a === a.toLowerCase() ? 0 : 1, lb = b === b.toLowerCase() ? 0 : 1;
      return la - lb || (a < b ? -1 : a > b ? 1 : 0);
    });
    for (const key of keys) {
      const tab = key.indexOf('\t');
      const lemma = best.get(key)!;
      if (lem.lemma(key.slice(tab + 1), key.slice(0, tab)) !== lemma) lem.lexicon.set(key, lemma);
    }
    return lem;
  }

  toData(): LemmatizerData {
    const lex = [...this.lexicon].map(([k, l]) => `${k}\t${l}`).sort();
    const rules = [...this.rules].map(([k, r]) => `${k}\t${r.strip}\t${r.append}`).sort();
    return { lexicon: lex.join('\n'), rules: rules.join('\n') };
  }

  static fromData(data: LemmatizerData, language: 'fr' | 'en'): Lemmatizer {
    if (typeof data?.lexicon !== 'string' || typeof data?.rules !== 'string') throw new Error('lemmatizer: missing lexicon or rules');
    const lexicon = new Map<string, string>();
    for (const line of data.lexicon === '' ? [] : data.lexicon.split('\n')) {
      const [upos, form, lemma] = line.split('\t');
      if (upos === undefined || form === undefined || lemma === undefined) throw new Error(`lemmatizer: bad lexicon line ${JSON.stringify(line)}`);
      lexicon.set(upos + '\t' + form, lemma);
    }
    const rules = new Map<string, Rule>();
    for (const line of data.rules === '' ? [] : data.rules.split('\n')) {
      const [upos, suf, strip, append] = line.split('\t');
      if (upos === undefined || suf === undefined || strip === undefined || append === undefined) throw new Error(`lemmatizer: bad rule line ${JSON.stringify(line)}`);
      rules.set(upos + '\t' + suf, { strip: Number(strip), append });
    }
    return new Lemmatizer(lexicon, rules, language);
  }
}
