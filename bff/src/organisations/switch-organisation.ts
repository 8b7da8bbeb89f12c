// POST /api/organisations/switch: act for another organisation the person belongs to, or (an
// ACM/IDM login) in another capacity it offered, the citizen one being `organisationId: null`. The
// membership check, the session's new token and the audit event are one transaction; a refusal
// changes nothing and is audited on its own.
import type { MembershipView } from '../../../contract/api-schemas.js';
import type { Db } from '../../../db/open.js';
import type { Session } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { rotateSession } from '../sessions/rotate-session.js';
import { membershipOf } from './login-organisation.js';
import { offeredCapacity, withCapacity } from '../acmidm/capacity-policy.js';

export interface SwitchInput {
  token: string;
  session: Pick<Session, 'userId' | 'actingFor' | 'method' | 'attributes'>;
  /** The organisation to act for; null: for nobody, as a private person (the citizen capacity of an ACM/IDM login). */
  organisationId: string | null;
}

export interface Switched {
  token: string;
  session: Session;
  actingFor: MembershipView | null;
}

type Refusal = 'organisation_not_found' | 'not_a_member' | 'capacity_not_offered';

export async function switchOrganisation(db: Db, input: SwitchInput, origin: RequestOrigin, now: Date): Promise<Switched> {
  const { userId, actingFor: from, method, attributes } = input.session;
  const { organisationId } = input;
  // ACM/IDM vouched for the capacities of this login only: another membership of the person, or the
  // citizen capacity on a login that did not offer it, is refused (acmidm/capacity-policy.ts).
  const capacity = method === 'acmidm' || organisationId === null ? offeredCapacity(attributes, organisationId) : undefined;
  const outcome = await db.transaction(async (tx): Promise<Switched | { refused: Refusal }> => {
    if ((method === 'acmidm' || organisationId === null) && !capacity) return { refused: 'capacity_not_offered' };
    const found = organisationId === null ? undefined : await membershipOf(tx, userId, organisationId);
    if (organisationId !== null && !found) return { refused: 'organisation_not_found' };
    if (found && (!found.userId || !found.role)) return { refused: 'not_a_member' };
    const changes = { actingFor: organisationId, organisationChoicePending: false, ...(capacity ? { attributes: withCapacity(attributes, capacity) } : {}) };
    const rotated = await rotateSession(tx, input.token, changes, now);
    // The session ended meanwhile (logout in another tab, disable): nothing to switch.
    if (!rotated) throw new ApiError('unauthenticated');
    await recordAudit(tx, { type: 'organisation_switched', outcome: 'success', userId, organisationId, method, details: { from, ...(capacity ? { capacity: capacity.code } : {}) } }, origin);
    if (!found) return { ...rotated, actingFor: null };
    const { organisation, role, capacity: membershipCapacity } = found;
    return { ...rotated, actingFor: { id: organisation.id, name: organisation.name, identifiers: organisation.identifiers, role: role!, capacity: membershipCapacity } };
  });
  if ('refused' in outcome) {
    // The organisation id tried is kept in details only: a foreign id is no row of ours to link.
    await recordAudit(db, { type: 'organisation_switched', outcome: 'failure', userId, method, reason: outcome.refused, details: { organisationId } }, origin);
    throw new ApiError(outcome.refused);
  }
  return outcome;
}
