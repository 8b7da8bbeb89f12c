// RelayState is an opaque 128-bit random id (22 characters, far below eHerkenning's 80-byte limit)
// that names a stored request. It is never a URL, so it cannot be turned into an open redirect.
import { randomBytes } from 'node:crypto';

export const RELAY_STATE_MAX_BYTES = 80;

export function newRelayState(): string {
  return randomBytes(16).toString('base64url');
}

export function isWellFormedRelayState(value: string | undefined): value is string {
  return !!value && value.length <= RELAY_STATE_MAX_BYTES && /^[A-Za-z0-9_-]+$/.test(value);
}
