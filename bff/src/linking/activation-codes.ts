// Activation codes: issued per organisation by an admin of it or the service desk (audited, the
// code shown once and stored hashed), redeemed once. Redeeming is one conditional UPDATE, so a
// code redeemed twice at once, on any instances, succeeds once.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import type { DbOrTx } from '../../../db/open.js';
import { activationCodes, organisations, type ActivationCode, type Organisation } from '../../../db/schema.js';
import type { AccountContext } from '../accounts/account-context.js';
import { canAdminister, mayGrantRole } from '../accounts/admin-scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { ApiError } from '../http/api-error.js';
import { hashActivationCode, newActivationCode, normaliseActivationCode } from './activation-code-format.js';

const DAY_MS = 24 * 60 * 60_000;

export interface IssuedCode {
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
    await tx.insert(activationCodes).values({ codeHash: hashActivationCode(normaliseActivationCode(code)!), organisationId: organisation.id, role, createdBy: ctx.actor.id, createdAt: now, expiresAt });
    await recordAudit(
      tx,
      { type: 'activation_code_issued', outcome: 'success', organisationId: organisation.id, actorId: ctx.actor.id, details: { role, expiresAt: expiresAt.toISOString(), ...(ctx.via ? { via: ctx.via } : {}) } },
      ctx.origin,
    );
    return { code, organisation, role, expiresAt };
  });
}

/**
 * Uses a code once, inside the caller's transaction (so a refusal later in it, such as an address
 * outside the organisation's domains, gives the code back). Throws code_unknown, code_used or
 * code_expired.
 */
export async function redeemActivationCode(tx: DbOrTx, input: string, usedBy: string | null, now = new Date()): Promise<ActivationCode & { organisation: Organisation }> {
  const normalised = normaliseActivationCode(input);
  if (!normalised) throw new ApiError('code_unknown');
  const codeHash = hashActivationCode(normalised);
  const [used] = await tx
    .update(activationCodes)
    .set({ usedAt: now, usedBy })
    .where(and(eq(activationCodes.codeHash, codeHash), isNull(activationCodes.usedAt), gt(activationCodes.expiresAt, now)))
    .returning();
  if (!used) {
    const [row] = await tx.select().from(activationCodes).where(eq(activationCodes.codeHash, codeHash)).limit(1);
    if (!row) throw new ApiError('code_unknown');
    throw new ApiError(row.usedAt ? 'code_used' : 'code_expired');
  }
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, used.organisationId));
  return { ...used, organisation: organisation! };
}

/** Records who redeemed it, once that account exists (a code for a new account is used before it is made). */
export async function markCodeUsedBy(tx: DbOrTx, codeHash: string, userId: string): Promise<void> {
  await tx.update(activationCodes).set({ usedBy: userId }).where(eq(activationCodes.codeHash, codeHash));
}
