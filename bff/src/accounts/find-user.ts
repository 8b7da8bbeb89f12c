// Looks people up by e-mail address, case-insensitively (the unique index is on lower(email)).
import { eq, sql } from 'drizzle-orm';
import { users, type User } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';
import { normaliseEmail } from './email-domain.js';

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, normaliseEmail(email))).limit(1);
  return user;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}
