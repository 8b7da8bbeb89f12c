// The bundled list of public mail domains (public-mail-domains.txt) and the check against it.
// Pure once loaded: callers pass a domain already normalised by `normaliseDomain`.
import { readFileSync } from 'node:fs';

/** The list as written: domains, and `name.*` for a name under any suffix. */
export const publicMailDomainEntries: readonly string[] = readFileSync(new URL('./public-mail-domains.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim().toLowerCase())
  .filter((line) => line && !line.startsWith('#'));

const exact = new Set(publicMailDomainEntries.filter((e) => !e.endsWith('.*')));
/** `gmx.*` → `gmx`: the name that is public under any country or generic suffix. */
const anySuffix = new Set(publicMailDomainEntries.filter((e) => e.endsWith('.*')).map((e) => e.slice(0, -2)));

/**
 * A suffix such as `de`, `com` or `co.uk`: one label, or two where the first is short (`co`,
 * `com`, `org`, `ac`). Without the Public Suffix List this is the approximation that keeps
 * `gmx.co.uk` in and `gmx.gemeente.nl` out.
 */
function looksLikePublicSuffix(labels: readonly string[]): boolean {
  return labels.length === 1 || (labels.length === 2 && labels[0]!.length <= 3);
}

/** True when the (normalised) domain is a public mail domain or a subdomain of one. */
export function isPublicMailDomain(domain: string): boolean {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length; i++) {
    if (exact.has(labels.slice(i).join('.'))) return true;
    if (anySuffix.has(labels[i]!) && looksLikePublicSuffix(labels.slice(i + 1))) return true;
  }
  return false;
}
