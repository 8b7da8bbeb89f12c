// Poort's SP metadata: what an IdP (an eHerkenning broker, the Flemish ACM/IDM) loads to trust our
// signatures, encrypt for us and know where to send the answer. Signed, so an IdP that checks
// metadata signatures can.
import { randomBytes } from 'node:crypto';
import { BINDING } from './broker-metadata.js';
import { EHERKENNING_REQUESTED_ATTRIBUTES, EIDAS_REQUESTED_ATTRIBUTES } from './eherkenning-attributes.js';
import { certBody, publishedEncryptionCerts } from './key-pair.js';
import { ACS_INDEX, escapeXml, type CatalogueService, type SamlSp, type SpContext } from './sp-context.js';
import { signXml } from './xml-signature.js';

export interface SpMetadataParts {
  /** AssertionConsumerService endpoints, all at the SP's ACS URL; the first is the default. */
  acs: { binding: string; index: number }[];
  /** NameIDFormats the SP accepts, in order (eHerkenning lists none: the AS forbids elements it does not name). */
  nameIdFormats?: string[];
  /** Extra elements after the ACS endpoints, e.g. eHerkenning's AttributeConsumingService. */
  after?: string;
}

export function buildSpMetadata(sp: SamlSp, parts: SpMetadataParts, now = new Date()): string {
  const id = `_${randomBytes(16).toString('hex')}`;
  const validUntil = new Date(now.getTime() + 7 * 24 * 3_600_000).toISOString();
  const keyDescriptor = (use: 'signing' | 'encryption', cert: string) =>
    `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const acs = escapeXml(sp.acsUrl);
  const xml =
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="${id}" entityID="${escapeXml(sp.entityId)}" validUntil="${validUntil}">` +
    `<md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    // The active signing certificate first, then any published for a rollover: an IdP checks our
    // signatures against every signing KeyDescriptor in our metadata (SAML 2.0 metadata, 2.4.1.1).
    [sp.keys.signing.cert, ...(sp.keys.additionalSigningCerts ?? [])].map((cert) => keyDescriptor('signing', cert)).join('') +
    // Likewise the active encryption certificate, then the next one while a rollover publishes it
    // (Poort decrypts with either, so an IdP may use whichever it picks).
    publishedEncryptionCerts(sp.keys).map((cert) => keyDescriptor('encryption', cert)).join('') +
    (parts.nameIdFormats ?? []).map((format) => `<md:NameIDFormat>${escapeXml(format)}</md:NameIDFormat>`).join('') +
    parts.acs.map((a, i) => `<md:AssertionConsumerService Binding="${a.binding}" Location="${acs}" index="${a.index}"${i === 0 ? ' isDefault="true"' : ''}/>`).join('') +
    (parts.after ?? '') +
    `</md:SPSSODescriptor></md:EntityDescriptor>`;
  return signXml(xml, { ...sp.keys.signing, xpath: "/*[local-name(.)='EntityDescriptor']", firstChildOf: "/*[local-name(.)='EntityDescriptor']" });
}

/**
 * eHerkenning: Artifact (default) and POST, and one AttributeConsumingService per catalogue
 * service, exactly one the default (eHerkenning; eIDAS where the site offers it).
 */
export function buildEherkenningSpMetadata(sp: SpContext, now = new Date()): string {
  return buildSpMetadata(
    sp,
    {
      acs: [
        { binding: BINDING.artifact, index: ACS_INDEX.artifact },
        { binding: BINDING.post, index: ACS_INDEX.post },
      ],
      after: attributeConsumingService(sp, true, EHERKENNING_REQUESTED_ATTRIBUTES) + (sp.eidas ? attributeConsumingService(sp.eidas, false, EIDAS_REQUESTED_ATTRIBUTES) : ''),
    },
    now,
  );
}

/**
 * A service's AttributeConsumingService: its names (and description, where configured), a RequestedAttribute named by its ServiceID
 * (how eHerkenning brokers find the catalogue entry, not required), then the attributes it asks for.
 */
function attributeConsumingService(service: CatalogueService, isDefault: boolean, requested: readonly string[]): string {
  const names = (['nl', 'en'] as const).map((lang) => `<md:ServiceName xml:lang="${lang}">${escapeXml(service.serviceName[lang])}</md:ServiceName>`).join('');
  const description = service.serviceDescription;
  const descriptions = description ? (['nl', 'en'] as const).map((lang) => `<md:ServiceDescription xml:lang="${lang}">${escapeXml(description[lang])}</md:ServiceDescription>`).join('') : '';
  const attributes = [service.serviceId, ...requested].map((name) => `<md:RequestedAttribute Name="${escapeXml(name)}" isRequired="false"/>`).join('');
  return `<md:AttributeConsumingService index="${service.attributeConsumingServiceIndex}"${isDefault ? ' isDefault="true"' : ''}>${names}${descriptions}${attributes}</md:AttributeConsumingService>`;
}
