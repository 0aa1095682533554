// Documents of the review tests: a report from Kenya that tells a second event (Nairobi), which a reviewer
// merges with the attack in Mandera, and a later report of the same attack from another outlet.
export const KENYA = JSON.stringify({
  document: 'standard-mandera.txt', outlet: 'The Standard', url: 'https://www.example.org/news/mandera-police-post', published: '2023-12-05',
  text: 'Al-Shabaab attack on police post in Mandera\n\nNairobi, 5 December 2023 — Al-Shabaab militants attacked a police post in Mandera, Kenya, on Monday, killing two police officers, local officials said. On Monday, gunmen also attacked a police patrol in Nairobi.\n',
});

export const KENYA_LATER = JSON.stringify({
  document: 'nation-mandera.txt', outlet: 'Daily Nation', url: 'https://www.example.org/nation/mandera', published: '2023-12-06',
  text: 'Police officers killed in Mandera attack\n\nAl-Shabaab militants attacked a police post in Mandera, Kenya, on 5 December 2023, killing two police officers, officials said.\n',
});

export const SOMEWHERE_ELSE = 'Shelling in Kharkiv\n\nOn 2 December 2023, Russian forces shelled Kharkiv, Ukraine, killing four civilians, officials said.\n';
