import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { StringTable } from '../../src/geo/string-table.ts';

// v8.serialize writes a one-byte string with the tag '"' and a two-byte string with 'c'.
const isOneByte = (s: string) => v8.serialize(s)[2] === 0x22;

test('string table: every string back, Latin and Arabic, by number', () => {
  const strings = ['Kirkouk', 'Aïn al-Assad', '', 'عين الأسد', 'Deir ez-Zor', 'الحسكة', 'Hassaké'];
  const table = StringTable.build(strings);
  assert.equal(table.count, strings.length);
  strings.forEach((s, i) => {
    assert.equal(table.get(i), s);
    assert.equal(table.equals(i, s), true, s);
    assert.equal(table.equals(i, `${s}x`), false, s);
  });
  assert.equal(table.equals(0, 'Kirkuk'), false);
  assert.equal(table.equals(3, 'عين الأسد '), false);
});

test('string table: Latin names stay one byte per character, even when made as two-byte strings', () => {
  // A slice of a two-byte string is a two-byte string, though every character of it fits in one byte.
  const twoByte = 'Hassaké ḥ'.slice(0, 7);
  assert.equal(isOneByte(twoByte), false);
  const table = StringTable.build([twoByte, 'Erbil', 'أربيل']);
  assert.equal(isOneByte(table.data.narrow), true);
  assert.equal(table.get(0), 'Hassaké');
  assert.equal(table.get(2), 'أربيل');
});

test('string table: a string past 65,535 characters is not a name and is stored empty', () => {
  const table = StringTable.build(['a'.repeat(70_000), 'Tanf']);
  assert.equal(table.get(0), '');
  assert.equal(table.get(1), 'Tanf');
});
