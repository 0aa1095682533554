// The syntax layer's tokenizer and sentence splitter: tokens as UD cuts them (French, English),
// offsets that always slice back to the token, sentences that abbreviations do not end.
// The sentences are made up for these tests; nothing here needs the treebanks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeSentence, loadTokenizerRules, compileTokenizerRules, TOKENIZER_LANGUAGES, type TokenizerLanguage } from '../../src/syntax/tokenize.ts';
import { scoreTokenization } from '../../src/syntax/eval-tokenize.ts';
import { parseConllu } from '../../src/syntax/conllu.ts';

/** A token written "du=de+le" has the words after "="; a plain one is its own word. */
type Case = readonly [text: string, tokens: readonly string[]];

function render(text: string, language: TokenizerLanguage): string[] {
  return tokenize(text, language).flatMap((s) => s.tokens.map((t) => (t.words.length === 1 && t.words[0] === t.form ? t.form : `${t.form}=${t.words.join('+')}`)));
}

const FRENCH: Case[] = [
  ["L'armée a-t-elle bombardé le village jusqu'à l'aube ?", ["L'", 'armée', 'a', '-t-elle', 'bombardé', 'le', 'village', "jusqu'", 'à', "l'", 'aube', '?']],
  ["Qu'il s'agisse d'un drone ou d'un obus, c'est l'ONU qu'on accuse.", ["Qu'", 'il', "s'", 'agisse', "d'", 'un', 'drone', 'ou', "d'", 'un', 'obus', ',', "c'", 'est', "l'", 'ONU', "qu'", 'on', 'accuse', '.']],
  ['L’attaque d’hier a fait deux morts.', ['L’', 'attaque', 'd’', 'hier', 'a', 'fait', 'deux', 'morts', '.']],
  ["Peut-être que les miliciens se sont retirés aujourd'hui, c'est-à-dire avant le cessez-le-feu.", ['Peut-être', 'que', 'les', 'miliciens', 'se', 'sont', 'retirés', "aujourd'hui", ',', "c'est-à-dire", 'avant', 'le', 'cessez-le-feu', '.']],
  ['Le porte-parole du ministère parle au nom des familles et aux journalistes.', ['Le', 'porte-parole', 'du=de+le', 'ministère', 'parle', 'au=à+le', 'nom', 'des=de+les', 'familles', 'et', 'aux=à+les', 'journalistes', '.']],
  ['Des obus ont visé des quartiers, puis les abords des casernes.', ['Des', 'obus', 'ont', 'visé', 'des', 'quartiers', ',', 'puis', 'les', 'abords', 'des=de+les', 'casernes', '.']],
  ['Le camp auquel la ville est reliée, duquel partent les convois.', ['Le', 'camp', 'auquel=à+lequel', 'la', 'ville', 'est', 'reliée', ',', 'duquel=de+lequel', 'partent', 'les', 'convois', '.']],
  ['Combien de soldats ont-ils perdus ? Que dit-on à Kidal ? Donne-le-moi.', ['Combien', 'de', 'soldats', 'ont', '-ils', 'perdus', '?', 'Que', 'dit', '-on', 'à', 'Kidal', '?', 'Donne', '-le', '-moi', '.']],
  ['Les combattants d’Al-Shabaab ont quitté Dammarie-sur-Saulx avec des lance-roquettes anti-aériens.', ['Les', 'combattants', 'd’', 'Al-Shabaab', 'ont', 'quitté', 'Dammarie-sur-Saulx', 'avec', 'des', 'lance-roquettes', 'anti-aériens', '.']],
  ['On compte 10 800 déplacés, 1 200 000 réfugiés et 3,5 % de pertes.', ['On', 'compte', '10 800', 'déplacés', ',', '1 200 000', 'réfugiés', 'et', '3,5', '%', 'de', 'pertes', '.']],
  ['Environ 10\u00a0800 civils, puis 2\u202f500 autres.', ['Environ', '10\u00a0800', 'civils', ',', 'puis', '2\u202f500', 'autres', '.']],
  ['Le convoi est parti à 14h30 et a roulé 160km vers le n° 12.', ['Le', 'convoi', 'est', 'parti', 'à', '14', 'h', '30', 'et', 'a', 'roulé', '160', 'km', 'vers', 'le', 'n°', '12', '.']],
  ['M. Dupont et Mme Martin ont rencontré le Gén. Haftar.', ['M.', 'Dupont', 'et', 'Mme', 'Martin', 'ont', 'rencontré', 'le', 'Gén.', 'Haftar', '.']],
  ['« Nous ne céderons pas », a déclaré Mohammed al-Hassan (محمد الحسن).', ['«', 'Nous', 'ne', 'céderons', 'pas', '»', ',', 'a', 'déclaré', 'Mohammed', 'al-Hassan', '(', 'محمد', 'الحسن', ')', '.']],
  ['La température a chuté de -5 à -0,8 degré — un record.', ['La', 'température', 'a', 'chuté', 'de', '-5', 'à', '-0,8', 'degré', '—', 'un', 'record', '.']],
  ['Voir https://exemple.org/rapport-2024.pdf ou écrire à presse@exemple.org.', ['Voir', 'https://exemple.org/rapport-2024.pdf', 'ou', 'écrire', 'à', 'presse@exemple.org', '.']],
  ['Cette fois-ci, celui-ci est arrivé ce jour-là.', ['Cette', 'fois', '-ci', ',', 'celui-ci', 'est', 'arrivé', 'ce', 'jour', '-là', '.']],
];

