// SQLite implementation of the store (better-sqlite3: synchronous, one file, fast batched writes).
import Database from 'better-sqlite3';
import type { EventRecord } from '../../types.ts';
import type { EventQuery, EventStats, LineObservation, NewDocument, Store, StoredDocument, StoredEvent } from '../store.ts';
import { cellOf, mentionKey, type Mention, type MentionKey, type ResolvedEvent } from '../../resolve/resolve.ts';
import { MIGRATIONS } from './migrations.ts';

export interface SqliteStoreOptions {
  readonly readonly?: boolean;
}

/**
 * How long a statement waits for another connection's write lock before SQLITE_BUSY. Writers take
 * the lock when their transaction begins (BEGIN IMMEDIATE), so a second ingest waits here for the
 * first one's batch to commit, and the ingest retries a batch that waited longer (ingest.ts).
 */
const BUSY_TIMEOUT_MS = 10_000;

interface DocumentRow {
  id: number; name: string; version: number; url: string | null; outlet: string | null; language: string; language_rule: string;
  published: string | null; published_precision: string | null; published_rule: string; hash: string; text: string; zones: string; note: string | null; ingested_at: string;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, prepared once per store. SQL built from an API query (whereOf) is
   *  prepared each time instead: its variants are the users' to choose, and would pile up here. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  constructor(readonly path: string, { readonly = false }: SqliteStoreOptions = {}) {
    try {
      this.db = new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
    } catch (e) {
      throw new Error(`${path}: cannot open database (${(e as Error).message})`);
    }
    try {
      if (!readonly) this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      if (readonly) this.checkSchema();
      else this.migrate();
    } catch (e) {
      this.db.close();
      throw new Error(`${path}: not a vigie database (${(e as Error).message})`);
    }
  }

  private checkSchema(): void {
    const v = this.db.pragma('user_version', { simple: true }) as number;
    if (v !== MIGRATIONS.length) throw new Error(`schema version ${v}, this vigie reads ${MIGRATIONS.length}: open it once for writing (vigie ingest) to migrate`);
  }

  private migrate(): void {
    const version = () => this.db.pragma('user_version', { simple: true }) as number;
    const current = version();
    if (current > MIGRATIONS.length) throw new Error(`database schema ${current} is newer than this vigie (${MIGRATIONS.length})`);
    if (current < MIGRATIONS.length) {
      // Two ingests may open a new database at once: the version is read again under the write lock,
      // and the second finds the schema made.
      this.db.transaction(() => {
        for (let v = version(); v < MIGRATIONS.length; v++) {
          this.db.exec(MIGRATIONS[v]!);
          this.db.pragma(`user_version = ${v + 1}`);
        }
      }).immediate();
    }
    // Mentions stored before resolution existed get their keys now; they resolve at the next ingest.
    const missing = this.db.prepare('SELECT m.id, m.record, d.name FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.key IS NULL').all() as { id: string; record: string; name: string }[];
    if (missing.length) {
      const update = this.db.prepare('UPDATE mentions SET key = ?, cell = ?, day = ?, published_day = ? WHERE id = ?');
      this.db.transaction(() => {
        for (const m of missing) {
          const k = mentionKey({ id: m.id, document: m.name, record: JSON.parse(m.record) as EventRecord });
          update.run(JSON.stringify(k), k.lat !== null && k.lon !== null ? cellOf(k.lat, k.lon) : null, k.day, k.published, m.id);
        }
      }).immediate();
    }
  }

  /** A write transaction takes the write lock as it begins (IMMEDIATE): one that read first and then
   *  found another writer's commit could only fail, where this one waits its turn. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  hasContent(hash: string): boolean {
    return !!this.stmt('SELECT 1 FROM documents WHERE hash = ?').get(hash);
  }

  latestVersion(name: string): number {
    const row = this.stmt('SELECT MAX(version) AS v FROM documents WHERE name = ?').get(name) as { v: number | null };
    return row.v ?? 0;
  }

  recordLines(lines: readonly LineObservation[]): void {
    const insert = this.stmt('INSERT OR IGNORE INTO lines (site, key, document_hash) VALUES (?, ?, ?)');
    this.db.transaction(() => { for (const l of lines) insert.run(l.site, l.key, l.documentHash); }).immediate();
  }

  lineDocumentCounts(site: string, keys: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    if (!keys.length) return out;
    const rows = this.stmt('SELECT key, COUNT(*) AS n FROM lines WHERE site = ? AND key IN (SELECT value FROM json_each(?)) GROUP BY key')
      .all(site, JSON.stringify([...new Set(keys)])) as { key: string; n: number }[];
    for (const r of rows) out.set(r.key, r.n);
    return out;
  }

  saveDocuments(documents: readonly NewDocument[]): void {
    const insertDoc = this.stmt(`INSERT INTO documents (name, version, url, outlet, language, language_rule, published, published_precision, published_rule, hash, text, zones, note, ingested_at)
      VALUES (@name, @version, @url, @outlet, @language, @language_rule, @published, @published_precision, @published_rule, @hash, @text, @zones, @note, @ingested_at)`);
    const insertMention = this.stmt(`INSERT INTO mentions (id, document_id, ordinal, date, sub_event_type, country_code, record, trace, key, event_id, cell, day, published_day)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const d of documents) {
        const version = this.latestVersion(d.info.name) + 1;
        if (version > 1) this.dropMentionsOf(d.info.name);
        const { lastInsertRowid } = insertDoc.run({
          name: d.info.name, version, url: d.info.url, outlet: d.info.outlet, language: d.info.language, language_rule: d.info.languageRule,
          published: d.info.published.iso, published_precision: d.info.published.precision, published_rule: d.info.published.rule,
          hash: d.info.hash, text: d.text, zones: JSON.stringify(d.zones), note: d.note, ingested_at: now,
        });
        d.events.forEach(({ record, trace, dayWithoutYear, tellsSeveral, dayStated }, ordinal) => {
          const k = mentionKey({ id: record.id, document: d.info.name, record, dayWithoutYear: dayWithoutYear ?? null, tellsSeveral: tellsSeveral ?? false, dayStated: dayStated ?? false });
          insertMention.run(record.id, lastInsertRowid, ordinal, record.date, record.sub_event_type, record.location?.country_code ?? null, JSON.stringify(record), JSON.stringify(trace),
            JSON.stringify(k), k.lat !== null && k.lon !== null ? cellOf(k.lat, k.lon) : null, k.day, k.published);
        });
      }
    }).immediate();
  }

  /** A new version replaces the old: its mentions leave their events, which resolve again. */
  private dropMentionsOf(name: string): void {
    const old = this.stmt('SELECT m.id, m.event_id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.name = ?').all(name) as { id: string; event_id: string | null }[];
    const events = [...new Set(old.map((o) => o.event_id).filter((e): e is string => !!e))];
    for (const e of events) {
      this.stmt('UPDATE mentions SET event_id = NULL WHERE event_id = ?').run(e);
      this.dropEvent(e);
    }
    this.stmt('DELETE FROM mentions WHERE id IN (SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.name = ?)').run(name);
  }

  unresolvedMentionKeys(): MentionKey[] {
    return (this.stmt('SELECT key FROM mentions WHERE event_id IS NULL').all() as { key: string }[]).map((r) => JSON.parse(r.key) as MentionKey);
  }

  mentionKeysNear(cells: readonly string[], dayFrom: number, dayTo: number): MentionKey[] {
    if (!cells.length) return [];
    const sql = `SELECT key FROM mentions WHERE cell IN (${cells.map(() => '?').join(',')}) AND day BETWEEN ? AND ?`;
    return (this.stmt(sql).all(...cells, dayFrom, dayTo) as { key: string }[]).map((r) => JSON.parse(r.key) as MentionKey);
  }

  datedMentionKeysNear(cells: readonly string[], subEventType: string): MentionKey[] {
    if (!cells.length) return [];
    const sql = `SELECT key FROM mentions WHERE cell IN (${cells.map(() => '?').join(',')}) AND sub_event_type = ? AND day IS NOT NULL`;
    return (this.stmt(sql).all(...cells, subEventType) as { key: string }[]).map((r) => JSON.parse(r.key) as MentionKey);
  }

  undatedMentionKeysNear(cells: readonly string[], subEventType: string, limit: number): MentionKey[] {
    // One cell at a time, so that the partial index (cell, sub_event_type, id) answers in order and the limit stops the read.
    const stmt = this.stmt('SELECT key FROM mentions WHERE cell = ? AND sub_event_type = ? AND day IS NULL AND published_day IS NULL ORDER BY id LIMIT ?');
    const out: MentionKey[] = [];
    for (const cell of cells) for (const r of stmt.all(cell, subEventType, limit) as { key: string }[]) out.push(JSON.parse(r.key) as MentionKey);
    return out;
  }

  mentionKeysInCountry(country: string | null, dayFrom: number, dayTo: number): MentionKey[] {
    const where = country === null ? 'country_code IS NULL' : 'country_code = ?';
    const args = country === null ? [] : [country];
    const sql = `SELECT key FROM mentions WHERE ${where} AND (day BETWEEN ? AND ? OR (day IS NULL AND published_day BETWEEN ? AND ?))`;
    return (this.stmt(sql).all(...args, dayFrom, dayTo, dayFrom, dayTo) as { key: string }[]).map((r) => JSON.parse(r.key) as MentionKey);
  }

  // A list of ids is bound as one JSON array (json_each): one statement whatever the list's length,
  // and each id is still found through the index.
  mentionIdsOfEvents(ids: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows = this.stmt('SELECT event_id, id FROM mentions WHERE event_id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(ids)])) as { event_id: string; id: string }[];
    for (const r of rows) {
      let list = out.get(r.event_id);
      if (!list) out.set(r.event_id, (list = []));
      list.push(r.id);
    }
    return out;
  }

  mentionKeys(ids: readonly string[]): MentionKey[] {
    if (!ids.length) return [];
    return (this.stmt('SELECT key FROM mentions WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(ids)])) as { key: string }[])
      .map((r) => JSON.parse(r.key) as MentionKey);
  }

  eventOfMentions(ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    if (!ids.length) return out;
    const rows = this.stmt('SELECT id, event_id FROM mentions WHERE id IN (SELECT value FROM json_each(?)) AND event_id IS NOT NULL').all(JSON.stringify([...new Set(ids)])) as { id: string; event_id: string }[];
    for (const r of rows) out.set(r.id, r.event_id);
    return out;
  }

  mentions(ids: readonly string[]): Mention[] {
    const stmt = this.stmt('SELECT m.id, m.record, d.name FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.id = ?');
    return ids.map((id) => {
      const r = stmt.get(id) as { id: string; record: string; name: string } | undefined;
      if (!r) throw new Error(`mention ${id} is not stored`);
      return { id: r.id, document: r.name, record: JSON.parse(r.record) as EventRecord };
    });
  }

  replaceEvents(remove: readonly string[], add: readonly ResolvedEvent[]): void {
    const ins = this.stmt(`INSERT INTO events (id, record, disagreements, date, sub_event_type, country_code, lat, lon, n_sources, event_type, actor1, actor2, claim_status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insText = this.stmt('INSERT INTO events_text (rowid, text) VALUES (?, ?)');
    // Most members of a rewritten event were in it before: their row is not written again.
    const link = this.stmt('UPDATE mentions SET event_id = ? WHERE id = ? AND event_id IS NOT ?');
    this.db.transaction(() => {
      for (const id of remove) this.dropEvent(id);
      for (const e of add) {
        const r = e.record;
        this.dropEvent(r.id);
        const { lastInsertRowid } = ins.run(r.id, JSON.stringify(r), JSON.stringify(e.disagreements), r.date, r.sub_event_type, r.location?.country_code ?? null, r.location?.lat ?? null,
          r.location?.lon ?? null, r.sources.length, r.event_type, r.actor1, r.actor2, r.claim.status);
        // Outlets that carry one wire story quote the same sentences: each is indexed once.
        insText.run(lastInsertRowid, [...new Set([r.notes, ...r.sources.flatMap((s) => s.evidence.map((v) => v.text))])].join(' '));
        for (const m of e.mentionIds) link.run(r.id, m, r.id);
        // Ids this event took over lead to it, and so do those that led to them; a live id is no redirect.
        this.stmt('DELETE FROM event_redirects WHERE old_id = ?').run(r.id);
        for (const old of e.replaces ?? []) {
          this.stmt('UPDATE event_redirects SET new_id = ? WHERE new_id = ?').run(r.id, old);
          this.stmt('INSERT OR REPLACE INTO event_redirects (old_id, new_id) VALUES (?, ?)').run(old, r.id);
        }
      }
    }).immediate();
  }

  /** The text index shares the events' rowids: a row is found by key in both, never by a scan. */
  private dropEvent(id: string): void {
    const row = this.stmt('SELECT rowid AS r FROM events WHERE id = ?').get(id) as { r: number } | undefined;
    if (!row) return;
    this.stmt('DELETE FROM events_text WHERE rowid = ?').run(row.r);
    this.stmt('DELETE FROM events WHERE rowid = ?').run(row.r);
  }

  events({ limit }: { limit?: number } = {}): EventRecord[] {
    const sql = `SELECT record FROM events ORDER BY date IS NULL, date, id${limit ? ' LIMIT ?' : ''}`;
    const rows = (limit ? this.stmt(sql).all(limit) : this.stmt(sql).all()) as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as EventRecord);
  }

  *streamEvents(query: EventQuery, { oldestFirst = false }: { readonly oldestFirst?: boolean } = {}): Generator<EventRecord> {
    const { where, args } = whereOf(query);
    // A connection of its own: the read is one snapshot however long the client takes, and the
    // store's connection stays free for other requests meanwhile (a connection that iterates can
    // run nothing else). SQLite's sorter spills to disk past its cache: memory stays bounded.
    const db = new Database(this.path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      const order = oldestFirst ? 'date IS NULL, date, id' : 'date IS NULL, date DESC, id';
      const rows = db.prepare(`SELECT record FROM events ${where} ORDER BY ${order}`).pluck().iterate(...args) as IterableIterator<string>;
      for (const record of rows) yield JSON.parse(record) as EventRecord;
    } finally {
      db.close();
    }
  }

  queryEvents(query: EventQuery): { total: number; events: EventRecord[] } {
    const { where, args } = whereOf(query);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM events ${where}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT record FROM events ${where} ORDER BY date IS NULL, date DESC, id LIMIT ? OFFSET ?`)
      .all(...args, query.limit ?? 100, query.offset ?? 0) as { record: string }[];
    return { total, events: rows.map((r) => JSON.parse(r.record) as EventRecord) };
  }

  eventStats(query: EventQuery): EventStats {
    const { where, args } = whereOf(query);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM events ${where}`).get(...args) as { n: number }).n;
    const perDay = this.db.prepare(`SELECT date AS day, COUNT(*) AS count FROM events ${where}${where ? ' AND' : ' WHERE'} date IS NOT NULL GROUP BY date ORDER BY date`).all(...args) as { day: string; count: number }[];
    const perType = this.db.prepare(`SELECT sub_event_type, COUNT(*) AS count FROM events ${where} GROUP BY sub_event_type ORDER BY count DESC, sub_event_type`).all(...args) as { sub_event_type: string; count: number }[];
    const perCountry = this.db.prepare(`SELECT country_code, COUNT(*) AS count FROM events ${where} GROUP BY country_code ORDER BY count DESC, country_code`).all(...args) as { country_code: string | null; count: number }[];
    return { total, perDay, perType, perCountry };
  }

  /** An event by its id, or by an id it took over (event_redirects): the record holds its id now. */
  event(id: string): StoredEvent | null {
    const row = this.stmt('SELECT record, disagreements FROM events WHERE id = ?').get(id) as { record: string; disagreements: string } | undefined;
    if (row) return { record: JSON.parse(row.record), disagreements: JSON.parse(row.disagreements) };
    const to = this.stmt('SELECT new_id FROM event_redirects WHERE old_id = ?').pluck().get(id) as string | undefined;
    const moved = to === undefined ? undefined : this.stmt('SELECT record, disagreements FROM events WHERE id = ?').get(to) as { record: string; disagreements: string } | undefined;
    return moved ? { record: JSON.parse(moved.record), disagreements: JSON.parse(moved.disagreements) } : null;
  }

  documentMentions(documentId: number): { record: EventRecord; trace: unknown; eventId: string | null }[] {
    const rows = this.stmt('SELECT record, trace, event_id FROM mentions WHERE document_id = ? ORDER BY ordinal').all(documentId) as { record: string; trace: string; event_id: string | null }[];
    return rows.map((r) => ({ record: JSON.parse(r.record) as EventRecord, trace: JSON.parse(r.trace), eventId: r.event_id }));
  }

  eventTrace(id: string): { document: string; trace: unknown }[] {
    const rows = this.stmt('SELECT d.name, m.trace FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ? ORDER BY d.name, m.ordinal').all(id) as { name: string; trace: string }[];
    return rows.map((r) => ({ document: r.name, trace: JSON.parse(r.trace) }));
  }

  documents(): StoredDocument[] {
    return (this.stmt('SELECT * FROM documents ORDER BY id').all() as DocumentRow[]).map(toStored);
  }

  document(nameOrId: string): StoredDocument | null {
    const row = (/^\d+$/.test(nameOrId)
      ? this.stmt('SELECT * FROM documents WHERE id = ?').get(Number(nameOrId))
      // A name, or the end of a path after a '/': LIKE's wildcards in the name are matched as themselves.
      : this.stmt("SELECT * FROM documents WHERE name = ? OR name LIKE ? ESCAPE '\\' ORDER BY version DESC LIMIT 1").get(nameOrId, `%/${nameOrId.replace(/[\\%_]/g, (c) => `\\${c}`)}`)) as DocumentRow | undefined;
    return row ? toStored(row) : null;
  }

  counts(): { documents: number; events: number; mentions: number } {
    const n = (sql: string) => (this.stmt(sql).get() as { n: number }).n;
    return { documents: n('SELECT COUNT(*) AS n FROM documents'), events: n('SELECT COUNT(*) AS n FROM events'), mentions: n('SELECT COUNT(*) AS n FROM mentions') };
  }

  close(): void {
    this.db.close();
  }
}

/** SQL conditions of a query; values are always bound, never spliced into the statement. */
function whereOf(q: EventQuery): { where: string; args: (string | number)[] } {
  const conds: string[] = [];
  const args: (string | number)[] = [];
  if (q.from) { conds.push('date >= ?'); args.push(q.from); }
  if (q.to) { conds.push('date <= ?'); args.push(q.to); }
  if (q.subEventTypes?.length) { conds.push(`sub_event_type IN (${q.subEventTypes.map(() => '?').join(',')})`); args.push(...q.subEventTypes); }
  if (q.eventTypes?.length) { conds.push(`event_type IN (${q.eventTypes.map(() => '?').join(',')})`); args.push(...q.eventTypes); }
  if (q.actor) { conds.push('(actor1 = ? OR actor2 = ?)'); args.push(q.actor, q.actor); }
  if (q.country) { conds.push('country_code = ?'); args.push(q.country); }
  if (q.claim) { conds.push('claim_status = ?'); args.push(q.claim); }
  if (q.bbox) {
    const [w, sth, e, n] = q.bbox;
    conds.push('lat BETWEEN ? AND ?'); args.push(sth, n);
    if (w <= e) { conds.push('lon BETWEEN ? AND ?'); args.push(w, e); } else { conds.push('(lon >= ? OR lon <= ?)'); args.push(w, e); }
  }
  if (q.text) {
    // Each word becomes a quoted FTS phrase: the user's text is matched, never parsed as a query.
    const words = q.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
    if (words.length) {
      conds.push('rowid IN (SELECT rowid FROM events_text WHERE events_text MATCH ?)');
      args.push(words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' '));
    } else conds.push('0');
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', args };
}

function toStored(r: DocumentRow): StoredDocument {
  return {
    id: r.id,
    version: r.version,
    text: r.text,
    zones: JSON.parse(r.zones),
    ingestedAt: r.ingested_at,
    note: r.note,
    info: {
      name: r.name, url: r.url, outlet: r.outlet, language: r.language, languageRule: r.language_rule, hash: r.hash,
      published: { iso: r.published, precision: (r.published_precision as StoredDocument['info']['published']['precision']) ?? null, rule: r.published_rule, stated: {} },
    },
  };
}

