// An encryption key rollover without downtime: Poort holds the previous and the next decryption
// key at once and decrypts what brokers encrypted to either, while the metadata publishes what the
// operator chose for this stage (docs/operating.md, "Encryption key rollover"). The identifiers
// and assertions are encrypted by xmlsec1, not by Poort's own code.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../db/schema.js';
import { certBody, ensureKeyPair, loadSpKeys, type SpKeys } from '../../bff/src/saml/key-pair.js';
import { NS, childElements } from '../../bff/src/saml/dom.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, testSpKeys, type TestApp } from '../support/app.js';
import { cookieOf, postToAcs } from './flow.js';
import { expectRefused, startAt, type StartedLogin } from './harness.js';
import { XMLENC, xmlsecEncrypt } from './peers/xml-tools.js';
import { buildResponse } from './response-builder.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const dir = mkdtempSync(join(tmpdir(), 'poort-enc-rollover-'));
const previous = ensureKeyPair(join(dir, 'k'), 'enc-previous', 'previous encryption');
const next = ensureKeyPair(join(dir, 'k'), 'enc-next', 'next encryption');
const stranger = ensureKeyPair(join(dir, 'k'), 'enc-stranger', 'someone else');

/** Both stages of the switch in one app each: before it (next published beside the active previous), after it (previous only decrypts). */
let before: TestApp;
let after: TestApp;
beforeAll(async () => {
  const signing = testSpKeys().signing;
  const beforeKeys: SpKeys = { signing, encryption: previous, additionalEncryption: [{ ...next, publish: true }] };
  const afterKeys: SpKeys = { signing, encryption: next, additionalEncryption: [{ ...previous, publish: false }] };
  before = await createTestApp({ keys: beforeKeys });
  after = await createTestApp({ keys: afterKeys });
}, 300_000);
afterAll(async () => {
  await before?.close();
  await after?.close();
});

/** An EncryptedID made by xmlsec1 for `cert`. */
const xmlsecId = (s: StartedLogin, cert: string) => (nameIdXml: string) =>
  xmlsecEncrypt(`<saml:EncryptedID xmlns:saml="${SAML}">${nameIdXml}</saml:EncryptedID>`, `${SAML}:NameID`, {
    data: XMLENC.aes256cbc,
    key: XMLENC.rsaOaepMgf1p,
    oaepDigestWrittenOut: true,
    recipientCertPem: cert,
    recipient: s.spec.sp.entityId,
  });

/** An EncryptedAssertion made by xmlsec1 for `cert`. */
const xmlsecAssertion = (s: StartedLogin, cert: string) => (assertionXml: string) =>
  xmlsecEncrypt(`<saml:EncryptedAssertion xmlns:saml="${SAML}">${assertionXml}</saml:EncryptedAssertion>`, `${SAML}:Assertion`, {
    data: XMLENC.aes256gcm,
    key: XMLENC.rsaOaepMgf1p,
    oaepDigestWrittenOut: false,
    recipientCertPem: cert,
    recipient: s.spec.sp.entityId,
  });

async function expectLoggedIn(t: TestApp, s: StartedLogin, xml: string, pseudonym: string) {
  const res = await postToAcs(t, xml, s.relayState);
  expect(res.headers.get('location')).toBe('/mijn');
  expect(cookieOf(res)).toMatch(/^poort_session=/);
  expect(await t.db.db.select().from(identities).where(eq(identities.subject, pseudonym))).toHaveLength(1);
}

function publishedEncryptionCerts(metadataXml: string): string[] {
  const sso = childElements(parseXmlStrict(metadataXml).documentElement!, NS.md, 'SPSSODescriptor')[0]!;
  return childElements(sso, NS.md, 'KeyDescriptor')
    .filter((k) => k.getAttribute('use') === 'encryption')
    .map((k) => k.getElementsByTagNameNS(NS.ds, 'X509Certificate')[0]!.textContent ?? '');
}

