// Whether a mailed invitation or reset link still works, asked when the page it opens loads: the
// person hears "this link was already used" before typing a new password twice. Nothing is used
// up and nothing about the account is said; the answer is the one setting the password would give.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { users, type TokenPurpose } from '../../../db/schema.js';
import type { RequestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { clientNetwork, rateLimitRules } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit } from '../rate-limits/rate-limit-store.js';
import { checkToken } from '../tokens/token-store.js';

export const checkedLinkKinds = ['invitation', 'reset'] as const;
export type CheckedLinkKind = (typeof checkedLinkKinds)[number];

const purposesOf: Record<CheckedLinkKind, TokenPurpose[]> = { invitation: ['invitation'], reset: ['password_reset'] };

/** Throws token_invalid, token_used or token_expired, exactly as accepting the link would. */
export async function checkPasswordLink(db: Db, input: { token: string; kind: CheckedLinkKind }, origin: RequestOrigin): Promise<void> {
  // Counted with the link uses themselves: guessing tokens here costs the same budget.
  await enforceRateLimit(db, rateLimitRules.tokenPerClient, clientNetwork(origin.ip));
  const token = await checkToken(db, input.token, purposesOf[input.kind]);
  const [user] = await db.select({ email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, token.userId));
  if (!user?.email || user.disabledAt) throw new ApiError('token_invalid');
}
