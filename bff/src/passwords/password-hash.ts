// argon2id with the OWASP / ASVS 2.4 parameters (m=19456 KiB, t=2, p=1). @node-rs/argon2 hashes
// on libuv's thread pool, so a login never blocks the event loop while it hashes.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { ApiError } from '../http/api-error.js';
import { observePasswordQueue } from '../metrics/metrics.js';
import { concurrencyLimit, QueueFullError } from './concurrency-limit.js';
import { normalisePassword } from '../../../contract/passwords.js';

// Algorithm.Argon2id is 2 (a const enum, which isolated modules cannot import by name).
export const argon2Params = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// libuv's thread pool (four threads by default) also reads files and resolves names. Without a
// limit a burst of logins fills all of it with hashes that need 19 MiB and a whole core each: more
// hashes than cores only evict each other from the CPU caches, and static files and DNS lookups
// wait behind them. One hash per core; the others wait their turn, first come first served.
// The line is bounded: 400 queued logins made a real one wait 3.9 s (issue 10, item 5). Beyond the
// bound a login is refused at once with 503 and Retry-After, and no hash is started for it.
export const DEFAULT_PASSWORD_QUEUE_LIMIT = 64;
const BUSY_RETRY_AFTER_SECONDS = 2;
let queueLimit = DEFAULT_PASSWORD_QUEUE_LIMIT;
const argon2Slot = concurrencyLimit(availableParallelism(), () => queueLimit);
observePasswordQueue(argon2Slot.state);

/**
 * How many hashes may wait for a free core (POORT_PASSWORD_QUEUE_LIMIT). Per process, as the cores
 * and libuv's thread pool are.
 */
export function setPasswordQueueLimit(limit: number): void {
  queueLimit = limit;
}

async function inSlot<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await argon2Slot(task);
  } catch (error) {
    if (error instanceof QueueFullError) throw new ApiError('service_unavailable').retryAfter(BUSY_RETRY_AFTER_SECONDS);
    throw error;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inSlot(() => hash(normalisePassword(password), argon2Params));
}

/** False for a wrong password or a damaged hash; throws (503) only when too many wait. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  return inSlot(async () => {
    try {
      return await verify(stored, normalisePassword(password));
    } catch {
      return false;
    }
  });
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, made with the same parameters. Unknown e-mail addresses are checked
 * against it so that they cost the same time as known ones (no user enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  // Made once; a failed attempt (a full line) is not kept, so the next login makes it again.
  dummy ??= hashPassword(randomBytes(16).toString('base64url')).catch((error: unknown) => {
    dummy = undefined;
    throw error;
  });
  return dummy;
}

/** True when a hash was made with weaker settings than today's, so it is redone at the next login (L10). */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
  return m < argon2Params.memoryCost || t < argon2Params.timeCost || p !== argon2Params.parallelism;
}
