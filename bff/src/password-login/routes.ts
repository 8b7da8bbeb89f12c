// POST /api/login: e-mail and password → a new session cookie.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { clockNow, type AppEnv } from '../app-env.js';
import { actingMembership } from '../organisations/membership-views.js';
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
    403: errorResponse(
      'admin_requires_eherkenning; password_login_ended: the site ended password login (for everyone, or for people with a linked eHerkenning identity) at localAccounts.passwordLoginUntil; local_account_ended: this temporary account passed its end date',
    ),
    429: errorResponse('rate_limited: too many failed logins from this network (see Retry-After)'),
    503: errorResponse('service_unavailable: the database is unavailable, or too many logins wait for a password check (see Retry-After)'),
  },
});

export function loginRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(login, async (c) => {
    const deps = c.get('deps');
    const { db, site, env } = deps;
    const { email, password } = c.req.valid('json');
    const { token, session, user } = await loginWithPassword(db.db, site, { email, password, previousToken: readSessionCookie(c), now: clockNow(deps) }, requestOrigin(c, env.trustProxy));
    writeSessionCookie(c, token, session.absoluteExpiresAt);
    return c.json(sessionView({ session, user }, await actingMembership(db.db, session)), 200);
  });
}
