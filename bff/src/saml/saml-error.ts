// Why a SAML message was refused. `reason` is a stable code for logs and the audit trail: it never
// carries identifiers, XML or anything the sender wrote. `outcome` is what the user is told.
// The outcomes are the codes the login redirect brings back as `?poort-error=` (contract/redirect-errors.ts).
import type { LoginRedirectError } from '../../../contract/redirect-errors.js';

export class SamlError extends Error {
  override name = 'SamlError';
  constructor(
    readonly reason: string,
    readonly outcome: LoginRedirectError = 'saml_invalid',
  ) {
    super(reason);
  }
}
