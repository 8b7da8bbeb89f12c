import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorCodes, type ErrorCode } from './error-codes.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

/** An error meant for the client: its code and message are safe to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(code: ErrorCode, message?: string);
  constructor(code: string, message: string, status: ContentfulStatusCode);
  constructor(code: string, message?: string, status?: ContentfulStatusCode) {
    const known = (errorCodes as Record<string, { status: number; message: string }>)[code];
    super(message ?? known?.message ?? code);
    this.code = code;
    this.status = (status ?? known?.status ?? 500) as ContentfulStatusCode;
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message);
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
