// The capacities an ACM/IDM session was offered, as GET /api/capacities shows them: each with its
// organisation's name and numbers (read now, so a renamed organisation shows its new name).
import { inArray } from 'drizzle-orm';
import type { CapacitiesView, CapacityView } from '../../../contract/api-schemas.js';
import type { DbOrTx } from '../../../db/open.js';
import { organisations, type Session } from '../../../db/schema.js';
import { CAPACITY_ATTRIBUTE, decodeCapacities } from './capacity-policy.js';

export async function capacitiesOf(db: DbOrTx, session: Pick<Session, 'attributes' | 'actingFor' | 'organisationChoicePending'>): Promise<CapacitiesView> {
  const offered = decodeCapacities(session.attributes);
  const ids = offered.flatMap((c) => (c.organisationId ? [c.organisationId] : []));
  const rows = ids.length ? await db.select({ id: organisations.id, name: organisations.name, identifiers: organisations.identifiers }).from(organisations).where(inArray(organisations.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  // An organisation deleted since the login is no capacity any more.
  const capacities: CapacityView[] = offered.flatMap((c): CapacityView[] => {
    if (c.organisationId === null) return [{ code: c.code, organisation: null }];
    const organisation = byId.get(c.organisationId);
    return organisation ? [{ code: c.code, organisation }] : [];
  });
  const chosen = capacities.length ? offered.find((c) => c.code === session.attributes[CAPACITY_ATTRIBUTE] && c.organisationId === session.actingFor) : undefined;
  return { capacity: chosen?.code ?? null, actingFor: chosen?.organisationId ?? null, choiceNeeded: capacities.length > 1 && session.organisationChoicePending, capacities };
}
