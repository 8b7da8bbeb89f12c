// `npm start`: read configuration, open (and migrate) the database, listen; stop cleanly on Ctrl-C.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { DataDirLockedError, lockDataDir } from '../../db/data-dir-lock.js';
import { openDb } from '../../db/open.js';
import { createApp } from './app.js';
import { internalMetricsApp } from './metrics/routes.js';
import { ConfigError, loadEnvConfig } from './config.js';
import { installCrashPolicy } from './crash-policy.js';
import { makeDevelopmentKeys, setUpEherkenning } from './eherkenning/setup.js';
import { makeAcmidmDevelopmentKeys, setUpAcmidm } from './acmidm/setup.js';
import { startHousekeeping } from './housekeeping/housekeeping.js';
import { startAuditRetention } from './audit/retention-job.js';
import { createLogger } from './logger.js';
import { startOutboxWorker } from './mail/outbox-worker.js';
import { smtpTransport } from './mail/smtp-transport.js';
import { loadSiteConfig } from './site-config/load.js';
import { setPasswordQueueLimit } from './passwords/password-hash.js';

async function main(): Promise<void> {
  const env = loadEnvConfig();
  const site = loadSiteConfig();
  const logger = createLogger(env.logLevel);
  setPasswordQueueLimit(env.passwordQueueLimit);
  // PGlite: one process per data directory (the CLI checks the same lock).
  let unlock: (() => void) | undefined;
  if (!env.databaseUrl) {
    mkdirSync(env.pgliteDir, { recursive: true });
    unlock = lockDataDir(env.pgliteDir, 'the Poort server');
  }
  // Development SAML keys (openssl, in other processes) are made while the database opens.
  const keysMade = Promise.all([makeDevelopmentKeys({ site: site.config, dataDir: env.dataDir }), makeAcmidmDevelopmentKeys({ site: site.config, dataDir: env.dataDir })]);
  const db = await openDb(env.databaseUrl ? { url: env.databaseUrl, connectTimeoutS: env.databaseConnectTimeoutS } : { dataDir: env.pgliteDir });
  await keysMade;
  const upstream = { site: site.config, baseDir: site.baseDir, dataDir: env.dataDir, publicUrl: env.publicUrl, production: env.production, db: db.db };
  const eherkenning = await setUpEherkenning(upstream);
  const acmidm = await setUpAcmidm(upstream);
  const app = createApp({ db, logger, env, site: site.config, ...eherkenning, ...acmidm }, { demoSite: !env.production || process.env.POORT_DEMO_SITE === '1' });

  // Without SMTP settings mails wait in the outbox (development: see /poort/dev/outbox).
  const smtpHost = env.mail.host;
  const transport = smtpHost ? smtpTransport({ ...env.mail, host: smtpHost }) : undefined;
  const worker = transport ? startOutboxWorker(db.db, transport, logger, Number(process.env.POORT_OUTBOX_INTERVAL_MS) || 2000) : undefined;

  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
    console.log(`Configuration: ${site.source} (${site.config.environment})\nDatabase: ${db.description}\nMail: ${smtpHost ? `SMTP ${smtpHost}:${env.mail.port}` : 'no SMTP configured: mails stay in the outbox'}\nPoort listens on http://${shown}:${info.port}/ (BFF under /poort/)`);
  }) as Server;
  // Metrics without a token, on a port only the monitoring network reaches (docs/operating.md).
  const metricsPort = env.metrics.port;
  const metricsServer = metricsPort !== undefined
    ? (serve({ fetch: internalMetricsApp(db.db).fetch, port: metricsPort, hostname: env.metrics.host }, (info) => console.log(`Metrics on http://${env.metrics.host}:${info.port}/metrics`)) as Server)
    : undefined;
  // A reverse proxy reuses idle connections to Poort; Node's 5 s default closed them under the
  // proxy's feet (a reset, or a 502 on a POST). Ours outlasts the proxy's (see docs/embedding.md).
  server.keepAliveTimeout = env.keepAliveTimeoutMs;
  server.headersTimeout = env.headersTimeoutMs;

  // Expired sessions, spent tokens, old SAML rows and ended rate-limit windows are deleted now and
  // then; every instance schedules it, one per interval does it.
  const housekeeping = startHousekeeping(db.db, logger, Number(process.env.POORT_HOUSEKEEPING_INTERVAL_MS) || undefined);
  // Audit events older than their retention period (site configuration `audit`), the same way.
  const auditRetention = startAuditRetention(db.db, site.config.audit, logger, Number(process.env.POORT_AUDIT_RETENTION_INTERVAL_MS) || undefined);

  let stopping = false;
  // An uncaught error while a deliberate stop is under way still ends with its non-zero code.
  let finalCode = 0;
  const stop = (signal: string, exitCode = 0) => {
    finalCode = Math.max(finalCode, exitCode);
    if (stopping) return;
    stopping = true;
    if (exitCode === 0) logger.info({ signal }, 'stopping');
    // Close the listener first so no request starts on a closing database, then close the
    // database (PGlite flushes its data directory on close, so the next start finds it intact).
    const force = setTimeout(() => server.closeAllConnections(), 3000).unref();
    metricsServer?.close();
    server.close(() => {
      clearTimeout(force);
      // The jobs' stop() never rejects (background-job.ts); the database's close may.
      void (async () => {
        await worker?.stop();
        await housekeeping.stop();
        await auditRetention.stop();
        transport?.close();
        await db.close().catch((error: unknown) => logger.error({ err: error }, 'closing database'));
        unlock?.();
        process.exit(finalCode);
      })();
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  installCrashPolicy(logger, (exitCode) => stop('uncaught error', exitCode));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) console.error(`Poort cannot start: ${error.message}. Stop it first.`);
  else if (error instanceof ConfigError) console.error(`Poort cannot start: ${error.message}`);
  else console.error('Poort cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
