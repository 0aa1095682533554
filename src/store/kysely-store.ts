// The store's queries, written once with Kysely and run on SQLite or PostgreSQL alike: what differs
// between the two (write lock, full-text index, snapshots, list lengths) is the adapter's (adapter.ts).
import { expressionBuilder, sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DocumentMetadata, EventRecord } from '../types.ts';
import { AUTO_WEEK_DAYS, type BatchToStore, type ClaimedJob, type ClaimOptions, type DayTypeCount, type EventMap, type EventQuery, type EventReview, type EventStats, type MapCell, type MapOptions, type MapPoint, type Timeline, type TimelineOptions, type FailedJob, type FetchRecord, type LineObservation, type NewDocument, type NewReviewAction, type QueueCounts, type ReviewAction, type ReviewActionKind, type Store, type StoredDocument, type StoredEvent, type StoredToken, type TokenRole } from './store.ts';
import { boxCellParts, boxCells } from './box-cells.ts';
import { addDays, daysSpanned, mondayOf, weeksOfSpan } from './weeks.ts';
import type { ExtractTask } from '../ingest/extract.ts';
import { cellOf, mentionKey, type Mention, type MentionKey, type ResolvedEvent } from '../resolve/resolve.ts';
import type { CopiedTable, Db, DocumentsTable, EventReviewsTable, ReviewActionsTable, StoreAdapter, Tables } from './adapter.ts';
import type { ReviewStatus } from '../types.ts';
import type { Selectable } from 'kysely';

type DocumentRow = Selectable<DocumentsTable>;

function toReview(r: Selectable<EventReviewsTable>): EventReview {
  return { eventId: r.event_id, status: r.status as ReviewStatus, fields: JSON.parse(r.fields), reviewer: r.reviewer, reviewedAt: r.reviewed_at, seen: JSON.parse(r.seen) };
}

function toAction(r: Selectable<ReviewActionsTable>): ReviewAction {
  return {
    id: Number(r.id), eventId: r.event_id, otherId: r.other_id, action: r.action as ReviewActionKind, reviewer: r.reviewer, at: r.acted_at, note: r.note,
    before: JSON.parse(r.before_value), after: JSON.parse(r.after_value), restore: JSON.parse(r.restore),
    undone: r.undone_by !== null && r.undone_at !== null ? { by: r.undone_by, at: r.undone_at } : null,
  };
}

/** A stored record with its review, when it has one (an unreviewed record carries none). */
function reviewed(record: EventRecord, reviews: ReadonlyMap<string, EventReview>): EventRecord {
  const r = reviews.get(record.id);
  return r ? { ...record, review: { status: r.status, by: r.reviewer, at: r.reviewedAt } } : record;
}

/** Slices of a list, each short enough to be bound in one statement. */
function slices<T>(list: readonly T[], length: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += length) out.push(list.slice(i, i + length));
  return out;
}

const parseKeys = (rows: readonly { key: string | null }[]): MentionKey[] => rows.map((r) => JSON.parse(r.key!) as MentionKey);

/** The text of an event that full-text search reads: its notes and its evidence. */
export function eventText(r: EventRecord): string {
  // Outlets that carry one wire story quote the same sentences: each is indexed once.
  return [...new Set([r.notes, ...r.sources.flatMap((s) => s.evidence.map((v) => v.text))])].join(' ');
}

export class KyselyStore implements Store {
  /**
   * @param db the adapter's database, or one connection inside a transaction
   * @param depth 0 outside a transaction, else how many transactions and savepoints are open
   * @param readsRollup false to count every selection from its events (eventsOnly)
   */
  constructor(readonly adapter: StoreAdapter, private readonly db: Db = adapter.db, private readonly depth = 0, private readonly readsRollup = true) {}

  /**
   * The same database, every selection counted from its events, never from event_rollup: what the
   * rollup's answers are checked against (test/store/rollup.test.ts).
   */
  eventsOnly(): KyselyStore {
    return new KyselyStore(this.adapter, this.db, this.depth, false);
  }

  get target(): string {
    return this.adapter.target;
  }