const ENGLISH: Case[] = [
  ["The army's spokesman said they don't know who fired.", ['The', "army's=army+'s", 'spokesman', 'said', 'they', "don't=do+n't", 'know', 'who', 'fired', '.']],
  ['The militia’s leaders can’t and won’t negotiate.', ['The', 'militia’s=militia+’s', 'leaders', 'can’t=ca+n’t', 'and', 'won’t=wo+n’t', 'negotiate', '.']],
  ["We're sure they'll come; I'm told it'd take days, and they've left.", ["We're=We+'re", 'sure', "they'll=they+'ll", 'come', ';', "I'm=I+'m", 'told', "it'd=it+'d", 'take', 'days', ',', 'and', "they've=they+'ve", 'left', '.']],
  ['Rebels cannot hold the town and are gonna retreat.', ['Rebels', 'cannot=can+not', 'hold', 'the', 'town', 'and', 'are', 'gonna=gon+na', 'retreat', '.']],
  ["The soldiers' families waited.", ['The', "soldiers'=soldiers+'", 'families', 'waited', '.']],
  ['Gen. Smith said 1,200 U.S. troops and 3.5 tons of aid arrived on Jan. 5.', ['Gen.', 'Smith', 'said', '1,200', 'U.S.', 'troops', 'and', '3.5', 'tons', 'of', 'aid', 'arrived', 'on', 'Jan.', '5', '.']],
  ['Anti-aircraft fire hit a two-year-old building; re-elected officials left.', ['Anti-aircraft', 'fire', 'hit', 'a', 'two', '-', 'year', '-', 'old', 'building', ';', 're-elected', 'officials', 'left', '.']],
  ['Casualties rose 25% between 2013-2014, said Dr. Haddad (د. حداد).', ['Casualties', 'rose', '25', '%', 'between', '2013', '-', '2014', ',', 'said', 'Dr.', 'Haddad', '(', 'د', '.', 'حداد', ')', '.']],
  ['“We will not leave,” he said — and left.', ['“', 'We', 'will', 'not', 'leave', ',', '”', 'he', 'said', '—', 'and', 'left', '.']],
  ['Write to press@example.org or see www.example.com/report...', ['Write', 'to', 'press@example.org', 'or', 'see', 'www.example.com/report', '...']],
];

for (const [language, cases] of [['fr', FRENCH], ['en', ENGLISH]] as const) {
  test(`tokenize (${language}): tokens and syntactic words as UD cuts them`, () => {
    for (const [text, expected] of cases) assert.deepEqual(render(text, language), expected, text);
  });
}

test('tokenize: every token slices back from its offsets, and every word has a token', () => {
  for (const [language, cases] of [['fr', FRENCH], ['en', ENGLISH]] as const) {
    for (const [text] of cases) {
      for (const s of tokenize(text, language)) {
        assert.equal(text.slice(s.start, s.end).length > 0, true);
        for (const t of s.tokens) {
          assert.equal(text.slice(t.start, t.end), t.form);
          assert.ok(t.words.length >= 1);
          assert.ok(t.start >= s.start && t.end <= s.end);
        }
      }
    }
  }
});

