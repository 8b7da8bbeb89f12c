// The signed AuthnRequest. node-saml writes ProtocolBinding="HTTP-POST" unconditionally and always
// adds a NameIDPolicy, while eHerkenning brokers answer over the binding we ask for (often
// HTTP-Artifact); so Poort builds this one message itself and signs it with xml-crypto. The same
// builder serves every upstream (eHerkenning, ACM/IDM): what differs is passed in.
import { randomBytes } from 'node:crypto';
import type { Level } from '../../../contract/levels.js';
import { levelUri } from './level-uris.js';
import { BINDING } from './broker-metadata.js';
import { escapeXml, type CatalogueService, type SamlSp, type SpContext } from './sp-context.js';
import { signXml } from './xml-signature.js';

export interface AuthnRequestInput {
  destination: string;
  binding: 'HTTP-POST' | 'HTTP-Artifact';
  /**
   * RequestedAuthnContext: `minimum` with one class (eHerkenning's ordered levels), or `exact` with
   * every class that is good enough (SAML core §3.3.2.2.1: any one of them satisfies the request).
   */
  authnContext: { comparison: 'minimum' | 'exact'; classRefs: readonly string[] };
  /** ForceAuthn: no single sign-on session at the IdP may answer (always for eHerkenning; step-up elsewhere). */
  forceAuthn: boolean;
  attributeConsumingServiceIndex?: number;
  /** Routing `contracted`: the supplier the user chose, as a Scoping/IDPList hint. */
  idpHint?: string;
}

/** A fresh request id: 128 random bits, starting with a letter-like `_` as xs:ID demands. */
export function newRequestId(): string {
  return `_${randomBytes(16).toString('hex')}`;
}

export function buildAuthnRequest(sp: SamlSp, input: AuthnRequestInput, id = newRequestId(), now = new Date()): string {
  const binding = input.binding === 'HTTP-Artifact' ? BINDING.artifact : BINDING.post;
  const scoping = input.idpHint
    ? `<samlp:Scoping><samlp:IDPList><samlp:IDPEntry ProviderID="${escapeXml(input.idpHint)}"/></samlp:IDPList></samlp:Scoping>`
    : '';
  const acsIndex = input.attributeConsumingServiceIndex === undefined ? '' : ` AttributeConsumingServiceIndex="${input.attributeConsumingServiceIndex}"`;
  const classRefs = input.authnContext.classRefs.map((ref) => `<saml:AuthnContextClassRef>${escapeXml(ref)}</saml:AuthnContextClassRef>`).join('');
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(input.destination)}" ForceAuthn="${input.forceAuthn}"` +
    ` ProtocolBinding="${binding}" AssertionConsumerServiceURL="${escapeXml(sp.acsUrl)}"${acsIndex}>` +
    `<saml:Issuer>${escapeXml(sp.entityId)}</saml:Issuer>` +
    `<samlp:RequestedAuthnContext Comparison="${input.authnContext.comparison}">${classRefs}</samlp:RequestedAuthnContext>` +
    scoping +
    `</samlp:AuthnRequest>`;
  return signXml(xml, { ...sp.keys.signing, xpath: "/*[local-name(.)='AuthnRequest']", after: "/*[local-name(.)='AuthnRequest']/*[local-name(.)='Issuer']" });
}

/**
 * eHerkenning's request: always ForceAuthn, the level as a `minimum`, and the index of the catalogue
 * service asked for (default eHerkenning, the SP's own; eIDAS its second service).
 */
export function buildEherkenningAuthnRequest(
  sp: SpContext,
  input: { destination: string; binding: 'HTTP-POST' | 'HTTP-Artifact'; level: Level; idpHint?: string; service?: CatalogueService },
  id = newRequestId(),
  now = new Date(),
): string {
  return buildAuthnRequest(
    sp,
    {
      destination: input.destination,
      binding: input.binding,
      authnContext: { comparison: 'minimum', classRefs: [levelUri[input.level]] },
      forceAuthn: true,
      attributeConsumingServiceIndex: (input.service ?? sp).attributeConsumingServiceIndex,
      ...(input.idpHint ? { idpHint: input.idpHint } : {}),
    },
    id,
    now,
  );
}
