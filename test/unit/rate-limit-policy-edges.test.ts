// Edges of rate-limit-policy.ts that mutation testing found untried: addresses written out in
// full, groups after `::` that fall inside the /64, multi-digit IPv4 octets, and the login and
// Retry-After rules.
import { describe, expect, it } from 'vitest';
import { clientNetwork, loginPerClientRule, retryAfterSeconds } from '../../bff/src/rate-limits/rate-limit-policy.js';

describe('clientNetwork: more address shapes', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['1::2:3:4:5:6', '1:0:0:2::/64'],
    ['1:2::3:4:5:6:7', '1:2:0:3::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::ffff:192.168.100.200', '192.168.100.200'],
    // Not an IPv4-mapped address: something follows the IPv4 part.
    ['::ffff:192.0.2.7:1', '0:0:0:0::/64'],
  ])('%j counts as %j', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });
});

describe('loginPerClientRule', () => {
  it('counts password logins per client in a window given in minutes', () => {
    expect(loginPerClientRule({ loginAttemptsPerClient: 7, loginWindowMinutes: 15 })).toEqual({
      name: 'login:client',
      limit: 7,
      windowMs: 15 * 60_000,
    });
  });
});

describe('retryAfterSeconds', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const after = (ms: number) => new Date(now.getTime() + ms);

  it('rounds up to whole seconds', () => {
    expect(retryAfterSeconds(after(60_000), now)).toBe(60);
    expect(retryAfterSeconds(after(1_500), now)).toBe(2);
    expect(retryAfterSeconds(after(59_001), now)).toBe(60);
  });

  it('is at least one second, also when the window has just ended', () => {
    expect(retryAfterSeconds(after(1), now)).toBe(1);
    expect(retryAfterSeconds(now, now)).toBe(1);
    expect(retryAfterSeconds(after(-5_000), now)).toBe(1);
  });
});
