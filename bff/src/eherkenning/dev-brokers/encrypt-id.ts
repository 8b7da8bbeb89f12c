// Encrypts a NameID into an EncryptedID the way eHerkenning brokers deliver identifiers: AES-256-CBC
// content, the key wrapped with RSA-OAEP for the recipient's encryption certificate and addressed
// to it with `Recipient`, the OAEP digest written out as ds:DigestMethod SHA-1 (as xmlsec1 and
// many brokers' stacks write it). Used by the simulated brokers and by the tests' response builder.
import { createCipheriv, publicEncrypt, randomBytes, constants } from 'node:crypto';
import { escapeXml } from '../../saml/sp-context.js';

export interface EncryptIdRecipient {
  entityId: string;
  cert: string;
}

export function nameIdXml(value: string, nameQualifier: string): string {
  return `<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" NameQualifier="${escapeXml(nameQualifier)}">${escapeXml(value)}</saml:NameID>`;
}

/** EncryptedID with one EncryptedKey per recipient (siblings of EncryptedData, SAML core §2.2.4). */
export function encryptId(plainXml: string, recipients: EncryptIdRecipient[]): string {
  const { data, keys } = encryptFor(plainXml, recipients);
  return (
    `<saml:EncryptedID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">` +
    `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>` +
    `<xenc:CipherData><xenc:CipherValue>${data}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>${keys}</saml:EncryptedID>`
  );
}

/**
 * EncryptedAssertion for one recipient, the EncryptedKey inside EncryptedData's ds:KeyInfo (as
 * xmlsec1 and most IdPs place it, and where node-saml's decryption looks for it).
 */
export function encryptAssertion(plainXml: string, recipient: EncryptIdRecipient): string {
  const { data, keys } = encryptFor(plainXml, [recipient]);
  return (
    `<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">` +
    `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>` +
    `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${keys}</ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${data}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>`
  );
}

/** AES-256-CBC content and its key wrapped (RSA-OAEP) for each recipient, as EncryptedKey elements. */
function encryptFor(plainXml: string, recipients: EncryptIdRecipient[]): { data: string; keys: string } {
  const key = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const data = Buffer.concat([iv, cipher.update(plainXml, 'utf8'), cipher.final()]).toString('base64');
  const keys = recipients
    .map((r) => {
      const wrapped = publicEncrypt({ key: r.cert, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key).toString('base64');
      return (
        `<xenc:EncryptedKey xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Recipient="${escapeXml(r.entityId)}">` +
        `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">` +
        `<ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod>` +
        `<xenc:CipherData><xenc:CipherValue>${wrapped}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>`
      );
    })
    .join('');
  return { data, keys };
}
