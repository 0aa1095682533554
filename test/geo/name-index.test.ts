import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { IS_NAME, IS_PREFIX, NameIndex } from '../../src/geo/name-index.ts';
import { gazetteer } from '../../src/geo/gazetteer.ts';

const byKey = new Map<string, number[]>([
  ['deir ez zor', [7]],
  ['deir', [3, 1]],
  ['kidal', [0]],
  ['abu kamal', [2]],
  ['بغداد', [5]],
]);

test('name index: names, prefixes and misses', () => {
  const index = NameIndex.build(byKey);
  const cases: [string, number, number[]][] = [
    ['kidal', IS_NAME, [0]],
    ['deir', IS_NAME | IS_PREFIX, [3, 1]],
    ['deir ez', IS_PREFIX, []],
    ['deir ez zor', IS_NAME, [7]],
    ['abu', IS_PREFIX, []],
    ['بغداد', IS_NAME, [5]],
    ['kida', 0, []],
    ['kidall', 0, []],
    ['', 0, []],
  ];
  for (const [key, flags, entries] of cases) {
    assert.equal(index.probe(key), flags, key);
    assert.deepEqual(index.entries(key), entries, key);
  }
  assert.equal(index.size, 5);
});

test('name index: every key of a crowded table is found, and survives serialisation', () => {
  const many = new Map<string, number[]>();
  for (let i = 0; i < 5000; i++) many.set(`town ${i.toString(36)}`, [i, i + 1]);
  const index = new NameIndex(v8.deserialize(v8.serialize(NameIndex.build(many).serialisable)));
  for (const [key, list] of many) assert.deepEqual(index.entries(key), list, key);
  assert.equal(index.probe('town'), IS_PREFIX);
  assert.equal(index.probe('town zzzz'), 0);
});

test('gazetteer: curated entries come before towns of the same name, and a scan can stop early', () => {
  const gaz = gazetteer();
  const basra = gaz.lookup('basra');
  assert.ok(basra.length > 1);
  assert.equal(basra[0]!.kind, 'region');
  assert.ok(basra.some((e) => e.kind === 'city' && e.country_code === 'IQ'));
  assert.equal(gaz.probe('kilifi') & IS_NAME, IS_NAME);
  assert.equal(gaz.probe('deir') & IS_PREFIX, IS_PREFIX);
  assert.equal(gaz.probe('qqqzzz'), 0);
  assert.deepEqual(gaz.lookup('qqqzzz'), []);
});
