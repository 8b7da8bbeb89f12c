import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorCodes, type ErrorCode } from './error-codes.js';

export interface ErrorBody {
  error: { code: string; message: string; fields?: string[] };
}

/** An error meant for the client: its code and message are safe to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: string;
  /** Seconds for a Retry-After header (429 and 503). */
  retryAfterSeconds: number | undefined;
  /** The request fields at fault (invalid_request): names only, never their values. */
  fields: string[] | undefined;

  constructor(code: ErrorCode, message?: string);
  constructor(code: string, message: string, status: ContentfulStatusCode);
  constructor(code: string, message?: string, status?: ContentfulStatusCode) {
    const known = (errorCodes as Record<string, { status: number; message: string }>)[code];
    super(message ?? known?.message ?? code);
    this.code = code;
    this.status = (status ?? known?.status ?? 500) as ContentfulStatusCode;
  }

  /** Says when to try again: sent as Retry-After. */
  retryAfter(seconds: number): this {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** Names the request fields at fault. */
  atFields(fields: string[]): this {
    this.fields = fields;
    return this;
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.fields);
  }
}

export function errorBody(code: string, message: string, fields?: string[]): ErrorBody {
  return { error: { code, message, ...(fields?.length && { fields }) } };
}
