// POST /api/login: e-mail and password → a new session cookie.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { loginWithPassword } from './login.js';
import { requestOrigin } from '../http/request-client.js';
import { validationHook } from '../http/validation-hook.js';
import { readSessionCookie, writeSessionCookie } from '../sessions/session-cookie.js';
import { EmailField, PasswordField, errorResponse, jsonBody, jsonResponse } from '../accounts/account-schemas.js';
import { SessionSchema } from '../../../contract/api-schemas.js';
import { sessionView } from '../sessions/routes.js';

const login = createRoute({
  method: 'post',
  path: '/api/login',
  summary: 'Log in with e-mail address and password',
  request: jsonBody(z.object({ email: EmailField, password: PasswordField }).openapi('LoginRequest')),
  responses: {
    200: jsonResponse('logged in; the session cookie is set', SessionSchema),
    400: errorResponse('invalid_request'),
    401: errorResponse('invalid_credentials: unknown address, wrong password, blocked or disabled account (one answer for all)'),
    403: errorResponse('admin_requires_eherkenning'),
    429: errorResponse('rate_limited: too many failed logins from this network (see Retry-After)'),
    503: errorResponse('service_unavailable: the database is unavailable, or too many logins wait for a password check (see Retry-After)'),
  },
});

export function loginRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(login, async (c) => {
    const { db, site, env } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const { token, session, user } = await loginWithPassword(db.db, site, { email, password, previousToken: readSessionCookie(c) }, requestOrigin(c, env.trustProxy));
    writeSessionCookie(c, token, session.absoluteExpiresAt);
    return c.json(sessionView({ session, user }), 200);
  });
}
