// Cross-document event resolution. A mention is one document's telling of an event (the
// record extracted from that document). Mentions that tell the same event are clustered:
//   phase 1 — mentions with a day and a point on the map are linked pairwise when their kind,
//             places (a distance that depends on both precisions), days and actors agree; links of
//             one day make cores, and a core told without a calendar date joins at most one core of
//             the day before or after (dayGroups()): an event spans two days at most, and what a
//             mention joins depends on the mentions of a few days around it, never on their order;
//   phase 2 — mentions without a day or without a point (a country only) join the one cluster
//             that best fits them, or stand alone (each choosing among the clusters as they stand
//             before its tier): linking them pairwise would chain unrelated events of one country
//             together.
// A cluster becomes one event record whose sources are every mention's document.
import { createHash } from 'node:crypto';
import type { ClaimStatus, DatePrecision, EventRecord, Place, Weapon } from '../types.ts';
import { noteFor } from '../extract/pipeline.ts';
import { eventTypeOf } from '../extract/taxonomy.ts';
import { dayNumber, precisionRank, toDays, validDay, yearOfDay } from '../extract/dates.ts';
import { kmBetween } from '../geo/distance.ts';
import { nameKey } from '../text/fold.ts';

export interface Mention {
  readonly id: string;
  readonly document: string;
  readonly record: EventRecord;
  /** "MM-DD" the document told without a year (the record's date is then null). */
  readonly dayWithoutYear?: string | null;
  /** The document told several events at once here, and nothing tells them apart ("two separate drone attacks in Iraq"). */
  readonly tellsSeveral?: boolean;
  /** The text gave the event's day as a calendar date ("on 29 January"), not a weekday or "yesterday". */
  readonly dayStated?: boolean;
  /** Its place is a name the gazetteer lacks, set at the point of the area the text put it in. */
  readonly placeUnknown?: boolean;
}

/** What resolution reads of a mention; also what the store indexes. */
export interface MentionKey {
  readonly id: string;
  readonly document: string;
  readonly family: string;
  readonly subEventType: string;
  readonly day: number | null; // days since 1970 of the mention's date
  readonly datePrecision: DatePrecision | null;
  /** "MM-DD" of an undated mention whose text gave the day and month but no year. */
  readonly dayWithoutYear?: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geoPrecision: number | null;
  readonly country: string | null;
  /** The province or county of the place, when known (absent in keys stored before it was kept). */
  readonly admin1?: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly weapons?: readonly string[];
  /** A telling of several events at once: it is none of them (absent in keys stored before it was kept). */
  readonly tellsSeveral?: boolean;
  /** The day was stated as a calendar date (absent in keys stored before it was kept). */
  readonly dayStated?: boolean;
  /** The death toll the telling states (absent in keys stored before it was kept). */
  readonly killed?: number | null;
  /** Its place is a name the gazetteer lacks, at its area's point (absent in keys stored before it was kept). */
  readonly placeUnknown?: boolean;
  /** The name of its place as the telling gives it (absent in keys stored before it was kept). */
  readonly placeName?: string | null;
  readonly published: number | null;
  /** Order of mentions for a stable event id: earliest report first. */
  readonly sortKey: string;
}

export const CELL_DEGREES = 0.5;

export function mentionKey(m: Mention): MentionKey {
  const r = m.record;
  const published = r.sources[0]?.published ?? null;
  return {
    id: m.id,
    document: m.document,
    family: r.event_type,
    subEventType: r.sub_event_type,
    day: r.date ? toDays(r.date) : null,
    datePrecision: r.date_precision,
    dayWithoutYear: r.date ? null : m.dayWithoutYear ?? null,
    lat: r.location?.lat ?? null,
    lon: r.location?.lon ?? null,
    geoPrecision: r.location?.geo_precision ?? null,
    country: r.location?.country_code ?? null,
    admin1: r.location?.admin1 ?? null,
    actor1: r.actor1,
    actor2: r.actor2,
    weapons: r.weapons,
    tellsSeveral: m.tellsSeveral ?? false,
    dayStated: (m.dayStated ?? false) && r.date_precision === 'day',
    killed: r.killed,
    placeName: r.location?.name ?? null,
    placeUnknown: (m.placeUnknown ?? false) && r.location?.geo_precision === 3,
    published: published ? toDays(published) : null,
    sortKey: `${published ?? '9999-12-31'}|${m.id}`,
  };
}

export function cellOf(lat: number, lon: number): string {
  return `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lon / CELL_DEGREES)}`;
}

/** How far from its point an undated telling can be from the event it tells (fit()). */
export const UNDATED_REACH_KM = 10;

/** How far a telling placed only in a region can be from the event it tells (distanceLimit()). */
const VAGUE_REACH_KM = 150;

/** Degrees of latitude and of longitude that `km` spans at a latitude (at least, near the poles). */
function degreesAround(lat: number, km: number): { dLat: number; dLon: number } {
  return { dLat: km / 111, dLon: km / (111 * Math.max(0.1, Math.cos((lat * Math.PI) / 180))) };
}

/** The map cells within `km` of a mention's point (one, or up to four at a cell's corner). */
export function cellsWithin(k: MentionKey, km: number): string[] {
  if (k.lat === null || k.lon === null) return [];
  const { dLat, dLon } = degreesAround(k.lat, km);
  const out = new Set<string>();
  for (const la of [k.lat - dLat, k.lat + dLat]) for (const lo of [k.lon - dLon, k.lon + dLon]) out.add(cellOf(la, lo));
  return [...out];
}

/** The cells a mention's candidates can be in: wider for a vaguer place. */
export function neighbourCells(k: MentionKey): string[] {
  if (k.lat === null || k.lon === null) return [];
  const reach = k.geoPrecision === 3 || k.geoPrecision === null ? 3 : 1;
  const i = Math.floor(k.lat / CELL_DEGREES), j = Math.floor(k.lon / CELL_DEGREES);
  const out: string[] = [];
  for (let di = -reach; di <= reach; di++) for (let dj = -reach; dj <= reach; dj++) out.push(`${i + di}:${j + dj}`);
  return out;
}

/** How many days before its report an undated telling may have happened: news tells an undated blow as recent
 *  (the day of the report, the night before, a weekend ago). A week reached back to blows at the same site told
 *  days earlier by other outlets, which an undated retelling of a new blow there is not. */
const UNDATED_LOOKBACK_DAYS = 3;

/** How many days apart two tellings of one event may date it, by the precision of a date: outlets
 *  date one attack a day apart (the night of, the day after); a week-precise date is "around the report". */
function dateTolerance(p: DatePrecision | null): number {
  return p === 'day' ? 1 : p === 'week' ? 7 : p === 'month' ? 31 : 366;
}

