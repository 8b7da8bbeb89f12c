// Key pairs for tests that need no server: made once per machine with openssl (as development keys
// are, key-pair.ts) and kept in the temp folder, so a file that is run again and again (mutation
// testing runs it once per mutant) does not pay RSA key generation each time. Each pair is made in
// a folder of its own and moved into place in one rename, so two processes starting together never
// read a key of one pair with the certificate of another.
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKeyPair, readKeyPair, type KeyPair } from '../../bff/src/saml/key-pair.js';

const cache = join(tmpdir(), 'poort-test-key-pairs');

/** The key pair `name` (letters, digits, dashes), the same in every test process on this machine. */
export function cachedKeyPair(name: string): KeyPair {
  const dir = join(cache, name);
  try {
    return readKeyPair(join(dir, 'pair.key'), join(dir, 'pair.crt'));
  } catch {
    const fresh = mkdtempSync(join(tmpdir(), `poort-test-key-${name}-`));
    ensureKeyPair(fresh, 'pair', `Poort test ${name}`);
    mkdirSync(cache, { recursive: true });
    try {
      renameSync(fresh, dir);
    } catch {
      rmSync(fresh, { recursive: true, force: true }); // another process moved its pair in first
    }
    return readKeyPair(join(dir, 'pair.key'), join(dir, 'pair.crt'));
  }
}
