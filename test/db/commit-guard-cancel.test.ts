// A request past its deadline closes its commit guard (db/commit-guard.ts). On PostgreSQL the pool's
// connections are shared and pipelined: closing a guard must never disturb another request's
// statement on the same connection. postgres.js 3.4.9 dropped a cancelled statement that was sent
// but waiting behind another one, and the next statement on that connection then resolved with the
// cancelled one's answer: the soak's 500 `Cannot read properties of undefined (reading 'count')` in
// the rate-limit counter (issue 18). Runs on PGlite too, where statements queue in the process.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitGuard, isCommitRefused, runWithCommitGuard } from '../../db/commit-guard.js';
import { openDb, type DbHandle } from '../../db/open.js';
import { rateLimits } from '../../db/schema.js';
import { isDatabaseUnavailable } from '../../bff/src/http/database-unavailable.js';
import { countRateLimitHit } from '../../bff/src/rate-limits/rate-limit-store.js';
import { openTestDb, testDbKind, type TestDb } from '../support/db.js';

let h: TestDb;
/** One connection on PostgreSQL, so statements of different "requests" share it, as under load. */
let one: DbHandle;
beforeAll(async () => {
  h = await openTestDb();
  one = h.url ? await openDb({ url: h.url, max: 1, migrate: false }) : h;
  // Connected before the tests: a statement sent while the connection is still being made waits in
  // the pool's queue instead of being pipelined.
  await one.ping();
});
afterAll(async () => {
  if (one !== h) await one?.close();
  await h?.close();
});

const rule = { name: 'soak-test', limit: 5, windowMs: 60_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The promise's outcome, or 'pending' when it has not settled within ms. */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((value) => ({ value }), (error: unknown) => ({ error })), sleep(ms).then(() => 'pending' as const)]);

describe(`closing a commit guard on a shared connection (${testDbKind})`, () => {
  it('leaves a statement already sent alone, and the next statement gets its own answer', async () => {
    const db = one.db;
    // The counter's statement is prepared on the connection already, as it is under load.
    await countRateLimitHit(db, rule, 'client-warm');
    // Another request's slow statement keeps the connection busy…
    // (Drizzle's queries start when awaited: each is awaited inside its own function, so it starts
    // now and, for the guarded one, in the guard's context.)
    const busy = (async () => db.execute(sql`select pg_sleep(0.6)`))();
    // …behind it, a request that will pass its deadline sends a statement that answers no rows…
    // (A pause between them keeps the order on the connection as written here.)
    await sleep(30);
    const guard = new CommitGuard();
    const late = runWithCommitGuard(guard, async () => db.select({ key: rateLimits.key }).from(rateLimits).where(sql`false`));
    await sleep(30);
    // …and a third request counts a rate-limit hit (one row back, always).
    const hit = countRateLimitHit(db, rule, 'client-a');
    await sleep(100); // both are written to the connection, waiting behind the slow one
    const settled = await guard.close(5000);

    expect(await within(hit, 10_000)).toEqual({ value: { over: false, retryAfterSeconds: 60 } });
    expect(await within(late, 10_000)).toEqual({ value: [] });
    expect(settled).toBe(true);
    await busy;
    const rows = await db.select({ key: rateLimits.key, count: rateLimits.count }).from(rateLimits).where(sql`${rateLimits.key} like 'soak-test:client-a%'`);
    expect(rows.map((r) => r.count)).toEqual([1]);
  });

  it('still takes back a statement that waits for a connection, and says "try again"', async () => {
    const db = one.db;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const isHeld = new Promise<void>((r) => (holding = r));
    // A transaction holds the only connection (PGlite: the database) until released.
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      holding();
      await held;
    });
    await isHeld;
    const guard = new CommitGuard();
    const queued = runWithCommitGuard(guard, async () => db.select({ key: rateLimits.key }).from(rateLimits));
    await sleep(50);
    const closing = guard.close(5000);
    const early = await within(queued, 2000);
    release();
    await transaction;
    // PostgreSQL takes it out of the pool's queue at once (57014). PGlite cannot take back a
    // statement waiting for the database: it is refused when its turn comes.
    const outcome = testDbKind === 'pglite' && early === 'pending' ? await within(queued, 5000) : early;
    expect(outcome).not.toBe('pending');
    const error = (outcome as { error?: unknown }).error;
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error) || isCommitRefused(error)).toBe(true);
    expect(await closing).toBe(true);
  });
});