  isBusy(error: unknown): boolean {
    return this.adapter.isBusy(error);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      // Inside a transaction: a savepoint, so that a failure undoes fn alone and the transaction goes on.
      const name = `vigie_${this.depth}`;
      await sql.raw(`SAVEPOINT ${name}`).execute(this.db);
      try {
        const out = await fn(new KyselyStore(this.adapter, this.db, this.depth + 1, this.readsRollup));
        await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(this.db);
        return out;
      } catch (e) {
        await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(this.db);
        await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(this.db);
        throw e;
      }
    }
    return this.db.connection().execute(async (connection) => {
      await this.adapter.beginWrite(connection);
      let out: T;
      try {
        out = await fn(new KyselyStore(this.adapter, connection, 1, this.readsRollup));
      } catch (e) {
        // A database may have rolled back already (SQLite does on some errors): the first error is the one told.
        await sql`ROLLBACK`.execute(connection).catch(() => undefined);
        throw e;
      }
      await sql`COMMIT`.execute(connection);
      return out;
    });
  }

  async hasContent(hash: string): Promise<boolean> {
    return !!(await this.db.selectFrom('documents').select(sql<number>`1`.as('one')).where('hash', '=', hash).executeTakeFirst());
  }

  async latestVersion(name: string): Promise<number> {
    const row = await this.db.selectFrom('documents').select((eb) => eb.fn.max('version').as('v')).where('name', '=', name).executeTakeFirst();
    return row?.v === null || row?.v === undefined ? 0 : Number(row.v);
  }

  async recordLines(lines: readonly LineObservation[]): Promise<void> {
    const seen = new Set<string>();
    const rows: { site: string; key: string; document_hash: string }[] = [];
    for (const l of lines) {
      const k = JSON.stringify([l.site, l.key, l.documentHash]);
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push({ site: l.site, key: l.key, document_hash: l.documentHash });
    }
    if (!rows.length) return;
    await this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
      for (const slice of slices(rows, Math.floor(this.adapter.maxListLength / 3))) {
        await db.insertInto('lines').values(slice).onConflict((oc) => oc.doNothing()).execute();
      }
    });
  }

  async lineDocumentCounts(site: string, keys: readonly string[], pending: readonly LineObservation[] = []): Promise<Map<string, number>> {
    const asked = new Set(keys);
    const out = new Map<string, number>();
    for (const slice of slices([...asked], this.adapter.maxListLength)) {
      const rows = await this.db.selectFrom('lines').select(['key', (eb) => eb.fn.countAll().as('n')]).where('site', '=', site).where('key', 'in', slice).groupBy('key').execute();
      for (const r of rows) out.set(r.key, Number(r.n));
    }
    // The pending documents of each line, less those recorded already.
    const unrecorded = new Map<string, Set<string>>();
    for (const p of pending) {
      if (p.site !== site || !asked.has(p.key)) continue;
      const documents = unrecorded.get(p.key);
      if (documents) documents.add(p.documentHash);
      else unrecorded.set(p.key, new Set([p.documentHash]));
    }
    if (!unrecorded.size) return out;
    const hashes = [...new Set(pending.filter((p) => p.site === site).map((p) => p.documentHash))];
    const hashesPerQuery = Math.floor(this.adapter.maxListLength / 2);
    for (const hashSlice of slices(hashes, hashesPerQuery)) {
      for (const keySlice of slices([...unrecorded.keys()], this.adapter.maxListLength - hashSlice.length)) {
        const rows = await this.db.selectFrom('lines').select(['key', 'document_hash']).where('site', '=', site).where('key', 'in', keySlice).where('document_hash', 'in', hashSlice).execute();
        for (const r of rows) unrecorded.get(r.key)?.delete(r.document_hash);
      }
    }
    for (const [key, documents] of unrecorded) if (documents.size) out.set(key, (out.get(key) ?? 0) + documents.size);
    return out;
  }

  async saveDocuments(documents: readonly NewDocument[]): Promise<void> {
    const now = new Date().toISOString();
    await this.transaction(async (tx) => {
      const store = tx as KyselyStore;
      for (const d of documents) {
        const version = (await store.latestVersion(d.info.name)) + 1;
        // Reviewers' pins on the old version's mentions pass to the new version's (pinsToCarry).
        const pinned = version > 1 ? await store.pinnedMentionsOf(d.info.name) : [];
        if (version > 1) await store.dropMentionsOf(d.info.name);
        const { id } = await store.db.insertInto('documents').values({
          name: d.info.name, version, url: d.info.url, outlet: d.info.outlet, language: d.info.language, language_rule: d.info.languageRule,
          published: d.info.published.iso, published_precision: d.info.published.precision, published_rule: d.info.published.rule,
          hash: d.info.hash, text: d.text, zones: JSON.stringify(d.zones), note: d.note, ingested_at: now,
          metadata: d.info.metadata ? JSON.stringify(d.info.metadata) : null,
        }).returning('id').executeTakeFirstOrThrow();
        const mentions = d.events.map(({ record, trace, dayWithoutYear, tellsSeveral, dayStated, placeUnknown }, ordinal) => {
          const k = mentionKey({ id: record.id, document: d.info.name, record, dayWithoutYear: dayWithoutYear ?? null, tellsSeveral: tellsSeveral ?? false, dayStated: dayStated ?? false, placeUnknown: placeUnknown ?? false });
          return {
            id: record.id, document_id: id, ordinal, date: record.date, sub_event_type: record.sub_event_type, country_code: record.location?.country_code ?? null,
            record: JSON.stringify(record), trace: JSON.stringify(trace), key: JSON.stringify(k), event_id: null,
            cell: k.lat !== null && k.lon !== null ? cellOf(k.lat, k.lon) : null, day: k.day, published_day: k.published,
          };
        });
        for (const slice of slices(mentions, Math.floor(this.adapter.maxListLength / 13))) await store.db.insertInto('mentions').values(slice).execute();
        if (pinned.length) {
          await store.db.deleteFrom('mention_pins').where('mention_id', 'in', pinned.map((p) => p.id)).execute();
          const carried = pinsToCarry(pinned, d.events.map((e, ordinal) => ({ id: e.record.id, ordinal, record: e.record })));
          if (carried.length) await store.setPins(carried);
        }
      }
    });
  }

  /** The mentions of a document's versions that a reviewer pinned to an event. */
  private async pinnedMentionsOf(name: string): Promise<PinnedMention[]> {
    const rows = await this.db.selectFrom('mentions as m').innerJoin('documents as d', 'd.id', 'm.document_id').innerJoin('mention_pins as p', 'p.mention_id', 'm.id')
      .select(['m.id', 'm.ordinal', 'm.record', 'p.event_id']).where('d.name', '=', name).orderBy('m.ordinal').execute();
    return rows.map((r) => ({ id: r.id, ordinal: r.ordinal, record: JSON.parse(r.record) as EventRecord, event: r.event_id }));
  }

  /** A new version replaces the old: its mentions leave their events, which resolve again. */
  private async dropMentionsOf(name: string): Promise<void> {
    const old = await this.db.selectFrom('mentions as m').innerJoin('documents as d', 'd.id', 'm.document_id').select(['m.id', 'm.event_id']).where('d.name', '=', name).execute();
    const events = [...new Set(old.map((o) => o.event_id).filter((e): e is string => !!e))];
    for (const e of events) {
      await this.db.updateTable('mentions').set({ event_id: null }).where('event_id', '=', e).execute();
      await this.dropEvent(e);
    }
    await this.db.deleteFrom('mentions').where('document_id', 'in', this.db.selectFrom('documents').select('id').where('name', '=', name)).execute();
  }

  async unresolvedMentionKeys(): Promise<MentionKey[]> {
    return parseKeys(await this.db.selectFrom('mentions').select('key').where('event_id', 'is', null).execute());
  }

  async mentionKeysNear(cells: readonly string[], dayFrom: number, dayTo: number): Promise<MentionKey[]> {
    if (!cells.length) return [];
    return parseKeys(await this.db.selectFrom('mentions').select('key').where('cell', 'in', [...cells]).where((eb) => eb.between('day', dayFrom, dayTo)).execute());
  }

  async datedMentionKeysNear(cells: readonly string[], subEventType: string): Promise<MentionKey[]> {
    if (!cells.length) return [];
    return parseKeys(await this.db.selectFrom('mentions').select('key').where('cell', 'in', [...cells]).where('sub_event_type', '=', subEventType).where('day', 'is not', null).execute());
  }

  async undatedMentionKeysNear(cells: readonly string[], subEventType: string, limit: number): Promise<MentionKey[]> {
    // One cell at a time, so that the partial index (cell, sub_event_type, id) answers in order and the limit stops the read.
    const out: MentionKey[] = [];
    for (const cell of cells) {
      const rows = await this.db.selectFrom('mentions').select('key').where('cell', '=', cell).where('sub_event_type', '=', subEventType)
        .where('day', 'is', null).where('published_day', 'is', null).orderBy('id').limit(limit).execute();
      out.push(...parseKeys(rows));
    }
    return out;
  }

  async mentionKeysInCountry(country: string | null, dayFrom: number, dayTo: number): Promise<MentionKey[]> {
    const rows = await this.db.selectFrom('mentions').select('key')
      .where('country_code', country === null ? 'is' : '=', country)
      .where((eb) => eb.or([eb.between('day', dayFrom, dayTo), eb.and([eb('day', 'is', null), eb.between('published_day', dayFrom, dayTo)])]))
      .execute();
    return parseKeys(rows);
  }

  async mentionIdsOfEvents(ids: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const slice of slices([...new Set(ids)], this.adapter.maxListLength)) {
      const rows = await this.db.selectFrom('mentions').select(['event_id', 'id']).where('event_id', 'in', slice).execute();
      for (const r of rows) {
        let list = out.get(r.event_id!);
        if (!list) out.set(r.event_id!, (list = []));
        list.push(r.id);
      }
    }
    return out;
  }

  async mentionKeys(ids: readonly string[]): Promise<MentionKey[]> {
    const out: MentionKey[] = [];
    for (const slice of slices([...new Set(ids)], this.adapter.maxListLength)) {
      out.push(...parseKeys(await this.db.selectFrom('mentions').select('key').where('id', 'in', slice).execute()));
    }
    return out;
  }

  async eventOfMentions(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const slice of slices([...new Set(ids)], this.adapter.maxListLength)) {
      const rows = await this.db.selectFrom('mentions').select(['id', 'event_id']).where('id', 'in', slice).where('event_id', 'is not', null).execute();
      for (const r of rows) out.set(r.id, r.event_id!);
    }
    return out;
  }

  async mentions(ids: readonly string[]): Promise<Mention[]> {
    const found = new Map<string, Mention>();
    for (const slice of slices([...new Set(ids)], this.adapter.maxListLength)) {
      const rows = await this.db.selectFrom('mentions as m').innerJoin('documents as d', 'd.id', 'm.document_id').select(['m.id', 'm.record', 'd.name']).where('m.id', 'in', slice).execute();
      for (const r of rows) found.set(r.id, { id: r.id, document: r.name, record: JSON.parse(r.record) as EventRecord });
    }
    return ids.map((id) => {
      const m = found.get(id);
      if (!m) throw new Error(`mention ${id} is not stored`);
      return m;
    });
  }

  async replaceEvents(remove: readonly string[], add: readonly ResolvedEvent[]): Promise<void> {
    await this.transaction(async (tx) => {
      const store = tx as KyselyStore;
      const db = store.db;
      for (const id of remove) await store.dropEvent(id);
      for (const e of add) {
        const r = e.record;
        await store.dropEvent(r.id);
        await db.insertInto('events').values({
          id: r.id, record: JSON.stringify(r), disagreements: JSON.stringify(e.disagreements), date: r.date, sub_event_type: r.sub_event_type,
          country_code: r.location?.country_code ?? null, lat: r.location?.lat ?? null, lon: r.location?.lon ?? null, n_sources: r.sources.length,
          event_type: r.event_type, actor1: r.actor1, actor2: r.actor2, claim_status: r.claim.status, killed: r.killed,
        }).execute();
        await this.adapter.indexEventText(db, r.id, eventText(r));
        // Most members of a rewritten event were in it before: their row is not written again.
        for (const slice of slices([...e.mentionIds], this.adapter.maxListLength - 2)) {
          await db.updateTable('mentions').set({ event_id: r.id }).where('id', 'in', slice).where('event_id', 'is distinct from', r.id).execute();
        }
        // Ids this event took over lead to it, and so do those that led to them; a live id is no redirect.
        await db.deleteFrom('event_redirects').where('old_id', '=', r.id).execute();
        for (const old of e.replaces ?? []) {
          await db.updateTable('event_redirects').set({ new_id: r.id }).where('new_id', '=', old).execute();
          await db.insertInto('event_redirects').values({ old_id: old, new_id: r.id }).onConflict((oc) => oc.column('old_id').doUpdateSet({ new_id: r.id })).execute();
        }
      }
    });
  }

  private async dropEvent(id: string): Promise<void> {
    await this.adapter.dropEventText(this.db, id);
    await this.db.deleteFrom('events').where('id', '=', id).execute();
  }

  async events({ limit }: { readonly limit?: number } = {}): Promise<EventRecord[]> {
    let q = this.db.selectFrom('events').select('record').orderBy(sql`date IS NULL`).orderBy('date').orderBy('id');
    if (limit) q = q.limit(limit);
    return this.withReviews((await q.execute()).map((r) => JSON.parse(r.record) as EventRecord));
  }

  async *streamEvents(query: EventQuery, { oldestFirst = false }: { readonly oldestFirst?: boolean } = {}): AsyncGenerator<EventRecord> {
    // A connection of its own: the read is one snapshot however long the client takes, and the
    // store's connection stays free for other requests meanwhile. The database sorts (SQLite's
    // sorter spills to disk, PostgreSQL's to work files) and rows come a few at a time: memory stays bounded.
    const snapshot = await this.adapter.snapshot();
    try {
      // Reviews are a reader's work, few beside the events: read once, from the same snapshot.
      const reviews = new Map((await snapshot.db.selectFrom('event_reviews').selectAll().execute()).map((r) => [r.event_id, toReview(r)]));
      let q = snapshot.db.selectFrom('events').select('record').orderBy(sql`date IS NULL`).orderBy('date', oldestFirst ? 'asc' : 'desc').orderBy('id');
      const where = this.whereOf(query);
      if (where) q = q.where(where);
      for await (const row of q.stream(200)) yield reviewed(JSON.parse(row.record) as EventRecord, reviews);
    } finally {
      await snapshot.release();
    }
  }

  async queryEvents(query: EventQuery): Promise<{ total: number; events: EventRecord[]; estimated: boolean }> {
    const where = this.whereOf(query);
    const sample = await this.sampleFor(query, where);
    const limit = query.limit ?? 100, offset = query.offset ?? 0;
    let page = this.db.selectFrom('events').select('record');
    // The review queue: the deadliest first, then the most recent.
    if (query.order === 'queue') page = page.orderBy(sql`killed IS NULL`).orderBy('killed', 'desc');
    page = page.orderBy(sql`date IS NULL`).orderBy('date', 'desc').orderBy('id').limit(limit).offset(offset);
    if (where) page = page.where(where);
    const readPage = async (q: typeof page) => this.withReviews((await q.execute()).map((r) => JSON.parse(r.record) as EventRecord));
    // A large selection of words: the page is read in its order, and its size is the database's estimate.
    if (sample) return { total: sample.expected, events: await readPage(page), estimated: true };
    if (!this.readsRollup || !useRollup(query)) {
      let count = this.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n'));
      if (where) count = count.where(where);
      return { total: Number((await count.executeTakeFirstOrThrow()).n), events: await readPage(page), estimated: false };
    }
    // The list's indexes (events_list, events_country_type_list) give a page of dates, types and
    // country in its order, newest first: the rollup gives its total alone.
    if (!query.bbox || query.order === 'queue') {
      let count = this.db.selectFrom('event_rollup').select((eb) => eb.fn.sum<number | string | null>('n').as('n'));
      if (where) count = count.where(where);
      return { total: Number((await count.executeTakeFirstOrThrow()).n ?? 0), events: await readPage(page), estimated: false };
    }
    // A box's events are spread along that order (a page read in it passes over every newer event
    // outside the box): the rollup gives the box's events per day, hence its total and the day from
    // which its page is (the day of its last event), and the page is read from that day on, by the
    // box's cells and the day (events_box_cell): a few hundred events.
    let perDay = this.db.selectFrom('event_rollup').select(['date', (eb) => eb.fn.sum<number | string>('n').as('n')]).groupBy('date');
    if (where) perDay = perDay.where(where);
    const days = (await perDay.execute()).map((r) => ({ date: r.date, n: Number(r.n) }));
    const total = days.reduce((t, d) => t + d.n, 0);
    const from = firstDayOfPage(days, offset + limit);
    const events = await readPage(from === null ? page : page.where('date', '>=', from));
    // A write between the two reads (PostgreSQL reads each statement's own state) may have left the
    // page short: it is read again without the day.
    const expected = Math.max(0, Math.min(limit, total - offset));
    return { total, events: from !== null && events.length < expected ? await readPage(page) : events, estimated: false };
  }

  async eventStats(query: EventQuery): Promise<EventStats> {
    const where = this.whereOf(query);
    const sample = await this.sampleFor(query, where);
    const counted = this.countedOf(query, sample);
    if (this.adapter.groupingSets) return this.eventStatsInOnePass(where, sample, counted);
    const filtered = () => (where ? counted.rows().where(where) : counted.rows());
    const total = Number((await filtered().select(counted.count.as('n')).executeTakeFirstOrThrow()).n ?? 0);
    const perDay = (await filtered().select(['date', counted.count.as('count')]).where('date', 'is not', null).groupBy('date').orderBy('date').execute())
      .map((r) => ({ day: r.date!, count: Number(r.count) }));
    const perType = (await filtered().select(['sub_event_type', counted.count.as('count')]).groupBy('sub_event_type').orderBy('count', 'desc').orderBy('sub_event_type').execute())
      .map((r) => ({ sub_event_type: r.sub_event_type, count: Number(r.count) }));
    const perCountry = (await filtered().select(['country_code', counted.count.as('count')]).groupBy('country_code').orderBy('count', 'desc').orderBy('country_code').execute())
      .map((r) => ({ country_code: r.country_code, count: Number(r.count) }));
    return { estimated: false, total, perDay, perType, perCountry };
  }

  /**
   * The rows a selection is counted from, and how each counts: the events (or a sample of them), one
   * each; or, when every filter is a column of the rollup (useRollup), event_rollup's rows, n each.
   */
  private countedOf(query: EventQuery, sample: Sample | null): Counted {
    if (!sample && this.readsRollup && useRollup(query)) {
      return {
        // The rollup's columns are the events' of the same names: the selection's conditions (whereOf) read either.
        rows: () => this.db.selectFrom('event_rollup') as unknown as SelectQueryBuilder<Tables, 'events', object>,
        from: sql`event_rollup`,
        count: sql<number>`sum(n)`,
        sumOf: (column) => sql<number>`sum(${sql.ref(column)} * n)`,
      };
    }
    return {
      rows: () => this.eventsOf(sample),
      from: sample ? sql`${this.adapter.sampling!.events(sample.percent)} AS events` : sql`events`,
      count: sql<number>`count(*)`,
      sumOf: (column) => sql<number>`sum(${sql.ref(column)})`,
    };
  }

  /**
   * The same statistics as eventStats's four statements, from one pass over the selection (GROUPING
   * SETS), ordered as those statements order them in PostgreSQL: days ascending; types and countries by
   * count descending, then by their bytes (COLLATE "C"), a country of none last.
   */
  private async eventStatsInOnePass(where: Expression<SqlBool> | null, sample: Sample | null, counted: Counted): Promise<EventStats> {
    const rows = (await sql<{ date: string | null; sub_event_type: string | null; country_code: string | null; g: number; n: string | number | null }>`
      SELECT date, sub_event_type, country_code, GROUPING(date, sub_event_type, country_code) AS g, ${counted.count} AS n
      FROM ${counted.from} ${where ? sql`WHERE ${where}` : sql``}
      GROUP BY GROUPING SETS ((), (date), (sub_event_type), (country_code))`.execute(this.db)).rows;
    // GROUPING's bits, highest first: date 4, sub_event_type 2, country_code 1 (a bit is set where the column is not grouped).
    let total = 0;
    const perDay: { day: string; count: number }[] = [], perType: { sub_event_type: string; count: number }[] = [], perCountry: { country_code: string | null; count: number }[] = [];
    const scale = scaleOf(sample);
    for (const r of rows) {
      const count = Math.round(Number(r.n) * scale);
      if (r.g === 7) total = count;
      else if (r.g === 3) { if (r.date !== null) perDay.push({ day: r.date, count }); }
      else if (r.g === 5) perType.push({ sub_event_type: r.sub_event_type!, count });
      else if (r.g === 6) perCountry.push({ country_code: r.country_code, count });
    }
    perDay.sort((a, b) => byBytes(a.day, b.day));
    perType.sort((a, b) => b.count - a.count || byBytes(a.sub_event_type, b.sub_event_type));
    perCountry.sort((a, b) => b.count - a.count || (a.country_code === null ? (b.country_code === null ? 0 : 1) : b.country_code === null ? -1 : byBytes(a.country_code, b.country_code)));
    return { estimated: !!sample, total, perDay, perType, perCountry };
  }

  async eventMap(query: EventQuery, { zoom, points: pointLimit }: MapOptions): Promise<EventMap> {
    const z = Math.max(0, Math.min(MAX_MAP_ZOOM, Math.floor(zoom)));
    const size = 360 / 2 ** (z + 3);
    const where = this.whereOf(query);
    const sample = await this.sampleFor(query, where);
    const scale = scaleOf(sample);
    const located = (eb: ReturnType<typeof expressionBuilder<Tables, 'events'>>) => eb.and([eb('lat', 'is not', null), eb('lon', 'is not', null), ...(where ? [where] : [])]);
    // One pass over the selection: per cell and type, how many, the sum of their points and their box.
    // Cells are counted from 90° south and 180° west, so that their numbers are never negative.
    const cx = this.adapter.floorOf(sql<number>`(lon + 180) / ${size}`), cy = this.adapter.floorOf(sql<number>`(lat + 90) / ${size}`);
    const counted = this.countedOf(query, sample);
    const rows = await counted.rows()
      .select((eb) => [cx.as('cx'), cy.as('cy'), 'sub_event_type', counted.count.as('n'), counted.sumOf('lat').as('sum_lat'), counted.sumOf('lon').as('sum_lon'),
        eb.fn.min('lat').as('south'), eb.fn.max('lat').as('north'), eb.fn.min('lon').as('west'), eb.fn.max('lon').as('east')])
      .where(located).groupBy([sql`cx`, sql`cy`, 'sub_event_type']).execute();
    const byCell = new Map<string, { cx: number; cy: number; count: number; lat: number; lon: number; bounds: [number, number, number, number]; types: { sub_event_type: string; count: number }[] }>();
    for (const r of rows) {
      const key = `${r.cx},${r.cy}`, n = Number(r.n);
      const south = Number(r.south), north = Number(r.north), west = Number(r.west), east = Number(r.east);
      const c = byCell.get(key);
      if (!c) byCell.set(key, { cx: Number(r.cx), cy: Number(r.cy), count: n, lat: Number(r.sum_lat), lon: Number(r.sum_lon), bounds: [west, south, east, north], types: [{ sub_event_type: r.sub_event_type, count: n }] });
      else {
        c.count += n; c.lat += Number(r.sum_lat); c.lon += Number(r.sum_lon);
        c.bounds = [Math.min(c.bounds[0], west), Math.min(c.bounds[1], south), Math.max(c.bounds[2], east), Math.max(c.bounds[3], north)];
        c.types.push({ sub_event_type: r.sub_event_type, count: n });
      }
    }
    const all = [...byCell.values()].sort((a, b) => a.cy - b.cy || a.cx - b.cx);
    const total = all.reduce((t, c) => t + c.count, 0);
    const bounds: [number, number, number, number] | null = all.length
      ? all.reduce<[number, number, number, number]>((b, c) => [Math.min(b[0], c.bounds[0]), Math.min(b[1], c.bounds[1]), Math.max(b[2], c.bounds[2]), Math.max(b[3], c.bounds[3])], [...all[0]!.bounds])
      : null;
    const toCell = (c: (typeof all)[number]): MapCell => ({
      lat: c.lat / c.count, lon: c.lon / c.count, count: Math.round(c.count * scale), bounds: c.bounds,
      types: c.types.map((t) => ({ sub_event_type: t.sub_event_type, count: Math.round(t.count * scale) })).sort((a, b) => b.count - a.count || byBytes(a.sub_event_type, b.sub_event_type)),
    });
    // Counted from a sample: every event is in a cell (an event alone in its cell of the sample stands for others).
    if (sample) return { estimated: true, total: Math.round(total * scale), cellDegrees: size, bounds, cells: all.map(toCell), points: [] };
    const pointsOf = async (only: Expression<SqlBool> | null, limit: number): Promise<MapPoint[]> => {
      if (limit <= 0) return [];
      const records = await this.db.selectFrom('events').select('record').where((eb) => (only ? eb.and([located(eb), only]) : located(eb)))
        .orderBy(sql`date IS NULL`).orderBy('date', 'desc').orderBy('id').limit(limit).execute();
      return records.map((r) => mapPoint(JSON.parse(r.record) as EventRecord));
    };
    if (z >= ALL_POINTS_ZOOM && total <= pointLimit) return { estimated: false, total, cellDegrees: size, bounds, cells: [], points: await pointsOf(null, pointLimit) };
    // The events alone in their cell are points: each is the one event of the selection at its cell's point.
    const alone = all.filter((c) => c.count === 1).slice(0, pointLimit);
    const points: MapPoint[] = [];
    for (const slice of slices(alone, Math.floor(this.adapter.maxListLength / 2) - 100)) {
      const eb = expressionBuilder<Tables, 'events'>();
      points.push(...await pointsOf(eb.or(slice.map((c) => eb.and([eb('lat', '=', c.bounds[1]), eb('lon', '=', c.bounds[0])]))), slice.length));
    }
    points.sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || byBytes(b.date ?? '', a.date ?? '') || byBytes(a.id, b.id));
    const shown = new Set(alone);
    return { estimated: false, total, cellDegrees: size, bounds, cells: all.filter((c) => !shown.has(c)).map(toCell), points };
  }

  async eventTimeline(query: EventQuery, { bin = 'day' }: TimelineOptions = {}): Promise<Timeline> {
    const given = query.from !== undefined && query.to !== undefined ? daysSpanned(query.from, query.to) : null;
    if (bin === 'day' || (bin === 'auto' && given !== null && given <= AUTO_WEEK_DAYS)) return this.timelineByDay(query);
    const weeks = await this.timelineByWeek(query);
    if (bin === 'week' || given !== null) return weeks;
    // auto, an end of the span open: the span is the selection's first and last dated day. The weeks
    // bound them (the first is at most six days after the first week's Monday, the last at least the
    // last week's Monday): a span that is long even so is drawn in weeks without reading its days.
    const firstWeek = weeks.counts[0]?.day, lastWeek = weeks.counts[weeks.counts.length - 1]?.day;
    if (firstWeek === undefined || lastWeek === undefined) return { ...weeks, bin: 'day' };
    if (daysSpanned(addDays(firstWeek, 6), lastWeek) > AUTO_WEEK_DAYS) return weeks;
    const days = await this.timelineByDay(query);
    const firstDay = days.counts[0]?.day, lastDay = days.counts[days.counts.length - 1]?.day;
    return firstDay !== undefined && lastDay !== undefined && daysSpanned(firstDay, lastDay) > AUTO_WEEK_DAYS ? weeks : days;
  }

  private async timelineByDay(query: EventQuery): Promise<Timeline> {
    const where = this.whereOf(query);
    const sample = await this.sampleFor(query, where);
    const scale = scaleOf(sample);
    const counted = this.countedOf(query, sample);
    let q = counted.rows().select(['date', 'sub_event_type', counted.count.as('n')]).where('date', 'is not', null);
    if (where) q = q.where(where);
    const rows = await q.groupBy(['date', 'sub_event_type']).execute();
    const counts = rows.map((r) => ({ day: r.date!, sub_event_type: r.sub_event_type, count: Math.round(Number(r.n) * scale) }))
      .sort((a, b) => byBytes(a.day, b.day) || byBytes(a.sub_event_type, b.sub_event_type));
    return { estimated: !!sample, bin: 'day', counts };
  }

  /**
   * The timeline in ISO weeks. When every filter is a column of the rollups: the weeks from/to hold
   * whole, of every cell (no box) or of the box's whole cells, are read from event_rollup_week (less
   * the points a hair outside the box that a fringed cell holds, box-cells.ts); the days of the weeks
   * from/to cut, and every day of the cells the box cuts, from event_rollup (its exact days and
   * points), summed into their weeks here. Otherwise (words, actor, claim, review, a sample, a box too
   * large to list its cells) the days are read as timelineByDay reads them and summed into weeks. The
   * parts are statements run at once (on connections of their own where the database has several):
   * in PostgreSQL a write between them is counted by some parts only, as a list's total and its page
   * may differ by a write.
   */
  private async timelineByWeek(query: EventQuery): Promise<Timeline> {
    const parts = query.bbox ? boxCellParts(query.bbox) : null;
    if (!this.readsRollup || !useRollup(query) || (query.bbox && !parts)) {
      const days = await this.timelineByDay(query);
      const summed = new WeekCounts();
      for (const d of days.counts) summed.add(mondayOf(d.day), d.sub_event_type, d.count);
      return { estimated: days.estimated, bin: 'week', counts: summed.sorted() };
    }
    const counts = new WeekCounts();
    const { weeks, days } = weeksOfSpan(query.from, query.to);
    // Days of event_rollup in these cells (all, without a box), summed into their weeks: sign -1 takes them off.
    const readDays = async (where: Expression<SqlBool> | null, sign = 1) => {
      let rows = this.db.selectFrom('event_rollup').select(['date', 'sub_event_type', (eb) => eb.fn.sum<number | string>('n').as('n')])
        .where('date', 'is not', null).groupBy(['date', 'sub_event_type']);
      if (where) rows = rows.where(where);
      for (const r of await rows.execute()) counts.add(mondayOf(r.date!), r.sub_event_type, sign * Number(r.n));
    };
    const whole = parts ? parts.whole : null;
    const reads: Promise<void>[] = [];
    if (weeks && (!whole || whole.length)) {
      let rows = this.db.selectFrom('event_rollup_week').select(['week', 'sub_event_type', (eb) => eb.fn.sum<number | string>('n').as('n')])
        .where('week', 'is not', null).groupBy(['week', 'sub_event_type']);
      if (weeks.from !== undefined) rows = rows.where('week', '>=', weeks.from);
      if (weeks.to !== undefined) rows = rows.where('week', '<=', weeks.to);
      if (query.subEventTypes?.length) rows = rows.where('sub_event_type', 'in', [...query.subEventTypes]);
      if (query.eventTypes?.length) rows = rows.where('event_type', 'in', [...query.eventTypes]);
      if (query.country) rows = rows.where('country_code', '=', query.country);
      if (whole) rows = rows.where(this.adapter.inCells(whole, 'box_cell'));
      reads.push(rows.execute().then((read) => { for (const r of read) counts.add(r.week!, r.sub_event_type, Number(r.n)); }));
      // The points of those weeks that fringed cells hold outside the box: read, and taken off.
      if (parts?.fringed.length) {
        const inWeeks = { ...query, bbox: undefined, from: weeks.from, to: weeks.to === undefined ? undefined : addDays(weeks.to, 6) };
        const conds = [this.adapter.inCells(parts.fringed), expressionBuilder<Tables, 'events'>().not(this.boxOf(query.bbox!))];
        const where = this.whereOf(inWeeks);
        reads.push(readDays(expressionBuilder<Tables, 'events'>().and(where ? [where, ...conds] : conds), -1));
      }
    }
    if (parts?.cut.length) reads.push(readDays(this.whereOf(query, parts.cut)));
    if (!whole || whole.length) for (const [from, to] of days) reads.push(readDays(this.whereOf({ ...query, from, to }, whole)));
    await Promise.all(reads);
    return { estimated: false, bin: 'week', counts: counts.sorted() };
  }

  /**
   * How a selection is counted: exactly, or, for words the database expects in more than
   * LARGE_TEXT_SELECTION events where it can sample (PostgreSQL), from a sample of the table's pages
   * that holds about SAMPLED_EVENTS of them. A word in a tenth of a million events is in rows spread
   * over a third of the table's pages: reading them all takes half a second and more.
   */
  private async sampleFor(query: EventQuery, where: Expression<SqlBool> | null): Promise<Sample | null> {
    const sampling = this.adapter.sampling;
    if (!sampling || !query.text || !where) return null;
    const expected = Math.round(await sampling.estimate(this.db, where));
    if (expected <= LARGE_TEXT_SELECTION) return null;
    return { expected, percent: Math.max(0.1, Math.round((100_000 * SAMPLED_EVENTS) / expected) / 1000) };
  }

  /** The events table, or a sample of it. */
  private eventsOf(sample: Sample | null): SelectQueryBuilder<Tables, 'events', object> {
    return (sample ? this.db.selectFrom(this.adapter.sampling!.events(sample.percent).as('events')) : this.db.selectFrom('events')) as unknown as SelectQueryBuilder<Tables, 'events', object>;
  }

  /** An event by its id, or by an id it took over (event_redirects): the record holds its id now. */
  async event(id: string): Promise<StoredEvent | null> {
    const byId = (eventId: string) => this.db.selectFrom('events').select(['record', 'disagreements']).where('id', '=', eventId).executeTakeFirst();
    const row = (await byId(id)) ?? await this.db.selectFrom('event_redirects').select('new_id').where('old_id', '=', id).executeTakeFirst().then((to) => (to ? byId(to.new_id) : undefined));
    if (!row) return null;
    const [record] = await this.withReviews([JSON.parse(row.record) as EventRecord]);
    return { record: record!, disagreements: JSON.parse(row.disagreements) };
  }

  private async withReviews(records: EventRecord[]): Promise<EventRecord[]> {
    if (!records.length) return records;
    const reviews = await this.eventReviews(records.map((r) => r.id));
    return reviews.size ? records.map((r) => reviewed(r, reviews)) : records;
  }

  // ---- Review ----

  async saveToken(t: StoredToken): Promise<void> {
    await this.db.insertInto('review_tokens').values({ id: t.id, hash: t.hash, role: t.role, name: t.name, created_at: t.createdAt, revoked_at: t.revokedAt }).execute();
  }

  async tokenByHash(hash: string): Promise<StoredToken | null> {
    const r = await this.db.selectFrom('review_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    return r ? { id: r.id, hash: r.hash, role: r.role as TokenRole, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at } : null;
  }

  async tokens(): Promise<StoredToken[]> {
    const rows = await this.db.selectFrom('review_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, hash: r.hash, role: r.role as TokenRole, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const r = await this.db.updateTable('review_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async pins(mentionIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const slice of slices([...new Set(mentionIds)], this.adapter.maxListLength)) {
      for (const r of await this.db.selectFrom('mention_pins').selectAll().where('mention_id', 'in', slice).execute()) out.set(r.mention_id, r.event_id);
    }
    return out;
  }

  async setPins(pins: readonly { readonly mention: string; readonly event: string | null }[]): Promise<void> {
    await this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
      for (const p of pins) {
        if (p.event === null) await db.deleteFrom('mention_pins').where('mention_id', '=', p.mention).execute();
        else await db.insertInto('mention_pins').values({ mention_id: p.mention, event_id: p.event }).onConflict((oc) => oc.column('mention_id').doUpdateSet({ event_id: p.event! })).execute();
      }
    });
  }

  async eventReviews(eventIds: readonly string[]): Promise<Map<string, EventReview>> {
    const out = new Map<string, EventReview>();
    for (const slice of slices([...new Set(eventIds)], this.adapter.maxListLength)) {
      for (const r of await this.db.selectFrom('event_reviews').selectAll().where('event_id', 'in', slice).execute()) out.set(r.event_id, toReview(r));
    }
    return out;
  }

  async setEventReview(eventId: string, review: EventReview | null): Promise<void> {
    if (!review) {
      await this.db.deleteFrom('event_reviews').where('event_id', '=', eventId).execute();
      return;
    }
    const row = { status: review.status, fields: JSON.stringify(review.fields), reviewer: review.reviewer, reviewed_at: review.reviewedAt, seen: JSON.stringify(review.seen) };
    await this.db.insertInto('event_reviews').values({ event_id: eventId, ...row }).onConflict((oc) => oc.column('event_id').doUpdateSet(row)).execute();
  }

  async redirectOf(oldId: string): Promise<string | null> {
    return (await this.db.selectFrom('event_redirects').select('new_id').where('old_id', '=', oldId).executeTakeFirst())?.new_id ?? null;
  }

  async setRedirect(oldId: string, newId: string | null): Promise<void> {
    await this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
      if (newId === null) {
        await db.deleteFrom('event_redirects').where('old_id', '=', oldId).execute();
        return;
      }
      // Ids that led to the old one lead to the new one.
      await db.updateTable('event_redirects').set({ new_id: newId }).where('new_id', '=', oldId).execute();
      await db.insertInto('event_redirects').values({ old_id: oldId, new_id: newId }).onConflict((oc) => oc.column('old_id').doUpdateSet({ new_id: newId })).execute();
    });
  }

  async unresolveEvents(ids: readonly string[]): Promise<void> {
    await this.transaction(async (tx) => {
      const store = tx as KyselyStore;
      for (const id of new Set(ids)) {
        await store.db.updateTable('mentions').set({ event_id: null }).where('event_id', '=', id).execute();
        await store.dropEvent(id);
      }
    });
  }

  async addReviewAction(a: NewReviewAction): Promise<number> {
    const { id } = await this.db.insertInto('review_actions').values({
      event_id: a.eventId, other_id: a.otherId, action: a.action, reviewer: a.reviewer, acted_at: a.at, note: a.note,
      before_value: JSON.stringify(a.before ?? null), after_value: JSON.stringify(a.after ?? null), restore: JSON.stringify(a.restore), undone_by: null, undone_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  }

  async reviewActions(eventId: string): Promise<ReviewAction[]> {
    const rows = await this.db.selectFrom('review_actions').selectAll().where((eb) => eb.or([eb('event_id', '=', eventId), eb('other_id', '=', eventId)])).orderBy('id').execute();
    return rows.map(toAction);
  }

  async reviewAction(id: number): Promise<ReviewAction | null> {
    const r = await this.db.selectFrom('review_actions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAction(r) : null;
  }

  async markReviewActionUndone(id: number, by: string, at: string): Promise<void> {
    await this.db.updateTable('review_actions').set({ undone_by: by, undone_at: at }).where('id', '=', id).execute();
  }

  async documentMentions(documentId: number): Promise<{ record: EventRecord; trace: unknown; eventId: string | null }[]> {
    const rows = await this.db.selectFrom('mentions').select(['record', 'trace', 'event_id']).where('document_id', '=', documentId).orderBy('ordinal').execute();
    return rows.map((r) => ({ record: JSON.parse(r.record) as EventRecord, trace: JSON.parse(r.trace), eventId: r.event_id }));
  }

  async eventTrace(id: string): Promise<{ document: string; trace: unknown }[]> {
    const rows = await this.db.selectFrom('mentions as m').innerJoin('documents as d', 'd.id', 'm.document_id').select(['d.name', 'm.trace'])
      .where('m.event_id', '=', id).orderBy('d.name').orderBy('m.ordinal').execute();
    return rows.map((r) => ({ document: r.name, trace: JSON.parse(r.trace) }));
  }

  async documents(): Promise<StoredDocument[]> {
    return (await this.db.selectFrom('documents').selectAll().orderBy('id').execute()).map(toStored);
  }

  async document(nameOrId: string): Promise<StoredDocument | null> {
    const row = /^\d+$/.test(nameOrId)
      ? await this.db.selectFrom('documents').selectAll().where('id', '=', Number(nameOrId)).executeTakeFirst()
      // A name, or the end of a path after a '/': LIKE's wildcards in the name are matched as themselves.
      : await this.db.selectFrom('documents').selectAll()
        .where((eb) => eb.or([eb('name', '=', nameOrId), sql<SqlBool>`name LIKE ${`%/${nameOrId.replace(/[\\%_]/g, (c) => `\\${c}`)}`} ESCAPE '\\'`]))
        .orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? toStored(row) : null;
  }

  async counts(): Promise<{ documents: number; events: number; mentions: number }> {
    const n = async (table: 'documents' | 'events' | 'mentions') => Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { documents: await n('documents'), events: await n('events'), mentions: await n('mentions') };
  }

  async close(): Promise<void> {
    await this.adapter.close();
  }

  async enqueue(tasks: readonly ExtractTask[]): Promise<number> {
    const enqueuedAt = new Date().toISOString();
    let queued = 0;
    await this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
      // The next batch number, read under the write lock: batches of every enqueue are in one order.
      const last = await db.selectFrom('jobs').select((eb) => eb.fn.max('batch').as('b')).executeTakeFirst();
      const batch = Number(last?.b ?? 0) + 1;
      const rows = tasks.map((t) => ({ hash: t.hash, name: t.doc.name, batch, task: JSON.stringify(t), result: null, state: 'queued', attempts: 0, locked_until: null, error: null, enqueued_at: enqueuedAt }));
      for (const slice of slices(rows, Math.floor(this.adapter.maxListLength / 10))) {
        // Content queued already (by another enqueue) is not queued twice.
        queued += (await db.insertInto('jobs').values(slice).onConflict((oc) => oc.column('hash').doNothing()).returning('id').execute()).length;
      }
    });
    return queued;
  }

  async claimJobs({ limit, leaseMs, maxAttempts }: ClaimOptions): Promise<ClaimedJob[]> {
    const now = this.adapter.nowMs;
    // A job whose worker died while holding it as many times as a job is tried stays out of the
    // queue (a document that kills its worker): failed, with that said.
    await this.db.updateTable('jobs').set({ state: 'failed', locked_until: null, error: sql<string>`COALESCE(error, ${`its worker stopped while processing it ${maxAttempts} times`})` })
      .where('state', '=', 'running').where('locked_until', '<', now).where('attempts', '>=', maxAttempts).execute();
    let claimable = this.db.selectFrom('jobs').select('id')
      .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now)])]))
      .orderBy('id').limit(limit);
    if (this.adapter.skipsLockedRows) claimable = claimable.forUpdate().skipLocked();
    // One statement: the jobs are taken, and their lease begins, at once.
    const rows = await this.db.updateTable('jobs').set({ state: 'running', attempts: sql<number>`attempts + 1`, locked_until: sql<number>`${now} + ${leaseMs}` })
      .where('id', 'in', claimable).returning(['id', 'task', 'attempts']).execute();
    return rows.sort((a, b) => a.id - b.id).map((r) => ({ id: Number(r.id), attempts: r.attempts, task: JSON.parse(r.task) as ExtractTask }));
  }

  async recordExtraction(id: number, document: NewDocument): Promise<void> {
    await this.db.updateTable('jobs').set({ state: 'extracted', result: JSON.stringify(document), locked_until: null, error: null })
      .where('id', '=', id).where('state', '=', 'running').execute();
  }

  async nextBatchToStore(): Promise<BatchToStore | null> {
    // The first batch not yet stored; it is ready once none of its documents is still to extract.
    const first = await this.db.selectFrom('jobs').select((eb) => eb.fn.min('batch').as('b')).where('state', 'in', ['queued', 'running', 'extracted']).executeTakeFirst();
    if (first?.b === null || first?.b === undefined) return null;
    const batch = Number(first.b);
    const waiting = await this.db.selectFrom('jobs').select('id').where('batch', '=', batch).where('state', 'in', ['queued', 'running']).limit(1).executeTakeFirst();
    if (waiting) return null;
    const rows = await this.db.selectFrom('jobs').select(['id', 'result']).where('batch', '=', batch).where('state', '=', 'extracted').orderBy('id').execute();
    return { batch, jobs: rows.map((r) => ({ id: Number(r.id), document: JSON.parse(r.result!) as NewDocument })) };
  }

  async completeJobs(ids: readonly number[]): Promise<void> {
    for (const slice of slices([...ids], this.adapter.maxListLength)) {
      // Stored: the extraction's result is in the store's tables now.
      await this.db.updateTable('jobs').set({ state: 'done', result: null, locked_until: null, error: null }).where('id', 'in', slice).execute();
    }
  }

  async failStoredJob(id: number, error: string): Promise<void> {
    await this.db.updateTable('jobs').set({ state: 'failed', result: null, locked_until: null, error }).where('id', '=', id).execute();
  }

  async failJob(id: number, error: string, maxAttempts: number): Promise<void> {
    // Tried fewer than maxAttempts times: queued again (another worker, or later, may succeed).
    await this.db.updateTable('jobs')
      .set({ state: sql<string>`CASE WHEN attempts >= ${maxAttempts} THEN 'failed' ELSE 'queued' END`, locked_until: null, error })
      .where('id', '=', id).where('state', '=', 'running').execute();
  }

  async queueCounts(): Promise<QueueCounts> {
    const rows = await this.db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll().as('n')]).groupBy('state').execute();
    const n = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
    return { queued: n('queued'), running: n('running'), extracted: n('extracted'), done: n('done'), failed: n('failed') };
  }

  async failedJobs(): Promise<FailedJob[]> {
    const rows = await this.db.selectFrom('jobs').select(['name', 'error', 'attempts']).where('state', '=', 'failed').orderBy('id').execute();
    return rows.map((r) => ({ name: r.name, error: r.error ?? '', attempts: r.attempts }));
  }

  async lastFetch(url: string): Promise<FetchRecord | null> {
    const r = await this.db.selectFrom('fetches').selectAll().where('url', '=', url).executeTakeFirst();
    return r ? { url: r.url, etag: r.etag, lastModified: r.last_modified, contentHash: r.content_hash, fetchedAt: r.fetched_at } : null;
  }

  async recordFetches(fetches: readonly FetchRecord[]): Promise<void> {
    if (!fetches.length) return;
    await this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
      for (const f of fetches) {
        const row = { url: f.url, etag: f.etag, last_modified: f.lastModified, content_hash: f.contentHash, fetched_at: f.fetchedAt };
        await db.insertInto('fetches').values(row)
          .onConflict((oc) => oc.column('url').doUpdateSet({ etag: row.etag, last_modified: row.last_modified, content_hash: row.content_hash, fetched_at: row.fetched_at })).execute();
      }
    });
  }

  /**
   * Copies every row of another database into this one, which must be empty, ids kept, in one
   * transaction: a copy that fails leaves nothing behind. The source is read from one snapshot.
   */
  async copyFrom(source: StoreAdapter): Promise<CopySummary> {
    return this.transaction(async (tx) => {
      const target = tx as KyselyStore;
      const held = await target.counts();
      if (held.documents || held.events || held.mentions) {
        throw new Error(`${this.target}: holds ${held.documents} documents and ${held.events} events already; vigie copy writes into an empty database only`);
      }
      const snapshot = await source.snapshot();
      const copied: Record<CopiedTable, number> = { documents: 0, mentions: 0, events: 0, lines: 0, event_redirects: 0, jobs: 0, fetches: 0, review_tokens: 0, event_reviews: 0, mention_pins: 0, review_actions: 0 };
      try {
        for (const table of Object.keys(COPY_COLUMNS) as CopiedTable[]) {
          const columns = COPY_COLUMNS[table];
          const sliceLength = Math.floor(this.adapter.maxListLength / columns.length);
          let buffer: Record<string, unknown>[] = [];
          const flush = async () => {
            if (!buffer.length) return;
            await target.db.insertInto(table).values(buffer as never).execute();
            if (table === 'events') {
              for (const row of buffer) await this.adapter.indexEventText(target.db, row.id as string, eventText(JSON.parse(row.record as string) as EventRecord));
            }
            copied[table] += buffer.length;
            buffer = [];
          };
          // Rows in key order: documents keep their ids, and mentions find theirs.
          const rows = snapshot.db.selectFrom(table).select(columns as never).orderBy(sql.ref(columns[0]!)).stream(500);
          for await (const row of rows) {
            buffer.push(row as Record<string, unknown>);
            if (buffer.length >= Math.min(sliceLength, 500)) await flush();
          }
          await flush();
        }
        await this.adapter.afterCopy(target.db);
      } finally {
        await snapshot.release();
      }
      return { documents: copied.documents, mentions: copied.mentions, events: copied.events, lines: copied.lines, redirects: copied.event_redirects, jobs: copied.jobs, fetches: copied.fetches };
    });
  }

  /** A box's condition on lat and lon (a west east of the east crosses the antimeridian). */
  private boxOf([w, s, e, n]: readonly [number, number, number, number]): Expression<SqlBool> {
    const eb = expressionBuilder<Tables, 'events'>();
    return eb.and([eb.between('lat', s, n), w <= e ? eb.between('lon', w, e) : eb.or([eb('lon', '>=', w), eb('lon', '<=', e)])]);
  }

  /**
   * The conditions of a query on `events`, or null for none; values are always bound, never spliced into the statement.
   * @param cells the cells of the box read through the cell index (by default every cell the box
   * covers, none when it covers too many): the weekly timeline reads some of a box's cells elsewhere
   */
  private whereOf(q: EventQuery, cells: readonly number[] | null = q.bbox ? boxCells(q.bbox) : null): Expression<SqlBool> | null {
    const eb = expressionBuilder<Tables, 'events'>();
    const conds: Expression<SqlBool>[] = [];
    if (q.from) conds.push(eb('date', '>=', q.from));
    if (q.to) conds.push(eb('date', '<=', q.to));
    if (q.subEventTypes?.length) conds.push(eb('sub_event_type', 'in', [...q.subEventTypes]));
    if (q.eventTypes?.length) conds.push(eb('event_type', 'in', [...q.eventTypes]));
    if (q.actor) conds.push(eb.or([eb('actor1', '=', q.actor), eb('actor2', '=', q.actor)]));
    if (q.country) conds.push(eb('country_code', '=', q.country));
    if (q.claim) conds.push(eb('claim_status', '=', q.claim));
    if (q.review) {
      const statuses = q.review === 'reviewed' ? ['accepted', 'corrected'] : [q.review];
      const reviewedAs = (list: string[]) => eb.selectFrom('event_reviews').select('event_id').where('status', 'in', list);
      // An event with no review row is unreviewed.
      conds.push(q.review === 'unreviewed' ? eb('id', 'not in', reviewedAs(['accepted', 'corrected', 'rejected'])) : eb('id', 'in', reviewedAs(statuses)));
    }
    if (q.bbox) {
      conds.push(this.boxOf(q.bbox));
      if (cells) conds.push(this.adapter.inCells(cells));
    }
    if (q.text) {
      // Words only: the user's text is matched, never parsed as a query language.
      const words = q.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
      conds.push(words.length ? this.adapter.textMatches(words) : sql<SqlBool>`1 = 0`);
    }
    return conds.length ? eb.and(conds) : null;
  }
}

