// HTTP surface of the linking step (/api/link/*): a first eHerkenning login under policy `link`
// is linked to an existing account (password, then a mailed PIN) or to a new one made with an
// activation code; and "Account toevoegen" for a logged-in person. Thin: parse, call, answer.
import { actingMembership } from '../organisations/membership-views.js';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LinkedSchema, MembershipAddedSchema, PendingLinkSchema, PinSentSchema } from '../../../contract/linking-schemas.js';
import type { AppEnv } from '../app-env.js';
import { requestOrigin } from '../http/request-client.js';
import { readLoginBinding } from '../saml-login/login-binding-cookie.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { EmailField, LocaleField, PasswordField, errorResponse, jsonBody, jsonResponse } from '../accounts/account-schemas.js';
import { sessionView } from '../sessions/routes.js';
import { readSessionCookie, writeSessionCookie } from '../sessions/session-cookie.js';
import { addOrganisationByCode } from './add-organisation.js';
import { requirePendingLink, type LinkContext } from './link-context.js';
import { requestLinkPasswordReset } from './link-password-reset.js';
import { linkWithActivationCode } from './link-with-code.js';
import { confirmLinkPin, requestLinkPin } from './link-with-password.js';

const notPending = errorResponse('link_not_pending: no eHerkenning login waits to be linked in this browser');
const CodeField = z.string().min(1).max(64).openapi({ example: '7K3M-Q9TA-2XHB-RP4D' });
const codeErrors = {
  400: errorResponse('invalid_request, or code_unknown'),
  410: errorResponse('code_used or code_expired'),
  429: errorResponse('rate_limited (see Retry-After)'),
};

const state = createRoute({
  method: 'get',
  path: '/api/link',
  summary: "This browser's eHerkenning login waiting to be linked",
  responses: { 200: jsonResponse('a link attempt is pending', PendingLinkSchema), 409: notPending },
});

const password = createRoute({
  method: 'post',
  path: '/api/link/password',
  summary: "Step (a): prove the existing account with its password; a 6-digit PIN is mailed to the account's address",
  request: jsonBody(z.object({ email: EmailField, password: PasswordField }).openapi('LinkPasswordRequest')),
  responses: {
    202: jsonResponse('PIN mailed, valid 10 minutes', PinSentSchema),
    400: errorResponse('invalid_request'),
    401: errorResponse('invalid_credentials: unknown address or wrong password (one answer for both)'),
    403: errorResponse('account_blocked (blocked or disabled), or pin_too_many_attempts'),
    409: notPending,
    429: errorResponse('rate_limited, or too_many_mails (3 PINs per link attempt); see Retry-After'),
  },
});

const pin = createRoute({
  method: 'post',
  path: '/api/link/pin',
  summary: 'Step (a): the mailed PIN; right, the eHerkenning identity is linked and the person logged in',
  request: jsonBody(z.object({ pin: z.string().min(1).max(32) }).openapi('LinkPinRequest')),
  responses: {
    200: jsonResponse('linked and logged in; the session cookie is set', LinkedSchema),
    403: errorResponse('pin_too_many_attempts (the fifth wrong PIN ends the link attempt), account_blocked, or level_too_low'),
    409: errorResponse('link_not_pending, or identity_already_linked'),
    410: errorResponse('pin_expired'),
    422: errorResponse('pin_wrong'),
  },
});

const activationCode = createRoute({
  method: 'post',
  path: '/api/link/activation-code',
  summary: 'Step (b): an activation code and the address to use make the account and membership, linked and logged in',
  request: jsonBody(z.object({ code: CodeField, email: EmailField }).openapi('LinkActivationCodeRequest')),
  responses: {
    200: jsonResponse('account made, linked and logged in; the session cookie is set', LinkedSchema),
    ...codeErrors,
    403: errorResponse('level_too_low'),
    409: errorResponse('link_not_pending, identity_already_linked, or email_taken'),
    422: errorResponse("email_domain_not_allowed: the address is outside the organisation's domains"),
  },
});

const forgot = createRoute({
  method: 'post',
  path: '/api/link/forgot-password',
  summary: "Forgot password on the linking step: the reset link goes to the organisation's authorised contact where the site says so, else to the account (always 202)",
  request: jsonBody(z.object({ email: EmailField, locale: LocaleField.optional() }).openapi('LinkForgotPasswordRequest')),
  responses: { 202: jsonResponse('accepted', z.object({ status: z.literal('accepted') })), 400: errorResponse('invalid_request'), 409: notPending, 429: errorResponse('rate_limited') },
});

const addOrganisation = createRoute({
  method: 'post',
  path: '/api/link/organisation',
  summary: 'Account toevoegen: add another organisation to your account with its activation code',
  request: jsonBody(z.object({ code: CodeField }).openapi('AddOrganisationRequest')),
  responses: {
    201: jsonResponse('membership added', MembershipAddedSchema),
    ...codeErrors,
    401: errorResponse('unauthenticated'),
    409: errorResponse('already_member (the code stays unused)'),
  },
});

function linkContext(c: Context<AppEnv>): LinkContext {
  const { db, site, env } = c.get('deps');
  return { db: db.db, site, env, origin: requestOrigin(c, env.trustProxy), bindingCookie: readLoginBinding(c), previousSessionToken: readSessionCookie(c) };
}

export function linkRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/link/organisation', loadSession(), requireSession());
  return routes
    .openapi(state, async (c) => {
      const link = await requirePendingLink(linkContext(c));
      const pinLive = link.pinExpiresAt && link.pinExpiresAt > new Date() ? link.pinExpiresAt : null;
      return c.json({ expiresAt: link.expiresAt.toISOString(), pinSent: Boolean(pinLive), pinExpiresAt: pinLive?.toISOString() ?? null, broker: link.broker }, 200);
    })
    .openapi(password, async (c) => {
      const { pinExpiresAt } = await requestLinkPin(linkContext(c), c.req.valid('json'));
      return c.json({ status: 'pin_sent' as const, pinExpiresAt: pinExpiresAt.toISOString() }, 202);
    })
    .openapi(pin, async (c) => {
      const { done, returnTo } = await confirmLinkPin(linkContext(c), c.req.valid('json'));
      writeSessionCookie(c, done.token, done.session.absoluteExpiresAt);
      return c.json({ session: sessionView(done, await actingMembership(c.get('deps').db.db, done.session)), returnTo }, 200);
    })
    .openapi(activationCode, async (c) => {
      const { done, returnTo } = await linkWithActivationCode(linkContext(c), c.req.valid('json'));
      writeSessionCookie(c, done.token, done.session.absoluteExpiresAt);
      return c.json({ session: sessionView(done, await actingMembership(c.get('deps').db.db, done.session)), returnTo }, 200);
    })
    .openapi(forgot, async (c) => {
      await requestLinkPasswordReset(linkContext(c), c.req.valid('json'));
      return c.json({ status: 'accepted' as const }, 202);
    })
    .openapi(addOrganisation, async (c) => {
      const { db, env } = c.get('deps');
      const { organisation, role } = await addOrganisationByCode(db.db, c.get('session')!.user, c.req.valid('json').code, requestOrigin(c, env.trustProxy));
      return c.json({ organisation: { id: organisation.id, name: organisation.name }, role }, 201);
    });
}
