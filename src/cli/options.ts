// Options that several commands share, written once so their names, help and defaults agree.
import { Option } from 'commander';

export const DEFAULT_DB = './vigie.db';

/** --db: the database a command reads or writes; VIGIE_DB sets the default for a whole shell or team. */
export function dbOption(): Option {
  return new Option('--db <target>', 'database: a SQLite file (or sqlite:path) or postgres://user@host/database[?schema=name]')
    .env('VIGIE_DB')
    .default(DEFAULT_DB);
}
