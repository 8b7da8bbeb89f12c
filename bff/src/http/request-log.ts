// One log line per request with its id, method, path (no query: it may carry tokens), status and time.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../app-env.js';

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    // Below info level (LOG_LEVEL=warn in production) only failures are logged: skip building lines.
    if (c.res.status < 500 && !logger.isLevelEnabled('info')) return;
    const ms = Math.round((performance.now() - start) * 10) / 10;
    const line = { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms };
    if (c.res.status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
}
