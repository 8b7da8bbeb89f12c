import { defineConfig } from 'vitest/config';

// The bff and db suites run on embedded PGlite always, and again on PostgreSQL when DATABASE_URL
// is set: two projects over the same files, told apart by POORT_TEST_DB.
const include = ['test/bff/**/*.test.ts', 'test/saml/**/*.test.ts', 'test/db/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'];
const shared = { include, testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'pglite', env: { POORT_TEST_DB: 'pglite' } } },
      ...(process.env.DATABASE_URL
        ? [{ test: { ...shared, name: 'postgres', env: { POORT_TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
