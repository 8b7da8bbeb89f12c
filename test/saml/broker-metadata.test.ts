// Broker metadata from a file or an https URL (cached in the database, refreshed, kept through a
// broker outage), its signature checked when a metadata signing certificate is configured; and
// the contracted-broker routing with a Scoping hint.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerMetadata } from '../../db/schema.js';
import { MetadataStore } from '../../bff/src/eherkenning/metadata-store.js';
import { certBody, ensureKeyPair } from '../../bff/src/saml/key-pair.js';
import { signXml } from '../../bff/src/saml/xml-signature.js';
import { brokerSchema } from '../../bff/src/site-config/schema.js';
import { loadSiteConfig } from '../../bff/src/site-config/load.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openTestDb, type TestDb } from '../support/db.js';
import { startLogin } from './flow.js';

const dir = mkdtempSync(join(tmpdir(), 'poort-metadata-'));
const broker = ensureKeyPair(dir, 'broker', 'metadata test broker');
const federation = ensureKeyPair(dir, 'federation', 'metadata signer');
writeFileSync(join(dir, 'federation.crt'), federation.cert);

function idpMetadata(entityId: string, extra = ''): string {
  return (
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="_m1" entityID="${entityId}"${extra}><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(broker.cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://hm.example/ars" index="0"/>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://hm.example/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}
const signed = (xml: string) => signXml(xml, { ...federation, xpath: "/*[local-name(.)='EntityDescriptor']", firstChildOf: "/*[local-name(.)='EntityDescriptor']" });
const cfg = (raw: Record<string, unknown>) => brokerSchema.parse({ id: 'hm', name: 'HM', levels: ['loa3'], ...raw });

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('broker metadata', () => {
  it('reads a file next to the config file: entity id, SSO, artifact resolution, signing certificate', async () => {
    writeFileSync(join(dir, 'hm.xml'), idpMetadata('urn:hm:file'));
    const store = new MetadataStore({ db: db.db, baseDir: dir, refreshHours: 24 });
    const endpoints = await store.endpoints(cfg({ metadata: 'hm.xml' }));
    expect(endpoints).toMatchObject({ entityId: 'urn:hm:file', ssoUrl: 'https://hm.example/sso', artifactResolution: [{ url: 'https://hm.example/ars', index: 0 }] });
    expect(endpoints.signingCerts).toHaveLength(1);
  });

  it('fetches an https URL once, caches it in the database for every instance, and keeps it through an outage', async () => {
    let calls = 0;
    let up = true;
    const fetchStub = (async () => {
      calls++;
      if (!up) throw new Error('down');
      return new Response(idpMetadata('urn:hm:url'), { status: 200 });
    }) as typeof fetch;
    let now = new Date('2026-01-01T00:00:00Z');
    const make = () => new MetadataStore({ db: db.db, baseDir: dir, refreshHours: 24, fetch: fetchStub, now: () => now });
    const config = cfg({ id: 'hm-url', metadata: 'https://hm.example/metadata' });
    expect((await make().endpoints(config)).entityId).toBe('urn:hm:url');
    expect((await make().endpoints(config)).entityId).toBe('urn:hm:url'); // a second instance reads the database
    expect(calls).toBe(1);
    const rows = await db.db.select().from(brokerMetadata);
    expect(rows.find((r) => r.broker === 'hm-url')?.source).toBe('https://hm.example/metadata');
    now = new Date('2026-01-02T01:00:00Z');
    up = false;
    expect((await make().endpoints(config)).entityId).toBe('urn:hm:url');
    expect(calls).toBe(2);
  });

  it('refuses plain-http metadata URLs', async () => {
    const store = new MetadataStore({ db: db.db, baseDir: dir, refreshHours: 24 });
    await expect(store.endpoints(cfg({ id: 'hm-http', metadata: 'http://hm.example/metadata' }))).rejects.toMatchObject({ reason: 'metadata_url_not_https' });
  });

  it('checks the metadata signature when a metadata signing certificate is configured', async () => {
    writeFileSync(join(dir, 'signed.xml'), signed(idpMetadata('urn:hm:signed')));
    writeFileSync(join(dir, 'tampered.xml'), signed(idpMetadata('urn:hm:signed')).replace('https://hm.example/sso', 'https://evil.example/sso'));
    writeFileSync(join(dir, 'unsigned.xml'), idpMetadata('urn:hm:signed'));
    const store = () => new MetadataStore({ db: db.db, baseDir: dir, refreshHours: 24 });
    expect((await store().endpoints(cfg({ id: 'a', metadata: 'signed.xml', metadataSigningCert: 'federation.crt' }))).entityId).toBe('urn:hm:signed');
    await expect(store().endpoints(cfg({ id: 'b', metadata: 'tampered.xml', metadataSigningCert: 'federation.crt' }))).rejects.toMatchObject({ reason: 'metadata_signature_invalid' });
    await expect(store().endpoints(cfg({ id: 'c', metadata: 'unsigned.xml', metadataSigningCert: 'federation.crt' }))).rejects.toMatchObject({ reason: 'metadata_signature_invalid' });
  });

  it('refuses metadata past its validUntil', async () => {
    writeFileSync(join(dir, 'old.xml'), idpMetadata('urn:hm:old', ' validUntil="2020-01-01T00:00:00Z"'));
    const store = new MetadataStore({ db: db.db, baseDir: dir, refreshHours: 24 });
    await expect(store.endpoints(cfg({ id: 'old', metadata: 'old.xml' }))).rejects.toMatchObject({ reason: 'metadata_expired' });
  });
});

describe('contracted-broker routing', () => {
  let t: TestApp;
  beforeAll(async () => {
    writeFileSync(join(dir, 'contracted.xml'), idpMetadata('urn:hm:contracted'));
    const site = {
      ...demoSiteConfig,
      eherkenning: { ...createDefaults(), routing: 'contracted', contractedBroker: 'makelaar' },
      brokers: [
        { id: 'makelaar', name: 'Onze makelaar', metadata: 'contracted.xml', binding: 'HTTP-Artifact', levels: ['loa2', 'loa3'] },
        { id: 'leverancier-a', name: 'Leverancier A', metadata: 'contracted.xml', idpHint: 'urn:etoegang:AD:00000000000000000001:entities:1', levels: ['loa3'] },
      ],
    };
    t = await createTestApp({ site, baseDir: dir });
  });
  afterAll(() => t.close());

  it('sends every AuthnRequest to the contracted broker with the chosen supplier as Scoping/IDPList hint', async () => {
    const started = await startLogin(t, 'leverancier-a');
    expect(started.action).toBe('https://hm.example/sso');
    expect(started.requestXml).toContain('<samlp:Scoping><samlp:IDPList><samlp:IDPEntry ProviderID="urn:etoegang:AD:00000000000000000001:entities:1"/></samlp:IDPList></samlp:Scoping>');
    expect(started.requestXml).toContain('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"');
  });

  it('names the field when the contracted broker is missing from the configuration', () => {
    writeFileSync(join(dir, 'bad-routing.json'), JSON.stringify({ eherkenning: { ...createDefaults(), routing: 'contracted', contractedBroker: 'nope' }, brokers: [] }));
    expect(() => loadSiteConfig({ POORT_CONFIG: 'bad-routing.json' }, dir)).toThrow(/eherkenning\.contractedBroker/);
  });
});

function createDefaults() {
  return {
    entityId: 'urn:poort:test:sp',
    serviceId: 'urn:etoegang:DV:00000001234567890000:services:1',
    serviceUuid: '8f1bd2c6-2ad6-4ac8-9a5f-e6d1b3c2a001',
    serviceName: { nl: 'Test', 'nl-BE': 'Test', en: 'Test' },
  };
}
