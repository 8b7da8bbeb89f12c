// Verifies one enveloped signature on one element against pinned certificates only: KeyInfo in
// the message is never trusted (an attacker can put their own certificate there, CVE-2024-32962).
// Only RSA-SHA256/512 with SHA-256/512 digests and exclusive c14n pass; one Reference that points
// at the element itself; one SignedInfo.
import { SignedXml } from 'xml-crypto';
import { childElements, descendants, NS } from './dom.js';
import { ENVELOPED, EXC_C14N } from './xml-signature.js';

const SIGNATURE_ALGORITHMS = new Set(['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512']);
const DIGEST_ALGORITHMS = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512']);
const TRANSFORMS = new Set([ENVELOPED, EXC_C14N]);

/** True when every ds:SignatureMethod and ds:DigestMethod anywhere in the document is allowed (no SHA-1, no HMAC). */
export function onlyStrongAlgorithms(root: Element): boolean {
  return (
    descendants(root, NS.ds, 'SignatureMethod').every((m) => SIGNATURE_ALGORITHMS.has(m.getAttribute('Algorithm') ?? '')) &&
    descendants(root, NS.ds, 'DigestMethod').every((m) => DIGEST_ALGORITHMS.has(m.getAttribute('Algorithm') ?? '')) &&
    descendants(root, NS.ds, 'Transform').every((m) => TRANSFORMS.has(m.getAttribute('Algorithm') ?? ''))
  );
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
  if (!onlyStrongAlgorithms(signature)) return false;
  for (const cert of certs) {
    const verifier = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null });
    try {
      verifier.loadSignature(signature);
      if (verifier.checkSignature(xml) && verifier.getSignedReferences().length === 1) return true;
    } catch {
      // a malformed signature is a failed signature
    }
  }
  return false;
}
