// Builds Poort in-process for a test, on a fresh database, with a silent logger.
import { pino } from 'pino';
import { createApp, type AppOptions } from '../../bff/src/app.js';
import { loadEnvConfig, type EnvConfig } from '../../bff/src/config.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import type { SiteConfig } from '../../bff/src/site-config/schema.js';
import { openTestDb, type TestDb } from './db.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb;
  env: EnvConfig;
  site: SiteConfig;
  close(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  /** Site configuration (raw, as in poort.config.json); default the built-in demo configuration. */
  site?: unknown;
}

export async function createTestApp(options: TestAppOptions = {}, db?: TestDb): Promise<TestApp> {
  const site = parseSiteConfig(options.site ?? demoSiteConfig, 'test configuration');
  const handle = db ?? (await openTestDb());
  const env = loadEnvConfig({ NODE_ENV: 'test', POORT_DATA_DIR: '.poort/test' });
  const app = createApp({ db: handle, logger: pino({ level: 'silent' }), env, site }, options);
  return { app, db: handle, env, site, close: () => (db ? Promise.resolve() : handle.close()) };
}
