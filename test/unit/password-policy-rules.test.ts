// The edges of the password policy (password-policy.ts) that hand-made mutants showed untested
// (issue 12 §4): Unicode normalisation before counting and comparing, and the precise shape of
// the "own e-mail address" rule.
import { describe, expect, it } from 'vitest';
import { normalisePassword, passwordLength } from '../../contract/passwords.js';
import { checkNewPassword } from '../../bff/src/passwords/password-policy.js';

const nfd = (s: string) => s.normalize('NFD');

describe('normalisation', () => {
  it('composes characters (NFC) and changes nothing else', () => {
    expect(normalisePassword(nfd('crème brûlée'))).toBe('crème brûlée');
    // Compatibility characters are what the person typed: NFKC would fold them, NFC keeps them.
    expect(normalisePassword('ﬁets Ａ²')).toBe('ﬁets Ａ²');
    expect(normalisePassword('  spaties  ')).toBe('  spaties  ');
  });

  it('counts the length after composing, so decomposed accents are not extra characters', () => {
    expect(nfd('crème brûlé')).toHaveLength(14);
    expect(passwordLength(nfd('crème brûlé'))).toBe(11);
    expect(checkNewPassword(nfd('crème brûlé'))).toBe('password_too_short');
    expect(checkNewPassword(nfd('crème brûlée'))).toBeUndefined();
  });
});

describe('the own e-mail address', () => {
  const email = 'jan.de.vries@gemeente.nl';

  it('is recognised whatever the case of the address or the password', () => {
    expect(checkNewPassword('jan.de.vries2026!', { email: 'Jan.de.Vries@Gemeente.NL' })).toBe('password_too_common');
    expect(checkNewPassword('JAN.DE.VRIES2026!', { email })).toBe('password_too_common');
  });

  it('is recognised when the password is typed with decomposed accents', () => {
    expect(checkNewPassword(nfd('rené.dupont2026'), { email: 'rené.dupont@gemeente.nl' })).toBe('password_too_common');
  });

  it('is the name alone too, with nothing added', () => {
    expect(checkNewPassword('jan.de.vries.fietser', { email: 'jan.de.vries.fietser@gemeente.nl' })).toBe('password_too_common');
  });

  it('is only the name at the start followed by digits or symbols: a letter after it makes another password', () => {
    expect(checkNewPassword('jan.de.vriesx2026', { email })).toBeUndefined();
    expect(checkNewPassword('Zon2024!!2024', { email: '2024@gemeente.nl' })).toBeUndefined();
    expect(checkNewPassword('2024!!2024zon', { email: '2024@gemeente.nl' })).toBeUndefined();
  });

  it('counts a name of three characters or more, not of two', () => {
    expect(checkNewPassword('abc123456789', { email: 'abc@gemeente.nl' })).toBe('password_too_common');
    expect(checkNewPassword('ab1234567890', { email: 'ab@gemeente.nl' })).toBeUndefined();
  });

  it('applies only when an address is known', () => {
    expect(checkNewPassword('jan.de.vries2026!')).toBeUndefined();
    expect(checkNewPassword('jan.de.vries2026!', { email: null })).toBeUndefined();
  });
});
