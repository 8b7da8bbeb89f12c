// Client-side checks (pure), with the BFF's own limits (contract/passwords.ts) so people hear about
// a typo before a round trip. The BFF checks everything again; these only save time.
import { EMAIL_MAX } from '../../../contract/email-address.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from '../../../contract/passwords.js';

export type CheckKey = 'emailRequired' | 'emailLong' | 'emailInvalid' | 'passwordRequired' | 'passwordShort' | 'passwordLong' | 'passwordMismatch';

export function checkEmail(value: string): CheckKey | undefined {
  const v = value.trim();
  if (!v) return 'emailRequired';
  if (v.length > EMAIL_MAX) return 'emailLong';
  // Deliberately loose: one @, something on both sides, a dot in the domain. The BFF decides.
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'emailInvalid';
  return undefined;
}

export function checkCurrentPassword(value: string): CheckKey | undefined {
  return value ? undefined : 'passwordRequired';
}

export function checkNewPassword(value: string, repeated: string): CheckKey | undefined {
  const length = passwordLength(value);
  if (!value) return 'passwordRequired';
  if (length < PASSWORD_MIN) return 'passwordShort';
  if (length > PASSWORD_MAX) return 'passwordLong';
  if (value !== repeated) return 'passwordMismatch';
  return undefined;
}
