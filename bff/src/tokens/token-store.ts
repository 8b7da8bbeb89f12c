// Single-use tokens for mailed links (invitation, password reset, address confirmation): only the
// SHA-256 of the secret is stored, and using one is a single conditional UPDATE, so two clicks in
// parallel (or on two instances) cannot both succeed.
import { and, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import { tokens, type TokenPurpose } from '../../../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { hashSecretToken, newSecretToken } from '../security/secret-token.js';
import type { DbOrTx } from '../../../db/open.js';

export const tokenLifetimes = {
  invitation: 7 * 24 * 60 * 60_000,
  password_reset: 30 * 60_000,
  /** A reset link sent because an admin unblocked the account: the person may read it later that day. */
  unblock: 24 * 60 * 60_000,
  notification_email: 24 * 60 * 60_000,
} as const;

export interface IssueToken {
  purpose: TokenPurpose;
  userId: string;
  ttlMs: number;
  data?: Record<string, unknown>;
}

/** Issues a token and retires the user's earlier unused ones for the same purpose (only the newest link works). */
export async function issueToken(db: DbOrTx, input: IssueToken, now = new Date()): Promise<string> {
  await db
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.userId, input.userId), eq(tokens.purpose, input.purpose), isNull(tokens.usedAt)));
  const secret = newSecretToken();
  await db.insert(tokens).values({
    tokenHash: hashSecretToken(secret),
    purpose: input.purpose,
    userId: input.userId,
    data: input.data ?? {},
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.ttlMs),
  });
  return secret;
}

/**
 * Uses a token once. Throws token_invalid (unknown, or for another purpose), token_used or
 * token_expired; the codes tell the person what to do next and reveal nothing to someone
 * without the secret.
 */
export async function consumeToken(db: DbOrTx, secret: string, purposes: readonly TokenPurpose[], now = new Date()) {
  const tokenHash = hashSecretToken(secret);
  const [used] = await db
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.tokenHash, tokenHash), inArray(tokens.purpose, [...purposes]), isNull(tokens.usedAt), gt(tokens.expiresAt, now)))
    .returning();
  if (used?.userId) return { ...used, userId: used.userId };
  const [row] = await db.select().from(tokens).where(eq(tokens.tokenHash, tokenHash)).limit(1);
  if (!row || !row.userId || !purposes.includes(row.purpose)) throw new ApiError('token_invalid');
  if (row.usedAt) throw new ApiError('token_used');
  throw new ApiError('token_expired');
}

/**
 * Says what using a token now would say, without using it: nothing when it would work, else the
 * same token_invalid / token_used / token_expired as consumeToken. Lets a page opened from a
 * mailed link say "already used" before anyone types a password; tells nothing about the account.
 */
export async function checkToken(db: DbOrTx, secret: string, purposes: readonly TokenPurpose[], now = new Date()) {
  const [row] = await db.select().from(tokens).where(eq(tokens.tokenHash, hashSecretToken(secret))).limit(1);
  if (!row || !row.userId || !purposes.includes(row.purpose)) throw new ApiError('token_invalid');
  if (row.usedAt) throw new ApiError('token_used');
  if (row.expiresAt <= now) throw new ApiError('token_expired');
  return { ...row, userId: row.userId };
}

/**
 * Deletes tokens used or expired more than `keepMs` ago. Until then a second click still gets the
 * helpful token_used / token_expired rather than token_invalid.
 */
export async function deleteSpentTokens(db: DbOrTx, keepMs: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepMs);
  const deleted = await db
    .delete(tokens)
    .where(or(lt(tokens.expiresAt, before), lt(tokens.usedAt, before)))
    .returning({ t: tokens.tokenHash });
  return deleted.length;
}
