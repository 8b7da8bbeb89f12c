import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFilesReporter } from './test/support/slowest-files-reporter.js';

// Which project a test file belongs to follows from its folder alone (docs/development.md,
// "Databases in tests"):
// - test/unit/: pure logic, no database, no server; runs once.
// - test/e2e/: real server processes, browsers and the CLI; runs once, on PGlite (a test that needs
//   PostgreSQL registers itself only when DATABASE_URL is set).
// - every other test/<folder>/ (bff, saml, db, …): opens databases; runs on PGlite, and again on
//   PostgreSQL when DATABASE_URL is set. The global setup makes one migrated database per run that
//   each file copies (test/support/db.ts).
// test/widget/ belongs to web-test-runner, not vitest; test/container/ to its own config (npm run test:container).
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };
// Unit and database files share their worker's modules (isolate: false): importing Hono, node-saml,
// xml-crypto, drizzle and the app again for every file was about a third of the run (import 124 s
// of 690 s summed over the files; 19–27 s without isolation). Each file still gets its own database
// (test/support/db.ts) and app; module state is per process as in production (one translator, one
// metrics registry, one argon2 queue). So a test file must leave the process as it found it: no
// fake timers, stubbed globals or environment left behind (docs/development.md, "Databases in tests").
// The end-to-end files run the CLI in-process and start browsers: they stay isolated.
const shared = { isolate: false };
const E2E_WORKERS = Number(process.env.POORT_E2E_WORKERS) || 2;
const db = {
  ...timeouts,
  ...shared,
  include: ['test/**/*.test.ts'],
  exclude: ['test/unit/**', 'test/e2e/**', 'test/widget/**', 'test/container/**'],
  globalSetup: ['test/support/database-setup.ts'],
};

export default defineConfig({
  test: {
    reporters: ['default', new SlowestFilesReporter()],
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. The files wait
    // on databases, server processes and browsers much of the time; on 2 cores three workers were
    // fastest (203 s with two, 146 s with three, 145 s with four; docs/development.md).
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      { test: { ...timeouts, ...shared, name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { ...db, name: 'pglite', env: { POORT_TEST_DB: 'pglite' } } },
      ...(process.env.DATABASE_URL ? [{ test: { ...db, name: 'postgres', env: { POORT_TEST_DB: 'postgres' } } }] : []),
      // Server processes start slowly on a loaded machine (each creates a PGlite cluster): more time.
      // Most start servers on a data directory seeded with the migrated PGlite image (made here).
      // Each file runs a server process, the CLI and Chromium besides its worker, more than a core's
      // worth: the files run after the others (a group of their own), E2E_WORKERS at a time.
      {
        test: {
          ...timeouts,
          testTimeout: 120_000,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env: { POORT_TEST_DB: 'pglite' },
          globalSetup: ['test/support/database-setup.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: E2E_WORKERS,
        },
      },
    ],
  },
});
