// Which reverse proxies Poort believes, and what they say about the client (pure).
//
// Each proxy appends the address it received the request from to X-Forwarded-For, so the list
// grows from the left (the client writes whatever it likes there) to the right (the nearest
// proxy). Only entries that a trusted proxy appended say anything: counted from the right, never
// the leftmost entry, which the client chooses (issue 10, item 6; matrix row L03).
import { BlockList, isIP } from 'node:net';

export type TrustProxy =
  /** No proxy: the socket's peer is the client; X-Forwarded-* are ignored. */
  | { kind: 'none' }
  /** This many proxies in front of Poort, the nearest being the socket's peer. */
  | { kind: 'hops'; hops: number }
  /** Proxies are known by address: every trusted address in the chain is skipped, from the right. */
  | { kind: 'networks'; networks: BlockList; description: string };

export class TrustProxyError extends Error {
  override name = 'TrustProxyError';
}

/**
 * POORT_TRUST_PROXY: `0`/empty/`false` (none), a number of proxies (`1` = one proxy; `true` is
 * kept as an old spelling of `1`), or a comma list of proxy addresses and CIDR ranges.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return { kind: 'none' };
  if (value === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new TrustProxyError('a number of proxies must be at most 20');
    return { kind: 'hops', hops };
  }
  const networks = new BlockList();
  for (const part of value.split(',').map((p) => p.trim())) {
    const [address, prefix, extra] = part.split('/');
    const family = isIP(address!);
    if (!family || extra !== undefined) throw new TrustProxyError(`"${part}" is not a number of proxies, an IP address or a CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      networks.addAddress(address!, type);
      continue;
    }
    if (!/^\d+$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) throw new TrustProxyError(`"${part}" has no valid prefix length`);
    networks.addSubnet(address!, Number(prefix), type);
  }
  return { kind: 'networks', networks, description: value };
}

export interface ForwardedHeaders {
  /** The socket's remote address (the nearest hop). */
  peer: string | null | undefined;
  forwardedFor?: string | null | undefined;
  forwardedProto?: string | null | undefined;
  forwardedHost?: string | null | undefined;
}

export interface ClientView {
  /** The client's address as the nearest trusted proxy saw it. */
  ip: string | null;
  /** Scheme and host the client used, when a trusted proxy said so. */
  proto: string | undefined;
  host: string | undefined;
}

/** The client's address, scheme and host as far as the trusted proxies vouch for them. */
export function clientView(trust: TrustProxy, headers: ForwardedHeaders): ClientView {
  // Stryker disable next-line StringLiteral: without a peer, any text that is no address gives the same null.
  const peer = bareAddress(headers.peer ?? '') || null;
  if (trust.kind === 'none') return { ip: peer, proto: undefined, host: undefined };
  const chain = splitList(headers.forwardedFor);
  // hops: how many proxies vouched for the hop to their left (the peer counts as the first).
  const hops = trust.kind === 'hops' ? trust.hops : trustedHops(trust.networks, peer, chain);
  // Stryker disable next-line ConditionalExpression: said outright; below, zero hops would also find no entry and fall back to the peer.
  if (hops === 0) return { ip: peer, proto: undefined, host: undefined };
  return {
    ip: addressAt(chain, hops, peer),
    proto: entryAt(splitList(headers.forwardedProto), hops)?.toLowerCase(),
    host: entryAt(splitList(headers.forwardedHost), hops)?.toLowerCase(),
  };
}

/** Walks the chain from the right while the hop is a trusted proxy: their number. */
function trustedHops(networks: BlockList, peer: string | null, chain: string[]): number {
  if (!peer || !isTrusted(networks, peer)) return 0;
  let hops = 1;
  // Stryker disable next-line EqualityOperator: whether a trusted leftmost entry adds one more hop or not, addressAt and entryAt stop at the leftmost entry.
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = bareAddress(chain[i]!);
    if (!address || !isTrusted(networks, address)) break;
    hops++;
  }
  return hops;
}

/**
 * The entry the outermost trusted proxy appended: `hops` from the right. When the chain is shorter
 * (fewer proxies than configured) or that entry is no address, the nearest valid address to its
 * right: never anything further left, which only the client wrote.
 */
function addressAt(chain: string[], hops: number, peer: string | null): string | null {
  for (let i = Math.max(chain.length - hops, 0); i < chain.length; i++) {
    const address = bareAddress(chain[i]!);
    if (address) return address;
  }
  return peer;
}

/** X-Forwarded-Proto / -Host as the outermost trusted proxy wrote it (proxies that append or replace alike). */
function entryAt(list: string[], hops: number): string | undefined {
  return list[Math.max(list.length - hops, 0)] || undefined;
}

function isTrusted(networks: BlockList, address: string): boolean {
  return networks.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

function splitList(header: string | null | undefined): string[] {
  if (!header) return [];
  return header.split(',').map((part) => part.trim());
}

/**
 * An address without port, brackets or the IPv4-mapped IPv6 prefix; '' when it is no IP address.
 * Some proxies write `1.2.3.4:5678` or `[2001:db8::1]:443`.
 */
export function bareAddress(entry: string): string {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : '';
}
