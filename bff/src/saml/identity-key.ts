// The key an eHerkenning identity is stored and matched under (pure): the service, who issued the
// pseudonym, and the pseudonym. Why not the broker: docs/decisions/identity-key.md.
import type { ServiceKind } from './sp-context.js';
import type { VerifiedLogin } from './eherkenning-response.js';

export interface IdentityKey {
  /** `eidas` for a European means: its pseudonyms come from the eIDAS node, a namespace of their own. */
  scheme: ServiceKind;
  issuer: string;
  subject: string;
}

/**
 * The ActingSubjectID pseudonym is made by the authentication service (AD), or by the eIDAS node
 * (EB) for a European means; the assertion names that party as AuthenticatingAuthority. Without
 * one, the NameQualifier the pseudonym came with is the best statement of its namespace there is.
 */
export function identityKey(login: Pick<VerifiedLogin, 'identity' | 'authenticatingAuthority'>, service: ServiceKind = 'eherkenning'): IdentityKey {
  return {
    scheme: service,
    issuer: login.authenticatingAuthority ?? login.identity.subjectQualifier ?? '',
    subject: login.identity.subject,
  };
}
