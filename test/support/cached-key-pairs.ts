// Key pairs for tests, made once per machine with openssl (as development keys are, key-pair.ts)
// and kept, so a file that is run again and again (mutation testing runs it once per mutant) does
// not pay RSA key generation each time. A directory of pairs is made aside and moved into place in
// one rename, so two processes starting together never read a key of one pair with the
// certificate of another, nor half of a directory.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKeyPair, readKeyPair, type KeyPair } from '../../bff/src/saml/key-pair.js';

const cache = join(tmpdir(), 'poort-test-key-pairs');

/** `dir` with the key pairs `pairs` (file name, certificate subject) in it, made if it is missing. */
export function cachedKeyPairDir(dir: string, pairs: ReadonlyArray<readonly [name: string, commonName: string]>): string {
  if (existsSync(dir)) return dir;
  const partial = `${dir}.${randomBytes(4).toString('hex')}.partial`;
  for (const [name, commonName] of pairs) ensureKeyPair(partial, name, commonName);
  try {
    renameSync(partial, dir);
  } catch {
    // Another process renamed its copy first: that one serves.
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** The key pair `name` (letters, digits, dashes), the same in every test process on this machine. */
export function cachedKeyPair(name: string): KeyPair {
  const dir = cachedKeyPairDir(join(cache, name), [['pair', `Poort test ${name}`]]);
  return readKeyPair(join(dir, 'pair.key'), join(dir, 'pair.crt'));
}
