import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConllu } from '../../src/syntax/conllu.ts';
import { encodeModel, readModel, writeModel } from '../../src/syntax/model-file.ts';
import { Tagger, trainTagger } from '../../src/syntax/tagger.ts';
import { AveragedPerceptron, hashString, mix, mulberry32 } from '../../src/syntax/perceptron.ts';
import { Lexicon } from '../../src/syntax/lexicon-features.ts';

const modelPath = (lang: 'fr' | 'en') => new URL(`../../src/lang/${lang}/syntax/tagger.bin`, import.meta.url).pathname;
const taggers = {
  fr: Tagger.fromModel(readModel(modelPath('fr'), 'tagger')),
  en: Tagger.fromModel(readModel(modelPath('en'), 'tagger')),
};

const tagsOf = (lang: 'fr' | 'en', sentence: string) => taggers[lang].tag(sentence.split(' '));

// Sentences written for these tests: one syntactic word per space (French contractions split).
const TABLES: Record<'fr' | 'en', [string, string][]> = {
  fr: [
    ['Les rebelles ont attaqué la ville de Goma mardi .', 'DET NOUN AUX VERB DET NOUN ADP PROPN NOUN PUNCT'],
    ['Trois civils ont été tués dans l\' explosion .', 'NUM NOUN AUX AUX VERB ADP DET NOUN PUNCT'],
    ['L\' armée a bombardé les positions de les insurgés .', 'DET NOUN AUX VERB DET NOUN ADP DET NOUN PUNCT'],
    ['Le village a été incendié par les miliciens .', 'DET NOUN AUX AUX VERB ADP DET NOUN PUNCT'],
    ['Deux soldats sont morts lors de l\' attaque .', 'NUM NOUN AUX VERB ADV ADP DET NOUN PUNCT'],
    ['Les combats se poursuivent dans la province .', 'DET NOUN PRON VERB ADP DET NOUN PUNCT'],
  ],
  en: [
    ['The army said it had struck two depots .', 'DET NOUN VERB PRON AUX VERB NUM NOUN PUNCT'],
    ['Three civilians were killed in the explosion .', 'NUM NOUN AUX VERB ADP DET NOUN PUNCT'],
    ['Rebels attacked the town on Tuesday .', 'NOUN VERB DET NOUN ADP PROPN PUNCT'],
    ['The village was burned by militiamen .', 'DET NOUN AUX VERB ADP NOUN PUNCT'],
    ['Clashes continued in the province on Monday .', 'NOUN VERB ADP DET NOUN ADP PROPN PUNCT'],
    ['Police arrested five men after the bombing .', 'NOUN VERB NUM NOUN ADP DET NOUN PUNCT'],
  ],
};

for (const lang of ['fr', 'en'] as const) {
  test(`tagger ${lang}: parts of speech of conflict sentences`, () => {
    for (const [sentence, expected] of TABLES[lang]) {
      const got = tagsOf(lang, sentence).map((w) => w.upos).join(' ');
      assert.equal(got, expected, sentence);
    }
  });
}

test('tagger fr: passive participles, lemmas of inflected verbs', () => {
  const t = tagsOf('fr', 'Trois civils ont été tués dans l\' explosion .');
  assert.equal(t[4]!.feats.VerbForm, 'Part');
  assert.equal(t[4]!.feats.Voice, 'Pass');
  assert.equal(t[4]!.lemma, 'tuer');
  assert.equal(t[2]!.lemma, 'avoir');
  assert.equal(t[3]!.lemma, 'être');
  assert.equal(t[1]!.feats.Number, 'Plur');
  const a = tagsOf('fr', 'Les rebelles ont attaqué la ville de Goma mardi .');
  assert.equal(a[3]!.lemma, 'attaquer');
  assert.equal(a[3]!.feats.VerbForm, 'Part');
  assert.equal(a[2]!.feats.Tense, 'Pres');
  assert.equal(a[2]!.feats.Person, '3');
  assert.equal(a[7]!.lemma, 'Goma');
  assert.equal(a[0]!.lemma, 'le');
  const b = tagsOf('fr', 'Le village a été incendié par les miliciens .');
  assert.equal(b[4]!.feats.VerbForm, 'Part');
  assert.equal(b[4]!.lemma, 'incendier');
  assert.equal(b[7]!.lemma, 'milicien');
});

