// Sessions in the database: only the SHA-256 of the cookie token is stored, so a database leak
// yields no usable session, and every BFF instance sees every session.
import { countAuditEvent } from '../metrics/metrics.js';
import { eq, lt, or, sql, type Placeholder } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/open.js';
import { preparedPerHandle } from '../../../db/prepared.js';
import type { LoginMethod } from '../../../contract/login-methods.js';
import { auditEvents, sessions, type AuditEvent, type Session } from '../../../db/schema.js';
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
  const event: Record<string, unknown> = { ...audit, ...originColumns(origin) };
  const values: Record<string, unknown> = { ...session };
  // A column the event leaves out gets what the table's default would give it.
  for (const [column, placeholder] of auditPlaceholderNames) values[placeholder] = event[column] ?? (column === 'details' ? {} : null);
  await auditedSessionStatement(db).execute(values);
  countAuditEvent(audit);
  return { token, session };
}

// Every column of both rows but the audit event's generated id and time: a column added to either
// table does not compile until it is added here, so the prepared statement never drops one.
const sessionColumns: Record<keyof Session, true> = {
  tokenHash: true,
  userId: true,
  actingFor: true,
  organisationChoicePending: true,
  method: true,
  level: true,
  attributes: true,
  createdAt: true,
  lastSeenAt: true,
  idleExpiresAt: true,
  absoluteExpiresAt: true,
};
const auditColumns: Record<Exclude<keyof AuditEvent, 'id' | 'at'>, true> = {
  type: true,
  outcome: true,
  userId: true,
  organisationId: true,
  actorId: true,
  method: true,
  broker: true,
  level: true,
  ip: true,
  userAgent: true,
  reason: true,
  requestId: true,
  application: true,
  details: true,
};
const AUDIT_PREFIX = 'audit.';
const auditPlaceholderNames = Object.keys(auditColumns).map((column) => [column, `${AUDIT_PREFIX}${column}`] as const);

/** One placeholder per column, named after it (with a prefix, so both rows' names stay apart). */
function placeholders<K extends string>(columns: Record<K, true>, prefix = ''): Record<K, Placeholder<string>> {
  return Object.fromEntries(Object.keys(columns).map((column) => [column, sql.placeholder(`${prefix}${column}`)])) as Record<K, Placeholder<string>>;
}

const auditedSessionStatement = preparedPerHandle((handle) => {
  const db = handle as Db;
  const created = db.$with('created_session').as(db.insert(sessions).values(placeholders(sessionColumns)).returning({ tokenHash: sessions.tokenHash }));
  return db.with(created).insert(auditEvents).values(placeholders(auditColumns, AUDIT_PREFIX)).prepare('poort_create_audited_session');
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
