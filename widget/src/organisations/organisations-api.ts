// The BFF calls of <poort-organisation-chooser>: the person's memberships, and the switch.
import type { OrganisationsView, SessionView } from '../../../contract/api-schemas.js';
import { callBff, type ApiResult } from '../email-form/email-api.js';

/** The memberships, or undefined when nobody is logged in (or the BFF cannot say). */
export async function fetchOrganisations(bff: string): Promise<OrganisationsView | undefined> {
  try {
    const res = await fetch(`${bff}/api/organisations`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return undefined;
    const body = (await res.json()) as Partial<OrganisationsView> | null;
    return body && Array.isArray(body.organisations) ? (body as OrganisationsView) : undefined;
  } catch {
    return undefined;
  }
}

/** Act for another organisation; null: for nobody, as a private person (the citizen capacity of an ACM/IDM login). */
export function switchOrganisation(bff: string, organisationId: string | null): Promise<ApiResult<SessionView>> {
  return callBff<SessionView>(bff, '/api/organisations/switch', { organisationId });
}
