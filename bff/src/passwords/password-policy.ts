// Which passwords Poort accepts (pure). ASVS 2.1: at least 12 characters, up to 128 at least,
// no composition rules, and not one of the passwords attackers try first.
import { isCommonPassword } from './common-passwords.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

/**
 * Passwords are normalised to Unicode NFC before they are checked, hashed or verified, so the
 * same password typed on a keyboard that composes "é" differently still matches. Nothing else is
 * changed: spaces (also leading and trailing) and emoji count and are kept; nothing is truncated.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in characters as people count them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...normalisePassword(password)].length;
}

export function checkNewPassword(password: string, context: { email?: string | null } = {}): PasswordProblem | undefined {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return 'password_too_short';
  if (length > PASSWORD_MAX) return 'password_too_long';
  if (isCommonPassword(password)) return 'password_too_common';
  // Their own e-mail address (or its name part, made long by repetition) is the first guess.
  const email = context.email?.toLowerCase();
  const lowered = normalisePassword(password).toLowerCase();
  if (!email) return undefined;
  const name = email.split('@')[0]!;
  if (lowered === email || (lowered.startsWith(name) && onlyDigitsOrSymbolsAfter(lowered, name))) return 'password_too_common';
  return undefined;
}

function onlyDigitsOrSymbolsAfter(password: string, prefix: string): boolean {
  return prefix.length >= 3 && /^[^\p{L}]*$/u.test(password.slice(prefix.length));
}
