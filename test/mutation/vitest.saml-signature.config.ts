import { defineConfig } from 'vitest/config';

// Mutation testing of verify-signature.ts: the unit tests plus the direct signature-rule tests in
// test/saml that build wrapped ArtifactResponses and metadata in memory (no database, no server).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/saml/mutants-verify-signature.test.ts'],
    testTimeout: 30_000,
  },
});
