// Turns a verified eHerkenning Response into a session, in one transaction: consume the stored
// request (once), record Response and Assertion ids (once, across instances), find or provision
// the user by the ActingSubjectID pseudonym, enforce the site and role levels, end the browser's
// earlier session (as the password login does), open the new one, write the audit event. Any
// refusal rolls all of it back, so a refused answer leaves the earlier session as it was.
import { and, eq, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../db/open.js';
import { together } from '../../../db/together.js';
import { identities, type PendingLink, type Session } from '../../../db/schema.js';
import type { RequestOrigin } from '../http/request-client.js';
import { recordAudit } from '../audit/record-audit.js';
import type { StoredRequest } from '../saml-login/request-store.js';
import { useAnswerOnce } from '../saml-login/acs-steps.js';
import { openLoginSession } from '../saml-login/open-login-session.js';
import { SamlError } from '../saml/saml-error.js';
import type { VerifiedLogin } from '../saml/eherkenning-response.js';
import { identityKey } from '../saml/identity-key.js';
import { knownPerson, provisionPerson, type IdentityKey } from '../identities/identity-store.js';
import { belowEidasFloor, brokerServiceOf } from './service-level-policy.js';
import { createPendingLink } from '../linking/pending-link-store.js';
import { levelSatisfies, type Level } from '../../../contract/levels.js';
import { requiredLevelForRole } from '../site-config/levels.js';
import type { SiteConfig } from '../site-config/schema.js';
import { organisationInAnswer } from '../organisations/acting-organisation.js';
import { organisationAtLogin } from '../organisations/login-organisation.js';

export interface CompletedLogin {
  token: string;
  session: Session;
}

/** Policy `link`: no session yet; the browser goes back to the site to link (linking/). */
export interface PendingLinkLogin {
  pendingLink: PendingLink;
}

/** The session attributes kept from an eHerkenning login: identifiers of the company, never the pseudonym. */
export function sessionAttributes(login: VerifiedLogin, broker: string): Record<string, string> {
  const { identity } = login;
  return {
    broker,
    ...(identity.legalSubject ? { [identity.legalSubject.kind]: identity.legalSubject.value } : {}),
    ...(identity.vestigingsnummers.length ? { vestigingsnr: identity.vestigingsnummers.join(',') } : {}),
    ...(identity.serviceId ? { serviceId: identity.serviceId } : {}),
    ...(identity.serviceUuid ? { serviceUuid: identity.serviceUuid } : {}),
    ...(identity.companyName ? { companyName: identity.companyName } : {}),
    ...(identity.personName ? { personName: identity.personName } : {}),
  };
}

export async function completeEherkenningLogin(
  db: Db,
  site: SiteConfig,
  request: StoredRequest,
  login: VerifiedLogin,
  origin: RequestOrigin,
  options: { previousSessionToken?: string; now?: Date } = {},
): Promise<CompletedLogin | PendingLinkLogin> {
  const now = options.now ?? new Date();
  const service = brokerServiceOf(request);
  // eIDAS first, with its own code: below EH3 a European means is refused whatever was configured.
  if (belowEidasFloor(service, login.level)) throw new SamlError('eidas_level_below_substantial', 'eidas_level_too_low');
  if (!levelSatisfies(login.level, request.level as Level)) throw new SamlError('level_below_requested', 'level_too_low');
  if (!levelSatisfies(login.level, site.eherkenning.level)) throw new SamlError('level_below_site', 'level_too_low');
  return db.transaction(async (tx) => {
    const key = identityKey(login, service);
    const legalSubject = login.identity.legalSubject ? `${login.identity.legalSubject.kind}:${login.identity.legalSubject.value}` : null;
    // Independent statements, sent together (db/together.ts); a refusal rolls both back.
    await together(useAnswerOnce(tx, request, login, now), adoptLegacyIdentity(tx, key, request.broker));
    const seen = { legalSubject, broker: request.broker, level: login.level };
    let user = await knownPerson(tx, key, seen);
    let provisioned = false;
    if (!user) {
      if (site.eherkenning.unknownIdentity === 'deny') throw new SamlError('identity_unknown', 'identity_unknown');
      if (site.eherkenning.unknownIdentity === 'link') {
        // The pending link is bound to the browser exactly as the request was; a request stored
        // without a binding (before bindings existed) cannot be linked safely.
        if (!request.browserBinding) throw new SamlError('link_unbound');
        const pendingLink = await createPendingLink(tx, {
          browserBinding: request.browserBinding,
          ...key,
          legalSubject,
          broker: request.broker,
          level: login.level,
          attributes: sessionAttributes(login, request.broker),
          returnTo: request.returnTo,
          locale: request.locale,
          expiresAt: new Date(now.getTime() + site.linking.pendingMinutes * 60_000),
        });
        await recordAudit(tx, { type: 'link_pending', outcome: 'success', method: service, broker: request.broker, level: login.level }, origin);
        return { pendingLink };
      }
      // Policy `create`: a person seen for the first time gets an account.
      ({ user, provisioned } = await provisionPerson(tx, key, seen));
    }
    if (user.disabledAt) throw new SamlError('user_disabled', 'no_authorisation');
    const roleLevel = requiredLevelForRole(site.eherkenning.roleLevels, user.role);
    if (roleLevel && !levelSatisfies(login.level, roleLevel)) throw new SamlError('level_below_role', 'level_too_low');

    const organisation = await organisationAtLogin(tx, site, user.id, organisationInAnswer(login.identity), origin);
    const created = await openLoginSession(
      tx,
      site,
      request,
      {
        userId: user.id,
        method: service,
        level: login.level,
        actingFor: organisation.actingFor,
        organisationChoicePending: organisation.organisationChoicePending,
        attributes: sessionAttributes(login, request.broker),
        broker: request.broker,
        details: { ...(provisioned ? { provisioned: true } : {}), ...(organisation.answer && organisation.answer !== 'unknown' ? { answerOrganisation: organisation.answer } : {}) },
        ...(options.previousSessionToken ? { previousSessionToken: options.previousSessionToken } : {}),
      },
      origin,
      now,
    );
    return created;
  });
}

/**
 * Identities stored before the issuer was part of the key (migration 0005) have issuer ''. Then an
 * identity was the pseudonym alone; the first login with that pseudonym through the same broker
 * claims the row for its issuer, so people keep their account across the upgrade. It never takes
 * a row when one for this issuer exists already (the unique key would refuse it).
 */
async function adoptLegacyIdentity(tx: DbOrTx, key: IdentityKey, broker: string): Promise<void> {
  if (!key.issuer) return;
  const current = alias(identities, 'current');
  await tx
    .update(identities)
    .set({ issuer: key.issuer })
    .where(
      and(
        eq(identities.scheme, key.scheme),
        eq(identities.issuer, ''),
        eq(identities.subject, key.subject),
        eq(identities.broker, broker),
        notExists(tx.select({ one: sql`1` }).from(current).where(and(eq(current.scheme, key.scheme), eq(current.issuer, key.issuer), eq(current.subject, key.subject)))),
      ),
    );
}
