// A signing key rollover without downtime: the next certificate is published in the SP metadata
// beside the active one (configured as eherkenning.keys.additionalSigningCerts) before the switch,
// and the previous one after it, while messages are signed with the active key only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certBody, ensureKeyPair, loadSpKeys } from '../../bff/src/saml/key-pair.js';
import { NS, childElements } from '../../bff/src/saml/dom.js';
import { buildEherkenningSpMetadata } from '../../bff/src/saml/sp-metadata.js';
import { verifyEnvelopedSignature } from '../../bff/src/saml/verify-signature.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';

function keyFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'poort-rollover-'));
  const pairs = { active: ensureKeyPair(join(dir, 'k'), 'active', 'active'), next: ensureKeyPair(join(dir, 'k'), 'next', 'next'), enc: ensureKeyPair(join(dir, 'k'), 'enc', 'enc') };
  const files = { signingKey: 'k/active.key', signingCert: 'k/active.crt', encryptionKey: 'k/enc.key', encryptionCert: 'k/enc.crt' };
  return { dir, pairs, files };
}

function metadataFor(keys: ReturnType<typeof loadSpKeys>) {
  const xml = buildEherkenningSpMetadata({
    entityId: 'https://poort.example.nl/poort/auth/eherkenning/metadata',
    acsUrl: 'https://poort.example.nl/poort/auth/eherkenning/acs',
    keys,
    serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
    serviceUuid: '00000000-0000-4000-8000-000000000001',
    serviceName: { nl: 'Poort', 'nl-BE': 'Poort', en: 'Poort' },
    attributeConsumingServiceIndex: 1,
  });
  const root = parseXmlStrict(xml).documentElement!;
  const sso = childElements(root, NS.md, 'SPSSODescriptor')[0]!;
  const published = (use: string) =>
    childElements(sso, NS.md, 'KeyDescriptor')
      .filter((k) => k.getAttribute('use') === use)
      .map((k) => k.getElementsByTagNameNS(NS.ds, 'X509Certificate')[0]!.textContent);
  return { xml, root, signing: published('signing'), encryption: published('encryption') };
}

describe('signing key rollover', () => {
  it('publishes the next signing certificate after the active one, and signs the metadata with the active key only', () => {
    const { dir, pairs, files } = keyFiles();
    const keys = loadSpKeys({ ...files, additionalSigningCerts: ['k/next.crt'] }, dir, '/nonexistent');
    const metadata = metadataFor(keys);
    expect(metadata.signing).toEqual([certBody(pairs.active.cert), certBody(pairs.next.cert)]);
    expect(metadata.encryption).toEqual([certBody(pairs.enc.cert)]);
    expect(verifyEnvelopedSignature(metadata.xml, metadata.root, [pairs.active.cert])).toBe(true);
    expect(verifyEnvelopedSignature(metadata.xml, metadata.root, [pairs.next.cert])).toBe(false);
  });

  it('after the switch publishes the previous certificate beside the new active one', () => {
    const { dir, pairs, files } = keyFiles();
    const keys = loadSpKeys({ ...files, signingKey: 'k/next.key', signingCert: 'k/next.crt', additionalSigningCerts: ['k/active.crt'] }, dir, '/nonexistent');
    const metadata = metadataFor(keys);
    expect(metadata.signing).toEqual([certBody(pairs.next.cert), certBody(pairs.active.cert)]);
    expect(verifyEnvelopedSignature(metadata.xml, metadata.root, [pairs.next.cert])).toBe(true);
  });

  it('publishes one signing certificate when none is added', () => {
    const { dir, files } = keyFiles();
    expect(metadataFor(loadSpKeys(files, dir, '/nonexistent')).signing).toHaveLength(1);
  });

  it('refuses an added file that is no certificate, or one that cannot be read, naming it', () => {
    const { dir, files } = keyFiles();
    expect(() => loadSpKeys({ ...files, additionalSigningCerts: ['k/next.key'] }, dir, '/nonexistent')).toThrow(/eherkenning.keys: .*next.key is not a PEM certificate/);
    expect(() => loadSpKeys({ ...files, additionalSigningCerts: ['k/gone.crt'] }, dir, '/nonexistent')).toThrow(/eherkenning.keys: cannot read .*gone.crt/);
  });

  it('accepts up to two added certificates in the site configuration', () => {
    const withCerts = (additionalSigningCerts: string[]) => ({
      ...demoSiteConfig,
      eherkenning: {
        entityId: 'urn:poort:test:sp',
        serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
        serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
        serviceName: { nl: 'Poort', 'nl-BE': 'Poort', en: 'Poort' },
        keys: { signingKey: 'a.key', signingCert: 'a.crt', encryptionKey: 'b.key', encryptionCert: 'b.crt', additionalSigningCerts },
      },
    });
    expect(parseSiteConfig(withCerts(['next.crt']), 'test').eherkenning.keys?.additionalSigningCerts).toEqual(['next.crt']);
    expect(() => parseSiteConfig(withCerts(['1.crt', '2.crt', '3.crt']), 'test')).toThrow(/additionalSigningCerts/);
  });
});
