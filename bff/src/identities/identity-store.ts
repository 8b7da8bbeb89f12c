// People found by an external identity (scheme, issuer, subject: docs/decisions/identity-key.md),
// and made for one seen for the first time. Shared by every upstream (eHerkenning, ACM/IDM), inside
// the login's transaction.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open.js';
import { identities, users, type Identity, type User } from '../../../db/schema.js';

/** Who a person is at an upstream: the scheme (eherkenning, eidas, acmidm), the issuer, the subject. */
export type IdentityKey = Pick<Identity, 'scheme' | 'issuer' | 'subject'>;

/** What an identity row records about its last login besides the key. */
export interface IdentitySeen {
  legalSubject: string | null;
  broker: string | null;
  level: string;
}

export async function personByIdentity(tx: DbOrTx, key: IdentityKey): Promise<{ user: User; identityId: string } | undefined> {
  const [row] = await tx
    .select({ user: users, identityId: identities.id })
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.scheme, key.scheme), eq(identities.issuer, key.issuer), eq(identities.subject, key.subject)))
    .limit(1);
  return row;
}

/** The person of a known identity, with what this login saw recorded on the identity; undefined when unknown. */
export async function knownPerson(tx: DbOrTx, key: IdentityKey, seen: IdentitySeen): Promise<User | undefined> {
  const known = await personByIdentity(tx, key);
  if (known) await tx.update(identities).set(seen).where(eq(identities.id, known.identityId));
  return known?.user;
}

/**
 * A new account (no e-mail address) with this identity. When the same person's first login
 * committed meanwhile in another tab or on another instance (the unique key made this insert wait
 * for it), that account is theirs, not a second one: `provisioned` is then false.
 */
export async function provisionPerson(tx: DbOrTx, key: IdentityKey, seen: IdentitySeen, displayName?: string): Promise<{ user: User; provisioned: boolean }> {
  const [made] = await tx.insert(users).values({ email: null, ...(displayName ? { displayName } : {}) }).returning();
  const [identity] = await tx
    .insert(identities)
    .values({ userId: made!.id, ...key, ...seen })
    .onConflictDoNothing({ target: [identities.scheme, identities.issuer, identities.subject] })
    .returning({ id: identities.id });
  if (identity) return { user: made!, provisioned: true };
  await tx.delete(users).where(eq(users.id, made!.id));
  const winner = await knownPerson(tx, key, seen);
  return { user: winner!, provisioned: false };
}
