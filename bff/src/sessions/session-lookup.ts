// Reads sessions by token hash, coalescing the checks that arrive together into one query.
//
// Every request with a cookie needs its session, and under load dozens arrive in the same turn of
// the event loop. Each separate query costs a round trip, a socket write and the driver's per-query
// bookkeeping on both sides; one `token_hash = any($1)` query for all of them costs little more
// than one. Nothing is cached: every lookup still reads the database after it was asked for, so a
// logout or a disable on any instance is seen by the next request everywhere.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { sessions, users, type Session, type User } from '../../../db/schema.js';

/** What a request knows about its user: never the password hash or the lockout state. */
export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  locale: users.locale,
  notificationEmail: users.notificationEmail,
  notificationEmailVerifiedAt: users.notificationEmailVerifiedAt,
};
export type SessionUser = Pick<User, keyof typeof sessionUserColumns>;

/** Requests with the same cookie in one batch get the same object: read it, never change it. */
export interface StoredSession {
  session: Session;
  user: SessionUser;
}

/** Enough to share one statement, small enough that a batch never becomes a slow query. */
const MAX_BATCH = 256;

interface Batch {
  waiting: Map<string, Array<{ resolve(row: StoredSession | undefined): void; reject(error: unknown): void }>>;
}

const batches = new WeakMap<Db, { current: Batch | undefined; query: ReturnType<typeof prepareQuery> }>();

/** The session row with its (not disabled) user, whatever its expiry: the caller's policy decides. */
export function lookUpSession(db: Db, tokenHash: string): Promise<StoredSession | undefined> {
  let state = batches.get(db);
  if (!state) batches.set(db, (state = { current: undefined, query: prepareQuery(db) }));
  let batch = state.current;
  if (!batch || batch.waiting.size >= MAX_BATCH) {
    const fresh: Batch = (batch = { waiting: new Map() });
    state.current = fresh;
    const query = state.query;
    // After the I/O phase that delivered the requests of this turn, so they all join.
    setImmediate(() => {
      if (state.current === fresh) state.current = undefined;
      void run(query, fresh);
    });
  }
  const open = batch;
  return new Promise((resolve, reject) => {
    const list = open.waiting.get(tokenHash);
    if (list) list.push({ resolve, reject });
    else open.waiting.set(tokenHash, [{ resolve, reject }]);
  });
}

async function run(query: ReturnType<typeof prepareQuery>, batch: Batch): Promise<void> {
  try {
    const rows = await query.execute({ hashes: [...batch.waiting.keys()] });
    const byHash = new Map(rows.map((row) => [row.session.tokenHash, row]));
    for (const [hash, waiters] of batch.waiting) for (const w of waiters) w.resolve(byHash.get(hash));
  } catch (error) {
    for (const waiters of batch.waiting.values()) for (const w of waiters) w.reject(error);
  }
}

function prepareQuery(db: Db) {
  return db
    .select({ session: sessions, user: sessionUserColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(sql`${sessions.tokenHash} = any(${sql.placeholder('hashes')}::text[]) and ${users.disabledAt} is null`)
    .prepare('poort_find_sessions');
}
