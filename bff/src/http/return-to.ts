// Where a login may send the browser back to (matrix W10). The rule is decided on the final value,
// the one the ACS puts in `Location`: the candidate is resolved the way a browser resolves a
// Location header (WHATWG URL, against POORT_PUBLIC_URL), and what comes out must be on the public
// origin, under one of the site's allowed prefixes, and read back as itself. Checking the raw
// value and then returning a normalised one is how `/.//evil.example` became `//evil.example`.
import { errorParameter, type LoginRedirectError } from '../../../contract/redirect-errors.js';

export interface ReturnToRule {
  /** POORT_PUBLIC_URL: the origin the browser is on when it follows the Location. */
  publicUrl: string;
  /** site.returnToPrefixes: same-site path prefixes a login may return to. */
  prefixes: readonly string[];
}

const MAX_LENGTH = 512;
// A site may decode its path again (proxies, frameworks); within this many decodings a path must
// still look harmless, so `%252F%252F` cannot turn into `//` further along.
const DECODE_LAYERS = 3;

/**
 * The path (with query and fragment) to return to, exactly as it is to be sent in `Location`, or
 * undefined when it is not allowed. Idempotent: an allowed result gives itself back.
 */
export function allowedReturnTo(value: string | undefined, rule: ReturnToRule): string | undefined {
  if (!value || value.length > MAX_LENGTH) return undefined;
  // Only a path: never a scheme, a host or a scheme-relative `//host`.
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  // The URL parser silently drops tabs and newlines and reads `\` as `/`: a value with them is
  // not the value the browser would act on.
  if (hasControlOrBackslash(value)) return undefined;
  const origin = new URL(rule.publicUrl).origin;
  const candidate = resolveOnOrigin(value, origin);
  // Stryker disable next-line ConditionalExpression: a path that passed the checks above always resolves on the origin (resolveOnOrigin is tested on its own); the second line.
  if (!candidate) return undefined;
  const final = `${candidate.pathname}${candidate.search}${candidate.hash}`;
  // Percent-encoding makes the final value longer than what came in.
  if (final.length > MAX_LENGTH) return undefined;
  // The final value must resolve to the very same URL: this is what refuses `/.//evil.example`,
  // whose final `//evil.example` names another host, and `/.//portaal.example.nl/x`, which would
  // read back as another path.
  const again = resolveOnOrigin(final, origin);
  if (!again || again.href !== candidate.href) return undefined;
  if (!pathLooksHarmless(candidate.pathname)) return undefined;
  if (!rule.prefixes.some((prefix) => underPrefix(candidate.pathname, prefix))) return undefined;
  return final;
}

/** Adds `poort-error=<code>` to an allowed return path (replacing an earlier one). */
export function withPoortError(returnTo: string, code: LoginRedirectError, publicUrl: string): string {
  const url = new URL(returnTo, new URL(publicUrl).origin);
  url.searchParams.set(errorParameter, code);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * `value` resolved as a browser resolves a Location header, or undefined when that lands off
 * `origin` or carries credentials. A path that passed the checks above always stays on the origin;
 * this is the second line, exported so that it is tested on its own.
 */
export function resolveOnOrigin(value: string, origin: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return undefined;
  }
  return url.origin === origin && url.username === '' && url.password === '' ? url : undefined;
}

export function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** No decoding of the path (up to DECODE_LAYERS deep) yields `//` at its start, dot segments, `\` or control characters. */
function pathLooksHarmless(path: string): boolean {
  let layer = path;
  for (let i = 0; i < DECODE_LAYERS; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return false;
    }
    if (decoded === layer) return true;
    // A path starts with `/`, so every dot segment follows one.
    if (decoded.startsWith('//') || hasControlOrBackslash(decoded) || /\/\.{1,2}(\/|$)/.test(decoded)) return false;
    layer = decoded;
  }
  // Still changing after that many decodings: nobody needs that.
  return false;
}

function hasControlOrBackslash(value: string): boolean {
  // C0 controls, DEL and the C1 controls; `\` is a slash to browsers in http(s) URLs.
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return true;
  }
  return false;
}