/** A timeline's counts per week (named by its Monday) and type, added up from the parts read. */
class WeekCounts {
  private readonly byKey = new Map<string, { day: string; sub_event_type: string; count: number }>();

  add(week: string, type: string, n: number): void {
    const key = `${week}\u0000${type}`;
    const had = this.byKey.get(key);
    if (had) had.count += n;
    else this.byKey.set(key, { day: week, sub_event_type: type, count: n });
  }

  /** By week, then type (their bytes); none of a count taken off to 0. */
  sorted(): DayTypeCount[] {
    return [...this.byKey.values()].filter((c) => c.count !== 0).sort((a, b) => byBytes(a.day, b.day) || byBytes(a.sub_event_type, b.sub_event_type));
  }
}

/** Strings in the order of their code units, as PostgreSQL orders them under COLLATE "C" and SQLite by default. */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a count read from a sample is multiplied by to stand for the whole selection (1 when counted exactly). */
function scaleOf(sample: Sample | null): number {
  return sample ? 100 / sample.percent : 1;
}

/**
 * True when every filter of a query is a column of event_rollup (dates, types, country, box): its
 * counts (statistics, timeline, map, a list's total) are then read from the rollup's rows. Any other
 * filter (words, actor, claim, review) is read from the events.
 */
export function useRollup(q: EventQuery): boolean {
  return !q.text && !q.actor && !q.claim && !q.review;
}

