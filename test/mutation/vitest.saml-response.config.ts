import { defineConfig } from 'vitest/config';

// Mutation testing of verify-response.ts: its unit tests only, no database and no server. They
// verify real Responses (signed by xml-crypto, EncryptedAssertions by xmlsec1) with the real
// node-saml, so a mutant costs well under a second; the ACS suites in test/saml prove the same rules
// end to end but boot a database per file (seconds a mutant) and are left to `npm test`.
export default defineConfig({
  test: {
    include: ['test/unit/verify-response-*.test.ts'],
    testTimeout: 30_000,
  },
});
