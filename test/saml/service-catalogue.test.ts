// Our entry in the eHerkenning service catalogue (issue 18 §4, docs/saml.md "Service catalogue"):
// both services, eHerkenning and eIDAS, as ServiceDefinition and ServiceInstance, valid by the
// catalogue schema (xmllint, test/saml/schemas/) and signed so that xmlsec1 verifies it; and the
// configuration it needs, refused with a message where it is incomplete.
import { X509Certificate, createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServiceCatalogue, CATALOGUE_NS, certificateKeyName } from '../../bff/src/saml/service-catalogue.js';
import { NS, childElements } from '../../bff/src/saml/dom.js';
import { parseXmlStrict } from '../../bff/src/saml/xml-guard.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { xmllintValidate, xmlsecVerify } from './peers/xml-tools.js';

const SCHEMA = fileURLToPath(new URL('./schemas/etoegang-service-catalog-1.13.xsd', import.meta.url));
const CATALOGUE = demoSiteConfig.eherkenning.catalogue;
const EIDAS = demoSiteConfig.eherkenning.eidas;

let t: TestApp;
let xml: string;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.request('/poort/auth/eherkenning/service-catalogue');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
  xml = await res.text();
});
afterAll(() => t?.close());

const esc = (parent: Element, name: string) => childElements(parent, CATALOGUE_NS, name);
const texts = (parent: Element, name: string) => esc(parent, name).map((e) => `${e.getAttribute('xml:lang') ?? ''}${e.getAttribute('xml:lang') ? ' ' : ''}${e.textContent}`);

