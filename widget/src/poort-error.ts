// The BFF sends people back to the site with `?poort-error=<code>` when a login failed. The
// widget shows a text per code and takes the parameter out of the address bar, so a reload or a
// shared link does not show a stale error.
import { errorParameter, loginRedirectErrors } from '../../contract/redirect-errors.js';

/** Every code the BFF's login redirect sends, and the ones a site's own pages may send. */
export const poortErrorCodes = [...loginRedirectErrors, 'account_blocked', 'session_expired', 'service_unavailable'] as const;
export type PoortErrorCode = (typeof poortErrorCodes)[number];

export const isKnownError = (code: string): code is PoortErrorCode => (poortErrorCodes as readonly string[]).includes(code);

/** What the widget shows and reports for any other `poort-error` value (never the value itself). */
export const unknownErrorCode = 'unknown';

/** Reads `poort-error` from the address and removes it with history.replaceState. */
export function takePoortError(): string | undefined {
  const url = new URL(location.href);
  const code = url.searchParams.get(errorParameter);
  if (code === null) return undefined;
  url.searchParams.delete(errorParameter);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return code.slice(0, 64);
}
