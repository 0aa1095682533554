// vigie token: the tokens of the review routes (vigie serve --write). A token is printed once, when
// created; the database keeps only its sha256.
import { Option, type Command } from 'commander';
import { openStore } from '../store/open.ts';
import { createToken } from '../review/tokens.ts';
import type { TokenRole } from '../store/store.ts';
import { dbOption } from './options.ts';
import { userInfo } from 'node:os';

export function registerToken(program: Command): void {
  const token = program.command('token').description('tokens of the review routes (vigie serve --write): create, list, revoke');
  token.command('create')
    .description('create a token and print it (once: only its hash is stored)')
    .addOption(dbOption())
    .addOption(new Option('--role <role>', 'reviewer: accept, reject, correct, merge, split; admin: also tokens and undo').choices(['reviewer', 'admin']).makeOptionMandatory())
    .option('--name <who>', 'who holds it: shown in the history of what they do')
    .action(async (opts: { db: string; role: TokenRole; name?: string }) => {
      const store = await openStore(opts.db);
      try {
        const name = opts.name?.trim() || safeUser();
        const { token, stored } = await createToken(store, opts.role, name);
        process.stderr.write(`token ${stored.id} for ${name} (${stored.role}); it is shown this once:\n`);
        process.stdout.write(`${token}\n`);
      } finally {
        await store.close();
      }
    });
  token.command('list')
    .description('the tokens: id, role, name, when created and revoked (never the tokens themselves)')
    .addOption(dbOption())
    .action(async (opts: { db: string }) => {
      const store = await openStore(opts.db);
      try {
        for (const t of await store.tokens()) process.stdout.write(`${t.id}\t${t.role}\t${t.name}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'}\n`);
      } finally {
        await store.close();
      }
    });
  token.command('revoke')
    .description('revoke a token by its id (vigie token list)')
    .addOption(dbOption())
    .argument('<id>')
    .action(async (id: string, opts: { db: string }) => {
      const store = await openStore(opts.db);
      try {
        if (!(await store.revokeToken(id, new Date().toISOString()))) throw new Error(`${id}: no such live token (vigie token list)`);
        process.stderr.write(`token ${id} revoked\n`);
      } finally {
        await store.close();
      }
    });
}

function safeUser(): string {
  try { return userInfo().username || 'reviewer'; } catch { return 'reviewer'; }
}
