// Loads who is acting on the admin API: the session's user with their memberships, the input the
// scope policy (admin-scope.ts) decides on.
import { eq } from 'drizzle-orm';
import { memberships, type User } from '../../../db/schema.js';
import type { DbOrTx } from '../../../db/open.js';
import type { AdminActor } from './admin-scope.js';

export async function loadAdminActor(db: DbOrTx, user: Pick<User, 'id' | 'role'>): Promise<AdminActor> {
  const rows = await db.select({ organisationId: memberships.organisationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, user.id));
  return { id: user.id, role: user.role, memberships: rows };
}
