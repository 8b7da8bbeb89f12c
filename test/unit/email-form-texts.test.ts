// Every error code the account routes can return has a text in every widget language, so
// <poort-email-form> never shows a raw code or an English server message to a Dutch user.
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../bff/src/http/error-codes.js';
import en from '../../widget/locales/en.json';
import nlBE from '../../widget/locales/nl-BE.json';
import nl from '../../widget/locales/nl.json';

const accountCodes = [
  'invalid_credentials',
  'admin_requires_eherkenning',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'token_invalid',
  'token_used',
  'token_expired',
  'email_domain_not_allowed',
  'email_taken',
  'organisation_unknown',
] as const;
/** Codes any route may answer: a text in the shared `errors` table or the form's own `email.commonErrors`. */
const generalCodes = ['rate_limited', 'service_unavailable'] as const;

type Texts = { errors: Record<string, string>; email: { commonErrors: Record<string, string> } };

describe('texts for the account error codes', () => {
  for (const [locale, texts] of Object.entries({ nl, 'nl-BE': nlBE, en }) as Array<[string, Texts]>) {
    it(`${locale} has a text for every account error code and the general ones the form meets`, () => {
      for (const code of accountCodes) {
        expect(Object.keys(errorCodes), code).toContain(code);
        expect(texts.errors[code], `${locale} errors.${code}`).toBeTruthy();
      }
      for (const code of generalCodes) expect(texts.errors[code] || texts.email.commonErrors[code], `${locale} ${code}`).toBeTruthy();
      expect(texts.email.commonErrors.network).toBeTruthy();
      expect(texts.email.commonErrors.unknown).toBeTruthy();
    });
  }

  it('uses the Flemish words in nl-BE', () => {
    const flemish = JSON.stringify(nlBE.email);
    expect(flemish).toContain('Aanmelden');
    expect(flemish).toContain('E-mailadres');
    expect(flemish).toContain('Wachtwoord');
    expect(flemish).not.toMatch(/Inloggen/);
  });
});
