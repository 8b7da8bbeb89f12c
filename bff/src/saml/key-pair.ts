// SP and simulated-broker key pairs: PEM private key + self-signed certificate. Development keys
// are made with the openssl command line (Node has no API to issue an X.509 certificate) and kept
// on disk, so the metadata a broker once loaded stays valid across restarts.
import { execFile, execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../config.js';

const execFileAsync = promisify(execFile);

export interface KeyPair {
  /** PEM private key (PKCS#8). */
  key: string;
  /** PEM certificate. */
  cert: string;
}

export interface SpKeys {
  signing: KeyPair;
  encryption: KeyPair;
  /**
   * Certificates published as signing keys in the SP metadata besides the active one, never used
   * to sign: the next key before a rollover (brokers learn it first), or the previous one after.
   */
  additionalSigningCerts?: string[];
  /**
   * Decryption keys besides `encryption` (an encryption key rollover): what brokers encrypted to
   * any of them is decrypted. `publish` puts the certificate in the metadata beside the active one.
   */
  additionalEncryption?: (KeyPair & { publish: boolean })[];
}

/** Every private key Poort decrypts with: the active encryption key first, then the others. */
export function decryptionKeys(keys: SpKeys): string[] {
  return [keys.encryption.key, ...(keys.additionalEncryption ?? []).map((pair) => pair.key)];
}

/** The encryption certificates the metadata publishes: the active one, then those marked `publish`. */
export function publishedEncryptionCerts(keys: SpKeys): string[] {
  return [keys.encryption.cert, ...(keys.additionalEncryption ?? []).filter((pair) => pair.publish).map((pair) => pair.cert)];
}

/** The base64 body of a PEM certificate, as it goes into ds:X509Certificate. */
export function certBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

const parsedKeys = new Map<string, KeyObject>();

/**
 * The parsed form of a PEM private key. Crypto calls given the PEM text parse it again every time,
 * which costs more than the RSA operation itself; a process holds only a handful of keys.
 */
export function privateKeyObject(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) parsedKeys.set(pem, (key = createPrivateKey(pem)));
  return key;
}

export function pemFromBody(body: string): string {
  const clean = body.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${clean.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/** A development key pair: `<name>.key` and `<name>.crt` in a key directory. */
export interface KeyPairName {
  name: string;
  commonName: string;
}

/** The SP's development key pairs (when eherkenning.keys is not configured). */
export const devSpKeyPairs = {
  signing: { name: 'sp-signing', commonName: 'Poort development SP signing' },
  encryption: { name: 'sp-encryption', commonName: 'Poort development SP encryption' },
} satisfies Record<string, KeyPairName>;

function keyPairPaths(dir: string, name: string): { keyPath: string; certPath: string; missing: boolean } {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  return { keyPath, certPath, missing: !existsSync(keyPath) || !existsSync(certPath) };
}

function opensslNewKeyPairArgs(keyPath: string, certPath: string, commonName: string): string[] {
  return ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650', '-subj', `/CN=${commonName}`, '-keyout', keyPath, '-out', certPath];
}

/**
 * Creates the missing pairs at once, one openssl process each, without blocking: start-up runs
 * this while the database opens, so RSA key generation costs no start-up time of its own.
 * A head start only: failures are left to ensureKeyPair, which reports them.
 */
export async function createMissingKeyPairs(dir: string, pairs: readonly KeyPairName[]): Promise<void> {
  const missing = pairs.map((pair) => ({ ...pair, ...keyPairPaths(dir, pair.name) })).filter((pair) => pair.missing);
  if (!missing.length) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await Promise.all(
    missing.map(({ keyPath, certPath, commonName }) => execFileAsync('openssl', opensslNewKeyPairArgs(keyPath, certPath, commonName)).catch(() => {})),
  );
}

/** Reads `<name>.key` and `<name>.crt` in `dir`, creating them (self-signed, 10 years) when absent. */
export function ensureKeyPair(dir: string, name: string, commonName: string): KeyPair {
  const { keyPath, certPath, missing } = keyPairPaths(dir, name);
  if (missing) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      execFileSync('openssl', opensslNewKeyPairArgs(keyPath, certPath, commonName), { stdio: 'ignore' });
    } catch (error) {
      const missing = (error as { code?: string }).code === 'ENOENT';
      throw new ConfigError(
        missing
          ? 'development SAML keys need the openssl command (apt-get install -y openssl), or configure eherkenning.keys'
          : `could not create development SAML keys in ${dir}`,
      );
    }
  }
  return readKeyPair(keyPath, certPath);
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`eherkenning.keys: cannot read ${path}`);
  }
}

function readCertificate(path: string): string {
  const cert = readPem(path);
  try {
    new X509Certificate(cert);
  } catch {
    throw new ConfigError(`eherkenning.keys: ${path} is not a PEM certificate`);
  }
  return cert;
}

export function readKeyPair(keyPath: string, certPath: string): KeyPair {
  return { key: readPem(keyPath), cert: readCertificate(certPath) };
}

export interface SpKeyFiles {
  signingKey: string;
  signingCert: string;
  encryptionKey: string;
  encryptionCert: string;
  additionalSigningCerts?: string[];
  additionalEncryptionKeys?: { key: string; cert: string; publish: boolean }[];
}

/** Configured PEM files (relative to the config file), or development keys under the data dir. */
export function loadSpKeys(files: SpKeyFiles | undefined, baseDir: string, dataDir: string, devPairs: { signing: KeyPairName; encryption: KeyPairName } = devSpKeyPairs): SpKeys {
  if (files) {
    return {
      signing: readKeyPair(resolve(baseDir, files.signingKey), resolve(baseDir, files.signingCert)),
      encryption: readKeyPair(resolve(baseDir, files.encryptionKey), resolve(baseDir, files.encryptionCert)),
      additionalSigningCerts: (files.additionalSigningCerts ?? []).map((file) => readCertificate(resolve(baseDir, file))),
      additionalEncryption: (files.additionalEncryptionKeys ?? []).map((pair) => ({
        ...readKeyPair(resolve(baseDir, pair.key), resolve(baseDir, pair.cert)),
        publish: pair.publish,
      })),
    };
  }
  const dir = join(dataDir, 'keys');
  return {
    signing: ensureKeyPair(dir, devPairs.signing.name, devPairs.signing.commonName),
    encryption: ensureKeyPair(dir, devPairs.encryption.name, devPairs.encryption.commonName),
  };
}
