// Decrypts an EncryptedID (SAML core §2.2.4), as eHerkenning sends the identifying attributes
// (ActingSubjectID, LegalSubjectID). node-saml only decrypts EncryptedAssertion, so this is ours.
// A broker may add one EncryptedKey per recipient: Poort takes the one whose Recipient is its
// entity id (or, lacking that, the ones addressed to no one in particular). Every failure is the
// same error, so a tampered ciphertext teaches an attacker nothing (no padding oracle).
import { createDecipheriv, privateDecrypt, constants } from 'node:crypto';
import { childElement, childElements, descendants, NS, textOf } from './dom.js';
import { privateKeyObject } from './key-pair.js';
import { SamlError } from './saml-error.js';
import { parseXmlStrict } from './xml-guard.js';

const KEY_TRANSPORT: Record<string, string | undefined> = {
  // rsa-oaep-mgf1p uses SHA-1 inside OAEP padding, which is not a signature and still sound.
  'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p': 'sha1',
  'http://www.w3.org/2009/xmlenc11#rsa-oaep': 'sha1',
};
const DIGESTS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};
const BLOCK: Record<string, { cipher: string; keyLength: number; gcm: boolean }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { cipher: 'aes-128-cbc', keyLength: 16, gcm: false },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { cipher: 'aes-256-cbc', keyLength: 32, gcm: false },
  'http://www.w3.org/2009/xmlenc11#aes128-gcm': { cipher: 'aes-128-gcm', keyLength: 16, gcm: true },
  'http://www.w3.org/2009/xmlenc11#aes256-gcm': { cipher: 'aes-256-gcm', keyLength: 32, gcm: true },
};

export interface DecryptedNameId {
  value: string;
  nameQualifier?: string;
  format?: string;
}

export function decryptEncryptedId(encryptedId: Element, ourEntityId: string, privateKey: string): DecryptedNameId {
  const encryptedData = childElement(encryptedId, NS.xenc, 'EncryptedData');
  if (!encryptedData) throw new SamlError('encrypted_id_invalid');
  const keyInfo = childElement(encryptedData, NS.ds, 'KeyInfo');
  const candidates = [...(keyInfo ? childElements(keyInfo, NS.xenc, 'EncryptedKey') : []), ...childElements(encryptedId, NS.xenc, 'EncryptedKey')];
  const forUs = candidates.filter((k) => k.getAttribute('Recipient') === ourEntityId);
  const usable = forUs.length > 0 ? forUs : candidates.filter((k) => !k.getAttribute('Recipient'));
  for (const encryptedKey of usable) {
    try {
      const key = decryptKey(encryptedKey, privateKey);
      const plain = decryptData(encryptedData, key);
      return nameIdFrom(plain);
    } catch {
      // try the next key addressed to us; the error below is the same whichever step failed
    }
  }
  throw new SamlError('encrypted_id_undecryptable');
}

function decryptKey(encryptedKey: Element, privateKey: string): Buffer {
  const method = childElement(encryptedKey, NS.xenc, 'EncryptionMethod');
  const algorithm = method?.getAttribute('Algorithm') ?? '';
  if (!(algorithm in KEY_TRANSPORT)) throw new Error('key transport not allowed'); // rsa-1_5 among others
  const digest = method ? descendants(method, NS.ds, 'DigestMethod')[0]?.getAttribute('Algorithm') : undefined;
  const oaepHash = digest ? DIGESTS[digest] : KEY_TRANSPORT[algorithm];
  if (!oaepHash) throw new Error('digest not allowed');
  const cipherValue = cipherValueOf(encryptedKey);
  return privateDecrypt({ key: privateKeyObject(privateKey), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, cipherValue);
}

function decryptData(encryptedData: Element, key: Buffer): string {
  const algorithm = childElement(encryptedData, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') ?? '';
  const spec = BLOCK[algorithm];
  if (!spec || key.length !== spec.keyLength) throw new Error('block cipher not allowed');
  const data = cipherValueOf(encryptedData);
  if (spec.gcm) {
    const iv = data.subarray(0, 12);
    const tag = data.subarray(data.length - 16);
    const decipher = createDecipheriv(spec.cipher as 'aes-128-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8');
  }
  const decipher = createDecipheriv(spec.cipher, key, data.subarray(0, 16));
  decipher.setAutoPadding(false); // XML Encryption pads ISO 10126 style: only the last byte counts
  const padded = Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > 16) throw new Error('bad padding');
  return padded.subarray(0, padded.length - pad).toString('utf8');
}

function cipherValueOf(element: Element): Buffer {
  const cipherData = childElement(element, NS.xenc, 'CipherData');
  const value = cipherData && childElement(cipherData, NS.xenc, 'CipherValue');
  const text = value && textOf(value);
  if (!text) throw new Error('no cipher value');
  return Buffer.from(text.replace(/\s+/g, ''), 'base64');
}

function nameIdFrom(plain: string): DecryptedNameId {
  // The plaintext is an element serialised on its own; wrap it so a prefix declared higher up in
  // the sender's document still resolves.
  const doc = parseXmlStrict(`<w xmlns:saml="${NS.saml}" xmlns:saml2="${NS.saml}">${plain}</w>`);
  const ids = childElements(doc.documentElement!, NS.saml, 'NameID');
  const value = ids.length === 1 ? textOf(ids[0]!) : undefined;
  if (ids.length !== 1 || !value) throw new Error('not one NameID');
  const nameId = ids[0]!;
  return {
    value,
    ...(nameId.getAttribute('NameQualifier') ? { nameQualifier: nameId.getAttribute('NameQualifier')! } : {}),
    ...(nameId.getAttribute('Format') ? { format: nameId.getAttribute('Format')! } : {}),
  };
}
