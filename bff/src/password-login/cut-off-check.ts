// The end of password login for one account, once its password is proved: its own end date
// (temporary account) and the site's (for everyone, or for people with a linked eHerkenning
// identity). The refusal names the moment, so the person reads since when and what to use instead.
import { and, eq, inArray } from 'drizzle-orm';
import { brokerMethods } from '../../../contract/login-methods.js';
import type { DbOrTx } from '../../../db/open.js';
import { identities, type User } from '../../../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { describeCutOff } from './cut-off-date.js';
import { endedForAccount, needsIdentityCheck, type PasswordLoginRefusal, type SiteCutOff } from './cut-off-policy.js';

export async function passwordCutOffFor(db: DbOrTx, site: SiteCutOff, user: Pick<User, 'id' | 'localAccountUntil'>, now: Date): Promise<PasswordLoginRefusal | undefined> {
  // The identity is looked up only when the answer depends on it.
  const hasEherkenning = needsIdentityCheck(site, now)
    ? (await db.select({ id: identities.id }).from(identities).where(and(eq(identities.userId, user.id), inArray(identities.scheme, [...brokerMethods]))).limit(1)).length > 0
    : false;
  return endedForAccount(site, { localAccountUntil: user.localAccountUntil, hasEherkenning }, now);
}

export function cutOffError(refusal: PasswordLoginRefusal): ApiError {
  const since = describeCutOff(refusal.since);
  return refusal.code === 'password_login_ended'
    ? new ApiError('password_login_ended', `Logging in with an e-mail address and password ended on ${since}. Log in with eHerkenning.`)
    : new ApiError('local_account_ended', `This temporary account ended on ${since}. Log in with eHerkenning, or ask the administrator to extend the account.`);
}
