// Random secrets (session cookies, single-use links) and the hashes that are all the database keeps.
import { hash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: twice the 128 bits ASVS 3.2.2 asks for. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, hex. Tokens are high-entropy, so an unsalted fast hash is enough (ASVS 3.5.2 / 6.4). */
export function hashSecretToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/**
 * The shape newSecretToken makes (43 base64url characters), for every secret Poort hands out:
 * session and login-binding cookies, single-use links. Anything else is not worth a hash and a
 * database read.
 */
export function looksLikeSecretToken(value: string): boolean {
  return /^[\w-]{43}$/.test(value);
}
