// Where a login may send the browser back to: a same-site path under one of the site's allowed
// prefixes, never a URL. Everything that a browser could read as another host is refused:
// `//evil`, `/\evil`, `/%2F/evil`, control characters, backslashes and schemes.

/** The path to return to, or undefined when it is not allowed. */
export function allowedReturnTo(value: string | undefined, prefixes: readonly string[]): string | undefined {
  if (!value || value.length > 512) return undefined;
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  // Backslashes, control characters and whitespace are read as slashes or dropped by browsers.
  if (hasUnsafeCharacter(value) || /\s/.test(value)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  if (decoded.startsWith('//') || hasUnsafeCharacter(decoded)) return undefined;
  const url = new URL(value, 'https://poort.invalid');
  if (url.origin !== 'https://poort.invalid') return undefined;
  const path = url.pathname;
  if (!prefixes.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Adds `poort-error=<code>` to a return path (replacing an earlier one). */
export function withPoortError(returnTo: string, code: string): string {
  const url = new URL(returnTo, 'https://poort.invalid');
  url.searchParams.set('poort-error', code);
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasUnsafeCharacter(value: string): boolean {
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
