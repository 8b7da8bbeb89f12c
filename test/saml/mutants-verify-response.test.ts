// Checks of verify-response.ts that mutation testing found unguarded (issue 12 §4): removing any
// one of them by hand left every other SAML test green. Each test here fails when its check is
// removed. All answers carry a validly signed assertion in an unsigned Response, which is what
// eHerkenning allows: only the assertion's own content ties it to this login.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { cookieOf, postToAcs } from './flow.js';
import { expectRefused, startAt, type StartedLogin } from './harness.js';
import { XMLENC, xmlsecEncrypt } from './peers/xml-tools.js';
import { buildResponse, sign, type SignatureShape } from './response-builder.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const BEARER_CONFIRMATION = /<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">[\s\S]*?<\/saml:SubjectConfirmation>/;
const HOLDER_OF_KEY = 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const subjectOf = (subject: string) => t.db.db.select().from(identities).where(eq(identities.subject, subject));

/** A Response whose unsigned assertion was edited by `edit`, then signed with the broker's key. */
function withEditedAssertion(s: StartedLogin, pseudonym: string, edit: (assertionXml: string) => string): string {
  const unsigned = buildResponse({ ...s.spec, pseudonym, signAssertion: false }).xml;
  const edited = edit(unsigned);
  expect(edited).not.toBe(unsigned);
  return sign(edited, 'Assertion', s.spec.brokerKeys);
}

async function expectLoggedIn(s: StartedLogin, xml: string, pseudonym: string) {
  const res = await postToAcs(t, xml, s.relayState);
  expect(res.headers.get('location')).toBe('/mijn');
  expect(cookieOf(res)).toMatch(/^poort_session=/);
  expect(await subjectOf(pseudonym)).toHaveLength(1);
}

describe('SubjectConfirmationData@InResponseTo ties the signed assertion to this login', () => {
  it('refuses a signed assertion from another login, re-wrapped in an unsigned Response that names this login', async () => {
    const attacker = await startAt(t);
    const victim = await startAt(t);
    // The attacker's own genuine answer; only the unsigned envelope is changed to name the victim's request.
    const { xml } = buildResponse({ ...attacker.spec, pseudonym: 'S-rewrapped' });
    const rewrapped = xml.replace(`InResponseTo="${attacker.requestId}">`, `InResponseTo="${victim.requestId}">`);
    expect(rewrapped).not.toBe(xml);
    expect(rewrapped).toContain(`<saml:SubjectConfirmationData InResponseTo="${attacker.requestId}"`);
    await expectRefused(t, rewrapped, victim.relayState, 'saml_invalid', 'in_response_to_mismatch');
    expect(await subjectOf('S-rewrapped')).toHaveLength(0);
  });

  it('refuses a signed assertion whose SubjectConfirmationData names no request at all', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-no-irt', inResponseTo: null });
    const envelopeNamesRequest = xml.replace('<samlp:Response ', `<samlp:Response InResponseTo="${s.requestId}" `);
    await expectRefused(t, envelopeNamesRequest, s.relayState, 'saml_invalid', 'in_response_to_mismatch');
    expect(await subjectOf('S-no-irt')).toHaveLength(0);
  });
});

describe('exactly one bearer SubjectConfirmation', () => {
  it('refuses an assertion whose only SubjectConfirmation is holder-of-key', async () => {
    const s = await startAt(t);
    const xml = withEditedAssertion(s, 'S-hok-only', (a) => a.replace('Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"', `Method="${HOLDER_OF_KEY}"`));
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'subject_confirmation_invalid');
    expect(await subjectOf('S-hok-only')).toHaveLength(0);
  });

  it('refuses two bearer SubjectConfirmations, even when both are valid', async () => {
    const s = await startAt(t);
    const xml = withEditedAssertion(s, 'S-two-bearers', (a) => a.replace(BEARER_CONFIRMATION, (c) => `${c}${c}`));
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'subject_confirmation_invalid');
    expect(await subjectOf('S-two-bearers')).toHaveLength(0);
  });

  it('logs in when a holder-of-key confirmation stands beside the one bearer confirmation (only bearer ones count)', async () => {
    const s = await startAt(t);
    const xml = withEditedAssertion(s, 'S-hok-and-bearer', (a) => a.replace(BEARER_CONFIRMATION, (c) => `${c.replace('cm:bearer', 'cm:holder-of-key')}${c}`));
    await expectLoggedIn(s, xml, 'S-hok-and-bearer');
  });
});

