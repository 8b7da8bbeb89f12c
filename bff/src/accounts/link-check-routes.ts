// POST /api/link/check: does this invitation or reset link still work? A POST although it changes
// nothing but a rate-limit counter, so the secret travels in the body and never in an address
// that proxies and access logs keep (ASVS 8.3.1).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { checkPasswordLink, checkedLinkKinds } from './link-check.js';
import { requestOrigin } from '../http/request-client.js';
import { validationHook } from '../http/validation-hook.js';
import { TokenField, errorResponse, jsonBody, jsonResponse } from './account-schemas.js';

const check = createRoute({
  method: 'post',
  path: '/api/link/check',
  summary: 'Whether an invitation or reset link still works, without using it',
  request: jsonBody(z.object({ token: TokenField, kind: z.enum(checkedLinkKinds) }).openapi('LinkCheckRequest')),
  responses: {
    200: jsonResponse('the link works', z.object({ status: z.literal('valid') }).openapi('LinkValid')),
    400: errorResponse('invalid_request or token_invalid'),
    410: errorResponse('token_used or token_expired'),
    429: errorResponse('rate_limited'),
  },
});

export function linkCheckRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(check, async (c) => {
    const { db, env } = c.get('deps');
    await checkPasswordLink(db.db, c.req.valid('json'), requestOrigin(c, env.trustProxy));
    return c.json({ status: 'valid' as const }, 200);
  });
}
