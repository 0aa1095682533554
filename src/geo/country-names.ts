// A country's name as conflict analysts write it, from its ISO code. One place for it, so that a
// gazetteer entry, a state actor ("Military Forces of Sudan") and a nationality agree on the name.
import countries from 'i18n-iso-countries';

// Where the shortest ISO name is not the one analysts use.
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  SY: 'Syria', LA: 'Laos', CD: 'Democratic Republic of Congo', CG: 'Republic of Congo', MD: 'Moldova', GB: 'United Kingdom',
  CZ: 'Czech Republic', BN: 'Brunei', VA: 'Vatican City', FM: 'Micronesia',
};

/** The country's common English name: "Syria", "United States", "Iran". */
export function countryName(code: string): string | null {
  const override = COUNTRY_NAMES[code];
  if (override) return override;
  const names = (countries.getName(code, 'en', { select: 'all' }) ?? []).filter((n) => !/^[A-Z.]+$/.test(n) && !n.includes(','));
  return names.sort((a, b) => a.length - b.length)[0] ?? countries.getName(code, 'en') ?? null;
}