describe('algorithm rules inside a decrypted EncryptedAssertion', () => {
  // The assertion's signature is seen only after decryption, so the rules must be applied again
  // to what came out; the EncryptedAssertion's own encryption here (xmlsec1, AES-256-CBC) is fine.
  const aes = (s: StartedLogin, data: string = XMLENC.aes256cbc) => ({ data, key: XMLENC.rsaOaepMgf1p, oaepDigestWrittenOut: false, recipientCertPem: s.spec.sp.encryptionCert, recipient: s.spec.sp.entityId });
  const encrypted = (s: StartedLogin, shape: SignatureShape) => (unsignedAssertionXml: string) =>
    xmlsecEncrypt(`<saml:EncryptedAssertion xmlns:saml="${SAML}">${sign(unsignedAssertionXml, 'Assertion', s.spec.brokerKeys, shape)}</saml:EncryptedAssertion>`, `${SAML}:Assertion`, aes(s));

  it('logs in with an EncryptedAssertion whose inner signature uses the allowed algorithms (the control case)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-enc-strong', signAssertion: false, encryptAssertion: encrypted(s, {}) });
    expect(xml).toContain('<saml:EncryptedAssertion');
    expect(xml).not.toContain('<saml:Assertion');
    await expectLoggedIn(s, xml, 'S-enc-strong');
  });

  it('refuses an EncryptedAssertion whose inner signature is RSA-SHA1 with a SHA-1 digest', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-enc-sha1', signAssertion: false, encryptAssertion: encrypted(s, { weak: true }) });
    expect(xml).not.toContain('rsa-sha1');
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'weak_algorithm');
    expect(await subjectOf('S-enc-sha1')).toHaveLength(0);
  });

  it('refuses an EncryptedAssertion whose inner signature keeps comments in the canonical form', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-enc-comments', signAssertion: false, encryptAssertion: encrypted(s, { canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments' }) });
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'weak_algorithm');
    expect(await subjectOf('S-enc-comments')).toHaveLength(0);
  });

  it('refuses an EncryptedAssertion whose EncryptedIDs inside use 3DES (weak_algorithm, not merely undecryptable)', async () => {
    const s = await startAt(t);
    const tripleDesId = (nameIdXml: string) => xmlsecEncrypt(`<saml:EncryptedID xmlns:saml="${SAML}">${nameIdXml}</saml:EncryptedID>`, `${SAML}:NameID`, aes(s, XMLENC.tripledes));
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-enc-3des-id', signAssertion: false, encryptId: tripleDesId, encryptAssertion: encrypted(s, {}) });
    expect(xml).not.toContain('tripledes');
    await expectRefused(t, xml, s.relayState, 'saml_invalid', 'weak_algorithm');
    expect(await subjectOf('S-enc-3des-id')).toHaveLength(0);
  });

  it('refuses an EncryptedAssertion whose only key is addressed to another recipient (decryption_failed)', async () => {
    const s = await startAt(t);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-enc-elsewhere', signAssertion: false, encryptAssertion: encrypted(s, {}) });
    const elsewhere = xml.replace(`<xenc:EncryptedKey Recipient="${s.spec.sp.entityId}"`, '<xenc:EncryptedKey Recipient="urn:another:sp"');
    expect(elsewhere).not.toBe(xml);
    await expectRefused(t, elsewhere, s.relayState, 'saml_invalid', 'decryption_failed');
  });
});
