// The last move of every way to link: the eHerkenning identity of a pending link is added to the
// account, and the person is logged in with it, in the caller's transaction with its audit events.
// The checks here are those an eHerkenning login of a known identity makes (account usable, the
// role's level), so a link never lets in someone the ACS would have refused.
import { identities, type PendingLink, type User } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';
import { levelSatisfies, type Level } from '../../../contract/levels.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { lifetimesFrom } from '../sessions/session-policy.js';
import { createSession, deleteSession } from '../sessions/session-store.js';
import { requiredLevelForRole } from '../site-config/levels.js';
import type { SiteConfig } from '../site-config/schema.js';
import { isBlocked } from '../password-login/lockout-policy.js';
import type { OrganisationInAnswer } from '../organisations/acting-organisation.js';
import { organisationAtLogin } from '../organisations/login-organisation.js';

export interface FinishLinkOptions {
  via: 'password_pin' | 'activation_code';
  origin: RequestOrigin;
  /** The browser's earlier session, ended as every login does (session fixation, L11). */
  previousSessionToken?: string | undefined;
  now?: Date;
}

export async function linkIdentityAndLogIn(tx: DbOrTx, site: SiteConfig, link: PendingLink, user: User, options: FinishLinkOptions) {
  const now = options.now ?? new Date();
  if (user.disabledAt || isBlocked(user)) throw new ApiError('account_blocked');
  const roleLevel = requiredLevelForRole(site.eherkenning.roleLevels, user.role);
  if (roleLevel && !levelSatisfies(link.level as Level, roleLevel)) throw new ApiError('level_too_low');

  // The unique key (scheme, issuer, subject) decides, also against a link finished at the same
  // moment in another browser: nothing says whose account it is (A04).
  const [identity] = await tx
    .insert(identities)
    .values({ userId: user.id, scheme: link.scheme, issuer: link.issuer, subject: link.subject, legalSubject: link.legalSubject, broker: link.broker, level: link.level, linkedAt: now })
    .onConflictDoNothing()
    .returning({ id: identities.id });
  if (!identity) throw new ApiError('identity_already_linked');

  if (options.previousSessionToken) await deleteSession(tx, options.previousSessionToken);
  // Acting for the organisation the eHerkenning answer named, as a login of a known identity does.
  const organisation = await organisationAtLogin(tx, site, user.id, answerOf(link.attributes), options.origin);
  const created = await createSession(
    tx,
    { userId: user.id, method: link.scheme === 'eidas' ? 'eidas' : 'eherkenning', level: link.level, attributes: link.attributes, actingFor: organisation.actingFor, organisationChoicePending: organisation.organisationChoicePending },
    lifetimesFrom(site.sessions),
    now,
  );
  const common = { outcome: 'success', userId: user.id, method: link.scheme === 'eidas' ? 'eidas' : 'eherkenning', broker: link.broker, level: link.level } as const;
  await recordAudit(tx, { ...common, type: 'identity_linked', details: { via: options.via, identityId: identity.id } }, options.origin);
  await recordAudit(tx, { ...common, type: 'login', details: { linked: true } }, options.origin);
  return { ...created, user };
}

/** The organisation the answer named, from the session attributes the pending link kept (kvk, rsin or eidas, vestigingsnr). */
function answerOf(attributes: Record<string, string>): OrganisationInAnswer | undefined {
  const kind = attributes.kvk ? 'kvk' : attributes.rsin ? 'rsin' : attributes.eidas ? 'eidas' : undefined;
  if (!kind) return undefined;
  return { kind, value: attributes[kind]!, vestigingsnummers: attributes.vestigingsnr ? attributes.vestigingsnr.split(',') : [] };
}
