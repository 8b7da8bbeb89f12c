// The BFF calls of the Beheer page. Every failure becomes an error code the page has a text for
// (the BFF's own code, `network`, or `unknown`), as in the e-mail form.
import type { AuditEventView, AuditPage } from '../../../contract/audit-schemas.js';
import type { Role } from '../../../contract/roles.js';
import { callBff, type ApiResult } from '../email-form/email-api.js';

export type { ApiResult };
export { callBff };

export interface Person {
  id: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  organisations: string[];
  /** `temporary`: an end date is set (`localAccountUntil`); its password login ends or ended then. */
  status: 'active' | 'invited' | 'blocked' | 'disabled' | 'temporary';
  failedAttempts: number;
  methods: string[];
  lastLoginAt: string | null;
  localAccountUntil: string | null;
}

/** An activation code as the list shows it: never the code itself, which is shown once when issued. */
export interface CodeListing {
  id: string;
  organisationId: string;
  organisation: string;
  role: Role;
  status: 'open' | 'used' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
  usedAt: string | null;
  usedBy: string | null;
  revokedAt: string | null;
}

export interface IssuedCode {
  id: string;
  code: string;
  organisationId: string;
  role: Role;
  expiresAt: string;
}

export interface AdminScope {
  role: Role;
  organisations: { id: string; name: string; emailDomains: string[] }[];
  /** Days a new activation code is valid unless the admin says otherwise. */
  activationCodeDays: number;
}

/**
 * Made-up data the page shows instead of asking the BFF: the text editor's preview of the Beheer
 * page's texts (an editor may not read the real people, codes or audit log).
 */
export interface BeheerSample {
  scope: AdminScope;
  people: Person[];
  codes: CodeListing[];
  events: AuditEventView[];
}

export async function getJson<T>(bff: string, path: string, query: Record<string, string> = {}): Promise<ApiResult<T>> {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  let response: Response;
  try {
    response = await fetch(`${bff}${path}${search ? `?${search}` : ''}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, code: 'network' };
  }
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return { ok: true, value: json as T };
  const code = (json as { error?: { code?: unknown } } | undefined)?.error?.code;
  return { ok: false, code: typeof code === 'string' ? code : 'unknown' };
}

export const fetchScope = (bff: string) => getJson<AdminScope>(bff, '/api/admin/scope');
export const fetchPeople = (bff: string, query: { search: string; offset: number; limit: number }) =>
  getJson<{ people: Person[]; total: number }>(bff, '/api/admin/people', { search: query.search, offset: String(query.offset), limit: String(query.limit) });
export const fetchCodes = (bff: string) => getJson<{ codes: CodeListing[] }>(bff, '/api/admin/activation-codes');
export const fetchAudit = (bff: string, query: Record<string, string>) => getJson<AuditPage>(bff, '/api/admin/audit', query);

/** The CSV download address for the same filters (a plain link: the browser saves the file). */
export function auditCsvUrl(bff: string, query: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries({ ...query, format: 'csv' }).filter(([k, v]) => v !== '' && k !== 'cursor' && k !== 'limit'));
  return `${bff}/api/admin/audit?${search.toString()}`;
}
