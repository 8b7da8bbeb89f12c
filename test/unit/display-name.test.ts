// The company name from an eHerkenning answer is shown, never trusted: normalised first (one
// value, control characters and runs of space made one space, trimmed, capped), then shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPANY_NAME_MAX, displayName } from '../../bff/src/saml/eherkenning-attributes.js';
import { EMAIL_MAX } from '../../contract/email-address.js';
import { checkEmail } from '../../widget/src/email-form/form-checks.js';

describe('displayName (the represented company, for display)', () => {
  it('never holds a control character, edge or double space, or more than the maximum, and is stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (value) => {
        const name = displayName([{ value }]);
        if (name === undefined) return;
        expect([...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')).toBe(false);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/\s{2}/);
        expect([...name].length).toBeLessThanOrEqual(COMPANY_NAME_MAX);
        expect(displayName([{ value: name }])).toBe(name);
      }),
    );
  });

  it('is absent for no value, a blank one, or several', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), (values) => {
        expect(displayName(values.map((value) => ({ value })))).toBeUndefined();
      }),
    );
    expect(displayName(undefined)).toBeUndefined();
    expect(displayName([{ value: '\u0000 \t\n' }])).toBeUndefined();
  });
});

describe('the e-mail form\'s length check', () => {
  it('says "too long" for every address over the contract\'s limit once trimmed, before any other check', () => {
    fc.assert(
      fc.property(fc.string({ minLength: EMAIL_MAX + 1, maxLength: 6000 }), fc.string({ maxLength: 3 }).map((s) => s.replace(/\S/g, ' ')), (value, pad) => {
        fc.pre(value.trim().length > EMAIL_MAX);
        expect(checkEmail(pad + value + pad)).toBe('emailLong');
      }),
    );
  });

  it('lets an address of exactly the limit through to the format check', () => {
    const local = 'a'.repeat(64);
    const address = `${local}@${'b'.repeat(EMAIL_MAX - local.length - 4)}.nl`;
    expect(address).toHaveLength(EMAIL_MAX);
    expect(checkEmail(address)).toBeUndefined();
    expect(checkEmail(`${address}x`)).toBe('emailLong');
  });
});
