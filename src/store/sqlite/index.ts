// SQLite implementation of the store (better-sqlite3: synchronous, one file, fast batched writes).
import Database from 'better-sqlite3';
import type { EventRecord } from '../../types.ts';
import type { LineObservation, NewDocument, Store, StoredDocument } from '../store.ts';
import { MIGRATIONS } from './migrations.ts';

export interface SqliteStoreOptions {
  readonly readonly?: boolean;
}

interface DocumentRow {
  id: number; name: string; version: number; url: string | null; outlet: string | null; language: string; language_rule: string;
  published: string | null; published_precision: string | null; published_rule: string; hash: string; text: string; zones: string; note: string | null; ingested_at: string;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(readonly path: string, { readonly = false }: SqliteStoreOptions = {}) {
    try {
      this.db = new Database(path, { readonly, fileMustExist: readonly });
    } catch (e) {
      throw new Error(`${path}: cannot open database (${(e as Error).message})`);
    }
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      if (!readonly) this.migrate();
    } catch (e) {
      this.db.close();
      throw new Error(`${path}: not a vigie database (${(e as Error).message})`);
    }
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) throw new Error(`database schema ${current} is newer than this vigie (${MIGRATIONS.length})`);
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  hasContent(hash: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM documents WHERE hash = ?').get(hash);
  }

  latestVersion(name: string): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM documents WHERE name = ?').get(name) as { v: number | null };
    return row.v ?? 0;
  }

  recordLines(lines: readonly LineObservation[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO lines (site, key, document_hash) VALUES (?, ?, ?)');
    this.db.transaction(() => { for (const l of lines) insert.run(l.site, l.key, l.documentHash); })();
  }

  lineDocumentCount(site: string, key: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM lines WHERE site = ? AND key = ?').get(site, key) as { n: number }).n;
  }

  saveBatch(documents: readonly NewDocument[]): void {
    const insertDoc = this.db.prepare(`INSERT INTO documents (name, version, url, outlet, language, language_rule, published, published_precision, published_rule, hash, text, zones, note, ingested_at)
      VALUES (@name, @version, @url, @outlet, @language, @language_rule, @published, @published_precision, @published_rule, @hash, @text, @zones, @note, @ingested_at)`);
    const insertEvent = this.db.prepare('INSERT INTO events (id, document_id, ordinal, date, sub_event_type, country_code, record, trace) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const d of documents) {
        const version = this.latestVersion(d.info.name) + 1;
        const { lastInsertRowid } = insertDoc.run({
          name: d.info.name, version, url: d.info.url, outlet: d.info.outlet, language: d.info.language, language_rule: d.info.languageRule,
          published: d.info.published.iso, published_precision: d.info.published.precision, published_rule: d.info.published.rule,
          hash: d.info.hash, text: d.text, zones: JSON.stringify(d.zones), note: d.note, ingested_at: now,
        });
        d.events.forEach(({ record, trace }, ordinal) => {
          insertEvent.run(record.id, lastInsertRowid, ordinal, record.date, record.sub_event_type, record.location?.country_code ?? null, JSON.stringify(record), JSON.stringify(trace));
        });
      }
    })();
  }

  events({ limit }: { limit?: number } = {}): EventRecord[] {
    // A document re-ingested under its name with new content supersedes its earlier versions.
    const sql = `SELECT e.record FROM events e JOIN documents d ON d.id = e.document_id
      WHERE d.version = (SELECT MAX(version) FROM documents WHERE name = d.name)
      ORDER BY e.date IS NULL, e.date, d.name, e.ordinal${limit ? ' LIMIT ?' : ''}`;
    const rows = (limit ? this.db.prepare(sql).all(limit) : this.db.prepare(sql).all()) as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as EventRecord);
  }

  eventTrace(id: string): unknown {
    const row = this.db.prepare('SELECT trace FROM events WHERE id = ?').get(id) as { trace: string } | undefined;
    return row ? JSON.parse(row.trace) : null;
  }

  documents(): StoredDocument[] {
    return (this.db.prepare('SELECT * FROM documents ORDER BY id').all() as DocumentRow[]).map(toStored);
  }

  document(nameOrId: string): StoredDocument | null {
    const row = (/^\d+$/.test(nameOrId)
      ? this.db.prepare('SELECT * FROM documents WHERE id = ?').get(Number(nameOrId))
      : this.db.prepare('SELECT * FROM documents WHERE name = ? OR name LIKE ? ORDER BY version DESC LIMIT 1').get(nameOrId, `%/${nameOrId}`)) as DocumentRow | undefined;
    return row ? toStored(row) : null;
  }

  counts(): { documents: number; events: number } {
    const documents = (this.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    const events = (this.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    return { documents, events };
  }

  close(): void {
    this.db.close();
  }
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
