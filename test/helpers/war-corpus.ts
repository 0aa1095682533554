// Notes of a war written for the tests, in the manner of ACLED's notes and of wire reports: towns hit
// on many days of one month, each day's strike told by several outlets (a calendar date, a weekday
// the day after, a toll that differs or rises), shelling and air strikes of one town on one day, a
// report dated only by its week, and undated ones. No text of any real report: every sentence is
// made here. Each document is published on a site of its own (its URL), so that what is learnt of
// a site's boilerplate never depends on which documents came first.
import { writeFileSync } from 'node:fs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOWNS = ['Khan Yunis', 'Rafah', 'Jabalia', 'Deir al-Balah'];

export interface WarNote { readonly document: string; readonly text: string; readonly published: string; readonly url: string; readonly language: 'en' }

const day = (k: number) => new Date(Date.UTC(2024, 2, k));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const spelled = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** About 7 notes a day over `days` days of March 2024, deterministic. */
export function warNotes(days = 12): WarNote[] {
  const out: WarNote[] = [];
  const add = (document: string, published: Date, text: string) =>
    out.push({ document, text, published: iso(published), url: `https://n${out.length}.war.test/${document}`, language: 'en' });
  for (let k = 1; k <= days; k++) {
    const d = day(k), next = day(k + 1);
    const town = TOWNS[k % TOWNS.length]!, other = TOWNS[(k + 1) % TOWNS.length]!;
    const killed = (k % 4) + 2;
    add(`wire-${k}.txt`, d, `Air strike on ${town}\n\nOn ${spelled(d)}, an Israeli air strike hit a house in ${town}, killing ${killed} people, the civil defence said.`);
    add(`daily-${k}.txt`, d, `Strike in ${town}\n\nIsraeli warplanes struck a residential building in ${town} on ${spelled(d)}, killing ${killed + 1} people, medics said.`);
    add(`weekly-${k}.txt`, next, `${town}\n\nAn Israeli air strike hit a home in ${town} on ${WEEKDAYS[d.getUTCDay()]}, wounding ${k + 1} people, residents said.`);
    add(`shells-${k}.txt`, d, `${town}\n\nOn ${spelled(d)}, Israeli artillery shelled the east of ${town}, medics said.`);
    add(`note-${k}.txt`, d, `On ${spelled(d)}, Israeli forces shelled the outskirts of ${other}. No casualties were reported.`);
    if (k % 3 === 0) add(`update-${k}.txt`, next, `${town}\n\nThe toll of the Israeli air strike on a house in ${town} on ${spelled(d)} rose to ${killed + 9} dead, the civil defence said.`);
    if (k % 4 === 1) add(`clash-${k}.txt`, d, `On ${spelled(d)}, Hamas fighters clashed with Israeli forces in ${other}, the group said.`);
  }
  add('roundup.txt', day(Math.min(days, 6)), `${TOWNS[1]}\n\nAn Israeli air strike hit a house in ${TOWNS[1]} this week, the civil defence said.`);
  add('undated.txt', day(days), `${TOWNS[2]}\n\nResidents of ${TOWNS[2]} said an Israeli drone struck a car near the market.`);
  return out;
}

export function writeWarNotes(path: string, notes: readonly WarNote[] = warNotes()): string {
  writeFileSync(path, notes.map((n) => JSON.stringify(n)).join('\n') + '\n');
  return path;
}
