// What admins and the service desk (over HTTP, or the CLI) do with accounts. Same rules and same
// audit for all: each operation is one transaction holding the change, its mail and its audit
// event. Which organisations and accounts an actor may touch is admin-scope.ts's decision.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import type { DbOrTx } from '../../../db/open.js';
import { memberships, organisations, users, type Organisation, type User } from '../../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { hashPassword } from '../passwords/password-hash.js';
import { checkNewPassword } from '../passwords/password-policy.js';
import { deleteUserSessions } from '../sessions/session-store.js';
import { tokenLifetimes } from '../tokens/token-store.js';
import type { AccountContext } from './account-context.js';
import { administeredOrganisations, administersAll, canAdminister, canAdministerAccount, mayGrantRole, type AdminActor } from './admin-scope.js';
import { mailSingleUseLink } from './mail-link.js';
import { emailDomain, isDomainAllowed, normaliseEmail } from './email-domain.js';
import { findUserByEmail, findUserById } from './find-user.js';
import { parseOrganisationDomains } from './organisation-domains.js';
import { EmailField } from './account-schemas.js';
import { identifierDigits, parseIdentifiers, type IdentifierKind } from '../organisations/organisation-identifiers.js';

export interface CreateAccountInput {
  email: string;
  displayName?: string | null | undefined;
  role?: Role | undefined;
  /** Absent: the one organisation whose domains include the address. */
  organisationId?: string | undefined;
  locale?: string | null | undefined;
  /** Service desk only: set the password now and send no invitation. */
  password?: string | undefined;
  /** A temporary account: its password login ends at this moment. */
  localAccountUntil?: Date | null | undefined;
}

export async function createAccount(ctx: AccountContext, input: CreateAccountInput): Promise<{ user: User; organisation: Organisation; invited: boolean }> {
  const email = normaliseEmail(input.email);
  const role = input.role ?? 'user';
  if (!mayGrantRole(ctx.actor, role)) throw new ApiError('role_above_own');
  if (input.password !== undefined) {
    const problem = checkNewPassword(input.password, { email });
    if (problem) throw new ApiError(problem);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return ctx.db.transaction(async (tx) => {
    const organisation = await organisationFor(tx, ctx.actor, email, input.organisationId);
    if (await findUserByEmail(tx, email)) throw new ApiError('email_taken');
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: input.displayName ?? null, role, passwordHash, locale: input.locale ?? null, localAccountUntil: input.localAccountUntil ?? null })
      .returning();
    await tx.insert(memberships).values({ userId: user!.id, organisationId: organisation.id, role });
    await audit(tx, ctx, 'account_created', user!.id, organisation.id, { role: user!.role, ...(user!.localAccountUntil ? { localAccountUntil: user!.localAccountUntil.toISOString() } : {}) });
    if (!passwordHash) await sendInvitation(tx, ctx, user!);
    return { user: user!, organisation, invited: !passwordHash };
  });
}

/** The organisation to create the account in; one the actor does not administer is answered as unknown. */
async function organisationFor(tx: DbOrTx, actor: AdminActor, email: string, organisationId: string | undefined): Promise<Organisation> {
  if (organisationId) {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation || !canAdminister(actor, organisation.id)) throw new ApiError('organisation_unknown');
    if (!isDomainAllowed(email, organisation.emailDomains)) {
      throw new ApiError('email_domain_not_allowed', `${emailDomain(email) || 'This address'} is not one of the e-mail domains of ${organisation.name} (${organisation.emailDomains.join(', ') || 'none configured'}).`);
    }
    return organisation;
  }
  const matching = (await tx.select().from(organisations).where(sql`${emailDomain(email)} = any(${organisations.emailDomains})`)).filter((o) => canAdminister(actor, o.id));
  if (matching.length === 0) throw new ApiError('email_domain_not_allowed', `No organisation allows the e-mail domain ${emailDomain(email) || '(none)'}.`);
  if (matching.length > 1) throw new ApiError('invalid_request', 'Several organisations allow this e-mail domain: name the organisation.');
  return matching[0]!;
}

