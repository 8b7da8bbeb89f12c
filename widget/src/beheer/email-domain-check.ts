// Whether an address is in one of an organisation's e-mail domains, as the BFF decides it
// (bff/src/accounts/email-domain.ts: the exact domain in IDNA ASCII form, a subdomain only when
// listed itself), so the invite form says so before anything is sent. The BFF checks again.
export function addressDomain(email: string): string {
  const at = email.trim().lastIndexOf('@');
  if (at < 0) return '';
  const domain = email.trim().slice(at + 1).trim();
  if (!domain) return '';
  try {
    // The browser's URL parser applies the same IDNA mapping (UTS #46) as Node's domainToASCII;
    // the trailing dot goes after it, since the mapping turns 。 into a dot.
    return new URL(`http://${domain}/`).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
}

export function inAllowedDomain(email: string, domains: readonly string[]): boolean {
  const domain = addressDomain(email);
  return domain !== '' && domains.includes(domain);
}
