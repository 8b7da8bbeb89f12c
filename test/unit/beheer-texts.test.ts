// The Beheer page's texts: every key in every language, and the filter form's days as instants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../../widget/locales/beheer/en.json';
import nlBE from '../../widget/locales/beheer/nl-BE.json';
import nl from '../../widget/locales/beheer/nl.json';
import { auditFilterQuery, localDayStart } from '../../widget/src/beheer/audit-filters.js';
import { addressDomain, inAllowedDomain } from '../../widget/src/beheer/email-domain-check.js';
import { emailDomain, isDomainAllowed, isDomainName } from '../../bff/src/accounts/email-domain.js';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('Beheer texts', () => {
  const all = { nl: nl as Tree, 'nl-BE': nlBE as Tree, en: en as Tree };
  const union = [...new Set(Object.values(all).flatMap((t) => keys(t)))].sort();
  for (const [locale, tree] of Object.entries(all)) {
    it(`${locale} has every key, none empty`, () => {
      expect(keys(tree).sort()).toEqual(union);
    });
  }
});

describe('audit filter form', () => {
  it('turns days into local midnights, "to" including its whole day, and drops empty fields', () => {
    const query = auditFilterQuery({ from: '2026-06-01', to: '2026-06-01', person: '  sanne ', organisation: '', type: 'login', outcome: '', method: '', level: '', application: '' });
    expect(query).toEqual({ from: new Date(2026, 5, 1).toISOString(), to: new Date(2026, 5, 2).toISOString(), person: 'sanne', type: 'login' });
  });
  it('ignores a day that is not one', () => {
    expect(localDayStart('gisteren')).toBe('');
  });
});

describe('the invite form’s domain check', () => {
  it('agrees with the BFF on which addresses are in an organisation’s domains', () => {
    const unit = fc.constantFrom('a', 'B', '-', '.', 'ö', 'Ｇ', '。', '@', ' ', 'x', 'n', 'l');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), fc.string({ unit, maxLength: 12 }), (local, domain) => {
        const email = `${local}@${domain}`;
        // Organisations' domains are stored normalised and valid (organisation-domains.ts).
        const allowed = [emailDomain(email)].filter(isDomainName);
        if (allowed.length) expect(inAllowedDomain(email, allowed)).toBe(isDomainAllowed(email, allowed));
        expect(inAllowedDomain(email, ['gemeente.example.nl'])).toBe(isDomainAllowed(email, ['gemeente.example.nl']));
      }),
    );
    const label = fc.string({ unit: fc.constantFrom('a', 'B', 'ö', 'Ｇ', 'é'), minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(label, label, fc.constantFrom('.', '。'), fc.boolean(), (a, b, dot, trailing) => {
        const email = ` piet@${a}${dot}${b}${trailing ? '.' : ''} `;
        const allowed = [emailDomain(email)];
        expect(inAllowedDomain(email, allowed)).toBe(true);
        expect(inAllowedDomain(email, allowed)).toBe(isDomainAllowed(email, allowed));
      }),
    );
    expect(addressDomain('sanne@GEMEENTE.example.nl.')).toBe('gemeente.example.nl');
  });
});
