// Two rules of verify-response.ts that the ACS suites cannot reach. An error Response (the person
// cancelled, the broker refused) ends the login with a reason named after its most specific status
// code and the outcome the widget explains: in the ACS the route answers such Responses before the
// assertion checks. And what node-saml hands back after verifying is held to Poort's rules again.
import { describe, expect, it } from 'vitest';
import { readEnvelope, verifiedAssertion, verifyAssertion, type VerifyOptions } from '../../bff/src/saml/verify-response.js';
import { SamlError } from '../../bff/src/saml/saml-error.js';

const ACS = 'https://poort.example.nl/poort/auth/eherkenning/acs';
const BROKER = 'urn:etoegang:HM:00000003999999990000:entities:9001';
const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

// Never reaches the keys or node-saml: an error Response is refused before either is used.
const options = {
  sp: { entityId: 'urn:etoegang:DV:00000001234567890000:entities:0001', acsUrl: ACS },
  broker: { entityId: BROKER, ssoUrl: 'https://broker.example/sso', artifactResolution: [], signingCerts: [] },
  clockSkewMs: 0,
} as unknown as VerifyOptions;

function errorResponse(top: string, second?: string): string {
  const sub = second ? `<samlp:StatusCode Value="${STATUS}${second}"/>` : '';
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" InResponseTo="_q1" Version="2.0" IssueInstant="2026-12-01T10:00:00Z" Destination="${ACS}"><saml:Issuer>${BROKER}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${STATUS}${top}">${sub}</samlp:StatusCode></samlp:Status></samlp:Response>`;
}

async function refusal(xml: string): Promise<SamlError> {
  const error = await verifyAssertion(readEnvelope(xml), options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SamlError)) throw new Error(`expected a SamlError, got ${String(error)}`);
  return error;
}

describe('verifyAssertion on an error Response', () => {
  it('names the second-level status when there is one, and maps it to what the person is told', async () => {
    expect(await refusal(errorResponse('Responder', 'AuthnFailed'))).toMatchObject({ reason: 'status_AuthnFailed', outcome: 'cancelled' });
    expect(await refusal(errorResponse('Requester', 'RequestDenied'))).toMatchObject({ reason: 'status_RequestDenied', outcome: 'no_authorisation' });
    expect(await refusal(errorResponse('Responder', 'NoAuthnContext'))).toMatchObject({ reason: 'status_NoAuthnContext', outcome: 'level_too_low' });
  });

  it('names the top-level status when there is no second one', async () => {
    expect(await refusal(errorResponse('Responder'))).toMatchObject({ reason: 'status_Responder', outcome: 'saml_invalid' });
  });
});

describe('verifiedAssertion: what node-saml hands back is held to Poort rules again', () => {
  const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
  const assertion = (attrs: string, issuer = BROKER, element = 'saml:Assertion') =>
    `<${element} xmlns:saml="${SAML}" ${attrs}><saml:Issuer>${issuer}</saml:Issuer></${element}>`;
  const reason = (xml: string | undefined) => {
    try {
      verifiedAssertion(xml, BROKER);
      return 'accepted';
    } catch (error) {
      return error instanceof SamlError ? error.reason : String(error);
    }
  };

  it('gives the assertion and its ID', () => {
    const { assertion: element, assertionId } = verifiedAssertion(assertion('ID="_a1"'), BROKER);
    expect(assertionId).toBe('_a1');
    expect(element.localName).toBe('Assertion');
  });
  it('refuses nothing, an empty text, another element or an Assertion of another namespace', () => {
    expect(reason(undefined)).toBe('no_assertion');
    expect(reason('')).toBe('no_assertion');
    expect(reason(assertion('ID="_a1"', BROKER, 'saml:Advice'))).toBe('no_assertion');
    expect(reason(`<x:Assertion xmlns:x="urn:other" xmlns:saml="${SAML}" ID="_a1"><saml:Issuer>${BROKER}</saml:Issuer></x:Assertion>`)).toBe('no_assertion');
  });
  it('refuses an assertion of another issuer, or without one', () => {
    expect(reason(assertion('ID="_a1"', 'urn:etoegang:HM:other'))).toBe('issuer_mismatch');
    expect(reason(`<saml:Assertion xmlns:saml="${SAML}" ID="_a1"/>`)).toBe('issuer_mismatch');
  });
  it('refuses an assertion without an ID', () => {
    expect(reason(assertion(''))).toBe('assertion_no_id');
    expect(reason(assertion('ID=""'))).toBe('assertion_no_id');
  });
});
