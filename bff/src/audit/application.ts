// Which application of the site an event belongs to: the longest of the site's return-path
// prefixes (`site.returnToPrefixes`) that the login's return path falls under. A site that
// serves several applications lists one prefix per application ("/vergunningen/", "/subsidies/"),
// so audit reports can be filtered per application without a registry of its own.
import { underPrefix } from '../http/return-to.js';

export function applicationOf(returnTo: string | null | undefined, prefixes: readonly string[]): string | null {
  if (!returnTo) return null;
  const path = returnTo.replace(/[?#].*$/s, '');
  return prefixes.filter((p) => underPrefix(path, p)).sort((a, b) => b.length - a.length)[0] ?? null;
}
