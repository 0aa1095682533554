// CoNLL-U (universaldependencies.org/format.html): the treebanks the tagger and parser learn from
// and are tested on. Multiword tokens ("du" = "de" + "le") are kept with the range of words they
// cover, and SpaceAfter=No is read, so the sentence's raw text can be rebuilt for tokenization.
import { readFileSync } from 'node:fs';

export interface ConlluWord {
  readonly id: number;
  readonly form: string;
  readonly lemma: string;
  readonly upos: string;
  readonly xpos: string;
  readonly feats: Readonly<Record<string, string>>;
  readonly head: number;
  readonly deprel: string;
  readonly spaceAfter: boolean;
}

export interface ConlluMultiword {
  readonly first: number;
  readonly last: number;
  readonly form: string;
  readonly spaceAfter: boolean;
}

export interface ConlluSentence {
  readonly id: string;
  /** The `# text =` comment: the sentence as written. */
  readonly text: string;
  readonly words: readonly ConlluWord[];
  readonly multiwords: readonly ConlluMultiword[];
}

function parseFeats(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (s === '_' || s === '') return out;
  for (const kv of s.split('|')) {
    const eq = kv.indexOf('=');
    if (eq > 0) out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

const noSpaceAfter = (misc: string): boolean => misc.split('|').includes('SpaceAfter=No');

/** Parses CoNLL-U text; `name` names the input in errors. Empty nodes (ids like 8.1) are skipped. */
export function parseConllu(content: string, name = 'CoNLL-U'): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let id = '', text = '';
  let words: ConlluWord[] = [], multiwords: ConlluMultiword[] = [];
  const lines = content.split(/\r?\n/);
  const flush = () => {
    if (words.length > 0) sentences.push({ id, text, words, multiwords });
    id = ''; text = ''; words = []; multiwords = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') { flush(); continue; }
    if (line.startsWith('#')) {
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m) { if (m[1] === 'sent_id') id = m[2]!; else text = m[2]!; }
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new Error(`${name}: line ${i + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    const [idCol, form, lemma, upos, xpos, feats, head, deprel, , misc] = cols as [string, string, string, string, string, string, string, string, string, string];
    if (idCol.includes('.')) continue;
    const dash = idCol.indexOf('-');
    if (dash > 0) {
      multiwords.push({ first: Number(idCol.slice(0, dash)), last: Number(idCol.slice(dash + 1)), form, spaceAfter: !noSpaceAfter(misc) });
      continue;
    }
    const n = Number(idCol), h = Number(head);
    if (!Number.isInteger(n) || !Number.isInteger(h)) throw new Error(`${name}: line ${i + 1}: bad ID or HEAD`);
    words.push({ id: n, form, lemma, upos, xpos, feats: parseFeats(feats), head: h, deprel, spaceAfter: !noSpaceAfter(misc) });
  }
  flush();
  return sentences;
}

export function readConllu(path: string): ConlluSentence[] {
  return parseConllu(readFileSync(path, 'utf8'), path);
}

/** The surface tokens of a sentence in order: multiword tokens as one, with the words they cover. */
export function surfaceTokens(s: ConlluSentence): { form: string; spaceAfter: boolean; words: ConlluWord[] }[] {
  const out: { form: string; spaceAfter: boolean; words: ConlluWord[] }[] = [];
  const mwAt = new Map(s.multiwords.map((m) => [m.first, m]));
  for (let i = 0; i < s.words.length; ) {
    const w = s.words[i]!;
    const mw = mwAt.get(w.id);
    if (mw) {
      const covered = s.words.filter((x) => x.id >= mw.first && x.id <= mw.last);
      out.push({ form: mw.form, spaceAfter: mw.spaceAfter, words: covered });
      i += covered.length;
    } else {
      out.push({ form: w.form, spaceAfter: w.spaceAfter, words: [w] });
      i++;
    }
  }
  return out;
}

/** Writes sentences as CoNLL-U (for `vigie parse --format conllu` and the evaluation). */
export function formatConllu(sentences: readonly { id?: string; text?: string; words: readonly { id: number; form: string; lemma: string; upos: string; feats: Readonly<Record<string, string>>; head: number; deprel: string }[] }[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    if (s.id) out.push(`# sent_id = ${s.id}`);
    if (s.text !== undefined) out.push(`# text = ${s.text.replace(/\s+/g, ' ')}`);
    for (const w of s.words) {
      const feats = Object.keys(w.feats).sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1).map((k) => `${k}=${w.feats[k]}`).join('|') || '_';
      out.push([w.id, w.form, w.lemma, w.upos, '_', feats, w.head, w.deprel, '_', '_'].join('\t'));
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}