async function sendInvitation(tx: DbOrTx, ctx: AccountContext, user: User): Promise<void> {
  await mailSingleUseLink(tx, ctx.site, ctx.env.publicUrl, {
    to: user.email!,
    userId: user.id,
    locale: user.locale,
    purpose: 'invitation',
    ttlMs: tokenLifetimes.invitation,
    mailKind: 'invitation',
    linkKind: 'invitation',
  });
  await audit(tx, ctx, 'invitation_sent', user.id);
}

/** Sends a new invitation (the earlier link stops working). */
export async function inviteAccount(ctx: AccountContext, who: UserRef): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await activeUser(tx, ctx.actor, who);
    await sendInvitation(tx, ctx, user);
    return user;
  });
}

/** Unblocks and mails a link to choose a new password (seed 000: "Account geblokkeerd?"). */
export async function unlockAccount(ctx: AccountContext, who: UserRef): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await activeUser(tx, ctx.actor, who);
    const [updated] = await tx.update(users).set({ lockedAt: null, failedAttempts: 0, updatedAt: new Date() }).where(eq(users.id, user.id)).returning();
    await mailSingleUseLink(tx, ctx.site, ctx.env.publicUrl, {
      to: user.email!,
      userId: user.id,
      locale: user.locale,
      purpose: 'password_reset',
      ttlMs: tokenLifetimes.unblock,
      mailKind: 'unblock',
      linkKind: 'reset',
    });
    await audit(tx, ctx, 'account_unblocked', user.id, null, { wasBlocked: user.lockedAt !== null });
    return updated!;
  });
}

/** Disables the account and ends its sessions at once; its links stop working. */
export async function disableAccount(ctx: AccountContext, who: UserRef): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const user = await activeUser(tx, ctx.actor, who);
    const [updated] = await tx.update(users).set({ disabledAt: new Date(), updatedAt: new Date() }).where(and(eq(users.id, user.id), isNull(users.disabledAt))).returning();
    const ended = await deleteUserSessions(tx, user.id);
    await audit(tx, ctx, 'account_disabled', user.id, null, { sessionsEnded: ended });
    return updated!;
  });
}

/** Organisations and their domains decide whom admins may create accounts for: the service desk's. */
export function requireOrganisationCreator(actor: Pick<AdminActor, 'role'>): void {
  if (!administersAll(actor)) throw new ApiError('forbidden', 'Only the service desk creates organisations.');
}

export async function createOrganisation(
  ctx: AccountContext,
  input: { name: string; emailDomains: string | readonly string[]; contactEmail?: string | undefined; identifiers?: Partial<Record<IdentifierKind, string | undefined>> | undefined },
): Promise<Organisation> {
  requireOrganisationCreator(ctx.actor);
  const domains = parseOrganisationDomains(input.emailDomains);
  if (!input.name.trim()) throw new ApiError('invalid_request', 'The organisation needs a name.');
  // The authorised contact (DUO: gemachtigde) gets the reset links of the linking step, where the site says so.
  const contactEmail = input.contactEmail === undefined ? null : normaliseEmail(input.contactEmail);
  if (contactEmail !== null && !EmailField.safeParse(contactEmail).success) throw new ApiError('invalid_request', 'The contact address is not an e-mail address.');
  // The numbers eHerkenning answers name the organisation by (organisations/acting-organisation.ts).
  const parsed = parseIdentifiers(input.identifiers ?? {});
  if ('invalid' in parsed) {
    throw new ApiError('invalid_request', parsed.invalid === 'kvk' && input.identifiers?.kvk === undefined ? 'A Vestigingsnummer needs the KvK number too.' : `The ${parsed.invalid} number must have ${identifierDigits[parsed.invalid]} digits.`);
  }
  return ctx.db.transaction(async (tx) => {
    const [organisation] = await tx.insert(organisations).values({ name: input.name.trim(), emailDomains: domains, contactEmail, identifiers: parsed.identifiers }).returning();
    await audit(tx, ctx, 'organisation_created', null, organisation!.id, { emailDomains: domains, identifiers: parsed.identifiers, ...(contactEmail ? { contactEmail: true } : {}) });
    return organisation!;
  });
}

