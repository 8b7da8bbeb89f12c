// Business e-mail domains (pure). Seed 000: only the address the organisation gave you for your
// work there will do, so an admin may create accounts only in the organisation's own domains.

/** Lower case, trimmed: the one form addresses are stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : normaliseEmail(email.slice(at + 1)).replace(/\.$/, '');
}

/** Exact domain match only: a subdomain is another mail system, so it must be listed itself. */
export function isDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== '' && allowedDomains.some((d) => normaliseEmail(d).replace(/^@/, '') === domain);
}

/** Parses "a.nl, b.nl" into normalised, distinct domain names; throws on anything that is not one. */
export function parseDomainList(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? input.split(',') : [...input]).map((d) => normaliseEmail(d).replace(/^@/, '')).filter(Boolean);
  for (const d of parts) {
    if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d)) throw new Error(`not a domain name: ${d}`);
  }
  return [...new Set(parts)];
}
