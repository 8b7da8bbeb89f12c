// Which passwords Poort accepts (pure). ASVS 2.1: at least 12 characters, up to 128 at least,
// no composition rules, and not one of the passwords attackers try first.
// The length limits and the normalisation are shared with the e-mail form (contract/passwords.ts).
import { PASSWORD_MAX, PASSWORD_MIN, normalisePassword, passwordLength } from '../../../contract/passwords.js';
import { isCommonPassword } from './common-passwords.js';

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

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
