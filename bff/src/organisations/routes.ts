// GET /api/organisations (the person's memberships, and which one the session acts for) and
// POST /api/organisations/switch (act for another one of them).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { OrganisationsSchema, SessionSchema } from '../../../contract/api-schemas.js';
import { clockNow, type AppEnv } from '../app-env.js';
import { requestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { errorResponse, jsonBody, jsonResponse } from '../accounts/account-schemas.js';
import { sessionView } from '../sessions/routes.js';
import { readSessionCookie, writeSessionCookie } from '../sessions/session-cookie.js';
import { listMemberships } from './membership-views.js';
import { switchOrganisation } from './switch-organisation.js';

const list = createRoute({
  method: 'get',
  path: '/api/organisations',
  summary: 'The organisations I belong to (name, numbers, my role and capacity), and the one this session acts for',
  responses: { 200: jsonResponse('memberships', OrganisationsSchema), 401: errorResponse('unauthenticated') },
});

const switchRoute = createRoute({
  method: 'post',
  path: '/api/organisations/switch',
  summary: 'Act for another organisation I belong to (after an ACM/IDM login: another capacity it offered; null is the citizen capacity); the session gets a new cookie token',
  request: jsonBody(z.object({ organisationId: z.uuid().nullable() }).strict().openapi('SwitchOrganisationRequest')),
  responses: {
    200: jsonResponse('acting for it now; the new session cookie is set', SessionSchema),
    400: errorResponse('invalid_request'),
    401: errorResponse('unauthenticated'),
    403: errorResponse('not_a_member: the organisation exists but you do not belong to it; capacity_not_offered: your ACM/IDM login did not offer this capacity'),
    404: errorResponse('organisation_not_found: there is no organisation with this id'),
  },
});

export function organisationRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/organisations', loadSession(), requireSession());
  routes.use('/api/organisations/*', loadSession(), requireSession());
  return routes
    .openapi(list, async (c) => {
      const { session } = c.get('session')!;
      const organisations = await listMemberships(c.get('deps').db.db, session.userId);
      const actingFor = organisations.some((o) => o.id === session.actingFor) ? session.actingFor : null;
      return c.json({ actingFor, organisationChoiceNeeded: session.organisationChoicePending, organisations }, 200);
    })
    .openapi(switchRoute, async (c) => {
      const deps = c.get('deps');
      const active = c.get('session')!;
      const token = readSessionCookie(c);
      if (!token) throw new ApiError('unauthenticated');
      const { organisationId } = c.req.valid('json');
      const switched = await switchOrganisation(deps.db.db, { token, session: active.session, organisationId }, requestOrigin(c, deps.env.trustProxy), clockNow(deps));
      writeSessionCookie(c, switched.token, switched.session.absoluteExpiresAt);
      return c.json(sessionView({ session: switched.session, user: active.user }, switched.actingFor), 200);
    });
}
