// Password login (ASVS 2.2, 3.2). Every way to fail that an attacker could probe (unknown
// address, wrong password, blocked, disabled, no password chosen yet) ends in the same
// invalid_credentials answer after the same argon2 work. Only a correct password reveals more.
import { eq, sql } from 'drizzle-orm';
import { users, type User } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { type RequestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../passwords/password-hash.js';
import { lifetimesFrom } from '../sessions/session-policy.js';
import { createAuditedSession, createSession, deleteSession } from '../sessions/session-store.js';
import type { Db } from '../../../db/open.js';
import type { SiteConfig } from '../site-config/schema.js';
import { isAdministrator } from '../accounts/admin-scope.js';
import { findLoginAccount, type LoginAccount } from '../accounts/find-user.js';
import { clientNetwork, loginPerClientRule } from '../rate-limits/rate-limit-policy.js';
import { enforceRateLimit, refundRateLimit } from '../rate-limits/rate-limit-store.js';
import { failureBlocks, isBlocked } from './lockout-policy.js';
import { countLoginStarted } from '../metrics/metrics.js';
import { actingAtLogin } from '../organisations/acting-organisation.js';
import { cutOffError, passwordCutOffFor } from './cut-off-check.js';
import { endedForEveryone } from './cut-off-policy.js';

export interface LoginInput {
  email: string;
  password: string;
  /** The session cookie the browser sent, if any: it is ended, the login gets a new one (L11). */
  previousToken?: string | undefined;
  /** The time the rules that start at a moment (end of password login) are judged at. */
  now?: Date | undefined;
}

export async function loginWithPassword(db: Db, site: SiteConfig, input: LoginInput, origin: RequestOrigin) {
  countLoginStarted('email');
  // The site-wide end of password login holds for every address alike: refused before anything else.
  const endedForAll = endedForEveryone(site.localAccounts, input.now ?? new Date());
  if (endedForAll) {
    await recordAudit(db, { type: 'login', outcome: 'failure', method: 'email', reason: endedForAll.code }, origin);
    throw cutOffError(endedForAll);
  }
  // Counted before any hashing, so guessing from one network (many accounts, or one) stops at the
  // limit without costing CPU (issue 10, item 5; L03/L04). A successful login takes its count back.
  const perClient = loginPerClientRule(site.localAccounts);
  const network = clientNetwork(origin.ip);
  await enforceRateLimit(db, perClient, network);
  try {
    const result = await checkPasswordAndStartSession(db, site, input, origin);
    await refundRateLimit(db, perClient, network);
    return result;
  } catch (error) {
    // Refused because too many logins wait for a password check: no guess was made.
    if (error instanceof ApiError && error.code === 'service_unavailable') await refundRateLimit(db, perClient, network);
    throw error;
  }
}

/**
 * The account this address and password prove, or invalid_credentials after the same argon2 work
 * for an unknown address, a wrong password and an account without one. A failure counts towards
 * the account's lockout and is audited as `auditType` (the linking step checks passwords too).
 */
export async function verifyAccountPassword(db: Db, site: SiteConfig, input: Pick<LoginInput, 'email' | 'password'>, origin: RequestOrigin, auditType = 'login'): Promise<LoginAccount> {
  const user = await findLoginAccount(db, input.email);
  const stored = user?.passwordHash ?? (await dummyPasswordHash());
  const passwordOk = (await verifyPassword(stored, input.password)) && Boolean(user?.passwordHash);
  if (!user || !passwordOk) {
    await recordFailure(db, site, user, origin, user ? (user.passwordHash ? 'wrong_password' : 'no_password') : 'unknown_email', auditType);
    throw new ApiError('invalid_credentials');
  }
  return user;
}

async function checkPasswordAndStartSession(db: Db, site: SiteConfig, input: LoginInput, origin: RequestOrigin) {
  const user = await verifyAccountPassword(db, site, input, origin);
  if (user.disabledAt || isBlocked(user)) {
    await recordAudit(db, { type: 'login', outcome: 'failure', userId: user.id, method: 'email', reason: user.disabledAt ? 'disabled' : 'blocked' }, origin);
    throw new ApiError('invalid_credentials');
  }
  const ended = await passwordCutOffFor(db, site.localAccounts, user, input.now ?? new Date());
  if (ended) {
    await recordAudit(db, { type: 'login', outcome: 'failure', userId: user.id, method: 'email', reason: ended.code }, origin);
    throw cutOffError(ended);
  }
  if (isAdministrator(user.role) && site.localAccounts.adminsMustUseEherkenning) {
    await recordAudit(db, { type: 'login', outcome: 'failure', userId: user.id, method: 'email', reason: 'admin_requires_eherkenning' }, origin);
    throw new ApiError('admin_requires_eherkenning');
  }

  // Hashed with weaker settings in the past: hash again now that we know the password (L10).
  const rehashed = needsRehash(user.passwordHash!) ? await hashPassword(input.password) : undefined;
  const acting = actingAtLogin(user.membershipIds);
  const success = { type: 'login', outcome: 'success', userId: user.id, organisationId: acting.actingFor, method: 'email' } as const;
  const newSession = { userId: user.id, method: 'email', actingFor: acting.actingFor, organisationChoicePending: acting.organisationChoicePending } as const;
  if (!input.previousToken && user.failedAttempts === 0 && !rehashed) {
    // The usual login writes only the session and its audit event: one statement, no transaction.
    const { token, session } = await createAuditedSession(db, newSession, lifetimesFrom(site.sessions), success, origin);
    return { token, session, user };
  }
  return db.transaction(async (tx) => {
    if (input.previousToken) await deleteSession(tx, input.previousToken);
    if (user.failedAttempts !== 0 || rehashed) {
      await tx
        .update(users)
        .set({ failedAttempts: 0, ...(rehashed ? { passwordHash: rehashed } : {}), updatedAt: new Date() })
        .where(eq(users.id, user.id));
    }
    const { token, session } = await createSession(tx, newSession, lifetimesFrom(site.sessions));
    await recordAudit(tx, success, origin);
    return { token, session, user: { ...user, failedAttempts: 0 } as User };
  });
}

/**
 * Counts a failure with one atomic UPDATE … RETURNING, so 20 parallel attempts on several
 * instances count 20 (L02), and blocks the account when the count reaches the limit.
 */
async function recordFailure(db: Db, site: SiteConfig, user: User | undefined, origin: RequestOrigin, reason: string, auditType: string): Promise<void> {
  const max = site.localAccounts.maxFailedLogins;
  await db.transaction(async (tx) => {
    if (user) {
      const [after] = await tx
        .update(users)
        .set({
          failedAttempts: sql`${users.failedAttempts} + 1`,
          lockedAt: sql`case when ${users.failedAttempts} + 1 >= ${max} then coalesce(${users.lockedAt}, now()) else ${users.lockedAt} end`,
        })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts });
      await recordAudit(tx, { type: auditType, outcome: 'failure', userId: user.id, method: 'email', reason }, origin);
      if (after && failureBlocks(after.failedAttempts, max)) {
        await recordAudit(tx, { type: 'account_blocked', outcome: 'success', userId: user.id, method: 'email', reason: 'too_many_failed_logins', details: { failedAttempts: after.failedAttempts } }, origin);
      }
    } else {
      await recordAudit(tx, { type: auditType, outcome: 'failure', method: 'email', reason }, origin);
    }
  });
}
