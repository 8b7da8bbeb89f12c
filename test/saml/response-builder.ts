// Builds eHerkenning-shaped Responses signed with a broker's key, the way the hostile tests need
// them: every field can be set, signatures placed on the Response, the Assertion or both, with
// strong or weak algorithms. Mutations (XSW and friends) then work on the signed text.
import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { encryptId, nameIdXml } from '../../bff/src/eherkenning/dev-brokers/encrypt-id.js';
import { certBody, type KeyPair } from '../../bff/src/saml/key-pair.js';
import { ENVELOPED, EXC_C14N, RSA_SHA256, SHA256, signXml } from '../../bff/src/saml/xml-signature.js';

/** What every upstream's test answer lets a test set: where it goes, for which request, when, and how it is signed. */
export interface AnswerSpec {
  sp: { entityId: string; acsUrl: string; encryptionCert: string };
  inResponseTo?: string | null;
  destination?: string;
  recipient?: string;
  audience?: string;
  issuer?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
  status?: { top: string; second?: string };
  signResponse?: boolean;
  signAssertion?: boolean;
  responseId?: string;
  assertionId?: string;
}

export interface ResponseSpec extends AnswerSpec {
  brokerEntityId: string;
  brokerKeys: KeyPair;
  assertionIssuer?: string;
  level?: string;
  pseudonym?: string;
  /** Put the pseudonym as a plain NameID (raw XML allowed, e.g. with a comment) instead of an EncryptedID. */
  plainPseudonymXml?: string;
  kvk?: string;
  /** LegalSubjectID of another kind than a KvK number (e.g. an eIDAS identifier), instead of `kvk`. */
  legal?: { value: string; qualifier: string };
  /** AuthenticatingAuthority in the AuthnStatement (the AD, or the eIDAS node); none unless given. */
  authority?: string;
  /** More saml:Attribute elements for the AttributeStatement, as raw XML. */
  attributesXml?: string;
  weak?: boolean;
  /** Raw XML put inside saml:Advice (e.g. a nested assertion). */
  advice?: string;
  /** How identifiers become EncryptedIDs (default: Poort's own encryption for the SP, as the simulated brokers do). */
  encryptId?: (nameIdXml: string) => string;
  /** Turns the signed assertion into an EncryptedAssertion (default: the assertion stays plain). */
  encryptAssertion?: (signedAssertionXml: string) => string;
  /** ServiceID attribute value (default: the demo configuration's service); null leaves the attribute out. */
  serviceId?: string | null;
  /** ServiceUUID attribute value; left out unless given. */
  serviceUuid?: string;
}

export const DEMO_SERVICE_ID = 'urn:etoegang:DV:00000001234567890000:services:1';

export const id = () => `_${randomBytes(16).toString('hex')}`;

export function buildAssertion(spec: ResponseSpec): { xml: string; id: string } {
  const now = new Date();
  const notBefore = spec.notBefore ?? new Date(now.getTime() - 1000);
  const notOnOrAfter = spec.notOnOrAfter ?? new Date(now.getTime() + 4 * 60_000);
  const assertionId = spec.assertionId ?? id();
  const recipient = [{ entityId: spec.sp.entityId, cert: spec.sp.encryptionCert }];
  const encrypt = spec.encryptId ?? ((nameId: string) => encryptId(nameId, recipient));
  const acting = spec.plainPseudonymXml
    ? `<saml:NameID NameQualifier="urn:etoegang:1.9:EntityConcernedID:Pseudo">${spec.plainPseudonymXml}</saml:NameID>`
    : encrypt(nameIdXml(spec.pseudonym ?? 'S-test-pseudonym-1', 'urn:etoegang:1.9:EntityConcernedID:Pseudo'));
  const serviceId = spec.serviceId === undefined ? DEMO_SERVICE_ID : spec.serviceId;
  const irt = spec.inResponseTo ? ` InResponseTo="${spec.inResponseTo}"` : '';
  const xml =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${now.toISOString()}">` +
    `<saml:Issuer>${spec.assertionIssuer ?? spec.brokerEntityId}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">transient-${randomBytes(4).toString('hex')}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${irt} NotOnOrAfter="${notOnOrAfter.toISOString()}" Recipient="${spec.recipient ?? spec.sp.acsUrl}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${notOnOrAfter.toISOString()}"><saml:AudienceRestriction><saml:Audience>${spec.audience ?? spec.sp.entityId}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    (spec.advice ? `<saml:Advice>${spec.advice}</saml:Advice>` : '') +
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:etoegang:core:assurance-class:${spec.level ?? 'loa3'}</saml:AuthnContextClassRef>${spec.authority ? `<saml:AuthenticatingAuthority>${spec.authority}</saml:AuthenticatingAuthority>` : ''}</saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>` +
    (serviceId === null ? '' : `<saml:Attribute Name="urn:etoegang:core:ServiceID"><saml:AttributeValue>${serviceId}</saml:AttributeValue></saml:Attribute>`) +
    (spec.serviceUuid ? `<saml:Attribute Name="urn:etoegang:core:ServiceUUID"><saml:AttributeValue>${spec.serviceUuid}</saml:AttributeValue></saml:Attribute>` : '') +
    `<saml:Attribute Name="urn:etoegang:core:ActingSubjectID"><saml:AttributeValue>${acting}</saml:AttributeValue></saml:Attribute>` +
    `<saml:Attribute Name="urn:etoegang:core:LegalSubjectID"><saml:AttributeValue>${encrypt(nameIdXml(spec.legal?.value ?? spec.kvk ?? '90001234', spec.legal?.qualifier ?? 'urn:etoegang:1.9:EntityConcernedID:KvKnr'))}</saml:AttributeValue></saml:Attribute>` +
    (spec.attributesXml ?? '') +
    `</saml:AttributeStatement></saml:Assertion>`;
  return { xml, id: assertionId };
}