describe('the service catalogue entry', () => {
  it('is valid by the catalogue schema and signed (xmlsec1 verifies it with our signing certificate)', () => {
    const valid = xmllintValidate(xml, SCHEMA);
    expect(valid.output).toMatch(/validates/);
    expect(valid.ok).toBe(true);
    const verified = xmlsecVerify(xml, t.deps.saml!.sp.keys.signing.cert, `${CATALOGUE_NS}:ServiceCatalogue`);
    expect(verified.output).toMatch(/OK/);
    expect(verified.ok).toBe(true);
  });

  it('the schema check can fail: the same entry with its elements out of order, or a name over 64 characters, is refused', () => {
    const swapped = xml.replace(/(<esc:ServiceProviderID>\d+<\/esc:ServiceProviderID>)((?:<esc:OrganizationDisplayName[^>]*>[^<]*<\/esc:OrganizationDisplayName>)+)/, '$2$1');
    expect(swapped).not.toBe(xml);
    expect(xmllintValidate(swapped, SCHEMA).ok).toBe(false);
    const long = xml.replace(/(<esc:ServiceName xml:lang="nl">)[^<]*/, `$1${'x'.repeat(65)}`);
    expect(xmllintValidate(long, SCHEMA).ok).toBe(false);
  });

  it('names our OIN (from the ServiceID) and the broker, the version for the test network, and both services', () => {
    const root = parseXmlStrict(xml).documentElement!;
    expect(root.getAttributeNS(CATALOGUE_NS, 'Version')).toBe('urn:etoegang:1.13:service-catalogue:T:1');
    const provider = esc(root, 'ServiceProvider')[0]!;
    expect(texts(provider, 'ServiceProviderID')).toEqual(['00000001234567890000']);
    expect(texts(provider, 'OrganizationDisplayName')).toEqual(['nl Voorbeeldportaal', 'en Example portal']);

    const definitions = esc(provider, 'ServiceDefinition').map((d) => ({
      uuid: texts(d, 'ServiceUUID')[0],
      names: texts(d, 'ServiceName'),
      level: childElements(d, NS.saml, 'AuthnContextClassRef')[0]!.textContent,
      broker: texts(d, 'HerkenningsmakelaarId'),
      accepts: esc(d, 'EntityConcernedTypesAllowed').map((e) => `${e.getAttribute('setNumber')} ${e.textContent}`),
      restrictions: texts(d, 'ServiceRestrictionsAllowed'),
      requested: esc(d, 'RequestedAttribute').map((r) => `${r.getAttribute('Name')} ${esc(r, 'PurposeStatement').length}`),
    }));
    expect(definitions).toEqual([
      {
        uuid: CATALOGUE.definitionUuid,
        names: ['nl Voorbeeldportaal', 'en Example portal'],
        level: 'urn:etoegang:core:assurance-class:loa2plus',
        broker: [CATALOGUE.brokerOin],
        accepts: ['1 urn:etoegang:1.9:EntityConcernedID:KvKnr', '2 urn:etoegang:1.9:EntityConcernedID:RSIN'],
        restrictions: ['urn:etoegang:1.9:ServiceRestriction:Vestigingsnr'],
        requested: ['urn:etoegang:1.11:attribute-represented:CompanyName 2'],
      },
      {
        // eIDAS at EH3 ("substantial"), whatever the site's own level: its own definition.
        uuid: CATALOGUE.eidasDefinitionUuid,
        names: ['nl Voorbeeldportaal (eIDAS)', 'en Example portal (eIDAS)'],
        level: 'urn:etoegang:core:assurance-class:loa3',
        broker: [CATALOGUE.brokerOin],
        accepts: ['1 urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier'],
        restrictions: [],
        requested: ['urn:etoegang:1.9:attribute:FirstName 2', 'urn:etoegang:1.9:attribute:FamilyName 2'],
      },
    ]);

    const encryptionCert = t.deps.saml!.sp.keys.encryption.cert;
    const instances = esc(provider, 'ServiceInstance').map((i) => ({
      serviceId: texts(i, 'ServiceID')[0],
      uuid: texts(i, 'ServiceUUID')[0],
      instanceOf: texts(i, 'InstanceOfService')[0],
      sso: texts(i, 'SSOSupport')[0],
      keyNames: esc(i, 'ServiceCertificate').map((c) => c.getElementsByTagNameNS(NS.ds, 'KeyName')[0]!.textContent),
      classifiers: esc(i, 'Classifiers').flatMap((c) => texts(c, 'Classifier')),
    }));
    // The instance UUID is the one answers carry (checked at the ACS); the key name is the
    // encryption certificate's SHA-1 fingerprint.
    const keyName = createHash('sha1').update(new X509Certificate(encryptionCert).raw).digest('hex');
    expect(instances).toEqual([
      { serviceId: t.site.eherkenning.serviceId, uuid: t.site.eherkenning.serviceUuid, instanceOf: CATALOGUE.definitionUuid, sso: 'false', keyNames: [keyName], classifiers: [] },
      { serviceId: EIDAS.serviceId, uuid: EIDAS.serviceUuid, instanceOf: CATALOGUE.eidasDefinitionUuid, sso: 'false', keyNames: [keyName], classifiers: ['eIDAS-inbound'] },
    ]);
  });

  it('gives the SP metadata the services\' descriptions, and the eHerkenning service asks for the company name there too', async () => {
    const metadata = await (await t.app.request('/poort/auth/eherkenning/metadata')).text();
    const sso = childElements(parseXmlStrict(metadata).documentElement!, NS.md, 'SPSSODescriptor')[0]!;
    const services = childElements(sso, NS.md, 'AttributeConsumingService').map((s) => ({
      descriptions: childElements(s, NS.md, 'ServiceDescription').map((d) => d.textContent),
      requested: childElements(s, NS.md, 'RequestedAttribute').map((r) => r.getAttribute('Name')),
    }));
    expect(services).toEqual([
      { descriptions: [CATALOGUE.description.nl, CATALOGUE.description.en], requested: [t.site.eherkenning.serviceId, 'urn:etoegang:1.11:attribute-represented:CompanyName'] },
      { descriptions: [CATALOGUE.eidasDescription.nl, CATALOGUE.eidasDescription.en], requested: [EIDAS.serviceId, 'urn:etoegang:1.9:attribute:FirstName', 'urn:etoegang:1.9:attribute:FamilyName'] },
    ]);
  });
});

