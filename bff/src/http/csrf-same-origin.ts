// CSRF defence for state-changing JSON routes: the body must be declared as JSON (a cross-site
// <form> cannot send that without a CORS preflight, which Poort never grants) and the browser
// must say the request comes from this origin (Sec-Fetch-Site, else Origin).
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import { requestClient, trustOf } from './request-client.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginJson(): MiddlewareHandler {
  return (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') throw new ApiError('forbidden_origin');
    const origin = c.req.header('origin');
    // Behind a trusted reverse proxy the public host is in X-Forwarded-Host (or a preserved Host header).
    const trust = trustOf(c);
    const host = (trust.kind === 'none' ? undefined : requestClient(c, trust).host) ?? c.req.header('host');
    if (!fetchSite && origin && hostOf(origin) !== host) throw new ApiError('forbidden_origin');
    const type = c.req.header('content-type') ?? '';
    const hasBody = c.req.header('content-length') !== '0' && (c.req.header('content-length') || c.req.header('transfer-encoding'));
    if (hasBody && !/^application\/json\b/i.test(type)) throw new ApiError('unsupported_media_type');
    return next();
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
