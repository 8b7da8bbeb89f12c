// The e-mail domains an organisation may be given (pure): real domain names, normalised first
// (email-domain.ts), and none anyone can get an address at (public-mail-domains.txt).
import { ApiError } from '../http/api-error.js';
import { parseDomainList } from './email-domain.js';
import { isPublicMailDomain } from './public-mail-domains.js';

/** The normalised, distinct domains; ApiError `invalid_request` or `public_mail_domain` otherwise. */
export function parseOrganisationDomains(input: string | readonly string[]): string[] {
  let domains: string[];
  try {
    domains = parseDomainList(input);
  } catch (error) {
    throw new ApiError('invalid_request', (error as Error).message);
  }
  if (domains.length === 0) throw new ApiError('invalid_request', 'The organisation needs at least one e-mail domain.');
  const publicDomains = domains.filter(isPublicMailDomain);
  if (publicDomains.length) {
    throw new ApiError('public_mail_domain', `${publicDomains.join(', ')}: anyone can get an address there, so it cannot be an organisation's domain.`);
  }
  return domains;
}
