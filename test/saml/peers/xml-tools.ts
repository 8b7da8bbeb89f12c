// Independent checks with Debian's command-line tools: xmlsec1 verifies our signatures, xmllint
// validates our metadata against the OASIS SAML 2.0 schemas that ship inside python3-pysaml2.
// Remote schemaLocations are mapped to those local files with an XML catalog; --nonet keeps
// xmllint off the network.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCHEMA_DIR = '/usr/lib/python3/dist-packages/saml2/data/schemas';
const dir = mkdtempSync(join(tmpdir(), 'poort-xml-tools-'));

export function xmlsecVerify(xml: string, certPem: string, idAttr: string): { ok: boolean; output: string } {
  const file = join(dir, `msg-${Math.random().toString(36).slice(2)}.xml`);
  const cert = join(dir, `cert-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(file, xml);
  writeFileSync(cert, certPem);
  const run = spawnSync('xmlsec1', ['--verify', '--pubkey-cert-pem', cert, '--id-attr:ID', idAttr, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
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
      `</catalog>`,
  );
  return path;
}

export function xmllintValidate(xml: string, schema: string): { ok: boolean; output: string } {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMA_DIR, schema), file], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: catalog() },
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
