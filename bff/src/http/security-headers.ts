// Security headers on every response, and no-store on everything that carries login state. Poort's
// own pages (demo site, dev pages) get a strict CSP: scripts and styles only from this origin, no
// inline script, no eval, and no framing at all (eHerkenning forbids showing its flow in a frame;
// clickjacking on a login page is a classic).
import type { MiddlewareHandler } from 'hono';
import { withDefaultHeaders, type HeaderList } from './default-headers.js';

export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The CSP header value with some directives replaced (e.g. form-action for a post to a broker). */
export function contentSecurityPolicyWith(overrides: Partial<Record<keyof typeof contentSecurityPolicy, string[]>>): string {
  return Object.entries({ ...contentSecurityPolicy, ...overrides })
    .map(([directive, values]) => `${directive.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

const shared: HeaderList = [
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  // HSTS only matters on https; browsers ignore it on http, so it is harmless in development.
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
];

/** Pages (demo site, widget files, dev pages, the broker hand-over page). */
const pageHeaders: HeaderList = [
  ['Content-Security-Policy', contentSecurityPolicyWith({})],
  ...shared,
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  // The old XSS auditors did more harm than good; "0" switches them off (OWASP advice).
  ['X-XSS-Protection', '0'],
];

/** Login steps and their redirects: pages that must never come from a cache. */
const noStorePageHeaders: HeaderList = [...pageHeaders, ['Cache-Control', 'no-store']];

/**
 * JSON answers: the set of the OWASP REST Security Cheat Sheet. A JSON document is never rendered,
 * so its CSP allows nothing at all; the page-only headers would be sent for nothing on the most
 * frequent responses.
 */
const apiHeaders: HeaderList = [['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"], ...shared, ['Cache-Control', 'no-store']];

/** Every response gets its set unless its route set a header of the same name. */
export function securityHeaders(base: string): MiddlewareHandler {
  const api = `${base}/api/`;
  const auth = `${base}/auth/`;
  return (c, next) => {
    const path = c.req.path;
    const headers = path.startsWith(api) ? apiHeaders : path.startsWith(auth) ? noStorePageHeaders : pageHeaders;
    return withDefaultHeaders(c, headers, next);
  };
}
