// One end-to-end browser set-up per test file: a real Poort server process (from the sources, as
// `npm start` runs it) on a PGlite data directory seeded with the migrated image, optionally a real
// SMTP server it delivers to, and one headless Chromium. Every page gets a browser context of its
// own (its own cookies and storage), closed after its test, so the tests of a file share the
// expensive parts and still cannot see each other's sessions. Usage: docs/development.md, "Browser
// tests".
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import type { Cli } from './cli-in-process.js';
import { runCli } from './cli-process.js';
import { freePort } from './free-port.js';
import { seedPgliteDataDir } from './pglite-snapshot.js';
import { startServer, type ServerProcess } from './server-process.js';
import type { TestSmtp } from './smtp.js';
import { copyTestKeys } from './test-keys.js';

/** What exists before the server starts, and stays for the tests. */
export interface SiteBasics {
  /** http://127.0.0.1:<port>, also POORT_PUBLIC_URL (the simulated brokers and the ACS derive from it). */
  base: string;
  /** POORT_DATA_DIR: the PGlite cluster under pglite/, the development SAML keys under keys/. */
  dataDir: string;
  /** The server's environment; the service-desk CLI runs on the same. */
  env: Record<string, string>;
  /** The SMTP server (only with `smtp: true`). */
  smtp: TestSmtp;
}

/** What `prepare` gets: the basics, and the CLI's commands run in this process (cli-in-process.ts). */
export interface PrepareContext extends SiteBasics {
  cli: Cli;
}

export interface BrowserSession extends SiteBasics {
  server: ServerProcess;
  browser: Browser;
  /** The service-desk CLI as a real process on the same database (PGlite: not while the server runs). */
  cli: Cli;
  /**
   * A page in a new browser context (`options` are the context's: locale, acceptDownloads, …),
   * opened at `path` when given; the context is closed after the test.
   */
  open(path?: string, options?: OpenOptions): Promise<WatchedPage>;
  /** A new browser context of its own, closed after the test (for cookies or permissions set before the first page). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

export interface OpenOptions extends BrowserContextOptions {
  /** Console errors that are expected in this test (the favicon's 404 always is). */
  expectedConsoleErrors?: (message: ConsoleMessage) => boolean;
}

export interface WatchedPage {
  page: Page;
  /** Console messages about a Content-Security-Policy violation. */
  cspViolations: string[];
  /** Uncaught page errors and console errors that were not expected. */
  problems: string[];
}

export interface BrowserSessionOptions {
  /**
   * Let the server make its development SAML keys itself (a test of that); otherwise the data
   * directory starts with copies of the test keys, which spares openssl's key generation.
   */
  freshKeys?: boolean;
  /** Start an SMTP server and deliver the outbox to it (polled every 100 ms). */
  smtp?: boolean;
  /** A site configuration (as in poort.config.json) instead of the built-in demo one. */
  site?: unknown;
  /** More environment for the server and the CLI. */
  env?: Record<string, string>;
  /**
   * Runs before the server starts: the service desk's CLI commands (`cli`, run in this process on
   * the data directory), or rows written straight into it with openDb (PGlite: one process at a
   * time). Chromium starts meanwhile.
   */
  prepare?: (site: PrepareContext) => Promise<void>;
}

/** Chromium asks for /favicon.ico, which neither the demo site nor Poort has. */
const isFavicon = (m: ConsoleMessage) => m.location().url.endsWith('/favicon.ico');

/** Collects CSP violations, uncaught errors and unexpected console errors of a page. */
export function watchPage(page: Page, expected: (message: ConsoleMessage) => boolean = () => false): Omit<WatchedPage, 'page'> {
  const cspViolations: string[] = [];
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    if (m.type() === 'error' && !isFavicon(m) && !expected(m)) problems.push(`${m.text()} ${m.location().url}`);
  });
  return { cspViolations, problems };
}

/**
 * Call at the top of a test file. The returned object is filled in by the file's beforeAll: read
 * its fields inside tests and hooks, not at the top level.
 */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const contexts: BrowserContext[] = [];
  let smtp: TestSmtp | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not there: read the browser session inside tests (it starts in beforeAll)${what === 'smtp' ? ', and ask for it with smtp: true' : ''}`);
    return value;
  };

  const newContext = async (contextOptions: BrowserContextOptions = {}) => {
    const context = await started(browser, 'browser').newContext(contextOptions);
    contexts.push(context);
    return context;
  };
  const session: BrowserSession = {
    base: '',
    env: {},
    get dataDir() {
      return started(dataDir, 'dataDir');
    },
    get smtp() {
      return started(smtp, 'smtp');
    },
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    cli: (args, stdin) => runCli(args, session.env, stdin),
    newContext,
    async open(path?: string, { expectedConsoleErrors, ...contextOptions }: OpenOptions = {}) {
      const page = await (await newContext(contextOptions)).newPage();
      // A missing element fails with playwright's own message, well inside vitest's test timeout.
      page.setDefaultTimeout(15_000);
      const watched = { page, ...watchPage(page, expectedConsoleErrors) };
      if (path !== undefined) await page.goto(`${session.base}${path}`);
      return watched;
    },
  };

  beforeAll(async () => {
    // The demo pages load the built widget; without it there is no <login-chooser> to drive.
    if (!existsSync(new URL('../../dist/widget/login-chooser.js', import.meta.url))) {
      throw new Error('dist/widget/login-chooser.js is missing: run `npm run build` first (npm test does).');
    }
    // Chromium starts while the data directory is prepared and the server starts.
    const launching = launchChromium().then((b) => (browser = b));
    const serving = (async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'poort-e2e-'));
      const port = await freePort();
      session.base = `http://127.0.0.1:${port}`;
      if (!options.freshKeys) copyTestKeys(join(dataDir, 'keys'));
      const [, mail] = await Promise.all([seedPgliteDataDir(dataDir), options.smtp ? import('./smtp.js').then((m) => m.startSmtp()) : undefined]);
      smtp = mail;
      const env: Record<string, string> = { POORT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), POORT_PUBLIC_URL: session.base };
      if (smtp) Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), POORT_OUTBOX_INTERVAL_MS: '100' });
      if (options.site !== undefined) {
        env.POORT_CONFIG = join(dataDir, 'poort.config.json');
        writeFileSync(env.POORT_CONFIG, JSON.stringify(options.site));
      }
      session.env = { ...env, ...options.env };
      const { prepare } = options;
      if (prepare) {
        // Imported here: the CLI's modules are many, and files without set-up steps need none of them.
        const { withCliInProcess } = await import('./cli-in-process.js');
        await withCliInProcess(session.env, (cli) =>
          prepare({
            base: session.base,
            env: session.env,
            dataDir: session.dataDir,
            get smtp() {
              return session.smtp;
            },
            cli,
          }),
        );
      }
      server = await startServer(session.env);
    })();
    // Both settled before failing, so afterAll finds (and stops) whatever did start.
    const [launched, served] = await Promise.allSettled([launching, serving]);
    for (const outcome of [served, launched]) if (outcome.status === 'rejected') throw outcome.reason;
    // A first start on a machine busy with other suites can take a minute by itself.
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => {})));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return session;
}
