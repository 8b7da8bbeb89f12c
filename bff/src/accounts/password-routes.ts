// Forgot password, reset password, accept an invitation.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { acceptInvitation, requestPasswordReset, resetPassword } from './password-reset.js';
import { requestOrigin } from '../http/request-client.js';
import { validationHook } from '../http/validation-hook.js';
import { EmailField, LocaleField, PasswordField, TokenField, errorResponse, jsonBody, jsonResponse } from './account-schemas.js';

const Accepted = z.object({ status: z.literal('accepted') }).openapi('Accepted');
const PasswordSet = z.object({ email: z.string() }).openapi('PasswordSet');
const SetPassword = z.object({ token: TokenField, password: PasswordField }).openapi('SetPasswordRequest');
const tokenErrors = {
  400: errorResponse('invalid_request or token_invalid'),
  410: errorResponse('token_used or token_expired'),
  422: errorResponse('password_too_short, password_too_long or password_too_common'),
  429: errorResponse('rate_limited'),
};

const forgot = createRoute({
  method: 'post',
  path: '/api/password/forgot',
  summary: 'Mail a link to choose a new password (always 202, whether or not the account exists)',
  request: jsonBody(z.object({ email: EmailField, locale: LocaleField.optional() }).openapi('ForgotPasswordRequest')),
  responses: { 202: jsonResponse('accepted', Accepted), 400: errorResponse('invalid_request'), 429: errorResponse('rate_limited') },
});

const reset = createRoute({
  method: 'post',
  path: '/api/password/reset',
  summary: 'Choose a new password with a reset link; ends every session of the account',
  request: jsonBody(SetPassword),
  responses: { 200: jsonResponse('password set; log in with it', PasswordSet), ...tokenErrors },
});

const accept = createRoute({
  method: 'post',
  path: '/api/invitation/accept',
  summary: 'Choose the first password with an invitation link',
  request: jsonBody(SetPassword),
  responses: { 200: jsonResponse('password set; log in with it', PasswordSet), ...tokenErrors },
});

export function passwordRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(forgot, async (c) => {
      const { db, site, env } = c.get('deps');
      await requestPasswordReset(db.db, site, env, c.req.valid('json'), requestOrigin(c, env.trustProxy));
      return c.json({ status: 'accepted' as const }, 202);
    })
    .openapi(reset, async (c) => {
      const { db, site, env } = c.get('deps');
      return c.json(await resetPassword(db.db, site, c.req.valid('json'), requestOrigin(c, env.trustProxy)), 200);
    })
    .openapi(accept, async (c) => {
      const { db, site, env } = c.get('deps');
      return c.json(await acceptInvitation(db.db, site, c.req.valid('json'), requestOrigin(c, env.trustProxy)), 200);
    });
}
