import { defineConfig } from 'vitest/config';

// Mutation testing of the pure modules (test/mutation/run.mjs): only the fast test/unit files, no
// database. Stryker runs the files that import the mutated module (vitest's `related`), so one
// `include` serves every pure module. A config of its own rather than Stryker's `testFiles`, which
// misreports mutants in module-level code.
export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
});
