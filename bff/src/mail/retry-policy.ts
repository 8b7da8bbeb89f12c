// When to try a failed mail again (pure): 1, 2, 4, ... minutes, at most an hour apart, and give up
// after 12 attempts (about half a day), leaving the mail in the outbox with its last error.
export const MAX_MAIL_ATTEMPTS = 12;

export function nextMailAttempt(attemptsSoFar: number, now: Date): Date {
  const minutes = Math.min(60, 2 ** Math.max(0, attemptsSoFar - 1));
  return new Date(now.getTime() + minutes * 60_000);
}

/** How long a claimed mail stays invisible to other instances while one of them sends it. */
export const MAIL_CLAIM_MS = 2 * 60_000;
