import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import { buildApp } from '../api/app.ts';
import { dbOption } from './options.ts';

const DEFAULT_PORT = 8787;

/** The built web app. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServeOptions {
  readonly db: string;
  readonly port?: number;
  readonly host?: string;
  readonly tiles?: string | null;
  /** The review routes, behind tokens (vigie token create): the database is opened for writing. */
  readonly write?: boolean;
}

/** Serves the API and the web app until the process is stopped; resolves with the URL. */
export async function serve({ db, port = DEFAULT_PORT, host = '127.0.0.1', tiles = null, write = false }: ServeOptions): Promise<string> {
  const store = await openStore(db, { readonly: !write });
  if (!existsSync(WEB_ROOT)) process.stderr.write(`vigie: the web app is not built (${WEB_ROOT}); run "npm run build:web". The API is served.\n`);
  const app = buildApp({ store, webRoot: WEB_ROOT, tiles, write });
  app.addHook('onClose', async () => store.close());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
}

/** The options of every command that serves: --db, --port, --host. */
export function withServerOptions(command: Command): Command {
  return command
    .addOption(dbOption())
    .option('--port <n>', 'port', (v) => Number.parseInt(v, 10), DEFAULT_PORT)
    .option('--host <address>', 'address to listen on', '127.0.0.1');
}

export function registerServe(program: Command): void {
  withServerOptions(program.command('serve').description('serve the REST API and the web app over a database (read-only unless --write)'))
    .option('--tiles <url>', 'an online raster tile URL template ({z}/{x}/{y}) under the offline boundaries')
    .option('--write', 'serve the review routes (accept, reject, correct, merge, split), each behind a token of vigie token create')
    .action(async (opts: { db: string; port: number; host: string; tiles?: string; write?: boolean }) => {
      const url = await serve({ db: opts.db, port: opts.port, host: opts.host, tiles: opts.tiles ?? null, write: !!opts.write });
      process.stdout.write(`vigie is serving ${opts.db} at ${url}${opts.write ? ' with the review routes (a token is needed to write)' : ''}\n`);
      await new Promise(() => {});
    });
}
