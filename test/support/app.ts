// Builds Poort in-process for a test, on a fresh database, with a silent logger.
import { pino } from 'pino';
import { createApp, type AppOptions } from '../../bff/src/app.js';
import { loadEnvConfig, type EnvConfig } from '../../bff/src/config.js';
import { openTestDb, type TestDb } from './db.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb;
  env: EnvConfig;
  close(): Promise<void>;
}

export async function createTestApp(options: AppOptions = {}, db?: TestDb): Promise<TestApp> {
  const handle = db ?? (await openTestDb());
  const env = loadEnvConfig({ NODE_ENV: 'test', POORT_DATA_DIR: '.poort/test' });
  const app = createApp({ db: handle, logger: pino({ level: 'silent' }), env }, options);
  return { app, db: handle, env, close: () => (db ? Promise.resolve() : handle.close()) };
}
