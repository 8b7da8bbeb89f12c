// The session cookie: HttpOnly, SameSite=Lax, Path=/; on https also Secure with the __Host-
// prefix, which makes browsers refuse it from a subdomain or over http (ASVS 3.4).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const HOST_NAME = '__Host-poort_session';
const PLAIN_NAME = 'poort_session';

/** True when the browser talks https to us (directly, or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  // A prefix test: parsing the whole URL on every request that reads the cookie costs more.
  if (c.req.url.startsWith('https:')) return true;
  const trustProxy = (c.get('deps') as { env?: { trustProxy?: boolean } } | undefined)?.env?.trustProxy;
  return trustProxy === true && c.req.header('x-forwarded-proto') === 'https';
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, isHttps(c) ? HOST_NAME : PLAIN_NAME) || undefined;
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
