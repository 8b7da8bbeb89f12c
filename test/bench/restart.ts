// restart.* figures: two Poort server processes on a throwaway PostgreSQL cluster with the default
// request deadline, 16 clients of mixed requests, outbox workers mailing a real SMTP server, and
// PostgreSQL restarted (`pg_ctl stop -m fast`, 1 s down) six times, 6 s apart.
//   restart.requests            requests answered during the run
//   restart.answered_503        of those, 503 service_unavailable (expected while the database is away)
//   restart.unexpected          any other failure: 500, 502, or no answer at all (should be 0)
//   restart.p99_ms / slowest_ms latency of all requests (the deadline is 5000 ms, plus ≤ 1000 settling)
//   restart.recovery_max_ms     longest time from PostgreSQL back to both instances ready again
//   restart.process_exits       server processes that ended during the run (should be 0)
//   restart.late_commits        writes whose effect disagrees with their answer, e.g. committed after a 503 (should be 0)
//   restart.in_doubt            503s whose write the database had committed just before the answer: the
//                               acknowledgement was lost as PostgreSQL went down (no client can rule that out)
//   restart.mail_duplicates     outbox mails delivered twice (at-least-once; same Message-ID)
//   restart.mail_missing        outbox mails never delivered (should be 0)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { openDb } from '../../db/open.js';
import { users } from '../../db/schema.js';
import { sendPendingMail } from '../../bff/src/mail/outbox-sender.js';
import { lifetimesFrom } from '../../bff/src/sessions/session-policy.js';
import { createSession } from '../../bff/src/sessions/session-store.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { allowedStatuses, mailCopies, makeRestartAccounts, runRestartLoad, writesAgainstAnswers } from '../support/restart-load.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { startSmtp } from '../support/smtp.js';
import { startThrowawayPostgres } from '../support/throwaway-postgres.js';
import { percentile, report } from './report.js';

const FROM = 'Poort <noreply@poort.test>';

export async function benchRestart(): Promise<void> {
  const pg = await startThrowawayPostgres();
  const smtp = await startSmtp();
  const dataDir = mkdtempSync(join(tmpdir(), 'poort-bench-restart-'));
  const servers: ServerProcess[] = [];
  let exits = 0;
  try {
    const env = {
      DATABASE_URL: pg.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MAIL_FROM: FROM,
      POORT_OUTBOX_INTERVAL_MS: '100',
      POORT_TRUST_PROXY: '1',
      POORT_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
    };
    // One after the other: the first migrates the new cluster.
    for (let i = 0; i < 2; i++) {
      const server = await startServer(env);
      server.child.once('exit', () => exits++);
      servers.push(server);
    }
    const handle = await openDb({ url: pg.url, max: 2, migrate: false });
    const db = handle.db;
    const emails = await makeRestartAccounts(db, 15_000);
    const site = parseSiteConfig(demoSiteConfig, 'bench');
    const cookies: string[] = [];
    // The first ten accounts hold the sessions that are checked; the others each serve one write.
    for (const user of await db.select({ id: users.id }).from(users).where(inArray(users.email, emails.slice(0, 10)))) {
      const { token } = await createSession(db, { userId: user.id, method: 'eherkenning', level: 'loa2plus' }, lifetimesFrom(site.sessions));
      cookies.push(`poort_session=${token}`);
    }

    const run = await runRestartLoad({
      instances: servers.map((s) => (path, init) => fetch(`${s.url}${path}`, init)),
      pg,
      emails: emails.slice(10),
      cookies,
      clients: 16,
      restarts: 6,
      downMs: 1000,
      upMs: 6000,
    });
    const processExits = exits;
    // Requests that went on after their 503 have ended after one more deadline and its grace.
    await new Promise((r) => setTimeout(r, 6500));
    const checked = await writesAgainstAnswers(db, run.outcomes);
    for (const server of servers) await server.stop('SIGTERM');
    servers.length = 0;
    await sendPendingMail(db, smtp.transport, { now: new Date(Date.now() + 60 * 60_000), batch: 5000 });
    const mail = await mailCopies(db, smtp, FROM);
    await handle.close();

    const ms = run.outcomes.map((o) => o.ms);
    report('restart.requests', run.outcomes.length, 'requests');
    report('restart.answered_503', run.outcomes.filter((o) => o.status === 503).length, 'requests');
    report('restart.unexpected', run.outcomes.filter((o) => !allowedStatuses[o.kind].includes(o.status)).length, 'requests');
    report('restart.p99_ms', Math.round(percentile(ms, 99)), 'ms');
    report('restart.slowest_ms', Math.round(Math.max(...ms)), 'ms');
    report('restart.recovery_max_ms', Math.round(Math.max(...run.recoveries)), 'ms');
    report('restart.process_exits', processExits, 'processes');
    report('restart.late_commits', checked.problems.length, 'requests');
    report('restart.in_doubt', checked.inDoubt, 'requests');
    report('restart.mail_duplicates', mail.copies.filter((n) => n > 1).length, 'mails');
    report('restart.mail_missing', mail.copies.filter((n) => n === 0).length, 'mails');
  } finally {
    for (const server of servers) await server.stop('SIGKILL').catch(() => {});
    await smtp.close();
    pg.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
