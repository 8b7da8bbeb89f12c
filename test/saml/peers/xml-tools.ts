// Independent checks with Debian's command-line tools: xmlsec1 verifies our signatures and
// encrypts interop fixtures the way other SAML stacks do, xmllint validates our metadata against
// the OASIS SAML 2.0 schemas that ship inside python3-pysaml2.
// Remote schemaLocations are mapped to those local files with an XML catalog; --nonet keeps
// xmllint off the network. A missing tool fails with the Debian package to install
// (required-tools.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { requireFile, runTool } from './required-tools.js';

export const SCHEMA_DIR = '/usr/lib/python3/dist-packages/saml2/data/schemas';
const dir = mkdtempSync(join(tmpdir(), 'poort-xml-tools-'));

export function xmlsecVerify(xml: string, certPem: string, idAttr: string): { ok: boolean; output: string } {
  const file = join(dir, `msg-${Math.random().toString(36).slice(2)}.xml`);
  const cert = join(dir, `cert-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(file, xml);
  writeFileSync(cert, certPem);
  const run = runTool('xmlsec1', 'xmlsec1', ['--verify', '--pubkey-cert-pem', cert, '--id-attr:ID', idAttr, file]);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
export const XMLENC = {
  aes128cbc: `${XENC}aes128-cbc`,
  aes256cbc: `${XENC}aes256-cbc`,
  aes256gcm: `${XENC11}aes256-gcm`,
  tripledes: `${XENC}tripledes-cbc`,
  rsaOaepMgf1p: `${XENC}rsa-oaep-mgf1p`,
  rsa15: `${XENC}rsa-1_5`,
} as const;

export interface XmlsecEncryption {
  /** Content encryption (EncryptedData/EncryptionMethod). */
  data: string;
  /** Key transport (EncryptedKey/EncryptionMethod). */
  key: string;
  /** Write the OAEP digest out as `ds:DigestMethod` SHA-1 (as xmlsec1's own examples and many stacks do), or leave it implicit. */
  oaepDigestWrittenOut: boolean;
  recipientCertPem: string;
  /** The EncryptedKey's Recipient attribute. */
  recipient: string;
}

/**
 * Encrypts the one element `element` (`<namespace>:<localName>`) inside `xml` with xmlsec1,
 * from a template: the element is replaced by an EncryptedData whose KeyInfo carries the
 * EncryptedKey. Returns the document without its XML declaration.
 */
export function xmlsecEncrypt(xml: string, element: string, how: XmlsecEncryption): string {
  const name = Math.random().toString(36).slice(2);
  const digest = how.oaepDigestWrittenOut ? '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>' : '';
  const template =
    `<xenc:EncryptedData xmlns:xenc="${XENC}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Type="${XENC}Element">` +
    `<xenc:EncryptionMethod Algorithm="${how.data}"/>` +
    `<ds:KeyInfo><xenc:EncryptedKey Recipient="${how.recipient}"><xenc:EncryptionMethod Algorithm="${how.key}">${digest}</xenc:EncryptionMethod>` +
    `<xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue/></xenc:CipherData></xenc:EncryptedData>`;
  const files = { template: join(dir, `tmpl-${name}.xml`), data: join(dir, `data-${name}.xml`), cert: join(dir, `enc-${name}.pem`), out: join(dir, `out-${name}.xml`) };
  writeFileSync(files.template, template);
  writeFileSync(files.data, xml);
  writeFileSync(files.cert, how.recipientCertPem);
  const sessionKey = how.data === XMLENC.tripledes ? 'des-192' : how.data === XMLENC.aes128cbc ? 'aes-128' : 'aes-256';
  const run = runTool('xmlsec1', 'xmlsec1', ['--encrypt', '--pubkey-cert-pem', files.cert, '--session-key', sessionKey, '--xml-data', files.data, '--node-name', element, '--output', files.out, files.template]);
  if (run.status !== 0) throw new Error(`xmlsec1 --encrypt failed: ${run.stderr}`);
  return readFileSync(files.out, 'utf8').replace(/^<\?xml[^>]*\?>\s*/, '');
}

function catalog(): string {
  const path = join(dir, 'catalog.xml');
  const map = (remote: string, local: string) =>
    `<system systemId="${remote}" uri="file://${SCHEMA_DIR}/${local}"/><uri name="${remote}" uri="file://${SCHEMA_DIR}/${local}"/>`;
  writeFileSync(
    path,
    `<?xml version="1.0"?><catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">` +
      map('http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd', 'xmldsig-core-schema.xsd') +
      map('http://www.w3.org/TR/2002/REC-xmlenc-core-20021210/xenc-schema.xsd', 'xenc-schema.xsd') +
      map('http://www.w3.org/2001/xml.xsd', 'xml.xsd') +
      // Our own schemas (test/saml/schemas/) import the OASIS SAML 2.0 schemas by these locations.
      map('http://docs.oasis-open.org/security/saml/v2.0/saml-schema-assertion-2.0.xsd', 'saml-schema-assertion-2.0.xsd') +
      map('http://docs.oasis-open.org/security/saml/v2.0/saml-schema-metadata-2.0.xsd', 'saml-schema-metadata-2.0.xsd') +
      `</catalog>`,
  );
  return path;
}

/** `schema`: a file name in SCHEMA_DIR (the OASIS schemas), or an absolute path (one of ours). */
export function xmllintValidate(xml: string, schema: string): { ok: boolean; output: string } {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  // Ours import the OASIS schemas, which python3-pysaml2 provides either way.
  const xsd = isAbsolute(schema) ? (requireFile(join(SCHEMA_DIR, 'saml-schema-metadata-2.0.xsd'), 'python3-pysaml2'), schema) : requireFile(join(SCHEMA_DIR, schema), 'python3-pysaml2');
  const run = runTool('xmllint', 'libxml2-utils', ['--nonet', '--noout', '--schema', xsd, file], { env: { ...process.env, XML_CATALOG_FILES: catalog() } });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
