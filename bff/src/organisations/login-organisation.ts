// The organisation a new session acts for, decided inside the login's transaction: the person's
// memberships, and for eHerkenning the company the answer names. Where the site consents
// (`eherkenning.membershipFromAnswer: "create"`), a membership of a known organisation the answer
// names is made, with its audit event in the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { together } from '../../../db/together.js';
import { memberships, organisations } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestOrigin } from '../http/request-client.js';
import type { SiteConfig } from '../site-config/schema.js';
import { actingAtLogin, organisationNamedBy, type ActingStart, type OrganisationInAnswer } from './acting-organisation.js';

export interface LoginOrganisation extends ActingStart {
  /** What became of the organisation the answer named, for the login's audit event. */
  answer?: 'member' | 'joined' | 'not_member' | 'unknown';
}

export async function organisationAtLogin(
  tx: DbOrTx,
  site: Pick<SiteConfig, 'eherkenning'>,
  userId: string,
  answer?: OrganisationInAnswer,
  origin?: RequestOrigin,
): Promise<LoginOrganisation> {
  const myMemberships = tx.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, userId));
  if (!answer) return actingAtLogin((await myMemberships).map((m) => m.id));
  // Independent reads, sent together (db/together.ts).
  const [rows, candidates] = await together(
    myMemberships.execute(),
    tx
      .select({ id: organisations.id, identifiers: organisations.identifiers })
      .from(organisations)
      .where(sql`${organisations.identifiers} ->> ${answer.kind} = ${answer.value}`)
      .execute(),
  );
  const mine = rows.map((m) => m.id);
  const named = organisationNamedBy(answer, candidates);
  if (!named) return { ...actingAtLogin(mine), answer: 'unknown' };
  if (mine.includes(named)) return { ...actingAtLogin(mine, named), answer: 'member' };
  if (site.eherkenning.membershipFromAnswer !== 'create') return { ...actingAtLogin(mine), answer: 'not_member' };
  await tx.insert(memberships).values({ userId, organisationId: named, role: 'user' }).onConflictDoNothing();
  await recordAudit(tx, { type: 'membership_created', outcome: 'success', userId, organisationId: named, method: 'eherkenning', details: { source: 'eherkenning_answer', [answer.kind]: answer.value } }, origin);
  return { ...actingAtLogin([...mine, named], named), answer: 'joined' };
}

/** Whether a person belongs to an organisation (and that it exists), for the switch. */
export async function membershipOf(tx: DbOrTx, userId: string, organisationId: string) {
  const [row] = await tx
    .select({ organisation: organisations, role: memberships.role, capacity: memberships.capacity, userId: memberships.userId })
    .from(organisations)
    .leftJoin(memberships, and(eq(memberships.organisationId, organisations.id), eq(memberships.userId, userId)))
    .where(eq(organisations.id, organisationId));
  return row;
}
