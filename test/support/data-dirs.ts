// Temporary data directories (POORT_DATA_DIR) for server processes, removed after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { seedPgliteDataDir } from './pglite-snapshot.js';
import { copyTestKeys } from './test-keys.js';

/** Call at the top of a test file; each call of `fresh()` or `seeded()` makes one more directory. */
export function tempDataDirs(): { fresh(): string; seeded(): Promise<string> } {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'poort-e2e-'));
    dirs.push(dir);
    return dir;
  };
  return {
    fresh,
    /**
     * A directory holding an already migrated PGlite cluster and the test SAML keys: the server
     * skips creating either.
     */
    seeded: async () => {
      const dir = fresh();
      copyTestKeys(join(dir, 'keys'));
      await seedPgliteDataDir(dir);
      return dir;
    },
  };
}
