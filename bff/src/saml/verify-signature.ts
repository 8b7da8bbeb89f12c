// Verifies one enveloped signature on one element against pinned certificates only: KeyInfo in
// the message is never trusted (an attacker can put their own certificate there, CVE-2024-32962).
// Only RSA-SHA256/512 with SHA-256/512 digests and at most the two transforms an enveloped SAML
// signature needs (enveloped-signature, exclusive c14n) pass; one Reference that points at the
// element itself; one SignedInfo; no ds:Object. These rules hold inside ds:Signature, where the
// algorithms are used: a DigestMethod elsewhere (the OAEP digest of an xenc:EncryptedKey) is key
// transport and judged by xml-encryption-rules.ts.
import { SignedXml } from 'xml-crypto';
import { childElements, descendants, NS } from './dom.js';
import { ENVELOPED, EXC_C14N } from './xml-signature.js';

const SIGNATURE_ALGORITHMS = new Set(['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512']);
const DIGEST_ALGORITHMS = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512']);
const TRANSFORMS = new Set([ENVELOPED, EXC_C14N]);
// SignedInfo is canonicalised the way the Reference is: exclusive c14n, without comments (the
// #WithComments variants keep comments in the signed bytes, the CVE-2017-11427 family's lever).
const CANONICALIZATIONS = new Set([EXC_C14N]);

export type SignatureRuleBreach = 'weak_algorithm' | 'signature_transforms' | 'signature_object';

// Stryker disable next-line StringLiteral: a missing Algorithm is refused whatever stands in for it, as long as it is no allowed algorithm.
const allowed = (elements: Element[], set: Set<string>) => elements.every((e) => set.has(e.getAttribute('Algorithm') ?? ''));

/**
 * The first rule that a ds:Signature at or under `root` breaks, or undefined:
 * - `weak_algorithm`: a SignatureMethod, DigestMethod, CanonicalizationMethod or Transform other
 *   than the allowed ones (no SHA-1, no HMAC, no XSLT or XPath transforms, no c14n with comments);
 * - `signature_transforms`: a Reference with more than two transforms or one of them twice;
 * - `signature_object`: a ds:Object, the classic hiding place for wrapped content (XSW).
 */
export function signatureRuleBreach(root: Element): SignatureRuleBreach | undefined {
  const signatures = root.namespaceURI === NS.ds && root.localName === 'Signature' ? [root] : descendants(root, NS.ds, 'Signature');
  for (const signature of signatures) {
    if (descendants(signature, NS.ds, 'Object').length > 0) return 'signature_object';
    if (!allowed(descendants(signature, NS.ds, 'SignatureMethod'), SIGNATURE_ALGORITHMS)) return 'weak_algorithm';
    if (!allowed(descendants(signature, NS.ds, 'DigestMethod'), DIGEST_ALGORITHMS)) return 'weak_algorithm';
    if (!allowed(descendants(signature, NS.ds, 'CanonicalizationMethod'), CANONICALIZATIONS)) return 'weak_algorithm';
    if (!allowed(descendants(signature, NS.ds, 'Transform'), TRANSFORMS)) return 'weak_algorithm';
    for (const transforms of descendants(signature, NS.ds, 'Transforms')) {
      const algorithms = childElements(transforms).map((t) => t.getAttribute('Algorithm'));
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with two transforms allowed (checked above), a third is always a repeat; the length says so outright.
      if (algorithms.length > 2 || new Set(algorithms).size !== algorithms.length) return 'signature_transforms';
    }
  }
  return undefined;
}

/**
 * True when `element` carries exactly one ds:Signature child whose single Reference is `#ID` of
 * `element` and whose value verifies with one of `certs` over the document text `xml`.
 */
export function verifyEnvelopedSignature(xml: string, element: Element, certs: string[]): boolean {
  const signatures = childElements(element, NS.ds, 'Signature');
  if (signatures.length !== 1) return false;
  const signature = signatures[0]!;
  const signedInfos = childElements(signature, NS.ds, 'SignedInfo');
  if (signedInfos.length !== 1) return false;
  const references = childElements(signedInfos[0]!, NS.ds, 'Reference');
  const id = element.getAttribute('ID');
  if (references.length !== 1 || !id || references[0]!.getAttribute('URI') !== `#${id}`) return false;
  if (signatureRuleBreach(signature)) return false;
  for (const cert of certs) {
    // Stryker disable next-line ArrowFunction: xml-crypto takes any falsy answer as "no certificate from KeyInfo".
    const verifier = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null });
    try {
      verifier.loadSignature(signature);
      // Stryker disable next-line LogicalOperator,ConditionalExpression: xml-crypto fills the signed references only when checkSignature passes, and one Reference was required above; kept against a library change.
      if (verifier.checkSignature(xml) && verifier.getSignedReferences().length === 1) return true;
    } catch {
      // a malformed signature is a failed signature
    }
  }
  return false;
}
