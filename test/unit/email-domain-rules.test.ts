// The edges of the business e-mail domain rules (email-domain.ts) that hand-made mutants showed
// untested (issue 12 §4): every boundary of a domain name by one, an empty entry in a domain
// list, and the parts of an address that normalisation must and must not touch.
import { describe, expect, it } from 'vitest';
import { emailDomain, isDomainAllowed, isDomainName, normaliseDomain, normaliseEmail, parseDomainList } from '../../bff/src/accounts/email-domain.js';

const label = (length: number, ch = 'a') => ch.repeat(length);
/** A domain name of exactly `length` characters, in labels of at most 63. */
const domainOfLength = (length: number) => `${label(63)}.${label(63, 'b')}.${label(63, 'c')}.${label(length - 3 * 64 - 3, 'd')}.nl`;

describe('normalising addresses and domains', () => {
  it('trims an address and lowers its case, nothing else', () => {
    expect(normaliseEmail('  Jan.de.Vries@Gemeente.NL \n')).toBe('jan.de.vries@gemeente.nl');
    expect(normaliseEmail('jan+post@gemeente.nl')).toBe('jan+post@gemeente.nl');
  });

  it('reads the domain after the last @, also when the local part is empty', () => {
    expect(emailDomain('@Gemeente.NL')).toBe('gemeente.nl');
    expect(emailDomain('"a@b"@gemeente.nl')).toBe('gemeente.nl');
    expect(emailDomain('geen-adres')).toBe('');
  });

  it('drops only a leading @ and only a trailing dot', () => {
    expect(normaliseDomain(' @gemeente.nl. ')).toBe('gemeente.nl');
    expect(normaliseDomain('jan@gemeente.nl')).toBe('');
    expect(normaliseDomain('gemeente.nl.')).toBe('gemeente.nl');
    expect(normaliseDomain('www.gemeente.nl')).toBe('www.gemeente.nl');
  });
});

describe('allowed domains', () => {
  it('never allows an address without a domain, even when the list holds an empty entry', () => {
    expect(isDomainAllowed('geen-adres', ['', 'gemeente.nl'])).toBe(false);
    expect(isDomainAllowed('jan@', [' '])).toBe(false);
    expect(isDomainAllowed('jan@gemeente.nl', ['', 'gemeente.nl'])).toBe(true);
  });

  it('normalises the listed domains as it does the address', () => {
    expect(isDomainAllowed('jan@gemeente.nl', [' @Gemeente.NL. '])).toBe(true);
  });
});

describe('what a domain name is', () => {
  it('is at most 253 characters long', () => {
    expect(domainOfLength(253)).toHaveLength(253);
    expect(isDomainName(domainOfLength(253))).toBe(true);
    expect(isDomainName(domainOfLength(254))).toBe(false);
  });

  it('has labels of 1 to 63 characters that neither start nor end with a hyphen', () => {
    expect(isDomainName(`${label(63)}.nl`)).toBe(true);
    expect(isDomainName(`${label(64)}.nl`)).toBe(false);
    expect(isDomainName('a.nl')).toBe(true);
    expect(isDomainName('ge-meente.nl')).toBe(true);
    expect(isDomainName('gemeente-.nl')).toBe(false);
    expect(isDomainName('-gemeente.nl')).toBe(false);
    expect(isDomainName('gemeente..nl')).toBe(false);
  });

  it('ends in a top level of 2 to 63 letters, or a punycode one', () => {
    expect(isDomainName('gemeente.n')).toBe(false);
    expect(isDomainName('gemeente.nl')).toBe(true);
    expect(isDomainName(`gemeente.${label(63, 'z')}`)).toBe(true);
    expect(isDomainName(`gemeente.${label(64, 'z')}`)).toBe(false);
    expect(isDomainName('gemeente.n1')).toBe(false);
    expect(isDomainName('gemeente.123')).toBe(false);
    expect(isDomainName(normaliseDomain('voorbeeld.рф'))).toBe(true);
    expect(isDomainName(`voorbeeld.xn--${label(59, 'p')}`)).toBe(true);
    expect(isDomainName(`voorbeeld.xn--${label(60, 'p')}`)).toBe(false);
  });

  it('has at least two labels', () => {
    expect(isDomainName('nl')).toBe(false);
    expect(isDomainName('localhost')).toBe(false);
  });
});

describe('domain lists', () => {
  it('skips empty entries and keeps each domain once, in the order given', () => {
    expect(parseDomainList('b.nl, ,a.nl,, B.NL,')).toEqual(['b.nl', 'a.nl']);
    expect(parseDomainList(['', ' a.nl '])).toEqual(['a.nl']);
    expect(parseDomainList('')).toEqual([]);
  });

  it('names the entry that is not a domain', () => {
    expect(() => parseDomainList(['a.nl', ' intranet '])).toThrow('not a domain name: intranet');
  });
});
