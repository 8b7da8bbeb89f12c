// Mixed load on Poort instances while a throwaway PostgreSQL cluster is restarted, and the checks
// of what the requests left behind. Used by test/bff/database-restart.test.ts (in-process apps)
// and `npm run bench -- restart` (server processes over HTTP).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { auditEvents, outbox, rateLimits, sessions, users } from '../../db/schema.js';
import { outboxMessageId } from '../../bff/src/mail/message-id.js';
import { hashPassword } from '../../bff/src/passwords/password-hash.js';
import { rateLimitKey, rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import type { TestSmtp } from './smtp.js';
import type { ThrowawayPostgres } from './throwaway-postgres.js';

/** One Poort instance: app.request() in process, or fetch() on a server's URL. */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export type Kind = 'login' | 'wrong_password' | 'forgot' | 'session';
export interface Outcome {
  kind: Kind;
  email: string;
  status: number;
  ms: number;
  /** Date.now() when the answer had arrived. */
  answeredAt: number;
}

export const RESTART_PASSWORD = 'paarden-batterij-niet-stapel';
const kinds: Kind[] = ['login', 'wrong_password', 'forgot', 'session'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `count` accounts with one password, made in one statement: each write request gets its own. */
export async function makeRestartAccounts(db: Db, count: number): Promise<string[]> {
  const passwordHash = await hashPassword(RESTART_PASSWORD);
  const emails = Array.from({ length: count }, (_, i) => `herstart${i}@gemeente.example.nl`);
  for (let i = 0; i < emails.length; i += 500) await db.insert(users).values(emails.slice(i, i + 500).map((email) => ({ email, passwordHash })));
  return emails;
}

export interface RestartLoadOptions {
  instances: Send[];
  pg: ThrowawayPostgres;
  /** Fresh accounts, one per write request (makeRestartAccounts). */
  emails: string[];
  /** Session cookies ("poort_session=…") for the session checks. */
  cookies: string[];
  clients: number;
  restarts: number;
  /** How long the database stays down, and up between restarts (ms). */
  downMs: number;
  upMs: number;
}

export interface RestartLoadResult {
  outcomes: Outcome[];
  /** Per restart: ms from PostgreSQL accepting connections to every instance's readyz being 200. */
  recoveries: number[];
  /** Per restart: readyz's status on one instance while the database was down. */
  readyWhileDown: number[];
}

export async function runRestartLoad(o: RestartLoadOptions): Promise<RestartLoadResult> {
  const outcomes: Outcome[] = [];
  let next = 0;
  let running = true;
  const json = (body: unknown, xff: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': xff },
    body: JSON.stringify(body),
  });
  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      const kind = kinds[(n + i) % kinds.length]!;
      const send = o.instances[(n + i) % o.instances.length]!;
      const email = kind === 'session' ? '' : o.emails[next++]!;
      if (kind !== 'session' && !email) throw new Error('runRestartLoad: not enough accounts');
      const xff = `10.0.${n}.${i % 250}`;
      const start = performance.now();
      let status: number;
      try {
        const res =
          kind === 'session'
            ? await send('/poort/api/session', { headers: { cookie: o.cookies[i % o.cookies.length]!, 'x-forwarded-for': xff } })
            : kind === 'forgot'
              ? await send('/poort/api/password/forgot', json({ email }, xff))
              : await send('/poort/api/login', json({ email, password: kind === 'login' ? RESTART_PASSWORD : 'niet-het-goede-wachtwoord' }, xff));
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0; // no answer at all: the connection failed (an instance gone)
      }
      outcomes.push({ kind, email, status, ms: performance.now() - start, answeredAt: Date.now() });
    }
  };
  const load = Array.from({ length: o.clients }, (_, n) => client(n));
  const recoveries: number[] = [];
  const readyWhileDown: number[] = [];
  try {
    await sleep(Math.min(o.upMs, 1000));
    for (let r = 0; r < o.restarts; r++) {
      await o.pg.stopAsync();
      readyWhileDown.push((await o.instances[r % o.instances.length]!('/poort/readyz')).status);
      await sleep(o.downMs);
      await o.pg.startAsync();
      const back = performance.now();
      for (const send of o.instances) {
        while ((await send('/poort/readyz').then((res) => res.status, () => 0)) !== 200) await sleep(50);
      }
      recoveries.push(performance.now() - back);
      await sleep(o.upMs);
    }
  } finally {
    running = false;
    await Promise.all(load);
  }
  return { outcomes, recoveries, readyWhileDown };
}

