// What Poort needs from a broker's SAML metadata: its entity id, where to send the AuthnRequest,
// where to resolve artifacts, and the certificates its messages are signed with.
import { X509Certificate } from 'node:crypto';
import { childElement, childElements, descendants, NS, textOf } from './dom.js';
import { pemFromBody } from './key-pair.js';
import { SamlError } from './saml-error.js';
import { verifyEnvelopedSignature } from './verify-signature.js';
import { parseXmlStrict } from './xml-guard.js';

export const BINDING = {
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  artifact: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
  soap: 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
} as const;

export interface BrokerEndpoints {
  entityId: string;
  /** SingleSignOnService with the HTTP-POST binding: Poort sends its AuthnRequest in a form post. */
  ssoUrl: string;
  /** ArtifactResolutionService (SOAP) with its index, when the broker offers one. */
  artifactResolution: { url: string; index: number }[];
  /** PEM certificates with use="signing" (or no use). */
  signingCerts: string[];
  /** validUntil of the metadata, when it states one. */
  validUntil?: Date;
}

export function parseBrokerMetadata(xml: string, metadataSigningCert?: string): BrokerEndpoints {
  const doc = parseXmlStrict(xml);
  const root = doc.documentElement!;
  if (root.namespaceURI !== NS.md || root.localName !== 'EntityDescriptor') throw new SamlError('metadata_not_entity_descriptor');
  if (metadataSigningCert && !verifyEnvelopedSignature(xml, root, [metadataSigningCert])) throw new SamlError('metadata_signature_invalid');
  const entityId = root.getAttribute('entityID');
  const idp = childElement(root, NS.md, 'IDPSSODescriptor');
  if (!entityId || !idp) throw new SamlError('metadata_no_idp');
  const sso = childElements(idp, NS.md, 'SingleSignOnService').find((e) => e.getAttribute('Binding') === BINDING.post);
  if (!sso?.getAttribute('Location')) throw new SamlError('metadata_no_post_sso');
  const artifactResolution = childElements(idp, NS.md, 'ArtifactResolutionService')
    .filter((e) => e.getAttribute('Binding') === BINDING.soap && e.getAttribute('Location'))
    .map((e) => ({ url: e.getAttribute('Location')!, index: Number(e.getAttribute('index') ?? 0) }));
  const signingCerts = childElements(idp, NS.md, 'KeyDescriptor')
    .filter((k) => (k.getAttribute('use') || 'signing') === 'signing')
    .flatMap((k) => descendants(k, NS.ds, 'X509Certificate'))
    .map((c: Element) => pemFromBody(textOf(c) ?? ''));
  for (const cert of signingCerts) new X509Certificate(cert);
  if (signingCerts.length === 0) throw new SamlError('metadata_no_signing_cert');
  const validUntilText = root.getAttribute('validUntil');
  const validUntil = validUntilText ? new Date(validUntilText) : undefined;
  return { entityId, ssoUrl: sso.getAttribute('Location')!, artifactResolution, signingCerts, ...(validUntil && !isNaN(validUntil.getTime()) ? { validUntil } : {}) };
}
