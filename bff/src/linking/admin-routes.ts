// Admin routes for activation codes: an admin issues, lists and revokes them for the
// organisations they administer, the service desk for any (accounts/admin-scope.ts decides). The
// code is in the issuing answer only; the list names codes by an id of their own.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { roles } from '../../../contract/roles.js';
import type { AppEnv } from '../app-env.js';
import { adminContext } from '../accounts/admin-routes.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { errorResponse, jsonBody, jsonResponse } from '../accounts/account-schemas.js';
import { issueActivationCode, listActivationCodes, revokeActivationCode } from './activation-codes.js';

const IssuedCode = z
  .object({
    id: z.string().openapi({ description: 'what the list and the revoke route name this code by' }),
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

const CodeListingSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisation: z.string(),
    role: z.enum(roles),
    status: z.enum(['open', 'used', 'expired', 'revoked']),
    createdAt: z.string(),
    expiresAt: z.string(),
    createdBy: z.string().nullable().openapi({ description: 'name or address of who issued it; null for the service-desk CLI' }),
    usedAt: z.string().nullable(),
    usedBy: z.string().nullable().openapi({ description: 'name or address of who redeemed it' }),
    revokedAt: z.string().nullable(),
  })
  .openapi('ActivationCodeListing');

const list = createRoute({
  method: 'get',
  path: '/api/admin/activation-codes',
  summary: 'The activation codes of the organisations you administer (or of one), newest first; never the codes themselves',
  request: {
    query: z
      .object({
        organisationId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      })
      .strict(),
  },
  responses: {
    200: jsonResponse('codes', z.object({ codes: z.array(CodeListingSchema) })),
    400: errorResponse('invalid_request'),
    401: errorResponse('unauthenticated'),
    403: errorResponse('forbidden: not an admin or service desk'),
    404: errorResponse('not_found (also for an organisation you do not administer)'),
  },
});

const revoke = createRoute({
  method: 'post',
  path: '/api/admin/activation-codes/{id}/revoke',
  summary: 'Revoke an open activation code: it can no longer be redeemed (cannot be undone)',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonResponse('revoked', z.object({ id: z.string(), status: z.literal('revoked') })),
    400: errorResponse('invalid_request'),
    401: errorResponse('unauthenticated'),
    403: errorResponse('forbidden: not an admin or service desk'),
    404: errorResponse('not_found (also for a code of an organisation you do not administer)'),
    409: errorResponse('code_not_open: already used, revoked or expired'),
  },
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function activationCodeAdminRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const path of ['/api/admin/organisations/:id/activation-codes', '/api/admin/activation-codes', '/api/admin/activation-codes/*']) routes.use(path, loadSession(), requireSession('admin', 'servicedesk'));
  return routes
    .openapi(issue, async (c) => {
      const issued = await issueActivationCode(await adminContext(c), { organisationId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json({ id: issued.id, code: issued.code, organisationId: issued.organisation.id, role: issued.role, expiresAt: issued.expiresAt.toISOString() }, 201);
    })
    .openapi(list, async (c) => {
      const codes = await listActivationCodes(await adminContext(c), c.req.valid('query'));
      return c.json(
        { codes: codes.map((code) => ({ ...code, createdAt: code.createdAt.toISOString(), expiresAt: code.expiresAt.toISOString(), usedAt: iso(code.usedAt), revokedAt: iso(code.revokedAt) })) },
        200,
      );
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      await revokeActivationCode(await adminContext(c), id);
      return c.json({ id, status: 'revoked' as const }, 200);
    });
}