/** Days a candidate's date may fall on. */
export function dayWindow(k: MentionKey): [number, number] | null {
  if (k.day === null) return k.published === null ? null : [k.published - UNDATED_LOOKBACK_DAYS - 1, k.published + 1];
  const span = dateTolerance(k.datePrecision);
  return [k.day - span, k.day + span];
}

/** A mention precise enough to link pairwise: a day (or the week of its report) and a point. */
export function isAnchor(k: MentionKey): boolean {
  return !k.tellsSeveral && k.day !== null && (k.datePrecision === 'day' || k.datePrecision === 'week') && k.lat !== null && k.lon !== null && (k.geoPrecision === 1 || k.geoPrecision === 2);
}

/** An anchor told to the day: the tellings events are made of in phase 1. */
export function isDayAnchor(k: MentionKey): boolean {
  return isAnchor(k) && k.datePrecision === 'day';
}

function km(a: MentionKey, b: MentionKey): number {
  return kmBetween(a.lat!, a.lon!, b.lat!, b.lon!);
}

/** A degree of latitude is 111.19 km of any great circle's length, whatever the longitudes. */
const KM_PER_DEGREE_OF_LATITUDE = (12742 / 2) * (Math.PI / 180);

/** A lower bound of km(a, b), without trigonometry, kept a hair below it so that rounding never makes it the larger. */
function kmApartAtLeast(a: MentionKey, b: MentionKey): number {
  return Math.abs(a.lat! - b.lat!) * KM_PER_DEGREE_OF_LATITUDE * (1 - 1e-9) - 1e-6;
}

/** How far apart two places may be and still be one event's, given how precisely each is known. */
function distanceLimit(a: MentionKey, b: MentionKey): number {
  const worst = Math.max(a.geoPrecision ?? 3, b.geoPrecision ?? 3);
  // Two places named apart, each known to the town: two towns, unless one lies at the other's edge.
  if (worst === 1 && a.placeName && b.placeName && a.placeName !== b.placeName) return NAMED_APART_KM;
  return worst === 1 ? 10 : worst === 2 ? 30 : VAGUE_REACH_KM;
}
/** How far apart two differently named places, each known to the town, may be and be one event's (a base and the town it is named by). */
const NAMED_APART_KM = 5;

const REMOTE_OR_BATTLE = new Set(['Explosions/Remote violence', 'Battles']);

/** Sub-event types that name how a blow was delivered: two reports that name two of them (an air strike,
 *  shelling) tell two blows, where a war strikes one town from the air and by artillery the same day. */
const DELIVERY_TYPES = new Set(['Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade']);

const FROM_AFAR = new Set(['Air/drone strike', 'Shelling/artillery/missile attack']);

/** The family whose sub-event types name unrelated happenings (ACLED's catch-all for what is not violence or protest). */
const UNRELATED_SUBTYPES_FAMILY = 'Strategic developments';

function kindsAgree(a: MentionKey, b: MentionKey, sameSite: boolean): boolean {
  if (a.subEventType !== b.subEventType && DELIVERY_TYPES.has(a.subEventType) && DELIVERY_TYPES.has(b.subEventType)) return false;
  // Two sides exchanging fire is not a strike from the air or by artillery: a town can see both the same
  // day. (A bomb that opens a gunfight is one complex attack, told as either: not kept apart.)
  if ((a.subEventType === 'Armed clash' && FROM_AFAR.has(b.subEventType)) || (b.subEventType === 'Armed clash' && FROM_AFAR.has(a.subEventType))) return false;
  // Strategic developments are not one kind of event told variously: an arrest, an interception and a demolition the
  // same day in one city are three events.
  if (a.family === b.family) return a.family !== UNRELATED_SUBTYPES_FAMILY || a.subEventType === b.subEventType;
  // One outlet's "attack" on a base is another's "drone strike": across these two families only at one site.
  return sameSite && REMOTE_OR_BATTLE.has(a.family) && REMOTE_OR_BATTLE.has(b.family);
}

/** Victims read as civilians by one report are often named by their role, or as a side, by another. */
const isCivilians = (actor: string) => actor.startsWith('Civilians');
/** A side that names who acted: not a crowd or civilians of a country ("Rioters (Palestine)"), which every
 *  demonstration or attack on people there has, and so tells no two events to be one. */
const namesGroup = (actor: string | null): actor is string => actor !== null && !/^(?:Civilians|Protesters|Rioters)\b/.test(actor);

function actorsAgree(a: MentionKey, b: MentionKey): boolean {
  if (a.actor1 && b.actor1 && a.actor1 !== b.actor1) return false;
  if (a.actor2 && b.actor2 && a.actor2 !== b.actor2 && !isCivilians(a.actor2) && !isCivilians(b.actor2)) return false;
  return true;
}

function daysAgree(a: MentionKey, b: MentionKey): boolean {
  if (a.day === null || b.day === null) return false;
  // Two calendar dates that differ are two days, as written: the day of tolerance is for a weekday or
  // "yesterday" counted from another day, or a night told by the day it ended.
  if (a.dayStated && b.dayStated) return a.day === b.day;
  // A month ("en novembre", a URL's 2023/11) is dated its first day and holds the days after it, not the weeks before.
  if ((a.datePrecision === 'month' && b.day < a.day - 1) || (b.datePrecision === 'month' && a.day < b.day - 1)) return false;
  return Math.abs(a.day - b.day) <= Math.max(dateTolerance(a.datePrecision), dateTolerance(b.datePrecision));
}

/**
 * Two tolls one event's tellings may give: close figures (outlets count differently, 40 and 46), or a
 * larger one reported later (a toll rises as the dead are found). "Killing 3" and "killing 14" told
 * the same day of one town, with no later update, are two strikes: in a war, a town is struck many
 * times a day, and the toll is what tells the strikes apart.
 */
function tollsAgree(a: MentionKey, b: MentionKey): boolean {
  const ka = a.killed ?? null, kb = b.killed ?? null;
  if (ka === null || kb === null) return true;
  const [low, high] = ka <= kb ? [a, b] : [b, a];
  const lo = low.killed!, hi = high.killed!;
  return hi - lo < TOLL_SPREAD || hi < TOLL_RATIO * lo || isUpdate(low, high);
}

/** The larger toll was reported later than the smaller: a toll that rose as the dead were found. */
function isUpdate(low: MentionKey, high: MentionKey): boolean {
  return low.published !== null && high.published !== null && high.published > low.published;
}
/**
 * Two places named differently, each with its own death toll, and the tolls differ: two strikes told once
 * each ("airstrikes in Hamad city, leaving 4 fatalities", "airstrikes west of Al Qararah, leaving 7
 * fatalities"), not one strike told twice. Either difference alone is an outlet's: a district for its
 * town, a count made later. A toll that rose in a later report is still an update.
 */
