// When password login is over: for the whole site from `localAccounts.passwordLoginUntil` (for
// everyone, or only for people who have linked an eHerkenning identity, seed 003: "daarna vervalt
// het inloggen met wachtwoord"), and for one temporary local account from its own end date (seed
// 000: "tijdelijk een lokaal account"). "Until" means up to and not including that moment: from it
// on, password login is refused. Pure: the caller passes the clock.

export const cutOffScopes = ['everyone', 'linkedOnly'] as const;
export type CutOffScope = (typeof cutOffScopes)[number];

export interface SiteCutOff {
  passwordLoginUntil?: Date | undefined;
  passwordLoginScope: CutOffScope;
}

export type PasswordLoginRefusal =
  | { code: 'password_login_ended'; since: Date }
  | { code: 'local_account_ended'; since: Date };

const reached = (until: Date | null | undefined, now: Date): until is Date => !!until && now.getTime() >= until.getTime();

/**
 * The site-wide end that holds for every address: decided before any password is checked, so
 * nobody learns anything about an account from it, and no argon2 work is spent on it.
 */
export function endedForEveryone(site: SiteCutOff, now: Date): PasswordLoginRefusal | undefined {
  if (site.passwordLoginScope !== 'everyone' || !reached(site.passwordLoginUntil, now)) return undefined;
  return { code: 'password_login_ended', since: site.passwordLoginUntil };
}

/**
 * The ends that depend on the account: asked only after the password proved it, so an unknown
 * address or a wrong password never reveals whether an account is temporary or linked.
 */
export function endedForAccount(
  site: SiteCutOff,
  account: { localAccountUntil: Date | null; hasEherkenning: boolean },
  now: Date,
): PasswordLoginRefusal | undefined {
  if (reached(account.localAccountUntil, now)) return { code: 'local_account_ended', since: account.localAccountUntil };
  if (reached(site.passwordLoginUntil, now) && (site.passwordLoginScope === 'everyone' || account.hasEherkenning)) {
    return { code: 'password_login_ended', since: site.passwordLoginUntil };
  }
  return undefined;
}

/** Whether the site-wide end needs to know if the account has an eHerkenning identity (one query saved otherwise). */
export function needsIdentityCheck(site: SiteCutOff, now: Date): boolean {
  return site.passwordLoginScope === 'linkedOnly' && reached(site.passwordLoginUntil, now);
}
