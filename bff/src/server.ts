// `npm start`: read configuration, open (and migrate) the database, listen; stop cleanly on Ctrl-C.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { openDb } from '../../db/open.js';
import { createApp } from './app.js';
import { ConfigError, loadEnvConfig } from './config.js';
import { setUpEherkenning } from './eherkenning-setup.js';
import { deleteExpiredSamlRows } from './saml/request-store.js';
import { createLogger } from './logger.js';
import { loadSiteConfig } from './site-config/load.js';

async function main(): Promise<void> {
  const env = loadEnvConfig();
  const site = loadSiteConfig();
  const logger = createLogger(env.logLevel);
  const db = await openDb(env.databaseUrl ? { url: env.databaseUrl } : { dataDir: env.pgliteDir });
  const eherkenning = setUpEherkenning({ site: site.config, baseDir: site.baseDir, dataDir: env.dataDir, publicUrl: env.publicUrl, production: env.production, db: db.db });
  const app = createApp({ db, logger, env, site: site.config, ...eherkenning }, { demoSite: !env.production || process.env.POORT_DEMO_SITE === '1' });

  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
    console.log(`Configuration: ${site.source} (${site.config.environment})\nDatabase: ${db.description}\nPoort listens on http://${shown}:${info.port}/ (BFF under /poort/)`);
  }) as Server;

  // Used SAML ids and old login requests are only needed until they expire; any instance may
  // clean up (the deletes are idempotent), so each does now and then.
  const cleanup = setInterval(() => {
    deleteExpiredSamlRows(db.db).catch((error) => logger.warn({ err: { name: (error as Error).name } }, 'cleaning up saml rows'));
  }, 10 * 60_000).unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(cleanup);
    logger.info({ signal }, 'stopping');
    // Close the listener first so no request starts on a closing database, then close the
    // database (PGlite flushes its data directory on close, so the next start finds it intact).
    const force = setTimeout(() => server.closeAllConnections(), 3000).unref();
    server.close(async () => {
      clearTimeout(force);
      await db.close().catch((error) => logger.error({ err: error }, 'closing database'));
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Poort cannot start: ${error.message}`);
  else console.error('Poort cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