/** Where a selection's counts are read from (KyselyStore.countedOf). */
interface Counted {
  /** Its rows, as a query on events (the rollup's columns are the events' of the same names). */
  rows(): SelectQueryBuilder<Tables, 'events', object>;
  /** The same rows in a FROM clause. */
  readonly from: RawBuilder<unknown>;
  /** How many events a group of the rows stands for. */
  readonly count: RawBuilder<number>;
  /** The sum of a column over the events a group stands for. */
  sumOf(column: 'lat' | 'lon'): RawBuilder<number>;
}

/**
 * The first day of a page of the newest events, those before `end` in the order newest first: the
 * day of the end-th dated event, or null when fewer than `end` are dated (the page reaches the undated).
 */
function firstDayOfPage(days: readonly { date: string | null; n: number }[], end: number): string | null {
  let seen = 0;
  for (const d of days.filter((x) => x.date !== null).sort((a, b) => byBytes(b.date!, a.date!))) {
    seen += d.n;
    if (seen >= end) return d.date;
  }
  return null;
}

/** The deepest zoom whose cells the map is cut in (cells of 360 / 2^27 degrees, about 30 cm). */
const MAX_MAP_ZOOM = 24;

/** A selection of words the database expects to hold more events than this is counted from a sample, where it samples. */
const LARGE_TEXT_SELECTION = 20_000;
/** About this many of such a selection's events are in its sample. */
const SAMPLED_EVENTS = 1_500;

