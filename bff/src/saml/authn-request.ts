// The signed AuthnRequest. node-saml writes ProtocolBinding="HTTP-POST" unconditionally and always
// adds a NameIDPolicy, while eHerkenning brokers answer over the binding we ask for (often
// HTTP-Artifact); so Poort builds this one message itself and signs it with xml-crypto.
import { randomBytes } from 'node:crypto';
import type { Level } from '../../../contract/levels.js';
import { levelUri } from './level-uris.js';
import { BINDING } from './broker-metadata.js';
import { escapeXml, type CatalogueService, type SpContext } from './sp-context.js';
import { signXml } from './xml-signature.js';

export interface AuthnRequestInput {
  destination: string;
  binding: 'HTTP-POST' | 'HTTP-Artifact';
  level: Level;
  /** Routing `contracted`: the supplier the user chose, as a Scoping/IDPList hint. */
  idpHint?: string;
  /** The catalogue service asked for (its AttributeConsumingService index); default eHerkenning, the SP's own. */
  service?: CatalogueService;
}

/** A fresh request id: 128 random bits, starting with a letter-like `_` as xs:ID demands. */
export function newRequestId(): string {
  return `_${randomBytes(16).toString('hex')}`;
}

export function buildAuthnRequest(sp: SpContext, input: AuthnRequestInput, id = newRequestId(), now = new Date()): string {
  const binding = input.binding === 'HTTP-Artifact' ? BINDING.artifact : BINDING.post;
  const scoping = input.idpHint
    ? `<samlp:Scoping><samlp:IDPList><samlp:IDPEntry ProviderID="${escapeXml(input.idpHint)}"/></samlp:IDPList></samlp:Scoping>`
    : '';
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(input.destination)}" ForceAuthn="true"` +
    ` ProtocolBinding="${binding}" AssertionConsumerServiceURL="${escapeXml(sp.acsUrl)}" AttributeConsumingServiceIndex="${(input.service ?? sp).attributeConsumingServiceIndex}">` +
    `<saml:Issuer>${escapeXml(sp.entityId)}</saml:Issuer>` +
    `<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>${levelUri[input.level]}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>` +
    scoping +
    `</samlp:AuthnRequest>`;
  return signXml(xml, { ...sp.keys.signing, xpath: "/*[local-name(.)='AuthnRequest']", after: "/*[local-name(.)='AuthnRequest']/*[local-name(.)='Issuer']" });
}
