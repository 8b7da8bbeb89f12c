// Why a SAML message was refused. `reason` is a stable code for logs and the audit trail: it never
// carries identifiers, XML or anything the sender wrote. `outcome` is what the user is told.
// The same codes as `loginRedirectErrors` in http/error-codes.ts (a unit test keeps them equal).
export type SamlOutcome = 'cancelled' | 'level_too_low' | 'no_authorisation' | 'saml_invalid' | 'service_mismatch';

export class SamlError extends Error {
  override name = 'SamlError';
  constructor(
    readonly reason: string,
    readonly outcome: SamlOutcome = 'saml_invalid',
  ) {
    super(reason);
  }
}
