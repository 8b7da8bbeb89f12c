// The session cookie: HttpOnly, SameSite=Lax, Path=/; on https also Secure with the __Host-
// prefix, which makes browsers refuse it from a subdomain or over http (ASVS 3.4).
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { requestClient, trustOf } from '../http/request-client.js';
import { looksLikeSecretToken } from '../security/secret-token.js';

const HOST_NAME = '__Host-poort_session';
const PLAIN_NAME = 'poort_session';

/**
 * True when the browser talks https to us: POORT_PUBLIC_URL says so (TLS usually ends at a proxy
 * that forwards plain http, and the cookie must be Secure all the same), or the request came in
 * over https (directly, or through a trusted proxy that says so).
 */
export function isHttps(c: Context): boolean {
  // Prefix tests: parsing the whole URL on every request that reads the cookie costs more.
  if (c.req.url.startsWith('https:')) return true;
  if ((c.get('deps') as { env?: { publicUrl?: string } } | undefined)?.env?.publicUrl?.startsWith('https:')) return true;
  const trust = trustOf(c);
  return trust.kind !== 'none' && requestClient(c, trust).proto === 'https';
}

/** The session token from the request's cookies, when there is one of the right shape. */
export function readSessionCookie(c: Context): string | undefined {
  const header = c.req.header('cookie');
  if (!header) return undefined;
  const value = cookieValue(header, isHttps(c) ? HOST_NAME : PLAIN_NAME);
  return value && looksLikeSecretToken(value) ? value : undefined;
}

/**
 * One cookie's value from a Cookie header (the first of that name, as browsers send the most
 * specific first). Only this one cookie is looked at: parsing all of a site's cookies on every
 * request costs more than the rest of a session check.
 */
export function cookieValue(header: string, name: string): string | undefined {
  let at = 0;
  while (at < header.length) {
    while (header.charCodeAt(at) === 32) at++;
    const end = header.indexOf(';', at);
    const stop = end === -1 ? header.length : end;
    if (header.startsWith(name, at) && header.charCodeAt(at + name.length) === 61 /* = */) {
      let value = header.slice(at + name.length + 1, stop).trim();
      if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      return value;
    }
    at = stop + 1;
  }
  return undefined;
}

export function writeSessionCookie(c: Context, token: string, expires: Date): void {
  const secure = isHttps(c);
  setCookie(c, secure ? HOST_NAME : PLAIN_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure,
    expires,
  });
}

export function clearSessionCookie(c: Context): void {
  const secure = isHttps(c);
  deleteCookie(c, secure ? HOST_NAME : PLAIN_NAME, { path: '/', secure });
}
