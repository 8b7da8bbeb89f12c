// Activation codes as people read them from a letter and type them (pure). Crockford base32: no
// I, L, O or U, so nothing reads as another character; what people type for those is mapped.
import { createHash, randomInt } from 'node:crypto';
import { ACTIVATION_CODE_LENGTH } from '../../../contract/linking.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new code of 80 random bits, in groups of four: `7K3M-Q9TA-…`. */
export function newActivationCode(): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) code += ALPHABET[randomInt(0, ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/**
 * The one form a code is hashed in: NFKC (full-width letters), upper case, spaces and dashes
 * dropped, O → 0 and I, L → 1. Undefined when the result is not a code at all.
 */
export function normaliseActivationCode(input: string): string | undefined {
  const code = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return code.length === ACTIVATION_CODE_LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) ? code : undefined;
}

/** SHA-256 of the normalised code, hex: 80 random bits need no slow hash. */
export function hashActivationCode(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}
