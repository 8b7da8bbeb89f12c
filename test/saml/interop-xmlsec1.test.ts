// Interop: identifiers and assertions encrypted by xmlsec1 (the library behind many SAML stacks),
// not by Poort's own code, in the forms brokers really send: the RSA-OAEP digest written out as
// ds:DigestMethod inside xenc:EncryptionMethod or left implicit, AES-CBC and AES-GCM content.
// Algorithm rules apply where an algorithm is used: a SHA-1 OAEP digest is key transport, not a
// signature digest, and must not be refused as one; 3DES and RSA PKCS#1 v1.5 are refused.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { brokerResponse, cookieOf, postToAcs, startLogin } from './flow.js';
import { expectRefused, startAt, type StartedLogin } from './harness.js';
import { XMLENC, xmlsecEncrypt, type XmlsecEncryption } from './peers/xml-tools.js';
import { buildResponse } from './response-builder.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function encryption(s: StartedLogin, how: Partial<XmlsecEncryption>): XmlsecEncryption {
  return { data: XMLENC.aes256cbc, key: XMLENC.rsaOaepMgf1p, oaepDigestWrittenOut: true, recipientCertPem: s.spec.sp.encryptionCert, recipient: s.spec.sp.entityId, ...how };
}

/** An EncryptedID made by xmlsec1 around Poort's NameID. */
const xmlsecEncryptedId = (how: XmlsecEncryption) => (nameIdXml: string) => xmlsecEncrypt(`<saml:EncryptedID xmlns:saml="${SAML}">${nameIdXml}</saml:EncryptedID>`, `${SAML}:NameID`, how);

/** An EncryptedAssertion made by xmlsec1 around the signed assertion. */
const xmlsecEncryptedAssertion = (how: XmlsecEncryption) => (assertionXml: string) =>
  xmlsecEncrypt(`<saml:EncryptedAssertion xmlns:saml="${SAML}">${assertionXml}</saml:EncryptedAssertion>`, `${SAML}:Assertion`, how);

const subjectOf = (subject: string) => t.db.db.select().from(identities).where(eq(identities.subject, subject));

async function expectLoggedIn(s: StartedLogin, xml: string, pseudonym: string, kvk: string) {
  const res = await postToAcs(t, xml, s.relayState);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/mijn');
  expect(cookieOf(res)).toMatch(/^poort_session=/);
  const [identity] = await subjectOf(pseudonym);
  expect(identity).toMatchObject({ scheme: 'eherkenning', legalSubject: `kvk:${kvk}` });
}

describe('EncryptedIDs encrypted by xmlsec1', () => {
  const cases: [string, Partial<XmlsecEncryption>][] = [
    ['with the OAEP digest written out (ds:DigestMethod SHA-1) and AES-256-CBC', { oaepDigestWrittenOut: true }],
    ['with the OAEP digest left implicit and AES-256-CBC', { oaepDigestWrittenOut: false }],
    ['with AES-128-CBC', { data: XMLENC.aes128cbc }],
    ['with AES-256-GCM', { data: XMLENC.aes256gcm }],
  ];
  cases.forEach(([name, how], i) => {
    it(`logs in ${name}`, async () => {
      const s = await startAt(t);
      const pseudonym = `S-xmlsec1-id-${i}`;
      const kvk = `7000000${i}`;
      const { xml } = buildResponse({ ...s.spec, signResponse: true, pseudonym, kvk, encryptId: xmlsecEncryptedId(encryption(s, how)) });
      await expectLoggedIn(s, xml, pseudonym, kvk);
    });
  });

  it('refuses 3DES content encryption as a weak algorithm', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-xmlsec1-3des', encryptId: xmlsecEncryptedId(encryption(s, { data: XMLENC.tripledes, oaepDigestWrittenOut: false })) });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'weak_algorithm');
    expect(await subjectOf('S-xmlsec1-3des')).toHaveLength(0);
  });
});

describe('EncryptedAssertions encrypted by xmlsec1', () => {
  it('logs in with an EncryptedAssertion (OAEP digest written out, AES-256-CBC) holding EncryptedIDs', async () => {
    const s = await startAt(t);
    const how = encryption(s, {});
    const { xml } = buildResponse({
      ...s.spec,
      signResponse: true,
      pseudonym: 'S-xmlsec1-assertion',
      kvk: '70000010',
      encryptId: xmlsecEncryptedId(how),
      encryptAssertion: xmlsecEncryptedAssertion(how),
    });
    expect(xml).toContain('<saml:EncryptedAssertion');
    expect(xml).not.toContain('S-xmlsec1-assertion');
    await expectLoggedIn(s, xml, 'S-xmlsec1-assertion', '70000010');
  });

  it('logs in with an EncryptedAssertion whose OAEP digest is implicit, AES-256-GCM', async () => {
    const s = await startAt(t);
    const how = encryption(s, { oaepDigestWrittenOut: false, data: XMLENC.aes256gcm });
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-xmlsec1-assertion-gcm', kvk: '70000011', encryptAssertion: xmlsecEncryptedAssertion(how) });
    await expectLoggedIn(s, xml, 'S-xmlsec1-assertion-gcm', '70000011');
  });

  for (const [name, how] of [
    ['3DES content encryption', { data: XMLENC.tripledes, oaepDigestWrittenOut: false }],
    ['RSA PKCS#1 v1.5 key transport', { key: XMLENC.rsa15, oaepDigestWrittenOut: false }],
  ] as const) {
    it(`refuses an EncryptedAssertion with ${name} as a weak algorithm`, async () => {
      const s = await startAt(t);
      const pseudonym = `S-xmlsec1-weak-${'data' in how ? 'data' : 'key'}`;
      const { xml } = buildResponse({ ...s.spec, signResponse: true, pseudonym, encryptAssertion: xmlsecEncryptedAssertion(encryption(s, how)) });
      await expectRefused(t, xml, s.relayState, 'saml_invalid', 'weak_algorithm');
      expect(await subjectOf(pseudonym)).toHaveLength(0);
    });
  }
});

describe("Poort's simulated brokers", () => {
  it('write the OAEP digest out the way xmlsec1 does, and their answers log in', async () => {
    const started = await startLogin(t, 'demo-noord');
    const { xml, relayState } = await brokerResponse(t, started);
    expect(xml).toMatch(
      /<xenc:EncryptionMethod Algorithm="http:\/\/www\.w3\.org\/2001\/04\/xmlenc#rsa-oaep-mgf1p"><ds:DigestMethod [^>]*Algorithm="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#sha1"\/><\/xenc:EncryptionMethod>/,
    );
    const res = await postToAcs(t, xml, relayState);
    expect(res.headers.get('location')).toBe('/mijn');
    expect(cookieOf(res)).toMatch(/^poort_session=/);
  });
});
