// GET /api/session (who is logged in) and POST /api/logout (end it, server-side).
import { countSessionCheck } from '../metrics/metrics.js';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { SessionSchema, type MembershipView, type SessionView } from '../../../contract/api-schemas.js';
import type { AppEnv } from '../app-env.js';
import { recordAudit } from '../audit/record-audit.js';
import { requestOrigin } from '../http/request-client.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession } from './load-session.js';
import { actingMembership } from '../organisations/membership-views.js';
import { clearSessionCookie, readSessionCookie } from './session-cookie.js';
import { deleteSession, type ActiveSession } from './session-store.js';
import { ErrorSchema } from '../http/error-schema.js';

/** `actingFor`: the session's organisation as actingMembership() reads it (null when it acts for none). */
export function sessionView({ session, user }: ActiveSession, actingFor: MembershipView | null): SessionView {
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
    method: session.method,
    level: session.level,
    actingFor,
    organisationChoiceNeeded: session.organisationChoicePending,
    attributes: session.attributes,
    expiresAt: session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
  };
}

const getSession = createRoute({
  method: 'get',
  path: '/api/session',
  summary: 'The current session',
  responses: {
    200: { description: 'logged in', content: { 'application/json': { schema: SessionSchema } } },
    401: { description: 'no session', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/logout',
  summary: 'End the current session',
  responses: { 204: { description: 'logged out (also when there was no session)' } },
});

export function sessionRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/session', loadSession());
  return routes
    .openapi(getSession, async (c) => {
      const active = c.get('session');
      countSessionCheck(Boolean(active));
      if (!active) return c.json({ error: { code: 'unauthenticated', message: 'You are not logged in.' } }, 401);
      return c.json(sessionView(active, await actingMembership(c.get('deps').db.db, active.session)), 200);
    })
    .openapi(logout, async (c) => {
      const token = readSessionCookie(c);
      const { db, env } = c.get('deps');
      if (token) {
        await db.db.transaction(async (tx) => {
          const ended = await deleteSession(tx, token);
          if (ended) {
            await recordAudit(tx, { type: 'logout', outcome: 'success', userId: ended.userId, method: ended.method }, requestOrigin(c, env.trustProxy));
          }
        });
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
