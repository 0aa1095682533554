// Opens a store by where it is: a file path or sqlite:path is an embedded SQLite database,
// postgres://… (or postgresql://…) a PostgreSQL server shared by many processes.
import type { Store } from './store.ts';
import type { StoreAdapter } from './adapter.ts';
import { KyselyStore } from './kysely-store.ts';
import { SqliteAdapter } from './sqlite/index.ts';
import { PostgresAdapter } from './postgres/index.ts';

export interface OpenOptions {
  /** Reads only: the database must exist with the current schema (SQLite opens the file read-only). */
  readonly readonly?: boolean;
}

/** True when a target names a PostgreSQL server rather than a file. */
export function isServerTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The adapter of a target, its schema brought up to date unless read-only. */
export async function openAdapter(target: string, options: OpenOptions = {}): Promise<StoreAdapter> {
  if (isServerTarget(target)) return PostgresAdapter.open(target, options);
  const path = target.startsWith('sqlite:') ? target.slice('sqlite:'.length) : target;
  if (!path) throw new Error(`${target}: no file named (sqlite:path/to/vigie.db)`);
  return new SqliteAdapter(path, options);
}

export async function openStore(target: string, options: OpenOptions = {}): Promise<KyselyStore> {
  return new KyselyStore(await openAdapter(target, options));
}

export type { Store };
