// Sessions in the database: only the SHA-256 of the cookie token is stored, so a database leak
// yields no usable session, and every BFF instance sees every session.
import { countAuditEvent } from '../metrics/metrics.js';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/open.js';
import { preparedPerHandle } from '../../../db/prepared.js';
import type { LoginMethod } from '../../../contract/login-methods.js';
import { auditEvents, sessions, type Session } from '../../../db/schema.js';
import { originColumns, type AuditInput } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import { hashSecretToken, newSecretToken } from '../security/secret-token.js';
import { lookUpSession, type StoredSession } from './session-lookup.js';
import { initialExpiry, isLive, nextIdleExpiry, type SessionLifetimes } from './session-policy.js';

export interface NewSession {
  userId: string;
  method: LoginMethod;
  level?: string | null;
  actingFor?: string | null;
  /** Several memberships and none decided: the person is asked which organisation to act for. */
  organisationChoicePending?: boolean;
  attributes?: Record<string, string>;
}

export type ActiveSession = StoredSession;

/** A new session row and its cookie token (the only time the token exists outside the browser). */
function newSessionRow(input: NewSession, lifetimes: SessionLifetimes, now: Date): { token: string; session: Session } {
  const token = newSecretToken();
  const session: Session = {
    tokenHash: hashSecretToken(token),
    userId: input.userId,
    method: input.method,
    level: input.level ?? null,
    actingFor: input.actingFor ?? null,
    organisationChoicePending: input.organisationChoicePending ?? false,
    attributes: input.attributes ?? {},
    createdAt: now,
    lastSeenAt: now,
    ...initialExpiry(now, lifetimes),
  };
  return { token, session };
}

/** Creates a session and returns the cookie token with the stored row. */
export async function createSession(db: DbOrTx, input: NewSession, lifetimes: SessionLifetimes, now = new Date()) {
  const created = newSessionRow(input, lifetimes, now);
  await db.insert(sessions).values(created.session);
  return created;
}

/**
 * createSession plus its audit event in one statement: the insert of the session is a
 * data-modifying CTE of the audit insert, so both rows commit together (the log and the data
 * never disagree) without the BEGIN and COMMIT round trips of a transaction. Every column of the
 * session is given here, so the row is known without RETURNING it. It is every password login's
 * write, so it is prepared once per database handle: drizzle does not build its SQL per login.
 */
export async function createAuditedSession(db: Db, input: NewSession, lifetimes: SessionLifetimes, audit: AuditInput, origin?: RequestOrigin, now = new Date()) {
  const { token, session } = newSessionRow(input, lifetimes, now);
  const event = { ...audit, ...originColumns(origin) };
  await auditedSessionStatement(db).execute({
    ...session,
    auditType: event.type,
    auditOutcome: event.outcome,
    auditUserId: event.userId ?? null,
    auditOrganisationId: event.organisationId ?? null,
    auditActorId: event.actorId ?? null,
    auditMethod: event.method ?? null,
    auditBroker: event.broker ?? null,
    auditLevel: event.level ?? null,
    auditIp: event.ip,
    auditUserAgent: event.userAgent,
    auditReason: event.reason ?? null,
    auditRequestId: event.requestId,
    auditApplication: event.application ?? null,
    auditDetails: event.details ?? {},
  });
  countAuditEvent(audit);
  return { token, session };
}

// The placeholders are named after the columns they fill (the audit's with an `audit` prefix).
const auditedSessionStatement = preparedPerHandle((handle) => {
  const db = handle as Db;
  const p = sql.placeholder;
  const created = db.$with('created_session').as(
    db
      .insert(sessions)
      .values({
        tokenHash: p('tokenHash'),
        userId: p('userId'),
        method: p('method'),
        level: p('level'),
        actingFor: p('actingFor'),
        organisationChoicePending: p('organisationChoicePending'),
        attributes: p('attributes'),
        createdAt: p('createdAt'),
        lastSeenAt: p('lastSeenAt'),
        idleExpiresAt: p('idleExpiresAt'),
        absoluteExpiresAt: p('absoluteExpiresAt'),
      })
      .returning({ tokenHash: sessions.tokenHash }),
  );
  return db
    .with(created)
    .insert(auditEvents)
    .values({
      type: p('auditType'),
      outcome: p('auditOutcome'),
      userId: p('auditUserId'),
      organisationId: p('auditOrganisationId'),
      actorId: p('auditActorId'),
      method: p('auditMethod'),
      broker: p('auditBroker'),
      level: p('auditLevel'),
      ip: p('auditIp'),
      userAgent: p('auditUserAgent'),
      reason: p('auditReason'),
      requestId: p('auditRequestId'),
      application: p('auditApplication'),
      details: p('auditDetails'),
    })
    .prepare('poort_create_audited_session');
});

/**
 * The session for a cookie token, or undefined when there is none, it expired, or its user is
 * disabled. One indexed read (shared with the checks arriving at the same moment); a write only
 * when the idle expiry needs to slide.
 */
export async function findActiveSession(db: Db, token: string, lifetimes: SessionLifetimes, now = new Date()): Promise<ActiveSession | undefined> {
  const tokenHash = hashSecretToken(token);
  const found = await lookUpSession(db, tokenHash);
  if (!found || !isLive(found.session, now)) return undefined;
  const idle = nextIdleExpiry(now, found.session.lastSeenAt, found.session.absoluteExpiresAt, lifetimes);
  if (!idle) return found;
  await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt: idle }).where(eq(sessions.tokenHash, tokenHash));
  return { ...found, session: { ...found.session, lastSeenAt: now, idleExpiresAt: idle } };
}

export async function deleteSession(db: DbOrTx, token: string): Promise<Session | undefined> {
  const [deleted] = await db.delete(sessions).where(eq(sessions.tokenHash, hashSecretToken(token))).returning();
  return deleted;
}

/** Ends every session of a user (password reset, disable, unblock). */
export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.tokenHash });
  return deleted.length;
}

export async function deleteExpiredSessions(db: DbOrTx, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)))
    .returning({ t: sessions.tokenHash });
  return deleted.length;
}
