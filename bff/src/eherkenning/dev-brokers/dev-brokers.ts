// Simulated eHerkenning brokers for local development, in the BFF's own process, built on samlify
// as the IdP implementation (so our SP is exercised by SAML code we did not write). Each answers
// like a real broker: signed Response and Assertion, identifiers as EncryptedID, over HTTP-POST
// or HTTP-Artifact as configured. Never mounted when NODE_ENV=production.
import { randomBytes } from 'node:crypto';
import * as samlify from 'samlify';
import { sourceIdOf } from '../../saml/artifact.js';
import { BINDING } from '../../saml/broker-metadata.js';
import { ensureKeyPair, type KeyPair } from '../../saml/key-pair.js';
import { escapeXml } from '../../saml/sp-context.js';
import { signXml } from '../../saml/xml-signature.js';
import { levels, type Level } from '../../../../contract/levels.js';
import { DEV_BROKERS_PATH } from '../../../../contract/paths.js';
import { levelUri } from '../../saml/level-uris.js';
import type { BrokerConfig } from '../../site-config/schema.js';
import { encryptId, nameIdXml } from './encrypt-id.js';
import type { EidasTestPerson, TestPerson } from './test-people.js';
import type { CatalogueService, ServiceKind } from '../../saml/sp-context.js';

export interface DevBroker {
  config: BrokerConfig;
  entityId: string;
  keys: KeyPair;
  idp: ReturnType<typeof samlify.IdentityProvider>;
  metadata: string;
}

export interface AuthnRequestSeen {
  id: string;
  level: Level;
  relayState: string;
  /** The service the request named by its AttributeConsumingServiceIndex. */
  service: ServiceKind;
}

export type DevAnswer = { person: TestPerson } | { eidasPerson: EidasTestPerson } | { status: 'cancelled' | 'no_authorisation' };

/** The simulated eIDAS node (EB) that makes the pseudonyms of European means. */
export const DEV_EIDAS_NODE = 'urn:etoegang:EB:00000000000000000000:entities:9001';
const DEV_AUTHENTICATION_SERVICE = 'urn:etoegang:AD:00000000000000000000:entities:9999';

export interface DevBrokersOptions {
  brokers: BrokerConfig[];
  publicUrl: string;
  /** Where the brokers' key pairs are kept (created when absent). */
  keyDir: string;
  /** Our SP: its entity id, ACS URL, service and encryption certificate, and its metadata for samlify. */
  sp: { entityId: string; acsUrl: string; serviceId: string; serviceUuid: string; encryptionCert: string; signingCert: string; metadata: () => string; eidas?: CatalogueService };
}

export class DevBrokers {
  private readonly brokers = new Map<string, DevBroker>();
  /** Pending artifacts: one process, development only; resolving removes them. */
  private readonly artifacts = new Map<string, { broker: string; responseXml: string; expires: number }>();
  private samlifySp?: ReturnType<typeof samlify.ServiceProvider>;

  constructor(readonly options: DevBrokersOptions) {}

  get(id: string): DevBroker | undefined {
    return this.broker(id);
  }

  metadata(id: string): string | undefined {
    return this.broker(id)?.metadata;
  }

  /**
   * Each simulated broker is made at its first use, so its key pair (openssl, once per data
   * directory) is made then, not while the server starts, and only for brokers someone uses.
   */
  private broker(id: string): DevBroker | undefined {
    const made = this.brokers.get(id);
    if (made) return made;
    const config = this.options.brokers.find((b) => b.metadata === `dev:${id}`);
    if (!config) return undefined;
    const base = `${this.options.publicUrl}${DEV_BROKERS_PATH}/${id}`;
    const keys = ensureKeyPair(this.options.keyDir, `dev-broker-${id}`, `Poort simulated broker ${id}`);
    const idp = samlify.IdentityProvider({
      entityID: `${base}/metadata`,
      signingCert: keys.cert,
      privateKey: keys.key,
      requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      singleSignOnService: [{ Binding: BINDING.post, Location: `${base}/sso` }],
      wantAuthnRequestsSigned: true,
    });
    // samlify's IdP metadata has no ArtifactResolutionService; add ours in schema order
    // (before SingleSignOnService). The metadata is not signed, so this edit is safe.
    const ars = `<ArtifactResolutionService xmlns="urn:oasis:names:tc:SAML:2.0:metadata" Binding="${BINDING.soap}" Location="${base}/ars" index="0"/>`;
    const metadata = idp.getMetadata().replace(/<((\w+:)?)SingleSignOnService/, (m) => `${ars}${m}`);
    const broker = { config, entityId: `${base}/metadata`, keys, idp, metadata };
    this.brokers.set(id, broker);
    return broker;
  }

  private sp() {
    return (this.samlifySp ??= samlify.ServiceProvider({ metadata: this.options.sp.metadata(), wantMessageSigned: true }));
  }

  /** The level a broker answers with: what was asked when it offers it, else the best it has. */
  levelFor(broker: DevBroker, requested: Level): Level {
    if (broker.config.levels.includes(requested)) return requested;
    const higher = broker.config.levels.filter((l) => levels.indexOf(l) > levels.indexOf(requested));
    return higher[0] ?? broker.config.levels[broker.config.levels.length - 1]!;
  }

  /** The service an AuthnRequest asked for, by its AttributeConsumingServiceIndex (eHerkenning unless it names eIDAS's). */
  serviceFor(attributeConsumingServiceIndex: string | null): ServiceKind {
    const eidas = this.options.sp.eidas;
    return eidas && attributeConsumingServiceIndex === String(eidas.attributeConsumingServiceIndex) ? 'eidas' : 'eherkenning';
  }

