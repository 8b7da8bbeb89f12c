// Forgot password, reset password and accepting an invitation: the three ways to set a password
// with a mailed single-use link.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { users, type TokenPurpose } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type RequestOrigin } from '../http/request-client.js';
import type { EnvConfig } from '../config.js';
import { ApiError } from '../http/api-error.js';
import { enqueueMail } from '../mail/enqueue-mail.js';
import { hashPassword } from '../passwords/password-hash.js';
import { checkNewPassword } from '../passwords/password-policy.js';
import { clientNetwork, rateLimitRules } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit, hitRateLimit } from '../rate-limits/rate-limit-store.js';
import { deleteUserSessions } from '../sessions/session-store.js';
import type { SiteConfig } from '../site-config/schema.js';
import { consumeToken, tokenLifetimes } from '../tokens/token-store.js';
import { mailSingleUseLink } from './mail-link.js';
import { findUserByEmail } from './find-user.js';

export interface ForgotInput {
  email: string;
  /** The widget's language, used when the account has none of its own. */
  locale?: string | undefined;
}

/**
 * Always ends the same way for the caller (R01). A mail goes out only for an existing account
 * that is not disabled, and at most rateLimitRules.forgotPerEmail.limit an hour (R08), counted for
 * unknown addresses too so the limit itself reveals nothing. A blocked account may reset (L06).
 * The per-address count is made in the transaction that writes the mail (or the refusal's audit
 * event): a request that fails, or passes its deadline, before committing uses none of the budget.
 */
export async function requestPasswordReset(db: Db, site: SiteConfig, env: Pick<EnvConfig, 'publicUrl'>, input: ForgotInput, origin: RequestOrigin): Promise<void> {
  await enforceRateLimit(db, rateLimitRules.forgotPerClient, clientNetwork(origin.ip));
  const user = await findUserByEmail(db, input.email);
  await db.transaction(async (tx) => {
    const overPerEmail = await hitRateLimit(tx, rateLimitRules.forgotPerEmail, input.email);
    if (!user?.email || user.disabledAt || overPerEmail) {
      await recordAudit(tx, { type: 'password_reset_requested', outcome: 'failure', userId: user?.id ?? null, reason: !user ? 'unknown_email' : user.disabledAt ? 'disabled' : 'rate_limited' }, origin);
      return;
    }
    await mailSingleUseLink(tx, site, env.publicUrl, {
      to: user.email,
      userId: user.id,
      locale: user.locale ?? input.locale,
      purpose: 'password_reset',
      ttlMs: tokenLifetimes.password_reset,
      mailKind: 'password_reset',
      linkKind: 'reset',
    });
    await recordAudit(tx, { type: 'password_reset_requested', outcome: 'success', userId: user.id }, origin);
  });
}

export interface SetPasswordInput {
  token: string;
  password: string;
}

/**
 * Sets a password with a reset (or unblock) link: unblocks, ends every session of the user (R07:
 * whoever had the old password is out; no automatic login), tells the person by mail.
 */
export function resetPassword(db: Db, site: SiteConfig, input: SetPasswordInput, origin: RequestOrigin) {
  return setPasswordWithToken(db, site, input, origin, ['password_reset'], 'password_reset_done');
}

/** Chooses the first password with an invitation link; the link proved the mailbox is theirs. */
export function acceptInvitation(db: Db, site: SiteConfig, input: SetPasswordInput, origin: RequestOrigin) {
  return setPasswordWithToken(db, site, input, origin, ['invitation'], 'invitation_accepted');
}

async function setPasswordWithToken(db: Db, site: SiteConfig, input: SetPasswordInput, origin: RequestOrigin, purposes: TokenPurpose[], auditType: string) {
  await enforceRateLimit(db, rateLimitRules.tokenPerClient, clientNetwork(origin.ip));
  const problem = checkNewPassword(input.password);
  if (problem) throw new ApiError(problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const token = await consumeToken(tx, input.token, purposes);
    const [user] = await tx.select().from(users).where(eq(users.id, token.userId));
    if (!user?.email || user.disabledAt) throw new ApiError('token_invalid');
    // Checked here too (and the whole transaction undone, token included) for the rule that needs the address.
    const personal = checkNewPassword(input.password, { email: user.email });
    if (personal) throw new ApiError(personal);
    await tx.update(users).set({ passwordHash, failedAttempts: 0, lockedAt: null, updatedAt: new Date() }).where(eq(users.id, user.id));
    const ended = await deleteUserSessions(tx, user.id);
    if (purposes.includes('password_reset')) await enqueueMail(tx, site, { to: user.email, kind: 'password_changed', locale: user.locale });
    await recordAudit(tx, { type: auditType, outcome: 'success', userId: user.id, details: { sessionsEnded: ended } }, origin);
    return { email: user.email };
  });
}