/** How a test signature departs from the usual one: SHA-1 algorithms, other transforms, another ds prefix ('' for the default namespace). */
export interface SignatureShape {
  weak?: boolean;
  transforms?: string[];
  prefix?: string;
  /** SignedInfo's CanonicalizationMethod; exclusive c14n unless given. */
  canonicalization?: string;
}

export function sign(xml: string, element: 'Response' | 'Assertion', keys: KeyPair, shape: boolean | SignatureShape = false): string {
  const xpath = element === 'Response' ? "/*[local-name(.)='Response']" : "//*[local-name(.)='Assertion' and not(ancestor::*[local-name(.)='Advice'])]";
  const after = element === 'Response' ? "/*[local-name(.)='Response']/*[local-name(.)='Issuer']" : `${xpath}/*[local-name(.)='Issuer']`;
  const { weak = false, transforms, prefix, canonicalization } = typeof shape === 'boolean' ? { weak: shape } : shape;
  if (!weak && !transforms && prefix === undefined && !canonicalization) return signXml(xml, { ...keys, xpath, after });
  const ds = prefix === '' ? '' : `${prefix ?? 'ds'}:`;
  const sig = new SignedXml({
    privateKey: keys.key,
    publicCert: keys.cert,
    signatureAlgorithm: weak ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : RSA_SHA256,
    canonicalizationAlgorithm: canonicalization ?? EXC_C14N,
    getKeyInfoContent: () => `<${ds}X509Data><${ds}X509Certificate>${certBody(keys.cert)}</${ds}X509Certificate></${ds}X509Data>`,
  });
  sig.addReference({ xpath, transforms: transforms ?? [ENVELOPED, EXC_C14N], digestAlgorithm: weak ? 'http://www.w3.org/2000/09/xmldsig#sha1' : SHA256 });
  sig.computeSignature(xml, { prefix: prefix ?? 'ds', location: { reference: after, action: 'after' } });
  return sig.getSignedXml();
}

export function buildResponse(spec: ResponseSpec): { xml: string; responseId: string; assertionId: string } {
  const assertion = buildAssertion(spec);
  const responseId = spec.responseId ?? id();
  const status = spec.status ?? { top: 'urn:oasis:names:tc:SAML:2.0:status:Success' };
  const statusXml = `<samlp:Status><samlp:StatusCode Value="${status.top}">${status.second ? `<samlp:StatusCode Value="${status.second}"/>` : ''}</samlp:StatusCode></samlp:Status>`;
  const irt = spec.inResponseTo ? ` InResponseTo="${spec.inResponseTo}"` : '';
  const signedAssertion = spec.signAssertion === false ? assertion.xml : sign(assertion.xml, 'Assertion', spec.brokerKeys, spec.weak);
  const delivered = spec.encryptAssertion ? spec.encryptAssertion(signedAssertion) : signedAssertion;
  const body = status.top.endsWith(':Success') ? delivered : '';
  let xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${spec.destination ?? spec.sp.acsUrl}"${irt}>` +
    `<saml:Issuer>${spec.issuer ?? spec.brokerEntityId}</saml:Issuer>${statusXml}${body}</samlp:Response>`;
  if (spec.signResponse) xml = sign(xml, 'Response', spec.brokerKeys, spec.weak);
  return { xml, responseId, assertionId: assertion.id };
}
