// GET /poort/metrics for Prometheus: on the public port only with the bearer token
// (POORT_METRICS_TOKEN), or without one on an internal port (POORT_METRICS_PORT) that only the
// monitoring network reaches. Off when neither is configured.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Db } from '../../../db/open.js';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../http/api-error.js';
import { readOutboxDepth } from './outbox-depth.js';
import { registry } from './metrics.js';

/** The metrics as text, with the figures that live in the database read now. */
export async function renderMetrics(db: Db): Promise<Response> {
  await readOutboxDepth(db);
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}

/** Compared as digests, in constant time: the token's length and content leak nothing. */
function tokenMatches(given: string | undefined, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const match = /^Bearer\s+(\S+)$/i.exec(given ?? '');
  return Boolean(match) && timingSafeEqual(digest(match![1]!), digest(token));
}

export function metricsRoutes(token: string) {
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (!tokenMatches(c.req.header('authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="poort-metrics"');
      throw new ApiError('unauthenticated');
    }
    return renderMetrics(c.get('deps').db.db);
  });
}

/** The internal listener's whole app: /metrics, nothing else. */
export function internalMetricsApp(db: Db) {
  return new Hono().get('/metrics', () => renderMetrics(db));
}
