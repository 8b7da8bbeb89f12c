// How many logins failed in this browser tab, so the form can explain the lockout in time (issue
// 10, item 13). Counted for every refused login alike, whatever the address: the BFF's one answer
// (invalid_credentials) says nothing about whether an account exists, and neither does this.
// Kept in sessionStorage so a reload does not reset it; only a number, nothing secret.
import type { LockoutSettings } from '../../../contract/api-schemas.js';

const KEY = 'poort-failed-logins';

export function readFailedLogins(storage: Storage | undefined = sessionStorageOrNothing()): number {
  const value = Number(storage?.getItem(KEY) ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function countFailedLogin(storage: Storage | undefined = sessionStorageOrNothing()): number {
  const count = readFailedLogins(storage) + 1;
  storage?.setItem(KEY, String(count));
  return count;
}

export function forgetFailedLogins(storage: Storage | undefined = sessionStorageOrNothing()): void {
  storage?.removeItem(KEY);
}

/** True once this browser reached the configured number of failed logins. */
export function shouldExplainLockout(failed: number, settings: LockoutSettings | undefined): settings is LockoutSettings {
  return !!settings && failed >= settings.lockoutNoticeAfter;
}

/** Storage can be switched off or throw (privacy settings, sandboxed frames): then count nothing. */
function sessionStorageOrNothing(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
