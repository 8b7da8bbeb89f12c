// Organisation domains are normalised first and the final value is judged: no way of writing a
// public mail domain (case, trailing dot, full-width letters, invisible characters, a subdomain)
// gets it accepted, and every way of writing a business domain gives the same stored value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainName, normaliseDomain } from '../../bff/src/accounts/email-domain.js';
import { parseOrganisationDomains } from '../../bff/src/accounts/organisation-domains.js';
import { isPublicMailDomain, publicMailDomainEntries } from '../../bff/src/accounts/public-mail-domains.js';
import { ApiError } from '../../bff/src/http/api-error.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.code : 'not an ApiError';
  }
}

/** Every listed domain, with `name.*` entries under a few real suffixes. */
const publicDomains = publicMailDomainEntries.flatMap((e) => (e.endsWith('.*') ? ['de', 'net', 'co.uk', 'com.br'].map((s) => `${e.slice(0, -1)}${s}`) : [e]));

const fullWidth = (ch: string) => (/[a-z0-9]/i.test(ch) ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch === '-' ? '\uff0d' : ch);
const dots = ['.', '\uff0e', '\u3002', '\uff61'];
const invisible = ['\u00ad', '\u200b', '\u2060', '\ufeff'];

/**
 * Ways of writing one domain that must all come back to it: each character in either case or
 * full width, dots as full-width or ideographic full stops, invisible characters in between,
 * optionally a leading @, a trailing dot and surrounding white space.
 */
function writtenAs(domain: string) {
  return fc
    .record({
      chars: fc.array(fc.record({ upper: fc.boolean(), wide: fc.boolean(), dot: fc.constantFrom(...dots), hidden: fc.option(fc.constantFrom(...invisible), { nil: undefined }) }), {
        minLength: domain.length,
        maxLength: domain.length,
      }),
      at: fc.boolean(),
      trailingDot: fc.boolean(),
      space: fc.constantFrom('', ' ', '\t', '  '),
    })
    .map(({ chars, at, trailingDot, space }) => {
      const body = [...domain]
        .map((ch, i) => {
          const how = chars[i]!;
          const shown = ch === '.' ? how.dot : how.wide ? fullWidth(how.upper ? ch.toUpperCase() : ch) : how.upper ? ch.toUpperCase() : ch;
          // An invisible character only inside a label: next to a dot it would make an empty label.
          return ch !== '.' && i > 0 && domain[i - 1] !== '.' && how.hidden ? `${how.hidden}${shown}` : shown;
        })
        .join('');
      return `${space}${at ? '@' : ''}${body}${trailingDot ? '.' : ''}${space}`;
    });
}

describe('normaliseDomain', () => {
  it('maps case, full width, ideographic dots, invisible characters, @ and the trailing dot away, and Unicode to punycode', () => {
    expect(normaliseDomain(' @ＧＭＡＩＬ。Com. ')).toBe('gmail.com');
    expect(normaliseDomain('gm\u00adail.com')).toBe('gmail.com');
    expect(normaliseDomain('Bücherei.Gemeente.be')).toBe('xn--bcherei-n2a.gemeente.be');
    expect(normaliseDomain('not a domain')).toBe('');
  });

  it('gives every written form of a valid domain name back as that name (property)', () => {
    fc.assert(
      fc.property(
        fc.domain().chain((d) => fc.tuple(fc.constant(d), writtenAs(d))),
        ([domain, written]) => {
          expect(isDomainName(domain)).toBe(true);
          expect(normaliseDomain(written)).toBe(domain);
          expect(parseOrganisationDomains([written])).toEqual(isPublicMailDomain(domain) ? expect.anything() : [domain]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('public mail domains as organisation domains', () => {
  it('refuses every listed domain and its subdomains, however written, with public_mail_domain (property)', () => {
    const publicWritten = fc
      .tuple(fc.constantFrom(...publicDomains), fc.option(fc.domain().map((d) => d.split('.')[0]!), { nil: undefined }))
      .map(([domain, sub]) => (sub ? `${sub}.${domain}` : domain))
      .chain((domain) => fc.tuple(fc.constant(domain), writtenAs(domain), fc.array(fc.domain(), { maxLength: 3 })));
    fc.assert(
      fc.property(publicWritten, ([domain, written, others]) => {
        expect(isPublicMailDomain(normaliseDomain(written))).toBe(true);
        expect(codeOf(() => parseOrganisationDomains([...others, written]))).toBe('public_mail_domain');
        expect(codeOf(() => parseOrganisationDomains([...others, written].join(',')))).toBe('public_mail_domain');
        expect(normaliseDomain(written)).toBe(domain);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a name.* entry under any country or generic suffix, not under a longer business name', () => {
    expect(isPublicMailDomain('gmx.at')).toBe(true);
    expect(isPublicMailDomain('gmx.co.uk')).toBe(true);
    expect(isPublicMailDomain('yahoo.com.br')).toBe(true);
    expect(isPublicMailDomain('gmx.gemeente.nl')).toBe(false);
    expect(isPublicMailDomain('gmxnet.nl')).toBe(false);
    expect(isPublicMailDomain('notgmail.com')).toBe(false);
  });

  it('accepts business domains, and refuses what is not a domain name with invalid_request', () => {
    expect(parseOrganisationDomains('Gemeente.nl, @provincie.be ,gemeente.nl')).toEqual(['gemeente.nl', 'provincie.be']);
    for (const bad of ['not a domain', 'localhost', '1.2.3.4', 'a..b.nl', '-a.nl', ',', '']) expect(codeOf(() => parseOrganisationDomains([bad]))).toBe('invalid_request');
  });

  it('lists only normalised domain names (and name.* entries), so an entry added in another form still counts', () => {
    for (const entry of publicMailDomainEntries) {
      const domain = entry.endsWith('.*') ? `${entry.slice(0, -2)}.nl` : entry;
      expect(normaliseDomain(domain), entry).toBe(domain);
      expect(isDomainName(domain), entry).toBe(true);
    }
  });

  it('covers the providers people in the Netherlands and Flanders use most', () => {
    for (const d of ['gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'proton.me', 'protonmail.com', 'gmx.net', 'web.de']) expect(isPublicMailDomain(d), d).toBe(true);
    for (const d of ['telenet.be', 'skynet.be', 'ziggo.nl', 'kpnmail.nl', 'hetnet.nl', 'planet.nl', 'xs4all.nl', 'home.nl']) expect(isPublicMailDomain(d), d).toBe(true);
  });
});
