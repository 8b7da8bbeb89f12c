// Admin routes for local accounts and organisations: an admin acts within the organisations they
// administer, the service desk on all of them (accounts/admin-scope.ts decides which).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { UserSchema } from '../../../contract/api-schemas.js';
import { roles } from '../../../contract/roles.js';
import type { User } from '../../../db/schema.js';
import type { AppEnv } from '../app-env.js';
import type { AccountContext } from './account-context.js';
import { accountStatuses, createAccount, createOrganisation, disableAccount, inviteAccount, listAccounts, requireOrganisationCreator, unlockAccount } from './account-admin.js';
import { loadAdminActor } from './admin-actor.js';
import { requestOrigin } from '../http/request-client.js';
import { addMembership } from './memberships.js';
import { setLocalAccountUntil } from './temporary-account.js';
import { CUT_OFF_FORMAT, parseCutOff } from '../password-login/cut-off-date.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import type { Context } from 'hono';
import { EmailField, LocaleField, errorResponse, jsonBody, jsonResponse } from './account-schemas.js';

const AccountListing = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    displayName: z.string().nullable(),
    role: z.enum(roles),
    organisations: z.array(z.string()),
    status: z.enum(accountStatuses),
    failedAttempts: z.number().int(),
    localAccountUntil: z.string().nullable().describe('a temporary account: when its password login ends (ISO 8601); null: no end date'),
  })
  .openapi('AccountListing');
/** A moment as people write it: "2027-03-01" (the start of that day, Dutch time) or an ISO 8601 time with offset. */
const CutOffField = z
  .string()
  .max(64)
  .refine((text) => parseCutOff(text) !== undefined, { message: `Use ${CUT_OFF_FORMAT}.` })
  .openapi({ example: '2027-03-01' });
const Organisation = z
  .object({ id: z.string(), name: z.string(), emailDomains: z.array(z.string()), identifiers: z.record(z.string(), z.string()) })
  .openapi('Organisation');
/** KvK number (8 digits), RSIN (9), Vestigingsnummer (12): how eHerkenning answers name the organisation; KBO number (10), OVO code, instellingsnummer: how ACM/IDM does; eIDAS identifier: a company from another EU country. */
const Identifiers = z
  .object({
    kvk: z.string().max(40),
    rsin: z.string().max(40),
    vestigingsnr: z.string().max(40),
    kbo: z.string().max(40),
    /** A Flemish government organisation's OVO code (OVO and 6 digits), as ACM/IDM names it. */
    ovo: z.string().max(40),
    /** An education institution's number (1 to 6 digits), as ACM/IDM names it. */
    instelling: z.string().max(40),
    /** A company from another EU country: its eIDAS identifier, e.g. DE/NL/HRB123456. */
    eidas: z.string().max(300),
  })
  .partial()
  .strict()
  .openapi('OrganisationIdentifiers');
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const adminErrors = { 401: errorResponse('unauthenticated'), 403: errorResponse('forbidden: not an admin or service desk') };

const list = createRoute({
  method: 'get',
  path: '/api/admin/users',
  summary: 'The accounts in the organisations you administer (all of them for the service desk)',
  responses: { 200: jsonResponse('accounts', z.object({ users: z.array(AccountListing) })), ...adminErrors },
});

const create = createRoute({
  method: 'post',
  path: '/api/admin/users',
  summary: 'Create an account in an organisation and mail an invitation',
  request: jsonBody(
    z
      .object({
        email: EmailField,
        displayName: z.string().trim().min(1).max(200).optional(),
        role: z.enum(roles).optional(),
        organisationId: z.uuid(),
        locale: LocaleField.optional(),
        /** A temporary account: its password login ends at this moment. */
        localAccountUntil: CutOffField.optional(),
      })
      .strict()
      .openapi('CreateAccountRequest'),
  ),
  responses: {
    201: jsonResponse('created and invited', z.object({ user: UserSchema })),
    400: errorResponse('invalid_request'),
    409: errorResponse('email_taken'),
    422: errorResponse('email_domain_not_allowed, or organisation_unknown (also for an organisation you do not administer)'),
    ...adminErrors,
    403: errorResponse('forbidden: not an admin; role_above_own: a role above your own'),
  },
});