interface Sample {
  /** The database's estimate of the selection's size. */
  readonly expected: number;
  /** The share of the table's pages read, in percent. */
  readonly percent: number;
}

/** From this zoom (cells of 0.09°, about 10 km) a selection of at most `points` events in view is shown one event at a time. */
const ALL_POINTS_ZOOM = 9;

/** What the map shows of an event. */
function mapPoint(r: EventRecord): MapPoint {
  return {
    id: r.id, lat: r.location!.lat!, lon: r.location!.lon!, sub_event_type: r.sub_event_type, date: r.date, date_precision: r.date_precision,
    place: r.location?.name ?? null, country_code: r.location?.country_code ?? null, geo_precision: r.location?.geo_precision ?? null,
    actor1: r.actor1, actor2: r.actor2, killed: r.killed, wounded: r.wounded, sources: r.sources.length,
  };
}

export interface CopySummary {
  readonly documents: number;
  readonly mentions: number;
  readonly events: number;
  readonly lines: number;
  readonly redirects: number;
  readonly jobs: number;
  readonly fetches: number;
}

/** The columns copied, per table, in the order tables are copied (documents before the mentions that name them); the first is the key. */
const COPY_COLUMNS: { readonly [T in CopiedTable]: readonly (keyof Tables[T] & string)[] } = {
  documents: ['id', 'name', 'version', 'url', 'outlet', 'language', 'language_rule', 'published', 'published_precision', 'published_rule', 'hash', 'text', 'zones', 'note', 'ingested_at', 'metadata'],
  mentions: ['id', 'document_id', 'ordinal', 'date', 'sub_event_type', 'country_code', 'record', 'trace', 'key', 'event_id', 'cell', 'day', 'published_day'],
  events: ['id', 'record', 'disagreements', 'date', 'sub_event_type', 'country_code', 'lat', 'lon', 'n_sources', 'event_type', 'actor1', 'actor2', 'claim_status', 'killed'],
  lines: ['site', 'key', 'document_hash'],
  event_redirects: ['old_id', 'new_id'],
  jobs: ['id', 'hash', 'name', 'batch', 'task', 'result', 'state', 'attempts', 'locked_until', 'error', 'enqueued_at'],
  fetches: ['url', 'etag', 'last_modified', 'content_hash', 'fetched_at'],
  review_tokens: ['id', 'hash', 'role', 'name', 'created_at', 'revoked_at'],
  event_reviews: ['event_id', 'status', 'fields', 'reviewer', 'reviewed_at', 'seen'],
  mention_pins: ['mention_id', 'event_id'],
  review_actions: ['id', 'event_id', 'other_id', 'action', 'reviewer', 'acted_at', 'note', 'before_value', 'after_value', 'restore', 'undone_by', 'undone_at'],
};

