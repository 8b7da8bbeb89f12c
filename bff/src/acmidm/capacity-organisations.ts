// The capacities of an ACM/IDM answer against Poort's organisations, inside the login's
// transaction: a capacity for an organisation Poort knows (its KBO number, OVO code or institution
// number in its identifiers) becomes a membership with that capacity (made where the site consents,
// `acmidm.membershipFromAnswer: create`, with its audit event); one for an organisation Poort does
// not know, or (`find`) one the person does not belong to, is not offered: a foreign organisation.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { memberships, organisations } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import type { AnsweredCapacity } from './acmidm-attributes.js';
import type { SessionCapacity } from './capacity-policy.js';

export interface CapacitiesAtLogin {
  accepted: SessionCapacity[];
  /** Capacities not offered: their organisation is unknown here, or not the person's under `find`. */
  refused: number;
}

export async function capacitiesForPerson(
  tx: DbOrTx,
  userId: string,
  answered: readonly AnsweredCapacity[],
  policy: 'find' | 'create',
  origin: RequestOrigin,
): Promise<CapacitiesAtLogin> {
  const accepted: SessionCapacity[] = [];
  let refused = 0;
  for (const capacity of answered) {
    if (!capacity.organisation) {
      accepted.push({ code: capacity.code, organisationId: null });
      continue;
    }
    const { kind, value } = capacity.organisation;
    const found = await tx.select({ id: organisations.id }).from(organisations).where(sql`${organisations.identifiers} ->> ${kind} = ${value}`);
    // Several organisations with one number: none of them is certainly the one meant.
    if (found.length !== 1) {
      refused++;
      continue;
    }
    const organisationId = found[0]!.id;
    const updated = await tx
      .update(memberships)
      .set({ capacity: capacity.code })
      .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
      .returning({ id: memberships.organisationId });
    if (updated.length === 0) {
      if (policy !== 'create') {
        refused++;
        continue;
      }
      await tx.insert(memberships).values({ userId, organisationId, role: 'user', capacity: capacity.code }).onConflictDoNothing();
      await recordAudit(tx, { type: 'membership_created', outcome: 'success', userId, organisationId, method: 'acmidm', details: { source: 'acmidm_answer', capacity: capacity.code, [kind]: value } }, origin);
    }
    if (!accepted.some((a) => a.organisationId === organisationId)) accepted.push({ code: capacity.code, organisationId });
  }
  return { accepted, refused };
}