test('tokenize: offsets hold on random text (letters, accents, Arabic, emoji, apostrophes, hyphens, digits)', () => {
  const alphabet = [
    'a', 'b', 'e', 'l', 'd', 's', 't', 'n', 'q', 'u', 'A', 'L', 'M', 'U', 'S', 'é', 'à', 'ç', 'É', 'œ', 'ا', 'ل', 'م', 'ح', 'د', 'ً', 'ـ',
    ' ', ' ', ' ', '  ', '\n', '\u00a0', '\u202f', '\t', '.', '.', ',', ';', ':', '!', '?', '…', "'", "'", '’', 'ʼ', '‘', '-', '-', '–', '—', '«', '»', '“', '”', '"', '(', ')', '[', '/', '@', '#', '%', '&', '+', '°',
    '0', '1', '2', '5', '9', '😀', '👍🏽', '🇫🇷', '\u{1F9D1}\u200D\u{1F692}', '\uD800', '\uDFFF', '\u200b', '\u00ad', '\u200c', 'www.', 'http://', '.com', "l'", "qu'", '-t-il', "n't", "'s", 'du', 'des', 'M.', 'U.S.',
  ];
  let seed = 12345;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % n; };
  for (let k = 0; k < 1500; k++) {
    const parts: string[] = [];
    const n = 1 + rand(40);
    for (let i = 0; i < n; i++) parts.push(alphabet[rand(alphabet.length)]!);
    const text = parts.join('');
    for (const language of TOKENIZER_LANGUAGES) {
      let last = 0;
      for (const s of tokenize(text, language)) {
        assert.ok(s.start >= last, `sentences in order: ${JSON.stringify(text)}`);
        for (const t of s.tokens) {
          assert.equal(text.slice(t.start, t.end), t.form, JSON.stringify(text));
          assert.ok(t.end > t.start && t.start >= last, `tokens in order, not empty: ${JSON.stringify(text)}`);
          assert.doesNotMatch(t.form, /^\s|\s$/u, `no token starts or ends with a space: ${JSON.stringify(text)}`);
          last = t.end;
        }
      }
      // Every non-space character belongs to a token.
      const covered = tokenize(text, language).flatMap((s) => s.tokens).reduce((a, t) => a + t.form.replace(/[\s\u200b\ufeff]/gu, '').length, 0);
      assert.equal(covered, text.replace(/[\s\u200b\ufeff]/gu, '').length, JSON.stringify(text));
    }
  }
});

test('tokenize: a range is tokenized in place, offsets into the whole text', () => {
  const text = 'Titre. Le maire du village a fui. Fin.';
  const start = text.indexOf('Le'), end = text.indexOf(' Fin');
  const sentences = tokenize(text, 'fr', { start, end });
  assert.equal(sentences.length, 1);
  assert.equal(text.slice(sentences[0]!.start, sentences[0]!.end), 'Le maire du village a fui.');
  const tokens = tokenizeSentence(text, start, end, 'fr');
  assert.deepEqual(tokens.map((t) => t.form), ['Le', 'maire', 'du', 'village', 'a', 'fui', '.']);
  assert.equal(tokens[0]!.start, start);
  assert.deepEqual(tokens[2]!.words, ['de', 'le']);
  assert.deepEqual(tokenize('', 'en'), []);
  assert.deepEqual(tokenize('   \n ', 'fr'), []);
});

const sentencesOf = (text: string, language: TokenizerLanguage) => tokenize(text, language).map((s) => text.slice(s.start, s.end));

test('sentences (fr): abbreviations and initials do not end a sentence; quotes stay with theirs', () => {
  assert.deepEqual(sentencesOf('M. Dupont a rencontré le Gén. Haftar à Benghazi. Les combats ont repris. « Nous resterons. » Le maire a fui !', 'fr'), [
    'M. Dupont a rencontré le Gén. Haftar à Benghazi.', 'Les combats ont repris.', '« Nous resterons. »', 'Le maire a fui !',
  ]);
  assert.deepEqual(sentencesOf('« Pourquoi ? » a-t-il demandé. J. Martin a répondu.', 'fr'), ['« Pourquoi ? » a-t-il demandé.', 'J. Martin a répondu.']);
  // "etc." ends a sentence when a sentence starts after it, and gives up its period then
  const s = tokenize('Des armes, des munitions, etc. Le stock a brûlé.', 'fr');
  assert.equal(s.length, 2);
  assert.deepEqual(s[0]!.tokens.slice(-2).map((t) => t.form), ['etc', '.']);
  // a line break ends a sentence (titles, datelines)
  assert.deepEqual(sentencesOf('Attaque à Gao\nTrois soldats ont été tués', 'fr'), ['Attaque à Gao', 'Trois soldats ont été tués']);
});

