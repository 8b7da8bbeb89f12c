// Activation codes: issued per organisation by an admin of it or the service desk (audited, the
// code shown once and stored hashed), listed and revoked by them, redeemed once. Redeeming and
// revoking are each one conditional UPDATE, so a code redeemed twice at once, or revoked while it
// is redeemed, on any instances, ends one way only.
import { aliasedTable, and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import type { DbOrTx } from '../../../db/open.js';
import { activationCodes, organisations, users, type ActivationCode, type Organisation } from '../../../db/schema.js';
import type { AccountContext } from '../accounts/account-context.js';
import { administeredOrganisations, canAdminister, mayGrantRole } from '../accounts/admin-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { hashActivationCode, newActivationCode, normaliseActivationCode } from './activation-code-format.js';

const DAY_MS = 24 * 60 * 60_000;

export interface IssuedCode {
  id: string;
  code: string;
  organisation: Organisation;
  role: Role;
  expiresAt: Date;
}

export async function issueActivationCode(
  ctx: AccountContext,
  input: { organisationId: string; role?: Role | undefined; validDays?: number | undefined },
  now = new Date(),
): Promise<IssuedCode> {
  const role = input.role ?? 'user';
  if (!mayGrantRole(ctx.actor, role)) throw new ApiError('role_above_own');
  const days = input.validDays ?? ctx.site.linking.activationCodeDays;
  return ctx.db.transaction(async (tx) => {
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    // One the actor does not administer is answered as one that does not exist.
    if (!organisation || !canAdminister(ctx.actor, organisation.id)) throw new ApiError('not_found', 'There is no such organisation.');
    const code = newActivationCode();
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    const [row] = await tx.insert(activationCodes).values({ codeHash: hashActivationCode(normaliseActivationCode(code)!), organisationId: organisation.id, role, createdBy: ctx.actor.id, createdAt: now, expiresAt }).returning({ id: activationCodes.id });
    await recordAudit(
      tx,
      { type: 'activation_code_issued', outcome: 'success', organisationId: organisation.id, actorId: ctx.actor.id, details: { codeId: row!.id, role, expiresAt: expiresAt.toISOString(), ...(ctx.via ? { via: ctx.via } : {}) } },
      ctx.origin,
    );
    return { id: row!.id, code, organisation, role, expiresAt };
  });
}

/**
 * Uses a code once, inside the caller's transaction (so a refusal later in it, such as an address
 * outside the organisation's domains, gives the code back). Throws code_unknown, code_used,
 * code_revoked or code_expired.
 */
export async function redeemActivationCode(tx: DbOrTx, input: string, usedBy: string | null, now = new Date()): Promise<ActivationCode & { organisation: Organisation }> {
  const normalised = normaliseActivationCode(input);
  if (!normalised) throw new ApiError('code_unknown');
  const codeHash = hashActivationCode(normalised);
  const [used] = await tx
    .update(activationCodes)
    .set({ usedAt: now, usedBy })
    .where(and(eq(activationCodes.codeHash, codeHash), isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt), gt(activationCodes.expiresAt, now)))
    .returning();
  if (!used) {
    const [row] = await tx.select().from(activationCodes).where(eq(activationCodes.codeHash, codeHash)).limit(1);
    if (!row) throw new ApiError('code_unknown');
    throw new ApiError(row.usedAt ? 'code_used' : row.revokedAt ? 'code_revoked' : 'code_expired');
  }
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, used.organisationId));
  return { ...used, organisation: organisation! };
}

/** Records who redeemed it, once that account exists (a code for a new account is used before it is made). */
export async function markCodeUsedBy(tx: DbOrTx, codeHash: string, userId: string): Promise<void> {
  await tx.update(activationCodes).set({ usedBy: userId }).where(eq(activationCodes.codeHash, codeHash));
}

export type CodeStatus = 'open' | 'used' | 'expired' | 'revoked';