function tollsTellApart(a: MentionKey, b: MentionKey): boolean {
  if (!a.placeName || !b.placeName || a.placeName === b.placeName) return false;
  if (a.killed == null || b.killed == null || a.killed === b.killed) return false;
  const [low, high] = a.killed < b.killed ? [a, b] : [b, a];
  return !isUpdate(low, high);
}

/** Tolls this far apart (both the difference and the ratio) are two events', unless the larger is an update. */
const TOLL_SPREAD = 3;
const TOLL_RATIO = 2;

/**
 * Two places told apart by their names. Two places the gazetteer does not know, each set at the point of the area the text puts it in
 * ("Ed Dhayra town (South, Tyr)" and "Jebbayn town (South, Tyr)" both at Tyre's point, or one of them and
 * Tyre itself): one point, two names, two places. Only an unknown name shares its area's exact point. And an
 * unknown place against a town the gazetteer knows under another name (unknownNamedApart()).
 */
function namedApart(a: MentionKey, b: MentionKey): boolean {
  // Two names the gazetteer lacks, each set at the point of its area: two villages, whatever their points.
  if (a.placeUnknown && b.placeUnknown && !!a.placeName && !!b.placeName && nameKey(a.placeName) !== nameKey(b.placeName)) return true;
  if ((a.geoPrecision === 3 || b.geoPrecision === 3) && !!a.placeName && !!b.placeName && a.placeName !== b.placeName &&
    a.lat !== null && b.lat !== null && a.lat === b.lat && a.lon === b.lon) return true;
  return unknownNamedApart(a, b);
}

/**
 * A place the gazetteer does not know, set at its area's point ("Az Zawayda" at Deir al-Balah's), and a town
 * it knows under another name: two places. The unknown place is precise in the text, vague only on the map;
 * it may be its area's event only when the area itself is what the other telling names.
 */
function unknownNamedApart(a: MentionKey, b: MentionKey): boolean {
  const own = (k: MentionKey) => k.geoPrecision === 3 && !!k.placeName && !!k.admin1 && nameKey(k.placeName) !== nameKey(k.admin1);
  const [unknown, other] = own(a) ? [a, b] : own(b) ? [b, a] : [null, null];
  return unknown !== null && other !== null && (other.geoPrecision === 1 || other.geoPrecision === 2) && !!other.placeName && nameKey(other.placeName) !== nameKey(unknown.placeName!);
}

/** Phase 1: can two anchored mentions of different documents be the same event? */
export function sameEvent(a: MentionKey, b: MentionKey): boolean {
  if (a.document === b.document) return false;
  if (!isAnchor(a) || !isAnchor(b)) return false;
  if (a.country && b.country && a.country !== b.country) return false;
  const d = km(a, b);
  if (d > distanceLimit(a, b)) return false;
  return kindsAgree(a, b, d <= 10) && daysAgree(a, b) && actorsAgree(a, b) && tollsAgree(a, b);
}

function linkCost(a: MentionKey, b: MentionKey): number {
  return Math.abs(a.day! - b.day!) * 10 + km(a, b) / 10 + (a.family === b.family ? 0 : 5) + (a.subEventType === b.subEventType ? 0 : 1);
}

/** Phase 2: how well a loose mention (no day or no point) fits a cluster; null when it does not. */
function fit(loose: MentionKey, members: readonly MentionKey[]): number | null {
  // "Two separate drone attacks in Iraq" is not one of the attacks another report tells.
  if (loose.tellsSeveral || members.some((m) => m.document === loose.document)) return null;
  // A year says nothing of which of a year's events it tells.
  if (loose.datePrecision === 'year') return null;
  // The event as a whole, not one of its members: its days with this telling's must stay one event's.
  if (loose.day !== null && !coherentDays(joinDayBounds(dayBoundsOf(members), dayBoundsOf([loose])))) return null;
  let best: number | null = null;
  // Without a date or a report's date, or without a point, a telling fits only members of its sub-event type (below): asked first.
  const sameKindOnly = (loose.day === null && loose.published === null) || loose.lat === null;
  for (const m of members) {
    if (!actorsAgree(loose, m) || !tollsAgree(loose, m)) return null;
    if (sameKindOnly && loose.subEventType !== m.subEventType) continue;
    if (loose.country && m.country && loose.country !== m.country) continue;
    let cost = 0;
    // The distance, read once (three tests below ask for it), and not at all when the latitudes alone
    // are further apart than the limit: most members of the events around are ruled out so.
    let d: number | null = null;
    if (loose.lat !== null && m.lat !== null) {
      const limit = distanceLimit(loose, m);
      if (kmApartAtLeast(loose, m) > limit) continue;
      d = km(loose, m);
      if (d > limit) continue;
      // A report placed only in a province tells of that province: not of a town 100 km away in the next one.
      if ((loose.geoPrecision === 3 || m.geoPrecision === 3) && loose.admin1 && m.admin1 && loose.admin1 !== m.admin1) continue;
      // Complete linkage on names: a place told apart from one member by its name is none of the event's.
      if (namedApart(loose, m)) return null;
      cost += d / 10;
    } else {
      // A country is a weak place: a telling placed only in a country must also tell the same kind
      // of event (a rocket salvo "in Syria" is not the drone strike at a Syrian base that week).
      if (!loose.country || loose.country !== m.country || loose.subEventType !== m.subEventType) continue;
      cost += 5;
    }
    if (!kindsAgree(loose, m, d !== null && d <= 10)) continue;
    if (loose.day !== null && m.day !== null) {
      if (!daysAgree(loose, m)) continue;
      cost += Math.abs(loose.day - m.day);
    } else if (loose.day === null && loose.published !== null) {
      // An undated telling fits an event of the days before its report.
      if (m.day === null || m.day > loose.published + 1 || m.day < loose.published - UNDATED_LOOKBACK_DAYS) continue;
      cost += (loose.published - m.day) / 2;
    } else if (loose.day === null) {
      // A telling with no date at all fits only by its place, its kind and what it says of the event:
      // the same site, the same sub-event type, weapons in common, no other author, the same day and
      // month when it gives them without a year (and the caller takes it only when one event fits).
      // A site or a town, not a province's middle: "the same site" means one.
      if (d === null || (m.geoPrecision ?? 3) > 2 || d > UNDATED_REACH_KM || loose.subEventType !== m.subEventType) continue;
      const lw = loose.weapons ?? [], mw = m.weapons ?? [];
      if (lw.length && mw.length && !lw.some((w) => mw.includes(w))) continue;
      if (loose.dayWithoutYear) {
        if (m.day === null) continue;
        const gap = daysToYearless(loose.dayWithoutYear, m.day);
        if (gap > dateTolerance(m.datePrecision)) continue;
        cost += 10 + gap;
      } else cost += 20;
    } else continue;
    if (best === null || cost < best) best = cost;
  }
  return best;
}

