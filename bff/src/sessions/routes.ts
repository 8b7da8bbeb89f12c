// GET /api/session (who is logged in) and POST /api/logout (end it, server-side).
import { countSessionCheck } from '../metrics/metrics.js';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ApplicationRefusalSchema, SessionSchema, type MembershipView, type SessionView } from '../../../contract/api-schemas.js';
import { applicationById } from '../applications/application-rules.js';
import { applicationSessionView, applicationView, checkAccess } from '../applications/application-access.js';
import { ApiError, apiMessage } from '../http/api-error.js';
import { apiLocale } from '../http/error-response.js';
import type { Context } from 'hono';
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
  summary: 'The current session; with ?app=, whether it opens that application and what the application may see',
  request: {
    query: z.object({
      app: z.string().max(64).optional().openapi({ description: 'an application id (issue 15): the answer is that application\'s decision and only the attributes it may see' }),
    }),
  },
  responses: {
    200: { description: 'logged in (with app: the session opens it; only its attributes)', content: { 'application/json': { schema: SessionSchema } } },
    401: { description: 'no session (unauthenticated); with app also step_up_required: log in again with stepUp.method at stepUp.level or stronger', content: { 'application/json': { schema: ApplicationRefusalSchema.or(ErrorSchema) } } },
    403: { description: 'application_forbidden: logged in, but without the membership, role or capacity the application needs (its helpdesk text is in application.helpdesk)', content: { 'application/json': { schema: ApplicationRefusalSchema } } },
    404: { description: 'unknown_application', content: { 'application/json': { schema: ErrorSchema } } },
    409: { description: 'organisation_choice_needed: choose the organisation to act for first (POST /api/organisations/switch)', content: { 'application/json': { schema: ApplicationRefusalSchema } } },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/logout',
  summary: 'End the current session',
  responses: { 204: { description: 'logged out (also when there was no session)' } },
});

/**
 * Ends the browser's session (there is one per browser, for every application of the site) with
 * its audit event, and clears the cookie. Nothing to end is no error.
 */
export async function endBrowserSession(c: Context<AppEnv>): Promise<void> {
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
}

export function sessionRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/session', loadSession());
  return routes
    .openapi(getSession, async (c) => {
      const active = c.get('session');
      countSessionCheck(Boolean(active));
      const { app: appId } = c.req.valid('query');
      const { db, site } = c.get('deps');
      if (appId !== undefined) {
        const app = applicationById(site.applications, appId);
        if (!app) throw new ApiError('unknown_application');
        const { decision, acting } = await checkAccess(db.db, site, app, active);
        if (decision.outcome === 'granted') return c.json(applicationSessionView(sessionView(active!, acting), app), 200);
        const refusal = (code: string) => ({ error: { code, message: apiMessage(code, apiLocale(c)) }, application: applicationView(app, site) });
        if (decision.outcome === 'login') return c.json(refusal('unauthenticated'), 401);
        if (decision.outcome === 'step_up') return c.json({ ...refusal('step_up_required'), stepUp: { method: decision.method, level: decision.level } }, 401);
        if (decision.outcome === 'choose_organisation') return c.json(refusal('organisation_choice_needed'), 409);
        return c.json(refusal('application_forbidden'), 403);
      }
      if (!active) return c.json({ error: { code: 'unauthenticated', message: 'You are not logged in.' } }, 401);
      return c.json(sessionView(active, await actingMembership(db.db, active.session)), 200);
    })
    .openapi(logout, async (c) => {
      await endBrowserSession(c);
      return c.body(null, 204);
    });
}
