// Row counts of every table a request could write to: "nothing was written" is then one toEqual.
import { count } from 'drizzle-orm';
import { activationCodes, auditEvents, identities, memberships, organisations, outbox, pendingLinks, rateLimits, sessions, texts, tokens, users } from '../../db/schema.js';
import type { Db } from '../../db/open.js';

const tables = { users, organisations, memberships, identities, sessions, tokens, outbox, auditEvents, rateLimits, pendingLinks, activationCodes, texts };

export async function rowCounts(db: Db): Promise<Record<keyof typeof tables, number>> {
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}
