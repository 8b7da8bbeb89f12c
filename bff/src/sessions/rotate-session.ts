// A new cookie token for a session whose privileges change (acting for another organisation):
// the old token stops working in the same transaction, so a token seen before the change is
// worth nothing after it (session fixation, ASVS 3.2.1). Expiry stays as it was.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { sessions, type Session } from '../../../db/schema.js';
import { hashSecretToken, newSecretToken } from '../security/secret-token.js';

export async function rotateSession(
  tx: DbOrTx,
  token: string,
  changes: Partial<Pick<Session, 'actingFor' | 'organisationChoicePending' | 'attributes'>>,
  now: Date,
): Promise<{ token: string; session: Session } | undefined> {
  const [old] = await tx.delete(sessions).where(eq(sessions.tokenHash, hashSecretToken(token))).returning();
  if (!old) return undefined;
  const fresh = newSecretToken();
  const session: Session = { ...old, ...changes, tokenHash: hashSecretToken(fresh), lastSeenAt: now };
  await tx.insert(sessions).values(session);
  return { token: fresh, session };
}
