// The pure rules of linking: PINs and activation codes as people type them, the PIN's refusals,
// the identity key, and the return path that tells the widget to link.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashActivationCode, newActivationCode, normaliseActivationCode } from '../../bff/src/linking/activation-code-format.js';
import { withLinkPending } from '../../bff/src/linking/link-redirect.js';
import { PIN_MAX_ATTEMPTS, normalisePin, pinRefusal } from '../../bff/src/linking/pin-policy.js';
import { hashPin, newPin } from '../../bff/src/linking/pin-secret.js';
import { identityKey } from '../../bff/src/saml/identity-key.js';

const digit = fc.constantFrom(...'0123456789'.split(''));
const crockford = fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split(''));

describe('PIN', () => {
  it('is six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newPin()).toMatch(/^\d{6}$/);
  });
  it('accepts what a person types for six digits: spaces, dashes, full-width digits', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 6, maxLength: 6 }), fc.constantFrom('', ' ', '-', '  '), (digits, sep) => {
        const pin = digits.join('');
        expect(normalisePin(digits.join(sep))).toBe(pin);
        const fullWidth = [...pin].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
        expect(normalisePin(fullWidth)).toBe(pin);
      }),
    );
  });
  it('refuses anything whose final form is not exactly six ASCII digits', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = normalisePin(input);
        if (result !== undefined) expect(result).toMatch(/^[0-9]{6}$/);
      }),
    );
    for (const bad of ['12345', '1234567', '12a456', '١٢٣٤٥٦', '']) expect(normalisePin(bad), bad).toBeUndefined();
  });
  it('hashes per link attempt: the same PIN in two attempts differs', () => {
    expect(hashPin('a', '123456')).not.toBe(hashPin('b', '123456'));
    expect(hashPin('a', '123456')).toBe(hashPin('a', '123456'));
  });
  it('names why no try was possible: tries used up before anything else, then ended, then PIN expired', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const later = new Date(now.getTime() + 60_000);
    const live = { endedAt: null, expiresAt: later, pinHash: 'h', pinExpiresAt: later, pinAttempts: 0 };
    expect(pinRefusal({ ...live, pinAttempts: PIN_MAX_ATTEMPTS, endedAt: now }, now)).toBe('pin_too_many_attempts');
    expect(pinRefusal({ ...live, endedAt: now }, now)).toBe('link_not_pending');
    expect(pinRefusal({ ...live, expiresAt: now }, now)).toBe('link_not_pending');
    expect(pinRefusal({ ...live, pinHash: null }, now)).toBe('link_not_pending');
    expect(pinRefusal({ ...live, pinExpiresAt: now }, now)).toBe('pin_expired');
  });
});

describe('activation codes', () => {
  it('are made in four groups of four from the Crockford alphabet, and normalise to themselves', () => {
    for (let i = 0; i < 100; i++) {
      const code = newActivationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(normaliseActivationCode(code)).toBe(code.replace(/-/g, ''));
    }
  });
  it('read the same however they are typed: case, spaces, dashes, O for 0, I and L for 1, full width', () => {
    fc.assert(
      fc.property(fc.array(crockford, { minLength: 16, maxLength: 16 }), fc.constantFrom(' ', '-', ''), (chars, sep) => {
        const code = chars.join('');
        const typed = code
          .replace(/0/g, 'o')
          .replace(/1/g, 'l')
          .toLowerCase()
          .match(/.{4}/g)!
          .join(sep);
        expect(normaliseActivationCode(typed)).toBe(code);
        const fullWidth = [...code].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
        expect(normaliseActivationCode(fullWidth)).toBe(code);
      }),
    );
  });
  it('refuses what is not a code once normalised (U, wrong length, other characters)', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = normaliseActivationCode(input);
        if (result !== undefined) expect(result).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      }),
    );
    for (const bad of ['UUUU-UUUU-UUUU-UUUU', 'ABCD-EFGH-JKMN', 'ABCD-EFGH-JKMN-PQRS-T', 'ABCD_EFGH_JKMN_PQRS']) expect(normaliseActivationCode(bad), bad).toBeUndefined();
    expect(hashActivationCode('A'.repeat(16))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('identity key', () => {
  const identity = { subject: 'S-1', subjectQualifier: 'urn:etoegang:1.9:EntityConcernedID:Pseudo', vestigingsnummers: [] };
  it('is the authentication service that issued the pseudonym, whichever broker carried it', () => {
    expect(identityKey({ identity, authenticatingAuthority: 'urn:etoegang:AD:1:entities:1' })).toEqual({ scheme: 'eherkenning', issuer: 'urn:etoegang:AD:1:entities:1', subject: 'S-1' });
  });
  it('falls back to the NameQualifier, then to nothing', () => {
    expect(identityKey({ identity }).issuer).toBe('urn:etoegang:1.9:EntityConcernedID:Pseudo');
    expect(identityKey({ identity: { subject: 'S-1', vestigingsnummers: [] } }).issuer).toBe('');
  });
});

describe('the return path of a pending link', () => {
  it('adds poort-link=pending and keeps the rest of the path', () => {
    expect(withLinkPending('/mijn?tab=2#x', 'https://portaal.example')).toBe('/mijn?tab=2&poort-link=pending#x');
  });
});
