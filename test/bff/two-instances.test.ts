// Two BFF instances on one database share sessions, lockout counters and rate limits: nothing
// lives in a process. On PostgreSQL the second instance has a connection pool of its own.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open.js';
import { users } from '../../db/schema.js';
import { rateLimitRules } from '../../bff/src/rate-limits/rate-limit-policy.js';
import { GOOD_PASSWORD, cookieFrom, makeUser, post } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import type { TestDb } from '../support/db.js';

let a: TestApp;
let b: TestApp;
let secondPool: TestDb | undefined;

beforeAll(async () => {
  a = await createTestApp();
  secondPool = a.db.url ? await openDb({ url: a.db.url, max: 5, migrate: false }) : undefined;
  b = await createTestApp({}, secondPool ?? a.db);
});
afterAll(async () => {
  await secondPool?.close();
  await a.close();
});

describe('two instances on one database', () => {
  it('share sessions: log in on one, use and end it on the other', async () => {
    await makeUser(a, 'gedeeld@gemeente.example.nl');
    const cookie = cookieFrom(await post(a, '/poort/api/login', { email: 'gedeeld@gemeente.example.nl', password: GOOD_PASSWORD }));
    expect((await b.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(200);
    expect((await post(b, '/poort/api/logout', '', { cookie })).status).toBe(204);
    expect((await a.app.request('/poort/api/session', { headers: { cookie } })).status).toBe(401);
  });

  it('share the lockout counter: 10 parallel failures spread over both are all counted', async () => {
    const user = await makeUser(a, 'verdeeld@gemeente.example.nl');
    await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? a : b, '/poort/api/login', { email: 'verdeeld@gemeente.example.nl', password: `fout ${i} fout fout` })));
    const [after] = await a.db.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.failedAttempts).toBe(10);
    expect((await post(b, '/poort/api/login', { email: 'verdeeld@gemeente.example.nl', password: GOOD_PASSWORD })).status).toBe(401);
  });

  it('share rate limits: forgot-password requests from one client are counted across both', async () => {
    const limit = rateLimitRules.forgotPerClient.limit;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const res = await post(i % 2 ? a : b, '/poort/api/password/forgot', { email: `iemand${i}@gemeente.example.nl` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(202));
    expect(statuses[limit]).toBe(429);
  });
});
