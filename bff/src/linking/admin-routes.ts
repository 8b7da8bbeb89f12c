// Admin route for activation codes: an admin issues them for the organisations they administer,
// the service desk for any (accounts/admin-scope.ts decides). The code is in this answer only.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { roles } from '../../../contract/roles.js';
import type { AppEnv } from '../app-env.js';
import { adminContext } from '../accounts/admin-routes.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { errorResponse, jsonBody, jsonResponse } from '../accounts/account-schemas.js';
import { issueActivationCode } from './activation-codes.js';

const IssuedCode = z
  .object({
    code: z.string().openapi({ description: 'the activation code; shown here once, stored only as a hash' }),
    organisationId: z.string(),
    role: z.enum(roles),
    expiresAt: z.string(),
  })
  .openapi('IssuedActivationCode');

const issue = createRoute({
  method: 'post',
  path: '/api/admin/organisations/{id}/activation-codes',
  summary: 'Issue a single-use activation code for an organisation you administer',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    ...jsonBody(
      z
        .object({
          role: z.enum(roles).optional().openapi({ description: 'role of the membership the code gives (default user)' }),
          validDays: z.number().int().min(1).max(365).optional().openapi({ description: 'default: linking.activationCodeDays of the site configuration' }),
        })
        .strict()
        .openapi('IssueActivationCodeRequest'),
    ),
  },
  responses: {
    201: jsonResponse('issued', IssuedCode),
    400: errorResponse('invalid_request'),
    401: errorResponse('unauthenticated'),
    403: errorResponse('forbidden: not an admin; role_above_own: a role above your own'),
    404: errorResponse('not_found (also for an organisation you do not administer)'),
  },
});

export function activationCodeAdminRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/admin/organisations/:id/activation-codes', loadSession(), requireSession('admin', 'servicedesk'));
  return routes.openapi(issue, async (c) => {
    const issued = await issueActivationCode(await adminContext(c), { organisationId: c.req.valid('param').id, ...c.req.valid('json') });
    return c.json({ code: issued.code, organisationId: issued.organisation.id, role: issued.role, expiresAt: issued.expiresAt.toISOString() }, 201);
  });
}
