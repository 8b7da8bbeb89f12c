// What the soak's requests left in the database, against what they answered: lost writes
// (logins and logouts whose effect is missing), lockout counts, and the mail each forgot-password
// queued. Reads the database directly, after the load has stopped.
import { and, count, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { auditEvents, outbox, sessions, users } from '../../db/schema.js';
import { hashSecretToken } from '../../bff/src/security/secret-token.js';
import type { SeenLogin } from './load.js';

/** Logins that answered 200 (or the ACS's 303) without their session or audit row, and logouts that answered 204 with their session still there. */
export async function lostWrites(db: Db, logins: SeenLogin[], eherkenningAuditBefore: number): Promise<{ lost: string[]; checked: number }> {
  const lost: string[] = [];
  const hashes = logins.map((l) => hashSecretToken(l.token));
  const present = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    for (const row of await db.select({ h: sessions.tokenHash }).from(sessions).where(inArray(sessions.tokenHash, hashes.slice(i, i + 1000)))) present.add(row.h);
  }
  logins.forEach((login, i) => {
    const there = present.has(hashes[i]!);
    if (login.loggedOut && there) lost.push(`a ${login.method} session logged out with 204 is still there`);
    if (!login.loggedOut && !login.logoutInDoubt && !there) lost.push(`a ${login.method} login answered with a session that is not in the database`);
  });

  // Password logins: each used its own account, so each must have its own success row.
  const emailLogins = logins.filter((l) => l.method === 'email').map((l) => l.email!);
  const audited = new Set<string>();
  for (let i = 0; i < emailLogins.length; i += 1000) {
    const rows = await db
      .select({ email: users.email })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.userId))
      .where(and(eq(auditEvents.type, 'login'), eq(auditEvents.outcome, 'success'), inArray(users.email, emailLogins.slice(i, i + 1000))));
    for (const row of rows) audited.add(row.email!);
  }
  for (const email of emailLogins) if (!audited.has(email)) lost.push(`the password login of ${email} answered 200 without its audit row`);

  // eHerkenning logins share three people: count rows. More rows than answers is fine (a login
  // committed just before its instance was killed or the database went away answered no 303).
  const [eh] = await db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.type, 'login'), eq(auditEvents.outcome, 'success'), eq(auditEvents.method, 'eherkenning')));
  const ehAnswered = logins.filter((l) => l.method === 'eherkenning').length;
  const ehMissing = ehAnswered - (eh!.n - eherkenningAuditBefore);
  for (let i = 0; i < ehMissing; i++) lost.push('an eHerkenning login answered 303 without its audit row');

  const [logouts] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.type, 'logout'));
  const logoutMissing = logins.filter((l) => l.loggedOut).length - logouts!.n;
  for (let i = 0; i < logoutMissing; i++) lost.push('a logout answered 204 without its audit row');
  return { lost, checked: logins.length };
}

export interface LockoutResult {
  account: string;
  answered401: number;
  failedAttempts: number;
  locked: boolean;
  blockedEvents: number;
  failureEvents: number;
}

/** One account's counters after a burst of wrong passwords spread over every instance. */
export async function lockoutState(db: Db, email: string, answered401: number): Promise<LockoutResult> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const events = (type: string, outcome: 'success' | 'failure') =>
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, user!.id), eq(auditEvents.type, type), eq(auditEvents.outcome, outcome)))
      .then((r) => r[0]!.n);
  return { account: email, answered401, failedAttempts: user!.failedAttempts, locked: user!.lockedAt !== null, blockedEvents: await events('account_blocked', 'success'), failureEvents: await events('login', 'failure') };
}

/**
 * What is wrong with a lockout result. Every failure counted is audited in the same transaction,
 * none is lost between instances (at least every 401 is counted, at most every attempt), and the
 * account is blocked, once, exactly when the count reaches the limit. An attempt that answered
 * 503 may or may not have counted (the soak reports it as a failure on its own).
 */
export function lockoutProblems(r: LockoutResult, attempts: number, maxFailedLogins: number): string[] {
  const problems: string[] = [];
  const shouldLock = r.failedAttempts >= maxFailedLogins;
  if (r.failedAttempts < r.answered401 || r.failedAttempts > attempts) problems.push(`${r.account}: ${attempts} wrong passwords, ${r.answered401} answered 401, ${r.failedAttempts} counted`);
  if (r.failureEvents !== r.failedAttempts) problems.push(`${r.account}: ${r.failedAttempts} failures counted, ${r.failureEvents} audited`);
  if (r.locked !== shouldLock) problems.push(`${r.account}: ${r.failedAttempts} failures counted, ${r.locked ? 'blocked' : 'not blocked'}`);
  if (r.blockedEvents !== (shouldLock ? 1 : 0)) problems.push(`${r.account}: ${r.blockedEvents} account_blocked events after ${r.failedAttempts} failures`);
  return problems;
}

/**
 * Outbox mails the SMTP server never got, and those it got more than once. Delivery is at least
 * once: an instance killed between SMTP taking a mail and marking it sent, a database that is
 * away for longer than the mark's few seconds of retries, or an SMTP server that goes away after
 * taking a mail but before its "250 OK" reached Poort, sends it again (same Message-ID). So a mail
 * whose first copy the server took during one of those moments, or in the few seconds before one
 * (`MARK_SLACK_MS`: an instance on a starved machine marks a mail sent a moment after the 250, and
 * the kill may come in between), counts apart, as `inOutage`; any other second copy is a fault
 * (`duplicatedFirstAt`: when the server took their first copies).
 */
export const MARK_SLACK_MS = 3000;
export function mailDeliveries(rows: { id: number; createdAt: Date }[], mails: { messageId?: string; receivedAt: Date }[], messageIdOf: (row: { id: number; createdAt: Date }) => string, outages: { from: number; to: number }[]) {
  const copies = new Map<string, Date[]>();
  for (const mail of mails) if (mail.messageId) copies.set(mail.messageId, [...(copies.get(mail.messageId) ?? []), mail.receivedAt]);
  const result = { lost: 0, duplicated: 0, duplicatedInOutage: 0, duplicatedFirstAt: [] as number[] };
  for (const row of rows) {
    const sent = copies.get(messageIdOf(row)) ?? [];
    if (sent.length === 0) result.lost++;
    if (sent.length < 2) continue;
    const first = Math.min(...sent.map((d) => d.getTime()));
    if (outages.some((w) => first >= w.from - MARK_SLACK_MS && first <= w.to)) result.duplicatedInOutage++;
    else {
      result.duplicated++;
      result.duplicatedFirstAt.push(first);
    }
  }
  return result;
}

/** Mails queued up to `until` that no instance has sent yet. */
export async function unsentMailQueuedBy(db: Db, until: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(and(isNull(outbox.sentAt), lte(outbox.createdAt, until)));
  return row!.n;
}
