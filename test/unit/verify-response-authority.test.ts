// authenticatingAuthority (verify-response.ts) on its own: the party that issued the pseudonym,
// half of the identity key (docs/decisions/identity-key.md). The ACS fixtures of the SAML suites
// carry no AuthenticatingAuthority, so its cases are reached here.
import { describe, expect, it } from 'vitest';
import { authenticatingAuthority } from '../../bff/src/saml/verify-response.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const assertion = (context: string) =>
  parseXmlStrict(`<saml:Assertion xmlns:saml="${SAML}"><saml:AuthnStatement>${context}</saml:AuthnStatement></saml:Assertion>`).documentElement!;
const ctx = (inner: string) => `<saml:AuthnContext><saml:AuthnContextClassRef>urn:etoegang:core:assurance-class:loa3</saml:AuthnContextClassRef>${inner}</saml:AuthnContext>`;
const authority = (value: string, ns = SAML) => (ns === SAML ? `<saml:AuthenticatingAuthority>${value}</saml:AuthenticatingAuthority>` : `<x:AuthenticatingAuthority xmlns:x="${ns}">${value}</x:AuthenticatingAuthority>`);

describe('authenticatingAuthority', () => {
  it('is the first AuthenticatingAuthority, trimmed', () => {
    expect(authenticatingAuthority(assertion(ctx(`${authority(' urn:etoegang:AD:1:entities:9 ')}${authority('urn:etoegang:EB:2:entities:1')}`)))).toBe('urn:etoegang:AD:1:entities:9');
  });
  it('is nothing without one, with an empty one, or with one in another namespace', () => {
    expect(authenticatingAuthority(assertion(ctx('')))).toBeUndefined();
    expect(authenticatingAuthority(assertion(ctx(authority('  '))))).toBeUndefined();
    expect(authenticatingAuthority(assertion(ctx(authority('urn:x', 'urn:other'))))).toBeUndefined();
    expect(authenticatingAuthority(assertion(''))).toBeUndefined();
    expect(authenticatingAuthority(assertion(ctx(authority('urn:a<saml:Extra/>'))))).toBeUndefined();
  });
  it('reads only the AuthnStatement, never an authority elsewhere in the assertion', () => {
    const doc = parseXmlStrict(
      `<saml:Assertion xmlns:saml="${SAML}"><saml:Advice>${authority('urn:evil')}</saml:Advice><saml:AuthnStatement>${ctx('')}</saml:AuthnStatement></saml:Assertion>`,
    ).documentElement!;
    expect(authenticatingAuthority(doc)).toBeUndefined();
  });
});
