// Interop: Responses issued by pysaml2 (signed and encrypted by xmlsec1), not by our own code.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { postToAcs } from './flow.js';
import { expectRefused, startAt } from './harness.js';
import { pysaml2Idp, type Pysaml2Case } from './peers/pysaml2.js';

let t: TestApp;
let responses: Record<string, string>;
let relayStates: Record<string, string>;

const cases: Pysaml2Case[] = [
  { name: 'assertion-signed', pseudonym: 'S-py-assertion' },
  { name: 'both-signed', sign_response: true, pseudonym: 'S-py-both' },
  { name: 'encrypted-assertion', sign_response: true, encrypt_assertion: true, pseudonym: 'S-py-encrypted' },
  { name: 'plain-ids', encrypted_ids: false, pseudonym: 'S-py-plain', kvk: '80001111' },
  { name: 'advice', advice: true, pseudonym: 'S-py-advice' },
  { name: 'response-only-signed', sign_response: true, sign_assertion: false, pseudonym: 'S-py-response-only' },
  { name: 'unsigned', sign_assertion: false, pseudonym: 'S-py-unsigned' },
  { name: 'level-too-low', level: 'loa2', pseudonym: 'S-py-low' },
];

beforeAll(async () => {
  const idp = pysaml2Idp({ name: 'pysaml2-idp', commonName: 'pysaml2 test broker', entityId: 'urn:etoegang:HM:00000009999999999999:entities:0001', ssoUrl: 'https://pysaml2.example/sso' });
  const site = { ...demoSiteConfig, brokers: [...demoSiteConfig.brokers, { id: 'pysaml2', name: 'pysaml2', metadata: idp.metadata, binding: 'HTTP-POST', levels: ['loa2', 'loa3'] }] };
  t = await createTestApp({ site, baseDir: idp.dir });
  ({ responses, relayStates } = await idp.answerStarted(t.deps.saml!.sp, cases, () => startAt(t, 'pysaml2')));
}, 120_000);
afterAll(() => t?.close());

const subjectOf = async (subject: string) => t.db.db.select().from(identities).where(eq(identities.subject, subject));

describe('Responses issued by pysaml2', () => {
  for (const [name, subject] of [
    ['assertion-signed', 'S-py-assertion'],
    ['both-signed', 'S-py-both'],
    ['encrypted-assertion', 'S-py-encrypted'],
    ['plain-ids', 'S-py-plain'],
    ['advice', 'S-py-advice'],
  ] as const) {
    it(`accepts ${name} and reads the identity from the (decrypted) attributes`, async () => {
      const res = await postToAcs(t, responses[name]!, relayStates[name]!);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/mijn');
      expect(await subjectOf(subject)).toHaveLength(1);
    });
  }

  it('reads LegalSubjectID as a KvK number by its NameQualifier', async () => {
    const [identity] = await subjectOf('S-py-plain');
    expect(identity!.legalSubject).toBe('kvk:80001111');
  });

  it('never takes an identity from an assertion inside Advice', async () => {
    expect(await subjectOf('S-advice-only')).toHaveLength(0);
  });

  it('refuses a response whose assertion is unsigned though the Response is signed', async () => {
    await expectRefused(t, responses['response-only-signed']!, relayStates['response-only-signed']!, 'saml_invalid', 'signature_invalid');
  });

  it('refuses an unsigned response', async () => {
    await expectRefused(t, responses.unsigned!, relayStates.unsigned!, 'saml_invalid', 'signature_invalid');
  });

  it('refuses a level below the site minimum', async () => {
    await expectRefused(t, responses['level-too-low']!, relayStates['level-too-low']!, 'level_too_low', 'level_below_requested');
  });
});
