// The syntax models' file format: one binary file per model, read lazily and shared by every
// document of a process. A small JSON header (the model's vocabulary: feature names, tags, labels,
// anything a string) and then named typed arrays, each aligned and checked.
//
//   bytes 0-7    magic "VIGIESYN"
//   bytes 8-11   format version (uint32 LE)
//   bytes 12-15  header length H in bytes (uint32 LE)
//   bytes 16-19  CRC-32 of everything after byte 24 (uint32 LE)
//   bytes 20-23  reserved (0)
//   H bytes      UTF-8 JSON: { kind, meta, arrays: [{ name, type, length, offset }] }
//   then the arrays, each at an offset (from the start of the file) that is a multiple of 8.
//
// A missing, truncated or corrupt file is an error that names the file: never a silent fallback.
import { readFileSync, writeFileSync } from 'node:fs';

const MAGIC = 'VIGIESYN';
const VERSION = 1;
const PREFIX = 24;

type ArrayKind = 'f32' | 'i32' | 'u32' | 'i16' | 'u16' | 'i8' | 'u8';
export type ModelArray = Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

const CTORS = {
  f32: Float32Array, i32: Int32Array, u32: Uint32Array, i16: Int16Array, u16: Uint16Array, i8: Int8Array, u8: Uint8Array,
} as const;

function kindOf(a: ModelArray): ArrayKind {
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int8Array) return 'i8';
  return 'u8';
}

export interface ModelFile {
  /** What the file holds, e.g. 'tagger' or 'parser': a loader checks it. */
  readonly kind: string;
  /** Anything JSON: vocabularies, tag sets, hyper-parameters, the data it was trained from. */
  readonly meta: unknown;
  readonly arrays: Readonly<Record<string, ModelArray>>;
}

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The file's bytes: deterministic for the same model (arrays in the order given, JSON as given). */
export function encodeModel(model: ModelFile): Buffer {
  const entries = Object.entries(model.arrays);
  // Offsets depend on the header's length, which depends on the offsets: settle it in two passes.
  let headerLength = 0;
  let layout: { name: string; type: ArrayKind; length: number; offset: number }[] = [];
  for (let pass = 0; pass < 3; pass++) {
    let offset = PREFIX + headerLength;
    layout = entries.map(([name, a]) => {
      offset = Math.ceil(offset / 8) * 8;
      const e = { name, type: kindOf(a), length: a.length, offset };
      offset += a.byteLength;
      return e;
    });
    const json = JSON.stringify({ kind: model.kind, meta: model.meta, arrays: layout });
    const len = Buffer.byteLength(json, 'utf8');
    const padded = Math.ceil(len / 8) * 8 + 8;
    if (padded === headerLength) break;
    headerLength = padded;
  }
  const json = JSON.stringify({ kind: model.kind, meta: model.meta, arrays: layout });
  const last = layout[layout.length - 1];
  const total = last ? last.offset + entries[entries.length - 1]![1].byteLength : PREFIX + headerLength;
  const buf = Buffer.alloc(total);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(VERSION, 8);
  buf.writeUInt32LE(headerLength, 12);
  buf.write(json.padEnd(headerLength, ' '), PREFIX, 'utf8');
  entries.forEach(([, a], i) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, layout[i]!.offset);
  });
  buf.writeUInt32LE(crc32(buf.subarray(PREFIX)), 16);
  return buf;
}

export function writeModel(path: string, model: ModelFile): void {
  writeFileSync(path, encodeModel(model));
}

/** Reads a model file; `expectedKind` guards against loading a tagger as a parser. */
export function decodeModel(buf: Buffer, name: string, expectedKind?: string): ModelFile {
  const fail = (why: string): never => { throw new Error(`syntax model ${name}: ${why}`); };
  if (buf.length < PREFIX || buf.toString('latin1', 0, 8) !== MAGIC) fail('not a vigie syntax model (bad magic number)');
  const version = buf.readUInt32LE(8);
  if (version !== VERSION) fail(`format version ${version}, this vigie reads version ${VERSION}`);
  const headerLength = buf.readUInt32LE(12);
  if (PREFIX + headerLength > buf.length) fail('truncated header');
  if (crc32(buf.subarray(PREFIX)) !== buf.readUInt32LE(16)) fail('checksum mismatch (the file is corrupt or truncated)');
  let header: { kind: string; meta: unknown; arrays: { name: string; type: ArrayKind; length: number; offset: number }[] };
  try {
    header = JSON.parse(buf.toString('utf8', PREFIX, PREFIX + headerLength));
  } catch {
    return fail('unreadable header');
  }
  if (expectedKind !== undefined && header.kind !== expectedKind) fail(`holds a ${header.kind} model, not a ${expectedKind} model`);
  const arrays: Record<string, ModelArray> = {};
  for (const a of header.arrays) {
    const Ctor = CTORS[a.type];
    if (!Ctor) fail(`array ${a.name} has unknown type ${a.type}`);
    const bytes = a.length * Ctor.BYTES_PER_ELEMENT;
    if (a.offset + bytes > buf.length) fail(`array ${a.name} runs past the end of the file`);
    // A buffer of its own per array: the file's buffer is not kept alive by views into it.
    const own = new ArrayBuffer(bytes);
    new Uint8Array(own).set(buf.subarray(a.offset, a.offset + bytes));
    arrays[a.name] = new Ctor(own);
  }
  return { kind: header.kind, meta: header.meta, arrays };
}

export function readModel(path: string, expectedKind?: string): ModelFile {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new Error(`syntax model ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return decodeModel(buf, path, expectedKind);
}
