// SP keys: configured PEM files are read (relative to the config file); without them development
// keys are made once and reused, so metadata a broker loaded stays valid across restarts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureKeyPair, loadSpKeys } from '../../bff/src/saml/key-pair.js';

describe('SP keys', () => {
  it('makes development keys once and reads the same ones again', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'poort-keys-'));
    const first = loadSpKeys(undefined, dataDir, dataDir);
    const again = loadSpKeys(undefined, dataDir, dataDir);
    expect(again.signing.cert).toBe(first.signing.cert);
    expect(first.signing.cert).not.toBe(first.encryption.cert);
    expect(first.signing.key).toMatch(/BEGIN PRIVATE KEY/);
  });

  it('reads configured PEM files relative to the config folder, and refuses a file that is no certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poort-keys-cfg-'));
    const pair = ensureKeyPair(join(dir, 'k'), 'sp', 'configured');
    const files = { signingKey: 'k/sp.key', signingCert: 'k/sp.crt', encryptionKey: 'k/sp.key', encryptionCert: 'k/sp.crt' };
    expect(loadSpKeys(files, dir, '/nonexistent').signing.cert).toBe(readFileSync(join(dir, 'k/sp.crt'), 'utf8'));
    expect(pair.cert).toMatch(/BEGIN CERTIFICATE/);
    expect(() => loadSpKeys({ ...files, signingCert: 'k/sp.key' }, dir, '/nonexistent')).toThrow(/eherkenning.keys: .*sp.key is not a PEM certificate/);
    expect(() => loadSpKeys({ ...files, encryptionKey: 'k/missing.key' }, dir, '/nonexistent')).toThrow(/eherkenning.keys: cannot read .*missing.key/);
  });
});