const userAction = (action: 'invite' | 'unlock' | 'disable', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/admin/users/{id}/${action}`,
    summary,
    request: { params: IdParam },
    responses: { 200: jsonResponse('done', z.object({ user: UserSchema })), 404: errorResponse('not_found (also for an account you do not administer)'), 400: errorResponse('invalid_request'), ...adminErrors },
  });

const setLocalAccountUntilRoute = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/local-account-until',
  summary: 'Make the account temporary (its password login ends at this moment) or, with null, permanent again',
  request: { params: IdParam, ...jsonBody(z.object({ localAccountUntil: CutOffField.nullable() }).strict().openapi('LocalAccountUntilRequest')) },
  responses: {
    200: jsonResponse('done', z.object({ user: UserSchema, localAccountUntil: z.string().nullable() })),
    400: errorResponse('invalid_request: not a date, or the account is disabled'),
    404: errorResponse('not_found (also for an account you do not administer)'),
    ...adminErrors,
  },
});

const addMembershipRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/memberships',
  summary: 'Make the account a member of another organisation you administer (the person then chooses at login whom to act for)',
  request: {
    params: IdParam,
    ...jsonBody(
      z
        .object({ organisationId: z.uuid(), role: z.enum(roles).optional(), capacity: z.string().trim().min(1).max(100).optional() })
        .strict()
        .openapi('AddMembershipRequest'),
    ),
  },
  responses: {
    201: jsonResponse('added', z.object({ organisationId: z.string(), role: z.enum(roles), capacity: z.string().nullable() })),
    400: errorResponse('invalid_request: bad input, or the account already belongs to it'),
    404: errorResponse('not_found (also for an account you do not administer)'),
    422: errorResponse('organisation_unknown (also for an organisation you do not administer)'),
    ...adminErrors,
    403: errorResponse('forbidden: not an admin; role_above_own: a role above your own'),
  },
});

const createOrg = createRoute({
  method: 'post',
  path: '/api/admin/organisations',
  summary: 'Create an organisation with its allowed business e-mail domains (service desk only)',
  request: jsonBody(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        emailDomains: z.array(z.string().min(1).max(253)).min(1).max(50),
        contactEmail: EmailField.optional().openapi({ description: "the organisation's authorised contact (linking.passwordResetTo: organisation-contact)" }),
        identifiers: Identifiers.optional(),
      })
      .strict(),
  ),
  responses: {
    201: jsonResponse('created', Organisation),
    400: errorResponse('invalid_request'),
    422: errorResponse('public_mail_domain'),
    ...adminErrors,
    403: errorResponse('forbidden: only the service desk creates organisations'),
  },
});

/** What an admin route acts with: the database, site and the logged-in admin, with where the request came from. */
export async function adminContext(c: Context<AppEnv>): Promise<AccountContext> {
  const { db, site, env } = c.get('deps');
  return { db: db.db, site, env, actor: await loadAdminActor(db.db, c.get('session')!.user), origin: requestOrigin(c, env.trustProxy) };
}

const userView = (u: Pick<User, 'id' | 'email' | 'displayName' | 'role'>) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
});

export function adminAccountRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Only this router's paths: other admin routers (texts) let other roles in.
  for (const path of ['/api/admin/users', '/api/admin/users/*', '/api/admin/organisations']) routes.use(path, loadSession(), requireSession('admin', 'servicedesk'));
  // Before the body is validated, so an admin learns only that this is not theirs to do.
  routes.use('/api/admin/organisations', async (c, next) => {
    requireOrganisationCreator(c.get('session')!.user);
    await next();
  });
  return routes
    .openapi(list, async (c) => c.json({ users: await listAccounts(await adminContext(c)) }, 200))
    .openapi(create, async (c) => {
      const { localAccountUntil, ...input } = c.req.valid('json');
      const { user } = await createAccount(await adminContext(c), { ...input, ...(localAccountUntil ? { localAccountUntil: parseCutOff(localAccountUntil)! } : {}) });
      return c.json({ user: userView(user) }, 201);
    })
    .openapi(userAction('invite', 'Mail a new invitation'), async (c) => c.json({ user: userView(await inviteAccount(await adminContext(c), c.req.valid('param'))) }, 200))
    .openapi(userAction('unlock', 'Unblock and mail a link to choose a new password'), async (c) =>
      c.json({ user: userView(await unlockAccount(await adminContext(c), c.req.valid('param'))) }, 200),
    )
    .openapi(userAction('disable', 'Disable the account and end its sessions'), async (c) =>
      c.json({ user: userView(await disableAccount(await adminContext(c), c.req.valid('param'))) }, 200),
    )
    .openapi(setLocalAccountUntilRoute, async (c) => {
      const { localAccountUntil } = c.req.valid('json');
      const user = await setLocalAccountUntil(await adminContext(c), c.req.valid('param'), localAccountUntil === null ? null : parseCutOff(localAccountUntil)!);
      return c.json({ user: userView(user), localAccountUntil: user.localAccountUntil?.toISOString() ?? null }, 200);
    })
    .openapi(addMembershipRoute, async (c) => {
      const added = await addMembership(await adminContext(c), c.req.valid('param'), c.req.valid('json'));
      return c.json({ organisationId: added.organisation.id, role: added.role, capacity: added.capacity }, 201);
    })
    .openapi(createOrg, async (c) => {
      const o = await createOrganisation(await adminContext(c), c.req.valid('json'));
      return c.json({ id: o.id, name: o.name, emailDomains: o.emailDomains, identifiers: o.identifiers }, 201);
    });
}
