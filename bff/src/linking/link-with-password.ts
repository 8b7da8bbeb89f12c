// Step (a) of the linking step: the password proves the account, a PIN mailed to the account's
// address proves the mailbox, and the pending eHerkenning login (bound to this browser) proves the
// identity; only all three link them (A01, pre-account takeover).
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { verifyAccountPassword } from '../password-login/login.js';
import { isBlocked } from '../password-login/lockout-policy.js';
import { findUserById } from '../accounts/find-user.js';
import { ApiError } from '../http/api-error.js';
import { enqueueMail } from '../mail/enqueue-mail.js';
import { clientNetwork, loginPerClientRule } from '../rate-limits/rate-limit-policy.js';
import { countRateLimitHit, enforceRateLimit, refundRateLimit } from '../rate-limits/rate-limit-store.js';
import { linkIdentityAndLogIn } from './finish-link.js';
import { requirePendingLink, type LinkContext } from './link-context.js';
import { pendingLinkById, storePin, tryPin } from './pending-link-store.js';
import { PIN_LIFETIME_MS, PIN_MAX_ATTEMPTS, normalisePin, pinMailsPerAccount, pinRefusal, type PinRefusal } from './pin-policy.js';
import { newPin } from './pin-secret.js';

/**
 * Checks the password and mails a PIN to the account's own address. An unknown address and a wrong
 * password get the same invalid_credentials after the same argon2 work, count towards the same
 * limits as a password login (per client network, and the account's lockout), and send nothing.
 */
export async function requestLinkPin(ctx: LinkContext, input: { email: string; password: string }): Promise<{ pinExpiresAt: Date }> {
  const now = ctx.now ?? new Date();
  const link = await requirePendingLink(ctx);
  const perClient = loginPerClientRule(ctx.site.localAccounts);
  const network = clientNetwork(ctx.origin.ip);
  await enforceRateLimit(ctx.db, perClient, network);
  const user = await verifyAccountPassword(ctx.db, ctx.site, input, ctx.origin, 'link_password');
  await refundRateLimit(ctx.db, perClient, network);
  if (user.disabledAt || isBlocked(user)) {
    await recordAudit(ctx.db, { type: 'link_password', outcome: 'failure', userId: user.id, method: 'email', reason: user.disabledAt ? 'disabled' : 'blocked' }, ctx.origin);
    throw new ApiError('account_blocked');
  }
  const pin = newPin();
  const pinExpiresAt = new Date(now.getTime() + PIN_LIFETIME_MS);
  await ctx.db.transaction(async (tx) => {
    // Counted in this transaction: a request refused below uses none of the account's budget.
    const mails = await countRateLimitHit(tx, pinMailsPerAccount, user.id, now);
    if (mails.over) throw new ApiError('too_many_mails').retryAfter(mails.retryAfterSeconds);
    if (!(await storePin(tx, link.id, { userId: user.id, pin, expiresAt: pinExpiresAt }, now))) {
      const current = await pendingLinkById(tx, link.id);
      if (current && !current.endedAt && current.pinAttempts < PIN_MAX_ATTEMPTS) {
        throw new ApiError('too_many_mails').retryAfter(Math.max(1, Math.ceil((current.expiresAt.getTime() - now.getTime()) / 1000)));
      }
      throw new ApiError(current && current.pinAttempts >= PIN_MAX_ATTEMPTS ? 'pin_too_many_attempts' : 'link_not_pending');
    }
    // The right password ends a run of failures, as a login does.
    if (user.failedAttempts !== 0) await tx.update(users).set({ failedAttempts: 0, updatedAt: now }).where(eq(users.id, user.id));
    await enqueueMail(tx, ctx.site, { to: user.email!, kind: 'link_pin', locale: user.locale ?? link.locale, validForMs: PIN_LIFETIME_MS, values: { pin } });
    await recordAudit(tx, { type: 'link_pin_sent', outcome: 'success', userId: user.id, method: 'eherkenning', broker: link.broker }, ctx.origin);
  });
  return { pinExpiresAt };
}

/**
 * One PIN try. Right: the identity is linked and the person logged in. Wrong: counted (also when
 * many arrive at once), and the fifth wrong one ends the link attempt.
 */
export async function confirmLinkPin(ctx: LinkContext, input: { pin: string }) {
  const now = ctx.now ?? new Date();
  const link = await requirePendingLink(ctx);
  // Not a PIN at all (letters, too short) is a typing error, not a guess: it is not counted.
  const pin = normalisePin(input.pin);
  if (!pin) throw new ApiError('pin_wrong');
  type Outcome = { refused: PinRefusal | 'pin_wrong' } | { done: Awaited<ReturnType<typeof linkIdentityAndLogIn>>; returnTo: string };
  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const tried = await tryPin(tx, link.id, pin, now);
    if (!tried) {
      const current = await pendingLinkById(tx, link.id);
      return { refused: current ? pinRefusal(current, now) : ('link_not_pending' as const) };
    }
    if (!tried.matched) {
      await recordAudit(tx, { type: 'link_pin', outcome: 'failure', userId: link.pinUserId, method: 'eherkenning', broker: link.broker, reason: 'pin_wrong', details: { attempts: tried.attempts } }, ctx.origin);
      return { refused: tried.attempts >= PIN_MAX_ATTEMPTS ? ('pin_too_many_attempts' as const) : ('pin_wrong' as const) };
    }
    const user = await findUserById(tx, tried.userId);
    if (!user) return { refused: 'link_not_pending' as const };
    return { done: await linkIdentityAndLogIn(tx, ctx.site, tried.link, user, { via: 'password_pin', origin: ctx.origin, previousSessionToken: ctx.previousSessionToken, now }), returnTo: link.returnTo };
  });
  // Thrown after the commit, so the counted try stays counted.
  if ('refused' in outcome) throw new ApiError(outcome.refused);
  return outcome;
}
