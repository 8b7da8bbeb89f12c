// Every refusal goes out in one of two shapes: `{"error":{code,message}}` for fetch callers, or,
// for a browser navigating to one of Poort's own routes (login start, ACS, anything outside
// /poort/api/), a page in the person's language with the code, request id, time and a way back.
// A person whose browser lands on a refusal must never face raw JSON in English.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { errorPage } from '../pages/error-page.js';
import { matchLocale, type Locale } from '../../../contract/locales.js';
import { pageLocale } from '../pages/page-texts.js';
import { allowedReturnTo } from './return-to.js';
import type { ApiError } from './api-error.js';
import { API_BASE } from '../../../contract/paths.js';

export interface ErrorPageContext {
  /** The language decided before (e.g. stored with a started login); else the request's. */
  locale?: Locale;
  /** An allowed return path; else the request's `returnTo` when the rule allows it, else the site root. */
  back?: string;
}

/** A browser navigating (it asks for HTML, not JSON) to a route outside the JSON API. */
export function answersWithPage(c: Context): boolean {
  if (c.req.path.startsWith(API_BASE)) return false;
  const accept = (c.req.header('accept') ?? '').toLowerCase();
  return accept.includes('text/html') && !accept.includes('application/json');
}

// Every 429 and 503 says when to come back (RFC 9110 §10.2.3), so well-behaved clients wait.
const defaultRetryAfter: Partial<Record<number, number>> = { 429: 60, 503: 30 };

export function errorResponse(c: Context<AppEnv>, error: ApiError, page: ErrorPageContext = {}): Response {
  const retryAfter = error.retryAfterSeconds ?? defaultRetryAfter[error.status];
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  if (!answersWithPage(c)) return c.json(error.toBody(apiLocale(c)), error.status);
  const html = errorPage({
    lang: page.locale ?? requestedLocale(c),
    code: error.code,
    requestId: c.get('requestId'),
    time: new Date(),
    back: page.back ?? requestedReturnTo(c) ?? siteRoot(c),
  });
  return c.html(html, error.status);
}

/** The `lang` the request names (the widget sends its language), else its Accept-Language. */
export function requestedLocale(c: Context): Locale {
  return matchLocale(c.req.query('lang')) ?? pageLocale(c.req.header('accept-language'));
}

/** The language of a JSON error message: as for a page, but English when the request names none Poort speaks. */
export function apiLocale(c: Context): Locale {
  return matchLocale(c.req.query('lang')) ?? pageLocale(c.req.header('accept-language'), 'en');
}

function requestedReturnTo(c: Context<AppEnv>): string | undefined {
  const deps = c.get('deps');
  const value = c.req.query('returnTo');
  return deps && value ? allowedReturnTo(value, { publicUrl: deps.env.publicUrl, prefixes: deps.site.site.returnToPrefixes }) : undefined;
}

/** The first allowed return prefix: the way back when nothing better is known. */
export function siteRoot(c: Context<AppEnv>): string {
  return c.get('deps')?.site.site.returnToPrefixes[0] ?? '/';
}
