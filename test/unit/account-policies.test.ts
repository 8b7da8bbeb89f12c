// The pure rules behind local accounts: password policy, lockout, e-mail domains, rate-limit
// keys, mail retries, mail texts and links.
import { describe, expect, it } from 'vitest';
import { accountLink } from '../../bff/src/accounts/account-links.js';
import { emailDomain, isDomainAllowed, parseDomainList } from '../../bff/src/accounts/email-domain.js';
import { failureBlocks, isBlocked } from '../../bff/src/password-login/lockout-policy.js';
import { notificationAddress } from '../../bff/src/accounts/notification-address.js';
import { composeMail, describeDuration, mailKinds } from '../../bff/src/mail/mail-texts.js';
import { locales } from '../../contract/locales.js';
import { mailLocale } from '../../bff/src/mail/mail-locale.js';
import { MAX_MAIL_ATTEMPTS, nextMailAttempt } from '../../bff/src/mail/retry-policy.js';
import { isCommonPassword } from '../../bff/src/passwords/common-passwords.js';
import { needsRehash } from '../../bff/src/passwords/password-hash.js';
import { passwordLength } from '../../contract/passwords.js';
import { checkNewPassword } from '../../bff/src/passwords/password-policy.js';
import { clientNetwork, isOverLimit, rateLimitKey, rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';

describe('password policy', () => {
  it.each([
    ['elf tekens!', 'password_too_short'],
    ['twaalf tekens', undefined],
    ['x'.repeat(128).replace(/x/g, (_, i) => String.fromCharCode(97 + (i % 26))), undefined],
    ['a'.repeat(129), 'password_too_long'],
    ['🐴🔋📎🧱🐴🔋📎🧱🐴🔋📎🧱', undefined],
    ['Password123!', 'password_too_common'],
    ['WACHTWOORD2026!!', 'password_too_common'],
    ['welkomwelkom', 'password_too_common'],
    ['aaaaaaaaaaaaaaaa', 'password_too_common'],
    ['1234567890123456', 'password_too_common'],
    ['qwertyuiopasdf', 'password_too_common'],
    ['zon op de Waddenzee', undefined],
  ])('%s → %s', (password, problem) => {
    expect(checkNewPassword(password)).toBe(problem);
  });
  it('counts characters, not UTF-16 units: twelve emoji are twelve characters', () => {
    expect(passwordLength('🐴'.repeat(12))).toBe(12);
    expect(checkNewPassword('🐴'.repeat(11))).toBe('password_too_short');
  });
  it('refuses the address itself or its name with digits added', () => {
    expect(checkNewPassword('jan.de.vries@gemeente.nl', { email: 'jan.de.vries@gemeente.nl' })).toBe('password_too_common');
    expect(checkNewPassword('jan.de.vries2026!', { email: 'jan.de.vries@gemeente.nl' })).toBe('password_too_common');
    expect(checkNewPassword('jan.de.vries fietst graag', { email: 'jan.de.vries@gemeente.nl' })).toBeUndefined();
  });
  it('bundles a list that includes Dutch favourites', () => {
    for (const p of ['wachtwoord', 'Welkom01', 'voetbal', 'Feyenoord1908']) expect(isCommonPassword(p), p).toBe(true);
  });
  it('asks for a new hash when the parameters are weaker than today', () => {
    expect(needsRehash('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });
});

describe('lockout policy', () => {
  it('blocks exactly at the configured failure, once', () => {
    expect([4, 5, 6].map((n) => failureBlocks(n, 5))).toEqual([false, true, false]);
    expect(isBlocked({ failedAttempts: 0, lockedAt: new Date() })).toBe(true);
    expect(isBlocked({ failedAttempts: 9, lockedAt: null })).toBe(false);
  });
});

describe('business e-mail domains', () => {
  it('matches the exact domain, case-insensitively, never a subdomain or a look-alike', () => {
    const allowed = ['Gemeente.nl', '@provincie.be'];
    expect(isDomainAllowed('Jan@GEMEENTE.NL', allowed)).toBe(true);
    expect(isDomainAllowed('an@provincie.be', allowed)).toBe(true);
    expect(isDomainAllowed('jan@mail.gemeente.nl', allowed)).toBe(false);
    expect(isDomainAllowed('jan@gemeente.nl.evil.com', allowed)).toBe(false);
    expect(isDomainAllowed('jan@evilgemeente.nl', allowed)).toBe(false);
    expect(isDomainAllowed('geen-adres', allowed)).toBe(false);
    expect(emailDomain('a@b@Voorbeeld.NL')).toBe('voorbeeld.nl');
  });
  it('parses a comma-separated list and refuses what is not a domain', () => {
    expect(parseDomainList(' a.nl, B.be ,a.nl')).toEqual(['a.nl', 'b.be']);
    expect(() => parseDomainList('a.nl, geen domein')).toThrow(/geen domein/);
  });
});

describe('notification address', () => {
  it('is the separate address only once confirmed', () => {
    const user = { email: 'a@gemeente.nl', notificationEmail: 'team@gemeente.nl', notificationEmailVerifiedAt: null };
    expect(notificationAddress(user)).toBe('a@gemeente.nl');
    expect(notificationAddress({ ...user, notificationEmailVerifiedAt: new Date() })).toBe('team@gemeente.nl');
  });
});

describe('rate-limit keys', () => {
  it('counts an IPv6 /64 as one client and IPv4-mapped addresses as IPv4', () => {
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientNetwork('192.0.2.7')).toBe('192.0.2.7');
    expect(clientNetwork(null)).toBe('unknown');
  });
  it('keys case-insensitively and allows exactly the limit', () => {
    expect(rateLimitKey(rateLimitRules.forgotPerEmail, 'A@B.nl')).toBe('forgot:email:a@b.nl');
    expect(isOverLimit(3, rateLimitRules.forgotPerEmail)).toBe(false);
    expect(isOverLimit(4, rateLimitRules.forgotPerEmail)).toBe(true);
  });
});

describe('mail', () => {
  it('retries after 1, 2, 4 … minutes, at most an hour apart', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect([1, 2, 3, 7, 11].map((n) => (nextMailAttempt(n, now).getTime() - now.getTime()) / 60_000)).toEqual([1, 2, 4, 60, 60]);
    expect(MAX_MAIL_ATTEMPTS).toBeGreaterThan(5);
  });
  it('has every mail in every locale, with the link in it', () => {
    for (const locale of locales) {
      for (const kind of mailKinds) {
        const values = { siteName: 'Portaal', link: 'https://portaal.example/account/?poort-reset=abc', validFor: describeDuration(30 * 60_000, locale), pin: '042137', account: 'a@school.nl', organisation: 'De Regenboog' };
        const mail = composeMail(kind, locale, values);
        expect(mail.subject, `${locale} ${kind}`).toContain('Portaal');
        if (kind === 'link_pin') expect(mail.text).toMatch(/^042137$/m);
        else if (kind !== 'password_changed') expect(mail.text).toContain('https://portaal.example/account/?poort-reset=abc');
        if (kind === 'password_reset_contact') expect(mail.text).toContain('a@school.nl');
      }
    }
    expect(mailLocale('fr')).toBe('nl');
  });
  it('phrases durations per language', () => {
    expect(describeDuration(7 * 24 * 3_600_000, 'nl')).toBe('7 dagen');
    expect(describeDuration(30 * 60_000, 'en')).toBe('30 minutes');
    expect(describeDuration(24 * 3_600_000, 'nl-BE')).toBe('24 uur');
  });
  it('builds links on the configured public URL, never on the request', () => {
    expect(accountLink('https://portaal.example', '/account/', 'reset', 'a+b', 'nl')).toBe('https://portaal.example/account/?poort-lang=nl&poort-reset=a%2Bb');
  });
  it('carries the mail\'s language in the link, beside a query the account page already has', () => {
    expect(accountLink('https://portaal.example', '/vl/account?site=1', 'invitation', 'abc', 'nl-BE')).toBe(
      'https://portaal.example/vl/account?site=1&poort-lang=nl-BE&poort-invitation=abc',
    );
  });
});
