// A Poort server process must outlive a PostgreSQL restart: while the database refuses
// connections requests answer 503 and the background jobs (outbox, housekeeping, audit retention)
// log and try again; nothing may reach the crash policy (crash-policy.ts), which would stop the
// process. Found in a soak run where the simulated-broker instance died with an uncaught
// ECONNREFUSED. A cluster of its own, so stopping it disturbs no other test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';
import { testDbKind } from '../support/db.js';
import { seedPgliteDataDir } from '../support/pglite-snapshot.js';
import { copyTestKeys } from '../support/test-keys.js';
import { formFields } from '../saml/flow.js';

const JOB_INTERVAL_MS = 200;
const DOWN_MS = 5000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The interval settings reach every job, on both kinds of database: each logs a round it did.
describe(`background jobs of a server process at short intervals (${testDbKind})`, () => {
  it('runs housekeeping and audit retention at the configured interval, without a failed round', async () => {
    // A migrated PGlite cluster unpacked in place, and the test keys: this test is not about making either.
    const dir = mkdtempSync(join(tmpdir(), 'poort-jobs-'));
    copyTestKeys(join(dir, 'keys'));
    if (testDbKind === 'pglite') await seedPgliteDataDir(dir);
    const pg = testDbKind === 'postgres' ? await startThrowawayPostgres() : undefined;
    const smtp = await startSmtp();
    const server = await startServer({
      ...(pg ? { DATABASE_URL: pg.url } : { POORT_DATA_DIR: dir }),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      POORT_OUTBOX_INTERVAL_MS: String(JOB_INTERVAL_MS),
      POORT_HOUSEKEEPING_INTERVAL_MS: String(JOB_INTERVAL_MS),
      POORT_AUDIT_RETENTION_INTERVAL_MS: String(JOB_INTERVAL_MS),
      LOG_LEVEL: 'info',
    });
    try {
      // Housekeeping and retention log each round they claimed (one instance: every round).
      // Wait for both: the two jobs start independently, so either may log first.
      const bothRan = () =>
        /"job":"housekeeping"[^\n]*"deleted"/.test(server.output()) &&
        /"job":"audit retention"[^\n]*"deleted"/.test(server.output());
      for (let i = 0; i < 120 && !bothRan(); i++) await sleep(250);
      expect(server.output()).toMatch(/"job":"housekeeping"[^\n]*"deleted"/);
      expect(server.output()).toMatch(/"job":"audit retention"[^\n]*"deleted"/);
      expect(server.output()).not.toMatch(/failed; trying again/);
    } finally {
      await server.stop();
      await smtp.close();
      pg?.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

// PGlite runs inside the process and cannot be restarted.
if (testDbKind === 'postgres') describe('a server process while PostgreSQL restarts (PostgreSQL only)', () => {
  let pg: ThrowawayPostgres;
  let smtp: TestSmtp;
  let server: ServerProcess;
  let exitCode: number | null | undefined;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    smtp = await startSmtp();
    server = await startServer({
      DATABASE_URL: pg.url,
      POORT_DATABASE_CONNECT_TIMEOUT_S: '1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      POORT_OUTBOX_INTERVAL_MS: String(JOB_INTERVAL_MS),
      POORT_HOUSEKEEPING_INTERVAL_MS: String(JOB_INTERVAL_MS),
      POORT_AUDIT_RETENTION_INTERVAL_MS: String(JOB_INTERVAL_MS),
      LOG_LEVEL: 'info',
    });
    server.child.once('exit', (code) => (exitCode = code));
  }, 120_000);
  afterAll(async () => {
    if (server && exitCode === undefined) await server.stop();
    await smtp?.close();
    pg?.destroy();
  });

  /** Rounds a job logged as done (LOG_LEVEL info: housekeeping and audit retention log each one). */
  const rounds = (job: string) => server.output().match(new RegExp(`"job":"${job}"[^\\n]*"deleted"`, 'g'))?.length ?? 0;
  /** Waits until each job has logged more rounds than it had. */
  const jobsRanSince = (before: Record<string, number>) =>
    vi.waitFor(() => {
      for (const [job, count] of Object.entries(before)) expect(rounds(job), job).toBeGreaterThan(count);
    }, { timeout: 30_000, interval: JOB_INTERVAL_MS });

  it('keeps running, answers while the database is away, is ready again after, and logs nothing fatal', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers, signal: AbortSignal.timeout(15_000) }).then(
        (r) => r.status,
        () => 0,
      );
    expect(await get('/poort/readyz')).toBe(200);
    // Signed AuthnRequests for the simulated broker, made while the database still works: its page
    // reads the started login (for its language) while the database is away.
    const requests: ReturnType<typeof formFields>[] = [];
    for (let i = 0; i < 3; i++) {
      const start = await fetch(`${server.url}/poort/auth/eherkenning/start?broker=demo-noord&returnTo=/`);
      expect(start.status).toBe(200);
      requests.push(formFields(await start.text()));
    }
    const brokerPage = (request: (typeof requests)[number]) =>
      fetch(new URL(new URL(request.action, server.url).pathname, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(request.fields),
        signal: AbortSignal.timeout(15_000),
      }).then(
        (r) => r.status,
        () => 0,
      );
    expect(await brokerPage(requests[0]!)).toBe(200);
    // The jobs ran at least once against a working database.
    await jobsRanSince({ housekeeping: 0, 'audit retention': 0 });

    await pg.stopAsync();
    const whileDown: number[] = [];
    const until = Date.now() + DOWN_MS;
    while (Date.now() < until) {
      whileDown.push(
        ...(await Promise.all([
          get('/poort/readyz'),
          get('/poort/dev/brokers/demo-noord/metadata'),
          brokerPage(requests[whileDown.length % requests.length]!),
          get('/poort/api/session', { cookie: 'poort_session=not-a-real-session-token-but-long-enough-000000' }),
        ])),
      );
      await sleep(JOB_INTERVAL_MS);
    }
    expect(exitCode, server.output()).toBeUndefined();
    // Every request had an answer (no dropped connection), and readiness said the database is away.
    expect(whileDown).not.toContain(0);
    expect(whileDown).toContain(503);
    await pg.startAsync();

    let ready = 0;
    for (let i = 0; i < 60 && ready !== 200; i++) {
      ready = await get('/poort/readyz');
      if (ready !== 200) await sleep(500);
    }
    expect(ready, server.output()).toBe(200);
    // The jobs ran again after the restart, still without stopping anything.
    await jobsRanSince({ housekeeping: rounds('housekeeping'), 'audit retention': rounds('audit retention') });
    expect(exitCode, server.output()).toBeUndefined();
    expect(server.output()).not.toMatch(/"level":60|uncaught/);
    // Every job ran into the outage, logged it as a database outage and carried on.
    for (const job of ['outbox', 'housekeeping', 'audit retention']) {
      expect(server.output(), job).toMatch(new RegExp(`"job":"${job}".*"databaseUnavailable":true.*"msg":"${job} failed; trying again`));
    }
  }, 120_000);
});
