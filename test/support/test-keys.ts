// The development key pairs tests use (the SP's two, one per simulated broker of the demo
// configuration), made once and kept under node_modules/.cache/poort-tests/: an RSA key pair from
// openssl costs about a quarter of a second of CPU, and every in-process test file made the SP's
// two and one for each simulated broker it used, on both database projects. Each file still gets a
// key directory of its own (test/support/app.ts) with copies of these in it.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKeyPair } from '../../bff/src/saml/key-pair.js';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';

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

/** Makes the cached pairs if they are missing (written aside and renamed, so parallel files never read half of them); returns their directory. */
export function ensureTestKeys(): string {
  if (existsSync(keysDir)) return keysDir;
  const partial = `${keysDir}.${randomBytes(4).toString('hex')}.partial`;
  for (const [name, commonName] of pairs()) ensureKeyPair(partial, name, commonName);
  try {
    renameSync(partial, keysDir);
  } catch {
    // Another file renamed its copy first: that one serves.
    rmSync(partial, { recursive: true, force: true });
  }
  return keysDir;
}

/** Copies the cached pairs into `dir` (a data directory's or a test's own `keys/`). */
export function copyTestKeys(dir: string): void {
  cpSync(ensureTestKeys(), dir, { recursive: true });
}
