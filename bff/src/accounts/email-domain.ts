// Business e-mail domains (pure). Seed 000: only the address the organisation gave you for your
// work there will do, so an admin may create accounts only in the organisation's own domains.
import { domainToASCII } from 'node:url';

/** Lower case, trimmed: the one form addresses are stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : normaliseDomain(email.slice(at + 1));
}

/** Exact domain match only: a subdomain is another mail system, so it must be listed itself. */
export function isDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== '' && allowedDomains.some((d) => normaliseDomain(d) === domain);
}

/**
 * The one form a domain name is stored and compared in: trimmed, without a leading `@` or the
 * trailing dot of a fully qualified name, and in IDNA ASCII form (UTS #46: lower case, full-width
 * letters and dots mapped, invisible characters such as soft hyphens dropped, Unicode labels in
 * punycode). So `ＧＭＡＩＬ。com.` and `gmail.com` are one domain. '' when it cannot be a domain.
 */
export function normaliseDomain(input: string): string {
  return domainToASCII(input.trim().replace(/^@/, '')).replace(/\.$/, '');
}

const domainName = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** True for a normalised domain name of at least two labels with a letter (or punycode) top level. */
export function isDomainName(domain: string): boolean {
  return domainName.test(domain);
}

/** Parses "a.nl, b.nl" into normalised, distinct domain names; throws on anything that is not one. */
export function parseDomainList(input: string | readonly string[]): string[] {
  const raw = (typeof input === 'string' ? input.split(',') : [...input]).filter((d) => d.trim());
  const parts = raw.map((d) => {
    const domain = normaliseDomain(d);
    if (!isDomainName(domain)) throw new Error(`not a domain name: ${d.trim()}`);
    return domain;
  });
  return [...new Set(parts)];
}
