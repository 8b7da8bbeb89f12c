// PostgreSQL restarted under load: two Poort instances (in-process apps with pools of their own)
// serve logins, wrong passwords, forgot-password requests and session checks, and their outbox
// workers send mail to a real SMTP server, while the database is restarted three times. No process
// error escapes, every request answers within its deadline, none commits after answering 503, both
// instances answer again within seconds of the database being back, and mail goes out at least once
// with one Message-ID per outbox mail.
import { and, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/open.js';
import { auditEvents, outbox, rateLimits, sessions, users } from '../../db/schema.js';
import { SETTLE_GRACE_MS } from '../../bff/src/middleware/request-deadline.js';
import { outboxMessageId } from '../../bff/src/mail/message-id.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { startOutboxWorker } from '../../bff/src/mail/outbox-worker.js';
import { hashPassword } from '../../bff/src/passwords/password-hash.js';
import { rateLimitKey, rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import { GOOD_PASSWORD, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

const DEADLINE_MS = 2000;
const RESTARTS = 3;
const CLIENTS = 8;
/** Slack on top of the deadline and the settle grace, for a busy test machine. */
const SLACK_MS = 1500;

type Kind = 'login' | 'wrong_password' | 'forgot' | 'session';
interface Outcome {
  kind: Kind;
  email: string;
  status: number;
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// PGlite runs inside the process and cannot be restarted: the restart itself is PostgreSQL only.
// What both share, readiness failing while the database cannot be reached, is checked on both.
describe(`readiness while the database is unreachable (${testDbKind})`, () => {
  it('answers 503 service_unavailable on /poort/readyz', async () => {
    const t = await createTestApp();
    expect((await t.app.request('/poort/readyz')).status).toBe(200);
    await t.db.close();
    const res = await t.app.request('/poort/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect((await res.json()).error.code).toBe('service_unavailable');
  });
});

if (testDbKind === 'postgres') {
  describe('PostgreSQL restarted under load on two instances (PostgreSQL only: PGlite cannot be restarted)', () => {
    let pg: ThrowawayPostgres;
    let smtp: TestSmtp;
    const handles: DbHandle[] = [];
    const instances: TestApp[] = [];
    const workers: { stop(): Promise<void> }[] = [];
    let cookies: string[] = [];
    // What the instances log at error level: a 500's cause, shown when the test fails.
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
    let emails: string[] = [];

    beforeAll(async () => {
      pg = await startThrowawayPostgres();
      smtp = await startSmtp();
      for (let i = 0; i < 2; i++) {
        const handle = await openDb({ url: pg.url, max: 4 });
        handles.push(handle);
        instances.push(await createTestApp({ env: { POORT_REQUEST_DEADLINE_MS: String(DEADLINE_MS), POORT_TRUST_PROXY: '1' }, logger }, handle));
        workers.push(startOutboxWorker(handle.db, smtp.transport, pino({ level: 'silent' }), 100));
      }
      // Each write request below uses an account of its own, so what it left behind can be checked.
      const passwordHash = await hashPassword(GOOD_PASSWORD);
      emails = Array.from({ length: 1500 }, (_, i) => `herstart${i}@gemeente.example.nl`);
      const made = await handles[0]!.db.insert(users).values(emails.map((email) => ({ email, passwordHash }))).returning({ id: users.id });
      cookies = await Promise.all(made.slice(0, 10).map((u) => sessionCookie(instances[0]!, u.id)));
    });
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop().catch(() => {})));
      await Promise.all(handles.map((h) => h.close().catch(() => {})));
      await smtp?.close();
      pg?.destroy();
    });

    it('keeps both instances alive, answers every request within its deadline, commits nothing after a 503, and recovers', async () => {
      const outcomes: Outcome[] = [];
      let next = 10; // the first ten accounts hold the sessions that are checked
      let running = true;
      const kinds: Kind[] = ['login', 'wrong_password', 'forgot', 'session'];
      const client = async (n: number) => {
        for (let i = 0; running; i++) {
          const kind = kinds[(n + i) % kinds.length]!;
          const t = instances[(n + i) % 2]!;
          const email = kind === 'session' ? '' : emails[next++]!;
          const headers = { 'x-forwarded-for': `10.0.${n}.${i % 250}` };
          const start = performance.now();
          const res =
            kind === 'session'
              ? await t.app.request('/poort/api/session', { headers: { cookie: cookies[i % cookies.length]!, ...headers } })
              : kind === 'forgot'
                ? await post(t, '/poort/api/password/forgot', { email }, headers)
                : await post(t, '/poort/api/login', { email, password: kind === 'login' ? GOOD_PASSWORD : 'niet-het-goede-wachtwoord' }, headers);
          await res.arrayBuffer();
          outcomes.push({ kind, email, status: res.status, ms: performance.now() - start });
        }
      };
      const load = Array.from({ length: CLIENTS }, (_, n) => client(n));

      const recoveries: number[] = [];
      let readyWhileDown = 0;
      await sleep(800);
      for (let r = 0; r < RESTARTS; r++) {
        await pg.stopAsync();
        readyWhileDown = (await instances[r % 2]!.app.request('/poort/readyz')).status;
        await sleep(600);
        await pg.startAsync();
        // Recovery: both instances ready again, measured from the moment the database is back.
        const back = performance.now();
        for (const t of instances) {
          while ((await t.app.request('/poort/readyz')).status !== 200) await sleep(50);
        }
        recoveries.push(performance.now() - back);
        await sleep(1200);
      }
      running = false;
      await Promise.all(load);

      // While the database was down, readiness said so.
      expect(readyWhileDown).toBe(503);
      // Every request answered, none with a 500, each within its deadline (plus the grace a
      // commit already on the wire gets, plus slack for a busy machine).
      const allowed: Record<Kind, number[]> = { login: [200, 503], wrong_password: [401, 503], forgot: [202, 503], session: [200, 503] };
      for (const o of outcomes) expect(allowed[o.kind], `${o.kind} answered ${o.status}; errors logged: ${errors.join('')}`).toContain(o.status);
      expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(DEADLINE_MS + SETTLE_GRACE_MS + SLACK_MS);
      expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.status !== 503).length).toBeGreaterThan(outcomes.length / 2);
      // Back within a few seconds of PostgreSQL accepting connections again.
      expect(Math.max(...recoveries)).toBeLessThan(5000);

      // Let requests that went on in the background after their 503 end, then compare.
      await sleep(DEADLINE_MS);
      const db = handles[0]!.db;
      const byEmail = new Map((await db.select({ id: users.id, email: users.email, failedAttempts: users.failedAttempts }).from(users)).map((u) => [u.email, u]));
      const writes = outcomes.filter((o) => o.kind !== 'session');
      const ids = writes.map((o) => byEmail.get(o.email)!.id);
      const sessionUsers = new Set((await db.select({ userId: sessions.userId }).from(sessions).where(inArray(sessions.userId, ids))).map((s) => s.userId));
      const resetAudits = new Set(
        (await db.select({ userId: auditEvents.userId }).from(auditEvents).where(and(inArray(auditEvents.userId, ids), eq(auditEvents.type, 'password_reset_requested')))).map((a) => a.userId),
      );
      const mailed = new Set((await db.select({ to: outbox.to }).from(outbox)).map((m) => m.to));
      const counted = new Set((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key));
      for (const o of writes) {
        const user = byEmail.get(o.email)!;
        const ok = o.status !== 503;
        if (o.kind === 'login') expect(sessionUsers.has(user.id), `login ${o.status} for ${o.email}`).toBe(ok);
        if (o.kind === 'wrong_password') expect(user.failedAttempts, `wrong password ${o.status} for ${o.email}`).toBe(ok ? 1 : 0);
        if (o.kind === 'forgot') {
          expect(mailed.has(o.email), `forgot ${o.status} for ${o.email}: mail`).toBe(ok);
          expect(resetAudits.has(user.id), `forgot ${o.status} for ${o.email}: audit`).toBe(ok);
          expect(counted.has(rateLimitKey(rateLimitRules.forgotPerEmail, o.email)), `forgot ${o.status} for ${o.email}: budget`).toBe(ok);
        }
      }

      // Mail: whatever a worker claimed before a restart is sent once its claim runs out.
      await Promise.all(workers.map((w) => w.stop()));
      await sendPendingMail(db, smtp.transport, new Date(Date.now() + 60 * 60_000), 1000);
      const rows = await db.select().from(outbox);
      expect(rows.every((m) => m.sentAt !== null)).toBe(true);
      const copies = new Map<string, number>();
      for (const mail of smtp.mails) copies.set(mail.messageId!, (copies.get(mail.messageId!) ?? 0) + 1);
      for (const row of rows) {
        const id = outboxMessageId(row, 'Poort <noreply@poort.test>');
        expect(copies.get(id), `copies of outbox mail ${row.id}`).toBeGreaterThanOrEqual(1);
        expect(copies.get(id), `copies of outbox mail ${row.id}`).toBeLessThanOrEqual(2);
      }
    }, 60_000);
  });
}
