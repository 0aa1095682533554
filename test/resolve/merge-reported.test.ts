// The merged record takes what most sources say; each source keeps its own reading (sources[].reported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord, Weapon } from '../../src/types.ts';
import { mergeMentions, type Mention } from '../../src/resolve/resolve.ts';
import { toContractRecord } from '../../src/export/jsonl.ts';

function mention(document: string, weapons: Weapon[], killed: number | null): Mention {
  const fields = {
    sub_event_type: 'Air/drone strike', date: '2023-09-10', date_precision: 'day' as const, actor1: null, actor2: null,
    location: { name: 'Khartoum', admin1: 'Khartoum', country: 'Sudan', country_code: 'SD', lat: 15.55, lon: 32.53, geo_precision: 1 as const },
    weapons, killed, wounded: null, claim: { status: 'reported' as const, by: null },
  };
  const record: EventRecord = {
    id: `m-${document}`, event_type: 'Explosions/Remote violence', ...fields,
    sources: [{ document, outlet: null, cited: [], published: '2023-09-11', evidence: [{ start: 0, end: 4, text: 'Raid' }], reported: fields }],
    notes: 'n',
  };
  return { id: record.id, document, record };
}

const cases: [string, Mention[], Weapon[], number | null][] = [
  ['two sources of one weapon against one of three: the two', [mention('a', ['aircraft'], 46), mention('b', ['aircraft'], 46), mention('c', ['aircraft', 'artillery', 'drone'], 40)], ['aircraft'], 46],
  ['a tie: what both name, not the union', [mention('a', ['aircraft'], 46), mention('b', ['aircraft', 'artillery', 'drone'], 40)], ['aircraft'], 40],
  ['a tie with nothing in common: one of them, shown as a disagreement', [mention('a', ['missile'], null), mention('b', ['drone'], null)], ['drone'], null],
  ['a source that names no weapon does not vote for none', [mention('a', [], 3), mention('b', ['drone'], 3)], ['drone'], 3],
];

for (const [name, mentions, weapons, killed] of cases) {
  test(`merge: ${name}`, () => {
    const { record, disagreements } = mergeMentions('evt_x', mentions);
    assert.deepEqual(record.weapons, weapons);
    assert.equal(record.killed, killed);
    const differ = new Set(mentions.map((m) => JSON.stringify(m.record.weapons)).filter((w) => w !== '[]')).size > 1;
    assert.equal(disagreements.some((d) => d.field === 'weapons'), differ);
    // Every source keeps its own reading, in the export too.
    const exported = toContractRecord(record);
    assert.deepEqual(exported.sources.map((s) => s.reported?.weapons), mentions.map((m) => m.record.weapons));
    assert.deepEqual(exported.sources.map((s) => s.reported?.killed), mentions.map((m) => m.record.killed));
  });
}
