// HTTP-Artifact binding (SAML bindings §3.6), which node-saml does not offer: the browser brings a
// SAMLart; Poort sends a signed ArtifactResolve over SOAP to the broker's ArtifactResolutionService
// and receives the Response inside a signed ArtifactResponse.
import { createHash, randomBytes } from 'node:crypto';
import { XMLSerializer } from '@xmldom/xmldom';
import type { BrokerEndpoints } from './broker-metadata.js';
import { childElement, childElements, NS, onlyChild, textOf } from './dom.js';
import { SamlError } from './saml-error.js';
import { escapeXml, type SpContext } from './sp-context.js';
import { verifyEnvelopedSignature } from './verify-signature.js';
import { parseXmlStrict } from './xml-guard.js';
import { signXml } from './xml-signature.js';

export interface ParsedArtifact {
  endpointIndex: number;
  sourceId: Buffer;
}

/** Type 0x0004 artifacts: 2 bytes type, 2 bytes endpoint index, 20 bytes SourceID, 20 bytes handle. */
export function parseArtifact(artifact: string): ParsedArtifact {
  if (!/^[A-Za-z0-9+/]{56,60}={0,2}$/.test(artifact)) throw new SamlError('artifact_malformed');
  const bytes = Buffer.from(artifact, 'base64');
  if (bytes.length !== 44 || bytes.readUInt16BE(0) !== 4) throw new SamlError('artifact_malformed');
  return { endpointIndex: bytes.readUInt16BE(2), sourceId: bytes.subarray(4, 24) };
}

/** SourceID of an entity: SHA-1 of its entity id (bindings §3.6.4; an identifier, not a signature). */
export function sourceIdOf(entityId: string): Buffer {
  return createHash('sha1').update(entityId).digest();
}

export function buildArtifactResolve(sp: SpContext, destination: string, artifact: string, id = `_${randomBytes(16).toString('hex')}`, now = new Date()): string {
  const xml =
    `<samlp:ArtifactResolve xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(destination)}">` +
    `<saml:Issuer>${escapeXml(sp.entityId)}</saml:Issuer><samlp:Artifact>${escapeXml(artifact)}</samlp:Artifact></samlp:ArtifactResolve>`;
  return signXml(xml, { ...sp.keys.signing, xpath: "/*[local-name(.)='ArtifactResolve']", after: "/*[local-name(.)='ArtifactResolve']/*[local-name(.)='Issuer']" });
}

export function soapEnvelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export interface SoapRequest {
  url: string;
  body: string;
  contentType: 'text/xml' | 'application/soap+xml';
  tls?: { cert?: string; key?: string; ca?: string };
}

export type SoapTransport = (request: SoapRequest) => Promise<string>;

/**
 * The Response inside a verified ArtifactResponse. The ArtifactResponse must be signed by the
 * broker, answer our ArtifactResolve, come from the broker and report success.
 */
export function responseFromArtifactResponse(soapXml: string, broker: BrokerEndpoints, resolveId: string): string {
  const doc = parseXmlStrict(soapXml);
  const envelope = doc.documentElement!;
  if (envelope.localName !== 'Envelope' || (envelope.namespaceURI !== NS.soap11 && envelope.namespaceURI !== NS.soap12)) throw new SamlError('artifact_response_invalid');
  const body = onlyChild(envelope, envelope.namespaceURI, 'Body');
  const artifactResponse = body && onlyChild(body, NS.samlp, 'ArtifactResponse');
  if (!artifactResponse || childElements(body).length !== 1) throw new SamlError('artifact_response_invalid');
  if (!verifyEnvelopedSignature(soapXml, artifactResponse, broker.signingCerts)) throw new SamlError('artifact_response_signature_invalid');
  if (artifactResponse.getAttribute('InResponseTo') !== resolveId) throw new SamlError('artifact_response_in_response_to_mismatch');
  const issuer = onlyChild(artifactResponse, NS.saml, 'Issuer');
  if (!issuer || textOf(issuer) !== broker.entityId) throw new SamlError('issuer_mismatch');
  const status = onlyChild(artifactResponse, NS.samlp, 'Status');
  const code = status && childElement(status, NS.samlp, 'StatusCode');
  if (code?.getAttribute('Value') !== 'urn:oasis:names:tc:SAML:2.0:status:Success') throw new SamlError('artifact_not_resolved');
  const responses = childElements(artifactResponse, NS.samlp, 'Response');
  if (responses.length !== 1) throw new SamlError('artifact_response_invalid');
  return serializeWithInheritedNamespaces(responses[0]!);
}

/** Serialises an element on its own, carrying the namespace declarations it inherits from its ancestors. */
function serializeWithInheritedNamespaces(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (let p = element.parentNode as Element | null; p && p.nodeType === 1; p = p.parentNode as Element | null) {
    for (let i = 0; i < p.attributes.length; i++) {
      const a = p.attributes.item(i)!;
      if ((a.name === 'xmlns' || a.name.startsWith('xmlns:')) && !clone.hasAttribute(a.name)) clone.setAttribute(a.name, a.value);
    }
  }
  return new XMLSerializer().serializeToString(clone);
}