interface PinnedMention { readonly id: string; readonly ordinal: number; readonly record: EventRecord; readonly event: string }

/**
 * Pins of a document's old mentions passed to its new version's: a new mention takes the pin of the old
 * one of the same sub-event type and place, else of the same type at the same position; each pin passes once.
 */
export function pinsToCarry(old: readonly PinnedMention[], fresh: readonly { id: string; ordinal: number; record: EventRecord }[]): { mention: string; event: string }[] {
  const left = [...old];
  const out: { mention: string; event: string }[] = [];
  const take = (i: number, id: string) => { out.push({ mention: id, event: left[i]!.event }); left.splice(i, 1); };
  const rest: typeof fresh[number][] = [];
  for (const m of fresh) {
    const i = left.findIndex((o) => o.record.sub_event_type === m.record.sub_event_type && (o.record.location?.name ?? null) === (m.record.location?.name ?? null));
    if (i >= 0) take(i, m.id);
    else rest.push(m);
  }
  for (const m of rest) {
    const i = left.findIndex((o) => o.ordinal === m.ordinal && o.record.sub_event_type === m.record.sub_event_type);
    if (i >= 0) take(i, m.id);
  }
  return out;
}

function toStored(r: DocumentRow): StoredDocument {
  return {
    id: Number(r.id),
    version: r.version,
    text: r.text,
    zones: JSON.parse(r.zones),
    ingestedAt: r.ingested_at,
    note: r.note,
    info: {
      name: r.name, url: r.url, outlet: r.outlet, language: r.language, languageRule: r.language_rule, hash: r.hash,
      ...(r.metadata ? { metadata: JSON.parse(r.metadata) as DocumentMetadata } : {}),
      published: { iso: r.published, precision: (r.published_precision as StoredDocument['info']['published']['precision']) ?? null, rule: r.published_rule, stated: {} },
    },
  };
}
