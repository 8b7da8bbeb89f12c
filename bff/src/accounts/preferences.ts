// A person's own preferences: the language of mails and a separate address for notifications,
// which is used only after its owner confirmed it through a mailed link (seed 000).
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../contract/locales.js';
import type { Db } from '../../../db/open.js';
import { users, type User } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type RequestOrigin } from '../http/request-client.js';
import type { SessionUser } from '../sessions/session-lookup.js';
import type { EnvConfig } from '../config.js';
import { ApiError } from '../http/api-error.js';
import { clientNetwork, rateLimitRules } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit, countRateLimitHit } from '../rate-limits/rate-limit-store.js';
import type { SiteConfig } from '../site-config/schema.js';
import { consumeToken, tokenLifetimes } from '../tokens/token-store.js';
import { mailSingleUseLink } from './mail-link.js';
import { normaliseEmail } from './email-domain.js';

export interface PreferencesInput {
  /** null removes the separate address; absent leaves it. */
  notificationEmail?: string | null | undefined;
  locale?: Locale | undefined;
}

export function preferencesView(user: SessionUser) {
  return {
    notificationEmail: user.notificationEmail,
    notificationEmailConfirmed: user.notificationEmail !== null && user.notificationEmailVerifiedAt !== null,
    locale: user.locale,
  };
}

export async function updatePreferences(db: Db, site: SiteConfig, env: Pick<EnvConfig, 'publicUrl'>, user: SessionUser, input: PreferencesInput, origin: RequestOrigin) {
  const address = input.notificationEmail === undefined ? undefined : input.notificationEmail === null ? null : normaliseEmail(input.notificationEmail);
  // Each address given sends a mail to it: counted per account, outside the transaction so a
  // refused request still counts and writes nothing else (issue 10, item 10).
  if (address) await enforceMailLimit(db, user, origin);
  return db.transaction(async (tx) => {
    const changes: Partial<User> = { updatedAt: new Date() };
    const changed: string[] = [];
    if (input.locale !== undefined && input.locale !== user.locale) {
      changes.locale = input.locale;
      changed.push('locale');
    }
    if (address !== undefined && address !== user.notificationEmail) {
      changes.notificationEmail = address;
      changes.notificationEmailVerifiedAt = null;
      changed.push('notificationEmail');
    }
    const [updated] = await tx.update(users).set(changes).where(eq(users.id, user.id)).returning();
    if (address) {
      await mailSingleUseLink(tx, site, env.publicUrl, {
        to: address,
        userId: user.id,
        locale: updated!.locale,
        purpose: 'notification_email',
        ttlMs: tokenLifetimes.notification_email,
        mailKind: 'notification_email_confirm',
        linkKind: 'confirm-email',
        data: { email: address },
      });
    }
    if (changed.length) await recordAudit(tx, { type: 'preferences_changed', outcome: 'success', userId: user.id, details: { changed } }, origin);
    return updated!;
  });
}

async function enforceMailLimit(db: Db, user: SessionUser, origin: RequestOrigin): Promise<void> {
  const hit = await countRateLimitHit(db, rateLimitRules.notificationMailPerUser, user.id);
  if (!hit.over) return;
  await recordAudit(db, { type: 'preferences_changed', outcome: 'failure', userId: user.id, reason: 'too_many_mails' }, origin);
  throw new ApiError('too_many_mails').retryAfter(hit.retryAfterSeconds);
}

/** Confirms a notification address through the mailed link; no session needed (it may be a shared mailbox). */
export async function confirmNotificationEmail(db: Db, token: string, origin: RequestOrigin) {
  await enforceRateLimit(db, rateLimitRules.tokenPerClient, clientNetwork(origin.ip));
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, token, ['notification_email']);
    const [user] = await tx.select().from(users).where(eq(users.id, used.userId));
    // The person changed the address again since this mail: this link confirms nothing any more.
    if (!user || user.disabledAt || user.notificationEmail !== used.data.email) throw new ApiError('token_invalid');
    await tx.update(users).set({ notificationEmailVerifiedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { type: 'notification_email_confirmed', outcome: 'success', userId: user.id }, origin);
    return { notificationEmail: user.notificationEmail };
  });
}
