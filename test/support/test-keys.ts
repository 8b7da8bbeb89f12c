// The development key pairs tests use (the SP's two, one per simulated broker of the demo
// configuration), made once and kept under node_modules/.cache/poort-tests/: an RSA key pair from
// openssl costs about a quarter of a second of CPU, and every in-process test file made the SP's
// two and one for each simulated broker it used, on both database projects. Each file still gets a
// key directory of its own (test/support/app.ts) with copies of these in it.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { cachedKeyPairDir } from './cached-key-pairs.js';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/poort-tests', import.meta.url));
// A new name when the set of pairs changes, so an older cache is never taken for this one.
const keysDir = join(cacheDir, 'keys-v2');

/**
 * Names and certificate subjects as the test app makes its SP keys (eHerkenning's and ACM/IDM's,
 * test/support/app.ts) and the simulated brokers and ACM/IDM IdP make theirs.
 */
function pairs(): Array<[name: string, commonName: string]> {
  const brokers = demoSiteConfig.brokers.flatMap((b) => (b.metadata.startsWith('dev:') ? [b.metadata.slice(4)] : []));
  return [
    ['sp-signing', 'test SP signing'],
    ['sp-encryption', 'test SP encryption'],
    ['acmidm-sp-signing', 'test ACM-IDM SP signing'],
    ['acmidm-sp-encryption', 'test ACM-IDM SP encryption'],
    ['dev-acmidm-idp', 'Poort simulated ACM-IDM IdP'],
    ...brokers.map((id): [string, string] => [`dev-broker-${id}`, `Poort simulated broker ${id}`]),
  ];
}

/** Makes the cached pairs if they are missing (made aside and renamed, so parallel files never read half of them); returns their directory. */
export function ensureTestKeys(): string {
  return cachedKeyPairDir(keysDir, pairs());
}

/** Copies the cached pairs into `dir` (a data directory's or a test's own `keys/`). */
export function copyTestKeys(dir: string): void {
  cpSync(ensureTestKeys(), dir, { recursive: true });
}
