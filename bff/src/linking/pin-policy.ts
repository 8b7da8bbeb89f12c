// The PIN of step (a) of the linking step (pure): its limits, how typed input is read, and why a
// try was refused. Made and hashed by pin-secret.ts; stored and counted atomically by
// pending-link-store.ts. Issue 13: valid 10 minutes, 5 tries, then the link
// attempt ends.
import { PIN_LENGTH } from '../../../contract/linking.js';
import type { RateLimitRule } from '../rate-limits/rate-limit-policy.js';

export const PIN_LIFETIME_MS = 10 * 60_000;
/** Wrong PINs, over all PINs of one link attempt, before the attempt ends. */
export const PIN_MAX_ATTEMPTS = 5;
/** PIN mails per link attempt: each needs the password again, but a mailbox is not a free channel. */
export const PIN_MAX_SENT = 3;
/**
 * PIN mails per account an hour, over all link attempts: someone who knows the password and starts
 * eHerkenning login after login neither floods the owner's mailbox nor collects PINs to guess.
 */
export const pinMailsPerAccount: RateLimitRule = { name: 'link-pin:user', limit: 5, windowMs: 60 * 60_000 };

const pinPattern = new RegExp(`^[0-9]{${PIN_LENGTH}}$`);

/**
 * What a person may type for a PIN: spaces and dashes between the digits, full-width digits from
 * an Asian keyboard (NFKC maps them). Undefined when what is left is not six ASCII digits.
 */
export function normalisePin(input: string): string | undefined {
  const digits = input.normalize('NFKC').replace(/[\s-]/g, '');
  return pinPattern.test(digits) ? digits : undefined;
}

export type PinRefusal = 'link_not_pending' | 'pin_expired' | 'pin_too_many_attempts';

/** Why a PIN could not be tried on this link attempt (the atomic check matched no row). */
export function pinRefusal(
  link: { endedAt: Date | null; expiresAt: Date; pinHash: string | null; pinExpiresAt: Date | null; pinAttempts: number },
  now: Date,
): PinRefusal {
  if (link.pinAttempts >= PIN_MAX_ATTEMPTS) return 'pin_too_many_attempts';
  if (link.endedAt || link.expiresAt <= now || !link.pinHash) return 'link_not_pending';
  return 'pin_expired';
}
