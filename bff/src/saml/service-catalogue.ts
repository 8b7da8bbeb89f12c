// Our entry in the eHerkenning service catalogue (dienstencatalogus): the signed document a broker
// registers in the network, from which the brokers, authentication services and authorisation
// registers learn our services (name, level, whom they serve, what they ask for) and the
// certificate to encrypt identities for us. Format: Afsprakenstelsel "Service catalog" (namespace
// urn:etoegang:1.13:service-catalog); what Poort puts in and why: docs/saml.md ("Service catalogue").
// Pure: builds XML from what it is given.
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import type { Localized } from '../../../contract/locales.js';
import type { Level } from '../../../contract/levels.js';
import { ATTR, EIDAS_REQUESTED_ATTRIBUTES, EHERKENNING_REQUESTED_ATTRIBUTES } from './eherkenning-attributes.js';
import { certBody, publishedEncryptionCerts, type SpKeys } from './key-pair.js';
import { levelUri } from './level-uris.js';
import { escapeXml, type CatalogueService, type ServiceKind } from './sp-context.js';
import { signXml } from './xml-signature.js';

export const CATALOGUE_NS = 'urn:etoegang:1.13:service-catalog';
const SCHEME_VERSION = '1.13';

/** `urn:etoegang:DV:<OIN>:services:<index>` → its OIN and index; anything else → undefined. */
export function parseServiceId(serviceId: string): { oin: string; index: number } | undefined {
  const match = /^urn:etoegang:DV:(\d{20}):services:(\d+)$/.exec(serviceId);
  return match ? { oin: match[1]!, index: Number(match[2]) } : undefined;
}

/**
 * What each kind of service accepts and asks for, as the rest of Poort reads the answers
 * (eherkenning-attributes.ts): eHerkenning a Dutch company by KvK number or RSIN (either suffices:
 * two sets), branch restrictions, the company's name; eIDAS a European legal person by its eIDAS
 * identifier, the acting person's names, and the classifier that routes it to the eIDAS node.
 */
const serviceFacts: Record<ServiceKind, { entityConcerned: { uri: string; set: number }[]; restrictions: string[]; requested: readonly string[]; classifiers: string[] }> = {
  eherkenning: {
    entityConcerned: [
      { uri: 'urn:etoegang:1.9:EntityConcernedID:KvKnr', set: 1 },
      { uri: 'urn:etoegang:1.9:EntityConcernedID:RSIN', set: 2 },
    ],
    restrictions: [ATTR.vestigingsnr],
    requested: EHERKENNING_REQUESTED_ATTRIBUTES,
    classifiers: [],
  },
  eidas: {
    entityConcerned: [{ uri: 'urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier', set: 1 }],
    restrictions: [],
    requested: EIDAS_REQUESTED_ATTRIBUTES,
    classifiers: ['eIDAS-inbound'],
  },
};

/** Why Poort asks for each attribute (PurposeStatement): need to know, in the registers' words. */
const purposes: Record<string, Record<'nl' | 'en', string>> = {
  [ATTR.companyName]: {
    nl: 'Om te tonen namens welke onderneming u bent ingelogd. Alleen getoond, niet bewaard buiten de sessie.',
    en: 'To show which company you are logged in for. Only shown, not kept beyond the session.',
  },
  [ATTR.firstName]: {
    nl: 'Om te tonen wie er is ingelogd: een pseudoniem zegt niemand iets.',
    en: 'To show who is logged in: a pseudonym means nothing to anyone.',
  },
  [ATTR.familyName]: {
    nl: 'Om te tonen wie er is ingelogd: een pseudoniem zegt niemand iets.',
    en: 'To show who is logged in: a pseudonym means nothing to anyone.',
  },
};

/** The languages the catalogue carries: the Dutch network's, and English (as in our SP metadata). */
const LANGS = ['nl', 'en'] as const;

export interface CatalogueEntry {
  kind: ServiceKind;
  /** ServiceID, the instance's ServiceUUID (the one answers carry), names and index. */
  service: CatalogueService;
  definitionUuid: string;
  description: Localized;
  level: Level;
}

export interface ServiceCatalogueInput {
  organisationName: Localized;
  brokerOin: string;
  additionalBrokerOins: readonly string[];
  sequence: number;
  /** P (production network) or T (test network) in the Version. */
  production: boolean;
  serviceUrl?: string | undefined;
  privacyPolicyUrl?: string | undefined;
  entries: readonly CatalogueEntry[];
  keys: SpKeys;
  now?: Date;
}

/**
 * The KeyName brokers put in an EncryptedKey for us: the SHA-1 fingerprint of the certificate
 * (DER, lower-case hex), as Logius' own eHerkenning SP matches it (docs/saml.md).
 */
export function certificateKeyName(certPem: string): string {
  return createHash('sha1').update(new X509Certificate(certPem).raw).digest('hex');
}

