// Making and hashing the PIN of the linking step (node:crypto, so not in the pure pin-policy.ts).
import { createHash, randomInt } from 'node:crypto';
import { PIN_LENGTH } from '../../../contract/linking.js';

/** Six random digits, leading zeros included (uniform: randomInt draws without modulo bias). */
export function newPin(): string {
  return randomInt(0, 10 ** PIN_LENGTH)
    .toString()
    .padStart(PIN_LENGTH, '0');
}

/**
 * Stored as SHA-256 over the link attempt's id and the PIN: the same PIN in two attempts hashes
 * differently. Six digits are guessable from a stolen hash, which is why the PIN also ends after
 * 10 minutes and 5 tries, and only ever opens the one pending link it was made for.
 */
export function hashPin(pendingLinkId: string, pin: string): string {
  return createHash('sha256').update(`${pendingLinkId}:${pin}`).digest('hex');
}
