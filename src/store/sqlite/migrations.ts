// Schema migrations, applied in order inside one transaction each; the version is kept in user_version.
/** The Monday of a row's day's ISO week ('' the row being read, 'OLD.' or 'NEW.' in a trigger): the store's mondayOf (src/store/weeks.ts). */
const weekOf = (row: string) => `date(${row}date, 'weekday 0', '-6 days')`;
/** The quarter-degree cell of a row's point, numbered as the index events_box_cell numbers it. */
const boxCellOf = (row: string) => `CAST((${row}lat + 90) * 4 AS INTEGER) * 1440 + CAST((${row}lon + 180) * 4 AS INTEGER)`;

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL,
     version INTEGER NOT NULL,
     url TEXT,
     outlet TEXT,
     language TEXT NOT NULL,
     language_rule TEXT NOT NULL,
     published TEXT,
     published_precision TEXT,
     published_rule TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE,
     text TEXT NOT NULL,
     zones TEXT NOT NULL,
     note TEXT,
     ingested_at TEXT NOT NULL,
     UNIQUE (name, version)
   );
   CREATE TABLE events (
     id TEXT PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES documents(id),
     ordinal INTEGER NOT NULL,
     date TEXT,
     sub_event_type TEXT NOT NULL,
     country_code TEXT,
     record TEXT NOT NULL,
     trace TEXT NOT NULL
   );
   CREATE INDEX events_document ON events(document_id);
   CREATE INDEX events_date ON events(date);
   CREATE TABLE lines (
     site TEXT NOT NULL,
     key TEXT NOT NULL,
     document_hash TEXT NOT NULL,
     PRIMARY KEY (site, key, document_hash)
   ) WITHOUT ROWID;`,
  // Cross-document resolution: what was extracted per document becomes a mention; events are clusters of mentions.
  `ALTER TABLE events RENAME TO mentions;
   ALTER TABLE mentions ADD COLUMN key TEXT;
   ALTER TABLE mentions ADD COLUMN event_id TEXT;
   ALTER TABLE mentions ADD COLUMN cell TEXT;
   ALTER TABLE mentions ADD COLUMN day INTEGER;
   ALTER TABLE mentions ADD COLUMN published_day INTEGER;
   DROP INDEX IF EXISTS events_document;
   DROP INDEX IF EXISTS events_date;
   CREATE INDEX mentions_document ON mentions(document_id);
   CREATE INDEX mentions_cell_day ON mentions(cell, day);
   CREATE INDEX mentions_country_day ON mentions(country_code, day);
   CREATE INDEX mentions_country_published ON mentions(country_code, published_day);
   CREATE INDEX mentions_event ON mentions(event_id);
   CREATE TABLE events (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL,
     disagreements TEXT NOT NULL,
     date TEXT,
     sub_event_type TEXT NOT NULL,
     country_code TEXT,
     lat REAL,
     lon REAL,
     n_sources INTEGER NOT NULL
   );
   CREATE INDEX events_date ON events(date);`,
  // Filters of the API as columns with indexes, and a full-text index of notes and evidence.
  `ALTER TABLE events ADD COLUMN event_type TEXT;
   ALTER TABLE events ADD COLUMN actor1 TEXT;
   ALTER TABLE events ADD COLUMN actor2 TEXT;
   ALTER TABLE events ADD COLUMN claim_status TEXT;
   UPDATE events SET event_type = json_extract(record, '$.event_type'), actor1 = json_extract(record, '$.actor1'),
     actor2 = json_extract(record, '$.actor2'), claim_status = json_extract(record, '$.claim.status');
   CREATE INDEX events_country_type_date ON events(country_code, sub_event_type, date);
   CREATE INDEX events_type_date ON events(sub_event_type, date);
   CREATE INDEX events_actor1 ON events(actor1);
   CREATE INDEX events_actor2 ON events(actor2);
   CREATE INDEX events_claim ON events(claim_status);
   CREATE INDEX events_lat_lon ON events(lat, lon);
   CREATE VIRTUAL TABLE events_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
   INSERT INTO events_text (rowid, text) SELECT rowid, json_extract(record, '$.notes') || ' ' ||
     (SELECT group_concat(json_extract(v.value, '$.text'), ' ') FROM json_each(json_extract(record, '$.sources')) s, json_each(json_extract(s.value, '$.evidence')) v) FROM events;`,
  // Reports with no date and no publication date, by place and kind: resolution reads a few of them per new point.
  `CREATE INDEX mentions_undated ON mentions(cell, sub_event_type, id) WHERE day IS NULL AND published_day IS NULL;`,
  // A telling with no date fits only an event of its kind near it, whatever its day: read by place and kind.
  `CREATE INDEX mentions_cell_type_day ON mentions(cell, sub_event_type, day) WHERE day IS NOT NULL;`,
  // An event id once published stays valid: when reports join two events into one, the id given up leads to the one kept.
  `CREATE TABLE event_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
   CREATE INDEX event_redirects_new ON event_redirects(new_id);`,
  // A queue of documents for workers (vigie ingest --enqueue, vigie worker): extracted by any worker in
  // any order (queued → running → extracted), stored and resolved batch by batch in the order they were
  // queued (→ done), as one ingest would have; or failed, with the error.
  // locked_until is milliseconds since 1970 by the database's clock, a number in both databases.
  `CREATE TABLE jobs (
     id INTEGER PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     batch INTEGER NOT NULL,
     task TEXT NOT NULL,
     result TEXT,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     locked_until REAL,
     error TEXT,
     enqueued_at TEXT NOT NULL
   );
   CREATE INDEX jobs_state ON jobs(state, id);
   CREATE INDEX jobs_batch ON jobs(batch, state);`,
  // Real inputs (issue 24): what a page's metadata said of a document and how each field was found
  // (JSON, null for text), and the last fetch of each URL, for conditional requests and for
  // telling a changed page from an unchanged one by the hash of its bytes.
  `ALTER TABLE documents ADD COLUMN metadata TEXT;
   CREATE TABLE fetches (
     url TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     content_hash TEXT NOT NULL,
     fetched_at TEXT NOT NULL
   );`,
  // Review (issue 26): reviewers' tokens (only a hash kept), each event's review (status, corrected
  // fields, who, when, the sources it had then), mentions pinned to an event by a merge or a split
  // (resolution keeps them there, src/resolve/review.ts), and every review action with what it
  // changed and what undoes it. events.killed orders the review queue.
  `CREATE TABLE review_tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
   CREATE TABLE event_reviews (event_id TEXT PRIMARY KEY, status TEXT NOT NULL, fields TEXT NOT NULL, reviewer TEXT NOT NULL, reviewed_at TEXT NOT NULL, seen TEXT NOT NULL);
   CREATE INDEX event_reviews_status ON event_reviews(status);
   CREATE TABLE mention_pins (mention_id TEXT PRIMARY KEY, event_id TEXT NOT NULL);
   CREATE INDEX mention_pins_event ON mention_pins(event_id);
   CREATE TABLE review_actions (
     id INTEGER PRIMARY KEY,
     event_id TEXT NOT NULL,
     other_id TEXT,
     action TEXT NOT NULL,
     reviewer TEXT NOT NULL,
     acted_at TEXT NOT NULL,
     note TEXT,
     before_value TEXT NOT NULL,
     after_value TEXT NOT NULL,
     restore TEXT NOT NULL,
     undone_by TEXT,
     undone_at TEXT
   );
   CREATE INDEX review_actions_event ON review_actions(event_id);
   CREATE INDEX review_actions_other ON review_actions(other_id);
   ALTER TABLE events ADD COLUMN killed INTEGER;
   UPDATE events SET killed = json_extract(record, '$.killed');
   CREATE INDEX events_queue ON events(killed, date);`,
  // The map and the box filter on 1,000,000 events (issue 25; docs/performance.md): a box is read from
  // the quarter-degree cells it covers (the store adds `cell IN (…)` to a box's conditions), and the
  // map's and the statistics' columns are in the index, for a box and for a country and type: no read
  // of the events' rows, which hold their records.
  `CREATE INDEX events_box_cell ON events ((CAST((lat + 90) * 4 AS INTEGER) * 1440 + CAST((lon + 180) * 4 AS INTEGER)), date, lat, lon, sub_event_type, country_code);
   DROP INDEX events_country_type_date;
   CREATE INDEX events_country_type_date ON events(country_code, sub_event_type, date, lat, lon);`,
  // Counts kept per day, type, country and exact point (event_rollup; issue 25, docs/performance.md):
  // a selection by dates, types, country and box is counted from its distinct keys, not from its events
  // one by one. Triggers keep it with every insert and delete of an event and every change of a keyed
  // column; keys none has any more are deleted. SQLite's unique indexes hold NULLs as distinct, so a key
  // is found with IS (an index lookup, NULL matching NULL) and inserted when no row was changed
  // (changes(), inside a trigger, is its last statement's). The existing events are counted here.
  `CREATE TABLE event_rollup (
     date TEXT,
     sub_event_type TEXT NOT NULL,
     event_type TEXT,
     country_code TEXT,
     lat REAL,
     lon REAL,
     n INTEGER NOT NULL
   );
   INSERT INTO event_rollup (date, sub_event_type, event_type, country_code, lat, lon, n)
     SELECT date, sub_event_type, event_type, country_code, lat, lon, count(*) FROM events GROUP BY date, sub_event_type, event_type, country_code, lat, lon;
   CREATE INDEX event_rollup_key ON event_rollup (date, sub_event_type, event_type, country_code, lat, lon);
   CREATE INDEX event_rollup_country_type ON event_rollup (country_code, sub_event_type, date, event_type, lat, lon, n);
   CREATE INDEX event_rollup_box_cell ON event_rollup ((CAST((lat + 90) * 4 AS INTEGER) * 1440 + CAST((lon + 180) * 4 AS INTEGER)), date, lat, lon, sub_event_type, event_type, country_code, n);
   CREATE TRIGGER event_rollup_insert AFTER INSERT ON events BEGIN
     UPDATE event_rollup SET n = n + 1 WHERE date IS NEW.date AND sub_event_type = NEW.sub_event_type AND event_type IS NEW.event_type AND country_code IS NEW.country_code AND lat IS NEW.lat AND lon IS NEW.lon;
     INSERT INTO event_rollup (date, sub_event_type, event_type, country_code, lat, lon, n)
       SELECT NEW.date, NEW.sub_event_type, NEW.event_type, NEW.country_code, NEW.lat, NEW.lon, 1 WHERE changes() = 0;
   END;
   CREATE TRIGGER event_rollup_delete AFTER DELETE ON events BEGIN
     UPDATE event_rollup SET n = n - 1 WHERE date IS OLD.date AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code AND lat IS OLD.lat AND lon IS OLD.lon;
     DELETE FROM event_rollup WHERE date IS OLD.date AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code AND lat IS OLD.lat AND lon IS OLD.lon AND n <= 0;
   END;
   CREATE TRIGGER event_rollup_update AFTER UPDATE OF date, sub_event_type, event_type, country_code, lat, lon ON events BEGIN
     UPDATE event_rollup SET n = n - 1 WHERE date IS OLD.date AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code AND lat IS OLD.lat AND lon IS OLD.lon;
     DELETE FROM event_rollup WHERE date IS OLD.date AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code AND lat IS OLD.lat AND lon IS OLD.lon AND n <= 0;
     UPDATE event_rollup SET n = n + 1 WHERE date IS NEW.date AND sub_event_type = NEW.sub_event_type AND event_type IS NEW.event_type AND country_code IS NEW.country_code AND lat IS NEW.lat AND lon IS NEW.lon;
     INSERT INTO event_rollup (date, sub_event_type, event_type, country_code, lat, lon, n)
       SELECT NEW.date, NEW.sub_event_type, NEW.event_type, NEW.country_code, NEW.lat, NEW.lon, 1 WHERE changes() = 0;
   END;`,
  // Counts kept per ISO week, quarter-degree cell, type and country (event_rollup_week; issue 25,
  // docs/performance.md): the timeline of a span of more than a year is drawn in weeks, and a box's
  // weeks are read from its whole cells here, its cut cells and cut weeks from event_rollup. Kept as
  // event_rollup is, by triggers of their own. The week is the Monday of the day's ISO week (the Sunday
  // on or after it, less six days: the store's mondayOf, src/store/weeks.ts), the cell the expression of
  // events_box_cell (SqliteAdapter.inCells), word for word. The existing events are counted here.
  `CREATE TABLE event_rollup_week (
     week TEXT,
     box_cell INTEGER,
     sub_event_type TEXT NOT NULL,
     event_type TEXT,
     country_code TEXT,
     n INTEGER NOT NULL
   );
   INSERT INTO event_rollup_week (week, box_cell, sub_event_type, event_type, country_code, n)
     SELECT ${weekOf('')}, ${boxCellOf('')}, sub_event_type, event_type, country_code, count(*)
     FROM events GROUP BY 1, 2, 3, 4, 5;
   CREATE INDEX event_rollup_week_key ON event_rollup_week (week, box_cell, sub_event_type, event_type, country_code);
   CREATE INDEX event_rollup_week_country_type ON event_rollup_week (country_code, sub_event_type, week, event_type, box_cell, n);
   CREATE INDEX event_rollup_week_box_cell ON event_rollup_week (box_cell, week, sub_event_type, event_type, country_code, n);
   CREATE TRIGGER event_rollup_week_insert AFTER INSERT ON events BEGIN
     UPDATE event_rollup_week SET n = n + 1 WHERE week IS ${weekOf('NEW.')} AND box_cell IS ${boxCellOf('NEW.')} AND sub_event_type = NEW.sub_event_type AND event_type IS NEW.event_type AND country_code IS NEW.country_code;
     INSERT INTO event_rollup_week (week, box_cell, sub_event_type, event_type, country_code, n)
       SELECT ${weekOf('NEW.')}, ${boxCellOf('NEW.')}, NEW.sub_event_type, NEW.event_type, NEW.country_code, 1 WHERE changes() = 0;
   END;
   CREATE TRIGGER event_rollup_week_delete AFTER DELETE ON events BEGIN
     UPDATE event_rollup_week SET n = n - 1 WHERE week IS ${weekOf('OLD.')} AND box_cell IS ${boxCellOf('OLD.')} AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code;
     DELETE FROM event_rollup_week WHERE week IS ${weekOf('OLD.')} AND box_cell IS ${boxCellOf('OLD.')} AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code AND n <= 0;
   END;
   CREATE TRIGGER event_rollup_week_update AFTER UPDATE OF date, sub_event_type, event_type, country_code, lat, lon ON events BEGIN
     UPDATE event_rollup_week SET n = n - 1 WHERE week IS ${weekOf('OLD.')} AND box_cell IS ${boxCellOf('OLD.')} AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code;
     DELETE FROM event_rollup_week WHERE week IS ${weekOf('OLD.')} AND box_cell IS ${boxCellOf('OLD.')} AND sub_event_type = OLD.sub_event_type AND event_type IS OLD.event_type AND country_code IS OLD.country_code AND n <= 0;
     UPDATE event_rollup_week SET n = n + 1 WHERE week IS ${weekOf('NEW.')} AND box_cell IS ${boxCellOf('NEW.')} AND sub_event_type = NEW.sub_event_type AND event_type IS NEW.event_type AND country_code IS NEW.country_code;
     INSERT INTO event_rollup_week (week, box_cell, sub_event_type, event_type, country_code, n)
       SELECT ${weekOf('NEW.')}, ${boxCellOf('NEW.')}, NEW.sub_event_type, NEW.event_type, NEW.country_code, 1 WHERE changes() = 0;
   END;`,
];
