// The Response-level Issuer rule of verify-response.ts that mutation testing found unguarded: with
// the Response itself unsigned (as eHerkenning allows), a second Issuer in the envelope must not
// pass, whichever of the two a library reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectRefused, startAt } from './harness.js';
import { buildResponse } from './response-builder.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the Response Issuer', () => {
  it.each([
    ['the broker, then another', (broker: string) => `<saml:Issuer>${broker}</saml:Issuer><saml:Issuer>urn:other:broker</saml:Issuer>`],
    ['another, then the broker', (broker: string) => `<saml:Issuer>urn:other:broker</saml:Issuer><saml:Issuer>${broker}</saml:Issuer>`],
    ['the broker twice', (broker: string) => `<saml:Issuer>${broker}</saml:Issuer><saml:Issuer>${broker}</saml:Issuer>`],
  ])('refuses two Issuers in the Response: %s', async (_name, issuers) => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec });
    const one = `<saml:Issuer>${s.spec.brokerEntityId}</saml:Issuer><samlp:Status>`;
    expect(xml).toContain(one);
    const twice = xml.replace(one, `${issuers(s.spec.brokerEntityId)}<samlp:Status>`);
    await expectRefused(t, twice, s.relayState, 'saml_invalid', 'issuer_mismatch');
  });
});
