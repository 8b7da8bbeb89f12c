// The client behind a request as Hono sees it: the socket's peer and the X-Forwarded-* headers,
// read through the POORT_TRUST_PROXY rule (forwarded.ts).
import type { Context } from 'hono';
import { clientView, type ClientView, type TrustProxy } from './forwarded.js';

export function requestClient(c: Context, trust: TrustProxy): ClientView {
  const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  if (trust.kind === 'none') return clientView(trust, { peer });
  return clientView(trust, {
    peer,
    forwardedFor: c.req.header('x-forwarded-for'),
    forwardedProto: c.req.header('x-forwarded-proto'),
    forwardedHost: c.req.header('x-forwarded-host'),
  });
}

/** The trust rule of the running app (absent in contexts built without deps: trust nothing). */
export function trustOf(c: Context): TrustProxy {
  return (c.get('deps') as { env?: { trustProxy?: TrustProxy } } | undefined)?.env?.trustProxy ?? { kind: 'none' };
}

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  /** The request's X-Request-Id (absent outside a request, e.g. the CLI). */
  requestId?: string | null;
}

/**
 * Where a request came from. X-Forwarded-For is only believed as far as POORT_TRUST_PROXY says
 * proxies in front of us wrote it; otherwise anyone could write any address into the log.
 */
export function requestOrigin(c: Context, trustProxy: TrustProxy): RequestOrigin {
  return {
    ip: requestClient(c, trustProxy).ip,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    requestId: (c.get('requestId') as string | undefined) ?? null,
  };
}
