// The end of every SAML login that succeeded (eHerkenning, ACM/IDM), inside its transaction: the
// browser's earlier session ends (session fixation), the new one opens, and the login's audit
// event is written with the application its return path belongs to.
import type { DbOrTx } from '../../../db/open.js';
import { together } from '../../../db/together.js';
import { applicationOf } from '../audit/application.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import { lifetimesFrom } from '../sessions/session-policy.js';
import { createSession, deleteSession, type NewSession } from '../sessions/session-store.js';
import type { SiteConfig } from '../site-config/schema.js';
import type { StoredRequest } from './request-store.js';

export interface LoginSessionInput extends NewSession {
  /** eHerkenning: the broker the login went through, for the audit event. */
  broker?: string;
  /** What else the audit event records (never identifiers). */
  details: Record<string, unknown>;
  previousSessionToken?: string;
}

export async function openLoginSession(tx: DbOrTx, site: SiteConfig, request: StoredRequest, input: LoginSessionInput, origin: RequestOrigin, now: Date) {
  const { broker, details, previousSessionToken, ...session } = input;
  // Independent writes, sent together (db/together.ts); the earlier session's end, the new
  // session and its audit event commit with the login's transaction, or none of them.
  const [, created] = await together(
    previousSessionToken ? deleteSession(tx, previousSessionToken) : Promise.resolve(undefined),
    createSession(tx, session, lifetimesFrom(site.sessions), now),
    recordAudit(
      tx,
      {
        type: 'login',
        outcome: 'success',
        userId: session.userId,
        organisationId: session.actingFor ?? null,
        method: session.method,
        ...(broker ? { broker } : {}),
        level: session.level ?? null,
        application: applicationOf(request.returnTo, site),
        details,
      },
      origin,
    ),
  );
  return created;
}
