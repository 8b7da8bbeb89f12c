// How a finished login counts in the funnel: completed, cancelled by the person (at the broker),
// or failed. Pure, so the mapping is tested without a server.

export type LoginResult = 'completed' | 'cancelled' | 'failed';

/** The broker's AuthnFailed status is how eHerkenning brokers report "the person stopped". */
const CANCELLED_REASONS = new Set(['status_AuthnFailed']);

export function loginResult(outcome: string, reason: string | null | undefined): LoginResult {
  if (outcome === 'success') return 'completed';
  return reason && CANCELLED_REASONS.has(reason) ? 'cancelled' : 'failed';
}

/**
 * A label value from a reason code. Codes are Poort's own, but a label must stay a small set
 * whatever arrives: anything that is not a plain code becomes "other".
 */
export function reasonLabel(reason: string | null | undefined): string {
  if (!reason) return 'none';
  return /^[a-z][a-zA-Z0-9_]{0,63}$/.test(reason) ? reason : 'other';
}
