// A simulated Flemish government IdP (ACM/IDM) for local development and the tests, in the BFF's
// own process: its metadata, and Responses as ACM/IDM sends them: the assertion signed (xml-crypto)
// and then encrypted for our encryption certificate (EncryptedAssertion), the means used as
// AuthnContextClassRef, the person's ACM id and capacities as attributes; a cancel is an error
// Response (Responder / AuthnFailed). Never mounted when NODE_ENV=production.
import { randomBytes } from 'node:crypto';
import { DEV_ACMIDM_PATH } from '../../../../contract/paths.js';
import { BINDING } from '../../saml/broker-metadata.js';
import { certBody, ensureKeyPair, type KeyPair } from '../../saml/key-pair.js';
import { escapeXml } from '../../saml/sp-context.js';
import { signXml } from '../../saml/xml-signature.js';
import { encryptAssertion } from '../../eherkenning/dev-brokers/encrypt-id.js';
import { defaultAttributeNames, type AcmidmAttributeNames } from '../acmidm-attributes.js';
import type { AcmidmTestPerson } from './test-people.js';

export interface DevAcmidmOptions {
  publicUrl: string;
  keyDir: string;
  sp: { entityId: string; acsUrl: string; encryptionCert: string; signingCert: string };
  attributeNames?: AcmidmAttributeNames;
}

export interface AcmidmRequestSeen {
  id: string;
  /** The means the request allows (RequestedAuthnContext), strongest first. */
  authmechs: string[];
}

export type DevAcmidmAnswer = { person: AcmidmTestPerson; authmech: string } | { status: 'cancelled' };

export class DevAcmidmIdp {
  readonly entityId: string;
  private made?: { keys: KeyPair; metadata: string };

  constructor(readonly options: DevAcmidmOptions) {
    this.entityId = `${options.publicUrl}${DEV_ACMIDM_PATH}/metadata`;
  }

  /** The key pair is made at first use (openssl, once per data directory), not while the server starts. */
  get keys(): KeyPair {
    return this.ensure().keys;
  }

  get metadata(): string {
    return this.ensure().metadata;
  }

  private ensure(): { keys: KeyPair; metadata: string } {
    if (this.made) return this.made;
    const keys = ensureKeyPair(this.options.keyDir, 'dev-acmidm-idp', 'Poort simulated ACM-IDM IdP');
    const metadata =
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(this.entityId)}">` +
      `<md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(keys.cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>` +
      `<md:SingleSignOnService Binding="${BINDING.post}" Location="${escapeXml(`${this.options.publicUrl}${DEV_ACMIDM_PATH}/sso`)}"/>` +
      `</md:IDPSSODescriptor></md:EntityDescriptor>`;
    return (this.made = { keys, metadata });
  }

  buildResponse(request: AcmidmRequestSeen, answer: DevAcmidmAnswer): string {
    const { sp } = this.options;
    const names = this.options.attributeNames ?? defaultAttributeNames;
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 60_000).toISOString();
    const head =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(sp.acsUrl)}" InResponseTo="${escapeXml(request.id)}">` +
      `<saml:Issuer>${escapeXml(this.entityId)}</saml:Issuer>`;
    if ('status' in answer) {
      const xml = `${head}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode><samlp:StatusMessage>De gebruiker heeft het aanmelden geannuleerd.</samlp:StatusMessage></samlp:Status></samlp:Response>`;
      return signXml(xml, { ...this.keys, xpath: "/*[local-name(.)='Response']", after: "/*[local-name(.)='Response']/*[local-name(.)='Issuer']" });
    }
    const { person } = answer;
    const attribute = (name: string, values: string[]) =>
      `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values.map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
    const capacities = person.capacities.map((c) => (c.kbo ? `${c.code}:${c.kbo}` : c.code));
    const assertionId = `_${randomBytes(16).toString('hex')}`;
    const assertion =
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${now.toISOString()}">` +
      `<saml:Issuer>${escapeXml(this.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">_${randomBytes(12).toString('hex')}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${escapeXml(request.id)}" NotOnOrAfter="${later}" Recipient="${escapeXml(sp.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${now.toISOString()}" NotOnOrAfter="${later}"><saml:AudienceRestriction><saml:Audience>${escapeXml(sp.entityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>${escapeXml(answer.authmech)}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>` +
      attribute(names.subject, [person.sub]) +
      attribute(names.givenName, [person.givenName]) +
      attribute(names.familyName, [person.familyName]) +
      attribute(names.capacity, capacities) +
      `</saml:AttributeStatement></saml:Assertion>`;
    const signed = signXml(assertion, { ...this.keys, xpath: "/*[local-name(.)='Assertion']", after: "/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']" });
    const encrypted = encryptAssertion(signed, { entityId: sp.entityId, cert: sp.encryptionCert });
    return `${head}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${encrypted}</samlp:Response>`;
  }
}
