// Temporary local accounts (seed 000: "tijdelijk een lokaal account", e.g. while an eHerkenning
// login is being arranged or for a short project): an admin or the service desk gives the account
// an end date, from which its password login is refused (password-login/cut-off-policy.ts).
// Same scope rules and audit as the other admin actions, in one transaction.
import { eq } from 'drizzle-orm';
import { users, type User } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { AccountContext } from './account-context.js';
import { activeUser, type UserRef } from './account-admin.js';

export async function setLocalAccountUntil(ctx: AccountContext, who: UserRef, until: Date | null): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await activeUser(tx, ctx.actor, who);
    const [updated] = await tx.update(users).set({ localAccountUntil: until, updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
    await recordAudit(
      tx,
      {
        type: 'local_account_until_set',
        outcome: 'success',
        userId: user.id,
        actorId: ctx.actor.id,
        details: { localAccountUntil: until?.toISOString() ?? null, previous: user.localAccountUntil?.toISOString() ?? null, ...(ctx.via ? { via: ctx.via } : {}) },
      },
      ctx.origin,
    );
    return updated!;
  });
}
