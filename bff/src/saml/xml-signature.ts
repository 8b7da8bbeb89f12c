// Enveloped XML signatures the way eHerkenning wants them: RSA-SHA256, SHA-256 digests, exclusive
// canonicalisation, the signature right after the element's Issuer (SAML schema order).
import { SignedXml } from 'xml-crypto';
import { certBody, privateKeyObject } from './key-pair.js';

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface SignOptions {
  key: string;
  cert: string;
  /** local-name of the element to sign; it must be the document element or reached by `xpath`. */
  xpath: string;
  /** Where the signature goes: after this element (usually the Issuer), else as first child of the signed element. */
  after?: string;
  firstChildOf?: string;
}

export function signXml(xml: string, options: SignOptions): string {
  const sig = new SignedXml({
    privateKey: privateKeyObject(options.key),
    publicCert: options.cert,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    getKeyInfoContent: () => `<ds:X509Data><ds:X509Certificate>${certBody(options.cert)}</ds:X509Certificate></ds:X509Data>`,
  });
  sig.addReference({ xpath: options.xpath, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  const location = options.after
    ? { reference: options.after, action: 'after' as const }
    : { reference: options.firstChildOf ?? options.xpath, action: 'prepend' as const };
  sig.computeSignature(xml, { prefix: 'ds', location });
  return sig.getSignedXml();
}
