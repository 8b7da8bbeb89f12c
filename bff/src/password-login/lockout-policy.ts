// When an account is blocked (pure). The seed portal blocks after a few wrong passwords in a row
// until an admin or the service desk unblocks it, or the person resets the password (L06: a
// blocked victim can always recover through the mailbox they own).

export interface LockoutState {
  failedAttempts: number;
  lockedAt: Date | null;
}

export function isBlocked(state: LockoutState): boolean {
  return state.lockedAt !== null;
}

/** True when this failure (already counted in failedAttempts) is the one that blocks the account. */
export function failureBlocks(failedAttemptsAfter: number, maxFailedLogins: number): boolean {
  return failedAttemptsAfter === maxFailedLogins;
}
