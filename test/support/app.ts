// Builds Poort in-process for a test, on a fresh database, with a silent logger. eHerkenning is
// set up with test keys made once per test process; SOAP calls (artifact resolution) go to the
// app itself, so the simulated brokers answer them without a network.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createApp, type AppOptions } from '../../bff/src/app.js';
import { loadEnvConfig, type EnvConfig } from '../../bff/src/config.js';
import { setUpEherkenning } from '../../bff/src/eherkenning/setup.js';
import { setUpAcmidm } from '../../bff/src/acmidm/setup.js';
import type { SoapTransport } from '../../bff/src/saml/artifact.js';
import type { UpstreamSetupOptions } from '../../bff/src/saml-login/upstream-setup.js';
import { createMissingKeyPairs, ensureKeyPair, type SpKeys } from '../../bff/src/saml/key-pair.js';
import { parseSiteConfig } from '../../bff/src/site-config/load.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import type { SiteConfig } from '../../bff/src/site-config/schema.js';
import { openTestDb, type TestDb } from './db.js';
import { copyTestKeys } from './test-keys.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb;
  env: EnvConfig;
  site: SiteConfig;
  deps: Parameters<typeof createApp>[0];
  close(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  /** Site configuration (raw, as in poort.config.json); default the built-in demo configuration. */
  site?: unknown;
  /** Directory relative config paths (metadata files) are resolved against. */
  baseDir?: string;
  soap?: SoapTransport;
  fetch?: typeof fetch;
  /** Logger to use instead of a silent one (tests that read the log). */
  logger?: Logger;
  /** Environment variables on top of the test defaults, e.g. POORT_TRUST_PROXY, POORT_REQUEST_DEADLINE_MS. */
  env?: Record<string, string>;
  /** Build the app as NODE_ENV=production would (no development pages, no simulated brokers). */
  production?: boolean;
  /** SP keys instead of the test process's own (a key rollover). */
  keys?: SpKeys;
}

let keyDir: string | undefined;
/**
 * Key material for this test file: SP keys and the simulated brokers' keys, copied from the ones
 * made once (test/support/test-keys.ts) into a directory of its own, where a test may add more.
 */
export function testKeyDir(): string {
  if (!keyDir) {
    keyDir = mkdtempSync(join(tmpdir(), 'poort-test-keys-'));
    copyTestKeys(join(keyDir, 'keys'));
  }
  return keyDir;
}

export function testSpKeys(): SpKeys {
  const dir = join(testKeyDir(), 'keys');
  return { signing: ensureKeyPair(dir, 'sp-signing', 'test SP signing'), encryption: ensureKeyPair(dir, 'sp-encryption', 'test SP encryption') };
}

/** ACM/IDM's own SP keys (no slash in a certificate subject: openssl -subj reads it as a separator) for this test process: its own certificates, apart from eHerkenning's. */
export async function testAcmidmKeys(): Promise<SpKeys> {
  const dir = join(testKeyDir(), 'keys');
  const pairs = [
    { name: 'acmidm-sp-signing', commonName: 'test ACM-IDM SP signing' },
    { name: 'acmidm-sp-encryption', commonName: 'test ACM-IDM SP encryption' },
  ];
  // Both at once, in two openssl processes (made once per test process, then read).
  await createMissingKeyPairs(dir, pairs);
  return { signing: ensureKeyPair(dir, 'acmidm-sp-signing', 'test ACM-IDM SP signing'), encryption: ensureKeyPair(dir, 'acmidm-sp-encryption', 'test ACM-IDM SP encryption') };
}

export async function createTestApp(options: TestAppOptions = {}, db?: TestDb): Promise<TestApp> {
  const site = parseSiteConfig(options.site ?? demoSiteConfig, 'test configuration');
  const handle = db ?? (await openTestDb());
  // The production deadline (5 s) is about a held-up database; on a loaded 2-core test machine twenty
  // parallel argon2 checks can pass it without anything being held up. Tests of the deadline set their own.
  const env = loadEnvConfig({ NODE_ENV: options.production ? 'production' : 'test', POORT_DATA_DIR: testKeyDir(), POORT_REQUEST_DEADLINE_MS: '30000', ...options.env });
  const self: { app?: ReturnType<typeof createApp> } = {};
  const loopback: SoapTransport = async ({ url, body, contentType }) => {
    const res = await self.app!.request(url, { method: 'POST', body, headers: { 'content-type': contentType } });
    if (res.status !== 200) throw new Error(`SOAP ${res.status}`);
    return res.text();
  };
  const upstream: UpstreamSetupOptions = {
    site,
    baseDir: options.baseDir ?? process.cwd(),
    dataDir: env.dataDir,
    publicUrl: env.publicUrl,
    production: options.production ?? false,
    db: handle.db,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const eherkenning = await setUpEherkenning({ ...upstream, keys: options.keys ?? testSpKeys(), soap: options.soap ?? loopback });
  const acmidm = await setUpAcmidm({ ...upstream, keys: await testAcmidmKeys() });
  const deps = { db: handle, logger: options.logger ?? pino({ level: 'silent' }), env, site, ...eherkenning, ...acmidm };
  const app = createApp(deps, options);
  self.app = app;
  return { app, db: handle, env, site, deps, close: () => (db ? Promise.resolve() : handle.close()) };
}
