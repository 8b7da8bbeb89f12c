// Every request has a deadline (POORT_REQUEST_DEADLINE_MS; the ACS routes POORT_ACS_DEADLINE_MS, which
// app.ts decides by path). When it passes, the request's commit
// guard closes (db/commit-guard.ts: nothing of it may commit any more, an open transaction rolls
// back, queued statements are cancelled) and only then does it answer 503 service_unavailable with
// Retry-After. So a client that gets the 503 may simply try again: nothing of the first try is left.
import { countDatabaseError } from '../metrics/metrics.js';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { CommitGuard, runWithCommitGuard } from '../../../db/commit-guard.js';
import type { AppEnv } from '../app-env.js';
import { ApiError } from './api-error.js';

/** How long a 503 waits at most for a statement already sent to settle (a COMMIT on the wire). */
export const SETTLE_GRACE_MS = 1000;

/** `deadlineFor`: the deadline of a request to this path, in milliseconds. */
export function requestDeadline(deadlineFor: (path: string) => number, logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const guard = new CommitGuard();
    let timer: NodeJS.Timeout | undefined;
    const deadlineMs = deadlineFor(c.req.path);
    const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), deadlineMs)));
    const work = runWithCommitGuard(guard, () => next());
    // The work goes on in the background after a 503; its end (or failure) concerns nobody then.
    work.catch(() => {});
    try {
      if ((await Promise.race([work, expired])) !== 'expired') return;
    } finally {
      clearTimeout(timer);
    }
    countDatabaseError('deadline');
    const settled = await guard.close(SETTLE_GRACE_MS);
    if (!settled) logger.warn({ requestId: c.get('requestId') }, 'deadline passed with a statement still in flight');
    throw new ApiError('service_unavailable');
  };
}
