// One shape for every error: {"error":{"code","message"}}, or for a browser navigating to a login
// route the same code on a page in its language (error-response.ts); never a stack trace or
// internal detail.
import { countDatabaseError } from '../metrics/metrics.js';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { currentCommitGuard, isCommitRefused } from '../../../db/commit-guard.js';
import { ApiError } from './api-error.js';
import type { AppEnv } from '../app-env.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { answersWithPage, errorResponse } from './error-response.js';
import { refreshTextsForPage } from '../texts/live-texts.js';

function fromHttpException(error: HTTPException): ApiError {
  switch (error.status) {
    case 400:
      // Hono's validator throws this for a body that does not parse.
      return /json/i.test(error.message) ? new ApiError('malformed_json') : new ApiError('invalid_request');
    case 413:
      return new ApiError('payload_too_large');
    case 415:
      return new ApiError('unsupported_media_type');
    case 401:
      return new ApiError('unauthenticated');
    case 403:
      return new ApiError('forbidden');
    case 404:
      return new ApiError('not_found');
    default:
      return error.status >= 500 ? new ApiError('internal_error') : new ApiError('invalid_request');
  }
}

export function handleErrors(logger: Logger): ErrorHandler {
  return async (error: Error, c: Context) => {
    let apiError: ApiError;
    if (error instanceof ApiError) apiError = error;
    // A request past its deadline (request-deadline.ts): its statements were refused or cancelled
    // and nothing was written; whichever of its answers goes out, it is the same 503.
    else if (isCommitRefused(error) || currentCommitGuard()?.closed) apiError = new ApiError('service_unavailable');
    else if (isDatabaseUnavailable(error)) {
      countDatabaseError('unavailable');
      logger.warn({ requestId: c.get('requestId'), err: { name: error.name, code: codeOf(error) } }, 'database unavailable');
      apiError = new ApiError('service_unavailable');
    } else if (error instanceof HTTPException) apiError = fromHttpException(error);
    else {
      logger.error({ requestId: c.get('requestId'), err: error }, 'unhandled error');
      apiError = new ApiError('internal_error');
    }
    return pageOrJson(c as Context<AppEnv>, apiError);
  };
}

export const handleNotFound: NotFoundHandler = (c) => pageOrJson(c as Context<AppEnv>, new ApiError('not_found'));

/** A refusal page shows the editors' texts; when the database is what failed, it is not asked again. */
async function pageOrJson(c: Context<AppEnv>, error: ApiError): Promise<Response> {
  const db = c.get('deps')?.db.db;
  if (db && answersWithPage(c) && error.code !== 'service_unavailable') await refreshTextsForPage(db);
  return errorResponse(c, error);
}

function codeOf(error: unknown): string | undefined {
  for (let e = error, d = 0; e && d < 5; e = (e as { cause?: unknown }).cause, d++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
