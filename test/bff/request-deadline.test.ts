// Every request has a deadline (POORT_REQUEST_DEADLINE_MS). A request held up past it (here: a row
// another transaction holds, on PostgreSQL; the embedded database busy with another transaction, on
// PGlite) answers 503 service_unavailable with Retry-After, and nothing it started commits later.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitGuard, CommitRefusedError, runWithCommitGuard } from '../../db/commit-guard.js';
import { users } from '../../db/schema.js';
import { isDatabaseUnavailable } from '../../bff/src/http/database-unavailable.js';
import { errorCode, GOOD_PASSWORD, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { POORT_REQUEST_DEADLINE_MS: '700' } });
});
afterAll(() => t.close());

/** Holds a lock on the user's row (and on PGlite, the whole database) until release() is called. */
function holdUserRow(userId: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = t.db.db.transaction(async (tx) => {
    await tx.execute(sql`select id from users where id = ${userId} for update`);
    locked();
    await released;
  });
  return { isLocked, release: async () => (release(), await done) };
}

describe(`request deadline on ${testDbKind}`, () => {
  it('answers 503 with Retry-After when the request is held up, and its transaction never commits', async () => {
    const user = await makeUser(t, 'traag@gemeente.example.nl');
    const before = await rowCounts(t.db.db);
    const lock = holdUserRow(user.id);
    await lock.isLocked;
    // A wrong password: the login counts the failure in a transaction that waits for the row.
    const answer = post(t, '/poort/api/login', { email: 'traag@gemeente.example.nl', password: 'niet-het-goede-wachtwoord' });
    // Without a deadline the request would wait for the lock: give up on it after 10 s.
    const res = await Promise.race([answer, new Promise<undefined>((r) => setTimeout(r, 10_000))]);
    await lock.release();
    expect(res?.status).toBe(503);
    expect(res!.headers.get('retry-after')).toBe('30');
    expect(await errorCode(res!)).toBe('service_unavailable');
    // Taking the same row lock waits until the request's own transaction has ended.
    await t.db.db.transaction((tx) => tx.execute(sql`select id from users where id = ${user.id} for update`));
    // The per-network login counter is counted before the password check, in a statement of its
    // own, so parallel guesses always count (L03); an attempt that ran out of time was an attempt.
    // Everything the person sees (lockout counter, sessions, audit, mail) is as before.
    const { rateLimits: _attempts, ...changed } = await rowCounts(t.db.db);
    const { rateLimits: _before, ...unchanged } = before;
    expect(changed).toEqual(unchanged);
    const [after] = await t.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedAttempts).toBe(0);
  });

  it('lets a request that keeps its deadline through as before', async () => {
    await makeUser(t, 'vlot@gemeente.example.nl');
    const res = await post(t, '/poort/api/login', { email: 'vlot@gemeente.example.nl', password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
  });
});

describe('commit guard', () => {
  it('refuses statements after closing, cancels what it can, and waits for what is in flight', async () => {
    const guard = new CommitGuard();
    let finish!: () => void;
    const slow = new Promise<void>((r) => (finish = r));
    let cancelled = 0;
    runWithCommitGuard(guard, () => guard.track(slow, () => cancelled++));
    const closing = guard.close(5000);
    expect(cancelled).toBe(1);
    expect(() => guard.admit()).toThrow(CommitRefusedError);
    finish();
    expect(await closing).toBe(true);
  });

  it('gives up waiting after the grace period and says so', async () => {
    const guard = new CommitGuard();
    guard.track(new Promise(() => {}));
    expect(await guard.close(10)).toBe(false);
  });

  it('rolls back a transaction whose body ends after the guard closed', async () => {
    const guard = new CommitGuard();
    const before = await rowCounts(t.db.db);
    const attempt = runWithCommitGuard(guard, () =>
      t.db.db.transaction(async (tx) => {
        await tx.insert(users).values({ email: 'nooit@gemeente.example.nl' });
        await guard.close(0);
      }),
    );
    await expect(attempt).rejects.toThrow(CommitRefusedError);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });
});

describe('errors that mean "try again"', () => {
  it('include a statement cancelled by a deadline, also for requests that shared it', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('canceling statement due to user request'), { code: '57014' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '57014' }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
