// A request id for the log lines and the X-Request-Id header, so a user's report ("it failed, id
// …") leads to the log. An id set by a proxy in front is kept when it looks like one: anything else
// could forge or break log lines.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { withDefaultHeaders } from './default-headers.js';

const plausibleId = /^[\w.:=-]{1,200}$/;

export function requestId(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && plausibleId.test(given) ? given : randomUUID();
    c.set('requestId', id);
    return withDefaultHeaders(c, [['X-Request-Id', id]], next);
  };
}
