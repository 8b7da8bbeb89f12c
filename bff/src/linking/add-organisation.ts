// "Account toevoegen" (DUO): a logged-in person adds another organisation to their account with
// an activation code issued for it. One transaction: the code used once, the membership, the audit.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { memberships, users, type Organisation, type User } from '../../../db/schema.js';
import type { Role } from '../../../contract/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { clientNetwork, rateLimitRules } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit } from '../rate-limits/rate-limit-store.js';
import { redeemActivationCode } from './activation-codes.js';
import { higherRole } from './link-with-code.js';

export async function addOrganisationByCode(
  db: Db,
  user: Pick<User, 'id' | 'role'>,
  code: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ organisation: Organisation; role: Role }> {
  await enforceRateLimit(db, rateLimitRules.tokenPerClient, clientNetwork(origin.ip), now);
  return db.transaction(async (tx) => {
    const redeemed = await redeemActivationCode(tx, code, user.id, now);
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, redeemed.organisationId)));
    // Rolled back with the rest: the code stays usable for whoever it was meant for.
    if (existing) throw new ApiError('already_member');
    await tx.insert(memberships).values({ userId: user.id, organisationId: redeemed.organisationId, role: redeemed.role });
    const role = higherRole(user.role, redeemed.role);
    if (role !== user.role) await tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { type: 'membership_added', outcome: 'success', userId: user.id, organisationId: redeemed.organisationId, details: { via: 'activation_code', role: redeemed.role } }, origin);
    return { organisation: redeemed.organisation, role: redeemed.role };
  });
}