/** The statuses each kind of request may answer with under a restart. */
export const allowedStatuses: Record<Kind, number[]> = { login: [200, 503], wrong_password: [401, 503], forgot: [202, 503], session: [200, 503] };

/**
 * What each write request left behind, against what it answered: a login that answered 200 made a
 * session and one that answered 503 none, and so on. A 503 whose write is there anyway is a commit
 * in doubt when the database committed it before the answer (the acknowledgement was lost as the
 * server went down: no client can rule that out); committed after the answer, it is a problem.
 * Needs track_commit_timestamp (the throwaway cluster has it). Returns one line per problem.
 */
export async function writesAgainstAnswers(db: Db, outcomes: Outcome[]): Promise<{ problems: string[]; inDoubt: number }> {
  const writes = outcomes.filter((o) => o.kind !== 'session' && o.status !== 0);
  if (!writes.length) return { problems: [], inDoubt: 0 };
  const committedAt = sql<string | null>`extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000`;
  const byEmail = new Map((await db.select({ id: users.id, email: users.email, failedAttempts: users.failedAttempts, at: committedAt }).from(users)).map((u) => [u.email, u]));
  const ids = writes.map((o) => byEmail.get(o.email)!.id);
  const sessionAt = new Map((await db.select({ userId: sessions.userId, at: committedAt }).from(sessions).where(inArray(sessions.userId, ids))).map((s) => [s.userId, s.at]));
  const resetAt = new Map(
    (await db.select({ userId: auditEvents.userId, at: committedAt }).from(auditEvents).where(and(inArray(auditEvents.userId, ids), eq(auditEvents.type, 'password_reset_requested')))).map((a) => [a.userId, a.at]),
  );
  const mailed = new Set((await db.select({ to: outbox.to }).from(outbox)).map((m) => m.to));
  const counted = new Set((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key));
  const problems: string[] = [];
  let inDoubt = 0;
  for (const o of writes) {
    const user = byEmail.get(o.email)!;
    const found: Record<string, boolean> =
      o.kind === 'login'
        ? { 'a session': sessionAt.has(user.id) }
        : o.kind === 'wrong_password'
          ? { 'the failed attempt': user.failedAttempts === 1 }
          : { 'the mail': mailed.has(o.email), 'the audit event': resetAt.has(user.id), 'the budget count': counted.has(rateLimitKey(rateLimitRules.forgotPerEmail, o.email)) };
    const answered = o.status !== 503;
    const mismatches = Object.entries(found).filter(([, there]) => there !== answered);
    if (!mismatches.length) continue;
    const at = Number(o.kind === 'login' ? sessionAt.get(user.id) : o.kind === 'wrong_password' ? user.at : resetAt.get(user.id));
    if (!answered && mismatches.length === Object.keys(found).length && at && at <= o.answeredAt) {
      inDoubt++;
      continue;
    }
    for (const [what, there] of mismatches) {
      const when = !answered && at ? ` (committed ${Math.round(at - o.answeredAt)} ms after the answer)` : '';
      problems.push(`${o.kind} answered ${o.status} after ${Math.round(o.ms)} ms for ${o.email}, but ${what} ${there ? 'exists' : 'is missing'}${when}`);
    }
  }
  return { problems, inDoubt };
}

/** Copies the SMTP server received of each outbox row, by its Message-ID. */
export async function mailCopies(db: Db, smtp: TestSmtp, from: string): Promise<{ rows: number; unsent: number; copies: number[] }> {
  const rows = await db.select().from(outbox);
  const received = new Map<string, number>();
  for (const mail of smtp.mails) received.set(mail.messageId!, (received.get(mail.messageId!) ?? 0) + 1);
  return { rows: rows.length, unsent: rows.filter((r) => r.sentAt === null).length, copies: rows.map((r) => received.get(outboxMessageId(r, from)) ?? 0) };
}
