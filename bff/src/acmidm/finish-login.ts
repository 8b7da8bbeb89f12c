// The ACM/IDM Assertion Consumer Service flow, apart from HTTP: the shared SAML checks
// (saml/verify-response.ts, saml-login/acs-steps.ts), then ACM/IDM's profile (means → level,
// person id, capacities), then one transaction: the answer used once, the person found or made,
// the capacities as memberships, the earlier session ended, the new one opened and audited. Any
// refusal rolls all of it back.
import type { Db } from '../../../db/open.js';
import { levelSatisfies, type Level } from '../../../contract/levels.js';
import type { RequestOrigin } from '../http/request-client.js';
import { knownPerson, provisionPerson } from '../identities/identity-store.js';
import { checkAnswersRequest, useAnswerOnce } from '../saml-login/acs-steps.js';
import type { StoredRequest } from '../saml-login/request-store.js';
import { openLoginSession } from '../saml-login/open-login-session.js';
import { SamlError } from '../saml/saml-error.js';
import { readEnvelope, verifyAssertion } from '../saml/verify-response.js';
import { requiredLevelForRole } from '../site-config/levels.js';
import type { SiteConfig } from '../site-config/schema.js';
import { mapAcmidmAttributes } from './acmidm-attributes.js';
import { levelOfAuthmech } from './acmidm-levels.js';
import { ACMIDM_REQUEST_KEY, type AcmidmService } from './acmidm-service.js';
import { capacitiesForPerson } from './capacity-organisations.js';
import { capacityAtLogin } from './capacity-policy.js';

export interface AcmidmAcsContext {
  db: Db;
  site: SiteConfig;
  acmidm: AcmidmService;
  origin: RequestOrigin;
  previousSessionToken?: string;
  now?: Date;
}

export async function acceptAcmidmResponse(ctx: AcmidmAcsContext, request: StoredRequest, xml: string) {
  const now = ctx.now ?? new Date();
  const { acmidm, site } = ctx;
  // A RelayState of an eHerkenning login brought here: not a request of this IdP.
  if (request.broker !== ACMIDM_REQUEST_KEY) throw new SamlError('relay_state_unknown');
  const envelope = readEnvelope(xml);
  checkAnswersRequest(envelope, request, now);
  const idp = await acmidm.idp();
  const verified = await verifyAssertion(envelope, { sp: acmidm.sp, broker: idp, clockSkewMs: acmidm.config.clockSkewSeconds * 1000, now });
  const level = levelOfAuthmech(verified.authnContextClassRef);
  if (!level) throw new SamlError('level_unknown');
  // The means must be good enough for what this login asked (a step-up asks more than the site).
  if (!levelSatisfies(level, request.level as Level)) throw new SamlError('level_below_requested', 'level_too_low');
  if (!levelSatisfies(level, acmidm.config.level)) throw new SamlError('level_below_site', 'level_too_low');
  const identity = mapAcmidmAttributes(verified.attributes, acmidm.config.attributeNames);
  if ('reason' in identity) throw new SamlError(identity.reason);

  return ctx.db.transaction(async (tx) => {
    await useAnswerOnce(tx, request, verified, now);
    // The ACM person id is ACM/IDM's own: the IdP that signed it is its issuer.
    const key = { scheme: 'acmidm' as const, issuer: idp.entityId, subject: identity.subject };
    const seen = { legalSubject: null, broker: null, level };
    let user = await knownPerson(tx, key, seen);
    let provisioned = false;
    if (!user) {
      if (acmidm.config.unknownIdentity === 'deny') throw new SamlError('identity_unknown', 'identity_unknown');
      ({ user, provisioned } = await provisionPerson(tx, key, seen, identity.displayName));
    }
    if (user.disabledAt) throw new SamlError('user_disabled', 'no_authorisation');
    const roleLevel = requiredLevelForRole(site.eherkenning.roleLevels, user.role);
    if (roleLevel && !levelSatisfies(level, roleLevel)) throw new SamlError('level_below_role', 'level_too_low');

    const capacities = await capacitiesForPerson(tx, user.id, identity.capacities, acmidm.config.membershipFromAnswer, ctx.origin);
    // Every capacity named a foreign organisation: nothing this person may act in here.
    if (capacities.accepted.length === 0) throw new SamlError('capacity_none', 'no_authorisation');
    const start = capacityAtLogin(capacities.accepted);

    return openLoginSession(
      tx,
      site,
      request,
      {
        userId: user.id,
        method: 'acmidm',
        level,
        actingFor: start.actingFor,
        organisationChoicePending: start.organisationChoicePending,
        attributes: { authmech: verified.authnContextClassRef, ...start.attributes },
        details: { capacities: capacities.accepted.length, ...(capacities.refused ? { capacitiesRefused: capacities.refused } : {}), ...(provisioned ? { provisioned: true } : {}) },
        ...(ctx.previousSessionToken ? { previousSessionToken: ctx.previousSessionToken } : {}),
      },
      ctx.origin,
      now,
    );
  });
}