interface Box { readonly south: number; readonly north: number; readonly west: number; readonly east: number }

/** The extent of a cluster's placed tellings, widened by `km` (everything when one has no point). */
function boxOf(members: readonly MentionKey[], km: number): Box {
  let south = 90, north = -90, west = 180, east = -180;
  for (const m of members) {
    if (m.lat === null || m.lon === null) return { south: -90, north: 90, west: -180, east: 180 };
    south = Math.min(south, m.lat); north = Math.max(north, m.lat); west = Math.min(west, m.lon); east = Math.max(east, m.lon);
  }
  const { dLat, dLon } = degreesAround(Math.max(Math.abs(south), Math.abs(north)), km);
  return { south: south - dLat, north: north + dLat, west: west - dLon, east: east + dLon };
}

/** Is a telling's point inside the box? (A telling with no point is never ruled out.) */
function inBox(k: MentionKey, box: Box): boolean {
  return k.lat === null || k.lon === null || (k.lat >= box.south && k.lat <= box.north && k.lon >= box.west && k.lon <= box.east);
}

/** The days a group's dated tellings span, and the widest tolerance among them (count 0: none is dated). */
interface DaySpan { readonly first: number; readonly last: number; readonly tolerance: number; readonly count: number }

function daySpanOf(members: readonly MentionKey[]): DaySpan {
  let first = Infinity, last = -Infinity, tolerance = 0, count = 0;
  for (const m of members) {
    if (m.day === null) continue;
    first = Math.min(first, m.day); last = Math.max(last, m.day); tolerance = Math.max(tolerance, dateTolerance(m.datePrecision)); count++;
  }
  return { first, last, tolerance, count };
}

/**
 * Whether a telling's days leave a group's members a chance (fit() asks the same of each member): a
 * dated telling fits only a dated member within the wider of their tolerances, an undated one
 * reported on a day only a member dated in the week before. Asked before fit() of most groups.
 */
function daysMayFit(l: MentionKey, span: DaySpan): boolean {
  if (l.day !== null) {
    if (!span.count) return false;
    const tolerance = Math.max(dateTolerance(l.datePrecision), span.tolerance);
    return l.day >= span.first - tolerance && l.day <= span.last + tolerance;
  }
  if (l.published !== null) return span.count > 0 && l.published + 1 >= span.first && l.published - UNDATED_LOOKBACK_DAYS <= span.last;
  return true;
}

/** A box over more cells than this is looked at for every telling rather than filed under its cells. */
const MAX_CELLS_PER_BOX = 400;

/** Boxes filed under the map cells they cover, so that the boxes that may hold a point are found at its cell. */
class BoxCells {
  private readonly byCell = new Map<number, number[]>();
  private readonly wide: number[] = [];

  /** `cellDegrees`: about the size of the boxes, so that a box covers a few cells and a cell holds few boxes. */
  constructor(private readonly cellDegrees: number) {}

  /** A box, by its index, when it is made or grows (the cells it covered before stay filed: it only grows). */
  file(index: number, box: Box): void {
    const [south, north, west, east] = [this.row(box.south), this.row(box.north), this.row(box.west), this.row(box.east)];
    if ((north - south + 1) * (east - west + 1) > MAX_CELLS_PER_BOX) {
      this.wide.push(index);
      return;
    }
    for (let i = south; i <= north; i++) {
      for (let j = west; j <= east; j++) {
        const cell = (i + 1e4) * 1e5 + (j + 1e4); // one number (rows and columns are a few thousand at most each way)
        const list = this.byCell.get(cell);
        if (list) list.push(index);
        else this.byCell.set(cell, [index]);
      }
    }
  }

  /** The boxes filed at a point's cell (a box filed twice is given twice). */
  at(lat: number, lon: number): readonly number[] {
    const cell = (this.row(lat) + 1e4) * 1e5 + (this.row(lon) + 1e4);
    return [...(this.byCell.get(cell) ?? []), ...this.wide];
  }

  /** The row (of latitude) or column (of longitude) of the cell a coordinate is in. */
  private row(degrees: number): number {
    return Math.floor(degrees / this.cellDegrees);
  }
}

/**
 * Groups of phase 1 as loose tellings look for them, without a look at every group (at 100,000
 * documents a batch's neighbourhood holds thousands of events in one region):
 * - a telling with a point fits only a group with a telling within 150 km (distanceLimit()), or
 *   within 10 km when it has neither a date nor a report's date: groups are found by their extent,
 *   widened by that reach, filed under the map cells it covers (1° and 0.1°); a group with a
 *   point-less member is everything's;
 * - a telling with no point fits only through a member of its country and its sub-event type;
 * - a dated telling fits only a member dated within their tolerances (daysMayFit()).
 * mayFit() gives every group for which fit() can be other than null (and perhaps others: fit()
 * decides), by index in increasing order.
 */
class GroupIndex {
  private readonly reach: Box[];
  private readonly near: Box[];
  private readonly spans: DaySpan[];
  private readonly reachCells = new BoxCells(1);
  private readonly nearCells = new BoxCells(0.1);
  private readonly byCountryKind = new Map<string, number[]>();

  constructor(private readonly groups: readonly MentionKey[][]) {
    this.reach = groups.map((g) => boxOf(g, VAGUE_REACH_KM));
    this.near = groups.map((g) => boxOf(g, UNDATED_REACH_KM));
    this.spans = groups.map(daySpanOf);
    groups.forEach((g, index) => {
      this.reachCells.file(index, this.reach[index]!);
      this.nearCells.file(index, this.near[index]!);
      for (const m of g) this.fileKind(index, m);
    });
  }

  mayFit(l: MentionKey): number[] {
    const undated = l.day === null && l.published === null;
    const found = l.lat === null || l.lon === null
      ? [...(l.country === null ? [] : this.byCountryKind.get(`${l.country}|${l.subEventType}`) ?? [])]
      : [...(undated ? this.nearCells : this.reachCells).at(l.lat, l.lon)];
    found.sort((a, b) => a - b);
    return found.filter((k, i) => (i === 0 || k !== found[i - 1]) && inBox(l, (undated ? this.near : this.reach)[k]!) && daysMayFit(l, this.spans[k]!));
  }

