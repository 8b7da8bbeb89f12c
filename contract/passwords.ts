// Password length rules (ASVS 2.1: at least 12 characters, up to at least 128). The BFF decides;
// the e-mail form checks the same numbers first so people hear about a typo before a round trip.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Passwords are normalised to Unicode NFC before they are counted, checked, hashed or verified, so
 * the same password typed on a keyboard that composes "é" differently still matches. Nothing else
 * is changed: spaces (also leading and trailing) and emoji count and are kept; nothing is truncated.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in characters as people count them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...normalisePassword(password)].length;
}
