// CSRF defence for state-changing JSON routes: the body must be declared as JSON (a cross-site
// <form> cannot send that without a CORS preflight, which Poort never grants) and the browser
// must say the request comes from this origin (Sec-Fetch-Site, else Origin).
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import { requestClient, trustOf } from './request-client.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginJson(): MiddlewareHandler {
  return (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    assertSameOrigin(c);
    const type = c.req.header('content-type') ?? '';
    const hasBody = c.req.header('content-length') !== '0' && (c.req.header('content-length') || c.req.header('transfer-encoding'));
    if (hasBody && !/^application\/json\b/i.test(type)) throw new ApiError('unsupported_media_type');
    return next();
  };
}

/**
 * The browser says the request comes from this origin (Sec-Fetch-Site, else Origin), or throws
 * forbidden_origin. Also for the form posts outside the JSON API (the logout page): the SameSite=Lax
 * cookie already stays home on a cross-site POST, and this refuses it outright (defence in depth).
 */
export function assertSameOrigin(c: Context): void {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') throw new ApiError('forbidden_origin');
  const origin = c.req.header('origin');
  // Behind a trusted reverse proxy the public host is in X-Forwarded-Host (or a preserved Host header).
  const trust = trustOf(c);
  const host = (trust.kind === 'none' ? undefined : requestClient(c, trust).host) ?? c.req.header('host');
  // An Origin that names no host (`null` from a sandboxed frame or a privacy-sensitive redirect) is
  // never this site, also where the Host header is missing.
  const from = origin ? hostOf(origin) : undefined;
  if (!fetchSite && origin && (!from || from !== host)) throw new ApiError('forbidden_origin');
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
