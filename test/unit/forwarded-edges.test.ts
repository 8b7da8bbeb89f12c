// Edges of forwarded.ts that mutation testing found untried: spacing and limits in
// POORT_TRUST_PROXY, IPv6 proxies, missing X-Forwarded-Proto/-Host, and the address forms
// bareAddress takes apart.
import { describe, expect, it } from 'vitest';
import { bareAddress, clientView, parseTrustProxy, TrustProxyError } from '../../bff/src/http/forwarded.js';

const refusal = (raw: string) => {
  try {
    parseTrustProxy(raw);
  } catch (error) {
    return error;
  }
  throw new Error(`${raw} was accepted`);
};

describe('parseTrustProxy: edges', () => {
  it('reads an unset variable and surrounding spaces', () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(parseTrustProxy(' 2 ')).toEqual({ kind: 'hops', hops: 2 });
  });

  it('allows up to 20 proxies, and says why more are refused', () => {
    expect(parseTrustProxy('12')).toEqual({ kind: 'hops', hops: 12 });
    expect(parseTrustProxy('20')).toEqual({ kind: 'hops', hops: 20 });
    const error = refusal('21');
    expect(error).toBeInstanceOf(TrustProxyError);
    expect(error).toMatchObject({ name: 'TrustProxyError', message: 'a number of proxies must be at most 20' });
  });

  it('allows the longest prefix of each family and refuses one bit more', () => {
    const trust = parseTrustProxy('192.0.2.1/32, 2001:db8::1/128, 2001:db8:1::/64, 10.0.0.0/16');
    if (trust.kind !== 'networks') throw new Error('expected networks');
    expect(trust.networks.check('192.0.2.1', 'ipv4')).toBe(true);
    expect(trust.networks.check('192.0.2.2', 'ipv4')).toBe(false);
    expect(trust.networks.check('2001:db8::1', 'ipv6')).toBe(true);
    expect(trust.networks.check('2001:db8:1::ffff', 'ipv6')).toBe(true);
    expect(trust.networks.check('10.0.255.1', 'ipv4')).toBe(true);
    expect(trust.networks.check('10.1.0.1', 'ipv4')).toBe(false);
  });

  it.each(['10.0.0.0/ 8', '10.0.0.0/0x8', '10.0.0.0/1e1', '10.0.0.0/', '10.0.0.0/-1'])('refuses the prefix in %j, naming it', (raw) => {
    expect(refusal(raw)).toMatchObject({ name: 'TrustProxyError', message: `"${raw}" has no valid prefix length` });
  });

  it('names the part that is no address', () => {
    expect(refusal('10.0.0.1, proxy.example')).toMatchObject({
      message: '"proxy.example" is not a number of proxies, an IP address or a CIDR range',
    });
  });
});

describe('clientView: edges', () => {
  it('leaves scheme and host unknown when a trusted proxy sends no X-Forwarded-Proto or -Host', () => {
    expect(clientView({ kind: 'hops', hops: 1 }, { peer: '10.0.0.1' })).toEqual({ ip: '10.0.0.1', proto: undefined, host: undefined });
    expect(clientView({ kind: 'hops', hops: 1 }, { peer: '10.0.0.1', forwardedFor: '192.0.2.9' })).toEqual({
      ip: '192.0.2.9',
      proto: undefined,
      host: undefined,
    });
  });

  it('trusts IPv6 proxies by network, and only those', () => {
    const trust = parseTrustProxy('fd00::/8');
    const headers = { forwardedFor: '192.0.2.9, fd00::2', forwardedProto: 'https' };
    expect(clientView(trust, { ...headers, peer: 'fd00::1' })).toEqual({ ip: '192.0.2.9', proto: 'https', host: undefined });
    expect(clientView(trust, { ...headers, peer: 'fe80::1' })).toEqual({ ip: 'fe80::1', proto: undefined, host: undefined });
  });
});

describe('bareAddress: forms', () => {
  it.each([
    [' 192.0.2.1 ', '192.0.2.1'],
    ['192.168.10.200:8080', '192.168.10.200'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['::ffff:192.168.10.200', '192.168.10.200'],
  ])('reads %j as %j', (entry, address) => {
    expect(bareAddress(entry)).toBe(address);
  });

  it.each(['x[2001:db8::1]', '[2001:db8::1]x', '192.0.2.1:80x', 'x192.0.2.1:80', '::ffff:192.0.2.1:80', 'x::ffff:192.0.2.1', '::ffff:192.0.2.1x'])(
    'reads %j as no address',
    (entry) => {
      expect(bareAddress(entry)).toBe('');
    },
  );
});