describe('encryption key rollover', () => {
  it('before the switch: publishes the active (previous) certificate and then the next one', async () => {
    const res = await before.app.request('/poort/auth/eherkenning/metadata');
    expect(publishedEncryptionCerts(await res.text())).toEqual([certBody(previous.cert), certBody(next.cert)]);
  });

  it('after the switch: publishes only the new active certificate; the previous one only decrypts', async () => {
    const res = await after.app.request('/poort/auth/eherkenning/metadata');
    expect(publishedEncryptionCerts(await res.text())).toEqual([certBody(next.cert)]);
  });

  for (const [stage, key] of [
    ['before the switch', 'previous'],
    ['before the switch', 'next'],
    ['after the switch', 'previous'],
    ['after the switch', 'next'],
  ] as const) {
    it(`${stage}: logs in with identifiers xmlsec1 encrypted to the ${key} key`, async () => {
      const t = stage === 'before the switch' ? before : after;
      const s = await startAt(t);
      const pseudonym = `S-rollover-id-${stage.split(' ')[0]}-${key}`;
      const { xml } = buildResponse({ ...s.spec, pseudonym, encryptId: xmlsecId(s, (key === 'previous' ? previous : next).cert) });
      await expectLoggedIn(t, s, xml, pseudonym);
    });

    it(`${stage}: logs in with an assertion xmlsec1 encrypted to the ${key} key`, async () => {
      const t = stage === 'before the switch' ? before : after;
      const s = await startAt(t);
      const pseudonym = `S-rollover-assertion-${stage.split(' ')[0]}-${key}`;
      const cert = (key === 'previous' ? previous : next).cert;
      const { xml } = buildResponse({ ...s.spec, pseudonym, encryptId: xmlsecId(s, cert), encryptAssertion: xmlsecAssertion(s, cert) });
      expect(xml).not.toContain(pseudonym);
      await expectLoggedIn(t, s, xml, pseudonym);
    });
  }

  it('refuses identifiers encrypted to a key Poort does not hold, with the one undecryptable reason', async () => {
    const s = await startAt(after);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-rollover-stranger', encryptId: xmlsecId(s, stranger.cert) });
    await expectRefused(after, xml, s.relayState, 'saml_invalid', 'encrypted_id_undecryptable');
  });

  it('refuses an assertion encrypted to a key Poort does not hold', async () => {
    const s = await startAt(after);
    const { xml } = buildResponse({ ...s.spec, pseudonym: 'S-rollover-stranger-assertion', encryptAssertion: xmlsecAssertion(s, stranger.cert) });
    await expectRefused(after, xml, s.relayState, 'saml_invalid', 'decryption_failed');
  });

  it('reads the additional keys from the configuration, and refuses a third or a key file that is no key pair', () => {
    const files = { signingKey: 'k/enc-previous.key', signingCert: 'k/enc-previous.crt', encryptionKey: 'k/enc-next.key', encryptionCert: 'k/enc-next.crt' };
    const keys = loadSpKeys({ ...files, additionalEncryptionKeys: [{ key: 'k/enc-previous.key', cert: 'k/enc-previous.crt', publish: false }] }, dir, '/nonexistent');
    expect(keys.additionalEncryption).toEqual([{ ...previous, publish: false }]);
    expect(() => loadSpKeys({ ...files, additionalEncryptionKeys: [{ key: 'k/enc-previous.key', cert: 'k/enc-previous.key', publish: false }] }, dir, '/nonexistent')).toThrow(
      /eherkenning.keys: .*enc-previous.key is not a PEM certificate/,
    );
    const withKeys = (additionalEncryptionKeys: unknown[]) => ({
      ...demoSiteConfig,
      eherkenning: { ...demoSiteConfig.eherkenning, keys: { ...files, additionalEncryptionKeys } },
    });
    const parsed = parseSiteConfig(withKeys([{ key: 'a.key', cert: 'a.crt' }]), 'test');
    expect(parsed.eherkenning.keys?.additionalEncryptionKeys).toEqual([{ key: 'a.key', cert: 'a.crt', publish: false }]);
    const pair = { key: 'a.key', cert: 'a.crt' };
    expect(() => parseSiteConfig(withKeys([pair, pair, pair]), 'test')).toThrow(/additionalEncryptionKeys/);
    expect(() => parseSiteConfig(withKeys([{ key: 'a.key' }]), 'test')).toThrow(/additionalEncryptionKeys\[0\]\.cert/);
  });
});
