// Step (b) of the linking step: an activation code, issued for an organisation that has no account
// here yet, plus the address to use, makes the person, their membership and links the pending
// eHerkenning login to it, in one transaction with its audit events.
import { roles, type Role } from '../../../contract/roles.js';
import { memberships, users } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { emailDomain, isDomainAllowed, normaliseEmail } from '../accounts/email-domain.js';
import { findUserByEmail } from '../accounts/find-user.js';
import { ApiError } from '../http/api-error.js';
import { clientNetwork, rateLimitRules } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit } from '../rate-limits/rate-limit-store.js';
import { markCodeUsedBy, redeemActivationCode } from './activation-codes.js';
import { linkIdentityAndLogIn } from './finish-link.js';
import { requirePendingLink, type LinkContext } from './link-context.js';
import { endPendingLink } from './pending-link-store.js';

export async function linkWithActivationCode(ctx: LinkContext, input: { code: string; email: string }) {
  const now = ctx.now ?? new Date();
  const link = await requirePendingLink(ctx);
  // Guessing codes costs a request each, counted per client network like every other token (R04).
  await enforceRateLimit(ctx.db, rateLimitRules.tokenPerClient, clientNetwork(ctx.origin.ip), now);
  const email = normaliseEmail(input.email);
  const done = await ctx.db.transaction(async (tx) => {
    const code = await redeemActivationCode(tx, input.code, null, now);
    const { organisation } = code;
    // Seed 000: only an address of the organisation's own domains, where it has any.
    if (organisation.emailDomains.length && !isDomainAllowed(email, organisation.emailDomains)) {
      throw new ApiError('email_domain_not_allowed', `${emailDomain(email) || 'This address'} is not one of the e-mail domains of ${organisation.name}.`);
    }
    if (await findUserByEmail(tx, email)) throw new ApiError('email_taken');
    if (!(await endPendingLink(tx, link.id, now))) throw new ApiError('link_not_pending');
    const [user] = await tx.insert(users).values({ email, role: code.role, locale: link.locale }).returning();
    await tx.insert(memberships).values({ userId: user!.id, organisationId: organisation.id, role: code.role });
    await markCodeUsedBy(tx, code.codeHash, user!.id);
    const via = { via: 'activation_code' };
    await recordAudit(tx, { type: 'account_created', outcome: 'success', userId: user!.id, organisationId: organisation.id, details: { ...via, role: code.role } }, ctx.origin);
    await recordAudit(tx, { type: 'activation_code_redeemed', outcome: 'success', userId: user!.id, organisationId: organisation.id, details: { role: code.role } }, ctx.origin);
    return linkIdentityAndLogIn(tx, ctx.site, link, user!, { via: 'activation_code', origin: ctx.origin, previousSessionToken: ctx.previousSessionToken, now });
  });
  return { done, returnTo: link.returnTo };
}

/** The higher of two roles: a membership given by a code may raise the account's role, never lower it. */
export function higherRole(a: Role, b: Role): Role {
  return roles.indexOf(a) >= roles.indexOf(b) ? a : b;
}
