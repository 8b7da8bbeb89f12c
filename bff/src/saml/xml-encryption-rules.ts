// Which XML Encryption algorithms Poort accepts, judged where each is used: key transport inside
// xenc:EncryptedKey, content encryption inside xenc:EncryptedData. A SHA-1 ds:DigestMethod inside
// a key transport's EncryptionMethod is the OAEP padding digest (xmlsec1 and many SAML stacks write
// it out), not a signature digest, and is sound there; signature rules live in verify-signature.ts.
// Refused: RSA PKCS#1 v1.5 key transport (Bleichenbacher), 3DES and anything unknown. Pure.
import { childElements, descendants, NS } from './dom.js';

const XENC11 = 'http://www.w3.org/2009/xmlenc11#';

/** Key transport algorithms and the OAEP digest each implies when no ds:DigestMethod is written. */
export const KEY_TRANSPORT: Readonly<Record<string, string>> = {
  [`${NS.xenc}rsa-oaep-mgf1p`]: 'sha1',
  [`${XENC11}rsa-oaep`]: 'sha1',
};

/** OAEP digests a key transport may name in its ds:DigestMethod. */
export const OAEP_DIGESTS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  [`${NS.xenc}sha256`]: 'sha256',
  [`${NS.xenc}sha512`]: 'sha512',
};

export const CONTENT_CIPHERS: Readonly<Record<string, { cipher: 'aes-128-cbc' | 'aes-256-cbc' | 'aes-128-gcm' | 'aes-256-gcm'; keyLength: number; gcm: boolean }>> = {
  [`${NS.xenc}aes128-cbc`]: { cipher: 'aes-128-cbc', keyLength: 16, gcm: false },
  [`${NS.xenc}aes256-cbc`]: { cipher: 'aes-256-cbc', keyLength: 32, gcm: false },
  [`${XENC11}aes128-gcm`]: { cipher: 'aes-128-gcm', keyLength: 16, gcm: true },
  [`${XENC11}aes256-gcm`]: { cipher: 'aes-256-gcm', keyLength: 32, gcm: true },
};

/**
 * The OAEP hash of a key transport EncryptionMethod, or undefined when it is not allowed. Node's
 * OAEP masks (MGF1) with the OAEP digest itself, so an xenc11:MGF is accepted only when it names
 * that same digest.
 */
export function oaepHashOf(method: Element): string | undefined {
  let hash = KEY_TRANSPORT[method.getAttribute('Algorithm') ?? ''];
  if (!hash) return undefined;
  const digests = childElements(method, NS.ds, 'DigestMethod');
  const mgfs = childElements(method, XENC11, 'MGF');
  if (digests.length > 1 || mgfs.length > 1 || childElements(method).length !== digests.length + mgfs.length) return undefined; // OAEPparams and the like: not decrypted here
  if (digests[0]) hash = OAEP_DIGESTS[digests[0].getAttribute('Algorithm') ?? ''];
  if (!hash) return undefined;
  if (mgfs[0] && mgfs[0].getAttribute('Algorithm') !== `${XENC11}mgf1${hash}`) return undefined;
  return hash;
}

/**
 * True when every xenc:EncryptionMethod under `root` is allowed for the place it stands in: key
 * transport in an EncryptedKey, content encryption in an EncryptedData, nowhere else.
 */
export function onlyAllowedEncryption(root: Element): boolean {
  return descendants(root, NS.xenc, 'EncryptionMethod').every((method) => {
    const owner = method.parentNode as Element | null;
    if (owner?.namespaceURI !== NS.xenc) return false;
    if (owner.localName === 'EncryptedKey') return oaepHashOf(method) !== undefined;
    if (owner.localName === 'EncryptedData') return (method.getAttribute('Algorithm') ?? '') in CONTENT_CIPHERS && childElements(method).length === 0;
    return false;
  });
}