test('tagger en: passive participles, lemmas of inflected verbs', () => {
  const t = tagsOf('en', 'Three civilians were killed in the explosion .');
  assert.equal(t[3]!.feats.VerbForm, 'Part');
  assert.equal(t[3]!.feats.Voice, 'Pass');
  assert.equal(t[3]!.lemma, 'kill');
  assert.equal(t[2]!.lemma, 'be');
  assert.equal(t[1]!.lemma, 'civilian');
  const a = tagsOf('en', 'The army said it had struck two depots .');
  assert.equal(a[2]!.lemma, 'say');
  assert.equal(a[2]!.feats.Tense, 'Past');
  assert.equal(a[5]!.lemma, 'strike');
  assert.equal(a[7]!.lemma, 'depot');
  assert.equal(a[7]!.feats.Number, 'Plur');
  const b = tagsOf('en', 'The village was burned by militiamen .');
  assert.equal(b[3]!.feats.VerbForm, 'Part');
  assert.equal(b[3]!.lemma, 'burn');
});

test('tagger: empty sentence, same feature objects reused', () => {
  assert.deepEqual(taggers.fr.tag([]), []);
  const a = tagsOf('en', 'Rebels attacked the town .');
  const b = tagsOf('en', 'Rebels attacked the village .');
  assert.equal(a[3]!.feats, b[3]!.feats);
  assert.ok(Object.isFrozen(a[3]!.feats));
});

// A small treebank written here, so that the test does not need the UD files.
function miniTreebank(n: number): string {
  const random = mulberry32(7);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
  const subjects = [['rebels', 'rebel', 'NOUN', 'Number=Plur'], ['soldiers', 'soldier', 'NOUN', 'Number=Plur'], ['police', 'police', 'NOUN', 'Number=Plur'], ['they', 'they', 'PRON', 'Case=Nom|Number=Plur|Person=3|PronType=Prs']] as const;
  const verbs = [['attacked', 'attack'], ['killed', 'kill'], ['struck', 'strike'], ['shelled', 'shell'], ['burned', 'burn']] as const;
  const objects = [['town', 'town', 'Number=Sing'], ['village', 'village', 'Number=Sing'], ['depots', 'depot', 'Number=Plur'], ['civilians', 'civilian', 'Number=Plur']] as const;
  const places = ['Goma', 'Mosul', 'Aleppo', 'Bunia'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = pick(subjects), v = pick(verbs), o = pick(objects), p = pick(places);
    const rows: string[][] = [
      [s[0], s[1], s[2], s[3]],
      [v[0], v[1], 'VERB', 'Mood=Ind|Tense=Past|VerbForm=Fin'],
      ['the', 'the', 'DET', 'Definite=Def|PronType=Art'],
      [o[0], o[1], 'NOUN', o[2]],
      ['near', 'near', 'ADP', '_'],
      [p, p, 'PROPN', 'Number=Sing'],
      ['.', '.', 'PUNCT', '_'],
    ];
    out.push(`# sent_id = mini-${i}`);
    rows.forEach((r, k) => out.push([k + 1, r[0], r[1], r[2], '_', r[3], k === 1 ? 0 : 2, k === 1 ? 'root' : 'dep', '_', '_'].join('\t')));
    out.push('');
  }
  return out.join('\n') + '\n';
}

test('training is deterministic: same data, same bytes', () => {
  const train = parseConllu(miniTreebank(300), 'mini');
  const a = encodeModel(trainTagger(train, { language: 'en', epochs: 1, seed: 3 }));
  const b = encodeModel(trainTagger(train, { language: 'en', epochs: 1, seed: 3 }));
  assert.ok(a.equals(b));
  const tagger = Tagger.fromModel(trainTagger(train, { language: 'en', epochs: 2, seed: 3 }));
  const t = tagger.tag(['soldiers', 'shelled', 'the', 'village', 'near', 'Goma', '.']);
  assert.deepEqual(t.map((w) => w.upos), ['NOUN', 'VERB', 'DET', 'NOUN', 'ADP', 'PROPN', 'PUNCT']);
  assert.equal(t[1]!.lemma, 'shell');
  assert.equal(t[1]!.feats.VerbForm, 'Fin');
});

