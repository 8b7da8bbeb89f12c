// Client-side checks (pure), mirroring the BFF's rules so people hear about a typo before a round
// trip. The BFF checks everything again; these only save time.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type CheckKey = 'emailRequired' | 'emailInvalid' | 'passwordRequired' | 'passwordShort' | 'passwordLong' | 'passwordMismatch';

export function checkEmail(value: string): CheckKey | undefined {
  const v = value.trim();
  if (!v) return 'emailRequired';
  // Deliberately loose: one @, something on both sides, a dot in the domain. The BFF decides.
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'emailInvalid';
  return undefined;
}

export function checkCurrentPassword(value: string): CheckKey | undefined {
  return value ? undefined : 'passwordRequired';
}

export function checkNewPassword(value: string, repeated: string): CheckKey | undefined {
  const length = [...value.normalize('NFC')].length;
  if (!value) return 'passwordRequired';
  if (length < PASSWORD_MIN) return 'passwordShort';
  if (length > PASSWORD_MAX) return 'passwordLong';
  if (value !== repeated) return 'passwordMismatch';
  return undefined;
}
