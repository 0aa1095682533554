// Reviewers' tokens: 32 random bytes, shown once; the store keeps only their sha256.
import { createHash, randomBytes } from 'node:crypto';
import type { Store, StoredToken, TokenRole } from '../store/store.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Creates a token and stores its hash; the token itself is returned once and never stored. */
export async function createToken(store: Store, role: TokenRole, name: string, now = new Date().toISOString()): Promise<{ token: string; stored: StoredToken }> {
  const token = `vigie_${randomBytes(32).toString('base64url')}`;
  const stored: StoredToken = { id: randomBytes(6).toString('hex'), hash: hashToken(token), role, name, createdAt: now, revokedAt: null };
  await store.saveToken(stored);
  return { token, stored };
}

/** The live token a bearer token is, or null (unknown or revoked). */
export async function authenticate(store: Store, token: string): Promise<StoredToken | null> {
  if (!token || token.length > 200) return null;
  const t = await store.tokenByHash(hashToken(token));
  return t && !t.revokedAt ? t : null;
}
