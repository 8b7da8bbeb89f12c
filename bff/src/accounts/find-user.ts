// Looks people up by e-mail address, case-insensitively (the unique index is on lower(email)).
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { memberships, users, type User } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';
import { preparedPerHandle } from '../../../db/prepared.js';
import { normaliseEmail } from './email-domain.js';

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, normaliseEmail(email))).limit(1);
  return user;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** An account as a password check needs it: the person and the organisations they belong to. */
export type LoginAccount = User & { membershipIds: string[] };

// The password login's read: the person and their memberships in one round trip, prepared.
const findLoginAccountStatement = preparedPerHandle((db) =>
  db
    .select({
      ...getTableColumns(users),
      membershipIds: sql<string[]>`array(select ${memberships.organisationId} from ${memberships} where ${memberships.userId} = ${users.id} order by ${memberships.organisationId})`,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, sql.placeholder('email')))
    .limit(1)
    .prepare('poort_find_login_account'),
);

export async function findLoginAccount(db: DbOrTx, email: string): Promise<LoginAccount | undefined> {
  const [account] = await findLoginAccountStatement(db).execute({ email: normaliseEmail(email) });
  return account;
}
