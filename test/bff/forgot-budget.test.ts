// The forgot-password budget (3 mails an hour per address) is counted in the transaction that
// writes the mail: a request that fails before committing (here: it passes its deadline while the
// outbox is locked, on PostgreSQL) uses none of it, and the next 3 requests each get their mail.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema.js';
import { rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import { errorCode, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDbKind } from '../support/db.js';

const email = 'budget@gemeente.example.nl';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { POORT_REQUEST_DEADLINE_MS: '700' } });
  await makeUser(t, email);
});
afterAll(() => t.close());

const mails = async () => (await t.db.db.select().from(outbox).where(eq(outbox.to, email))).length;

describe(`forgot-password budget on ${testDbKind}`, () => {
  it('is not used by a request that failed', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // No mail can be written while this lasts (on PGlite nothing at all can).
    const holder = t.db.db.transaction(async (tx) => {
      await tx.execute(sql`lock table outbox in exclusive mode`);
      locked();
      await released;
    });
    await isLocked;
    const failed = await Promise.race([post(t, '/poort/api/password/forgot', { email }), new Promise<undefined>((r) => setTimeout(r, 10_000))]);
    release();
    await holder;
    expect(failed?.status).toBe(503);
    expect(await errorCode(failed!)).toBe('service_unavailable');
    // The failed request's transaction has ended once the table can be locked again.
    await t.db.db.transaction((tx) => tx.execute(sql`lock table outbox in exclusive mode`));
    expect(await mails()).toBe(0);

    for (let i = 0; i < rateLimitRules.forgotPerEmail.limit; i++) {
      expect((await post(t, '/poort/api/password/forgot', { email })).status).toBe(202);
    }
    expect(await mails()).toBe(rateLimitRules.forgotPerEmail.limit);
    // The budget is used up now: a fourth request still answers 202 but mails nothing.
    expect((await post(t, '/poort/api/password/forgot', { email })).status).toBe(202);
    expect(await mails()).toBe(rateLimitRules.forgotPerEmail.limit);
  });
});
