// The edges of the rate-limit keys (rate-limit-policy.ts) that hand-made mutants showed untested
// (issue 12 §4): how client addresses become one counting key per client, and the documented
// limits themselves.
import { describe, expect, it } from 'vitest';
import { clientNetwork, isOverLimit, rateLimitKey, rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';

describe('client network of an address', () => {
  it.each([
    [undefined, 'unknown'],
    ['', 'unknown'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['2001:DB8:1:2::1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['2001:db8::3:4:5:6', '2001:db8:0:0::/64'],
    ['2001:db8:1::ffff:192.0.2.7', '2001:db8:1:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%j counts as %j', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  it('puts every address of one /64 in one bucket and neighbouring /64s in their own', () => {
    const inside = ['2001:db8:a:b::1', '2001:db8:a:b:ffff:ffff:ffff:ffff', '2001:0db8:000a:000b:1:2:3:4'].map(clientNetwork);
    expect(new Set(inside)).toEqual(new Set(['2001:db8:a:b::/64']));
    expect(clientNetwork('2001:db8:a:c::1')).not.toBe(inside[0]);
  });

  it('does not throw on an address with too many groups (it only becomes a key)', () => {
    expect(clientNetwork('1:2:3:4:5:6:7:8::9')).toBe('1:2:3:4::/64');
  });
});

describe('rules', () => {
  it('are the documented limits: 3 reset mails an hour per address, 20 forgot and 30 token requests per 15 minutes per network, 5 notification mails an hour per account', () => {
    expect(rateLimitRules).toEqual({
      forgotPerEmail: { name: 'forgot:email', limit: 3, windowMs: 3_600_000 },
      forgotPerClient: { name: 'forgot:client', limit: 20, windowMs: 900_000 },
      tokenPerClient: { name: 'token:client', limit: 30, windowMs: 900_000 },
      notificationMailPerUser: { name: 'notification-mail:user', limit: 5, windowMs: 3_600_000 },
    });
  });

  it('count in separate keys per rule', () => {
    const keys = Object.values(rateLimitRules).map((rule) => rateLimitKey(rule, '192.0.2.7'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('allow exactly the limit for every rule', () => {
    for (const rule of Object.values(rateLimitRules)) {
      expect(isOverLimit(rule.limit, rule), rule.name).toBe(false);
      expect(isOverLimit(rule.limit + 1, rule), rule.name).toBe(true);
    }
  });
});
