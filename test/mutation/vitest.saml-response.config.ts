import { defineConfig } from 'vitest/config';

// Mutation testing of verify-response.ts: the ACS tests that post real signed (and encrypted)
// responses. Each file boots its own PGlite database, so a mutant costs seconds: the list is kept
// to the files that exercise the assertion checks, and the run is incremental.
export default defineConfig({
  test: {
    include: ['test/unit/verify-response-subject.test.ts', 'test/unit/verify-response-status.test.ts', 'test/unit/verify-response-authority.test.ts', 'test/saml/mutants-verify-response.test.ts', 'test/saml/mutants-response-issuer.test.ts', 'test/saml/acs-hostile.test.ts', 'test/saml/acs-outcomes.test.ts'],
    env: { POORT_TEST_DB: 'pglite' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
