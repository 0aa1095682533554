// One suite for every Store implementation, against a real database file (SQLite now).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store, NewDocument } from '../../src/store/store.ts';
import { SqliteStore } from '../../src/store/sqlite/index.ts';
import type { EventRecord } from '../../src/types.ts';
import { resolvePending } from '../../src/resolve/incremental.ts';

function save(store: Store, docs: NewDocument[]): void {
  store.transaction(() => {
    store.saveDocuments(docs);
    resolvePending(store);
  });
}

const IMPLEMENTATIONS: [string, () => Store][] = [
  ['sqlite', () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'test.db'))],
];

function record(id: string, date: string | null): EventRecord {
  return {
    id, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', date, date_precision: date ? 'day' : null,
    actor1: null, actor2: null, location: null, weapons: ['drone'], killed: null, wounded: null, claim: { status: 'reported', by: null },
    sources: [{ document: 'a.txt', outlet: null, cited: [], published: null, evidence: [{ start: 0, end: 4, text: 'Text' }] }], notes: 'n',
  };
}

function doc(name: string, hash: string, events: EventRecord[]): NewDocument {
  return {
    info: { name, url: null, outlet: null, language: 'fr', languageRule: 'test', hash, published: { iso: null, precision: null, rule: 'test', stated: {} } },
    text: 'Text of the document', zones: [{ start: 0, end: 4, kind: 'body', rule: 'test' }], note: null,
    events: events.map((r) => ({ record: r, trace: [{ field: 'date', rule: 'test' }] })),
  };
}

for (const [name, open] of IMPLEMENTATIONS) {
  test(`${name}: documents and events round-trip`, () => {
    const store = open();
    save(store, [doc('a.txt', 'h1', [record('evt_b', '2024-01-02'), record('evt_a', '2024-01-01')])]);
    assert.equal(store.hasContent('h1'), true);
    assert.equal(store.hasContent('h2'), false);
    const events = store.events();
    assert.deepEqual(events.map((e) => e.date), ['2024-01-01', '2024-01-02']);
    assert.deepEqual(store.eventTrace(events[0]!.id), [{ document: 'a.txt', trace: [{ field: 'date', rule: 'test' }] }]);
    assert.equal(store.document('a.txt')?.text, 'Text of the document');
    assert.deepEqual(store.counts(), { documents: 1, events: 2, mentions: 2 });
    store.close();
  });

  test(`${name}: the same name with new content is a new version that supersedes the old one`, () => {
    const store = open();
    save(store, [doc('a.txt', 'h1', [record('evt_old', '2024-01-01')])]);
    save(store, [doc('a.txt', 'h2', [record('evt_new', '2024-01-03')])]);
    assert.equal(store.latestVersion('a.txt'), 2);
    assert.deepEqual(store.events().map((e) => e.date), ['2024-01-03']);
    assert.deepEqual(store.counts(), { documents: 2, events: 1, mentions: 1 });
    store.close();
  });

  test(`${name}: a failing batch stores nothing and leaves what was stored intact`, () => {
    const store = open();
    save(store, [doc('a.txt', 'h1', [record('evt_a', null)])]);
    // The second document reuses a mention id: the whole batch must roll back.
    assert.throws(() => save(store, [doc('b.txt', 'h2', [record('evt_b', null)]), doc('c.txt', 'h3', [record('evt_a', null)])]));
    assert.equal(store.hasContent('h2'), false);
    assert.deepEqual(store.counts(), { documents: 1, events: 1, mentions: 1 });
    store.close();
  });

  test(`${name}: mentions read by event and by id, in lists of any length`, () => {
    const store = open();
    // Undated drone strikes with no place stand alone: one event per mention.
    const records = Array.from({ length: 1200 }, (_, i) => record(`evt_${String(i).padStart(5, '0')}`, null));
    save(store, [doc('a.txt', 'h1', records)]);
    const ids = records.map((r) => r.id);
    const eventOf = store.eventOfMentions([...ids, 'evt_unknown']);
    assert.equal(eventOf.size, 1200);
    const events = [...new Set(eventOf.values())];
    const members = store.mentionIdsOfEvents([...events, 'evt_unknown']);
    assert.equal(members.size, events.length);
    assert.deepEqual([...members.values()].flat().sort(), [...ids].sort());
    const keys = store.mentionKeys([ids[0]!, ids[1199]!, ids[0]!, 'evt_unknown']);
    assert.deepEqual(keys.map((k) => k.id).sort(), [ids[0], ids[1199]]);
    assert.equal(keys[0]!.subEventType, 'Air/drone strike');
    assert.deepEqual(store.mentionKeys([]), []);
    assert.equal(store.mentionIdsOfEvents([]).size, 0);
    store.close();
  });

  test(`${name}: dated mentions of one kind near a place, whatever their day; undated ones and other kinds are not read`, () => {
    const store = open();
    const at = (id: string, date: string | null, lat: number, sub = 'Air/drone strike'): EventRecord => ({
      ...record(id, date), sub_event_type: sub, location: { name: 'P', admin1: null, country: 'Iraq', country_code: 'IQ', lat, lon: 42.1, geo_precision: 2 },
    });
    // Cells are half a degree: 33.1 and 33.2 share one, 34.1 is in another.
    save(store, [doc('a.txt', 'h1', [at('m1', '2020-01-05', 33.1), at('m2', '2024-06-01', 33.2), at('m3', null, 33.1), at('m4', '2024-06-01', 33.1, 'Shelling/artillery/missile attack'), at('m5', '2024-06-01', 34.1)])]);
    const [key] = store.mentionKeys(['m1']);
    const cell = `${Math.floor(key!.lat! / 0.5)}:${Math.floor(key!.lon! / 0.5)}`;
    assert.deepEqual(store.datedMentionKeysNear([cell], 'Air/drone strike').map((k) => k.id).sort(), ['m1', 'm2']);
    assert.deepEqual(store.datedMentionKeysNear([cell], 'Shelling/artillery/missile attack').map((k) => k.id), ['m4']);
    assert.deepEqual(store.datedMentionKeysNear([], 'Air/drone strike'), []);
    store.close();
  });

  test(`${name}: line counts across documents of a site`, () => {
    const store = open();
    store.recordLines([{ site: 's', key: 'k', documentHash: 'h1' }, { site: 's', key: 'k', documentHash: 'h2' }, { site: 's', key: 'k', documentHash: 'h2' }, { site: 't', key: 'k', documentHash: 'h3' }]);
    // Documents, not observations (h2 twice is one document), per site; a line no document has is absent.
    assert.deepEqual(store.lineDocumentCounts('s', ['k', 'unknown', 'k']), new Map([['k', 2]]));
    assert.deepEqual(store.lineDocumentCounts('t', ['k']), new Map([['k', 1]]));
    assert.deepEqual(store.lineDocumentCounts('t', []), new Map());
    store.close();
  });
}

test('sqlite: a file that is not a database is refused with its name', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'not.db');
  writeFileSync(path, 'this is not sqlite at all, just some text that fills the header page');
  assert.throws(() => new SqliteStore(path), (e: Error) => e.message.startsWith(path));
});

test('sqlite: reopening a database keeps its content and schema', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-store-')), 'keep.db');
  const a = new SqliteStore(path);
  save(a, [doc('a.txt', 'h1', [record('evt_a', null)])]);
  a.close();
  const b = new SqliteStore(path, { readonly: true });
  assert.deepEqual(b.counts(), { documents: 1, events: 1, mentions: 1 });
  b.close();
});
