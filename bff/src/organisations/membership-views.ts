// The memberships a person has, as the API shows them (GET /api/organisations, the session's
// `actingFor`): organisation name and numbers, role and capacity.
import { and, asc, eq } from 'drizzle-orm';
import type { MembershipView } from '../../../contract/api-schemas.js';
import type { DbOrTx } from '../../../db/open.js';
import { memberships, organisations } from '../../../db/schema.js';

const columns = {
  id: organisations.id,
  name: organisations.name,
  identifiers: organisations.identifiers,
  role: memberships.role,
  capacity: memberships.capacity,
};

export async function listMemberships(db: DbOrTx, userId: string): Promise<MembershipView[]> {
  return db
    .select(columns)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/**
 * The organisation a session acts for, read only when it acts for one. Null too when the membership
 * has gone since (the session then acts for nobody until the person chooses again).
 */
export async function actingMembership(db: DbOrTx, session: { userId: string; actingFor: string | null }): Promise<MembershipView | null> {
  if (!session.actingFor) return null;
  const [row] = await db
    .select(columns)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, session.userId), eq(memberships.organisationId, session.actingFor)));
  return row ?? null;
}