/**
 * What the Beheer page and the admin API say of an account, most pressing first: disabled,
 * blocked, invited (no password chosen yet), temporary (an end date is set: its password login
 * ends then, or has ended), else active.
 */
export const accountStatuses = ['active', 'invited', 'blocked', 'disabled', 'temporary'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export interface AccountListing {
  id: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  organisations: string[];
  status: AccountStatus;
  failedAttempts: number;
  /** When a temporary account's password login ends (ISO 8601); null: no end date. */
  localAccountUntil: string | null;
}

/** The accounts the actor administers (admin-scope.ts), with their organisations' names. */
export async function listAccounts(ctx: Pick<AccountContext, 'db' | 'actor'>): Promise<AccountListing[]> {
  const scope = administeredOrganisations(ctx.actor);
  if (scope !== 'all' && scope.length === 0) return [];
  // Narrows to accounts with a membership in scope; canAdministerAccount decides on each.
  const inScope = scope === 'all' ? undefined : inArray(users.id, ctx.db.select({ id: memberships.userId }).from(memberships).where(inArray(memberships.organisationId, scope)));
  const rows = await ctx.db
    .select({ user: users, organisationId: organisations.id, organisation: organisations.name })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inScope)
    .orderBy(asc(users.email), asc(organisations.name));
  const byId = new Map<string, { listing: AccountListing; organisationIds: string[] }>();
  for (const { user, organisationId, organisation } of rows) {
    const entry = byId.get(user.id) ?? {
      listing: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        organisations: [],
        status: accountStatus(user),
        failedAttempts: user.failedAttempts,
        localAccountUntil: user.localAccountUntil?.toISOString() ?? null,
      },
      organisationIds: [],
    };
    if (organisationId) {
      entry.organisationIds.push(organisationId);
      entry.listing.organisations.push(organisation!);
    }
    byId.set(user.id, entry);
  }
  return [...byId.values()].filter((e) => canAdministerAccount(ctx.actor, { role: e.listing.role, organisationIds: e.organisationIds })).map((e) => e.listing);
}

export function accountStatus(user: Pick<User, 'disabledAt' | 'lockedAt' | 'passwordHash' | 'localAccountUntil'>): AccountStatus {
  if (user.disabledAt) return 'disabled';
  if (user.lockedAt) return 'blocked';
  if (!user.passwordHash) return 'invited';
  return user.localAccountUntil ? 'temporary' : 'active';
}

export type UserRef = { id: string } | { email: string };

const noSuchAccount = 'There is no account with this e-mail address.';

/**
 * The account to act on. One the actor does not administer gets the very answer an unknown one
 * gets (404 not_found), before anything else is said about it: an admin learns nothing about other
 * organisations' accounts, not even whether they exist or are disabled.
 */
export async function activeUser(tx: DbOrTx, actor: AdminActor, who: UserRef): Promise<User> {
  const user = 'id' in who ? await findUserById(tx, who.id) : await findUserByEmail(tx, who.email);
  if (!user?.email) throw new ApiError('not_found', noSuchAccount);
  const organisationIds = (await tx.select({ id: memberships.organisationId }).from(memberships).where(eq(memberships.userId, user.id))).map((m) => m.id);
  if (!canAdministerAccount(actor, { role: user.role, organisationIds })) throw new ApiError('not_found', noSuchAccount);
  if (user.disabledAt) throw new ApiError('invalid_request', 'This account is disabled.');
  return user;
}

function audit(tx: DbOrTx, ctx: AccountContext, type: string, userId: string | null, organisationId: string | null = null, details: Record<string, unknown> = {}) {
  return recordAudit(tx, { type, outcome: 'success', userId, organisationId, actorId: ctx.actor.id, details: { ...details, ...(ctx.via ? { via: ctx.via } : {}) } }, ctx.origin);
}