  /** The signed Response for an answer on the page (a login, or a cancel / no authorisation). */
  async buildResponse(broker: DevBroker, request: AuthnRequestSeen, answer: DevAnswer): Promise<string> {
    const { sp } = this.options;
    const now = new Date();
    const later = new Date(now.getTime() + 4 * 60_000).toISOString();
    const responseId = `_${randomBytes(16).toString('hex')}`;
    const head =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(sp.acsUrl)}" InResponseTo="${escapeXml(request.id)}">` +
      `<saml:Issuer>${escapeXml(broker.entityId)}</saml:Issuer>`;
    if ('status' in answer) {
      const second = answer.status === 'cancelled' ? 'AuthnFailed' : 'RequestDenied';
      const xml = `${head}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${second}"/></samlp:StatusCode></samlp:Status></samlp:Response>`;
      return signXml(xml, { ...broker.keys, xpath: "/*[local-name(.)='Response']", after: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']" });
    }
    const eidasPerson = 'eidasPerson' in answer ? answer.eidasPerson : undefined;
    const person = 'person' in answer ? answer.person : answer.eidasPerson;
    const recipient = [{ entityId: sp.entityId, cert: sp.encryptionCert }];
    const encrypted = (value: string, qualifier: string) => encryptId(nameIdXml(value, qualifier), recipient);
    const legal = eidasPerson
      ? encrypted(eidasPerson.company.eidas, 'urn:etoegang:1.11:EntityConcernedID:eIDASLegalIdentifier')
      : person.company.kvk
        ? encrypted(person.company.kvk, 'urn:etoegang:1.9:EntityConcernedID:KvKnr')
        : encrypted(person.company.rsin!, 'urn:etoegang:1.9:EntityConcernedID:RSIN');
    const attribute = (name: string, value: string) => `<saml:Attribute Name="${name}"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`;
    // The eIDAS service's catalogue entry when that is what the request named; an eIDAS person's own level when their means is weaker.
    const service = request.service === 'eidas' && sp.eidas ? sp.eidas : sp;
    const level = eidasPerson?.level ?? this.levelFor(broker, request.level);
    const assertion =
      `<saml:Assertion ID="_${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${now.toISOString()}">` +
      `<saml:Issuer>${escapeXml(broker.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">_${randomBytes(12).toString('hex')}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${escapeXml(request.id)}" NotOnOrAfter="${later}" Recipient="${escapeXml(sp.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${now.toISOString()}" NotOnOrAfter="${later}"><saml:AudienceRestriction><saml:Audience>${escapeXml(sp.entityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>${levelUri[level]}</saml:AuthnContextClassRef>` +
      `<saml:AuthenticatingAuthority>${eidasPerson ? DEV_EIDAS_NODE : DEV_AUTHENTICATION_SERVICE}</saml:AuthenticatingAuthority></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>` +
      attribute('urn:etoegang:core:ServiceID', escapeXml(service.serviceId)) +
      attribute('urn:etoegang:core:ServiceUUID', escapeXml(service.serviceUuid)) +
      attribute('urn:etoegang:core:ActingSubjectID', encrypted(person.pseudonym, 'urn:etoegang:1.9:EntityConcernedID:Pseudo')) +
      attribute('urn:etoegang:core:LegalSubjectID', legal) +
      (person.company.vestigingsnr ? attribute('urn:etoegang:1.9:ServiceRestriction:Vestigingsnr', person.company.vestigingsnr) : '') +
      (eidasPerson
        ? attribute('urn:etoegang:1.9:attribute:FirstName', escapeXml(eidasPerson.firstName)) + attribute('urn:etoegang:1.9:attribute:FamilyName', escapeXml(eidasPerson.familyName))
        : '') +
      // A real broker sends the name only when the service catalogue asks for it; these always do.
      attribute('urn:etoegang:1.11:attribute-represented:CompanyName', escapeXml(person.company.name)) +
      `</saml:AttributeStatement></saml:Assertion>`;
    const context = `${head}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
    const { context: base64 } = await broker.idp.createLoginResponse(this.sp(), { extract: { request: { id: request.id } } }, 'post', {}, () => ({ id: responseId, context }));
    return Buffer.from(base64, 'base64').toString('utf8');
  }

  /** Keeps a Response for one resolution and returns its artifact (type 0x0004, bindings §3.6.4). */
  issueArtifact(broker: DevBroker, responseXml: string): string {
    const bytes = Buffer.concat([Buffer.from([0, 4, 0, 0]), sourceIdOf(broker.entityId), randomBytes(20)]);
    const artifact = bytes.toString('base64');
    this.artifacts.set(artifact, { broker: broker.config.metadata.slice(4), responseXml, expires: Date.now() + 5 * 60_000 });
    return artifact;
  }

  /** The signed ArtifactResponse for an ArtifactResolve (the Response once, then never again). */
  resolveArtifact(brokerId: string, resolveId: string, artifact: string): string | undefined {
    const broker = this.broker(brokerId);
    const pending = this.artifacts.get(artifact);
    this.artifacts.delete(artifact);
    if (!broker) return undefined;
    const found = pending && pending.broker === brokerId && pending.expires > Date.now() ? pending.responseXml.replace(/^<\?xml[^>]*>/, '') : '';
    const status = found ? 'Success' : 'Requester';
    const xml =
      `<samlp:ArtifactResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${new Date().toISOString()}" InResponseTo="${escapeXml(resolveId)}">` +
      `<saml:Issuer>${escapeXml(broker.entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${status}"/></samlp:Status>${found}</samlp:ArtifactResponse>`;
    const signed = signXml(xml, { ...broker.keys, xpath: "/*[local-name(.)='ArtifactResponse']", after: "/*[local-name(.)='ArtifactResponse']/*[local-name(.)='Issuer']" });
    return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${signed}</soap:Body></soap:Envelope>`;
  }
}
