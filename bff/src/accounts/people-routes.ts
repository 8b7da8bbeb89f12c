// What the Beheer page reads and changes besides the account actions of admin-routes.ts: the people
// list (searched, paged, with login methods and last login), the organisations the admin
// administers with their e-mail domains (shown before an invitation is sent), and role changes.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { UserSchema } from '../../../contract/api-schemas.js';
import { loginMethods } from '../../../contract/login-methods.js';
import { roles } from '../../../contract/roles.js';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { errorResponse, jsonBody, jsonResponse } from './account-schemas.js';
import { adminContext } from './admin-routes.js';
import { accountStatuses } from './account-admin.js';
import { changeRole } from './change-role.js';
import { administeredOrganisationList, listPeople } from './people.js';

const PersonSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    role: z.enum(roles),
    organisations: z.array(z.string()),
    status: z.enum(accountStatuses).openapi({ description: 'temporary: an end date is set (localAccountUntil), its password login ends or ended then' }),
    localAccountUntil: z.string().nullable(),
    failedAttempts: z.number().int(),
    methods: z.array(z.enum(loginMethods)),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('Person');
export const PeoplePageSchema = z.object({ people: z.array(PersonSchema), total: z.number().int() }).openapi('PeoplePage');
export const AdminScopeSchema = z
  .object({
    role: z.enum(roles),
    organisations: z.array(z.object({ id: z.string(), name: z.string(), emailDomains: z.array(z.string()) })),
    activationCodeDays: z.number().int().openapi({ description: 'how many days a new activation code is valid unless said otherwise (linking.activationCodeDays)' }),
  })
  .openapi('AdminScope');
const adminErrors = { 401: errorResponse('unauthenticated'), 403: errorResponse('forbidden: not an admin or service desk') };

const people = createRoute({
  method: 'get',
  path: '/api/admin/people',
  summary: 'The people you administer, searched by address or name, a page at a time',
  request: {
    query: z
      .object({
        search: z.string().max(200).optional(),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        limit: z.coerce.number().int().min(1).max(100).default(25),
      })
      .strict(),
  },
  responses: { 200: jsonResponse('a page of people', PeoplePageSchema), 400: errorResponse('invalid_request'), ...adminErrors },
});

const scope = createRoute({
  method: 'get',
  path: '/api/admin/scope',
  summary: 'Your role and the organisations you administer, with their allowed e-mail domains',
  responses: { 200: jsonResponse('your scope', AdminScopeSchema), ...adminErrors },
});

const role = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/role',
  summary: "Change a person's role (their sessions end; the new role counts from their next login)",
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }), ...jsonBody(z.object({ role: z.enum(roles) }).strict()) },
  responses: {
    200: jsonResponse('changed', z.object({ user: UserSchema })),
    400: errorResponse('invalid_request (also for a disabled account)'),
    404: errorResponse('not_found (also for an account you do not administer)'),
    ...adminErrors,
    403: errorResponse('role_above_own; forbidden: not an admin, or your own account'),
  },
});


export function peopleRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const path of ['/api/admin/people', '/api/admin/scope', '/api/admin/users/:id/role']) routes.use(path, loadSession(), requireSession('admin', 'servicedesk'));
  return routes
    .openapi(people, async (c) => c.json(await listPeople(await adminContext(c), c.req.valid('query')), 200))
    .openapi(scope, async (c) => {
      const ctx = await adminContext(c);
      return c.json({ role: ctx.actor.role, organisations: await administeredOrganisationList(ctx), activationCodeDays: ctx.site.linking.activationCodeDays }, 200);
    })
    .openapi(role, async (c) => {
      const user = await changeRole(await adminContext(c), c.req.valid('param'), c.req.valid('json').role);
      return c.json({ user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } }, 200);
    });
}
