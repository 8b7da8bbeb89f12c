// Runs test/saml/peers/pysaml2_responses.py with Debian's /usr/bin/python3 (the interpreter that
// has pysaml2) and returns the Responses it issued, by case name. One process for many cases:
// starting Python and xmlsec1 is the slow part.
import { fileURLToPath } from 'node:url';
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

export interface Pysaml2Issuer {
  idp_entity: string;
  idp_key_file: string;
  idp_cert_file: string;
  sp_entity: string;
  sp_acs: string;
  sp_enc_cert_file: string;
}

export function pysaml2Responses(issuer: Pysaml2Issuer, cases: Pysaml2Case[]): Record<string, string> {
  return JSON.parse(runPysaml2(script, JSON.stringify({ ...issuer, cases }))) as Record<string, string>;
}
