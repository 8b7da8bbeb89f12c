import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { ErrorSchema } from '../http/error-schema.js';
import { ApiError } from '../http/api-error.js';
import { validationHook } from '../http/validation-hook.js';

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process answers',
  responses: {
    200: { description: 'alive', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
  },
});

const ReadySchema = z.object({ status: z.literal('ready'), database: z.enum(['postgres', 'pglite']) });

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: the database answers',
  responses: {
    200: { description: 'ready', content: { 'application/json': { schema: ReadySchema } } },
    503: { description: 'database unavailable', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function healthRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyz, async (c) => {
      const { db } = c.get('deps');
      try {
        await withTimeout(db.ping(), 3000);
      } catch {
        throw new ApiError('service_unavailable', 'The database does not answer.');
      }
      return c.json({ status: 'ready' as const, database: db.kind }, 200);
    });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
