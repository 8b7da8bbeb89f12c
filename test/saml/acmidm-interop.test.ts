// Interop: ACM/IDM answers signed and encrypted by implementations we did not write: pysaml2
// (xmlsec1 underneath) issues the Response, signs the assertion and encrypts it for Poort's ACM/IDM
// certificate; and xmlsec1 on its own encrypts an assertion (AES-CBC and AES-GCM).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../db/schema.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { cookieOf } from './flow.js';
import { acmidmResponse, postToAcmidmAcs, startAcmidm, startAcmidmWithSpec } from './acmidm-flow.js';
import { pysaml2Idp, type Pysaml2Case } from './peers/pysaml2.js';
import { XMLENC, xmlsecEncrypt } from './peers/xml-tools.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const IDP = 'https://authenticatie.vlaanderen.example/saml/idp';
let t: TestApp;
let py: TestApp;
let responses: Record<string, string>;
let relayStates: Record<string, string>;

const attributes = (sub: string, capacities: string[]) => [
  { name: 'sub', values: [sub] },
  { name: 'given_name', values: ['Pia'] },
  { name: 'family_name', values: ['Saml'] },
  { name: 'vo_doelgroepcode', values: capacities },
];
const cases: Pysaml2Case[] = [
  { name: 'encrypted', sign_response: true, encrypt_assertion: true, class_ref: 'urn:be:vlaanderen:authmech:eid', attributes: attributes('acm-py-encrypted', ['BUR', 'EA:0410203003']) },
  { name: 'too-weak', encrypt_assertion: true, class_ref: 'urn:be:vlaanderen:authmech:csampassword', attributes: attributes('acm-py-weak', ['BUR']) },
  { name: 'unsigned', sign_assertion: false, sign_response: true, encrypt_assertion: true, class_ref: 'urn:be:vlaanderen:authmech:eid', attributes: attributes('acm-py-unsigned', ['BUR']) },
];

beforeAll(async () => {
  t = await createTestApp();
  // An app whose ACM/IDM IdP is pysaml2: its metadata in a file, as an operator configures a real one.
  const idp = pysaml2Idp({ name: 'pysaml2-acmidm', commonName: 'pysaml2 test ACM-IDM', entityId: IDP, ssoUrl: 'https://authenticatie.vlaanderen.example/saml/sso' });
  py = await createTestApp({ site: { ...demoSiteConfig, acmidm: { ...demoSiteConfig.acmidm, metadata: idp.metadata } }, baseDir: idp.dir }, t.db);
  ({ responses, relayStates } = await idp.answerStarted(py.deps.acmidm!.sp, cases, () => startAcmidm(py)));
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const subject = (sub: string) => t.db.db.select().from(identities).where(eq(identities.subject, sub));

describe('ACM/IDM answers issued by pysaml2', () => {
  it('logs in with an assertion pysaml2 signed and encrypted, reading the means, person and capacities', async () => {
    expect(responses.encrypted).toContain('EncryptedAssertion');
    expect(responses.encrypted).not.toContain('acm-py-encrypted');
    const res = await postToAcmidmAcs(py, responses.encrypted!, relayStates.encrypted!);
    expect(res.headers.get('location')).toBe('/mijn');
    const session = await (await py.app.request('/poort/api/session', { headers: { cookie: cookieOf(res)! } })).json();
    expect(session).toMatchObject({ method: 'acmidm', level: 'loa4', organisationChoiceNeeded: true });
    expect(await subject('acm-py-encrypted')).toMatchObject([{ scheme: 'acmidm', issuer: IDP }]);
  });

  it('refuses its answer with a means below the level', async () => {
    const res = await postToAcmidmAcs(py, responses['too-weak']!, relayStates['too-weak']!);
    expect(res.headers.get('location')).toBe('/mijn?poort-error=level_too_low');
  });

  it('refuses its answer whose encrypted assertion is unsigned', async () => {
    const res = await postToAcmidmAcs(py, responses.unsigned!, relayStates.unsigned!);
    expect(res.headers.get('location')).toBe('/mijn?poort-error=saml_invalid');
    expect(await subject('acm-py-unsigned')).toHaveLength(0);
  });
});

describe('ACM/IDM assertions encrypted by xmlsec1', () => {
  for (const [name, data] of [
    ['AES-256-CBC', XMLENC.aes256cbc],
    ['AES-256-GCM', XMLENC.aes256gcm],
  ] as const) {
    it(`logs in with an EncryptedAssertion made by xmlsec1 (${name}, RSA-OAEP)`, async () => {
      const { started, spec } = await startAcmidmWithSpec(t);
      const sub = `acm-xmlsec1-${name}`;
      const encrypt = (signed: string) =>
        xmlsecEncrypt(`<saml:EncryptedAssertion xmlns:saml="${SAML}">${signed}</saml:EncryptedAssertion>`, `${SAML}:Assertion`, {
          data,
          key: XMLENC.rsaOaepMgf1p,
          oaepDigestWrittenOut: true,
          recipientCertPem: spec.sp.encryptionCert,
          recipient: spec.sp.entityId,
        });
      const xml = acmidmResponse({ ...spec, sub, encrypt });
      expect(xml).not.toContain(sub);
      const res = await postToAcmidmAcs(t, xml, started.relayState);
      expect(res.headers.get('location')).toBe('/mijn');
      expect(await subject(sub)).toHaveLength(1);
    });
  }
});
