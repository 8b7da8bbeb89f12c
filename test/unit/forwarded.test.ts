// POORT_TRUST_PROXY and the client address behind proxies (issue 10 item 6, matrix L03): only
// entries a trusted proxy appended count, from the right; what the client wrote never does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareAddress, clientView, parseTrustProxy, TrustProxyError } from '../../bff/src/http/forwarded.js';
import { loadEnvConfig, ConfigError } from '../../bff/src/config.js';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).map((p) => p.map((n) => n.toString(16)).join(':'));
const address = fc.oneof(ipv4, ipv6);
/** Whatever a client may write into X-Forwarded-For itself. */
const spoofed = fc.array(fc.oneof(address, fc.string({ maxLength: 20 }).filter((s) => !s.includes(','))), { maxLength: 5 });

describe('parseTrustProxy', () => {
  it.each([
    ['', { kind: 'none' }],
    ['0', { kind: 'none' }],
    ['false', { kind: 'none' }],
    ['1', { kind: 'hops', hops: 1 }],
    ['true', { kind: 'hops', hops: 1 }],
    ['3', { kind: 'hops', hops: 3 }],
  ])('%j → %j', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });

  it('reads a list of addresses and CIDR ranges, IPv4 and IPv6', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 192.168.1.5, fd00::/8');
    expect(trust.kind).toBe('networks');
    if (trust.kind !== 'networks') return;
    expect(trust.networks.check('10.20.30.40', 'ipv4')).toBe(true);
    expect(trust.networks.check('192.168.1.5', 'ipv4')).toBe(true);
    expect(trust.networks.check('192.168.1.6', 'ipv4')).toBe(false);
    expect(trust.networks.check('fd12::1', 'ipv6')).toBe(true);
  });

  it.each(['yes', '10.0.0.0/33', '10.0.0.1/8/2', 'fd00::/129', '21', 'proxy.example'])('refuses %j', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(TrustProxyError);
  });

  it('stops start-up with a message naming the variable', () => {
    expect(() => loadEnvConfig({ POORT_TRUST_PROXY: 'yes' })).toThrow(ConfigError);
    expect(() => loadEnvConfig({ POORT_TRUST_PROXY: 'yes' })).toThrow(/POORT_TRUST_PROXY/);
    expect(loadEnvConfig({ POORT_TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
  });
});

describe('clientView', () => {
  it('with one proxy takes the entry it appended, not the leftmost one the client wrote', () => {
    const view = clientView(parseTrustProxy('1'), { peer: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7', forwardedProto: 'http, https', forwardedHost: 'evil.example, www.example.nl' });
    expect(view).toEqual({ ip: '203.0.113.7', proto: 'https', host: 'www.example.nl' });
  });

  it('without trust ignores every forwarded header', () => {
    expect(clientView(parseTrustProxy('0'), { peer: '::ffff:203.0.113.7', forwardedFor: '6.6.6.6', forwardedProto: 'https' })).toEqual({ ip: '203.0.113.7', proto: undefined, host: undefined });
  });

  it('with a proxy list ignores the headers of a peer that is not a trusted proxy', () => {
    expect(clientView(parseTrustProxy('10.0.0.0/8'), { peer: '203.0.113.7', forwardedFor: '6.6.6.6', forwardedProto: 'https' }).ip).toBe('203.0.113.7');
  });

  it('never goes further left than the configured proxies, also when the chain is shorter or holds junk', () => {
    expect(clientView(parseTrustProxy('3'), { peer: '10.0.0.2', forwardedFor: '203.0.113.7' }).ip).toBe('203.0.113.7');
    expect(clientView(parseTrustProxy('1'), { peer: '10.0.0.2', forwardedFor: '' }).ip).toBe('10.0.0.2');
    expect(clientView(parseTrustProxy('2'), { peer: '10.0.0.2', forwardedFor: '6.6.6.6, nonsense, 10.0.0.3' }).ip).toBe('10.0.0.3');
  });

  it('a client never chooses its own address: N proxies, any spoofed prefix → the real client (property)', () => {
    fc.assert(
      fc.property(spoofed, address, fc.array(ipv4, { minLength: 1, maxLength: 4 }), (spoof, client, proxies) => {
        // The client connects to proxies[0]; each proxy appends its peer; the last one is our peer.
        const chain = [...spoof, client, ...proxies.slice(0, -1)];
        const peer = proxies.at(-1)!;
        const byCount = clientView(parseTrustProxy(String(proxies.length)), { peer, forwardedFor: chain.join(', ') });
        expect(byCount.ip).toBe(bareAddress(client));
      }),
      { numRuns: 2000 },
    );
  });

  it('with a list of proxy networks the first untrusted hop from the right is the client (property)', () => {
    const proxy = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.1.${a}.${b}`);
    const outside = ipv4.filter((ip) => !ip.startsWith('10.'));
    fc.assert(
      fc.property(spoofed, outside, fc.array(proxy, { minLength: 1, maxLength: 4 }), (spoof, client, proxies) => {
        const chain = [...spoof, client, ...proxies.slice(0, -1)];
        const view = clientView(parseTrustProxy('10.0.0.0/8'), { peer: proxies.at(-1)!, forwardedFor: chain.join(',') });
        expect(view.ip).toBe(client);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads addresses with ports, brackets and the IPv4-mapped prefix', () => {
    expect(bareAddress('203.0.113.7:5678')).toBe('203.0.113.7');
    expect(bareAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(bareAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(bareAddress('unknown')).toBe('');
  });
});
