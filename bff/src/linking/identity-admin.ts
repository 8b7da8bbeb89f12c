// The service desk's view of a person's identities (CLI `identity list|unlink`): same scope rule
// as every account operation (admin-scope.ts), every change audited in its transaction.
import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { identities, memberships, type Identity, type User } from '../../../db/schema.js';
import type { AccountContext } from '../accounts/account-context.js';
import { canAdministerAccount } from '../accounts/admin-scope.js';
import { findUserByEmail } from '../accounts/find-user.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { deleteUserSessions } from '../sessions/session-store.js';

export type IdentityListing = Pick<Identity, 'id' | 'scheme' | 'issuer' | 'broker' | 'level' | 'linkedAt'>;

/** The account, or not_found for one the actor does not administer (as for one that does not exist). */
async function accountInScope(tx: DbOrTx, ctx: AccountContext, email: string): Promise<User> {
  const user = await findUserByEmail(tx, email);
  if (!user) throw new ApiError('not_found', 'There is no account with this e-mail address.');
  const organisationIds = (await tx.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, user.id))).map((m) => m.id);
  if (!canAdministerAccount(ctx.actor, { role: user.role, organisationIds })) throw new ApiError('not_found', 'There is no account with this e-mail address.');
  return user;
}

/** Never the pseudonym itself: it identifies the person at every service of this DV. */
export async function listIdentities(ctx: AccountContext, email: string): Promise<{ user: User; identities: IdentityListing[] }> {
  const user = await accountInScope(ctx.db, ctx, email);
  const rows = await ctx.db
    .select({ id: identities.id, scheme: identities.scheme, issuer: identities.issuer, broker: identities.broker, level: identities.level, linkedAt: identities.linkedAt })
    .from(identities)
    .where(eq(identities.userId, user.id))
    .orderBy(asc(identities.linkedAt));
  return { user, identities: rows };
}

/**
 * Removes one identity and ends the person's sessions (some may rest on it). Refused when it is
 * the last way the person can log in (no password, no other identity): A05.
 */
export async function unlinkIdentity(ctx: AccountContext, email: string, identityId: string): Promise<Identity> {
  return ctx.db.transaction(async (tx) => {
    const user = await accountInScope(tx, ctx, email);
    const [identity] = await tx.select().from(identities).where(and(eq(identities.id, identityId), eq(identities.userId, user.id)));
    if (!identity) throw new ApiError('not_found', 'This account has no identity with this id.');
    const [others] = await tx.select({ n: count() }).from(identities).where(eq(identities.userId, user.id));
    if (!user.passwordHash && others!.n <= 1) throw new ApiError('last_login_method');
    await tx.delete(identities).where(eq(identities.id, identity.id));
    const ended = await deleteUserSessions(tx, user.id);
    await recordAudit(
      tx,
      { type: 'identity_unlinked', outcome: 'success', userId: user.id, actorId: ctx.actor.id, broker: identity.broker, details: { identityId: identity.id, scheme: identity.scheme, sessionsEnded: ended, ...(ctx.via ? { via: ctx.via } : {}) } },
      ctx.origin,
    );
    return identity;
  });
}
