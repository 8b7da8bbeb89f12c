import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Locale } from '../../../contract/locales.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../contract/passwords.js';
import { translate, type TextValues } from '../texts/translator.js';
import { errorCodes, type ErrorCode } from './error-codes.js';

export interface ErrorBody {
  error: { code: string; message: string; fields?: string[]; problems?: unknown[] };
}

/** The API's message for a code: the text `apiError.<code>` in the locale. */
export function apiMessage(code: string, locale: Locale, values: TextValues = {}): string {
  return translate(locale, `apiError.${code}`, { min: PASSWORD_MIN, max: PASSWORD_MAX, ...values });
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
  /** A message given by the code that threw (English, for developers); else the code's text. */
  private readonly given: string | undefined;
  /** Values for the code's text, and what the body lists besides the message (`text_invalid`). */
  values: TextValues | ((locale: Locale) => TextValues) = {};
  problems: unknown[] | undefined;

  constructor(code: ErrorCode, message?: string);
  constructor(code: string, message: string, status: ContentfulStatusCode);
  constructor(code: string, message?: string, status?: ContentfulStatusCode) {
    const known = (errorCodes as Record<string, { status: number }>)[code];
    super(message ?? (known ? apiMessage(code, 'en') : code));
    this.given = message;
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

  /** The body, with the code's text in the request's language (English unless it asks for another). */
  toBody(locale: Locale = 'en'): ErrorBody {
    const body = errorBody(this.code, this.given ?? apiMessage(this.code, locale, typeof this.values === 'function' ? this.values(locale) : this.values));
    if (this.fields?.length) body.error.fields = this.fields;
    if (this.problems) body.error.problems = this.problems;
    return body;
  }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