  /** A telling joins a group: its extents and days grow. */
  join(index: number, l: MentionKey): void {
    const g = this.groups[index]!;
    g.push(l);
    this.reach[index] = boxOf(g, VAGUE_REACH_KM);
    this.near[index] = boxOf(g, UNDATED_REACH_KM);
    this.spans[index] = daySpanOf(g);
    this.reachCells.file(index, this.reach[index]!);
    this.nearCells.file(index, this.near[index]!);
    this.fileKind(index, l);
  }

  private fileKind(index: number, m: MentionKey): void {
    if (m.country === null) return;
    const key = `${m.country}|${m.subEventType}`;
    const list = this.byCountryKind.get(key);
    if (list) list.push(index);
    else this.byCountryKind.set(key, [index]);
  }
}

/** Days between a day and the nearest date of that "MM-DD", whatever its year. */
export function daysToYearless(monthDay: string, day: number): number {
  // In numbers rather than ISO strings: resolution asks this of every undated telling and member.
  const year = yearOfDay(day);
  const month = Number(monthDay.slice(0, 2)), date = Number(monthDay.slice(3, 5));
  let best = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    if (!validDay(y, month, date)) continue; // 02-29 of a common year
    best = Math.min(best, Math.abs(dayNumber(y, month, date) - day));
  }
  return best;
}

export interface Cluster {
  readonly id: string;
  readonly members: readonly MentionKey[];
}

/** Clusters of mentions; deterministic in the set of mentions, whatever their order. */
export function cluster(keys: readonly MentionKey[], candidates: (k: MentionKey) => Iterable<MentionKey> = () => keys): Cluster[] {
  const sorted = [...keys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Tellings told to the day (or to the week of their report) at a point are the events' cores (dayGroups()).
  const anchors = sorted.filter(isAnchor);
  const looseKeys = sorted.filter((k) => !isAnchor(k));
  const phase1 = dayGroups(anchors, candidates);
  const regionalGroups = linkRegional(looseKeys, phase1);
  const linkedRegional = new Set(regionalGroups.flat().map((k) => k.id));
  phase1.push(...regionalGroups);
  const loose = looseKeys.filter((k) => !linkedRegional.has(k.id));
  const standalone: MentionKey[][] = [];
  // Phase 2 against phase 1 only, so that loose mentions never chain through each other. Tellings
  // with a point go first, then those placed only in a country: between two events that fit a
  // vague telling equally well, the more reported one (counted before that tier) is the likelier subject.
  // A telling with no date, no publication date and no day of the month says only where and what.
  // Where several such tellings from different documents fit one event, that kind of event recurs
  // there (a town's protests over the years) and none can be told to be this one: all stand alone.
  // They come after every other telling with a point, so that the contest is judged on the events
  // as they end up.
  const placeOnly = (k: MentionKey) => k.day === null && k.published === null && !k.dayWithoutYear;
  const placedFirst = [loose.filter((k) => k.lat !== null && !placeOnly(k)), loose.filter((k) => k.lat !== null && placeOnly(k)), loose.filter((k) => k.lat === null)];
  const competing = new Map<MentionKey[], Set<string>>();
  // The groups a loose telling may fit, by extent, days and kind (each still asked through fit()).
  const index = new GroupIndex(phase1);
  const contest = () => {
    competing.clear();
    for (const l of placedFirst[1]!) {
      for (const k of index.mayFit(l)) {
        const g = phase1[k]!;
        if (fit(l, g) === null) continue;
        const documents = competing.get(g) ?? new Set<string>();
        documents.add(l.document);
        competing.set(g, documents);
      }
    }
  };
  for (const tier of placedFirst) {
    if (tier === placedFirst[1]) contest();
    const reported = phase1.map((g) => g.length);
    // Each telling of the tier chooses among the groups as they stand at the start of the tier, so that
    // what one chooses never depends on which other was looked at first; the tellings that chose one
    // group then join it cheapest first, each only if it still fits the group as it has grown.
    const chosen = new Map<number, { l: MentionKey; cost: number }[]>();
    for (const l of tier) {
      let best: { cost: number; index: number } | null = null;
      let fits = 0;
      for (const k of index.mayFit(l)) {
        const g = phase1[k]!;
        const c = fit(l, g);
        if (c === null) continue;
        fits++;
        const n = reported[k]!, m = best ? reported[best.index]! : 0;
        if (!best || c < best.cost || (c === best.cost && (n > m || (n === m && g[0]!.id < phase1[best.index]![0]!.id)))) best = { cost: c, index: k };
      }
      const group = best && phase1[best.index]!;
      // Undated and unpublished: only when one event at that site could be the one.
      const contested = group && placeOnly(l) && (competing.get(group)?.size ?? 0) > 1;
      if (best && (l.day !== null || l.published !== null || fits === 1) && !contested) {
        const list = chosen.get(best.index) ?? [];
        list.push({ l, cost: best.cost });
        chosen.set(best.index, list);
      } else standalone.push([l]);
    }
    for (const [k, list] of [...chosen].sort((a, b) => a[0] - b[0])) {
      list.sort((x, y) => x.cost - y.cost || (x.l.id < y.l.id ? -1 : 1));
      for (const { l } of list) {
        if (fit(l, phase1[k]!) !== null) index.join(k, l);
        else standalone.push([l]);
      }
    }
  }
  return [...phase1, ...standalone].map((members) => new MentionCluster([...members].sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))));
}

