// "Wachtwoord vergeten" on the linking step. Where the site says so (DUO), the reset link goes to
// the organisation's authorised contact (the school's gemachtigde) instead of the account's own
// address; without such a contact, or on other sites, it is the normal reset. Always the same
// answer for the caller, whatever happened (R01).
import { asc, eq, isNotNull, and } from 'drizzle-orm';
import { memberships, organisations } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { findUserByEmail } from '../accounts/find-user.js';
import { mailSingleUseLink } from '../accounts/mail-link.js';
import { requestPasswordReset } from '../accounts/password-reset.js';
import { clientNetwork, rateLimitRules } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit, hitRateLimit } from '../rate-limits/rate-limit-store.js';
import { tokenLifetimes } from '../tokens/token-store.js';
import { requirePendingLink, type LinkContext } from './link-context.js';

export async function requestLinkPasswordReset(ctx: LinkContext, input: { email: string; locale?: string | undefined }): Promise<void> {
  await requirePendingLink(ctx);
  const normal = () => requestPasswordReset(ctx.db, ctx.site, ctx.env, input, ctx.origin);
  if (ctx.site.linking.passwordResetTo !== 'organisation-contact') return normal();
  const user = await findUserByEmail(ctx.db, input.email);
  const [contact] = user
    ? await ctx.db
        .select({ name: organisations.name, contactEmail: organisations.contactEmail, id: organisations.id })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(and(eq(memberships.userId, user.id), isNotNull(organisations.contactEmail)))
        .orderBy(asc(organisations.name))
        .limit(1)
    : [];
  if (!user?.email || user.disabledAt || !contact?.contactEmail) return normal();
  await enforceRateLimit(ctx.db, rateLimitRules.forgotPerClient, clientNetwork(ctx.origin.ip));
  await ctx.db.transaction(async (tx) => {
    if (await hitRateLimit(tx, rateLimitRules.forgotPerEmail, input.email)) {
      await recordAudit(tx, { type: 'password_reset_requested', outcome: 'failure', userId: user.id, reason: 'rate_limited' }, ctx.origin);
      return;
    }
    await mailSingleUseLink(tx, ctx.site, ctx.env.publicUrl, {
      to: contact.contactEmail!,
      userId: user.id,
      locale: user.locale ?? input.locale,
      purpose: 'password_reset',
      ttlMs: tokenLifetimes.password_reset,
      mailKind: 'password_reset_contact',
      linkKind: 'reset',
      values: { account: user.email!, organisation: contact.name },
    });
    await recordAudit(tx, { type: 'password_reset_requested', outcome: 'success', userId: user.id, organisationId: contact.id, details: { sentTo: 'organisation_contact' } }, ctx.origin);
  });
}
