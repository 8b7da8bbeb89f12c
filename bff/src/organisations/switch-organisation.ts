// POST /api/organisations/switch: act for another organisation the person belongs to. The
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

export interface SwitchInput {
  token: string;
  session: Pick<Session, 'userId' | 'actingFor' | 'method'>;
  organisationId: string;
}

export interface Switched {
  token: string;
  session: Session;
  actingFor: MembershipView;
}

export async function switchOrganisation(db: Db, input: SwitchInput, origin: RequestOrigin, now: Date): Promise<Switched> {
  const { userId, actingFor: from, method } = input.session;
  const outcome = await db.transaction(async (tx): Promise<Switched | { refused: 'organisation_not_found' | 'not_a_member' }> => {
    const found = await membershipOf(tx, userId, input.organisationId);
    if (!found) return { refused: 'organisation_not_found' };
    if (!found.userId || !found.role) return { refused: 'not_a_member' };
    const rotated = await rotateSession(tx, input.token, { actingFor: input.organisationId, organisationChoicePending: false }, now);
    // The session ended meanwhile (logout in another tab, disable): nothing to switch.
    if (!rotated) throw new ApiError('unauthenticated');
    await recordAudit(tx, { type: 'organisation_switched', outcome: 'success', userId, organisationId: input.organisationId, method, details: { from } }, origin);
    const { organisation, role, capacity } = found;
    return { ...rotated, actingFor: { id: organisation.id, name: organisation.name, identifiers: organisation.identifiers, role, capacity } };
  });
  if ('refused' in outcome) {
    // The organisation id tried is kept in details only: a foreign id is no row of ours to link.
    await recordAudit(db, { type: 'organisation_switched', outcome: 'failure', userId, method, reason: outcome.refused, details: { organisationId: input.organisationId } }, origin);
    throw new ApiError(outcome.refused);
  }
  return outcome;
}
