// PostgreSQL restarted under load: two Poort instances (in-process apps with pools of their own)
// serve logins, wrong passwords, forgot-password requests and session checks, and their outbox
// workers send mail to a real SMTP server, while the database is restarted three times. No error
// escapes (vitest fails a run on an uncaught one), every request answers within its deadline, none
// commits after answering 503 (commit timestamps tell), both instances answer again within seconds of the database being
// back, and every mail goes out at least once, copies sharing one Message-ID.
// `npm run bench -- restart` is the longer form, with server processes.
import { inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/open.js';
import { users } from '../../db/schema.js';
import { SETTLE_GRACE_MS } from '../../bff/src/http/request-deadline.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { startOutboxWorker } from '../../bff/src/mail/outbox-worker.js';
import { sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';
import { allowedStatuses, mailCopies, makeRestartAccounts, runRestartLoad, writesAgainstAnswers } from '../support/restart-load.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

const DEADLINE_MS = 2000;
/** Slack on top of the deadline and the settle grace, for a busy test machine. */
const SLACK_MS = 1500;

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
    // What the instances log at error level: a 500's cause, shown when the test fails.
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });

    beforeAll(async () => {
      pg = await startThrowawayPostgres();
      smtp = await startSmtp();
      for (let i = 0; i < 2; i++) {
        const handle = await openDb({ url: pg.url, max: 4 });
        handles.push(handle);
        instances.push(await createTestApp({ env: { POORT_REQUEST_DEADLINE_MS: String(DEADLINE_MS), POORT_TRUST_PROXY: '1' }, logger }, handle));
        workers.push(startOutboxWorker(handle.db, smtp.transport, pino({ level: 'silent' }), 100));
      }
    });
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop().catch(() => {})));
      await Promise.all(handles.map((h) => h.close().catch(() => {})));
      await smtp?.close();
      pg?.destroy();
    });

    it('keeps both instances alive, answers every request within its deadline, commits nothing after a 503, and recovers', async () => {
      const db = handles[0]!.db;
      // The first ten accounts hold the sessions that are checked; the others each serve one write.
      const emails = await makeRestartAccounts(db, 1500);
      const holders = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails.slice(0, 10)));
      const cookies = await Promise.all(holders.map((u) => sessionCookie(instances[0]!, u.id)));
      const run = await runRestartLoad({
        instances: instances.map((t) => async (path, init) => t.app.request(path, init)),
        pg,
        emails: emails.slice(10),
        cookies,
        clients: 8,
        restarts: 3,
        downMs: 600,
        upMs: 1200,
      });

      expect(run.readyWhileDown).toEqual([503, 503, 503]);
      for (const o of run.outcomes) expect(allowedStatuses[o.kind], `${o.kind} answered ${o.status}; errors logged: ${errors.join('')}`).toContain(o.status);
      // Each within its deadline, plus the grace a commit already on the wire gets, plus slack.
      expect(Math.max(...run.outcomes.map((o) => o.ms))).toBeLessThan(DEADLINE_MS + SETTLE_GRACE_MS + SLACK_MS);
      expect(run.outcomes.some((o) => o.status === 503)).toBe(true);
      expect(run.outcomes.some((o) => o.status !== 503)).toBe(true);
      // Back within a few seconds of PostgreSQL accepting connections again.
      expect(Math.max(...run.recoveries)).toBeLessThan(5000);

      // Requests that went on in the background after their 503 have ended by now.
      await new Promise((r) => setTimeout(r, DEADLINE_MS));
      // None committed after answering 503 (one may have committed just before: a commit in doubt).
      expect((await writesAgainstAnswers(db, run.outcomes)).problems).toEqual([]);

      // Whatever a worker claimed before a restart is sent once its claim runs out.
      await Promise.all(workers.map((w) => w.stop()));
      await sendPendingMail(db, smtp.transport, { now: new Date(Date.now() + 60 * 60_000), batch: 1000 });
      const mail = await mailCopies(db, smtp, 'Poort <noreply@poort.test>');
      expect(mail.rows).toBeGreaterThan(0);
      expect(mail.unsent).toBe(0);
      expect(Math.min(...mail.copies)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...mail.copies)).toBeLessThanOrEqual(2);
    }, 60_000);
  });
}
