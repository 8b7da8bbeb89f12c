// eHerkenning's profile of a verified Response: the AuthnContextClassRef is a level
// (`urn:etoegang:core:assurance-class:…`), the attributes name the acting person (pseudonym) and
// the company, and the answer must be for the service the login asked for (eHerkenning itself, or
// eIDAS). The checks every upstream shares are in verify-response.ts.
import type { Level } from '../../../contract/levels.js';
import { levelFromUri } from './level-uris.js';
import { mapEherkenningAttributes, namedService, serviceRefusal, type EherkenningIdentity } from './eherkenning-attributes.js';
import { SamlError } from './saml-error.js';
import { catalogueService, type ServiceKind, type SpContext } from './sp-context.js';
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

export interface EherkenningVerifyOptions extends VerifyOptions {
  sp: SpContext;
  /** The service the login asked for (its stored request): the answer must be for it. Default eHerkenning. */
  service?: ServiceKind;
}

export async function verifyEherkenningResponse(envelope: ReadResponse, options: EherkenningVerifyOptions): Promise<VerifiedLogin> {
  const verified = await verifyAssertion(envelope, options);
  const level = levelFromUri(verified.authnContextClassRef);
  if (!level) throw new SamlError('level_unknown');
  const { sp } = options;
  const kind = options.service ?? 'eherkenning';
  const requested = catalogueService(sp, kind);
  if (!requested) throw new SamlError('service_not_offered');
  const named = namedService(verified.attributes);
  if ('reason' in named) throw new SamlError(named.reason);
  // Our other service (eIDAS for an eHerkenning login, and the other way round), where the site offers it.
  const other = kind === 'eidas' ? sp : sp.eidas;
  const wrongService = serviceRefusal(named, requested, other ? [other] : []);
  if (wrongService) throw new SamlError(wrongService, 'service_mismatch');
  const identity = mapEherkenningAttributes(verified.attributes, kind);
  if ('reason' in identity) throw new SamlError(identity.reason);
  const { id, inResponseTo, assertionId, notOnOrAfter, authenticatingAuthority } = verified;
  return { id, inResponseTo, assertionId, level, identity, notOnOrAfter, ...(authenticatingAuthority ? { authenticatingAuthority } : {}) };
}
