// Runs test/saml/peers/pysaml2_responses.py with Debian's /usr/bin/python3 (the interpreter that
// has pysaml2) and returns the Responses it issued, by case name. One process for many cases:
// starting Python and xmlsec1 is the slow part. `pysaml2Idp` sets up such an IdP as an operator
// configures a real one: its key pair and its metadata in a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { certBody, ensureKeyPair } from '../../../bff/src/saml/key-pair.js';
import { runPysaml2 } from './required-tools.js';

const script = fileURLToPath(new URL('./pysaml2_responses.py', import.meta.url));

export interface Pysaml2Case {
  name: string;
  in_response_to?: string;
  sign_response?: boolean;
  sign_assertion?: boolean;
  encrypt_assertion?: boolean;
  encrypted_ids?: boolean;
  advice?: boolean;
  pseudonym?: string;
  kvk?: string;
  level?: string;
  /** Answer for the eIDAS service: its ServiceID/UUID, the company's eIDAS identifier, the eIDAS node, the person's names. */
  eidas?: { service_id: string; service_uuid: string; legal: string; authority: string; first_name: string; family_name: string };
  /** Replaces the eHerkenning level URI (another upstream's AuthnContextClassRef, e.g. an ACM/IDM means). */
  class_ref?: string;
  /** Replaces the eHerkenning attributes: plain values per name (ACM/IDM). */
  attributes?: { name: string; values: string[] }[];
}

interface Pysaml2Issuer {
  idp_entity: string;
  idp_key_file: string;
  idp_cert_file: string;
  sp_entity: string;
  sp_acs: string;
  sp_enc_cert_file: string;
}

function pysaml2Responses(issuer: Pysaml2Issuer, cases: Pysaml2Case[]): Record<string, string> {
  return JSON.parse(runPysaml2(script, JSON.stringify({ ...issuer, cases }))) as Record<string, string>;
}

/** The SP pysaml2 answers: where to, and the certificate it encrypts for. */
export interface Pysaml2Sp {
  entityId: string;
  acsUrl: string;
  keys: { encryption: { cert: string } };
}

export interface Pysaml2Idp {
  /** Its directory: the `baseDir` of a site configuration that names `metadata`. */
  dir: string;
  /** Its metadata file, relative to `dir`. */
  metadata: string;
  /** The Responses pysaml2 issues as this IdP to `sp`, by case name. */
  responses(sp: Pysaml2Sp, cases: Pysaml2Case[]): Record<string, string>;
  /** Starts a login per case (`start`, one after the other) and has pysaml2 answer each in response to its own request. */
  answerStarted(sp: Pysaml2Sp, cases: Pysaml2Case[], start: () => Promise<{ relayState: string; requestId: string }>): Promise<{ responses: Record<string, string>; relayStates: Record<string, string> }>;
}

/** An IdP whose answers pysaml2 issues, in a temp directory of its own, with SSO on the HTTP-POST binding. */
export function pysaml2Idp(idp: { name: string; commonName: string; entityId: string; ssoUrl: string }): Pysaml2Idp {
  const dir = mkdtempSync(join(tmpdir(), `poort-${idp.name}-`));
  const { cert } = ensureKeyPair(dir, idp.name, idp.commonName);
  const metadata = `${idp.name}.xml`;
  writeFileSync(
    join(dir, metadata),
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${idp.entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${idp.ssoUrl}"/></md:IDPSSODescriptor></md:EntityDescriptor>`,
  );
  const responses = (sp: Pysaml2Sp, cases: Pysaml2Case[]) => {
    const spEncCertFile = join(dir, 'sp-enc.crt');
    writeFileSync(spEncCertFile, sp.keys.encryption.cert);
    const issuer = { idp_entity: idp.entityId, idp_key_file: join(dir, `${idp.name}.key`), idp_cert_file: join(dir, `${idp.name}.crt`), sp_entity: sp.entityId, sp_acs: sp.acsUrl, sp_enc_cert_file: spEncCertFile };
    return pysaml2Responses(issuer, cases);
  };
  return {
    dir,
    metadata,
    responses,
    async answerStarted(sp, cases, start) {
      const relayStates: Record<string, string> = {};
      const started: Pysaml2Case[] = [];
      for (const c of cases) {
        const s = await start();
        relayStates[c.name] = s.relayState;
        started.push({ ...c, in_response_to: s.requestId });
      }
      return { responses: responses(sp, started), relayStates };
    },
  };
}
