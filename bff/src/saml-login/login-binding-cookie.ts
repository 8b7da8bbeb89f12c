// Binds a started eHerkenning login to the browser that started it (login CSRF, matrix S22): the
// start sets a random cookie, the stored request keeps its hash, and the ACS accepts the answer
// only from a browser that shows the same cookie. An attacker who gets a victim's browser to post
// the attacker's own valid Response fails here.
//
// Over https the cookie is `SameSite=None; Secure` (with the __Host- prefix): a broker's answer
// is a cross-site POST, on which browsers do not send Lax cookies. Over plain http (development,
// same-origin simulated brokers) it is Lax. One token per browser serves any number of tabs.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { looksLikeSecretToken, newSecretToken } from '../security/secret-token.js';
import { isHttps } from '../sessions/session-cookie.js';

const SECURE_NAME = '__Host-poort_login';
const PLAIN_NAME = 'poort_login';

export function readLoginBinding(c: Context): string | undefined {
  const value = getCookie(c, isHttps(c) ? SECURE_NAME : PLAIN_NAME);
  return value && looksLikeSecretToken(value) ? value : undefined;
}

/** The browser's binding token (reused when it has one), sent again with a fresh lifetime. */
export function issueLoginBinding(c: Context, maxAgeSeconds: number): string {
  const token = readLoginBinding(c) ?? newSecretToken();
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_NAME : PLAIN_NAME, token, {
    httpOnly: true,
    secure,
    sameSite: secure ? 'None' : 'Lax',
    path: '/',
    maxAge: maxAgeSeconds,
  });
  return token;
}