describe('the service catalogue with everything optional in it', () => {
  it('service and privacy URLs, other brokers, two published encryption certificates (a rollover) and the production network: still valid', () => {
    const keys = t.deps.saml!.sp.keys;
    const next = keys.signing; // any other certificate stands in for the next encryption key
    const built = buildServiceCatalogue({
      organisationName: t.site.site.name,
      brokerOin: CATALOGUE.brokerOin,
      additionalBrokerOins: ['00000008888888880000', '00000007777777770000'],
      sequence: 7,
      production: true,
      serviceUrl: 'https://www.voorbeeld.nl/loket',
      privacyPolicyUrl: 'https://www.voorbeeld.nl/privacy',
      entries: [{ kind: 'eherkenning', service: t.deps.saml!.sp, definitionUuid: CATALOGUE.definitionUuid, description: CATALOGUE.description, level: 'loa3' }],
      keys: { ...keys, additionalEncryption: [{ ...next, publish: true }] },
    });
    const valid = xmllintValidate(built, SCHEMA);
    expect(valid.output).toMatch(/validates/);
    expect(valid.ok).toBe(true);
    const instance = esc(esc(parseXmlStrict(built).documentElement!, 'ServiceProvider')[0]!, 'ServiceInstance')[0]!;
    expect(texts(instance, 'ServiceURL')).toEqual(['nl https://www.voorbeeld.nl/loket', 'en https://www.voorbeeld.nl/loket']);
    expect(texts(instance, 'PrivacyPolicyURL')).toEqual(['nl https://www.voorbeeld.nl/privacy', 'en https://www.voorbeeld.nl/privacy']);
    expect(texts(instance, 'AdditionalHerkenningsmakelaarId')).toEqual(['00000008888888880000', '00000007777777770000']);
    expect(esc(instance, 'ServiceCertificate').map((c) => c.getElementsByTagNameNS(NS.ds, 'KeyName')[0]!.textContent)).toEqual([certificateKeyName(keys.encryption.cert), certificateKeyName(next.cert)]);
    expect(parseXmlStrict(built).documentElement!.getAttributeNS(CATALOGUE_NS, 'Version')).toBe('urn:etoegang:1.13:service-catalogue:P:7');
  });
});

describe('the service catalogue configuration', () => {
  it('is optional: without it the catalogue answers 404', { timeout: 300_000 }, async () => {
    const { catalogue: _none, ...eherkenning } = demoSiteConfig.eherkenning;
    const plain = await createTestApp({ site: { ...demoSiteConfig, eherkenning } });
    try {
      const res = await plain.app.request('/poort/auth/eherkenning/service-catalogue', { headers: { accept: 'application/json' } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    } finally {
      await plain.close();
    }
  });

  it('refuses what the catalogue cannot be made of, naming the field', () => {
    const withEherkenning = (change: Record<string, unknown>) => () => parseSiteConfig({ ...demoSiteConfig, eherkenning: { ...demoSiteConfig.eherkenning, ...change } }, 'poort.config.json');
    const { eidasDefinitionUuid: _eidasUuid, ...withoutEidasDefinition } = CATALOGUE;
    expect(withEherkenning({ catalogue: withoutEidasDefinition })).toThrow('poort.config.json: eherkenning.catalogue.eidasDefinitionUuid: required when eherkenning.eidas is set');
    expect(withEherkenning({ serviceId: 'urn:poort:service' })).toThrow('eherkenning.serviceId: the service catalogue needs the form urn:etoegang:DV:<OIN of 20 digits>:services:<index>');
    expect(withEherkenning({ serviceId: 'urn:etoegang:DV:00000001234567890000:services:7' })).toThrow('eherkenning.serviceId: its index (7) must be the service\'s attributeConsumingServiceIndex (1)');
    expect(withEherkenning({ eidas: { ...EIDAS, serviceId: 'urn:etoegang:DV:00000009876543210000:services:2' } })).toThrow('eherkenning.eidas.serviceId: must name the same OIN as eherkenning.serviceId');
    expect(withEherkenning({ catalogue: { ...CATALOGUE, brokerOin: '1234' } })).toThrow('eherkenning.catalogue.brokerOin: an OIN: 20 digits');
    // Without a catalogue, a ServiceID of another form is still accepted (it only has to be what the broker registered).
    const { catalogue: _none, ...eherkenning } = demoSiteConfig.eherkenning;
    expect(parseSiteConfig({ ...demoSiteConfig, eherkenning: { ...eherkenning, serviceId: 'urn:poort:service' } }, 'x').eherkenning.serviceId).toBe('urn:poort:service');
  });
});