test('lexicon: lookups as written, lowercased, capitalised; the same table whatever the order of entries', () => {
  const entries = { attacked: ['VBD', 'VBN'], Goma: ['NNP'], the: ['DT'], shelled: ['VBN|VBD'], [String('x')]: [undefined as unknown as string] };
  const lex = Lexicon.build(entries);
  assert.equal(lex.size, 4);
  assert.deepEqual(lex.classOf('attacked'), { id: lex.classOf('attacked').id, how: 1 });
  assert.equal(lex.classOf('Attacked').how, 2);
  assert.equal(lex.classOf('GOMA').how, 3);
  assert.equal(lex.classOf('mortars').id, -1);
  assert.deepEqual(lex.values('mortars'), [1, 1]);
  assert.equal(lex.meta.classes[lex.classOf('shelled').id], 'VBN VBD');
  const reversed = Lexicon.build(Object.fromEntries(Object.entries(entries).reverse()));
  assert.deepEqual(reversed.toArrays('x'), lex.toArrays('x'));
  assert.deepEqual(reversed.meta, lex.meta);
});

test('tagger with a lexicon and two passes: deterministic, kept in the model, and it tags words only the lexicon knows', () => {
  const train = parseConllu(miniTreebank(300), 'mini');
  const lexicon = Lexicon.build({ mortared: ['VBD', 'VBN'], Kidal: ['NNP'], barracks: ['NNS'] });
  const options = { language: 'en' as const, epochs: 3, seed: 3, lexicon, twoPass: true };
  const a = encodeModel(trainTagger(train, options));
  assert.ok(a.equals(encodeModel(trainTagger(train, options))));
  const dir = mkdtempSync(join(tmpdir(), 'vigie-tagger-'));
  try {
    const file = join(dir, 'tagger.bin');
    writeModel(file, trainTagger(train, options));
    const tagger = Tagger.fromModel(readModel(file, 'tagger'));
    const t = tagger.tag(['rebels', 'mortared', 'the', 'barracks', 'near', 'Kidal', '.']);
    assert.deepEqual(t.map((w) => w.upos), ['NOUN', 'VERB', 'DET', 'NOUN', 'ADP', 'PROPN', 'PUNCT']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('perceptron: averaging, freezing, and the frozen scores agree', () => {
  const p = new AveragedPerceptron(3);
  const f = new Uint32Array([mix(1, hashString('a')), mix(2, hashString('b'))]);
  for (let i = 0; i < 10; i++) { p.tick(); p.update(f, 2, 2, 0); }
  const frozen = p.freeze();
  const s = new Float64Array(3);
  frozen.score(f, 2, s);
  assert.ok(s[2]! > 0 && s[0]! < 0 && s[1] === 0);
  assert.equal(frozen.featureCount, 2);
});

test('tagger: a missing or corrupt model file is an error naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-tagger-'));
  try {
    const missing = join(dir, 'nope.bin');
    assert.throws(() => Tagger.fromModel(readModel(missing, 'tagger')), (e: Error) => e.message.includes(missing));
    const corrupt = join(dir, 'corrupt.bin');
    const bytes = Buffer.from(readFileSync(modelPath('en')));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(corrupt, bytes);
    assert.throws(() => readModel(corrupt, 'tagger'), (e: Error) => e.message.includes(corrupt));
    const truncated = join(dir, 'truncated.bin');
    writeFileSync(truncated, bytes.subarray(0, 100));
    assert.throws(() => readModel(truncated, 'tagger'), (e: Error) => e.message.includes(truncated));
    const wrongKind = join(dir, 'parser.bin');
    writeModel(wrongKind, { kind: 'parser', meta: {}, arrays: {} });
    assert.throws(() => readModel(wrongKind, 'tagger'), (e: Error) => e.message.includes(wrongKind));
    assert.throws(() => Tagger.fromModel({ kind: 'parser', meta: {}, arrays: {} }), /not a tagger/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
