// An admin or the service desk makes a person a member of another organisation (a school and its
// board, several bronhouders): afterwards the person chooses at login which one to act for. Same
// scope rules as the other admin actions: the account and the organisation must both be the
// actor's, and nobody gives a role above their own. One transaction with its audit event.
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import { memberships, organisations } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import type { AccountContext } from './account-context.js';
import { activeUser, type UserRef } from './account-admin.js';
import { canAdminister, mayGrantRole } from './admin-scope.js';

export interface NewMembership {
  organisationId: string;
  role?: Role | undefined;
  /** The "hoedanigheid", when the organisation names one (e.g. bestuurder, directeur). */
  capacity?: string | null | undefined;
}

export async function addMembership(ctx: AccountContext, who: UserRef, input: NewMembership) {
  const role = input.role ?? 'user';
  if (!mayGrantRole(ctx.actor, role)) throw new ApiError('role_above_own');
  const capacity = input.capacity?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const user = await activeUser(tx, ctx.actor, who);
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!organisation || !canAdminister(ctx.actor, organisation.id)) throw new ApiError('organisation_unknown');
    const [existing] = await tx.select().from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, organisation.id)));
    if (existing) throw new ApiError('invalid_request', `${user.email} already belongs to ${organisation.name}.`);
    await tx.insert(memberships).values({ userId: user.id, organisationId: organisation.id, role, capacity });
    await recordAudit(
      tx,
      { type: 'membership_created', outcome: 'success', userId: user.id, organisationId: organisation.id, actorId: ctx.actor.id, details: { role, capacity, ...(ctx.via ? { via: ctx.via } : {}) } },
      ctx.origin,
    );
    return { user, organisation, role, capacity };
  });
}
