// Decrypts an EncryptedID (SAML core §2.2.4), as eHerkenning sends the identifying attributes
// (ActingSubjectID, LegalSubjectID). node-saml only decrypts EncryptedAssertion, so this is ours.
// The same decryption opens an EncryptedAssertion for the algorithm checks of verify-response.ts
// (node-saml returns the decrypted assertion without its signature, so it cannot be judged there).
// A broker may add one EncryptedKey per recipient: Poort takes the one whose Recipient is its
// entity id (or, lacking that, the ones addressed to no one in particular). During an encryption
// key rollover Poort holds more than one private key and tries each (the EncryptedKey does not
// reliably say which certificate it was made for). Every failure is the same error, so a tampered
// ciphertext teaches an attacker nothing (no padding oracle).
import { createDecipheriv, privateDecrypt, constants } from 'node:crypto';
import { childElement, childElements, NS, textOf } from './dom.js';
import { privateKeyObject } from './key-pair.js';
import { SamlError } from './saml-error.js';
import { CONTENT_CIPHERS, oaepHashOf } from './xml-encryption-rules.js';
import { parseXmlStrict } from './xml-guard.js';

export interface DecryptedNameId {
  value: string;
  nameQualifier?: string;
  format?: string;
}

export function decryptEncryptedId(encryptedId: Element, ourEntityId: string, privateKeys: readonly string[]): DecryptedNameId {
  if (!childElement(encryptedId, NS.xenc, 'EncryptedData')) throw new SamlError('encrypted_id_invalid');
  const nameId = decryptEncryptedElement(encryptedId, ourEntityId, privateKeys, nameIdFrom);
  if (!nameId) throw new SamlError('encrypted_id_undecryptable');
  return nameId.result;
}

/**
 * The plaintext of an EncryptedID or EncryptedAssertion (`wrapper`), read by `read`, with the
 * first EncryptedKey addressed to us and the first of our private keys that yield a readable
 * result, and that private key; undefined when none does (whichever step failed: no padding oracle).
 */
export function decryptEncryptedElement<T>(wrapper: Element, ourEntityId: string, privateKeys: readonly string[], read: (plain: string) => T): { result: T; privateKey: string } | undefined {
  const encryptedData = childElement(wrapper, NS.xenc, 'EncryptedData');
  if (!encryptedData) return undefined;
  const keyInfo = childElement(encryptedData, NS.ds, 'KeyInfo');
  const candidates = [...(keyInfo ? childElements(keyInfo, NS.xenc, 'EncryptedKey') : []), ...childElements(wrapper, NS.xenc, 'EncryptedKey')];
  const forUs = candidates.filter((k) => k.getAttribute('Recipient') === ourEntityId);
  const usable = forUs.length > 0 ? forUs : candidates.filter((k) => !k.getAttribute('Recipient'));
  for (const encryptedKey of usable) {
    for (const privateKey of privateKeys) {
      try {
        const key = decryptKey(encryptedKey, privateKey);
        return { result: read(decryptData(encryptedData, key)), privateKey };
      } catch {
        // try our next private key, then the next EncryptedKey addressed to us
      }
    }
  }
  return undefined;
}

function decryptKey(encryptedKey: Element, privateKey: string): Buffer {
  const method = childElement(encryptedKey, NS.xenc, 'EncryptionMethod');
  const oaepHash = method && oaepHashOf(method);
  if (!oaepHash) throw new Error('key transport not allowed'); // rsa-1_5 among others
  const cipherValue = cipherValueOf(encryptedKey);
  return privateDecrypt({ key: privateKeyObject(privateKey), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, cipherValue);
}

function decryptData(encryptedData: Element, key: Buffer): string {
  const algorithm = childElement(encryptedData, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') ?? '';
  const spec = CONTENT_CIPHERS[algorithm];
  if (!spec || key.length !== spec.keyLength) throw new Error('block cipher not allowed');
  const data = cipherValueOf(encryptedData);
  if (spec.gcm) {
    const iv = data.subarray(0, 12);
    const tag = data.subarray(data.length - 16);
    const decipher = createDecipheriv(spec.cipher as 'aes-128-gcm' | 'aes-256-gcm', key, iv);
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
