// An admin or the service desk changes a person's role: on the account and on each of its
// memberships (an admin administers every organisation of the accounts they may touch, see
// admin-scope.ts). The person's sessions end, so a new role, higher or lower, counts from their
// next login on (sessions are renewed at a privilege change).
import { eq } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import { memberships, users, type User } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { deleteUserSessions } from '../sessions/session-store.js';
import type { AccountContext } from './account-context.js';
import { activeUser, type UserRef } from './account-admin.js';
import { mayGrantRole } from './admin-scope.js';

export async function changeRole(ctx: AccountContext, who: UserRef, role: Role): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await activeUser(tx, ctx.actor, who);
    if (!mayGrantRole(ctx.actor, role)) throw new ApiError('role_above_own');
    // Nobody raises or lowers themselves: an admin could otherwise lock their organisation out.
    if (user.id === ctx.actor.id) throw new ApiError('forbidden', 'You cannot change your own role.');
    if (user.role === role) return user;
    const [updated] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
    await tx.update(memberships).set({ role }).where(eq(memberships.userId, user.id));
    const ended = await deleteUserSessions(tx, user.id);
    await recordAudit(
      tx,
      { type: 'role_changed', outcome: 'success', userId: user.id, actorId: ctx.actor.id, details: { from: user.role, to: role, sessionsEnded: ended, ...(ctx.via ? { via: ctx.via } : {}) } },
      ctx.origin,
    );
    return updated!;
  });
}
