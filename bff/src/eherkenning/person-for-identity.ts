// Turns a verified eHerkenning Response into a session, in one transaction: consume the stored
// request (once), record Response and Assertion ids (once, across instances), find or provision
// the user by the ActingSubjectID pseudonym, enforce the site and role levels, end the browser's
// earlier session (as the password login does), open the new one, write the audit event. Any
// refusal rolls all of it back, so a refused answer leaves the earlier session as it was.
import { and, eq, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../../db/open.js';
import { identities, users, type PendingLink, type Session } from '../../../db/schema.js';
import type { RequestOrigin } from '../http/request-client.js';
import { recordAudit } from '../audit/record-audit.js';
import { applicationOf } from '../audit/application.js';
import { consumeRequest, markSeen, type StoredRequest } from './request-store.js';
import { SamlError } from '../saml/saml-error.js';
import type { VerifiedLogin } from '../saml/verify-response.js';
import { identityKey, type IdentityKey } from '../saml/identity-key.js';
import { createPendingLink } from '../linking/pending-link-store.js';
import { lifetimesFrom } from '../sessions/session-policy.js';
import { createSession, deleteSession } from '../sessions/session-store.js';
import { levelSatisfies, type Level } from '../../../contract/levels.js';
import { requiredLevelForRole } from '../site-config/levels.js';
import type { SiteConfig } from '../site-config/schema.js';
import { organisationInAnswer } from '../organisations/acting-organisation.js';
import { organisationAtLogin } from '../organisations/login-organisation.js';

/** How long used ids are remembered beyond the assertion's own validity (clock skew and then some). */
const SEEN_MARGIN_MS = 10 * 60_000;

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
  if (!levelSatisfies(login.level, request.level as Level)) throw new SamlError('level_below_requested', 'level_too_low');
  if (!levelSatisfies(login.level, site.eherkenning.level)) throw new SamlError('level_below_site', 'level_too_low');
  return db.transaction(async (tx) => {
    if (!(await consumeRequest(tx, request.id, request.broker, now))) throw new SamlError('request_consumed_or_expired');
    const seenUntil = new Date(Math.max(login.notOnOrAfter.getTime(), now.getTime()) + SEEN_MARGIN_MS);
    const fresh = await markSeen(
      tx,
      [
        { id: login.id, kind: 'response' },
        { id: login.assertionId, kind: 'assertion' },
      ],
      seenUntil,
    );
    if (!fresh) throw new SamlError('replay');

    const key = identityKey(login);
    const legalSubject = login.identity.legalSubject ? `${login.identity.legalSubject.kind}:${login.identity.legalSubject.value}` : null;
    await adoptLegacyIdentity(tx, key, request.broker);
    const identityOf = () =>
      tx
        .select({ user: users, identityId: identities.id })
        .from(identities)
        .innerJoin(users, eq(users.id, identities.userId))
        .where(and(eq(identities.scheme, key.scheme), eq(identities.issuer, key.issuer), eq(identities.subject, key.subject)))
        .limit(1)
        .then(([row]) => row);
    const seen = { legalSubject, broker: request.broker, level: login.level };
    const known = await identityOf();
    let user = known?.user;
    let provisioned = false;
    if (user) {
      await tx.update(identities).set(seen).where(eq(identities.id, known!.identityId));
    } else if (site.eherkenning.unknownIdentity === 'deny') {
      throw new SamlError('identity_unknown', 'identity_unknown');
    } else if (site.eherkenning.unknownIdentity === 'link') {
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
      await recordAudit(tx, { type: 'link_pending', outcome: 'success', method: 'eherkenning', broker: request.broker, level: login.level }, origin);
      return { pendingLink };
    } else {
      // Policy `create`: a person seen for the first time gets an account.
      const [made] = await tx.insert(users).values({ email: null }).returning();
      const [identity] = await tx
        .insert(identities)
        .values({ userId: made!.id, ...key, ...seen })
        .onConflictDoNothing({ target: [identities.scheme, identities.issuer, identities.subject] })
        .returning({ id: identities.id });
      if (identity) {
        [user, provisioned] = [made, true];
      } else {
        // The same person's first login committed meanwhile in another tab or on another instance
        // (the unique key made this insert wait for it): that account is theirs, not a second one.
        await tx.delete(users).where(eq(users.id, made!.id));
        const winner = await identityOf();
        user = winner?.user;
        await tx.update(identities).set(seen).where(eq(identities.id, winner!.identityId));
      }
    }
    if (user!.disabledAt) throw new SamlError('user_disabled', 'no_authorisation');
    const roleLevel = requiredLevelForRole(site.eherkenning.roleLevels, user!.role);
    if (roleLevel && !levelSatisfies(login.level, roleLevel)) throw new SamlError('level_below_role', 'level_too_low');

    if (options.previousSessionToken) await deleteSession(tx, options.previousSessionToken);
    const organisation = await organisationAtLogin(tx, site, user!.id, organisationInAnswer(login.identity), origin);
    const created = await createSession(
      tx,
      {
        userId: user!.id,
        method: 'eherkenning',
        level: login.level,
        actingFor: organisation.actingFor,
        organisationChoicePending: organisation.organisationChoicePending,
        attributes: sessionAttributes(login, request.broker),
      },
      lifetimesFrom(site.sessions),
      now,
    );
    await recordAudit(
      tx,
      {
        type: 'login',
        outcome: 'success',
        userId: user!.id,
        organisationId: organisation.actingFor,
        method: 'eherkenning',
        broker: request.broker,
        level: login.level,
        application: applicationOf(request.returnTo, site),
        details: { ...(provisioned ? { provisioned: true } : {}), ...(organisation.answer && organisation.answer !== 'unknown' ? { answerOrganisation: organisation.answer } : {}) },
      },
      origin,
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
