// Started logins (saml_requests) and the one-time-use record of Response, Assertion and artifact
// ids (saml_seen). Both live in the database, so any instance can finish a login another started,
// and a primary key makes "accepted once" hold across instances.
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { samlRequests, samlSeen } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';

export type StoredRequest = typeof samlRequests.$inferSelect;

export async function storeRequest(db: DbOrTx, row: Omit<StoredRequest, 'createdAt' | 'consumedAt'>): Promise<void> {
  await db.insert(samlRequests).values(row);
}

export async function findRequestByRelayState(db: DbOrTx, relayState: string): Promise<StoredRequest | undefined> {
  const [row] = await db.select().from(samlRequests).where(eq(samlRequests.relayState, relayState)).limit(1);
  return row;
}

export async function findRequest(db: DbOrTx, id: string): Promise<StoredRequest | undefined> {
  const [row] = await db.select().from(samlRequests).where(eq(samlRequests.id, id)).limit(1);
  return row;
}

/**
 * Marks a request consumed; true only for the one caller that did it while it was unconsumed and
 * unexpired (a single conditional UPDATE, so two instances racing cannot both win).
 */
export async function consumeRequest(db: DbOrTx, id: string, broker: string, now = new Date()): Promise<boolean> {
  const done = await db
    .update(samlRequests)
    .set({ consumedAt: now })
    .where(and(eq(samlRequests.id, id), eq(samlRequests.broker, broker), isNull(samlRequests.consumedAt), gt(samlRequests.expiresAt, now)))
    .returning({ id: samlRequests.id });
  return done.length === 1;
}

/**
 * Uses up every started, unconsumed login of one browser (by the hash of its binding cookie), for
 * an answer that cannot even be read (too large): whichever login it was meant for must not be
 * tried again. Returns the logins it used up, newest first.
 */
export async function consumeRequestsOfBrowser(db: DbOrTx, browserBinding: string, now = new Date()): Promise<StoredRequest[]> {
  const done = await db
    .update(samlRequests)
    .set({ consumedAt: now })
    .where(and(eq(samlRequests.browserBinding, browserBinding), isNull(samlRequests.consumedAt), gt(samlRequests.expiresAt, now)))
    .returning();
  return done.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Records ids as used; false when any was used before (the insert conflicts on the primary key). */
export async function markSeen(db: DbOrTx, ids: { id: string; kind: 'response' | 'assertion' | 'artifact' }[], expiresAt: Date): Promise<boolean> {
  if (ids.length === 0) return true;
  const inserted = await db
    .insert(samlSeen)
    .values(ids.map((i) => ({ id: `${i.kind}:${i.id}`, kind: i.kind, expiresAt })))
    .onConflictDoNothing()
    .returning({ id: samlSeen.id });
  return inserted.length === ids.length;
}

/** Used ids once they expired, and started logins a day after they expired; the number deleted. */
export async function deleteExpiredSamlRows(db: DbOrTx, now = new Date()): Promise<number> {
  const seen = await db.delete(samlSeen).where(lt(samlSeen.expiresAt, now)).returning({ id: samlSeen.id });
  const requests = await db
    .delete(samlRequests)
    .where(lt(samlRequests.expiresAt, new Date(now.getTime() - 24 * 3_600_000)))
    .returning({ id: samlRequests.id });
  return seen.length + requests.length;
}
