// The RelayState shape at its edges (found by mutation testing: the 80-byte limit itself was
// never tried).
import { describe, expect, it } from 'vitest';
import { isWellFormedRelayState, RELAY_STATE_MAX_BYTES } from '../../bff/src/saml/relay-state.js';

describe('isWellFormedRelayState: edges', () => {
  it('allows exactly 80 characters and refuses 81', () => {
    expect(RELAY_STATE_MAX_BYTES).toBe(80);
    expect(isWellFormedRelayState('a'.repeat(80))).toBe(true);
    expect(isWellFormedRelayState('a'.repeat(81))).toBe(false);
  });

  it('allows the base64url alphabet only, all of the value', () => {
    expect(isWellFormedRelayState('AZaz09_-')).toBe(true);
    expect(isWellFormedRelayState('')).toBe(false);
    expect(isWellFormedRelayState('abc=')).toBe(false);
    expect(isWellFormedRelayState('=abc')).toBe(false);
    expect(isWellFormedRelayState('ab/c')).toBe(false);
  });
});
