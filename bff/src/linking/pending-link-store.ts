// Pending links in the database: made by the ACS (policy `link`), found by the browser's
// login-binding cookie, and ended once. Every count on them (PIN tries, PIN mails) is one
// conditional UPDATE, so parallel requests on any number of instances count exactly.
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { pendingLinks, type PendingLink } from '../../../db/schema.js';
import { hashSecretToken } from '../security/secret-token.js';
import { PIN_MAX_ATTEMPTS, PIN_MAX_SENT } from './pin-policy.js';
import { hashPin } from './pin-secret.js';

export type NewPendingLink = Omit<typeof pendingLinks.$inferInsert, 'id' | 'createdAt' | 'endedAt' | 'pinUserId' | 'pinHash' | 'pinExpiresAt' | 'pinAttempts' | 'pinsSent'>;

export async function createPendingLink(db: DbOrTx, link: NewPendingLink): Promise<PendingLink> {
  const [row] = await db.insert(pendingLinks).values(link).returning();
  return row!;
}

/**
 * The browser's newest link attempt that has not ended or expired. Nothing for a browser without
 * the cookie, or with another browser's: the pending login cannot be finished elsewhere (A02).
 */
export async function findPendingLink(db: DbOrTx, bindingCookie: string | undefined, now = new Date()): Promise<PendingLink | undefined> {
  if (!bindingCookie) return undefined;
  const [row] = await db
    .select()
    .from(pendingLinks)
    .where(and(eq(pendingLinks.browserBinding, hashSecretToken(bindingCookie)), isNull(pendingLinks.endedAt), gt(pendingLinks.expiresAt, now)))
    .orderBy(desc(pendingLinks.createdAt))
    .limit(1);
  return row;
}

/** Ends the attempt; false when it had ended already (someone else finished it first). */
export async function endPendingLink(db: DbOrTx, id: string, now = new Date()): Promise<boolean> {
  const ended = await db
    .update(pendingLinks)
    .set({ endedAt: now })
    .where(and(eq(pendingLinks.id, id), isNull(pendingLinks.endedAt)))
    .returning({ id: pendingLinks.id });
  return ended.length === 1;
}

/**
 * Stores a new PIN for the account the password proved (an earlier PIN stops working); false
 * when the attempt has ended or already sent PIN_MAX_SENT PINs. Tries are not reset: they count
 * over every PIN of the attempt, or asking for a new PIN would buy five more guesses.
 */
export async function storePin(db: DbOrTx, id: string, input: { userId: string; pin: string; expiresAt: Date }, now = new Date()): Promise<boolean> {
  const stored = await db
    .update(pendingLinks)
    .set({ pinUserId: input.userId, pinHash: hashPin(id, input.pin), pinExpiresAt: input.expiresAt, pinsSent: sql`${pendingLinks.pinsSent} + 1` })
    .where(and(eq(pendingLinks.id, id), isNull(pendingLinks.endedAt), gt(pendingLinks.expiresAt, now), lt(pendingLinks.pinsSent, PIN_MAX_SENT), lt(pendingLinks.pinAttempts, PIN_MAX_ATTEMPTS)))
    .returning({ id: pendingLinks.id });
  return stored.length === 1;
}

export type PinTry = { matched: true; userId: string; link: PendingLink } | { matched: false; attempts: number } | undefined;

/**
 * One PIN try as one UPDATE: it counts the try, and ends the attempt when the PIN is right or this
 * was the last try allowed. Row locking makes parallel tries queue on the row and each re-check
 * the conditions, so 20 tries at once count 20 and at most PIN_MAX_ATTEMPTS are ever judged.
 * Undefined when no try was possible (ended, expired, no PIN yet, PIN expired, tries used up).
 */
export async function tryPin(db: DbOrTx, id: string, pin: string, now = new Date()): Promise<PinTry> {
  const hash = hashPin(id, pin);
  const [row] = await db
    .update(pendingLinks)
    .set({
      pinAttempts: sql`${pendingLinks.pinAttempts} + 1`,
      endedAt: sql`case when ${pendingLinks.pinHash} = ${hash} or ${pendingLinks.pinAttempts} + 1 >= ${PIN_MAX_ATTEMPTS} then ${now.toISOString()}::timestamptz else ${pendingLinks.endedAt} end`,
    })
    .where(
      and(
        eq(pendingLinks.id, id),
        isNull(pendingLinks.endedAt),
        gt(pendingLinks.expiresAt, now),
        gt(pendingLinks.pinExpiresAt, now),
        lt(pendingLinks.pinAttempts, PIN_MAX_ATTEMPTS),
      ),
    )
    .returning();
  if (!row) return undefined;
  if (row.pinHash === hash && row.pinUserId) return { matched: true, userId: row.pinUserId, link: row };
  return { matched: false, attempts: row.pinAttempts };
}

export async function pendingLinkById(db: DbOrTx, id: string): Promise<PendingLink | undefined> {
  const [row] = await db.select().from(pendingLinks).where(eq(pendingLinks.id, id)).limit(1);
  return row;
}

/** Housekeeping: attempts ended or expired more than `keepMs` ago. */
export async function deleteOldPendingLinks(db: DbOrTx, keepMs: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepMs);
  const deleted = await db
    .delete(pendingLinks)
    .where(or(lt(pendingLinks.expiresAt, before), lt(pendingLinks.endedAt, before)))
    .returning({ id: pendingLinks.id });
  return deleted.length;
}
