// Security headers on every response. Poort's own pages (demo site, dev pages) get a strict CSP:
// scripts and styles only from this origin, no inline script, no eval, and no framing at all
// (eHerkenning forbids showing its flow in a frame; clickjacking on a login page is a classic).
import type { MiddlewareHandler } from 'hono';
import { withDefaultHeaders, type HeaderList } from '../http/default-headers.js';

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

const headers: HeaderList = [
  ['Content-Security-Policy', contentSecurityPolicyWith({})],
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  // HSTS only matters on https; browsers ignore it on http, so it is harmless in development.
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  // The old XSS auditors did more harm than good; "0" switches them off (OWASP advice).
  ['X-XSS-Protection', '0'],
];

/** Every response gets these unless its route set a header of the same name. */
export const securityHeaders = (): MiddlewareHandler => (c, next) => withDefaultHeaders(c, headers, next);