/** What a code is now: used and revoked are final; an open code past its end has expired. */
export function codeStatus(code: Pick<ActivationCode, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: Date): CodeStatus {
  if (code.usedAt) return 'used';
  if (code.revokedAt) return 'revoked';
  return code.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

export interface CodeListing {
  id: string;
  organisationId: string;
  organisation: string;
  role: Role;
  status: CodeStatus;
  createdAt: Date;
  expiresAt: Date;
  createdBy: string | null;
  usedAt: Date | null;
  usedBy: string | null;
  revokedAt: Date | null;
}

const creator = aliasedTable(users, 'creator');
const redeemer = aliasedTable(users, 'redeemer');

/**
 * The codes of the organisations the actor administers (one of them, when asked), newest first:
 * who issued each, its role, until when, and whether it was used (by whom) or revoked. Never the
 * code or its hash. One query, however many codes.
 */
export async function listActivationCodes(ctx: Pick<AccountContext, 'db' | 'actor'>, query: { organisationId?: string | undefined; limit: number }, now = new Date()): Promise<CodeListing[]> {
  const scope = administeredOrganisations(ctx.actor);
  if (query.organisationId && !canAdminister(ctx.actor, query.organisationId)) throw new ApiError('not_found', 'There is no such organisation.');
  if (scope !== 'all' && scope.length === 0) return [];
  const where = query.organisationId ? eq(activationCodes.organisationId, query.organisationId) : scope === 'all' ? undefined : inArray(activationCodes.organisationId, scope);
  const rows = await ctx.db
    .select({
      code: activationCodes,
      organisation: organisations.name,
      createdBy: creator.email,
      createdByName: creator.displayName,
      usedBy: redeemer.email,
      usedByName: redeemer.displayName,
    })
    .from(activationCodes)
    .innerJoin(organisations, eq(organisations.id, activationCodes.organisationId))
    .leftJoin(creator, eq(creator.id, activationCodes.createdBy))
    .leftJoin(redeemer, eq(redeemer.id, activationCodes.usedBy))
    .where(where)
    .orderBy(desc(activationCodes.createdAt), desc(activationCodes.id))
    .limit(query.limit);
  return rows.map(({ code, organisation, createdBy, createdByName, usedBy, usedByName }) => ({
    id: code.id,
    organisationId: code.organisationId,
    organisation,
    role: code.role,
    status: codeStatus(code, now),
    createdAt: code.createdAt,
    expiresAt: code.expiresAt,
    createdBy: createdByName ?? createdBy,
    usedAt: code.usedAt,
    usedBy: usedByName ?? usedBy,
    revokedAt: code.revokedAt,
  }));
}

/**
 * Revokes an open code of an organisation the actor administers, audited. A code of another
 * organisation answers as one that does not exist; one already used, revoked or expired is a
 * 409 `code_not_open` (and stays as it was).
 */
export async function revokeActivationCode(ctx: AccountContext, id: string, now = new Date()): Promise<void> {
  return ctx.db.transaction(async (tx) => {
    const [code] = await tx.select().from(activationCodes).where(eq(activationCodes.id, id));
    if (!code || !canAdminister(ctx.actor, code.organisationId)) throw new ApiError('not_found', 'There is no such activation code.');
    const [revoked] = await tx
      .update(activationCodes)
      .set({ revokedAt: now, revokedBy: ctx.actor.id })
      .where(and(eq(activationCodes.id, id), isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt), gt(activationCodes.expiresAt, now)))
      .returning({ id: activationCodes.id });
    if (!revoked) throw new ApiError('code_not_open', `This activation code is ${codeStatus(code, now)}.`);
    await recordAudit(
      tx,
      { type: 'activation_code_revoked', outcome: 'success', organisationId: code.organisationId, actorId: ctx.actor.id, details: { codeId: id, role: code.role, ...(ctx.via ? { via: ctx.via } : {}) } },
      ctx.origin,
    );
  });
}
