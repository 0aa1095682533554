// Short reports written for vigie's tests and samples (invented; no text is taken from any outlet).
// Each is a headline line and paragraphs, as a text document would be.

export interface Article {
  readonly slug: string;
  readonly lang: 'fr' | 'en';
  readonly published: string;
  readonly text: string;
}

export const ARTICLES: readonly Article[] = [
  {
    slug: 'deir-ez-zor-convoi',
    lang: 'fr',
    published: '2024-02-12T18:40:00+03:00',
    text: `Frappe de drone contre un convoi près de Deir ez-Zor

Un drone a frappé un convoi de camions-citernes près de Deir ez-Zor, dans l'est de la Syrie, le 12 février 2024, tuant trois chauffeurs, selon l'Observatoire syrien des droits de l'homme.

L'attaque n'a pas été revendiquée. Les forces locales ont bouclé la route pendant plusieurs heures.`,
  },
  {
    slug: 'ain-al-asad-rockets',
    lang: 'en',
    published: '2024-02-15T09:05:00Z',
    text: `Rocket attack hits base in western Iraq

Two rockets struck Ain al-Asad air base in Anbar province, western Iraq, on 15 February 2024, wounding one contractor, a security source said.

The Islamic Resistance in Iraq claimed the attack in a statement.`,
  },
  {
    slug: 'kirkouk-engin-piege',
    lang: 'fr',
    published: '2024-02-20T11:00:00+03:00',
    text: `Explosion d'un engin piégé près de Kirkouk

Un engin explosif improvisé a explosé au passage d'une patrouille de l'armée irakienne près de Kirkouk, dans le nord de l'Irak, le 20 février 2024, blessant quatre soldats, selon une source policière.

Aucun groupe n'a revendiqué l'explosion.`,
  },
];

/** Items of the test feed: a title and a paragraph each. */
export const FEED_ITEMS: readonly Article[] = [
  {
    slug: 'khiam-artillerie',
    lang: 'fr',
    published: 'Thu, 22 Feb 2024 16:20:00 +0200',
    text: `Tirs d'artillerie sur un village du sud du Liban

Des tirs d'artillerie israéliens ont visé le village de Khiam, au sud du Liban, le 22 février 2024, tuant un civil, selon l'Agence nationale d'information.`,
  },
  {
    slug: 'erbil-drone',
    lang: 'en',
    published: 'Sun, 25 Feb 2024 21:10:00 +0300',
    text: `Drone strike kills two near Erbil

A drone strike hit a vehicle near Erbil, in the Kurdistan region of Iraq, on 25 February 2024, killing two people, local officials said.`,
  },
];
