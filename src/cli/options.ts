// Options that several commands share, written once so their names, help and defaults agree.
import { Option } from 'commander';

export const DEFAULT_DB = './vigie.db';

/** --db: the SQLite file a command reads or writes. */
export function dbOption(): Option {
  return new Option('--db <file>', 'SQLite database').default(DEFAULT_DB);
}
