// GET /api/capacities: the capacities ("hoedanigheden") this ACM/IDM login offered and the one the
// session acts in, for the widget's capacity step. Choosing one goes through the organisations
// switch (POST /api/organisations/switch; `organisationId: null` is the citizen capacity).
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { CapacitiesSchema } from '../../../contract/api-schemas.js';
import type { AppEnv } from '../app-env.js';
import { errorResponse, jsonResponse } from '../accounts/account-schemas.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { capacitiesOf } from './capacity-views.js';

const list = createRoute({
  method: 'get',
  path: '/api/capacities',
  summary: 'The capacities this login offered (as a citizen, for an organisation) and the one the session acts in; none for a login of another method',
  responses: { 200: jsonResponse('capacities', CapacitiesSchema), 401: errorResponse('unauthenticated') },
});

export function capacityRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/capacities', loadSession(), requireSession());
  return routes.openapi(list, async (c) => c.json(await capacitiesOf(c.get('deps').db.db, c.get('session')!.session), 200));
}
