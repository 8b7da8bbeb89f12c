// eHerkenning's profile of a verified Response: the AuthnContextClassRef is a level
// (`urn:etoegang:core:assurance-class:…`), the attributes name the acting person (pseudonym) and
// the company, and the answer must be for our service. The checks every upstream shares are in
// verify-response.ts.
import type { Level } from '../../../contract/levels.js';
import { levelFromUri } from './level-uris.js';
import { isForOurService, mapEherkenningAttributes, type EherkenningIdentity } from './eherkenning-attributes.js';
import { SamlError } from './saml-error.js';
import type { SpContext } from './sp-context.js';
import { verifyAssertion, type ReadResponse, type ResponseEnvelope, type VerifyOptions } from './verify-response.js';

export interface VerifiedLogin extends ResponseEnvelope {
  assertionId: string;
  level: Level;
  identity: EherkenningIdentity;
  /** The authentication service (AD, or the eIDAS node EB) the assertion names: who issued the pseudonym. */
  authenticatingAuthority?: string;
  /** Until when the ids must be remembered for one-time use. */
  notOnOrAfter: Date;
}

export async function verifyEherkenningResponse(envelope: ReadResponse, options: VerifyOptions & { sp: SpContext }): Promise<VerifiedLogin> {
  const verified = await verifyAssertion(envelope, options);
  const level = levelFromUri(verified.authnContextClassRef);
  if (!level) throw new SamlError('level_unknown');
  const identity = mapEherkenningAttributes(verified.attributes);
  if ('reason' in identity) throw new SamlError(identity.reason);
  if (!isForOurService(identity, options.sp)) throw new SamlError('service_mismatch', 'service_mismatch');
  const { id, inResponseTo, assertionId, notOnOrAfter, authenticatingAuthority } = verified;
  return { id, inResponseTo, assertionId, level, identity, notOnOrAfter, ...(authenticatingAuthority ? { authenticatingAuthority } : {}) };
}
