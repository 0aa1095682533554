// A file for a built index: a v8-serialised header, then its typed arrays as raw bytes.
//
// v8.deserialize needs the whole file in one buffer. For the gazetteer's index that was a 47 MB
// buffer whose memory the process kept until a later garbage collection freed it, which set the
// peak resident memory of an ingest (and typed arrays deserialised as views into it pinned it for
// good). Here the header holds the strings and maps (a few MB), and each typed array is read from
// the file straight into a buffer of its own: the index is loaded with no copy of it in between.
import { closeSync, fstatSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import v8 from 'node:v8';

const TYPED = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array } as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** Stands for a typed array in the header: its type, its length and where its bytes start after the header. */
interface RawArray { readonly vigieRawArray: TypedName; readonly length: number; readonly offset: number }

function typedName(value: unknown): TypedName | null {
  if (!ArrayBuffer.isView(value)) return null;
  for (const name of Object.keys(TYPED) as TypedName[]) if (value instanceof TYPED[name]) return name;
  return null;
}

function isRaw(value: unknown): value is RawArray {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'vigieRawArray' in value;
}

/** Writes `value` (plain objects, arrays, Maps, Sets, strings, numbers, typed arrays) to `path`, atomically. */
export function writeCacheFile(path: string, value: unknown): void {
  const raws: Typed[] = [];
  let offset = 0;
  const header = (function outline(v: unknown): unknown {
    const name = typedName(v);
    if (name) {
      const typed = v as Typed;
      raws.push(typed);
      const raw: RawArray = { vigieRawArray: name, length: typed.length, offset };
      offset += align8(typed.byteLength);
      return raw;
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(outline);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, outline(x)]));
    if (v instanceof Set) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, outline(x)]));
  })(value);
  const head = v8.serialize(header);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    const length = Buffer.alloc(8);
    length.writeUInt32LE(head.length, 0);
    writeSync(fd, length);
    writeSync(fd, head);
    writeSync(fd, Buffer.alloc(align8(head.length) - head.length));
    for (const typed of raws) {
      writeSync(fd, new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength));
      writeSync(fd, Buffer.alloc(align8(typed.byteLength) - typed.byteLength));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Reads what writeCacheFile wrote. Throws on a file that is short or not one of these. */
export function readCacheFile(path: string): unknown {
  const fd = openSync(path, 'r');
  try {
    return readFrom(fd);
  } catch (e) {
    throw new Error(`${path}: not a readable cache file (${(e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

function readFrom(fd: number): unknown {
  const size = fstatSync(fd).size;
  const length = Buffer.alloc(8);
  readExactly(fd, length, 0);
  const headLength = length.readUInt32LE(0);
  if (8 + headLength > size) throw new Error(`header of ${headLength} bytes in a file of ${size}`);
  const head = Buffer.alloc(headLength);
  readExactly(fd, head, 8);
  const base = 8 + align8(headLength);
  return (function restore(v: unknown): unknown {
    if (isRaw(v)) {
      const typed = new TYPED[v.vigieRawArray](v.length);
      if (base + v.offset + typed.byteLength > size) throw new Error('truncated');
      readExactly(fd, new Uint8Array(typed.buffer), base + v.offset);
      return typed;
    }
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof Set) return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = restore(v[i]);
    } else if (v instanceof Map) {
      for (const [k, x] of v) v.set(k, restore(x));
    } else {
      for (const [k, x] of Object.entries(v)) (v as Record<string, unknown>)[k] = restore(x);
    }
    return v;
  })(v8.deserialize(head));
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.byteLength) {
    const n = readSync(fd, into, done, into.byteLength - done, position + done);
    if (n === 0) throw new Error('unexpected end of file');
    done += n;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
