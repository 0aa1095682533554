// ISO weeks (Monday to Sunday) of days written YYYY-MM-DD, for the timeline of a long span: the store
// sums days into weeks itself, by the same Monday as the databases' triggers key event_rollup_week by
// (test/store/rollup.test.ts holds the two to one another).

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday). */
const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const dayOfNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The day n days after a day (before it when n < 0). */
export function addDays(day: string, n: number): string {
  return dayOfNumber(dayNumber(day) + n);
}

/** Days from the first to the last, both counted (2021-01-01 to 2021-12-31: 365). */
export function daysSpanned(first: string, last: string): number {
  return dayNumber(last) - dayNumber(first) + 1;
}

/** The Monday of a day's ISO week. */
export function mondayOf(day: string): string {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday, three days after a Monday.
  return dayOfNumber(n - (((n + 3) % 7) + 7) % 7);
}

/**
 * A span of days (either end open) cut into the weeks it holds whole and the days at its ends that
 * are in weeks it cuts: `weeks` the Mondays of the first and last whole week (an open end stays
 * open; null when no week is whole), `days` at most two spans of days, first and last both in.
 */
export interface WeeksOfSpan {
  readonly weeks: { readonly from?: string; readonly to?: string } | null;
  readonly days: readonly (readonly [string, string])[];
}

export function weeksOfSpan(from: string | undefined, to: string | undefined): WeeksOfSpan {
  // The first Monday on or after `from`, and the Monday of the last week that ends on or before `to`.
  const firstWhole = from === undefined ? undefined : mondayOf(from) === from ? from : addDays(mondayOf(from), 7);
  const lastWhole = to === undefined ? undefined : addDays(mondayOf(addDays(to, 1)), -7);
  if (from !== undefined && to !== undefined && firstWhole! > lastWhole!) return { weeks: null, days: to >= from ? [[from, to]] : [] };
  const days: [string, string][] = [];
  if (from !== undefined && from < firstWhole!) days.push([from, addDays(firstWhole!, -1)]);
  if (to !== undefined && addDays(lastWhole!, 6) < to) days.push([addDays(lastWhole!, 7), to]);
  return { weeks: { ...(firstWhole !== undefined ? { from: firstWhole } : {}), ...(lastWhole !== undefined ? { to: lastWhole } : {}) }, days };
}
