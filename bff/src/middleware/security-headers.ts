// Security headers on every response. Poort's own pages (demo site, dev pages) get a strict CSP:
// scripts and styles only from this origin, no inline script, no eval, and no framing at all
// (eHerkenning forbids showing its flow in a frame; clickjacking on a login page is a classic).
import { secureHeaders } from 'hono/secure-headers';

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

export const securityHeaders = () =>
  secureHeaders({
    // A route may set a stricter or more specific header of its own (the broker hand-over page
    // allows exactly one extra form-action origin); keep it rather than overwrite it.
    overwrite: false,
    contentSecurityPolicy,
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // HSTS only matters on https; browsers ignore it on http, so it is harmless in development.
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  });