test('sentences (en): titles, U.S. and months do not end a sentence; a sentence-final abbreviation does', () => {
  assert.deepEqual(sentencesOf('Gen. Smith met Lt. Col. Jones and U.S. forces on Jan. 5. Mr. Ali left. "We stay," he said. They left!', 'en'), [
    'Gen. Smith met Lt. Col. Jones and U.S. forces on Jan. 5.', 'Mr. Ali left.', '"We stay," he said.', 'They left!',
  ]);
  const s = tokenize('The strike hit the U.S. The base burned.', 'en');
  assert.equal(s.length, 2);
  assert.deepEqual(s[0]!.tokens.slice(-2).map((t) => t.form), ['U.S', '.']);
  assert.deepEqual(sentencesOf('Is it over? no, said the man.', 'en'), ['Is it over? no, said the man.']);
});

test('rules: loaded from src/lang/<language>/tokenizer.json, checked when compiled', () => {
  for (const language of TOKENIZER_LANGUAGES) assert.equal(loadTokenizerRules(language).language, language);
  assert.throws(() => loadTokenizerRules('xx' as TokenizerLanguage), /no rules for language "xx"/);
  const base = { elisions: [], hyphen: 'keep', hyphenKeepPrefixes: [], hyphenKeepWords: [], cliticSuffixes: [], keepWhole: [], suffixSplits: [], contractions: {}, contextualContractions: {}, abbreviationsMayEndSentence: [], numberSpaceGroups: false, sentence: { enders: '.', closers: '', lowercaseContinues: true, startersAfterAbbreviation: [] } } as const;
  assert.throws(() => compileTokenizerRules('xx', { ...base, abbreviations: ['Dr'] }, 'xx.json'), /xx\.json: abbreviation "Dr" must be written with its period/);
  assert.throws(() => compileTokenizerRules('xx', { ...base, hyphen: 'maybe' as 'keep', abbreviations: [] }), /hyphen must be/);
});

test('scoreTokenization: CoNLL 2018 tokens, words (multiword tokens) and sentences F1', () => {
  const conllu = [
    '# text = Le chef du camp a fui.',
    '1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_',
    '2\tchef\tchef\tNOUN\t_\t_\t6\tnsubj\t_\t_',
    '3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_',
    '3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_',
    '4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_',
    '5\tcamp\tcamp\tNOUN\t_\t_\t2\tnmod\t_\t_',
    '6\ta\tavoir\tAUX\t_\t_\t7\taux\t_\t_',
    '7\tfui\tfuir\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No',
    '8\t.\t.\tPUNCT\t_\t_\t7\tpunct\t_\t_',
    '',
    '# text = Il y a 10 000 morts.',
    '1\tIl\til\tPRON\t_\t_\t3\texpl\t_\t_',
    '2\ty\ty\tPRON\t_\t_\t3\texpl\t_\t_',
    '3\ta\tavoir\tVERB\t_\t_\t0\troot\t_\t_',
    '4\t10 000\t10 000\tNUM\t_\t_\t5\tnummod\t_\t_',
    '5\tmorts\tmort\tNOUN\t_\t_\t3\tobj\t_\tSpaceAfter=No',
    '6\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_',
    '',
  ].join('\n');
  const score = scoreTokenization(parseConllu(conllu), 'fr');
  assert.equal(score.tokensF1, 1);
  assert.equal(score.wordsF1, 1);
  assert.equal(score.sentencesF1, 1);
  assert.equal(score.tokens.gold, 13);
  assert.equal(score.words.gold, 14);
  // a tokenizer that keeps "du" whole loses one word of fourteen, and no token
  assert.equal(score.tokens.matched, 13);
});

// It runs at a few million characters a second; the bar here is set low so that a busy machine does not fail it.
test('tokenize: fast enough for every sentence of every article', () => {
  const text = FRENCH.map((c) => c[0]).join(' ').repeat(200);
  tokenize(text, 'fr');
  const t0 = performance.now();
  tokenize(text, 'fr');
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(text.length / seconds > 250_000, `${Math.round(text.length / seconds)} characters a second`);
});
