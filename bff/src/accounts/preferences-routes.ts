// The logged-in person's own preferences, and confirming a notification address.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { confirmNotificationEmail, preferencesView, updatePreferences } from './preferences.js';
import { requestOrigin } from '../http/request-client.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { EmailField, LocaleField, TokenField, errorResponse, jsonBody, jsonResponse } from './account-schemas.js';

const Preferences = z
  .object({ notificationEmail: z.string().nullable(), notificationEmailConfirmed: z.boolean(), locale: z.string().nullable() })
  .openapi('Preferences');

const getPreferences = createRoute({
  method: 'get',
  path: '/api/me/preferences',
  summary: 'My preferences',
  responses: { 200: jsonResponse('preferences', Preferences), 401: errorResponse('unauthenticated') },
});

const putPreferences = createRoute({
  method: 'put',
  path: '/api/me/preferences',
  summary: 'Change my preferences; a new notification address is used once confirmed through the mailed link',
  request: jsonBody(z.object({ notificationEmail: EmailField.nullable().optional(), locale: LocaleField.optional() }).strict().openapi('PreferencesRequest')),
  responses: {
    200: jsonResponse('preferences', Preferences),
    400: errorResponse('invalid_request'),
    401: errorResponse('unauthenticated'),
    429: errorResponse('too_many_mails: too many confirmation mails for this account this hour (see Retry-After)'),
  },
});

const confirm = createRoute({
  method: 'post',
  path: '/api/me/notification-email/confirm',
  summary: 'Confirm a notification address with the mailed link',
  request: jsonBody(z.object({ token: TokenField })),
  responses: {
    200: jsonResponse('confirmed', z.object({ notificationEmail: z.string().nullable() })),
    400: errorResponse('token_invalid'),
    410: errorResponse('token_used or token_expired'),
    429: errorResponse('rate_limited'),
  },
});

export function preferencesRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/me/preferences', loadSession(), requireSession());
  return routes
    .openapi(getPreferences, (c) => c.json(preferencesView(c.get('session')!.user), 200))
    .openapi(putPreferences, async (c) => {
      const { db, site, env } = c.get('deps');
      const updated = await updatePreferences(db.db, site, env, c.get('session')!.user, c.req.valid('json'), requestOrigin(c, env.trustProxy));
      return c.json(preferencesView(updated), 200);
    })
    .openapi(confirm, async (c) => {
      const { db, env } = c.get('deps');
      return c.json(await confirmNotificationEmail(db.db, c.req.valid('json').token, requestOrigin(c, env.trustProxy)), 200);
    });
}