export function buildServiceCatalogue(input: ServiceCatalogueInput): string {
  const oin = parseServiceId(input.entries[0]!.service.serviceId)?.oin;
  if (!oin) throw new Error('service catalogue: a ServiceID is not urn:etoegang:DV:<OIN>:services:<index>');
  const id = `_${randomBytes(16).toString('hex')}`;
  const localized = (element: string, text: Localized) => LANGS.map((lang) => `<esc:${element} xml:lang="${lang}">${escapeXml(text[lang])}</esc:${element}>`).join('');
  const optionalUrl = (element: string, url: string | undefined) => (url ? LANGS.map((lang) => `<esc:${element} xml:lang="${lang}">${escapeXml(url)}</esc:${element}>`).join('') : '');
  const keyDescriptors = publishedEncryptionCerts(input.keys)
    .map(
      (cert) =>
        `<esc:ServiceCertificate><md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:KeyName>${certificateKeyName(cert)}</ds:KeyName>` +
        `<ds:X509Data><ds:X509Certificate>${certBody(cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></esc:ServiceCertificate>`,
    )
    .join('');

  const definition = (entry: CatalogueEntry) => {
    const facts = serviceFacts[entry.kind];
    return (
      `<esc:ServiceDefinition esc:IsPublic="true">` +
      `<esc:ServiceUUID>${escapeXml(entry.definitionUuid)}</esc:ServiceUUID>` +
      localized('ServiceName', entry.service.serviceName) +
      localized('ServiceDescription', entry.description) +
      `<saml:AuthnContextClassRef>${levelUri[entry.level]}</saml:AuthnContextClassRef>` +
      `<esc:HerkenningsmakelaarId>${input.brokerOin}</esc:HerkenningsmakelaarId>` +
      facts.entityConcerned.map((t) => `<esc:EntityConcernedTypesAllowed setNumber="${t.set}">${t.uri}</esc:EntityConcernedTypesAllowed>`).join('') +
      facts.restrictions.map((r) => `<esc:ServiceRestrictionsAllowed>${r}</esc:ServiceRestrictionsAllowed>`).join('') +
      facts.requested
        .map((name) => `<esc:RequestedAttribute Name="${name}" isRequired="false">${LANGS.map((lang) => `<esc:PurposeStatement xml:lang="${lang}">${escapeXml(purposes[name]![lang])}</esc:PurposeStatement>`).join('')}</esc:RequestedAttribute>`)
        .join('') +
      `</esc:ServiceDefinition>`
    );
  };
  const instance = (entry: CatalogueEntry) => {
    const facts = serviceFacts[entry.kind];
    return (
      `<esc:ServiceInstance esc:IsPublic="true">` +
      `<esc:ServiceID>${escapeXml(entry.service.serviceId)}</esc:ServiceID>` +
      `<esc:ServiceUUID>${escapeXml(entry.service.serviceUuid)}</esc:ServiceUUID>` +
      `<esc:InstanceOfService>${escapeXml(entry.definitionUuid)}</esc:InstanceOfService>` +
      optionalUrl('ServiceURL', input.serviceUrl) +
      optionalUrl('PrivacyPolicyURL', input.privacyPolicyUrl) +
      `<esc:HerkenningsmakelaarId>${input.brokerOin}</esc:HerkenningsmakelaarId>` +
      input.additionalBrokerOins.map((other) => `<esc:AdditionalHerkenningsmakelaarId>${other}</esc:AdditionalHerkenningsmakelaarId>`).join('') +
      // Poort ends every session itself; the network's single sign-on is not used.
      `<esc:SSOSupport>false</esc:SSOSupport>` +
      keyDescriptors +
      (facts.classifiers.length ? `<esc:Classifiers>${facts.classifiers.map((c) => `<esc:Classifier>${c}</esc:Classifier>`).join('')}</esc:Classifiers>` : '') +
      `</esc:ServiceInstance>`
    );
  };

  const version = `urn:etoegang:${SCHEME_VERSION}:service-catalogue:${input.production ? 'P' : 'T'}:${input.sequence}`;
  const xml =
    `<esc:ServiceCatalogue xmlns:esc="${CATALOGUE_NS}" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"` +
    ` ID="${id}" esc:IssueInstant="${(input.now ?? new Date()).toISOString()}" esc:Version="${version}">` +
    `<esc:ServiceProvider esc:IsPublic="true"><esc:ServiceProviderID>${oin}</esc:ServiceProviderID>` +
    localized('OrganizationDisplayName', input.organisationName) +
    input.entries.map(definition).join('') +
    input.entries.map(instance).join('') +
    `</esc:ServiceProvider></esc:ServiceCatalogue>`;
  // Enveloped, as our metadata: the schema wants the signature as the catalogue's first child.
  return signXml(xml, { ...input.keys.signing, xpath: "/*[local-name(.)='ServiceCatalogue']", firstChildOf: "/*[local-name(.)='ServiceCatalogue']" });
}