class MentionCluster implements Cluster {
  #id: string | undefined;
  constructor(readonly members: readonly MentionKey[]) {}
  /** Hashed when first asked: resolution asks it only of the clusters that changed. */
  get id(): string {
    return (this.#id ??= eventIdOf(this.members));
  }
}

interface Link { readonly a: MentionKey; readonly b: MentionKey; readonly cost: number }

/** The days an event's tellings give, by precision: the first and last day told to the day, and the
 *  first and last day of tellings dated to the week of their report. */
interface DayBounds {
  readonly dayFirst: number; readonly dayLast: number;
  readonly statedFirst: number; readonly statedLast: number;
  readonly weekFirst: number; readonly weekLast: number;
}

function dayBoundsOf(members: readonly MentionKey[]): DayBounds {
  let dayFirst = Infinity, dayLast = -Infinity, statedFirst = Infinity, statedLast = -Infinity, weekFirst = Infinity, weekLast = -Infinity;
  for (const m of members) {
    if (m.day === null) continue;
    if (m.datePrecision === 'day') {
      dayFirst = Math.min(dayFirst, m.day); dayLast = Math.max(dayLast, m.day);
      if (m.dayStated) { statedFirst = Math.min(statedFirst, m.day); statedLast = Math.max(statedLast, m.day); }
    } else if (m.datePrecision === 'week') { weekFirst = Math.min(weekFirst, m.day); weekLast = Math.max(weekLast, m.day); }
  }
  return { dayFirst, dayLast, statedFirst, statedLast, weekFirst, weekLast };
}

function joinDayBounds(a: DayBounds, b: DayBounds): DayBounds {
  return {
    dayFirst: Math.min(a.dayFirst, b.dayFirst), dayLast: Math.max(a.dayLast, b.dayLast),
    statedFirst: Math.min(a.statedFirst, b.statedFirst), statedLast: Math.max(a.statedLast, b.statedLast),
    weekFirst: Math.min(a.weekFirst, b.weekFirst), weekLast: Math.max(a.weekLast, b.weekLast),
  };
}

/** How many days apart an event's own tellings may date it: two consecutive days (the night of, the day
 *  after) for tellings to the day, however many join; a week for tellings dated by their report's week. */
const EVENT_DAY_SPAN = dateTolerance('day');
const EVENT_WEEK_SPAN = dateTolerance('week');

function coherentDays(b: DayBounds): boolean {
  return (b.dayLast === -Infinity || b.dayLast - b.dayFirst <= EVENT_DAY_SPAN) && b.statedLast <= b.statedFirst
    && (b.weekLast === -Infinity || b.weekLast - b.weekFirst <= EVENT_WEEK_SPAN);
}

/**
 * The connected components of the links, the closest links joined first; a component never holds
 * two events of one document (the document told them apart). Sorting the links makes this
 * independent of arrival order. Every member is in one component, alone if no link holds it.
 */
function components(members: readonly MentionKey[], links: Link[]): MentionKey[][] {
  const parent = new Map<string, string>(members.map((k) => [k.id, k.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (parent.get(c) !== r) { const n = parent.get(c)!; parent.set(c, r); c = n; }
    return r;
  };
  links.sort((x, y) => x.cost - y.cost || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : x.b.id < y.b.id ? -1 : 1));
  const documents = new Map<string, Set<string>>(members.map((k) => [k.id, new Set([k.document])]));
  const days = new Map<string, DayBounds>(members.map((k) => [k.id, dayBoundsOf([k])]));
  const grouped = new Map<string, MentionKey[]>(members.map((k) => [k.id, [k]]));
  for (const { a, b } of links) {
    const ra = find(a.id), rb = find(b.id);
    if (ra === rb) continue;
    const da = documents.get(ra)!, db = documents.get(rb)!;
    if ([...da].some((d) => db.has(d))) continue;
    // Complete linkage on days: a link joins two groups only when the whole of the union stays one
    // event's days. Links taken one by one would chain a place hit every day into one event of a month.
    const joined = joinDayBounds(days.get(ra)!, days.get(rb)!);
    if (!coherentDays(joined)) continue;
    // And on tolls, places and kinds (agreeWithin()): every telling of the union near enough to every other, of a
    // kind and a toll that agree.
    // On a day of war, links taken one by one chain the towns of a strip together.
    const ma = grouped.get(ra)!, mb = grouped.get(rb)!;
    if (ma.some((x) => mb.some((y) => !agreeWithin(x, y)))) continue;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    documents.set(root, new Set([...da, ...db]));
    days.set(root, joined);
    grouped.set(root, [...ma, ...mb]);
  }
  const groups = new Map<string, MentionKey[]>();
  for (const k of members) {
    const r = find(k.id);
    const g = groups.get(r) ?? [];
    g.push(k);
    groups.set(r, g);
  }
  return [...groups.values()];
}

/**
 * Phase 1: the events of tellings told to the day (or to the week of their report), each a function of
 * the tellings of a few days around it and not of the order in which they arrive (incremental
 * resolution re-clusters only a bounded neighbourhood of each new report, and must find what
 * clustering everything at once finds):
 * - cores: tellings of one day linked (sameEvent()), greedily by cost under complete linkage
 *   (documents, tolls): a core never leaves its day; a telling dated by its week is a core alone;
 * - a core with a calendar date among its tellings is fixed to its day; a core told only by weekdays,
 *   "yesterday" or its week floats: it proposes to its cheapest fitting fixed core, and each fixed core
 *   takes its proposals cheapest first while the whole stays one event's days (two consecutive days);
 * - a floating core with no fixed option follows its cheapest floating option that joined one;
 * - two floating cores left with no fixed core merge when each is the other's cheapest option (pairs only).
 * Chaining day after day through a place hit every day cannot happen: a core joins at most one fixed
 * core, and what a core joins depends only on the cores of the few days around it.
 */
function dayGroups(anchors: readonly MentionKey[], candidates: (k: MentionKey) => Iterable<MentionKey>): MentionKey[][] {
  const ids = new Set(anchors.map((k) => k.id));
  const sameDay: Link[] = [], crossDay: Link[] = [];
  for (const a of anchors) {
    for (const b of candidates(a)) {
      if (b.id <= a.id || !ids.has(b.id) || !sameEvent(a, b)) continue;
      (a.day === b.day && isDayAnchor(a) && isDayAnchor(b) ? sameDay : crossDay).push({ a, b, cost: linkCost(a, b) });
    }
  }
  const cores = components(anchors, sameDay).map((c) => c.sort((x, y) => (x.id < y.id ? -1 : 1)));
  if (!crossDay.length) return cores;
  const coreOf = new Map<string, number>();
  cores.forEach((c, i) => c.forEach((m) => coreOf.set(m.id, i)));
  const fixed = cores.map((c) => c.some((m) => m.dayStated));
  // The cheapest link between two cores.
  const between = new Map<number, Map<number, number>>();
  const note = (x: number, y: number, cost: number) => {
    const m = between.get(x) ?? new Map<number, number>();
    if (!m.has(y) || cost < m.get(y)!) m.set(y, cost);
    between.set(x, m);
  };
  for (const { a, b, cost } of crossDay) {
    const x = coreOf.get(a.id)!, y = coreOf.get(b.id)!;
    if (x !== y) { note(x, y, cost); note(y, x, cost); }
  }
  const name = (i: number) => cores[i]![0]!.id;
  // Each floating core's options, cheapest first: the cores it links to and could be one event with.
  const options = cores.map((_, i) => fixed[i] ? [] : [...(between.get(i) ?? [])]
    .filter(([j]) => groupsJoin(cores[i]!, cores[j]!))
    .sort((p, q) => p[1] - q[1] || (name(p[0]) < name(q[0]) ? -1 : 1)));
  const groups = cores.map((c) => [...c]);
  /** The fixed core a floating core joined. */
  const joined = new Map<number, number>();
  const admit = (proposals: Map<number, { i: number; cost: number }[]>) => {
    for (const [j, list] of [...proposals].sort((a, b) => a[0] - b[0])) {
      list.sort((x, y) => x.cost - y.cost || (name(x.i) < name(y.i) ? -1 : 1));
      for (const { i } of list) {
        if (!groupsJoin(groups[j]!, cores[i]!)) continue;
        groups[j]!.push(...cores[i]!);
        joined.set(i, j);
      }
    }
  };
  const propose = (to: Map<number, { i: number; cost: number }[]>, j: number, i: number, cost: number) => {
    const p = to.get(j) ?? [];
    p.push({ i, cost });
    to.set(j, p);
  };
  // A floating core proposes to its cheapest fixed option.
  const first = new Map<number, { i: number; cost: number }[]>();
  options.forEach((list, i) => {
    const to = list.find(([j]) => fixed[j]);
    if (to) propose(first, to[0], i, to[1]);
  });
  admit(first);
  // A floating core with no fixed option follows the cheapest floating option that joined a fixed core
  // (a telling of the day before links the two tellings of the day that do not link to each other).
  const second = new Map<number, { i: number; cost: number }[]>();
  options.forEach((list, i) => {
    if (fixed[i] || list.some(([j]) => fixed[j])) return;
    const to = list.find(([j]) => joined.has(j));
    if (to) propose(second, joined.get(to[0])!, i, to[1]);
  });
  admit(second);
  // Two floating cores that found no fixed core merge when each is the other's cheapest option (reciprocal nearest
  // neighbours): a report of the day after at the same site, not one dated only to the week of its report five days on.
  // Only pairs: a third core never chains onto them.
  const alone = (i: number) => !fixed[i] && !joined.has(i) && !options[i]!.some(([j]) => fixed[j] || joined.has(j));
  const gone = new Set<number>(joined.keys());
  options.forEach((list, i) => {
    if (!alone(i) || !list.length) return;
    const j = list[0]![0];
    if (j < i || gone.has(i) || gone.has(j) || !alone(j) || options[j]![0]?.[0] !== i) return;
    groups[i]!.push(...cores[j]!);
    gone.add(j);
  });
  return groups.filter((_, i) => !gone.has(i)).map((g) => g.sort((x, y) => (x.id < y.id ? -1 : 1)));
}

/** Whether two groups of tellings can be one event's: no document twice, its days those of one event, every toll one event's,
 *  every two tellings near enough and of agreeing kinds. */
function groupsJoin(x: readonly MentionKey[], y: readonly MentionKey[]): boolean {
  const documents = new Set(x.map((m) => m.document));
  if (y.some((m) => documents.has(m.document))) return false;
  if (!coherentDays(joinDayBounds(dayBoundsOf(x), dayBoundsOf(y)))) return false;
  return x.every((a) => y.every((b) => agreeWithin(a, b)));
}

/** Two tellings of one event, whatever links brought them together: tolls one event's (tollsAgree(), and not two places each
 *  with its own toll), places within the reach their precisions allow (not two named places at one area's point), kinds that
 *  agree. Tellings without a point agree on place. (Sides are asked of each link
 *  only: one outlet's reading of who struck whom is often another's turned round, and the event is still one.) */
function agreeWithin(a: MentionKey, b: MentionKey): boolean {
  if (!tollsAgree(a, b) || tollsTellApart(a, b)) return false;
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return true;
  const d = km(a, b);
  return d <= distanceLimit(a, b) && !namedApart(a, b) && kindsAgree(a, b, d <= 10);
}

/**
 * Phase 1b: tellings dated to a day (or a week) but placed only in a region ("dans l'est de la
 * Syrie", "Anbar province") are linked to each other when they name the same region, tell the same
 * sub-event type on days that agree, and name a side in common, and when no precise event could be
 * theirs (phase 2 takes those). The shared side and type keep two strikes in one region apart.
 * A telling placed only in a country joins such a telling (or another of the country) when only one agrees.
 */
function linkRegional(loose: readonly MentionKey[], anchored: readonly MentionKey[][]): MentionKey[][] {
  const index = new GroupIndex(anchored);
  const dated = (k: MentionKey) => !k.tellsSeveral && k.day !== null && (k.datePrecision === 'day' || k.datePrecision === 'week');
  const unclaimed = (k: MentionKey) => !index.mayFit(k).some((i) => fit(k, anchored[i]!) !== null);
  const regional = loose.filter((k) => dated(k) && k.lat !== null && k.geoPrecision === 3 && unclaimed(k));
  const national = loose.filter((k) => dated(k) && k.lat === null && k.country !== null && unclaimed(k));
  const sharedSide = (a: MentionKey, b: MentionKey) => (namesGroup(a.actor1) && a.actor1 === b.actor1) || (namesGroup(a.actor2) && a.actor2 === b.actor2);
  const links: Link[] = [];
  for (let i = 0; i < regional.length; i++) {
    for (let j = i + 1; j < regional.length; j++) {
      const a = regional[i]!, b = regional[j]!;
      if (a.document === b.document || a.subEventType !== b.subEventType || km(a, b) > 10 || namedApart(a, b)) continue;
      if (!daysAgree(a, b) || !actorsAgree(a, b) || !sharedSide(a, b)) continue;
      links.push({ a, b, cost: Math.abs(a.day! - b.day!) });
    }
  }
  // A telling placed only in a country ("off the coast of Yemen") joins the one regional or national
  // telling of that country with the same day, the same sub-event type and the same named author;
  // where two could be its event, it stays alone.
  const pool = [...regional, ...national];
  for (const n of national) {
    if (!namesGroup(n.actor1)) continue;
    const partners = pool.filter((o) => o !== n && o.document !== n.document && o.country === n.country && o.subEventType === n.subEventType &&
      o.actor1 === n.actor1 && daysAgree(n, o) && actorsAgree(n, o));
    if (partners.length === 1) links.push({ a: n, b: partners[0]!, cost: Math.abs(n.day! - partners[0]!.day!) + 5 });
  }
  return components(pool, links).filter((g) => g.length > 1);
}

/** The id of the earliest report: adding a later report of a known event does not change it. */
export function eventIdOf(members: readonly MentionKey[]): string {
  // The least sort key (each holds its mention's id: no two are equal), found without sorting.
  let first = members[0]!;
  for (const m of members) if (m.sortKey < first.sortKey) first = m;
  return `evt_${createHash('sha256').update(`event|${first.id}`).digest('hex').slice(0, 20)}`;
}

// ---- Merging ----

export interface Disagreement {
  readonly field: string;
  readonly values: readonly { readonly value: unknown; readonly documents: readonly string[] }[];
}

export interface ResolvedEvent {
  readonly record: EventRecord;
  readonly disagreements: readonly Disagreement[];
  readonly mentionIds: readonly string[];
  /** Ids of events published before that this one took over (their reports joined it): they lead to it. */
  readonly replaces?: readonly string[];
}

const CLAIM_RANK: Record<ClaimStatus, number> = { confirmed: 0, claimed: 1, reported: 2, denied: 3 };

function tally<T>(values: readonly { value: T; document: string }[], key: (v: T) => string = (v) => JSON.stringify(v)) {
  const by = new Map<string, { value: T; documents: string[] }>();
  for (const v of values) {
    const k = key(v.value);
    const e = by.get(k) ?? { value: v.value, documents: [] };
    if (!e.documents.includes(v.document)) e.documents.push(v.document);
    by.set(k, e);
  }
  return [...by.values()].sort((a, b) => b.documents.length - a.documents.length || (key(a.value) < key(b.value) ? -1 : 1));
}

/** One record from the mentions of one event: each field the most specific and best supported value. */
export function mergeMentions(id: string, mentions: readonly Mention[]): ResolvedEvent {
  const recs = mentions.map((m) => ({ r: m.record, doc: m.document }));
  const disagreements: Disagreement[] = [];
  const note = (field: string, values: readonly { value: unknown; documents: string[] }[]) => {
    if (values.length > 1) disagreements.push({ field, values: values.map((v) => ({ value: v.value, documents: v.documents })) });
  };

  const types = tally(recs.map(({ r, doc }) => ({ value: r.sub_event_type, document: doc })));
  note('sub_event_type', types);
  const subEventType = types[0]!.value;

  // A day beats a week beats a month; among days, the most reported, then the earliest.
  const dated = recs.filter(({ r }) => r.date);
  const bestPrecision = Math.min(...dated.map(({ r }) => precisionRank(r.date_precision)));
  const best = dated.filter(({ r }) => precisionRank(r.date_precision) === bestPrecision);
  const dates = tally(best.map(({ r, doc }) => ({ value: r.date!, document: doc })));
  const date = dates[0]?.value ?? null; // tally's order: the most reported, then the earliest
  note('date', tally(dated.map(({ r, doc }) => ({ value: r.date!, document: doc }))));
  const datePrecision: DatePrecision | null = date ? best[0]!.r.date_precision : null;

  // A site beats a town beats a province beats a country.
  const placed = recs.filter(({ r }) => r.location);
  const precisionOf = (p: Place) => (p.lat === null ? 4 : p.geo_precision ?? 4);
  const bestGeo = Math.min(...placed.map(({ r }) => precisionOf(r.location!)));
  const locations = tally(placed.filter(({ r }) => precisionOf(r.location!) === bestGeo).map(({ r, doc }) => ({ value: r.location!, document: doc })), (p) => `${p.name}|${p.country_code}`);
  const location = locations[0]?.value ?? null;
  note('location', tally(placed.map(({ r, doc }) => ({ value: r.location!.name, document: doc }))));

  // A side more often told as the target than as the author is not the author (and the reverse).
  const roleCount = (actor: string, field: 'actor1' | 'actor2') => recs.filter(({ r }) => r[field] === actor).length;
  const pick = (field: 'actor1' | 'actor2') => {
    const other = field === 'actor1' ? 'actor2' : 'actor1';
    const values = tally(recs.filter(({ r }) => r[field]).map(({ r, doc }) => ({ value: r[field]!, document: doc })));
    note(field, values);
    // A side named by a source says more than "civilians" read off the victims by another.
    const named = values.filter((v) => !isCivilians(v.value));
    return [...named, ...values.filter((v) => isCivilians(v.value))].find((v) => roleCount(v.value, field) >= roleCount(v.value, other))?.value ?? null;
  };
  const actor1 = pick('actor1');
  const actor2raw = pick('actor2');
  const actor2 = actor2raw === actor1 ? null : actor2raw;

  // The weapons most sources name, not the union of every source's (one outlet's "missiles" beside
  // another's "drones" is a disagreement, shown as one); on a tie, what the tied sources all name, when
  // they name something in common.
  const weaponSets = tally(recs.filter(({ r }) => r.weapons.length).map(({ r, doc }) => ({ value: [...r.weapons].sort() as Weapon[], document: doc })));
  note('weapons', weaponSets);
  const tied = weaponSets.filter((v) => v.documents.length === weaponSets[0]!.documents.length).map((v) => v.value);
  const common = tied.length ? tied.reduce((a, b) => a.filter((w) => b.includes(w))) : [];
  const weapons: Weapon[] = common.length ? common : tied[0] ?? [];

  // A number given by more sources wins; on a tie, the lower figure (as careful coders do), and the disagreement is shown.
  const count = (field: 'killed' | 'wounded') => {
    const values = tally(recs.filter(({ r }) => r[field] !== null).map(({ r, doc }) => ({ value: r[field]!, document: doc })));
    note(field, values);
    if (!values.length) return null;
    const top = values[0]!.documents.length;
    return Math.min(...values.filter((v) => v.documents.length === top).map((v) => v.value));
  };
  const killed = count('killed');
  const wounded = count('wounded');

  // The strongest statement across sources: confirmed > claimed > reported; a denial stays visible.
  const claims = tally(recs.map(({ r, doc }) => ({ value: r.claim, document: doc })), (c) => `${c.status}|${c.by ?? ''}`);
  const claim = [...claims].sort((a, b) => CLAIM_RANK[a.value.status] - CLAIM_RANK[b.value.status] || b.documents.length - a.documents.length)[0]!.value;
  if (claims.some((c) => c.value.status === 'denied') || new Set(claims.map((c) => c.value.status)).size > 1) note('claim', claims);

  const sources = [...recs]
    .sort((a, b) => ((a.r.sources[0]?.published ?? '9999') < (b.r.sources[0]?.published ?? '9999') ? -1 : a.doc < b.doc ? -1 : 1))
    .flatMap(({ r }) => r.sources);
  const base = { event_type: eventTypeOf(subEventType), sub_event_type: subEventType, date, date_precision: datePrecision, actor1, actor2, location, weapons, killed, wounded, claim };
  const record: EventRecord = {
    id,
    ...base,
    sources,
    notes: `${noteFor({ ...base, cited: [], evidence: [], trace: [] }).replace(/\.$/, '')}; ${sources.length} source${sources.length > 1 ? 's' : ''}.`,
  };
  return { record, disagreements, mentionIds: mentions.map((m) => m.id) };
}
