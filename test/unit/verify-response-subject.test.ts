// checkSubject (verify-response.ts) on its own. In the ACS node-saml refuses a stale confirmation
// before Poort's own time checks run, and no ACS test sends an assertion without a Subject or
// SubjectConfirmationData, so mutation testing found these checks unguarded by the end-to-end
// tests; here each refusal is reached and its reason named.
import { describe, expect, it } from 'vitest';
import { checkSubject } from '../../bff/src/saml/verify-response.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const acsUrl = 'https://portaal.example.nl/poort/auth/eherkenning/acs';
const requestId = '_request-1';
const now = new Date('2026-12-01T12:00:00.000Z');
const skewMs = 60_000;
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

interface DataShape {
  recipient?: string;
  inResponseTo?: string;
  notOnOrAfter?: string | null;
  notBefore?: string;
}
const data = ({ recipient = acsUrl, inResponseTo = requestId, notOnOrAfter = at(300_000), notBefore }: DataShape = {}) =>
  `<saml:SubjectConfirmationData Recipient="${recipient}" InResponseTo="${inResponseTo}"` +
  (notOnOrAfter === null ? '' : ` NotOnOrAfter="${notOnOrAfter}"`) +
  (notBefore ? ` NotBefore="${notBefore}"` : '') +
  '/>';
const confirmation = (inner = data(), method = BEARER) => `<saml:SubjectConfirmation Method="${method}">${inner}</saml:SubjectConfirmation>`;
const assertion = (subject: string | null = `<saml:Subject><saml:NameID>x</saml:NameID>${confirmation()}</saml:Subject>`) =>
  parseXmlStrict(`<saml:Assertion xmlns:saml="${SAML}">${subject ?? ''}</saml:Assertion>`).documentElement!;
const subjectWith = (inner: string) => assertion(`<saml:Subject><saml:NameID>x</saml:NameID>${inner}</saml:Subject>`);
const check = (a: Element) => checkSubject(a, requestId, acsUrl, now, skewMs);
const refusedWith = (reason: string) => expect.objectContaining({ name: 'SamlError', reason });

describe('checkSubject', () => {
  it('returns NotOnOrAfter of the one bearer confirmation (the control case)', () => {
    expect(check(assertion())).toEqual(new Date(at(300_000)));
  });

  it('refuses an assertion without a Subject', () => {
    expect(() => check(assertion(null))).toThrow(refusedWith('subject_missing'));
  });

  it('counts only bearer confirmations, and wants exactly one', () => {
    const holderOfKey = confirmation(data(), 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key');
    expect(() => check(subjectWith(holderOfKey))).toThrow(refusedWith('subject_confirmation_invalid'));
    expect(() => check(subjectWith(confirmation() + confirmation()))).toThrow(refusedWith('subject_confirmation_invalid'));
    expect(check(subjectWith(holderOfKey + confirmation()))).toEqual(new Date(at(300_000)));
  });

  it('refuses a bearer confirmation without SubjectConfirmationData', () => {
    expect(() => check(subjectWith(confirmation('')))).toThrow(refusedWith('subject_confirmation_invalid'));
  });

  it('refuses another Recipient and another request', () => {
    expect(() => check(subjectWith(confirmation(data({ recipient: 'https://other.example/acs' }))))).toThrow(refusedWith('recipient_mismatch'));
    expect(() => check(subjectWith(confirmation(data({ inResponseTo: '_other' }))))).toThrow(refusedWith('in_response_to_mismatch'));
  });

  it('refuses a confirmation without a readable NotOnOrAfter', () => {
    expect(() => check(subjectWith(confirmation(data({ notOnOrAfter: null }))))).toThrow(refusedWith('subject_confirmation_invalid'));
    expect(() => check(subjectWith(confirmation(data({ notOnOrAfter: 'tomorrow' }))))).toThrow(refusedWith('subject_confirmation_invalid'));
  });

  it('allows NotOnOrAfter until the clock skew has passed, and refuses it from that moment', () => {
    expect(check(subjectWith(confirmation(data({ notOnOrAfter: at(-skewMs + 1) }))))).toEqual(new Date(at(-skewMs + 1)));
    expect(() => check(subjectWith(confirmation(data({ notOnOrAfter: at(-skewMs) }))))).toThrow(refusedWith('expired'));
    expect(() => check(subjectWith(confirmation(data({ notOnOrAfter: at(-skewMs - 1) }))))).toThrow(refusedWith('expired'));
  });

  it('allows NotBefore up to the clock skew ahead, and refuses it beyond', () => {
    expect(check(subjectWith(confirmation(data({ notBefore: at(skewMs) }))))).toEqual(new Date(at(300_000)));
    expect(() => check(subjectWith(confirmation(data({ notBefore: at(skewMs + 1) }))))).toThrow(refusedWith('not_yet_valid'));
    expect(check(subjectWith(confirmation(data({ notBefore: at(-skewMs - 1) }))))).toEqual(new Date(at(300_000)));
  });
});
