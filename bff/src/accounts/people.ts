// The Beheer page's people list: the accounts an admin administers (listAccounts decides which),
// searched and paged, with how each person logs in and when they last did.
import { and, eq, inArray, max } from 'drizzle-orm';
import type { LoginMethod } from '../../../contract/login-methods.js';
import { auditEvents, identities, organisations, users } from '../../../db/schema.js';
import type { AccountContext } from './account-context.js';
import { listAccounts, type AccountListing } from './account-admin.js';
import { administeredOrganisations } from './admin-scope.js';

export interface PersonListing extends AccountListing {
  methods: LoginMethod[];
  /** The last successful login still in the audit log (retention may have removed older ones). */
  lastLoginAt: string | null;
}

/** Lower case without accents, so "Ozturk" finds "Öztürk". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function matchesSearch(listing: Pick<AccountListing, 'email' | 'displayName'>, search: string): boolean {
  const wanted = searchKey(search);
  return !wanted || [listing.email, listing.displayName].some((v) => v !== null && searchKey(v).includes(wanted));
}

export async function listPeople(ctx: Pick<AccountContext, 'db' | 'actor'>, query: { search?: string | undefined; offset: number; limit: number }): Promise<{ people: PersonListing[]; total: number }> {
  const matching = (await listAccounts(ctx)).filter((a) => matchesSearch(a, query.search ?? ''));
  const page = matching.slice(query.offset, query.offset + query.limit);
  const ids = page.map((p) => p.id);
  if (!ids.length) return { people: [], total: matching.length };
  const [eherkenning, passwords, logins] = await Promise.all([
    ctx.db.selectDistinct({ userId: identities.userId, scheme: identities.scheme }).from(identities).where(inArray(identities.userId, ids)),
    ctx.db.select({ id: users.id, hasPassword: users.passwordHash }).from(users).where(inArray(users.id, ids)),
    ctx.db
      .select({ userId: auditEvents.userId, at: max(auditEvents.at) })
      .from(auditEvents)
      .where(and(inArray(auditEvents.userId, ids), eq(auditEvents.type, 'login'), eq(auditEvents.outcome, 'success')))
      .groupBy(auditEvents.userId),
  ]);
  const people = page.map((p) => {
    const methods: LoginMethod[] = eherkenning.filter((i) => i.userId === p.id).map((i) => i.scheme);
    if (p.email && (passwords.find((u) => u.id === p.id)?.hasPassword || p.status === 'invited')) methods.push('email');
    const last = logins.find((l) => l.userId === p.id)?.at;
    return { ...p, methods, lastLoginAt: last ? last.toISOString() : null };
  });
  return { people, total: matching.length };
}

/** The organisations the actor administers, with the e-mail domains an invitation must use. */
export async function administeredOrganisationList(ctx: Pick<AccountContext, 'db' | 'actor'>) {
  const scope = administeredOrganisations(ctx.actor);
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await ctx.db
    .select({ id: organisations.id, name: organisations.name, emailDomains: organisations.emailDomains })
    .from(organisations)
    .where(scope === 'all' ? undefined : inArray(organisations.id, scope))
    .orderBy(organisations.name);
  return rows;
}
